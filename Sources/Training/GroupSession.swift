import Dialogue
import Language
import Scoring

/// How a group takes a call.
public enum GroupMode: String, CaseIterable, Sendable, Codable {
    /// Everyone answers every customer line; one reply is picked and the call goes on with it.
    case roundRobin = "round-robin"
    /// Trainees take turns driving the call, one reply each.
    case hotSeat = "hot-seat"
}

/// Points for one reply, out of 100, from what the analyser heard in it: a quick, shared measure for
/// comparing replies side by side in a group (the call's skill scores come from the whole call).
public enum ReplyPoints {
    /// The points and what earned or cost them.
    public static func of(_ s: Signals, lowKnowledgeCustomer: Bool = false) -> (points: Int, reasons: [String]) {
        var points = 0
        var reasons: [String] = []
        func add(_ n: Int, _ why: String) {
            points += n
            reasons.append(n >= 0 ? "+\(n) \(why)" : "\(n) \(why)")
        }
        if s.acknowledges { add(15, "acknowledges") }
        if !s.paraphrasedFacts.isEmpty { add(min(25, 10 + 5 * s.paraphrasedFacts.count), "restates \(s.paraphrasedFacts.count) fact\(s.paraphrasedFacts.count == 1 ? "" : "s")") }
        if s.checksUnderstanding { add(10, "checks understanding") }
        if s.asksOpenQuestion { add(10, "open question") } else if s.asksQuestion && !s.hollowCloser { add(5, "question") }
        let parts = s.nextSteps.count
        if parts > 0 { add(8 * parts, "next steps \(parts)/5") }
        if s.offers { add(5, "offer") }
        if s.anticipates { add(10, "pre-empts the next need") }
        if s.negativeLanguage { add(-10, "negative wording") }
        if s.blame { add(-20, "blame") }
        if s.calmDown { add(-25, "\"calm down\"") }
        if s.jargon && lowKnowledgeCustomer { add(-10, "jargon") }
        if s.hollowCloser { add(-5, "hollow closer") }
        if !s.asksAgainFor.isEmpty { add(-15, "asks again for something given") }
        if s.empty { add(-20, "does not engage") }
        return (max(0, min(100, points)), reasons)
    }

    /// Short labels for what a reply shows, for the side-by-side table.
    public static func labels(_ s: Signals) -> [String] {
        var out: [String] = []
        if s.acknowledges { out.append("ack") }
        if !s.paraphrasedFacts.isEmpty { out.append("para \(s.paraphrasedFacts.count)") }
        if s.checksUnderstanding { out.append("check") }
        if s.asksOpenQuestion { out.append("open q") } else if s.asksQuestion { out.append("q") }
        if s.nextSteps.count > 0 { out.append("steps \(s.nextSteps.count)/5") }
        if s.offers { out.append("offer") }
        if s.anticipates { out.append("pre-empts") }
        var avoid: [String] = []
        if s.negativeLanguage { avoid.append("negative") }
        if s.blame { avoid.append("blame") }
        if s.calmDown { avoid.append("calm down") }
        if s.jargon { avoid.append("jargon") }
        if s.hollowCloser { avoid.append("hollow closer") }
        if !s.asksAgainFor.isEmpty { avoid.append("asks again") }
        if !avoid.isEmpty { out.append("avoid: " + avoid.joined(separator: ", ")) }
        return out
    }
}

/// One trainee's reply to a customer line, with what was heard in it and its points.
public struct Candidate: Sendable, Equatable {
    public var trainee: Int
    public var text: String
    public var signals: Signals
    public var points: Int
    public var reasons: [String]
}

/// A call taken by a group at one terminal. Pure: it holds the shared call and every trainee's replies;
/// the terminal (or a test) feeds it lines and shows what it returns.
public struct GroupCall: Sendable {
    public let engine: CallEngine
    public let trainees: [String]
    public let mode: GroupMode
    public private(set) var state: CallState
    /// Round-robin: the replies typed for the current customer line so far.
    public private(set) var pending: [Candidate] = []
    /// Every reply each trainee typed, by the turn it answered (round-robin: every turn; hot-seat: theirs).
    public private(set) var replies: [[Int: Candidate]]
    /// The reply the customer heard at each turn, and whose it was.
    public private(set) var picks: [(turn: Int, candidate: Candidate)] = []

    public init(engine: CallEngine, trainees: [String], mode: GroupMode, seed: UInt64) {
        self.engine = engine
        self.trainees = trainees
        self.mode = mode
        replies = Array(repeating: [:], count: trainees.count)
        state = engine.start(seed: seed).0
    }

    /// The opening events of the call (the customer's first line).
    public static func opening(_ engine: CallEngine, seed: UInt64) -> [CallEvent] {
        engine.start(seed: seed).1
    }

    /// Whose turn it is to type: round-robin goes round everyone for each customer line; hot-seat
    /// passes the call on after each reply.
    public var whoseTurn: Int {
        switch mode {
        case .roundRobin: return pending.count
        case .hotSeat: return state.turn % trainees.count
        }
    }

    /// True when every trainee has answered the current line (round-robin) and a pick is due.
    public var roundComplete: Bool { mode == .roundRobin && pending.count == trainees.count }

    func candidate(_ text: String, by trainee: Int) -> Candidate {
        let signals = engine.analyzer.analyze(text, context: engine.context(for: state))
        let (points, reasons) = ReplyPoints.of(signals, lowKnowledgeCustomer: engine.persona.knowledge == .low)
        return Candidate(trainee: trainee, text: text, signals: signals, points: points, reasons: reasons)
    }

    /// A reply from the trainee whose turn it is. Hot-seat: the call goes on with it at once (the
    /// events are returned). Round-robin: it waits until everyone has answered; then `pick` is due.
    public mutating func submit(_ text: String) -> [CallEvent] {
        guard !state.isOver else { return [] }
        let who = whoseTurn
        let c = candidate(text, by: who)
        replies[who][state.turn + 1] = c
        switch mode {
        case .hotSeat:
            return hear(c)
        case .roundRobin:
            pending.append(c)
            return []
        }
    }

    /// The best-scoring reply of the round (ties: the earliest trainee).
    public var bestPending: Int? {
        pending.indices.max { a, b in
            pending[a].points != pending[b].points ? pending[a].points < pending[b].points : a > b
        }
    }

    /// Round-robin: the customer hears the reply of the trainee at `index` in the round.
    public mutating func pick(_ index: Int) -> [CallEvent] {
        guard roundComplete, pending.indices.contains(index) else { return [] }
        let chosen = pending[index]
        pending = []
        return hear(chosen)
    }

    private mutating func hear(_ c: Candidate) -> [CallEvent] {
        picks.append((turn: state.turn + 1, candidate: c))
        let (next, events) = engine.step(state, .reply(c.text))
        state = next
        return events
    }

    /// A call command (/end, /quit, /hold, /transfer) for the whole group; a round in progress is dropped.
    public mutating func command(_ input: CallInput) -> [CallEvent] {
        pending = []
        let (next, events) = engine.step(state, input)
        state = next
        return events
    }

    /// The call as one trainee made it, for their debrief and record. Round-robin: the shared call,
    /// with this trainee's own reply at every turn they answered (their words and what was heard in
    /// them) in place of the reply the customer heard. Hot-seat: the shared call with only this
    /// trainee's replies kept.
    public func callState(for trainee: Int) -> CallState {
        var own = state
        var transcript: [TranscriptEntry] = []
        for entry in state.transcript {
            guard entry.speaker == .agent else {
                transcript.append(entry)
                continue
            }
            if let mine = replies[trainee][entry.turn] {
                var e = entry
                e.text = mine.text
                e.signals = mine.signals
                transcript.append(e)
            }
        }
        own.transcript = transcript
        return own
    }

    /// Every trainee's scores for the call, ranked by overall score (ties: trainee order).
    public func leaderboard() -> [(trainee: Int, score: CallScore)] {
        let scorer = CallScorer(scenario: engine.scenario, persona: engine.persona)
        let scored = trainees.indices.map { (trainee: $0, score: scorer.score(callState(for: $0))) }
        return scored.sorted { a, b in a.score.overall != b.score.overall ? a.score.overall > b.score.overall : a.trainee < b.trainee }
    }
}
