import Language

/// Where a position in a content file is: 1-based line and column. Kept on values whose problems can
/// only be found after loading (references, conditions), so they can be reported at FILE:LINE:COL.
public struct SourcePosition: Sendable, Equatable, Hashable, Codable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// How hard a scenario is.
public enum Difficulty: String, Codable, Sendable, CaseIterable {
    case beginner, intermediate, advanced
}

/// The four skills CallDojo scores.
public enum Skill: String, Codable, Sendable, CaseIterable {
    case activeListening = "active_listening"
    case paraphrasing
    case nextSteps = "next_steps"
    case forwardResolution = "forward_resolution"

    /// The name a trainee reads.
    public var title: String {
        switch self {
        case .activeListening: return "Active listening"
        case .paraphrasing: return "Paraphrasing"
        case .nextSteps: return "Next-step explanation"
        case .forwardResolution: return "Forward resolution"
        }
    }
}

/// One line of the customer's account record, as `/account` shows it.
public struct AccountField: Sendable, Equatable {
    public var label: String
    public var value: String
    public init(label: String, value: String) {
        self.label = label
        self.value = value
    }
}

/// Something the customer needs sorted: the call is resolved only when every issue is.
public struct Issue: Sendable, Equatable {
    public var id: String
    public var summary: String
    /// Words that show a reply is dealing with this issue.
    public var cues: [String]
    /// True when the customer raises it only if asked (it surfaces at a node's `raises:`).
    public var hidden: Bool
    public init(id: String, summary: String, cues: [String] = [], hidden: Bool = false) {
        self.id = id
        self.summary = summary
        self.cues = cues
        self.hidden = hidden
    }
}

/// A key fact the customer gives, which a good paraphrase carries back.
public struct Fact: Sendable, Equatable {
    public var id: String
    public var text: String
    /// Words or phrases (alternatives separated by `|`) that show a reply restated the fact.
    public var cues: [String]
    public init(id: String, text: String, cues: [String]) {
        self.id = id
        self.text = text
        self.cues = cues
    }
}

/// Where a cross-sell opening comes from.
public enum OpeningSource: String, Codable, Sendable, CaseIterable {
    /// The customer says something that opens the door.
    case heard
    /// The account record shows it.
    case record
    /// There is none until the agent creates one with a needs question.
    case created
}

/// A chance to offer something relevant.
public struct Opening: Sendable, Equatable {
    public var id: String
    public var source: OpeningSource
    /// What the trainee should notice.
    public var cue: String
    /// Words an offer of it mentions.
    public var offer: [String]
    public init(id: String, source: OpeningSource, cue: String, offer: [String]) {
        self.id = id
        self.source = source
        self.cue = cue
        self.offer = offer
    }
}

/// A likely next need or next contact that a forward-resolving agent pre-empts.
public struct NextNeed: Sendable, Equatable {
    public var id: String
    public var text: String
    public var cues: [String]
    public init(id: String, text: String, cues: [String]) {
        self.id = id
        self.text = text
        self.cues = cues
    }
}

/// How a call ended.
public enum EndingKind: String, Codable, Sendable, CaseIterable {
    case resolved
    case callback
    case escalated
    case transferred
    case hungUp = "hung_up"
    /// The agent closed the call with /end before the dialogue reached an ending.
    case endedByAgent = "ended_by_agent"
    /// The trainee left the call (/quit, Ctrl-D) before it ended.
    case abandoned

    /// The words a trainee reads.
    public var title: String {
        switch self {
        case .resolved: return "resolved"
        case .callback: return "callback owned"
        case .escalated: return "escalated"
        case .transferred: return "transferred"
        case .hungUp: return "the customer hung up"
        case .endedByAgent: return "ended by you"
        case .abandoned: return "abandoned"
        }
    }
}

/// One way a call can end.
public struct Ending: Sendable, Equatable {
    public var id: String
    public var kind: EndingKind
    /// What the customer says as the call ends (one is picked).
    public var say: [String]
    /// What the debrief says about this ending.
    public var note: String
    public var position: SourcePosition?
    public init(id: String, kind: EndingKind, say: [String] = [], note: String = "",
                position: SourcePosition? = nil) {
        self.id = id
        self.kind = kind
        self.say = say
        self.note = note
        self.position = position
    }
}

/// One way out of a node: when its condition holds for the trainee's reply, it applies its effects and
/// moves the call on.
public struct Branch: Sendable, Equatable {
    /// The condition; `nil` means "otherwise" and always matches.
    public var condition: Condition?
    /// The condition as written, for messages.
    public var conditionText: String?
    /// Added to the mood (-5...5 scale).
    public var mood: Int
    /// Added to the remaining patience.
    public var patience: Int
    /// Flags to set and clear.
    public var set: [String]
    public var clear: [String]
    /// Issues this branch resolves.
    public var resolves: [String]
    /// A line the customer says before the next node's line (optional).
    public var say: [String]
    /// The node or ending this branch leads to.
    public var target: String
    /// Where the branch is in its file.
    public var position: SourcePosition?
    public var targetPosition: SourcePosition?

    public init(condition: Condition? = nil, conditionText: String? = nil, mood: Int = 0, patience: Int = 0,
                set: [String] = [], clear: [String] = [], resolves: [String] = [], say: [String] = [],
                target: String, position: SourcePosition? = nil, targetPosition: SourcePosition? = nil) {
        self.condition = condition
        self.conditionText = conditionText
        self.mood = mood
        self.patience = patience
        self.set = set
        self.clear = clear
        self.resolves = resolves
        self.say = say
        self.target = target
        self.position = position
        self.targetPosition = targetPosition
    }
}

/// A point in the call: the customer says a line and the trainee's reply picks a branch.
public struct Node: Sendable, Equatable {
    public var id: String
    /// What the customer says here (one is picked).
    public var say: [String]
    /// Facts the customer gives in this line.
    public var facts: [String]
    /// Hidden issues that surface in this line.
    public var raises: [String]
    /// True for a node that matters for the debrief; it carries a model reply.
    public var key: Bool
    /// A reply a skilled agent might give here, shown in the debrief.
    public var model: String?
    /// What coached mode shows for /hint.
    public var hint: String?
    public var branches: [Branch]
    public var position: SourcePosition?

    public init(id: String, say: [String], facts: [String] = [], raises: [String] = [], key: Bool = false,
                model: String? = nil, hint: String? = nil, branches: [Branch], position: SourcePosition? = nil) {
        self.id = id
        self.say = say
        self.facts = facts
        self.raises = raises
        self.key = key
        self.model = model
        self.hint = hint
        self.branches = branches
        self.position = position
    }
}

/// A call: the customer's situation and the branching dialogue. Immutable once loaded and validated.
public struct Scenario: Sendable, Equatable {
    public var id: String
    public var title: String
    public var summary: String
    public var difficulty: Difficulty
    public var skills: [Skill]
    /// The persona used unless the trainee picks another.
    public var persona: String
    /// Personas that can also play this call; empty means any persona.
    public var personas: [String]
    public var account: [AccountField]
    public var issues: [Issue]
    public var facts: [Fact]
    public var openings: [Opening]
    public var nextNeeds: [NextNeed]
    /// The first node.
    public var start: String
    public var nodes: [Node]
    public var endings: [Ending]

    public init(id: String, title: String, summary: String, difficulty: Difficulty, skills: [Skill],
                persona: String, personas: [String] = [], account: [AccountField] = [], issues: [Issue],
                facts: [Fact], openings: [Opening] = [], nextNeeds: [NextNeed] = [], start: String,
                nodes: [Node], endings: [Ending]) {
        self.id = id
        self.title = title
        self.summary = summary
        self.difficulty = difficulty
        self.skills = skills
        self.persona = persona
        self.personas = personas
        self.account = account
        self.issues = issues
        self.facts = facts
        self.openings = openings
        self.nextNeeds = nextNeeds
        self.start = start
        self.nodes = nodes
        self.endings = endings
    }

    public func node(_ id: String) -> Node? { nodes.first { $0.id == id } }
    public func ending(_ id: String) -> Ending? { endings.first { $0.id == id } }

    /// True when `persona` may play this scenario.
    public func accepts(persona id: String) -> Bool {
        personas.isEmpty || id == persona || personas.contains(id)
    }
}
