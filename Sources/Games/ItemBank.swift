import Dialogue
import Language

/// Every item a game can draw, built from the scenarios and personas installed and, where the content
/// has no field for what a game needs, from lists built into CallDojo.
public struct ItemBank: Sendable {
    public let scenarios: [Scenario]
    public let personas: [Persona]

    public init(scenarios: [Scenario], personas: [Persona]) {
        self.scenarios = scenarios
        self.personas = personas
    }

    public func items(for kind: GameKind) -> [GameItem] {
        switch kind {
        case .paraphraseSprint: return paraphraseItems()
        case .spotTheOpening: return openingItems()
        case .whosCalling: return personaItems()
        case .nextStepBuilder: return BuiltInItems.nextSteps
        case .positiveSpin: return BuiltInItems.positiveSpin
        }
    }

    /// `rounds` items drawn at random (the same seed draws the same items), without repeats while
    /// there are enough; with fewer items than rounds, every item once.
    public func draw(_ kind: GameKind, rounds: Int, seed: UInt64) -> [GameItem] {
        var rng = SeededRandom(seed: seed)
        return Array(items(for: kind).shuffled(using: &rng).prefix(max(0, rounds)))
    }

    /// Customer lines that give key facts, from every node with facts and a model reply.
    func paraphraseItems() -> [GameItem] {
        var out: [GameItem] = []
        for scenario in scenarios {
            for node in scenario.nodes where !node.facts.isEmpty {
                guard let line = node.say.first, let model = node.model, !line.isEmpty else { continue }
                let facts = node.facts.compactMap { id in scenario.facts.first { $0.id == id } }
                guard !facts.isEmpty else { continue }
                out.append(GameItem(source: "scenario \(scenario.id)", prompt: ["Customer: \(line)"],
                                    target: .facts(facts.map { Cue(id: $0.id, cues: $0.cues) }), model: model))
            }
        }
        return out
    }

    /// Each scenario's opening line and account record; scenarios with an opening are "yes" items.
    func openingItems() -> [GameItem] {
        var out: [GameItem] = []
        for scenario in scenarios {
            guard let line = scenario.node(scenario.start)?.say.first else { continue }
            var prompt = ["Customer: \(line)"]
            if !scenario.account.isEmpty {
                prompt.append("Account record:")
                prompt += scenario.account.map { "  \($0.label): \($0.value)" }
            }
            if let opening = scenario.openings.first {
                out.append(GameItem(source: "scenario \(scenario.id)", prompt: prompt,
                                    target: .opening(offer: opening.offer), model: opening.cue))
            } else {
                out.append(GameItem(source: "scenario \(scenario.id)", prompt: prompt, target: .opening(offer: nil),
                                    model: "None: nothing in the line or the record points to something more to offer. Fix the problem well."))
            }
        }
        return out
    }

    /// Lines in each persona's voice, without their name or style.
    func personaItems() -> [GameItem] {
        personas.compactMap { persona in
            let kinds: [ReactionKind] = [.ignored, .annoyed, .pleased, .apologyOnly, .hold]
            let lines = kinds.compactMap { persona.reactions[$0]?.first }.prefix(3)
            guard lines.count >= 2 else { return nil }
            let adaptations = persona.pleasedBy.map(\.rawValue)
            let advice = StyleWords.advice[persona.style.rawValue] ?? ""
            return GameItem(source: "persona \(persona.id)", prompt: lines.map { "Customer: \($0)" },
                            target: .style(persona.style.rawValue, adaptations: adaptations),
                            model: "\(persona.style.rawValue.capitalized): \(advice)")
        }
    }
}

/// Words that name a persona style, and how to adapt to it.
enum StyleWords {
    static let names: [String: [String]] = [
        "driver": ["driver", "direct", "dominant", "results", "to the point", "impatient", "decisive"],
        "expressive": ["expressive", "chatty", "talkative", "enthusiastic", "emotional", "sociable", "story"],
        "amiable": ["amiable", "friendly", "warm", "gentle", "easy going", "easygoing", "relationship", "worried", "anxious"],
        "analytical": ["analytical", "analytic", "detail", "precise", "logical", "methodical", "data", "facts"],
    ]

    static let advice: [String: String] = [
        "driver": "be brief and direct, lead with the answer and the outcome, and skip the small talk.",
        "expressive": "be warm, recognise how they feel, let them talk, then sum up and bring it to a plan.",
        "amiable": "be patient and reassuring, use plain language, one step at a time, and check they're comfortable.",
        "analytical": "be exact: times, references, numbers and the reasons behind them, in order.",
    ]

    /// Words that show a trait in a player's "how I'd adapt".
    static let traits: [String: [String]] = [
        "empathy": ["empath", "acknowledg", "feel", "sorry", "reassur", "understand", "recognis", "recogniz"],
        "paraphrase": ["paraphras", "restate", "sum up", "summar", "play back", "repeat back"],
        "specifics": ["specific", "detail", "number", "exact", "reference", "time", "facts", "data", "precise"],
        "personal_touch": ["personal", "chat", "friendly", "warm", "rapport", "name", "relationship"],
        "brevity": ["brief", "short", "quick", "concise", "to the point", "straight", "direct"],
        "plain_language": ["plain", "simple", "jargon", "clear", "step by step", "slow", "patient"],
        "questions": ["question", "ask", "listen"],
        "offers": ["offer", "option", "upgrade", "deal"],
        "recognition": ["loyal", "valued", "recognis", "recogniz", "thank", "appreciat"],
    ]
}
