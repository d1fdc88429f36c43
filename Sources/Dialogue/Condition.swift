/// A branch condition, parsed from text such as `paraphrased(2) and acknowledged` or
/// `offered(mesh) and mood >= 0`.
///
/// Grammar:
/// ```
/// condition  := or
/// or         := and ("or" and)*
/// and        := not ("and" not)*
/// not        := "not" not | comparison
/// comparison := term (("==" | "!=" | ">=" | "<=" | ">" | "<") term)?
/// term       := "(" condition ")" | number | "-" number | name | name "(" argument ("," argument)* ")"
/// argument   := name | number | "quoted text"
/// ```
public indirect enum Condition: Sendable, Equatable {
    case literal(Bool)
    case number(Int)
    /// A predicate or value by name, with its arguments: `acknowledged`, `paraphrased(2)`, `mood`.
    case call(String, [Argument])
    case not(Condition)
    case and(Condition, Condition)
    case or(Condition, Condition)
    case compare(Condition, Comparison, Condition)

    public enum Argument: Sendable, Equatable {
        case name(String)
        case number(Int)
        case text(String)
    }

    public enum Comparison: String, Sendable, CaseIterable {
        case equal = "==", notEqual = "!=", atLeast = ">=", atMost = "<=", greater = ">", less = "<"

        func holds(_ a: Int, _ b: Int) -> Bool {
            switch self {
            case .equal: return a == b
            case .notEqual: return a != b
            case .atLeast: return a >= b
            case .atMost: return a <= b
            case .greater: return a > b
            case .less: return a < b
            }
        }
    }

    /// Every name the condition refers to through `name(argument)` forms, by the predicate that uses it.
    public var references: [(predicate: String, argument: String)] {
        switch self {
        case .literal, .number: return []
        case let .call(name, args):
            return args.compactMap { if case let .name(a) = $0 { return (name, a) } else { return nil } }
        case let .not(c): return c.references
        case let .and(a, b), let .or(a, b), let .compare(a, _, b): return a.references + b.references
        }
    }
}

/// A problem in a condition's text; `offset` is the 0-based character offset in the condition.
public struct ConditionError: Error, Sendable, Equatable {
    public var message: String
    public var offset: Int
    public init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }
}

/// The predicates and values the condition language knows, with their types and arguments.
public enum Vocabulary {
    public enum Kind: Sendable, Equatable { case truth, number, either }
    public enum ArgumentKind: Sendable, Equatable {
        case none
        /// Optional: a count (number) or the id of a fact / opening / need / issue / node / flag.
        case countOrID(IDKind)
        case id(IDKind)
        case texts
    }
    public enum IDKind: String, Sendable, Equatable {
        case fact, opening, need, issue, node, flag
    }

    public struct Entry: Sendable {
        public var kind: Kind
        public var argument: ArgumentKind
        public var help: String
    }

    /// Every name, with what it means: used by the parser, the validator and the authoring guide.
    public static let entries: [String: Entry] = [
        "acknowledged": .init(kind: .truth, argument: .none, help: "the reply recognised the customer's situation or feelings"),
        "paraphrased": .init(kind: .either, argument: .countOrID(.fact), help: "the reply restated key facts; `paraphrased(2)`: at least two; `paraphrased(fact_id)`: that fact"),
        "checked": .init(kind: .truth, argument: .none, help: "the reply asked the customer to confirm it was understood"),
        "asked": .init(kind: .truth, argument: .none, help: "the reply asked a question"),
        "asked_open": .init(kind: .truth, argument: .none, help: "the reply asked an open question (what, how, tell me...)"),
        "explained_next_steps": .init(kind: .truth, argument: .none, help: "the reply said what will happen and at least one of when, how it is confirmed, or who owns it"),
        "next_steps": .init(kind: .number, argument: .none, help: "how many of the five next-step parts the reply gave (0-5)"),
        "action": .init(kind: .truth, argument: .none, help: "the reply said what will be done"),
        "timescale": .init(kind: .truth, argument: .none, help: "the reply said when"),
        "customer_action": .init(kind: .truth, argument: .none, help: "the reply said what the customer must do"),
        "confirmation": .init(kind: .truth, argument: .none, help: "the reply said how it will be confirmed (email, text, reference)"),
        "ownership": .init(kind: .truth, argument: .none, help: "the agent personally owns the follow-up"),
        "offered": .init(kind: .truth, argument: .countOrID(.opening), help: "the reply made an offer; `offered(opening_id)`: of that opening; `offered(2)`: of at least two openings"),
        "anticipated": .init(kind: .truth, argument: .countOrID(.need), help: "the reply pre-empted a next need; `anticipated(need_id)`: that one; `anticipated(2)`: at least two needs"),
        "addressed": .init(kind: .truth, argument: .id(.issue), help: "`addressed(issue_id)`: the reply dealt with that issue"),
        "negative": .init(kind: .truth, argument: .none, help: "negative language: can't, unless, policy"),
        "blamed": .init(kind: .truth, argument: .none, help: "the reply blamed the customer or a colleague"),
        "jargon": .init(kind: .truth, argument: .none, help: "the reply used technical jargon"),
        "calm_down": .init(kind: .truth, argument: .none, help: "the reply told the customer to calm down"),
        "hollow_closer": .init(kind: .truth, argument: .none, help: "\"anything else I can help with?\""),
        "small_talk": .init(kind: .truth, argument: .none, help: "chit-chat unrelated to the problem"),
        "apology_only": .init(kind: .truth, argument: .none, help: "an apology with no action"),
        "asked_again": .init(kind: .truth, argument: .none, help: "the reply asked for something the customer already gave"),
        "transfer_suggested": .init(kind: .truth, argument: .none, help: "the reply talked about transferring the call"),
        "mentions": .init(kind: .truth, argument: .texts, help: "`mentions(\"text\", ...)`: the reply contains any of the words or phrases"),
        "mood": .init(kind: .number, argument: .none, help: "the customer's mood after this reply, -5 (furious) to 5 (delighted)"),
        "patience": .init(kind: .number, argument: .none, help: "the customer's patience left"),
        "turn": .init(kind: .number, argument: .none, help: "the number of this reply in the call, from 1"),
        "visited": .init(kind: .number, argument: .id(.node), help: "`visited(node_id)`: how many times the call has been at that node"),
        "holds": .init(kind: .number, argument: .none, help: "how many times the customer has been put on hold"),
        "flag": .init(kind: .truth, argument: .id(.flag), help: "`flag(name)`: a flag set by an earlier branch"),
        "resolved": .init(kind: .truth, argument: .id(.issue), help: "`resolved(issue_id)`: that issue has been resolved"),
        "all_resolved": .init(kind: .truth, argument: .none, help: "every issue raised so far is resolved"),
    ]
}

/// Parses condition text into a ``Condition``, checking names, arguments and types.
public struct ConditionParser {
    private let chars: [Character]
    private var index = 0
    /// How many tests and `not`s have been read; bounded so that no condition nests deeply enough to
    /// exhaust the stack when it is checked, compared or evaluated.
    private var parts = 0
    static let maxParts = 1_000

    public static func parse(_ text: String) throws(ConditionError) -> Condition {
        var parser = ConditionParser(chars: Array(text))
        parser.skipSpace()
        if parser.index >= parser.chars.count {
            throw ConditionError(message: "the condition is empty; leave out `when:` for a branch that always matches", offset: 0)
        }
        let start = parser.index
        let condition = try parser.parseOr()
        parser.skipSpace()
        if parser.index < parser.chars.count {
            let offset = parser.index
            let c = parser.chars[offset]
            let found = c.isLetter || c.isNumber || c == "_" ? parser.readName() : String(c)
            throw ConditionError(message: "unexpected `\(found)`; join conditions with `and` or `or`", offset: offset)
        }
        if kind(of: condition) == .number {
            throw ConditionError(message: "this is a number, not a yes/no test; compare it, e.g. `mood >= 0`", offset: start)
        }
        return condition
    }

    private init(chars: [Character]) { self.chars = chars }

    private mutating func skipSpace() {
        while index < chars.count, chars[index].isWhitespace { index += 1 }
    }

    private mutating func keyword(_ word: String) -> Bool {
        skipSpace()
        let w = Array(word)
        guard index + w.count <= chars.count, Array(chars[index..<index + w.count]) == w else { return false }
        let after = index + w.count
        if after < chars.count, chars[after].isLetter || chars[after].isNumber || chars[after] == "_" { return false }
        index = after
        return true
    }

    private mutating func parseOr() throws(ConditionError) -> Condition {
        skipSpace()
        let start = index
        var left = try parseAnd()
        while true {
            let save = index
            if keyword("or") || symbol("||") {
                try ConditionParser.requireJoinable(left, at: start)
                skipSpace()
                let rightStart = index
                let right = try parseAnd()
                try ConditionParser.requireJoinable(right, at: rightStart)
                left = .or(left, right)
            } else { index = save; return left }
        }
    }

    private mutating func parseAnd() throws(ConditionError) -> Condition {
        skipSpace()
        let start = index
        var left = try parseNot()
        while true {
            let save = index
            if keyword("and") || symbol("&&") {
                try ConditionParser.requireJoinable(left, at: start)
                skipSpace()
                let rightStart = index
                let right = try parseNot()
                try ConditionParser.requireJoinable(right, at: rightStart)
                left = .and(left, right)
            } else { index = save; return left }
        }
    }

    private mutating func parseNot() throws(ConditionError) -> Condition {
        skipSpace()
        parts += 1
        if parts > ConditionParser.maxParts {
            throw ConditionError(message: "this condition is too long; split it across several branches", offset: index)
        }
        var negated = keyword("not")
        skipSpace()
        if !negated, index < chars.count, chars[index] == "!", !(index + 1 < chars.count && chars[index + 1] == "=") {
            index += 1
            negated = true
        }
        guard negated else { return try parseComparison() }
        skipSpace()
        let start = index
        let inner = try parseNot()
        if ConditionParser.kind(of: inner) == .number {
            throw ConditionError(message: "`not` needs a yes/no test, not a number", offset: start)
        }
        return .not(inner)
    }

    /// Throws when a number is joined with `and` or `or`; `offset` is where it starts.
    private static func requireJoinable(_ condition: Condition, at offset: Int) throws(ConditionError) {
        if kind(of: condition) == .number {
            throw ConditionError(message: "`and` and `or` join yes/no tests; compare numbers first, e.g. `mood >= 0`", offset: offset)
        }
    }

    private mutating func symbol(_ s: String) -> Bool {
        skipSpace()
        let w = Array(s)
        guard index + w.count <= chars.count, Array(chars[index..<index + w.count]) == w else { return false }
        index += w.count
        return true
    }

    private mutating func parseComparison() throws(ConditionError) -> Condition {
        skipSpace()
        let leftStart = index
        let left = try parseTerm()
        skipSpace()
        // Longest operators first.
        for op in [Condition.Comparison.atLeast, .atMost, .equal, .notEqual, .greater, .less] {
            if symbol(op.rawValue) {
                skipSpace()
                let rightStart = index
                let right = try parseTerm()
                for (side, start) in [(left, leftStart), (right, rightStart)] where ConditionParser.kind(of: side) == .truth {
                    throw ConditionError(message: "only numbers can be compared; yes/no tests stand alone", offset: start)
                }
                return .compare(left, op, right)
            }
        }
        if symbol("=") {
            throw ConditionError(message: "use `==` to compare", offset: index - 1)
        }
        return left
    }

    private mutating func parseTerm() throws(ConditionError) -> Condition {
        skipSpace()
        guard index < chars.count else {
            throw ConditionError(message: "the condition stops too early; something is missing at the end", offset: index)
        }
        let c = chars[index]
        if c == "(" {
            index += 1
            let inner = try parseOr()
            guard symbol(")") else {
                throw ConditionError(message: "missing `)` to close the `(`", offset: index)
            }
            return inner
        }
        if c == "-" || c.isNumber {
            return .number(try parseNumber())
        }
        if c.isLetter || c == "_" {
            let start = index
            let name = readName()
            if name == "true" { return .literal(true) }
            if name == "false" { return .literal(false) }
            if ["and", "or", "not"].contains(name) {
                throw ConditionError(message: "`\(name)` needs a test on both sides", offset: start)
            }
            guard let entry = Vocabulary.entries[name] else {
                throw ConditionError(message: "unknown test `\(name)`\(ConditionParser.suggestion(for: name))", offset: start)
            }
            var args: [Condition.Argument] = []
            skipSpace()
            if index < chars.count, chars[index] == "(" {
                index += 1
                args = try parseArguments()
            }
            try ConditionParser.checkArguments(name: name, entry: entry, args: args, offset: start)
            return .call(name, args)
        }
        throw ConditionError(message: "unexpected `\(c)`; expected a test such as `acknowledged` or `mood >= 0`", offset: index)
    }

    private mutating func parseNumber() throws(ConditionError) -> Int {
        let start = index
        var text = ""
        if chars[index] == "-" { text.append("-"); index += 1; skipSpace() }
        while index < chars.count, chars[index].isNumber { text.append(chars[index]); index += 1 }
        guard let value = Int(text), text.count <= 7 else {
            throw ConditionError(message: "`\(text)` is not a whole number this language accepts", offset: start)
        }
        return value
    }

    private mutating func readName() -> String {
        var name = ""
        while index < chars.count, chars[index].isLetter || chars[index].isNumber || chars[index] == "_" || chars[index] == "-" {
            name.append(chars[index]); index += 1
        }
        return name
    }

    private mutating func parseArguments() throws(ConditionError) -> [Condition.Argument] {
        var args: [Condition.Argument] = []
        while true {
            skipSpace()
            guard index < chars.count else {
                throw ConditionError(message: "missing `)` after the arguments", offset: index)
            }
            let c = chars[index]
            if c == "\"" || c == "'" {
                index += 1
                var text = ""
                while index < chars.count, chars[index] != c { text.append(chars[index]); index += 1 }
                guard index < chars.count else {
                    throw ConditionError(message: "this quoted text is never closed", offset: index)
                }
                index += 1
                args.append(.text(text))
            } else if c.isLetter || c.isNumber || c == "_" {
                // A run of digits is a count; anything else is an id, which may start with a digit.
                let start = index
                let word = readName()
                if word.allSatisfy(\.isNumber) {
                    index = start
                    args.append(.number(try parseNumber()))
                } else {
                    args.append(.name(word))
                }
            } else if c == ")" && args.isEmpty {
                index += 1
                return args
            } else {
                throw ConditionError(message: "unexpected `\(c)` in the arguments", offset: index)
            }
            skipSpace()
            if symbol(")") { return args }
            guard symbol(",") else {
                throw ConditionError(message: "separate arguments with `,` and close them with `)`", offset: index)
            }
        }
    }

    private static func checkArguments(name: String, entry: Vocabulary.Entry, args: [Condition.Argument], offset: Int) throws(ConditionError) {
        switch entry.argument {
        case .none:
            if !args.isEmpty { throw ConditionError(message: "`\(name)` takes no arguments", offset: offset) }
        case .countOrID:
            if args.count > 1 { throw ConditionError(message: "`\(name)` takes at most one argument", offset: offset) }
            if case .text = args.first { throw ConditionError(message: "`\(name)` takes a number or an id, not quoted text", offset: offset) }
        case let .id(kind):
            guard args.count == 1, case .name = args[0] else {
                throw ConditionError(message: "`\(name)` needs one \(kind.rawValue) id, e.g. `\(name)(some_id)`", offset: offset)
            }
        case .texts:
            guard !args.isEmpty else {
                throw ConditionError(message: "`\(name)` needs at least one word or phrase in quotes", offset: offset)
            }
            for a in args {
                guard case .text = a else {
                    throw ConditionError(message: "`\(name)` takes words or phrases in quotes, e.g. `\(name)(\"router\")`", offset: offset)
                }
            }
        }
    }

    /// The type of a condition whose parts have already been checked as they were parsed, so only its
    /// outermost form matters.
    static func kind(of condition: Condition) -> Vocabulary.Kind {
        switch condition {
        case .literal, .not, .and, .or, .compare: return .truth
        case .number: return .number
        case let .call(name, args):
            guard let entry = Vocabulary.entries[name] else { return .truth }
            if entry.kind == .either {
                // paraphrased(fact) is a yes/no; paraphrased / paraphrased(2) work both ways.
                if case .name = args.first { return .truth }
                return .either
            }
            return entry.kind
        }
    }

    private static func suggestion(for name: String) -> String {
        let known = Vocabulary.entries.keys.sorted()
        if let close = known.min(by: { editDistance($0, name) < editDistance($1, name) }),
           editDistance(close, name) <= max(2, name.count / 3) {
            return "; did you mean `\(close)`?"
        }
        return "; see the list of tests in docs/AUTHORING.md"
    }
}

/// Levenshtein distance, for "did you mean" suggestions.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
