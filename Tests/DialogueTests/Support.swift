import Dialogue
import Foundation
import Language
import Testing

/// A stand-in analyser that reads bracketed tags from the reply, so engine tests control the signals
/// exactly: `[ack]` acknowledges, `[para:tuesday]` paraphrases fact `tuesday`, `[again:home]` asks
/// again for `home`, and so on. A reply with nothing but spaces is empty.
struct TagAnalyzer: ReplyAnalyzing {
    func analyze(_ reply: String, context: ReplyContext) -> Signals {
        var s = Signals()
        for tag in TagAnalyzer.tags(in: reply) {
            let parts = tag.split(separator: ":", maxSplits: 1).map(String.init)
            let name = parts.first ?? ""
            let ref = parts.count > 1 ? parts[1] : nil
            switch name {
            case "ack": s.acknowledges = true
            case "para": if let ref { s.paraphrasedFacts.append(ref) }
            case "check": s.checksUnderstanding = true
            case "ask": s.asksQuestion = true
            case "open": s.asksQuestion = true; s.asksOpenQuestion = true
            case "action": s.nextSteps.action = true
            case "time": s.nextSteps.timescale = true
            case "custact": s.nextSteps.customerAction = true
            case "confirm": s.nextSteps.confirmation = true
            case "own": s.nextSteps.ownership = true
            case "offer":
                s.offers = true
                if let ref { s.offeredOpenings.append(ref) }
            case "anticipate":
                s.anticipates = true
                if let ref { s.anticipatedNeeds.append(ref) }
            case "address": if let ref { s.addressedIssues.append(ref) }
            case "neg": s.negativeLanguage = true
            case "blame": s.blame = true
            case "jargon": s.jargon = true
            case "calm": s.calmDown = true
            case "hollow": s.hollowCloser = true
            case "chat": s.smallTalk = true
            case "sorry": s.apologyOnly = true
            case "again": if let ref { s.asksAgainFor.append(ref) }
            case "transfer": s.suggestsTransfer = true
            default: break
            }
        }
        s.empty = reply.allSatisfy(\.isWhitespace)
        return s
    }

    /// The text between each `[` and the next `]`.
    static func tags(in text: String) -> [String] {
        var tags: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "[") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "]") else { break }
            tags.append(String(after[..<close]))
            rest = after[after.index(after: close)...]
        }
        return tags
    }
}

/// A persona whose reaction lines name the persona and the reaction, so tests can tell which rule
/// drew a line and that it came from this persona rather than the defaults.
func makePersona(id: String = "pat", style: Style = .amiable, temper: Temper = .irritated, patience: Int = 5,
                 knowledge: Knowledge = .medium, pleasedBy: [Dialogue.Trait] = [], annoyedBy: [Dialogue.Trait] = []) -> Persona {
    var reactions: [ReactionKind: [String]] = [:]
    for kind in ReactionKind.allCases { reactions[kind] = ["\(id) \(kind.rawValue)"] }
    return Persona(id: id, name: "Pat Doyle", style: style, temper: temper, patience: patience,
                   knowledge: knowledge, tier: .B, pleasedBy: pleasedBy, annoyedBy: annoyedBy, reactions: reactions)
}

/// The line a persona made by ``makePersona`` says for a reaction.
func reactionLine(_ kind: ReactionKind, persona: String = "pat") -> String { "\(persona) \(kind.rawValue)" }

enum Lines {
    static let open = "It's been down since Tuesday and I work from home."
    static let diagnose = ["Diagnose one.", "Diagnose two.", "Diagnose three.", "Diagnose four."]
    static let wrapup = "And there's a crackle on the phone too."
    static let heard = "Yes, exactly."
    static let fixed = "Brilliant, thanks."
    static let gaveUp = "Forget it."
    static let passedOn = "Fine, put me through."
}

/// A broadband call:
/// - `open` gives facts `tuesday` and `home`; branches: acknowledged and paraphrased(2) -> diagnose
///   (+2 mood, flag `heard`, a line first); acknowledged -> diagnose (+1); mentions engineer -> wrapup;
///   flag(never) -> fixed. No catch-all, so other replies match nothing.
/// - `diagnose` (four alternative lines) gives `third` and raises hidden issue `crackle`; branches:
///   visited(diagnose) > 2 -> escalated; explained_next_steps -> wrapup, resolves `down`, patience +1;
///   otherwise -> diagnose (-1 mood).
/// - `wrapup`: addressed(crackle) -> fixed, resolves `crackle`, sets `done`, clears `heard`;
///   otherwise -> callback.
func makeScenario(hungUpEnding: Bool = true, transferredEnding: Bool = true) -> Scenario {
    var endings = [
        Ending(id: "fixed", kind: .resolved, say: [Lines.fixed], note: "Both problems fixed."),
        Ending(id: "callback", kind: .callback, say: ["Call me then."], note: "A callback is owned."),
        Ending(id: "escalated", kind: .escalated, say: ["Get me a manager."], note: "Escalated."),
    ]
    if hungUpEnding { endings.append(Ending(id: "gave_up", kind: .hungUp, say: [Lines.gaveUp], note: "They gave up.")) }
    if transferredEnding {
        endings.append(Ending(id: "passed_on", kind: .transferred, say: [Lines.passedOn], note: "Passed to another team."))
    }
    func when(_ text: String) -> Condition? {
        do { return try ConditionParser.parse(text) } catch {
            Testing.Issue.record("fixture condition `\(text)` failed: \(error.message)")
            return nil
        }
    }
    return Scenario(
        id: "broadband", title: "Broadband down", summary: "No internet since Tuesday.", difficulty: .beginner,
        skills: Skill.allCases, persona: "pat",
        issues: [Dialogue.Issue(id: "down", summary: "Broadband down", cues: ["internet"]),
                 Dialogue.Issue(id: "crackle", summary: "Crackle on the line", cues: ["crackle"], hidden: true)],
        facts: [Fact(id: "tuesday", text: "Down since Tuesday", cues: ["tuesday"]),
                Fact(id: "home", text: "Works from home", cues: ["home"]),
                Fact(id: "third", text: "Third call", cues: ["third"])],
        openings: [Opening(id: "mesh", source: .heard, cue: "Weak wi-fi upstairs", offer: ["mesh"])],
        nextNeeds: [NextNeed(id: "lights", text: "Router lights flash", cues: ["lights"])],
        start: "open",
        nodes: [
            Node(id: "open", say: [Lines.open], facts: ["tuesday", "home"], branches: [
                Branch(condition: when("acknowledged and paraphrased(2)"), mood: 2, set: ["heard"], say: [Lines.heard],
                       target: "diagnose"),
                Branch(condition: when("acknowledged"), mood: 1, target: "diagnose"),
                Branch(condition: when("mentions(\"engineer\")"), target: "wrapup"),
                Branch(condition: when("flag(never)"), target: "fixed"),
            ]),
            Node(id: "diagnose", say: Lines.diagnose, facts: ["third"], raises: ["crackle"], branches: [
                Branch(condition: when("visited(diagnose) > 2"), target: "escalated"),
                Branch(condition: when("explained_next_steps"), patience: 1, resolves: ["down"], target: "wrapup"),
                Branch(mood: -1, target: "diagnose"),
            ]),
            Node(id: "wrapup", say: [Lines.wrapup], branches: [
                Branch(condition: when("addressed(crackle)"), set: ["done"], clear: ["heard"], resolves: ["crackle"],
                       target: "fixed"),
                Branch(target: "callback"),
            ]),
        ],
        endings: endings)
}

/// A one-node call whose only branch always matches and changes nothing, so a reply's effect on mood
/// and patience is the persona's reaction alone.
func makeHubScenario() -> Scenario {
    Scenario(id: "hub", title: "Hub", summary: "", difficulty: .beginner, skills: [], persona: "pat",
             issues: [Dialogue.Issue(id: "down", summary: "Broadband down")],
             facts: [Fact(id: "tuesday", text: "Down since Tuesday", cues: ["tuesday"])],
             start: "hub",
             nodes: [Node(id: "hub", say: ["Go on."], facts: ["tuesday"], branches: [Branch(target: "hub")])],
             endings: [Ending(id: "fixed", kind: .resolved, note: "Fixed.")])
}

func makeEngine(scenario: Scenario = makeScenario(), persona: Persona = makePersona()) -> CallEngine {
    CallEngine(scenario: scenario, persona: persona, analyzer: TagAnalyzer())
}

extension CallEngine {
    /// Starts a call (or carries on from `start`) and feeds it `inputs`, returning the final state and
    /// the events of those inputs, in order (not those of starting the call).
    func run(seed: UInt64, _ inputs: [CallInput], from start: CallState? = nil) -> (CallState, [CallEvent]) {
        var state = start ?? self.start(seed: seed).0
        var events: [CallEvent] = []
        for input in inputs {
            let (next, more) = step(state, input)
            state = next
            events += more
        }
        return (state, events)
    }
}

/// JSON as the record store writes it: keys sorted, so equal values give equal bytes.
func encodeJSON(_ state: CallState) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return try encoder.encode(state)
}

func decodeJSON(_ data: Data) throws -> CallState {
    try JSONDecoder().decode(CallState.self, from: data)
}

/// The customer lines in a list of events.
func spokenLines(_ events: [CallEvent]) -> [String] {
    events.compactMap { if case let .customerSays(line, _) = $0 { return line } else { return nil } }
}

/// The reactions of the customer lines in a list of events (nil for scripted lines).
func spokenReactions(_ events: [CallEvent]) -> [ReactionKind?] {
    events.compactMap { if case let .customerSays(_, reaction) = $0 { return .some(reaction) } else { return nil } }
}
