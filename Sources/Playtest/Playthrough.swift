import Dialogue
import Foundation
import Language
import Scoring

/// How a generated call is played: which kind of replies it sends.
public enum PlayStyle: String, CaseIterable, Sendable, Codable {
    /// The scenario's model reply at every node that has one; a good generic reply elsewhere.
    case model
    /// Good generic replies built from the scenario: an acknowledgement, a paraphrase of the facts given so
    /// far, next steps, a next need pre-empted and, when the customer is not upset, an offer.
    case good
    /// Replies aimed at one branch of the node the call is at (its tests turned into words), preferring
    /// branches that lead where no call has been yet.
    case explorer
    /// Everything at random: good, aimed, bad and random replies, `/hold`, `/transfer` and `/end`.
    case mixed
    /// Rude replies, blame, "calm down", talk of a transfer, negative wording, hollow closers; now and then a
    /// good reply.
    case bad
    /// Random words, empty replies and junk.
    case random
}

/// What ``Playthrough`` plays.
public struct PlaythroughOptions: Sendable, Equatable {
    /// Calls per scenario. Call `i` is played by the persona at `i` modulo the number of personas that can
    /// play the scenario (the default persona first), so every one of them plays when `calls` is at least
    /// their number; styles rotate so that each persona meets different ones.
    public var calls: Int
    /// The seed every call's seed is derived from: the same seed gives the same report.
    public var seed: UInt64
    /// A call still going after this many replies never ends: a failure.
    public var replyLimit: Int

    public init(calls: Int, seed: UInt64 = 1, replyLimit: Int = 60) {
        self.calls = calls
        self.seed = seed
        self.replyLimit = replyLimit
    }
}

/// Something that must never happen in a call, found by a generated playthrough.
public struct PlaythroughFailure: Sendable, Equatable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, Codable {
        /// The call was still going after the reply limit.
        case neverEnds = "never_ends"
        /// The customer's mood left -5...5.
        case moodOutOfRange = "mood_out_of_range"
        /// The call is at a node the scenario does not have.
        case missingNode = "missing_node"
        /// No persona can play the scenario.
        case noPersona = "no_persona"
        /// Any other rule of a call broken (patience, turns, endings, saving, scores).
        case invariant
    }

    public var kind: Kind
    /// The scenario played.
    public var scenario: String
    /// The persona who played the customer ("" for ``Kind/noPersona``).
    public var persona: String
    public var style: PlayStyle
    /// The call's own seed: `calldojo practice --seed` with the same persona replays its customer lines.
    public var seed: UInt64
    /// The reply number at which it was found.
    public var turn: Int
    /// What went wrong, in plain English.
    public var message: String

    public init(kind: Kind, scenario: String, persona: String, style: PlayStyle, seed: UInt64, turn: Int, message: String) {
        self.kind = kind
        self.scenario = scenario
        self.persona = persona
        self.style = style
        self.seed = seed
        self.turn = turn
        self.message = message
    }

    /// `scenario: persona, style replies, seed S, reply T: message`.
    public var description: String {
        kind == .noPersona ? "\(scenario): \(message)"
            : "\(scenario): \(persona), \(style.rawValue) replies, seed \(seed), reply \(turn): \(message)"
    }
}

/// How often the generated calls reached one ending.
public struct EndingCoverage: Sendable, Equatable, Codable {
    /// The ending's id: one of the scenario's, or a built-in one (`hung_up`, `transferred`, `ended_by_agent`).
    public var id: String
    public var kind: EndingKind
    /// Calls that ended here.
    public var calls: Int
    /// True when the ending is one of the scenario's own.
    public var inScenario: Bool

    public init(id: String, kind: EndingKind, calls: Int, inScenario: Bool) {
        self.id = id
        self.kind = kind
        self.calls = calls
        self.inScenario = inScenario
    }
}

/// The result of playing one scenario many times.
public struct ScenarioPlaythrough: Sendable, Equatable, Codable {
    public var scenario: String
    /// Calls played.
    public var calls: Int
    /// Personas that played, in the order they were used.
    public var personas: [String]
    /// Every node of the scenario, in file order.
    public var nodes: [String]
    /// Nodes at least one call was at, in file order.
    public var visitedNodes: [String]
    /// Nodes no call was at, in file order.
    public var unvisitedNodes: [String]
    /// The endings calls reached: the scenario's in file order, then built-in ones.
    public var endings: [EndingCoverage]
    /// The scenario's endings no call reached, in file order.
    public var unreachedEndings: [String]
    /// The most replies any call took.
    public var longestCall: Int
    /// Replies over all calls.
    public var replies: Int
    public var failures: [PlaythroughFailure]

    public init(scenario: String, calls: Int, personas: [String], nodes: [String], visitedNodes: [String],
                unvisitedNodes: [String], endings: [EndingCoverage], unreachedEndings: [String], longestCall: Int,
                replies: Int, failures: [PlaythroughFailure]) {
        self.scenario = scenario
        self.calls = calls
        self.personas = personas
        self.nodes = nodes
        self.visitedNodes = visitedNodes
        self.unvisitedNodes = unvisitedNodes
        self.endings = endings
        self.unreachedEndings = unreachedEndings
        self.longestCall = longestCall
        self.replies = replies
        self.failures = failures
    }

    /// The scenario's endings reached, out of all its endings.
    public var reachedEndingCount: Int { endings.filter(\.inScenario).count }
    /// The scenario's own endings.
    public var endingCount: Int { reachedEndingCount + unreachedEndings.count }
}

/// The result of ``Playthrough/run(scenarios:personas:options:analyzer:)``.
public struct PlaythroughReport: Sendable, Equatable, Codable {
    public var options: Options
    /// One entry per scenario, sorted by scenario id.
    public var scenarios: [ScenarioPlaythrough]

    /// The options, as recorded in the report.
    public struct Options: Sendable, Equatable, Codable {
        public var calls: Int
        public var seed: UInt64
        public var replyLimit: Int
    }

    public init(options: PlaythroughOptions, scenarios: [ScenarioPlaythrough]) {
        self.options = Options(calls: options.calls, seed: options.seed, replyLimit: options.replyLimit)
        self.scenarios = scenarios
    }

    /// Every failure, scenario by scenario.
    public var failures: [PlaythroughFailure] { scenarios.flatMap(\.failures) }
    /// True when any call failed.
    public var hasFailures: Bool { scenarios.contains { !$0.failures.isEmpty } }
}

/// Plays scenarios many times with generated replies, through the real ``CallEngine`` and analyser, and
/// reports which nodes and endings the calls reached, which calls never ended, and any broken rule of a
/// call. Pure: nothing is printed or saved, and the same content, options and analyser give the same
/// report.
///
/// ```swift
/// let report = Playthrough.run(scenarios: library.scenarios, personas: library.personas,
///                              options: PlaythroughOptions(calls: 20, seed: 1))
/// for scenario in report.scenarios { print(scenario.scenario, scenario.unvisitedNodes) }
/// ```
public enum Playthrough {
    /// Plays every scenario `options.calls` times with each persona that can play it. Scenarios are played
    /// side by side on the machine's cores; each is played on its own, so the report is the same however
    /// many there are.
    public static func run(scenarios: [Scenario], personas: [Persona], options: PlaythroughOptions,
                           analyzer: any ReplyAnalyzing = ReplyAnalyzer()) -> PlaythroughReport {
        let sorted = scenarios.sorted { $0.id < $1.id }
        let results = Results(count: sorted.count)
        DispatchQueue.concurrentPerform(iterations: sorted.count) { index in
            results.set(index, play(sorted[index], personas: personas, options: options, analyzer: analyzer))
        }
        return PlaythroughReport(options: options, scenarios: results.values())
    }

    /// Results filled in from several threads, each at its own index.
    private final class Results: @unchecked Sendable {
        private var slots: [ScenarioPlaythrough?]
        private let lock = NSLock()

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: ScenarioPlaythrough) {
            lock.lock()
            slots[index] = value
            lock.unlock()
        }

        func values() -> [ScenarioPlaythrough] {
            lock.lock()
            defer { lock.unlock() }
            return slots.compactMap { $0 }
        }
    }

    /// Plays one scenario `options.calls` times.
    public static func play(_ scenario: Scenario, personas: [Persona], options: PlaythroughOptions,
                            analyzer: any ReplyAnalyzing = ReplyAnalyzer()) -> ScenarioPlaythrough {
        let cast = players(for: scenario, from: personas)
        var visited = Set<String>()
        var endingCounts: [String: (kind: EndingKind, calls: Int)] = [:]
        var endingOrder: [String] = []
        var failures: [PlaythroughFailure] = []
        var longest = 0
        var replies = 0
        var used: [String] = []
        let calls = max(0, options.calls)
        if cast.isEmpty && calls > 0 {
            failures.append(PlaythroughFailure(kind: .noPersona, scenario: scenario.id, persona: "", style: .model,
                                               seed: 0, turn: 0, message: "no loaded persona can play this scenario"))
        }
        let styles = PlayStyle.allCases
        for index in 0..<(cast.isEmpty ? 0 : calls) {
            let persona = cast[index % cast.count]
            let style = styles[(index + index / cast.count) % styles.count]
            if !used.contains(persona.id) { used.append(persona.id) }
            let seed = callSeed(options.seed, scenario: scenario.id, index: index)
            var call = GeneratedCall(scenario: scenario, persona: persona, style: style, seed: seed,
                                     analyzer: analyzer, replyLimit: options.replyLimit, explored: visited)
            call.play()
            visited.formUnion(call.visited)
            failures += call.failures
            longest = max(longest, call.replies)
            replies += call.replies
            if let ending = call.state.ending {
                if endingCounts[ending.id] == nil { endingOrder.append(ending.id) }
                endingCounts[ending.id, default: (ending.kind, 0)].calls += 1
            }
        }
        let nodes = scenario.nodes.map(\.id)
        let own = scenario.endings.map(\.id)
        var endings: [EndingCoverage] = own.compactMap { id in
            endingCounts[id].map { EndingCoverage(id: id, kind: $0.kind, calls: $0.calls, inScenario: true) }
        }
        for id in endingOrder where !own.contains(id) {
            if let found = endingCounts[id] {
                endings.append(EndingCoverage(id: id, kind: found.kind, calls: found.calls, inScenario: false))
            }
        }
        return ScenarioPlaythrough(
            scenario: scenario.id, calls: cast.isEmpty ? 0 : calls, personas: used, nodes: nodes,
            visitedNodes: nodes.filter(visited.contains), unvisitedNodes: nodes.filter { !visited.contains($0) },
            endings: endings, unreachedEndings: own.filter { endingCounts[$0] == nil }, longestCall: longest,
            replies: replies, failures: failures)
    }

    /// The personas that can play a scenario: its default persona first, then the others by id.
    public static func players(for scenario: Scenario, from personas: [Persona]) -> [Persona] {
        let able = personas.filter { scenario.accepts(persona: $0.id) }.sorted { $0.id < $1.id }
        return able.filter { $0.id == scenario.persona } + able.filter { $0.id != scenario.persona }
    }

    /// A call's seed from the run's seed, the scenario and the call's number (stable across runs and
    /// platforms, unlike `Hasher`).
    static func callSeed(_ seed: UInt64, scenario: String, index: Int) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in scenario.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        var mixer = SeededRandom(seed: seed ^ hash ^ (UInt64(index) &* 0x9E37_79B9_7F4A_7C15))
        return mixer.next()
    }
}

// MARK: - One generated call

/// One call played to its end (or the reply limit), checking the rules of a call after every step.
private struct GeneratedCall {
    let scenario: Scenario
    let persona: Persona
    let style: PlayStyle
    let seed: UInt64
    let engine: CallEngine
    let replyLimit: Int
    /// Nodes and endings earlier calls reached; aimed replies prefer branches that lead elsewhere.
    let explored: Set<String>
    var random: SeededRandom
    var state: CallState
    var visited = Set<String>()
    var failures: [PlaythroughFailure] = []
    var replies = 0
    /// The node of each reply, for describing a loop.
    var trail: [String] = []

    init(scenario: Scenario, persona: Persona, style: PlayStyle, seed: UInt64, analyzer: any ReplyAnalyzing,
         replyLimit: Int, explored: Set<String>) {
        self.scenario = scenario
        self.persona = persona
        self.style = style
        self.seed = seed
        self.replyLimit = max(1, replyLimit)
        self.explored = explored
        engine = CallEngine(scenario: scenario, persona: persona, analyzer: analyzer)
        random = SeededRandom(seed: seed ^ 0x5EED_0F_C0FFEE)
        state = engine.start(seed: seed).0
    }

    mutating func fail(_ kind: PlaythroughFailure.Kind, _ message: String) {
        // One failure of each kind per call is enough to find it again.
        guard !failures.contains(where: { $0.kind == kind }) else { return }
        failures.append(PlaythroughFailure(kind: kind, scenario: scenario.id, persona: persona.id, style: style,
                                           seed: seed, turn: state.turn, message: message))
    }

    mutating func play() {
        check(after: nil)
        var inputs = 0
        let makerSeed = random.next()
        var maker = ReplyMaker(scenario: scenario, random: SeededRandom(seed: makerSeed))
        while !state.isOver && replies < replyLimit && inputs < replyLimit * 3 {
            let known = explored.union(visited)
            var (input, aimed) = maker.input(style: style, state: state, explored: known)
            var next = engine.step(state, input).0
            // An aimed reply that leads nowhere new gets two more tries, each played out and kept only if
            // it goes somewhere no call has been.
            var tries = 1
            while aimed && tries < 3 && !Self.isFresh(next, known) {
                tries += 1
                let other = maker.aimedInput(state: state, explored: known)
                let played = engine.step(state, other).0
                if Self.isFresh(played, known) { (input, next, aimed) = (other, played, false) }
            }
            inputs += 1
            if case .reply = input {
                replies += 1
                trail.append(state.node)
            }
            let before = state
            state = next
            check(after: (before, input))
            if failures.contains(where: { $0.kind == .missingNode }) { return }
            if replies == 3, case .reply = input { checkSaving() }
        }
        if !state.isOver {
            let recent = trail.suffix(10)
            var loop: [String] = []
            for node in recent where !loop.contains(node) { loop.append(node) }
            fail(.neverEnds, "the call was still going after \(replies) replies; its last replies went round "
                 + loop.map { "`\($0)`" }.joined(separator: ", ")
                 + " (a loop that costs no patience, or a way out no reply takes)")
            return
        }
        checkFinished()
    }

    /// True when the call is at a node, or has reached an ending, that is not in `known`.
    static func isFresh(_ state: CallState, _ known: Set<String>) -> Bool {
        if let ending = state.ending { return !known.contains(ending.id) }
        return !known.contains(state.node)
    }

    /// The rules every state of a call keeps.
    mutating func check(after step: (before: CallState, input: CallInput)?) {
        if state.node.isEmpty || scenario.node(state.node) == nil {
            fail(.missingNode, "the call is at node `\(state.node)`, which the scenario does not have")
            return
        }
        visited.insert(state.node)
        if let ending = state.ending { visited.insert(ending.id) }
        if !CallEngine.moodRange.contains(state.mood) || !state.moodPath.allSatisfy(CallEngine.moodRange.contains) {
            fail(.moodOutOfRange, "the customer's mood is \(state.mood), outside -5 to 5")
        }
        if !state.isOver && state.patience <= 0 {
            fail(.invariant, "the customer's patience is \(state.patience) but the call goes on")
        }
        if state.turn != replies {
            fail(.invariant, "the call counts \(state.turn) replies but \(replies) were given")
        }
        if (state.visits[state.node] ?? 0) < 1 {
            fail(.invariant, "the call is at `\(state.node)` but has no visit to it on record")
        }
        let facts = Set(scenario.facts.map(\.id)), issues = Set(scenario.issues.map(\.id))
        if let stray = state.givenFacts.first(where: { !facts.contains($0) }) {
            fail(.invariant, "the call records fact `\(stray)`, which the scenario does not have")
        }
        if let stray = (state.raisedIssues + state.resolvedIssues).first(where: { !issues.contains($0) }) {
            fail(.invariant, "the call records issue `\(stray)`, which the scenario does not have")
        }
        if let ending = state.ending {
            let builtIn: [String: EndingKind] = ["hung_up": .hungUp, "transferred": .transferred,
                                                 "ended_by_agent": .endedByAgent, "abandoned": .abandoned]
            let known = scenario.ending(ending.id)?.kind ?? builtIn[ending.id]
            if known != ending.kind {
                fail(.invariant, "the call ended at `\(ending.id)` (\(ending.kind.rawValue)), which is not one of its endings")
            }
        }
        if let step, case .reply = step.input, !step.before.isOver, state.transcript.count <= step.before.transcript.count {
            fail(.invariant, "a reply left no line in the transcript")
        }
    }

    /// A call saved and restored mid-way carries on exactly as it was.
    mutating func checkSaving() {
        do {
            let data = try JSONEncoder().encode(state)
            let restored = try JSONDecoder().decode(CallState.self, from: data)
            if restored != state { fail(.invariant, "the call state changed when saved and restored") }
        } catch {
            fail(.invariant, "the call state could not be saved and restored: \(error)")
        }
    }

    /// A finished call stays finished, and scores within 0...100.
    mutating func checkFinished() {
        let (after, events) = engine.step(state, .reply("Hello?"))
        if after != state || !events.isEmpty {
            fail(.invariant, "a reply after the call ended changed the call")
        }
        let score = CallScorer(scenario: scenario, persona: persona).score(state)
        let scores = score.skills.map(\.score) + [score.overall]
        if let bad = scores.first(where: { !(0...100).contains($0) }) {
            fail(.invariant, "a score of \(bad) is outside 0 to 100")
        }
        if score.skills.count != Skill.allCases.count {
            fail(.invariant, "the call was scored on \(score.skills.count) skills, not \(Skill.allCases.count)")
        }
    }
}

// MARK: - Replies

/// Makes the trainee's side of a generated call.
private struct ReplyMaker {
    let scenario: Scenario
    var random: SeededRandom

    init(scenario: Scenario, random: SeededRandom) {
        self.scenario = scenario
        self.random = random
    }

    private enum Kind { case model, good, aimed, bad, junk, hold, transfer, end }

    private static let weights: [PlayStyle: [(Kind, Int)]] = [
        .model: [(.model, 1)],
        .good: [(.good, 1)],
        .explorer: [(.aimed, 75), (.good, 20), (.bad, 5)],
        .mixed: [(.good, 22), (.aimed, 25), (.model, 10), (.bad, 15), (.junk, 10), (.hold, 8), (.transfer, 5), (.end, 5)],
        .bad: [(.bad, 80), (.good, 20)],
        .random: [(.junk, 1)],
    ]

    /// The next input for a call in this style, and whether it is a reply aimed at a branch.
    mutating func input(style: PlayStyle, state: CallState, explored: Set<String>) -> (CallInput, aimed: Bool) {
        let choices = Self.weights[style] ?? [(.good, 1)]
        let total = choices.map(\.1).reduce(0, +)
        var roll = Int(random.next() % UInt64(max(1, total)))
        var kind = Kind.good
        for (candidate, weight) in choices {
            if roll < weight { kind = candidate; break }
            roll -= weight
        }
        switch kind {
        case .hold: return (.hold, false)
        case .transfer: return (.transfer, false)
        case .end: return (.end, false)
        case .model:
            if let model = scenario.node(state.node)?.model { return (.reply(model), false) }
            return (.reply(good(state)), false)
        case .good: return (.reply(good(state)), false)
        case .aimed: return (aimedInput(state: state, explored: explored), true)
        case .bad: return (.reply(pick(Self.badReplies)), false)
        case .junk: return (.reply(junk()), false)
        }
    }

    /// A reply aimed at one branch of the current node.
    mutating func aimedInput(state: CallState, explored: Set<String>) -> CallInput {
        .reply(aimed(state, explored: explored))
    }

    private mutating func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }

    private mutating func pick(_ items: [String]) -> String { random.pick(items) ?? "" }

    // MARK: Parts of replies

    static let acknowledgements = [
        "I'm really sorry about this, that sounds so frustrating.",
        "I completely understand, and I'm sorry you've had to deal with this.",
        "Thank you for explaining it so clearly; I can see why you're upset.",
    ]
    static let nextSteps = "Here's what happens next: I'm sorting this out for you now, it will be done by tomorrow "
        + "at 4pm, all you need to do is keep your phone nearby, you'll get a text with a reference number, and "
        + "I'll call you back myself tomorrow."
    static let badReplies = [
        "Look, I haven't got all day. What do you want?",
        "That's your own fault, you should have read the terms.",
        "Calm down, please.",
        "Let me transfer you to another team.",
        "Unfortunately that's our policy, there's nothing I can do.",
        "Is there anything else I can help you with today?",
        "Lovely weather we're having, isn't it?",
        "Your DHCP lease on the ONT needs a firmware reflash.",
        "I'm sorry.",
    ]
    static let words = ["purple", "elephant", "marmalade", "quickly", "seven", "window", "the", "banana", "orbit",
                        "cardigan", "maybe", "lighthouse", "of", "pickle", "vortex", "and", "teapot", "yesterday"]
    static let junkReplies = ["", "   ", "#@!%^&*", "????", "asdf qwer zxcv", "\u{1B}[31mred\u{1B}[0m text",
                              "/unknown-command", "ok", String(repeating: "na", count: 200), "1/2", "🙂🙂🙂"]

    /// The words a cue stands for: its first alternative, without a trailing `*`.
    static func words(of cue: String) -> String {
        let first = cue.split(separator: "|").first.map(String.init) ?? cue
        return first.replacingOccurrences(of: "*", with: "").trimmingCharacters(in: .whitespaces)
    }

    /// The words of a fact, issue, need or offer: the first alternative of its first cue.
    static func firstCue(_ cues: [String]) -> String { cues.first.map(words(of:)) ?? "" }

    private func givenFacts(_ state: CallState) -> [Fact] {
        scenario.facts.filter { state.givenFacts.contains($0.id) }
    }

    private func paraphrase(_ facts: [Fact]) -> String {
        let parts = facts.map { Self.firstCue($0.cues) }.filter { !$0.isEmpty }
        guard !parts.isEmpty else { return "" }
        let list = parts.count == 1 ? parts[0] : parts.dropLast().joined(separator: ", ") + " and " + (parts.last ?? "")
        return "So just to check I've got this right: \(list). Have I got that right?"
    }

    private func openIssue(_ state: CallState) -> Issue? {
        scenario.issues.first { state.raisedIssues.contains($0.id) && !state.resolvedIssues.contains($0.id) }
    }

    /// A good generic reply: acknowledge, paraphrase the facts given so far, next steps (on an open issue),
    /// a next need pre-empted and, when the customer is not upset, an offer. Parts are left out now and then
    /// so calls differ.
    mutating func good(_ state: CallState) -> String {
        var parts: [String] = []
        if chance(85) { parts.append(pick(Self.acknowledgements)) }
        if chance(85) { parts.append(paraphrase(givenFacts(state))) }
        if chance(85) {
            if let issue = openIssue(state) {
                parts.append("I'm sorting out the \(Self.firstCue(issue.cues)) for you now.")
            }
            parts.append(Self.nextSteps)
        }
        if chance(70), let need = random.pick(scenario.nextNeeds) {
            parts.append("Just so you know, \(Self.firstCue(need.cues)).")
        }
        if state.mood > -2, chance(40), let opening = random.pick(scenario.openings) {
            parts.append("Would you like me to add \(Self.firstCue(opening.offer)) as well?")
        }
        let reply = parts.filter { !$0.isEmpty }.joined(separator: " ")
        return reply.isEmpty ? pick(Self.acknowledgements) : reply
    }

    mutating func junk() -> String {
        if chance(50) {
            let count = 1 + Int(random.next() % 8)
            return (0..<count).map { _ in pick(Self.words) }.joined(separator: " ")
        }
        return pick(Self.junkReplies)
    }

    /// A reply aimed at one branch of the current node: its tests turned into words. Branches leading where
    /// no call has been yet are preferred.
    mutating func aimed(_ state: CallState, explored: Set<String>) -> String {
        guard let node = scenario.node(state.node), !node.branches.isEmpty else { return good(state) }
        let fresh = node.branches.filter { !explored.contains($0.target) }
        let pool = !fresh.isEmpty && chance(70) ? fresh : node.branches
        guard let branch = random.pick(pool) else { return good(state) }
        // The branch for "otherwise" is taken by a reply that matches nothing else.
        guard let condition = branch.condition else { return junk() }
        var parts: [String] = []
        words(for: condition, state: state, into: &parts)
        let reply = parts.joined(separator: " ")
        return reply.isEmpty ? good(state) : reply
    }

    private mutating func words(for condition: Condition, state: CallState, into parts: inout [String]) {
        switch condition {
        case .literal, .number, .not:
            break
        case let .and(a, b):
            words(for: a, state: state, into: &parts)
            words(for: b, state: state, into: &parts)
        case let .or(a, b):
            words(for: chance(50) ? a : b, state: state, into: &parts)
        case let .compare(a, _, b):
            for side in [a, b] {
                if case let .call(name, _) = side {
                    if name == "next_steps" { parts.append(Self.nextSteps) }
                    if name == "paraphrased" { parts.append(paraphrase(givenFacts(state))) }
                }
            }
        case let .call(name, args):
            if let phrase = phrase(name, args, state: state), !phrase.isEmpty { parts.append(phrase) }
        }
    }

    private mutating func phrase(_ name: String, _ args: [Condition.Argument], state: CallState) -> String? {
        var id: String? { if case let .name(n) = args.first { return n } else { return nil } }
        var count: Int? { if case let .number(n) = args.first { return n } else { return nil } }
        switch name {
        case "acknowledged": return pick(Self.acknowledgements)
        case "paraphrased":
            let given = givenFacts(state)
            if let id { return paraphrase(given.filter { $0.id == id }) }
            return paraphrase(Array(given.prefix(max(count ?? given.count, 1))))
        case "checked": return "Have I got that right?"
        case "asked": return "Is it still happening now?"
        case "asked_open": return "What happens when you try it?"
        case "explained_next_steps": return Self.nextSteps
        case "action": return "I'm sorting this out for you now."
        case "timescale": return "That should be tomorrow by 4pm."
        case "customer_action": return "All you need to do is keep your phone nearby."
        case "confirmation": return "You'll get a text with a reference number."
        case "ownership": return "I'll take care of it personally."
        case "offered":
            // A bare `offered` is met by any offer, the scenario's or another.
            let generic = id == nil && count == nil && chance(50)
            let openings = id.map { want in scenario.openings.filter { $0.id == want } }
                ?? Array(scenario.openings.prefix(generic ? 0 : max(count ?? 1, 1)))
            if openings.isEmpty { return "Would you like me to add an upgrade to your plan?" }
            return "Would you like me to add " + openings.map { Self.firstCue($0.offer) }.joined(separator: " and ") + "?"
        case "anticipated":
            let generic = id == nil && count == nil && chance(50)
            let needs = id.map { want in scenario.nextNeeds.filter { $0.id == want } }
                ?? Array(scenario.nextNeeds.prefix(generic ? 0 : max(count ?? 1, 1)))
            if needs.isEmpty { return "Just so you know, you might get a letter about this; that's normal." }
            return "Just so you know, " + needs.map { Self.firstCue($0.cues) }.joined(separator: ", and ") + "."
        case "addressed":
            guard let issue = scenario.issues.first(where: { $0.id == id }) else { return nil }
            return "I'm sorting out the \(Self.firstCue(issue.cues)) for you now."
        case "negative": return "Unfortunately that's our policy, there's nothing I can do."
        case "blamed": return "That's your own fault, you should have read the terms."
        case "jargon": return "Your DHCP lease on the ONT needs a firmware reflash."
        case "calm_down": return "Calm down, please."
        case "hollow_closer": return "Is there anything else I can help you with today?"
        case "small_talk": return "Lovely weather we're having, isn't it?"
        case "apology_only": return "I'm sorry."
        case "asked_again":
            guard let fact = random.pick(givenFacts(state)), chance(50) else { return "Sorry, when did it start?" }
            return "Sorry, what was the \(Self.firstCue(fact.cues)) again?"
        case "transfer_suggested": return "Let me transfer you to another team."
        case "mentions":
            let texts = args.compactMap { arg -> String? in if case let .text(t) = arg { return t } else { return nil } }
            guard let text = random.pick(texts) else { return nil }
            return Self.words(of: text) + "."
        default: return nil
        }
    }
}
