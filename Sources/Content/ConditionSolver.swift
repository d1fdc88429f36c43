import Dialogue

/// Decides whether branch conditions can ever hold, so the validator can report branches that are never
/// taken: a condition that contradicts itself (`acknowledged and not acknowledged`, `mood > 3 and mood < 2`),
/// one that asks for a value outside its range (`mood > 5`), or one that only ever holds when an earlier
/// branch of the same node already matches.
///
/// Tests are treated as independent yes/no values, except where their meaning ties them together:
/// `explained_next_steps` is `action` plus one of `timescale`, `confirmation` or `ownership`;
/// `mentions("a", "b")` is `mentions("a") or mentions("b")`; `paraphrased(2)` is "at least two facts";
/// and numbers (`mood`, `next_steps`, `visited(...)`, ...) stay within their ranges. Treating the other
/// tests as independent can only make a condition look possible when it is not, never the reverse, so
/// every "can never hold" the solver reports is certain. A search that grows too large gives up and
/// answers "possible".
struct ConditionSolver {
    /// The range of each numeric value, by name; values not listed are unbounded.
    var ranges: [String: ClosedRange<Int>]
    /// Steps a single question may take before the solver gives up.
    var budget = 20_000

    static let unbounded = -1_000_000_000...1_000_000_000

    /// Ranges for a scenario with this many facts, openings and next needs, at `node` (where the call has
    /// already been at least once).
    init(facts: Int, openings: Int, needs: Int, node: String?) {
        var ranges: [String: ClosedRange<Int>] = [
            "mood": CallEngine.moodRange,
            "next_steps": 0...5,
            "paraphrased": 0...max(0, facts),
            "offered#": 0...max(0, openings),
            "anticipated#": 0...max(0, needs),
            "turn": 1...Self.unbounded.upperBound,
            "holds": 0...Self.unbounded.upperBound,
        ]
        if let node { ranges["visited(\(node))"] = 1...Self.unbounded.upperBound }
        self.ranges = ranges
    }

    /// The range a numeric value can take.
    func range(of term: String) -> ClosedRange<Int> {
        if let known = ranges[term] { return known }
        if term.hasPrefix("0or1:") { return 0...1 }
        if term.hasPrefix("visited(") { return 0...Self.unbounded.upperBound }
        return Self.unbounded
    }

    // MARK: - Formulas

    /// A condition rewritten with `not` pushed down to its tests.
    indirect enum Formula: Equatable {
        case constant(Bool)
        /// A yes/no test, by a name that identifies it, and whether it must hold (true) or fail (false).
        case atom(String, Bool)
        /// A numeric value within bounds (inclusive).
        case within(String, Int, Int)
        case all([Formula])
        case any([Formula])
    }

    /// `condition` (or its negation when `positive` is false) as a formula.
    func formula(_ condition: Condition, positive: Bool = true) -> Formula {
        switch condition {
        case let .literal(value):
            return .constant(value == positive)
        case let .number(value):
            return .constant((value != 0) == positive)
        case let .not(inner):
            return formula(inner, positive: !positive)
        case let .and(a, b):
            let parts = [formula(a, positive: positive), formula(b, positive: positive)]
            return positive ? .all(parts) : .any(parts)
        case let .or(a, b):
            let parts = [formula(a, positive: positive), formula(b, positive: positive)]
            return positive ? .any(parts) : .all(parts)
        case let .compare(a, op, b):
            return comparison(a, op, b, positive: positive)
        case let .call(name, args):
            return test(name, args, positive: positive)
        }
    }

    /// A yes/no test.
    private func test(_ name: String, _ args: [Condition.Argument], positive: Bool) -> Formula {
        func atom(_ key: String) -> Formula { .atom(key, positive) }
        /// `inner` holds only when `count` is at least `minimum`: `inner and count >= minimum`.
        func tied(_ inner: Formula, count: String, minimum: Int) -> Formula {
            positive ? .all([inner, .within(count, minimum, Self.unbounded.upperBound)])
                : .any([inner, .within(count, Self.unbounded.lowerBound, minimum - 1)])
        }
        func atLeast(_ term: String, _ n: Int) -> Formula {
            positive ? .within(term, n, Self.unbounded.upperBound) : .within(term, Self.unbounded.lowerBound, n - 1)
        }
        let first = args.first
        switch (name, first) {
        case ("explained_next_steps", _):
            let others = Formula.any([.atom("timescale", true), .atom("confirmation", true), .atom("ownership", true)])
            let explained = Formula.all([.atom("action", true), others])
            return positive ? explained : negate(explained)
        case ("mentions", _):
            let texts = args.compactMap { arg -> String? in
                if case let .text(text) = arg { return text.lowercased() } else { return nil }
            }
            let atoms = texts.map { Formula.atom("mentions(\"\($0)\")", positive) }
            return positive ? .any(atoms) : .all(atoms)
        case let ("paraphrased", .name(fact)?):
            return tied(atom("paraphrased(\(fact))"), count: "paraphrased", minimum: 1)
        case let ("paraphrased", .number(n)?):
            return atLeast("paraphrased", n)
        case ("paraphrased", nil):
            return atLeast("paraphrased", 1)
        case let ("offered", .name(id)?), let ("anticipated", .name(id)?):
            // An offer of an opening is an offer; a need pre-empted is anticipation.
            let whole = Formula.all([.atom("\(name)(\(id))", true), .atom(name, true),
                                     .within("\(name)#", 1, Self.unbounded.upperBound)])
            return positive ? whole : negate(whole)
        case let ("offered", .number(n)?), let ("anticipated", .number(n)?):
            let whole = n <= 0 ? Formula.constant(true)
                : .all([.within("\(name)#", n, Self.unbounded.upperBound), .atom(name, true)])
            return positive ? whole : negate(whole)
        default:
            if Vocabulary.entries[name]?.kind == .number {
                // A number in a yes/no position holds when it is not 0.
                let nonzero = Formula.any([.within(key(name, args), Self.unbounded.lowerBound, -1),
                                           .within(key(name, args), 1, Self.unbounded.upperBound)])
                return positive ? nonzero : negate(nonzero)
            }
            return atom(key(name, args))
        }
    }

    /// A comparison of two values.
    private func comparison(_ a: Condition, _ op: Condition.Comparison, _ b: Condition, positive: Bool) -> Formula {
        let op = positive ? op : Self.opposite(op)
        switch (numericTerm(a), numericTerm(b)) {
        case let (.constant(x)?, .constant(y)?):
            return .constant(Self.holds(op, x, y))
        case let (.term(name)?, .constant(y)?):
            return bound(name, op, y)
        case let (.constant(x)?, .term(name)?):
            return bound(name, Self.mirrored(op), x)
        default:
            // Two values compared with each other: an independent yes/no.
            return .atom("compare(\(describe(a)) \(op.rawValue) \(describe(b)))", true)
        }
    }

    private enum Numeric { case constant(Int), term(String) }

    private func numericTerm(_ c: Condition) -> Numeric? {
        switch c {
        case let .number(n): return .constant(n)
        case let .literal(b): return .constant(b ? 1 : 0)
        case let .call(name, args):
            switch (name, args.first) {
            case ("paraphrased", nil): return .term("paraphrased")
            case ("paraphrased", _), ("offered", _), ("anticipated", _):
                // A yes/no read as a number: 0 or 1, not tied to the counts.
                return .term("0or1:" + key(name, args))
            default:
                if Vocabulary.entries[name]?.kind == .number { return .term(key(name, args)) }
                return .term("0or1:" + key(name, args))
            }
        default: return nil
        }
    }

    /// `term op value` as bounds on the term.
    private func bound(_ term: String, _ op: Condition.Comparison, _ value: Int) -> Formula {
        let lo = Self.unbounded.lowerBound, hi = Self.unbounded.upperBound
        switch op {
        case .equal: return .within(term, value, value)
        case .notEqual: return .any([.within(term, lo, value - 1), .within(term, value + 1, hi)])
        case .atLeast: return .within(term, value, hi)
        case .greater: return .within(term, value + 1, hi)
        case .atMost: return .within(term, lo, value)
        case .less: return .within(term, lo, value - 1)
        }
    }

    private func negate(_ f: Formula) -> Formula {
        let lo = Self.unbounded.lowerBound, hi = Self.unbounded.upperBound
        switch f {
        case let .constant(b): return .constant(!b)
        case let .atom(name, value): return .atom(name, !value)
        case let .within(term, a, b):
            return .any([.within(term, lo, a - 1), .within(term, b + 1, hi)])
        case let .all(parts): return .any(parts.map(negate))
        case let .any(parts): return .all(parts.map(negate))
        }
    }

    private func key(_ name: String, _ args: [Condition.Argument]) -> String {
        guard !args.isEmpty else { return name }
        let parts = args.map { arg -> String in
            switch arg {
            case let .name(n): return n
            case let .number(n): return String(n)
            case let .text(t): return "\"\(t.lowercased())\""
            }
        }
        return "\(name)(\(parts.joined(separator: ", ")))"
    }

    private func describe(_ c: Condition) -> String {
        switch c {
        case let .number(n): return String(n)
        case let .call(name, args): return key(name, args)
        default: return "?"
        }
    }

    static func opposite(_ op: Condition.Comparison) -> Condition.Comparison {
        switch op {
        case .equal: return .notEqual
        case .notEqual: return .equal
        case .atLeast: return .less
        case .less: return .atLeast
        case .atMost: return .greater
        case .greater: return .atMost
        }
    }

    static func mirrored(_ op: Condition.Comparison) -> Condition.Comparison {
        switch op {
        case .equal, .notEqual: return op
        case .atLeast: return .atMost
        case .atMost: return .atLeast
        case .greater: return .less
        case .less: return .greater
        }
    }

    static func holds(_ op: Condition.Comparison, _ a: Int, _ b: Int) -> Bool {
        switch op {
        case .equal: return a == b
        case .notEqual: return a != b
        case .atLeast: return a >= b
        case .atMost: return a <= b
        case .greater: return a > b
        case .less: return a < b
        }
    }

    // MARK: - Search

    /// What is known so far on one path of the search.
    private struct Assignment {
        var atoms: [String: Bool] = [:]
        var bounds: [String: ClosedRange<Int>] = [:]
    }

    /// True when every formula can hold at once; nil when the search gave up.
    func satisfiable(_ formulas: [Formula]) -> Bool? {
        var steps = 0
        return search(formulas[...], Assignment(), steps: &steps)
    }

    private func search(_ pending: ArraySlice<Formula>, _ assignment: Assignment, steps: inout Int) -> Bool? {
        var pending = pending
        var assignment = assignment
        while let next = pending.first {
            pending = pending.dropFirst()
            steps += 1
            if steps > budget { return nil }
            switch next {
            case let .constant(value):
                if !value { return false }
            case let .atom(name, value):
                if let known = assignment.atoms[name] {
                    if known != value { return false }
                } else {
                    assignment.atoms[name] = value
                }
            case let .within(term, lo, hi):
                let current = assignment.bounds[term] ?? range(of: term)
                let low = max(current.lowerBound, lo), high = min(current.upperBound, hi)
                if low > high { return false }
                assignment.bounds[term] = low...high
            case let .all(parts):
                pending = ArraySlice(parts + pending)
            case let .any(parts):
                var gaveUp = false
                for part in parts {
                    switch search(ArraySlice([part] + pending), assignment, steps: &steps) {
                    case true?: return true
                    case nil: gaveUp = true
                    case false?: break
                    }
                    if steps > budget { return nil }
                }
                return gaveUp ? nil : false
            }
        }
        return true
    }

    // MARK: - Questions the checks ask

    /// False only when the condition can certainly never hold.
    func canHold(_ condition: Condition) -> Bool {
        satisfiable([formula(condition)]) ?? true
    }

    /// False only when `condition` can certainly never hold while every one of `earlier` fails.
    func canHold(_ condition: Condition?, whileFailing earlier: [Condition]) -> Bool {
        var parts = earlier.map { formula($0, positive: false) }
        if let condition { parts.append(formula(condition)) }
        return satisfiable(parts) ?? true
    }

    /// The numeric values a condition reads that have a limited range, with that range, in order of
    /// first use: for messages such as "mood is from -5 to 5".
    func limitedValues(in condition: Condition) -> [(name: String, range: ClosedRange<Int>)] {
        var result: [(String, ClosedRange<Int>)] = []
        func visit(_ c: Condition) {
            switch c {
            case .literal, .number: break
            case let .not(inner): visit(inner)
            case let .and(a, b), let .or(a, b), let .compare(a, _, b): visit(a); visit(b)
            case let .call(name, args):
                let term: String
                switch (name, args.first) {
                case ("paraphrased", .name?): return
                case ("paraphrased", _): term = "paraphrased"
                case ("offered", .number?), ("anticipated", .number?): term = "\(name)#"
                default:
                    guard Vocabulary.entries[name]?.kind == .number else { return }
                    term = key(name, args)
                }
                let r = range(of: term)
                guard r != Self.unbounded, !result.contains(where: { $0.0 == term }) else { return }
                result.append((term, r))
            }
        }
        visit(condition)
        return result
    }
}
