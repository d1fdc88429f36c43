/// How much the customer knows about the product; low-knowledge customers are put off by jargon.
public enum Knowledge: String, Codable, Sendable, CaseIterable {
    case low, medium, high
}

/// Something the scenario author wants the analyser to recognise in a reply: a key fact, an opening,
/// a next need or an issue. `cues` are the words or short phrases that show the reply touched it;
/// each cue may list alternatives separated by `|` ("tuesday|since tuesday|three days").
public struct Cue: Codable, Sendable, Equatable {
    public var id: String
    public var cues: [String]

    public init(id: String, cues: [String]) {
        self.id = id
        self.cues = cues
    }
}

/// Everything the analyser may use besides the reply itself.
public struct ReplyContext: Sendable, Equatable {
    /// The customer's line the trainee is answering.
    public var customerLine: String
    /// Key facts the customer has given so far in the call (paraphrase targets).
    public var facts: [Cue]
    /// Ids of facts the customer has already given (asking for them again annoys).
    public var givenFacts: Set<String>
    /// Cross-sell or proactive openings in this scenario.
    public var openings: [Cue]
    /// Likely next needs that a forward-resolving agent pre-empts.
    public var nextNeeds: [Cue]
    /// The issues that define "resolved" for this call.
    public var issues: [Cue]
    /// The customer's product knowledge.
    public var knowledge: Knowledge
    /// True when `facts` are single words and numbers taken from `customerLine` (see
    /// ``fromCustomerLine(_:knowledge:)``) rather than a scenario's own cues. One shared word is then
    /// not enough for a paraphrase: the reply has to restate a number, a time or several of the
    /// customer's words together.
    var factsAreCustomerWords = false
    /// The facts compiled ahead (see ``prepared()``).
    var preparation = ContextPreparation()

    public init(customerLine: String, facts: [Cue] = [], givenFacts: Set<String> = [],
                openings: [Cue] = [], nextNeeds: [Cue] = [], issues: [Cue] = [],
                knowledge: Knowledge = .medium) {
        self.customerLine = customerLine
        self.facts = facts
        self.givenFacts = givenFacts
        self.openings = openings
        self.nextNeeds = nextNeeds
        self.issues = issues
        self.knowledge = knowledge
    }

    /// The same context with its facts compiled ahead, for analysing many replies against it: each
    /// reply then skips that work. Changing the facts or the customer's line afterwards is safe: the
    /// analyser notices and works them out again.
    public func prepared() -> ReplyContext {
        var context = self
        context.preparation = ContextPreparation(self)
        return context
    }
}

/// Turns one typed reply into ``Signals``. Implementations are pure: the same reply and context always
/// give the same signals.
public protocol ReplyAnalyzing: Sendable {
    func analyze(_ reply: String, context: ReplyContext) -> Signals
}
