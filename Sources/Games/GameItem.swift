import Language

/// One thing to answer in a game: what the player is shown, and what a good answer holds.
public struct GameItem: Sendable, Equatable {
    public enum Target: Sendable, Equatable {
        /// Facts to restate (a paraphrase sprint).
        case facts([Cue])
        /// Words that name the opening's offer, or none when the item has no opening.
        case opening(offer: [String]?)
        /// The persona style to name, and the adaptations (trait names) that suit it.
        case style(String, adaptations: [String])
        /// The five next-step parts (a next-step builder).
        case nextSteps
        /// Words the positive version must keep.
        case positive(keep: [String])
    }

    /// Where the item came from ("scenario broadband-down", "persona dana-driver", "built in").
    public var source: String
    /// What the player is shown, line by line.
    public var prompt: [String]
    public var target: Target
    /// A model answer, shown after the player's.
    public var model: String

    public init(source: String, prompt: [String], target: Target, model: String) {
        self.source = source
        self.prompt = prompt
        self.target = target
        self.model = model
    }
}

/// The points one answer earned, out of 100, with why.
public struct RoundResult: Sendable, Equatable {
    public var points: Int
    /// What earned points, quoting the player's words where there are any.
    public var earned: [String]
    /// What was missing.
    public var missed: [String]

    public init(points: Int, earned: [String], missed: [String]) {
        self.points = max(0, min(100, points))
        self.earned = earned
        self.missed = missed
    }

    /// An answer of 70 or more keeps a streak going.
    public var isGood: Bool { points >= 70 }
}
