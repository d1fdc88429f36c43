import Dialogue
import Foundation
import Yams

/// Collects the diagnostics for one file.
struct DiagnosticSink {
    let file: String
    var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    mutating func error(_ message: String, at mark: SourcePosition?) {
        add(.error, message, at: mark)
    }

    mutating func warning(_ message: String, at mark: SourcePosition?) {
        add(.warning, message, at: mark)
    }

    mutating func add(_ severity: Diagnostic.Severity, _ message: String, at mark: SourcePosition?) {
        diagnostics.append(Diagnostic(file: file, line: mark?.line ?? 1, column: mark?.column ?? 0,
                                      severity: severity, message: message))
    }

    mutating func error(_ message: String, line: Int, column: Int) {
        diagnostics.append(Diagnostic(file: file, line: line, column: column, severity: .error, message: message))
    }

    var hasErrors: Bool { diagnostics.hasErrors }
}

/// Turns the text of a content file into a YAML node tree, refusing what content files never need and what
/// could make loading slow or crash: huge files, binary data, anchors and aliases, very deep nesting.
enum YAMLDocument {
    /// Files larger than this are refused before they are parsed.
    static let maximumBytes = 5 * 1024 * 1024
    /// Content never nests anywhere near this deep; deeper files are refused.
    static let maximumDepth = 64

    /// Reads a file's bytes as text, or reports why it is not usable text.
    static func text(from data: Data, sink: inout DiagnosticSink) -> String? {
        if data.count > maximumBytes {
            sink.error(tooLargeMessage(bytes: data.count), line: 1, column: 0)
            return nil
        }
        var line = 1, column = 1
        var iterator = data.makeIterator()
        var decoder = UTF8()
        decoding: while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar):
                if scalar == "\0" {
                    sink.error(binaryMessage, line: line, column: column)
                    return nil
                }
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                break decoding
            case .error:
                sink.error("the file is not UTF-8 text: it has bytes here that are not letters or symbols; "
                           + "save it as UTF-8", line: line, column: column)
                return nil
            }
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Parses YAML text into its root node, adding a diagnostic for every reason it cannot be used.
    /// Returns nil when the text cannot be used at all.
    static func compose(_ text: String, sink: inout DiagnosticSink) -> Yams.Node? {
        let bytes = text.utf8.count
        if bytes > maximumBytes {
            sink.error(tooLargeMessage(bytes: bytes), line: 1, column: 0)
            return nil
        }
        if let nul = position(ofFirst: { $0 == "\0" }, in: text) {
            sink.error(binaryMessage, line: nul.line, column: nul.column)
            return nil
        }
        // Refused before parsing: an alias that expands exponentially would hang the parser if used as a key.
        if let found = AnchorScanner.scan(text) {
            sink.error(found.isAlias ? aliasMessage : anchorMessage(found.name), line: found.line, column: found.column)
            return nil
        }
        let parser: Parser
        let root: Yams.Node?
        do {
            parser = try Parser(yaml: text)
            root = try parser.singleRoot()
        } catch let error as YamlError {
            report(error, text: text, sink: &sink)
            return nil
        } catch {
            sink.error("the file could not be read as YAML: \(error)", line: 1, column: 0)
            return nil
        }
        guard let root else {
            sink.error("the file is empty", line: 1, column: 0)
            return nil
        }
        // Anchors are held weakly by the nodes and strongly by the parser: keep it alive while checking.
        let safe = withExtendedLifetime(parser) { checkShape(root, text: text, sink: &sink) }
        return safe ? root : nil
    }

    static let binaryMessage = "the file looks binary, not text: it has a NUL byte here"

    static func tooLargeMessage(bytes: Int) -> String {
        let megabytes = Double(bytes) / 1_048_576
        return "the file is too large to be content (\(String(format: "%.1f", megabytes)) MB); "
            + "content files are limited to 5 MB"
    }

    // MARK: - Anchors, aliases and depth

    private enum ShapeProblem {
        case alias(name: String, searchFrom: SourcePosition?)
        case tooDeep(SourcePosition?)
    }

    /// Walks the tree in document order, at most once per node, stopping at the first alias or at the first
    /// node deeper than the limit. An alias shares its anchor's node, so a node seen again is an alias.
    private static func checkShape(_ root: Yams.Node, text: String, sink: inout DiagnosticSink) -> Bool {
        var anchored = Set<ObjectIdentifier>()
        var firstAnchor: (name: String, mark: SourcePosition?)?
        var lastMark: SourcePosition?

        func visit(_ node: Yams.Node, depth: Int) -> ShapeProblem? {
            if case let .alias(alias) = node {
                return .alias(name: alias.anchor.rawValue, searchFrom: alias.mark?.sourcePosition ?? lastMark)
            }
            if let anchor = node.anchor {
                let id = ObjectIdentifier(anchor)
                if anchored.contains(id) {
                    return .alias(name: anchor.rawValue, searchFrom: lastMark)
                }
                anchored.insert(id)
                if firstAnchor == nil { firstAnchor = (anchor.rawValue, node.position) }
            }
            lastMark = node.position ?? lastMark
            switch node {
            case let .mapping(mapping):
                if depth >= maximumDepth { return .tooDeep(node.position) }
                for (key, value) in mapping {
                    if let problem = visit(key, depth: depth + 1) { return problem }
                    if let problem = visit(value, depth: depth + 1) { return problem }
                }
            case let .sequence(sequence):
                if depth >= maximumDepth { return .tooDeep(node.position) }
                for item in sequence {
                    if let problem = visit(item, depth: depth + 1) { return problem }
                }
            case .scalar, .alias:
                break
            }
            return nil
        }

        switch visit(root, depth: 0) {
        case let .alias(name, searchFrom):
            let mark = find("*" + name, in: text, from: searchFrom) ?? searchFrom
            sink.error(aliasMessage, at: mark)
            return false
        case let .tooDeep(mark):
            sink.error(tooDeepMessage, at: mark)
            return false
        case nil:
            if let firstAnchor {
                sink.error(anchorMessage(firstAnchor.name), at: firstAnchor.mark)
                return false
            }
            return true
        }
    }

    static let aliasMessage = "aliases (*name) are not supported in content files; write the value out in full"
    static func anchorMessage(_ name: String) -> String {
        "anchors (&\(name)) are not supported in content files; write the value out in full"
    }

    static let tooDeepMessage = "the file nests deeper than \(maximumDepth) levels here; content files never need that"

    // MARK: - Positions in the text

    /// The 1-based line and column (counted in Unicode scalars, as YAML marks are) of the first scalar
    /// that matches.
    static func position(ofFirst matches: (Unicode.Scalar) -> Bool, in text: String) -> (line: Int, column: Int)? {
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            if matches(scalar) { return (line, column) }
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return nil
    }

    /// The position of `needle` as a whole token (not followed by a name character), searching from `start`.
    static func find(_ needle: String, in text: String, from start: SourcePosition?) -> SourcePosition? {
        let target = Array(needle.unicodeScalars)
        guard !target.isEmpty else { return nil }
        let scalars = text.unicodeScalars
        var line = 1, column = 1
        var index = scalars.startIndex
        let startLine = start?.line ?? 1, startColumn = start?.column ?? 1
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if line > startLine || (line == startLine && column >= startColumn), scalar == target[0] {
                var probe = index
                var matched = 0
                while matched < target.count, probe < scalars.endIndex, scalars[probe] == target[matched] {
                    matched += 1
                    probe = scalars.index(after: probe)
                }
                if matched == target.count, probe == scalars.endIndex || !isNameScalar(scalars[probe]) {
                    return SourcePosition(line: line, column: column)
                }
            }
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            index = scalars.index(after: index)
        }
        return nil
    }

    static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            || scalar == "-" || scalar == "_"
    }

    /// The text of one line (1-based), or nil.
    static func line(_ number: Int, of text: String) -> Substring? {
        var current = 1
        var start = text.startIndex
        while current < number {
            guard let newline = text[start...].firstIndex(of: "\n") else { return nil }
            start = text.index(after: newline)
            current += 1
        }
        let end = text[start...].firstIndex(of: "\n") ?? text.endIndex
        return text[start..<end]
    }

    /// The Unicode scalar at a mark, if any.
    static func scalar(at mark: SourcePosition, in text: String) -> Unicode.Scalar? {
        guard let line = line(mark.line, of: text) else { return nil }
        let scalars = Array(line.unicodeScalars)
        let index = mark.column - 1
        return scalars.indices.contains(index) ? scalars[index] : nil
    }

    // MARK: - YAML errors in plain English

    private static func report(_ error: YamlError, text: String, sink: inout DiagnosticSink) {
        switch error {
        case let .scanner(_, problem, yamlMark, _), let .parser(_, problem, yamlMark, _):
            let mark = yamlMark.sourcePosition
            sink.error(plain(problem: problem, at: mark, text: text), at: mark)
        case let .composer(context, problem, yamlMark, _):
            let mark = yamlMark.sourcePosition
            if problem.contains("undefined alias") {
                sink.error(aliasMessage, at: mark)
            } else if context?.text.contains("single document") == true {
                sink.error("a content file holds one YAML document; remove this `---` and what follows, "
                           + "or move it to its own file", at: mark)
            } else {
                sink.error("the YAML is not well formed here: \(problem)", at: mark)
            }
        case let .reader(problem, offset, _, _):
            let position = offset.flatMap { characterPosition(offset: $0, in: text) } ?? (1, 0)
            let message: String
            if problem.contains("control character") {
                message = "the file has a control character here, which YAML does not allow; "
                    + "delete it (binary data is not content)"
            } else {
                message = "the file is not UTF-8 text here (\(problem)); save it as UTF-8"
            }
            sink.error(message, line: position.0, column: position.1)
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.first ?? ""
            let first = context.mark.sourcePosition
            let second = secondOccurrence(ofKey: key, after: first, in: text) ?? first
            sink.error("`\(key)` appears twice in the same mapping (first at line \(context.mark.line)); keep one",
                       at: second)
        default:
            sink.error("the file could not be read as YAML: \(error)", line: 1, column: 0)
        }
    }

    /// Where a duplicated block-mapping key appears again: a later line with the key at the same column.
    private static func secondOccurrence(ofKey key: String, after first: SourcePosition, in text: String) -> SourcePosition? {
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            guard number > first.line else { continue }
            let scalars = Array(line.unicodeScalars)
            let indent = first.column - 1
            guard scalars.count > indent, scalars[..<indent].allSatisfy({ $0 == " " || $0 == "-" }) else {
                continue
            }
            let rest = String(String.UnicodeScalarView(scalars[indent...]))
            for form in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(form) {
                let after = rest.dropFirst(form.count).drop { $0 == " " }
                if after.first == ":" { return SourcePosition(line: number, column: first.column) }
            }
        }
        return nil
    }

    private static func characterPosition(offset: Int, in text: String) -> (Int, Int)? {
        var line = 1, column = 1, count = 0
        for character in text {
            if count == offset { return (line, column) }
            if character == "\n" || character == "\r\n" { line += 1; column = 1 } else { column += 1 }
            count += 1
        }
        return count == offset ? (line, column) : nil
    }

    private static let plainProblems: [(String, String)] = [
        ("found a tab character", "found a tab character where indentation was expected; indent with spaces"),
        ("mapping values are not allowed", "a `:` cannot start a value here; check this line's indentation, "
            + "or put text that holds `: ` in quotes"),
        ("did not find expected key", "expected a key (`name:`) here; check this line's indentation"),
        ("did not find expected '-' indicator", "expected a list item (`- `) here; check this line's indentation"),
        ("found unexpected end of stream", "the file ends inside quoted text; close the quote"),
        ("could not find expected ':'", "expected `:` after a key; keys fit on one line, and text with "
            + "`: ` or `#` in it goes in quotes"),
        ("did not find expected node content", "expected a value here"),
        ("block sequence entries are not allowed", "a list item (`- `) cannot start here; put it on a line "
            + "of its own, indented under its key"),
        ("did not find expected ',' or ']'", "a `[` list is not closed with `]`, or its items are not "
            + "separated by `,`"),
        ("did not find expected ',' or '}'", "a `{` mapping is not closed with `}`, or its entries are not "
            + "separated by `,`"),
        ("found unknown escape character", "unknown `\\` escape in double-quoted text; write `\\\\` for a "
            + "backslash, or use single quotes"),
        ("found character that cannot start any token", "this character cannot start a value; put the text "
            + "in quotes"),
        ("found undefined tag handle", "content files do not use `!` tags"),
        ("Maximum nesting level", "the file nests deeper than \(maximumDepth) levels; content files never need that"),
        ("found unexpected document indicator", "a `---` or `...` line cannot appear inside a value"),
        ("mapping keys are not allowed", "a key cannot start here; check this line's indentation"),
    ]

    private static func plain(problem: String, at mark: SourcePosition, text: String) -> String {
        if problem.contains("Maximum nesting level") { return tooDeepMessage }
        if scalar(at: mark, in: text) == "\t" {
            return "the YAML is not well formed here: found a tab character where indentation was expected; "
                + "indent with spaces"
        }
        let described = plainProblems.first { problem.contains($0.0) }?.1 ?? problem
        return "the YAML is not well formed here: \(described)"
    }
}
