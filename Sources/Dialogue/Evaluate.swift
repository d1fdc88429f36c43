import Language

/// What a condition is evaluated against: the reply's signals and the call state after the persona
/// has reacted to the reply.
public struct ConditionEnvironment: Sendable {
    public var signals: Signals
    public var replyTokens: [String]
    public var state: CallState

    public init(signals: Signals, replyTokens: [String], state: CallState) {
        self.signals = signals
        self.replyTokens = replyTokens
        self.state = state
    }
}

extension Condition {
    /// Evaluates the condition. Yes/no tests give 1 or 0.
    public func value(in env: ConditionEnvironment) -> Int {
        switch self {
        case let .literal(b): return b ? 1 : 0
        case let .number(n): return n
        case let .not(c): return c.holds(in: env) ? 0 : 1
        case let .and(a, b): return a.holds(in: env) && b.holds(in: env) ? 1 : 0
        case let .or(a, b): return a.holds(in: env) || b.holds(in: env) ? 1 : 0
        case let .compare(a, op, b): return op.holds(a.value(in: env), b.value(in: env)) ? 1 : 0
        case let .call(name, args): return Condition.call(name, args, env)
        }
    }

    /// True when the condition holds.
    public func holds(in env: ConditionEnvironment) -> Bool { value(in: env) != 0 }

    private static func call(_ name: String, _ args: [Argument], _ env: ConditionEnvironment) -> Int {
        let s = env.signals
        let state = env.state
        func b(_ v: Bool) -> Int { v ? 1 : 0 }
        func idArg() -> String? { if case let .name(n) = args.first { return n } else { return nil } }
        func countArg() -> Int? { if case let .number(n) = args.first { return n } else { return nil } }
        switch name {
        case "acknowledged": return b(s.acknowledges)
        case "paraphrased":
            if let id = idArg() { return b(s.paraphrasedFacts.contains(id)) }
            if let n = countArg() { return b(s.paraphrasedFacts.count >= n) }
            return s.paraphrasedFacts.count
        case "checked": return b(s.checksUnderstanding)
        case "asked": return b(s.asksQuestion)
        case "asked_open": return b(s.asksOpenQuestion)
        case "explained_next_steps": return b(s.explainsNextSteps)
        case "next_steps": return s.nextSteps.count
        case "action": return b(s.nextSteps.action)
        case "timescale": return b(s.nextSteps.timescale)
        case "customer_action": return b(s.nextSteps.customerAction)
        case "confirmation": return b(s.nextSteps.confirmation)
        case "ownership": return b(s.nextSteps.ownership)
        case "offered":
            if let id = idArg() { return b(s.offeredOpenings.contains(id)) }
            if let n = countArg() { return b(s.offeredOpenings.count >= n) }
            return b(s.offers)
        case "anticipated":
            if let id = idArg() { return b(s.anticipatedNeeds.contains(id)) }
            if let n = countArg() { return b(s.anticipatedNeeds.count >= n) }
            return b(s.anticipates)
        case "addressed": return b(idArg().map { s.addressedIssues.contains($0) } ?? false)
        case "negative": return b(s.negativeLanguage)
        case "blamed": return b(s.blame)
        case "jargon": return b(s.jargon)
        case "calm_down": return b(s.calmDown)
        case "hollow_closer": return b(s.hollowCloser)
        case "small_talk": return b(s.smallTalk)
        case "apology_only": return b(s.apologyOnly)
        case "asked_again": return b(!s.asksAgainFor.isEmpty)
        case "transfer_suggested": return b(s.suggestsTransfer)
        case "mentions":
            let texts = args.compactMap { if case let .text(t) = $0 { return t } else { return nil } }
            return b(findCue(texts, in: env.replyTokens) != nil)
        case "mood": return state.mood
        case "patience": return state.patience
        case "turn": return state.turn
        case "visited": return idArg().map { state.visits[$0] ?? 0 } ?? 0
        case "holds": return state.holds
        case "flag": return b(idArg().map { state.flags.contains($0) } ?? false)
        case "resolved": return b(idArg().map { state.resolvedIssues.contains($0) } ?? false)
        case "all_resolved": return b(state.raisedIssues.allSatisfy { state.resolvedIssues.contains($0) })
        default: return 0
        }
    }
}
