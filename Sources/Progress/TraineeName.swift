import Foundation

/// A trainee's name as typed, checked so it is safe to keep records under.
///
/// A name is 1 to 64 characters of letters (any script), digits, spaces and `-` `_` `.` `'`, not
/// starting with `.` or `-`. It is never used as a path itself: records are filed under ``key``, in which
/// lowercase letters a-z and digits stand for themselves, a space becomes `-`, and every other character
/// is written as `%XX` (its UTF-8 bytes in hex). So "Sam Jones" and "sam jones" share a record, while
/// "sam-jones" (kept as `sam%2Djones`) is someone else. Accented letters count the same whether they
/// were typed as one character or as a letter plus a combining accent. A key that would be longer than
/// 200 characters (a long name in a non-Latin script) is cut short and ends in `~` and a hash of the
/// whole key, so the files named after it stay within what file systems allow.
public struct TraineeName: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The name as the trainee typed it (trimmed).
    public let display: String
    /// The file-safe key records are filed under.
    public let key: String

    public static let maxLength = 64

    public var description: String { display }

    public init(_ raw: String) throws(TraineeNameError) {
        let name = raw.trimmingCharacters(in: " ")
        if name.isEmpty { throw .empty }
        if name.count > TraineeName.maxLength { throw .tooLong(name.count) }
        if name == "." || name == ".." { throw .dots }
        for scalar in name.unicodeScalars {
            switch scalar {
            case "/": throw .character("/")
            case "\\": throw .character("\\")
            case "\0": throw .control
            default: break
            }
            if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format
                || scalar.properties.generalCategory == .lineSeparator || scalar.properties.generalCategory == .paragraphSeparator {
                throw .control
            }
            let allowed = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                || " -_.'".unicodeScalars.contains(scalar) || scalar.properties.generalCategory == .nonspacingMark
                || scalar.properties.generalCategory == .spacingMark
            if !allowed { throw .character(String(scalar)) }
        }
        if let first = name.first, first == "." || first == "-" { throw .leading(first) }
        display = name
        key = TraineeName.key(for: name)
    }

    static func key(for name: String) -> String {
        var out = ""
        for scalar in name.lowercased().precomposedStringWithCanonicalMapping.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if scalar == " " {
                out.append("-")
            } else {
                for byte in String(scalar).utf8 {
                    out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
                }
            }
        }
        guard out.utf8.count > maxKeyLength else { return out }
        // Shortened keys end in `~` and a hash of the whole key; `~` never appears in a full key.
        return String(out.prefix(maxKeyLength - 17)) + "~" + fnv1a(out)
    }

    /// The longest key kept whole. The longest file name made from a key (a call's temporary file,
    /// `.YYYYMMDD-HHMMSS-KEY-XXXX.json.PID.RANDOM.tmp`) is the key plus 50 bytes, and file systems
    /// allow 255.
    static let maxKeyLength = 200

    /// A 64-bit FNV-1a hash of the text's UTF-8 bytes, as 16 hex digits. Stable across runs and platforms.
    private static func fnv1a(_ text: String) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return String(hash, radix: 16).leftPadded(to: 16)
    }
}

/// Why a trainee name was refused.
public enum TraineeNameError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case tooLong(Int)
    case dots
    case character(String)
    case control
    case leading(Character)

    public var description: String {
        let allowed = "use letters, digits, spaces, '-', '_', '.' or an apostrophe"
        switch self {
        case .empty: return "A trainee name cannot be empty; type the name you want your record kept under."
        case let .tooLong(n):
            return "A trainee name can be at most \(TraineeName.maxLength) characters; this one has \(n). Use a shorter form of the name."
        case .dots: return "A trainee name cannot be '.' or '..'; \(allowed)."
        case let .character(c): return "A trainee name cannot contain '\(c)'; \(allowed)."
        case .control: return "A trainee name cannot contain control characters; \(allowed)."
        case let .leading(c): return "A trainee name cannot start with '\(c)'; start it with a letter or digit."
        }
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) || f.isWhitespace { s.removeFirst() }
        while let l = s.last, set.contains(l) || l.isWhitespace { s.removeLast() }
        return String(s)
    }

    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
