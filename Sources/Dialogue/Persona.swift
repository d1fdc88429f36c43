import Language

/// How a customer prefers to communicate (the four social styles).
public enum Style: String, Codable, Sendable, CaseIterable {
    case driver, expressive, amiable, analytical
}

/// How the customer feels at the start of the call. Sets the starting mood.
public enum Temper: String, Codable, Sendable, CaseIterable {
    case calm, anxious, irritated, angry

    /// Mood at the start of a call, on the -5...5 scale.
    public var startingMood: Int {
        switch self {
        case .calm: return 1
        case .anxious: return 0
        case .irritated: return -1
        case .angry: return -3
        }
    }
}

/// The customer's value to the business: A is the most valuable.
public enum Tier: String, Codable, Sendable, CaseIterable {
    case A, B, C
}

/// Behaviours a persona can be pleased or annoyed by, beyond the rules every persona follows.
public enum Trait: String, Codable, Sendable, CaseIterable {
    /// Recognising their situation or feelings.
    case empathy
    /// Restating what they said.
    case paraphrase
    /// Numbers, timescales, references: concrete next steps.
    case specifics
    /// A friendly personal touch, a little chat.
    case personalTouch = "personal_touch"
    /// Short, to-the-point replies.
    case brevity
    /// Plain language with no jargon.
    case plainLanguage = "plain_language"
    /// Being asked about their needs.
    case questions
    /// Being offered something new.
    case offers
    /// Technical terms.
    case jargon
    /// Chit-chat.
    case smallTalk = "small_talk"
    /// Negative phrasing: can't, unless, policy.
    case negativeLanguage = "negative_language"
    /// Being put on hold.
    case hold
    /// Long replies.
    case longReplies = "long_replies"
    /// Being recognised as a valued customer.
    case recognition
}

/// The situations in which a persona says a line of their own.
public enum ReactionKind: String, Codable, Sendable, CaseIterable {
    /// The agent's reply did not engage with anything the customer said.
    case ignored
    /// The agent asked for something the customer had already said.
    case repeated
    /// The agent used jargon with a low-knowledge customer.
    case jargon
    /// The agent made small talk the customer did not want.
    case smallTalk = "small_talk"
    /// The agent transferred or offered to transfer the call.
    case transfer
    /// The agent apologised with no action.
    case apologyOnly = "apology_only"
    /// The customer was put on hold.
    case hold
    /// Something the agent said pleased the customer.
    case pleased
    /// Something the agent said annoyed the customer.
    case annoyed
    /// The customer ran out of patience and hangs up.
    case hangUp = "hang_up"
}

/// A customer: who they are, how they talk, and what pleases and annoys them. Immutable once loaded.
public struct Persona: Sendable, Equatable {
    public var id: String
    public var name: String
    public var summary: String
    public var style: Style
    public var temper: Temper
    /// How many annoyances the customer tolerates before hanging up (1...10).
    public var patience: Int
    public var knowledge: Knowledge
    public var tier: Tier
    /// How the customer likes to be contacted: phone, email, text, letter.
    public var contactPreference: String
    public var pleasedBy: [Trait]
    public var annoyedBy: [Trait]
    /// The customer's own wording for generic reactions; several lines per kind are picked from in turn.
    public var reactions: [ReactionKind: [String]]

    public init(id: String, name: String, summary: String = "", style: Style, temper: Temper,
                patience: Int, knowledge: Knowledge, tier: Tier, contactPreference: String = "phone",
                pleasedBy: [Trait] = [], annoyedBy: [Trait] = [], reactions: [ReactionKind: [String]] = [:]) {
        self.id = id
        self.name = name
        self.summary = summary
        self.style = style
        self.temper = temper
        self.patience = patience
        self.knowledge = knowledge
        self.tier = tier
        self.contactPreference = contactPreference
        self.pleasedBy = pleasedBy
        self.annoyedBy = annoyedBy
        self.reactions = reactions
    }

    /// A line for a reaction, falling back to a neutral default when the persona has none.
    public func lines(for kind: ReactionKind) -> [String] {
        if let own = reactions[kind], !own.isEmpty { return own }
        return Persona.defaultReactions[kind] ?? []
    }

    /// Wording used when a persona file does not give its own.
    public static let defaultReactions: [ReactionKind: [String]] = [
        .ignored: ["Sorry, did you hear what I said?"],
        .repeated: ["I've already told you that."],
        .jargon: ["I'm sorry, I don't know what that means."],
        .smallTalk: ["Can we just get on with it, please?"],
        .transfer: ["Please don't pass me on to someone else again."],
        .apologyOnly: ["Sorry doesn't fix it. What are you going to do?"],
        .hold: ["Fine, I'll hold."],
        .pleased: ["Thank you, that helps."],
        .annoyed: ["That's not what I wanted to hear."],
        .hangUp: ["I've had enough of this. Goodbye."],
    ]
}
