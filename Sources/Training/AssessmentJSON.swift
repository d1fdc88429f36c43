import Dialogue

/// A JSON value with the line and column where it starts, so a trainer's config file can be reported
/// at FILE:LINE:COL. Foundation's parser knows no positions for values, only (sometimes) for syntax errors.
struct AssessmentJSON: Sendable, Equatable {
    indirect enum Value: Sendable, Equatable {
        case object([Member])
        case array([AssessmentJSON])
        case string(String)
        /// The number and its text as written (to tell `70` from `70.5`).
        case number(Double, text: String)
        case bool(Bool)
        case null
    }

    struct Member: Sendable, Equatable {
        var key: String
        var keyPosition: SourcePosition
        var value: AssessmentJSON
    }

    var value: Value
    var position: SourcePosition

    /// What kind of value this is, in words: "a number", "text", ...
    var kind: String {
        switch value {
        case .object: return "an object"
        case .array: return "a list"
        case .string: return "text"
        case .number: return "a number"
        case .bool: return "true or false"
        case .null: return "null"
        }
    }

    /// The value as written, briefly, for messages.
    var shown: String {
        switch value {
        case .object: return "{...}"
        case .array: return "[...]"
        case let .string(s): return "\"\(s.count > 30 ? String(s.prefix(30)) + "..." : s)\""
        case let .number(_, text): return text
        case let .bool(b): return b ? "true" : "false"
        case .null: return "null"
        }
    }
}

/// A problem in a config file, at a 1-based line and column.
public struct AssessmentConfigDiagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }
    public var line: Int
    public var column: Int
    public var severity: Severity
    public var message: String

    public init(line: Int, column: Int, severity: Severity = .error, message: String) {
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    init(_ position: SourcePosition, _ message: String, severity: Severity = .error) {
        self.init(line: position.line, column: position.column, severity: severity, message: message)
    }

    public var description: String { "\(line):\(column): \(severity.rawValue): \(message)" }
}

/// Reads JSON text into ``AssessmentJSON``, stopping at the first syntax error with a plain-English
/// message and its position.
struct AssessmentJSONParser {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var column = 1
    private static let maxDepth = 32

    init(_ bytes: [UInt8]) {
        var b = bytes
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { b.removeFirst(3) }
        self.bytes = b
    }

    /// The whole document: one value, then nothing but spaces.
    static func parse(_ bytes: [UInt8]) -> Result<AssessmentJSON, AssessmentConfigDiagnostic> {
        var parser = AssessmentJSONParser(bytes)
        do throws(AssessmentConfigDiagnostic) {
            parser.skipSpace()
            guard parser.index < parser.bytes.count else {
                throw parser.error("the file is empty; it should hold one JSON object, such as { \"passMark\": 70 }")
            }
            let value = try parser.value(depth: 0)
            parser.skipSpace()
            if parser.index < parser.bytes.count {
                throw parser.error("there is more after the end of the JSON object; the file should hold just one { ... }")
            }
            return .success(value)
        } catch {
            return .failure(error)
        }
    }

    private var position: SourcePosition { SourcePosition(line: line, column: column) }

    private func error(_ message: String, at p: SourcePosition? = nil) -> AssessmentConfigDiagnostic {
        AssessmentConfigDiagnostic(p ?? position, message)
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func advance() {
        guard index < bytes.count else { return }
        let b = bytes[index]
        index += 1
        if b == 0x0A {
            line += 1
            column = 1
        } else if b & 0xC0 != 0x80 {
            // Count characters, not the continuation bytes of UTF-8.
            column += 1
        }
    }

    private mutating func skipSpace() {
        while let b = current, b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { advance() }
    }

    private mutating func value(depth: Int) throws(AssessmentConfigDiagnostic) -> AssessmentJSON {
        guard depth < AssessmentJSONParser.maxDepth else { throw error("the values are nested too deeply") }
        let start = position
        guard let b = current else { throw error("the file ends where a value should be") }
        switch b {
        case UInt8(ascii: "{"): return AssessmentJSON(value: .object(try object(depth: depth)), position: start)
        case UInt8(ascii: "["): return AssessmentJSON(value: .array(try array(depth: depth)), position: start)
        case UInt8(ascii: "\""): return AssessmentJSON(value: .string(try string()), position: start)
        case UInt8(ascii: "'"): throw error("JSON text goes in double quotes (\"), not single quotes")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        case UInt8(ascii: "/"): throw error("JSON has no comments; remove this one (a \"note\" setting can hold text instead)")
        default:
            let word = self.word()
            switch word {
            case "true": return AssessmentJSON(value: .bool(true), position: start)
            case "false": return AssessmentJSON(value: .bool(false), position: start)
            case "null": return AssessmentJSON(value: .null, position: start)
            case "": throw error("expected a value here (a number, true, false, null, \"text\", { } or [ ])", at: start)
            default: throw error("`\(word)` is not a JSON value; text goes in double quotes", at: start)
            }
        }
    }

    /// Letters and digits from here (consumed), for literals and for messages about bare words.
    private mutating func word() -> String {
        var out: [UInt8] = []
        while let b = current, (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x5F {
            out.append(b)
            advance()
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func object(depth: Int) throws(AssessmentConfigDiagnostic) -> [AssessmentJSON.Member] {
        let open = position
        advance()
        var members: [AssessmentJSON.Member] = []
        skipSpace()
        if current == UInt8(ascii: "}") {
            advance()
            return members
        }
        while true {
            skipSpace()
            let keyPosition = position
            guard let b = current else { throw error("the file ends inside the { that opens at line \(open.line), column \(open.column); a } is missing") }
            if b == UInt8(ascii: "}") { throw error("a comma before `}`: JSON allows no comma after the last setting") }
            if b == UInt8(ascii: "/") { throw error("JSON has no comments; remove this one (a \"note\" setting can hold text instead)") }
            guard b == UInt8(ascii: "\"") else {
                let w = word()
                let shown = w.isEmpty ? "`\(Character(Unicode.Scalar(b)))`" : "`\(w)`"
                throw error("expected a setting name in double quotes, like \"passMark\", but found \(shown)", at: keyPosition)
            }
            let key = try string()
            skipSpace()
            guard current == UInt8(ascii: ":") else { throw error("expected `:` after \"\(key)\"") }
            advance()
            skipSpace()
            let v = try value(depth: depth + 1)
            members.append(AssessmentJSON.Member(key: key, keyPosition: keyPosition, value: v))
            skipSpace()
            guard let next = current else { throw error("the file ends inside the { that opens at line \(open.line), column \(open.column); a } is missing") }
            if next == UInt8(ascii: ",") {
                advance()
                continue
            }
            if next == UInt8(ascii: "}") {
                advance()
                return members
            }
            throw error("expected `,` or `}` after the value of \"\(key)\"")
        }
    }

    private mutating func array(depth: Int) throws(AssessmentConfigDiagnostic) -> [AssessmentJSON] {
        let open = position
        advance()
        var items: [AssessmentJSON] = []
        skipSpace()
        if current == UInt8(ascii: "]") {
            advance()
            return items
        }
        while true {
            skipSpace()
            if current == UInt8(ascii: "]") { throw error("a comma before `]`: JSON allows no comma after the last item") }
            items.append(try value(depth: depth + 1))
            skipSpace()
            guard let next = current else { throw error("the file ends inside the [ that opens at line \(open.line), column \(open.column); a ] is missing") }
            if next == UInt8(ascii: ",") {
                advance()
                continue
            }
            if next == UInt8(ascii: "]") {
                advance()
                return items
            }
            throw error("expected `,` or `]` after an item of the list")
        }
    }

    private mutating func string() throws(AssessmentConfigDiagnostic) -> String {
        let open = position
        advance()
        var out: [UInt8] = []
        while true {
            guard let b = current else { throw error("the text that starts here has no closing \"", at: open) }
            if b == 0x0A { throw error("the text that starts here has no closing \" on its line", at: open) }
            if b < 0x20 { throw error("a control character inside text; write it as an escape such as \\t") }
            if b == UInt8(ascii: "\"") {
                advance()
                break
            }
            if b == UInt8(ascii: "\\") {
                let escape = position
                advance()
                guard let e = current else { throw error("the file ends inside an escape") }
                advance()
                switch e {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4(escape)
                    if (0xD800...0xDBFF).contains(scalar), current == UInt8(ascii: "\\") {
                        advance()
                        guard current == UInt8(ascii: "u") else { throw error("a \\u escape for half a character is not followed by its other half", at: escape) }
                        advance()
                        let low = try hex4(escape)
                        guard (0xDC00...0xDFFF).contains(low) else { throw error("a \\u escape for half a character is not followed by its other half", at: escape) }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let u = Unicode.Scalar(scalar) else { throw error("\\u escape for half a character on its own", at: escape) }
                    out.append(contentsOf: Array(String(Character(u)).utf8))
                default:
                    throw error("`\\\(Character(Unicode.Scalar(e)))` is not an escape JSON knows; write \\\\ for a backslash", at: escape)
                }
                continue
            }
            out.append(b)
            advance()
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func hex4(_ escape: SourcePosition) throws(AssessmentConfigDiagnostic) -> UInt32 {
        var n: UInt32 = 0
        for _ in 0..<4 {
            guard let b = current, let d = AssessmentJSONParser.hexValue(b) else {
                throw error("a \\u escape needs four hex digits", at: escape)
            }
            n = n * 16 + d
            advance()
        }
        return n
    }

    private static func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(b - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(b - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(b - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    private mutating func number() throws(AssessmentConfigDiagnostic) -> AssessmentJSON {
        let start = position
        var text: [UInt8] = []
        func isDigit(_ b: UInt8?) -> Bool { b.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
        if current == UInt8(ascii: "-") {
            text.append(UInt8(ascii: "-"))
            advance()
        }
        guard isDigit(current) else { throw error("a number should follow `-`", at: start) }
        if current == UInt8(ascii: "0") {
            text.append(UInt8(ascii: "0"))
            advance()
            if isDigit(current) { throw error("a number cannot start with 0 (write 7, not 07)", at: start) }
        }
        while isDigit(current), let b = current {
            text.append(b)
            advance()
        }
        if current == UInt8(ascii: ".") {
            text.append(UInt8(ascii: "."))
            advance()
            guard isDigit(current) else { throw error("a digit should follow the decimal point", at: start) }
            while isDigit(current), let b = current {
                text.append(b)
                advance()
            }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            text.append(UInt8(ascii: "e"))
            advance()
            if let b = current, b == UInt8(ascii: "+") || b == UInt8(ascii: "-") {
                text.append(b)
                advance()
            }
            guard isDigit(current) else { throw error("a digit should follow the exponent", at: start) }
            while isDigit(current), let b = current {
                text.append(b)
                advance()
            }
        }
        let written = String(decoding: text, as: UTF8.self)
        // A number run straight into letters (`10m`, `5min`) is a common slip.
        let trailing = word()
        if !trailing.isEmpty {
            throw error("`\(written)\(trailing)` is not a number; write just the number (the setting's name says the unit)", at: start)
        }
        guard let n = Double(written) else { throw error("`\(written)` is not a number", at: start) }
        return AssessmentJSON(value: .number(n, text: written), position: start)
    }
}
