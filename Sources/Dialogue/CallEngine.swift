import Language

/// Runs a call: a scenario played by a persona, with a reply analyser. The engine holds only immutable
/// content; every change lives in the ``CallState`` passed in and returned, so `step` is pure.
public struct CallEngine: Sendable {
    public let scenario: Scenario
    public let persona: Persona
    public let analyzer: any ReplyAnalyzing

    public static let moodRange = -5...5

    public init(scenario: Scenario, persona: Persona, analyzer: any ReplyAnalyzing) {
        self.scenario = scenario
        self.persona = persona
        self.analyzer = analyzer
    }

    /// Starts a call: the customer says the first node's line.
    public func start(seed: UInt64) -> (CallState, [CallEvent]) {
        var state = CallState(scenario: scenario.id, persona: persona.id, seed: seed, node: scenario.start,
                              mood: persona.temper.startingMood, patience: max(1, persona.patience),
                              raisedIssues: scenario.issues.filter { !$0.hidden }.map(\.id))
        var events: [CallEvent] = []
        enter(scenario.start, state: &state, events: &events, lead: [])
        return (state, events)
    }

    /// What the analyser is told about the call at this point.
    public func context(for state: CallState) -> ReplyContext {
        let given = Set(state.givenFacts)
        return ReplyContext(
            customerLine: state.lastCustomerLine,
            facts: scenario.facts.filter { given.contains($0.id) }.map { Cue(id: $0.id, cues: $0.cues) },
            givenFacts: given,
            openings: scenario.openings.map { Cue(id: $0.id, cues: $0.offer) },
            nextNeeds: scenario.nextNeeds.map { Cue(id: $0.id, cues: $0.cues) },
            issues: scenario.issues.filter { state.raisedIssues.contains($0.id) }.map { Cue(id: $0.id, cues: $0.cues) },
            knowledge: persona.knowledge)
    }

    /// Moves the call on by one input. Calling it on a finished call changes nothing.
    public func step(_ state: CallState, _ input: CallInput) -> (CallState, [CallEvent]) {
        guard !state.isOver else { return (state, []) }
        var state = state
        var events: [CallEvent] = []
        switch input {
        case let .reply(text):
            reply(text, state: &state, events: &events)
        case .hold:
            hold(state: &state, events: &events)
        case .transfer:
            state.transcript.append(TranscriptEntry(speaker: .system, text: "You transferred the call.", node: state.node,
                                                    turn: state.turn, command: "transfer"))
            let line = state.random.pick(persona.lines(for: .transfer))
            if let line {
                state.transcript.append(TranscriptEntry(speaker: .customer, text: line, node: state.node, turn: state.turn, reaction: .transfer))
                events.append(.customerSays(line, reaction: .transfer))
            }
            let ending = scenario.endings.first { $0.kind == .transferred }
                ?? Ending(id: "transferred", kind: .transferred, note: "You transferred the call; the customer's problem went with them to someone else.")
            finish(ending, state: &state, events: &events, speak: scenario.endings.contains { $0.kind == .transferred } && line == nil)
        case .end:
            state.transcript.append(TranscriptEntry(speaker: .system, text: "You ended the call.", node: state.node,
                                                    turn: state.turn, command: "end"))
            let open = state.raisedIssues.filter { !state.resolvedIssues.contains($0) }
            let note = open.isEmpty
                ? "You ended the call with every issue the customer raised resolved."
                : "You ended the call before the dialogue reached an ending; \(open.count) issue\(open.count == 1 ? " was" : "s were") still open."
            finish(Ending(id: "ended_by_agent", kind: .endedByAgent, note: note), state: &state, events: &events, speak: false)
        case .abandon:
            state.transcript.append(TranscriptEntry(speaker: .system, text: "You left the call before it ended.", node: state.node,
                                                    turn: state.turn, command: "quit"))
            finish(Ending(id: "abandoned", kind: .abandoned, note: "The call was left before it ended; everything typed so far is kept."),
                   state: &state, events: &events, speak: false)
        case let .note(text):
            let clean = LineSanitizer.sanitize(text).text
            if !clean.isEmpty {
                state.notes.append(clean)
                state.transcript.append(TranscriptEntry(speaker: .system, text: "Note: \(clean)", node: state.node, turn: state.turn, command: "notes"))
            }
        }
        return (state, events)
    }

    // MARK: - Replies

    private func reply(_ raw: String, state: inout CallState, events: inout [CallEvent]) {
        let text = LineSanitizer.sanitize(raw).text
        let signals = analyzer.analyze(text, context: context(for: state))
        state.turn += 1
        let before = state.mood
        let moodBeforeReactions = state.mood
        var reactions = personaReactions(to: signals, reply: text, state: &state)
        var entry = TranscriptEntry(speaker: .agent, text: text, node: state.node, turn: state.turn, signals: signals)

        guard let node = scenario.node(state.node) else {
            // A validated scenario never gets here; keep the call safe anyway.
            state.transcript.append(entry)
            finish(Ending(id: "abandoned", kind: .abandoned, note: "The call could not continue."), state: &state, events: &events, speak: false)
            return
        }

        let env = ConditionEnvironment(signals: signals, replyTokens: wordTokens(text), state: state)
        let branch = node.branches.first { $0.condition?.holds(in: env) ?? true }

        if let branch, branch.mood < 0, state.mood > moodBeforeReactions {
            // The scenario objects to this reply: the persona is not pleased by it after all.
            state.mood = moodBeforeReactions
            reactions.removeAll { $0 == .pleased }
        }
        if let branch {
            state.mood = clamp(state.mood + branch.mood)
            state.patience += branch.patience
            for flag in branch.set where !state.flags.contains(flag) { state.flags.append(flag) }
            state.flags.removeAll { branch.clear.contains($0) }
            for issue in branch.resolves where !state.resolvedIssues.contains(issue) {
                state.resolvedIssues.append(issue)
                events.append(.issueResolved(issue))
            }
        } else if !reactions.contains(.ignored) {
            // Nothing in the reply moved the call on: the customer feels unheard.
            state.mood = clamp(state.mood - 1)
            state.patience -= 1
        }

        entry.moodAfter = state.mood
        state.transcript.append(entry)
        state.moodPath.append(state.mood)
        if state.mood != before { events.append(.moodChanged(from: before, to: state.mood)) }

        // The persona's own line, at most one per reply: the first (most serious) rule that fired.
        var lead: [String] = []
        if let kind = reactions.first, let line = state.random.pick(persona.lines(for: kind)) {
            say(line, reaction: kind, state: &state, events: &events)
        }

        if state.patience <= 0 {
            let ending = scenario.endings.first { $0.kind == .hungUp }
                ?? Ending(id: "hung_up", kind: .hungUp, note: "The customer ran out of patience and hung up.")
            if let line = state.random.pick(persona.lines(for: .hangUp)) {
                say(line, reaction: .hangUp, state: &state, events: &events)
            }
            finish(ending, state: &state, events: &events, speak: false)
            return
        }

        guard let branch else {
            if reactions.isEmpty, let line = state.random.pick(persona.lines(for: .ignored)) {
                say(line, reaction: .ignored, state: &state, events: &events)
            }
            return
        }
        if let line = state.random.pick(branch.say) { lead.append(line) }
        if let ending = scenario.ending(branch.target) {
            for line in lead { say(line, reaction: nil, state: &state, events: &events) }
            finish(ending, state: &state, events: &events, speak: true)
        } else {
            enter(branch.target, state: &state, events: &events, lead: lead)
        }
    }

    /// The rules every persona follows, plus what this persona is pleased and annoyed by. Adjusts mood
    /// and patience and returns the reactions that fired, most serious first.
    private func personaReactions(to s: Signals, reply: String, state: inout CallState) -> [ReactionKind] {
        var reactions: [ReactionKind] = []
        var moodDelta = 0
        var patienceDelta = 0
        func annoy(_ kind: ReactionKind, mood: Int = 1, patience: Int = 1) {
            reactions.append(kind)
            moodDelta -= mood
            patienceDelta -= patience
        }
        let words = wordTokens(reply).count

        if s.calmDown { annoy(.annoyed, mood: 2) }
        if !s.asksAgainFor.isEmpty { annoy(.repeated) }
        if s.empty { annoy(.ignored) }
        if s.jargon && (persona.knowledge == .low || persona.annoyedBy.contains(.jargon)) { annoy(.jargon) }
        if s.smallTalk && (persona.style == .driver || persona.annoyedBy.contains(.smallTalk)) { annoy(.smallTalk) }
        if s.suggestsTransfer { annoy(.transfer, patience: 0) }
        if s.apologyOnly && persona.temper != .calm { annoy(.apologyOnly, patience: 0) }
        if s.blame { annoy(.annoyed, patience: 0) }
        if s.negativeLanguage && persona.annoyedBy.contains(.negativeLanguage) { annoy(.annoyed, patience: 0) }
        if s.offers && state.mood <= -2 { annoy(.annoyed, patience: 0) }
        else if s.offers && persona.annoyedBy.contains(.offers) { annoy(.annoyed, patience: 0) }
        if words > 60 && (persona.annoyedBy.contains(.longReplies) || persona.style == .driver) { annoy(.annoyed, patience: 0) }

        var pleased = false
        for trait in persona.pleasedBy {
            switch trait {
            case .empathy: pleased = pleased || s.acknowledges
            case .paraphrase: pleased = pleased || s.paraphrases
            case .specifics: pleased = pleased || s.nextSteps.timescale || s.nextSteps.confirmation
            case .personalTouch: pleased = pleased || s.smallTalk
            case .plainLanguage: pleased = pleased || (s.nextSteps.action && !s.jargon)
            case .questions: pleased = pleased || s.asksOpenQuestion
            case .offers: pleased = pleased || (s.offers && state.mood >= 0)
            case .brevity: pleased = pleased || (words > 0 && words <= 25 && (s.nextSteps.action || s.asksQuestion))
            case .recognition: pleased = pleased || (s.acknowledges && (state.turn <= 2))
            case .jargon, .smallTalk, .negativeLanguage, .hold, .longReplies: break
            }
        }
        if pleased && reactions.isEmpty {
            moodDelta += 1
            reactions.append(.pleased)
        }
        state.mood = clamp(state.mood + moodDelta)
        state.patience += patienceDelta
        // A pleased customer speaks up only now and then; annoyances are always voiced.
        if reactions == [.pleased] && state.turn % 3 != 1 { return [] }
        return reactions
    }

    private func hold(state: inout CallState, events: inout [CallEvent]) {
        state.holds += 1
        let before = state.mood
        state.transcript.append(TranscriptEntry(speaker: .system, text: "You put the customer on hold.", node: state.node,
                                                turn: state.turn, command: "hold"))
        if persona.annoyedBy.contains(.hold) || persona.style == .driver || state.holds > 1 {
            state.mood = clamp(state.mood - 1)
            state.patience -= 1
        }
        if state.mood != before { events.append(.moodChanged(from: before, to: state.mood)) }
        state.moodPath.append(state.mood)
        if let line = state.random.pick(persona.lines(for: .hold)) {
            say(line, reaction: .hold, state: &state, events: &events)
        }
        if state.patience <= 0 {
            let ending = scenario.endings.first { $0.kind == .hungUp }
                ?? Ending(id: "hung_up", kind: .hungUp, note: "The customer ran out of patience on hold and hung up.")
            if let line = state.random.pick(persona.lines(for: .hangUp)) {
                say(line, reaction: .hangUp, state: &state, events: &events)
            }
            finish(ending, state: &state, events: &events, speak: false)
        }
    }

    // MARK: - Moving

    private func enter(_ id: String, state: inout CallState, events: inout [CallEvent], lead: [String]) {
        guard let node = scenario.node(id) else { return }
        state.node = id
        state.visits[id, default: 0] += 1
        for fact in node.facts where !state.givenFacts.contains(fact) { state.givenFacts.append(fact) }
        for issue in node.raises where !state.raisedIssues.contains(issue) {
            state.raisedIssues.append(issue)
            events.append(.issueRaised(issue))
        }
        var lines = lead
        if let line = state.random.pick(node.say) { lines.append(line) }
        say(lines.joined(separator: " "), reaction: nil, state: &state, events: &events)
    }

    private func say(_ line: String, reaction: ReactionKind?, state: inout CallState, events: inout [CallEvent]) {
        guard !line.isEmpty else { return }
        state.transcript.append(TranscriptEntry(speaker: .customer, text: line, node: state.node, turn: state.turn, reaction: reaction))
        events.append(.customerSays(line, reaction: reaction))
    }

    private func finish(_ ending: Ending, state: inout CallState, events: inout [CallEvent], speak: Bool) {
        if speak, let line = state.random.pick(ending.say) {
            say(line, reaction: nil, state: &state, events: &events)
        }
        let record = EndingRecord(id: ending.id, kind: ending.kind, note: ending.note)
        state.ending = record
        events.append(.ended(record))
    }

    private func clamp(_ mood: Int) -> Int { min(max(mood, Self.moodRange.lowerBound), Self.moodRange.upperBound) }
}
