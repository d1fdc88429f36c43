/// An xAPI 1.0.3 statement: who (actor) did what (verb) to which activity (object), with a result
/// and context. Encodes to the JSON a Learning Record Store accepts.
public struct XAPIStatement: Codable, Sendable, Equatable {
    /// A UUID, stable for the same call and position, so sending a call twice stores it once.
    public var id: String
    public var actor: XAPIAgent
    public var verb: XAPIVerb
    public var object: XAPIActivity
    public var result: XAPIResult?
    public var context: XAPIContext
    /// When it happened, ISO 8601 in UTC with milliseconds.
    public var timestamp: String

    public init(id: String, actor: XAPIAgent, verb: XAPIVerb, object: XAPIActivity, result: XAPIResult?,
                context: XAPIContext, timestamp: String) {
        self.id = id
        self.actor = actor
        self.verb = verb
        self.object = object
        self.result = result
        self.context = context
        self.timestamp = timestamp
    }
}

/// The trainee, identified by an account on the organisation's site: `{homePage, name}`.
public struct XAPIAgent: Codable, Sendable, Equatable {
    public var objectType: String = "Agent"
    /// The trainee's name as typed.
    public var name: String?
    public var account: Account

    /// An account: the organisation's home page and the trainee's key.
    public struct Account: Codable, Sendable, Equatable {
        public var homePage: String
        public var name: String
        public init(homePage: String, name: String) {
            self.homePage = homePage
            self.name = name
        }
    }

    public init(name: String?, account: Account) {
        self.name = name
        self.account = account
    }
}

/// What the trainee did: an IRI and its display name.
public struct XAPIVerb: Codable, Sendable, Equatable {
    public var id: String
    public var display: [String: String]

    public init(id: String, display: String) {
        self.id = id
        self.display = ["en": display]
    }

    /// A reply during the call.
    public static let responded = XAPIVerb(id: "http://adlnet.gov/expapi/verbs/responded", display: "responded")
    /// The call reached an ending.
    public static let completed = XAPIVerb(id: "http://adlnet.gov/expapi/verbs/completed", display: "completed")
    /// The trainee left the call before it ended.
    public static let terminated = XAPIVerb(id: "http://adlnet.gov/expapi/verbs/terminated", display: "terminated")
    /// The call's overall score reached the pass mark.
    public static let passed = XAPIVerb(id: "http://adlnet.gov/expapi/verbs/passed", display: "passed")
    /// The call's overall score fell short of the pass mark.
    public static let failed = XAPIVerb(id: "http://adlnet.gov/expapi/verbs/failed", display: "failed")
}

/// The scenario, as an activity of type simulation.
public struct XAPIActivity: Codable, Sendable, Equatable {
    public var objectType: String = "Activity"
    /// An IRI under the organisation's home page: `<homePage>/scenarios/<scenario id>`.
    public var id: String
    public var definition: Definition

    /// What the activity is.
    public struct Definition: Codable, Sendable, Equatable {
        /// Always `http://adlnet.gov/expapi/activities/simulation`.
        public var type: String
        public var name: [String: String]
        public var description: [String: String]?
        public init(type: String, name: [String: String], description: [String: String]?) {
            self.type = type
            self.name = name
            self.description = description
        }
    }

    /// The activity type of every scenario.
    public static let simulationType = "http://adlnet.gov/expapi/activities/simulation"

    public init(id: String, definition: Definition) {
        self.id = id
        self.definition = definition
    }
}

/// The outcome carried by a statement.
public struct XAPIResult: Codable, Sendable, Equatable {
    public var score: Score?
    public var success: Bool?
    public var completion: Bool?
    /// For `responded`: the reply the trainee typed.
    public var response: String?
    /// ISO 8601 duration of the call, e.g. `PT4M12.5S`.
    public var duration: String?

    /// The overall score: `scaled` is `raw / 100`, between 0 and 1.
    public struct Score: Codable, Sendable, Equatable {
        public var scaled: Double
        public var raw: Int
        public var min: Int
        public var max: Int
        public init(scaled: Double, raw: Int, min: Int, max: Int) {
            self.scaled = scaled
            self.raw = raw
            self.min = min
            self.max = max
        }
    }

    public init(score: Score? = nil, success: Bool? = nil, completion: Bool? = nil, response: String? = nil, duration: String? = nil) {
        self.score = score
        self.success = success
        self.completion = completion
        self.response = response
        self.duration = duration
    }
}

/// The call the statement belongs to.
public struct XAPIContext: Codable, Sendable, Equatable {
    /// The same UUID for every statement of one call.
    public var registration: String
    public var platform: String
    public var language: String
    /// Extension IRIs under `<homePage>/xapi/extensions/` (see docs/XAPI.md).
    public var extensions: [String: ExtensionValue]

    public init(registration: String, platform: String, language: String, extensions: [String: ExtensionValue]) {
        self.registration = registration
        self.platform = platform
        self.language = language
        self.extensions = extensions
    }
}

/// The value of an extension: text, a whole number or a yes/no.
public enum ExtensionValue: Codable, Sendable, Equatable {
    case text(String)
    case number(Int)
    case flag(Bool)

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let b = try? c.decode(Bool.self) {
            self = .flag(b)
        } else if let n = try? c.decode(Int.self) {
            self = .number(n)
        } else {
            self = .text(try c.decode(String.self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case let .text(s): try c.encode(s)
        case let .number(n): try c.encode(n)
        case let .flag(b): try c.encode(b)
        }
    }
}
