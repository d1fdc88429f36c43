/// What one trainee reply did, as detected by a ``ReplyAnalyzing`` implementation.
///
/// Every detection that fired carries ``Evidence``: the words of the reply that triggered it, so a
/// trainer can see why a score came out as it did.
public struct Signals: Codable, Sendable, Equatable {
    /// The reply recognises the customer's situation or feelings (empathy, apology, thanks for explaining).
    public var acknowledges: Bool = false
    /// Ids of the customer's key facts the reply restated in the agent's own words.
    public var paraphrasedFacts: [String] = []
    /// The reply asks the customer to confirm the agent understood ("have I got that right?").
    public var checksUnderstanding: Bool = false
    /// The reply asks the customer a question.
    public var asksQuestion: Bool = false
    /// The question is open (what, how, tell me...) rather than yes/no.
    public var asksOpenQuestion: Bool = false
    /// The parts of a next-step explanation the reply contains.
    public var nextSteps: NextSteps = NextSteps()
    /// The reply proposes an additional product, service, plan change or upgrade.
    public var offers: Bool = false
    /// Ids of the scenario's openings the offer matched.
    public var offeredOpenings: [String] = []
    /// The reply pre-empts a likely next need or next contact.
    public var anticipates: Bool = false
    /// Ids of the scenario's next needs the reply pre-empted.
    public var anticipatedNeeds: [String] = []
    /// Ids of the scenario's issues the reply addressed (mentioned with an action or question).
    public var addressedIssues: [String] = []
    /// Negative phrasing: "can't", "unless", "policy", "unfortunately".
    public var negativeLanguage: Bool = false
    /// Blaming the customer, a colleague or another department.
    public var blame: Bool = false
    /// Technical jargon (matters for low-knowledge customers).
    public var jargon: Bool = false
    /// Telling the customer to calm down.
    public var calmDown: Bool = false
    /// The hollow "anything else I can help with?" closer.
    public var hollowCloser: Bool = false
    /// Chit-chat unrelated to the problem.
    public var smallTalk: Bool = false
    /// An apology with no action attached.
    public var apologyOnly: Bool = false
    /// Ids of facts the customer already gave that the reply asks for again.
    public var asksAgainFor: [String] = []
    /// Words that suggest a transfer to another team.
    public var suggestsTransfer: Bool = false
    /// The reply is empty or carries nothing the analyser recognises.
    public var empty: Bool = false
    /// Why each detection fired.
    public var evidence: [Evidence] = []

    public init() {}

    /// True when the reply explains next steps well enough to count: an action plus at least one of
    /// timescale, confirmation or ownership.
    public var explainsNextSteps: Bool {
        nextSteps.action && (nextSteps.timescale || nextSteps.confirmation || nextSteps.ownership)
    }

    /// True when the reply paraphrased at least one fact.
    public var paraphrases: Bool { !paraphrasedFacts.isEmpty }

    /// The evidence recorded for one signal, if any.
    public func evidence(for signal: SignalName) -> Evidence? {
        evidence.first { $0.signal == signal }
    }
}

/// The five parts of a complete next-step explanation.
public struct NextSteps: Codable, Sendable, Equatable {
    /// What will be (or has been) done.
    public var action: Bool = false
    /// When it will happen.
    public var timescale: Bool = false
    /// What the customer must do.
    public var customerAction: Bool = false
    /// How it will be confirmed: email, text, letter, reference number.
    public var confirmation: Bool = false
    /// The agent personally owns the follow-up.
    public var ownership: Bool = false

    public init(action: Bool = false, timescale: Bool = false, customerAction: Bool = false,
                confirmation: Bool = false, ownership: Bool = false) {
        self.action = action
        self.timescale = timescale
        self.customerAction = customerAction
        self.confirmation = confirmation
        self.ownership = ownership
    }

    /// How many of the five parts are present.
    public var count: Int {
        [action, timescale, customerAction, confirmation, ownership].filter { $0 }.count
    }
}

/// The names of the signals, as used in evidence and in the condition language.
public enum SignalName: String, Codable, Sendable, CaseIterable {
    case acknowledges, paraphrases, checksUnderstanding, asksQuestion, asksOpenQuestion
    case action, timescale, customerAction, confirmation, ownership
    case offers, anticipates, addressesIssue
    case negativeLanguage, blame, jargon, calmDown, hollowCloser, smallTalk, apologyOnly, asksAgain
    case suggestsTransfer
}

/// Why one signal fired: the words of the reply that matched and, where it applies, the id of the
/// fact, opening, need or issue they matched.
public struct Evidence: Codable, Sendable, Equatable {
    public var signal: SignalName
    /// The words of the trainee's reply that triggered the signal, as typed.
    public var words: String
    /// The fact, opening, next need or issue id, when the signal is about one.
    public var ref: String?

    public init(signal: SignalName, words: String, ref: String? = nil) {
        self.signal = signal
        self.words = words
        self.ref = ref
    }
}
