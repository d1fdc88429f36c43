import Dialogue
import Foundation
import Yams

/// A value read from a file, with where it was written.
struct Located<Value> {
    var value: Value
    var mark: SourcePosition?
}

extension Yams.Mark {
    var sourcePosition: SourcePosition { SourcePosition(line: line, column: column) }
}

/// The keys of one YAML mapping, after checking them against the keys allowed there.
struct Fields {
    var mark: SourcePosition?
    private(set) var entries: [String: (key: Yams.Node, value: Yams.Node)] = [:]
    /// Keys in the order written.
    private(set) var order: [String] = []

    init(mark: SourcePosition?) { self.mark = mark }

    mutating func add(_ name: String, key: Yams.Node, value: Yams.Node) {
        entries[name] = (key, value)
        order.append(name)
    }

    func value(_ key: String) -> Yams.Node? { entries[key]?.value }
    func keyMark(_ key: String) -> SourcePosition? { entries[key]?.key.position }
    func has(_ key: String) -> Bool { entries[key] != nil }
}

/// Reads typed values out of YAML nodes, reporting every problem with its position. Each reader returns
/// nil (and adds an error) when the value is unusable.
struct NodeReader {
    var sink: DiagnosticSink

    init(file: String) { sink = DiagnosticSink(file: file) }

    /// Ids: lowercase letters, digits, `-` and `_`, starting with a letter or digit.
    static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, isIDStart(first) else { return false }
        return id.unicodeScalars.allSatisfy { isIDStart($0) || $0 == "-" || $0 == "_" }
    }

    private static func isIDStart(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("0"..."9").contains(s)
    }

    /// "; did you mean `x`?" when one of `candidates` is close to `word`, else "".
    static func suggestion(for word: String, in candidates: [String]) -> String {
        guard let close = closest(to: word, in: candidates) else { return "" }
        return "; did you mean `\(close)`?"
    }

    static func closest(to word: String, in candidates: [String]) -> String? {
        let lowered = word.lowercased()
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            if best == nil || distance < best?.1 ?? .max { best = (candidate, distance) }
        }
        guard let (close, distance) = best, distance <= max(2, word.count / 3), distance < word.count else {
            return nil
        }
        return close
    }

    /// "a, b or c".
    static func list(_ words: [String]) -> String {
        guard words.count > 1, let last = words.last else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " or " + last
    }

    /// A short description of a node for "..., not X" messages.
    static func describe(_ node: Yams.Node) -> String {
        switch node {
        case let .scalar(scalar):
            if isNull(scalar) { return "empty" }
            var text = scalar.string.replacingOccurrences(of: "\n", with: " ")
            if text.count > 40 { text = String(text.prefix(37)) + "..." }
            return "`\(text)`"
        case .mapping: return "a mapping of keys"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    static func isNull(_ scalar: Yams.Node.Scalar) -> Bool {
        scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    // MARK: - Mappings

    /// Checks that `node` is a mapping, reports unknown keys (with a did-you-mean) and missing required keys
    /// (at the mapping's position). `required` pairs each required key with the message for its absence.
    mutating func fields(_ node: Yams.Node, what: String, allowed: [String],
                         required: [(key: String, message: String)]) -> Fields? {
        guard case let .mapping(mapping) = node else {
            sink.error("\(what) should be a mapping of keys such as \(allowed.prefix(2).map { "`\($0):`" }.joined(separator: " and ")), "
                       + "not \(Self.describe(node))", at: node.position)
            return nil
        }
        var fields = Fields(mark: mapping.mark?.sourcePosition ?? node.position)
        for (key, value) in mapping {
            guard case let .scalar(scalar) = key, !Self.isNull(scalar) else {
                sink.error("keys should be plain words such as `\(allowed.first ?? "name")`, not \(Self.describe(key))",
                           at: key.position)
                continue
            }
            let name = scalar.string
            if allowed.contains(name) {
                fields.add(name, key: key, value: value)
            } else {
                let hint = Self.suggestion(for: name, in: allowed)
                let rest = hint.isEmpty ? "; the keys here are \(Self.list(allowed.map { "`\($0)`" }))" : hint
                sink.error("unknown key `\(name)`\(rest)", at: key.position)
            }
        }
        for (key, message) in required where !fields.has(key) {
            sink.error(message, at: fields.mark)
        }
        return fields
    }

    /// The entries of a mapping keyed by ids (nodes, endings), checking each id.
    mutating func idMapping(_ node: Yams.Node, key: String, what: String) -> [(id: Located<String>, value: Yams.Node)]? {
        guard case let .mapping(mapping) = node else {
            sink.error("`\(key)` should be a mapping of \(what) ids to \(what)s, not \(Self.describe(node))", at: node.position)
            return nil
        }
        var result: [(Located<String>, Yams.Node)] = []
        for (k, value) in mapping {
            guard case let .scalar(scalar) = k, !Self.isNull(scalar) else {
                sink.error("a \(what) id should be a word such as `greeting`, not \(Self.describe(k))", at: k.position)
                continue
            }
            if !Self.isValidID(scalar.string) {
                sink.error(Self.invalidIDMessage(scalar.string, what: "\(what) id"), at: k.position)
            }
            result.append((Located(value: scalar.string, mark: k.position), value))
        }
        return result
    }

    static func invalidIDMessage(_ id: String, what: String) -> String {
        let fixed = id.lowercased().map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? String($0) : "-" }.joined()
        let example = isValidID(fixed) ? " (e.g. `\(fixed)`)" : ""
        return "`\(id)` is not a valid \(what): use lowercase letters, digits, `-` and `_`\(example)"
    }

    // MARK: - Scalars

    /// Text: any non-empty scalar.
    mutating func text(_ node: Yams.Node, key: String) -> String? {
        guard case let .scalar(scalar) = node else {
            sink.error("`\(key)` should be text, not \(Self.describe(node))", at: node.position)
            return nil
        }
        let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        if Self.isNull(scalar) || text.isEmpty {
            sink.error("`\(key)` is empty; it should be text", at: node.position)
            return nil
        }
        return scalar.string
    }

    /// A whole number within `range`.
    mutating func integer(_ node: Yams.Node, key: String, range: ClosedRange<Int>) -> Int? {
        let expected = "`\(key)` should be a whole number from \(range.lowerBound) to \(range.upperBound)"
        guard case let .scalar(scalar) = node, scalar.style == .plain,
              let value = Int(scalar.string.hasPrefix("+") ? String(scalar.string.dropFirst()) : scalar.string),
              range.contains(value) else {
            sink.error("\(expected), not \(Self.describe(node))", at: node.position)
            return nil
        }
        return value
    }

    /// `true` or `false`.
    mutating func bool(_ node: Yams.Node, key: String) -> Bool? {
        if case let .scalar(scalar) = node, scalar.style == .plain {
            switch scalar.string.lowercased() {
            case "true": return true
            case "false": return false
            default: break
            }
        }
        sink.error("`\(key)` should be true or false, not \(Self.describe(node))", at: node.position)
        return nil
    }

    /// One of the cases of an enumeration, by raw value; `allowed` limits the cases accepted.
    mutating func choice<E: RawRepresentable & CaseIterable>(_ node: Yams.Node, key: String,
                                                             allowed: [E]? = nil) -> E? where E.RawValue == String {
        let cases = allowed ?? Array(E.allCases)
        let names = cases.map(\.rawValue)
        if case let .scalar(scalar) = node, let value = E(rawValue: scalar.string), names.contains(value.rawValue) {
            return value
        }
        var message = "`\(key)` should be \(Self.list(names)), not \(Self.describe(node))"
        if case let .scalar(scalar) = node { message += Self.suggestion(for: scalar.string, in: names) }
        sink.error(message, at: node.position)
        return nil
    }

    // MARK: - Lists

    /// The items of a list. `example` is a short one-line list such as `[a, b]`, or an item's first line
    /// such as `- id:` for lists of mappings.
    mutating func sequence(_ node: Yams.Node, key: String, example: String) -> [Yams.Node]? {
        guard case let .sequence(sequence) = node else {
            let shape = example.hasPrefix("-") ? "a list with each item starting `\(example)`"
                : "a list, e.g. `\(key): \(example)`"
            sink.error("`\(key)` should be \(shape), not \(Self.describe(node))", at: node.position)
            return nil
        }
        return Array(sequence)
    }

    /// A line or a list of lines, as in `say:`. At least one line.
    mutating func lines(_ node: Yams.Node, key: String) -> [String]? {
        if case .scalar = node {
            return text(node, key: key).map { [$0] }
        }
        guard case let .sequence(sequence) = node else {
            sink.error("`\(key)` should be a line of text or a list of lines, not \(Self.describe(node))", at: node.position)
            return nil
        }
        if sequence.isEmpty {
            sink.error("`\(key)` is an empty list; give at least one line", at: node.position)
            return nil
        }
        var result: [String] = []
        var ok = true
        for item in sequence {
            if let line = text(item, key: key) { result.append(line) } else { ok = false }
        }
        return ok ? result : nil
    }

    /// Cues: a non-empty list of words or phrases.
    mutating func cues(_ node: Yams.Node, key: String) -> [String]? {
        guard let items = sequence(node, key: key, example: "[\"refund*\", \"money back\"]") else { return nil }
        if items.isEmpty {
            sink.error("`\(key)` is an empty list; give at least one word or phrase", at: node.position)
            return nil
        }
        var result: [String] = []
        var ok = true
        for item in items {
            if let cue = text(item, key: key) { result.append(cue) } else { ok = false }
        }
        return ok ? result : nil
    }

    /// A list of ids, each checked; an id listed twice is an error.
    mutating func ids(_ node: Yams.Node, key: String, what: String) -> [Located<String>]? {
        guard let items = sequence(node, key: key, example: "[some_id]") else { return nil }
        var result: [Located<String>] = []
        var seen = Set<String>()
        var ok = true
        for item in items {
            guard let id = self.id(item, key: key, what: what) else { ok = false; continue }
            if !seen.insert(id.value).inserted {
                sink.error("`\(id.value)` is listed twice in `\(key)`", at: item.position)
                ok = false
                continue
            }
            result.append(id)
        }
        return ok ? result : nil
    }

    /// One id.
    mutating func id(_ node: Yams.Node, key: String, what: String) -> Located<String>? {
        guard case let .scalar(scalar) = node, !Self.isNull(scalar) else {
            sink.error("`\(key)` should be \(what) id, not \(Self.describe(node))", at: node.position)
            return nil
        }
        guard Self.isValidID(scalar.string) else {
            sink.error(Self.invalidIDMessage(scalar.string, what: "id"), at: node.position)
            return nil
        }
        return Located(value: scalar.string, mark: node.position)
    }
}

extension Yams.Node {
    /// Where the node starts in its file.
    var position: SourcePosition? { mark?.sourcePosition }
}
