import Language

/// Who said a line of the transcript.
public enum Speaker: String, Codable, Sendable {
    case customer, agent, system
}

/// One line of a call's transcript.
public struct TranscriptEntry: Codable, Sendable, Equatable {
    public var speaker: Speaker
    public var text: String
    /// The node the call was at when the line was said.
    public var node: String?
    /// The trainee's reply number this line belongs to (0 for the opening line).
    public var turn: Int
    /// For the trainee's replies: what the analyser found.
    public var signals: Signals?
    /// For the trainee's replies: the customer's mood after the reply.
    public var moodAfter: Int?
    /// For customer reaction lines: which persona rule drew it.
    public var reaction: ReactionKind?
    /// For slash commands that change the call: which one.
    public var command: String?

    public init(speaker: Speaker, text: String, node: String?, turn: Int, signals: Signals? = nil,
                moodAfter: Int? = nil, reaction: ReactionKind? = nil, command: String? = nil) {
        self.speaker = speaker
        self.text = text
        self.node = node
        self.turn = turn
        self.signals = signals
        self.moodAfter = moodAfter
        self.reaction = reaction
        self.command = command
    }
}

/// How the call ended, as stored in the call state and the record.
public struct EndingRecord: Codable, Sendable, Equatable {
    public var id: String
    public var kind: EndingKind
    public var note: String
    public init(id: String, kind: EndingKind, note: String) {
        self.id = id
        self.kind = kind
        self.note = note
    }
}

/// Everything that changes during a call, in one value. Save it and restore it to carry on a call
/// exactly where it was: the same content, state and replies give the same call, byte for byte.
public struct CallState: Codable, Sendable, Equatable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var scenario: String
    public var persona: String
    public var seed: UInt64
    public var random: SeededRandom
    /// The node the call is at (the one whose line the customer last said).
    public var node: String
    /// The customer's mood, -5 (furious) to 5 (delighted).
    public var mood: Int
    /// Annoyances the customer will still take before hanging up.
    public var patience: Int
    public var flags: [String]
    public var visits: [String: Int]
    /// How many replies the trainee has given.
    public var turn: Int
    public var holds: Int
    /// Issue ids the customer has raised so far (hidden ones appear when they surface).
    public var raisedIssues: [String]
    public var resolvedIssues: [String]
    /// Fact ids the customer has given so far.
    public var givenFacts: [String]
    /// Mood at the start, after every reply and after every hold.
    public var moodPath: [Int]
    public var transcript: [TranscriptEntry]
    public var notes: [String]
    /// Set when the call has ended.
    public var ending: EndingRecord?

    public var isOver: Bool { ending != nil }

    /// The last line the customer said.
    public var lastCustomerLine: String {
        transcript.last { $0.speaker == .customer }?.text ?? ""
    }

    public init(scenario: String, persona: String, seed: UInt64, node: String, mood: Int, patience: Int,
                raisedIssues: [String]) {
        schemaVersion = CallState.currentSchemaVersion
        self.scenario = scenario
        self.persona = persona
        self.seed = seed
        random = SeededRandom(seed: seed)
        self.node = node
        self.mood = mood
        self.patience = patience
        flags = []
        visits = [:]
        turn = 0
        holds = 0
        self.raisedIssues = raisedIssues
        resolvedIssues = []
        givenFacts = []
        moodPath = [mood]
        transcript = []
        notes = []
        ending = nil
    }
}

/// Something that happened during a step, for the host to show.
public enum CallEvent: Sendable, Equatable {
    /// The customer says a line; `reaction` is set when a persona rule drew it.
    case customerSays(String, reaction: ReactionKind?)
    /// The customer's mood moved.
    case moodChanged(from: Int, to: Int)
    /// An issue came to light.
    case issueRaised(String)
    /// An issue was resolved.
    case issueResolved(String)
    /// The call ended.
    case ended(EndingRecord)
}

/// What the trainee did this step.
public enum CallInput: Sendable, Equatable {
    /// A typed reply.
    case reply(String)
    /// /hold: put the customer on hold.
    case hold
    /// /transfer: transfer the call.
    case transfer
    /// /end: end the call now.
    case end
    /// /quit or end of input: leave the call unfinished.
    case abandon
    /// /notes TEXT: a private note, kept with the record.
    case note(String)
}
