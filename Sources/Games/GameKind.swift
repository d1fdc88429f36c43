/// The five games: short drills of one skill each, replayable, drawn from the shipped content where
/// the content holds what the game needs.
public enum GameKind: String, CaseIterable, Sendable, Codable {
    case paraphraseSprint = "paraphrase-sprint"
    case spotTheOpening = "spot-the-opening"
    case whosCalling = "whos-calling"
    case nextStepBuilder = "next-step-builder"
    case positiveSpin = "positive-spin"

    public var title: String {
        switch self {
        case .paraphraseSprint: return "Paraphrase sprint"
        case .spotTheOpening: return "Spot the opening"
        case .whosCalling: return "Who's calling"
        case .nextStepBuilder: return "Next-step builder"
        case .positiveSpin: return "Positive spin"
        }
    }

    /// What the game trains, in a line.
    public var summary: String {
        switch self {
        case .paraphraseSprint:
            return "Customer lines one after another: restate each one's key facts in your own words and check you have them right."
        case .spotTheOpening:
            return "A customer's line and account record: is there a cross-sell or proactive opening, and what would you offer? (\"none\" when there isn't one)"
        case .whosCalling:
            return "A few lines from a customer: name their style (driver, expressive, amiable or analytical) and say how you'd adapt."
        case .nextStepBuilder:
            return "A resolution: explain the next steps in full: what will happen, when, the customer's part, how it's confirmed, and that you own it."
        case .positiveSpin:
            return "A negative sentence: rewrite it to say what can be done, keeping its meaning."
        }
    }

    /// What to type, shown before the first item.
    public var instruction: String {
        switch self {
        case .paraphraseSprint: return "Restate the customer's key facts and end with a check, in one line."
        case .spotTheOpening: return "Say what you would offer, or \"none\"."
        case .whosCalling: return "Name the style and how you'd adapt, e.g. \"analytical: give exact times and references\"."
        case .nextStepBuilder: return "Write what you'd say to the customer, in one line."
        case .positiveSpin: return "Write the positive version, in one line."
        }
    }
}
