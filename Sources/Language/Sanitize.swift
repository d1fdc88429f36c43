/// Cleans a line the trainee typed so it is safe to show, store and analyse: terminal escape sequences
/// and other control characters are removed, tabs become spaces, invalid UTF-8 has already become U+FFFD
/// when the bytes were decoded, and very long lines are cut to `maxLength` characters.
public struct SanitizedLine: Sendable, Equatable {
    public var text: String
    /// True when something was removed or the line was cut.
    public var changed: Bool
    public var truncated: Bool
}

public enum LineSanitizer {
    /// The longest reply kept, in characters. Longer replies are cut, and the trainee is told.
    public static let maxLength = 8_000

    public static func sanitize(_ line: String, maxLength: Int = LineSanitizer.maxLength) -> SanitizedLine {
        var out = String.UnicodeScalarView()
        var changed = false
        var truncated = false
        var count = 0
        var scalars = line.unicodeScalars.makeIterator()
        while let s = scalars.next() {
            if s == "\u{1B}" {
                // ESC: drop a CSI/OSC sequence or the single following character.
                changed = true
                guard let next = scalars.next() else { break }
                if next == "[" {
                    while let c = scalars.next(), !(0x40...0x7E).contains(c.value) {}
                } else if next == "]" {
                    while let c = scalars.next(), c != "\u{07}", c != "\u{1B}" {}
                }
                continue
            }
            if s == "\t" { out.append(" "); changed = true; count += 1; continue }
            if s.properties.generalCategory == .control || s.properties.generalCategory == .format && s.value != 0x200D
                || (0x80...0x9F).contains(s.value) || s.value == 0x2028 || s.value == 0x2029 {
                changed = true
                continue
            }
            if count >= maxLength { truncated = true; changed = true; break }
            out.append(s)
            count += 1
        }
        return SanitizedLine(text: String(out).trimmingSpaces(), changed: changed, truncated: truncated)
    }
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let f = scalars.first, f.isWhitespace { scalars.removeFirst() }
        while let l = scalars.last, l.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
