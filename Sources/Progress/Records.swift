import Dialogue
import Foundation
import Scoring

/// How a call was practised.
public enum SessionMode: String, Codable, Sendable, CaseIterable {
    /// Practice without hints.
    case practice
    /// Coached practice: hints on request, new issues pointed out.
    case coached
}

/// One call, as saved in `sessions/ID.json`: everything a trainer needs to review it.
public struct SessionRecord: Codable, Sendable, Equatable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    /// Sortable and unique: `YYYYMMDD-HHMMSS-<trainee key>-<4 hex digits>`.
    public var id: String
    /// The trainee's name as typed.
    public var trainee: String
    /// The key the trainee's records are filed under.
    public var traineeKey: String
    public var scenario: String
    public var scenarioTitle: String
    public var persona: String
    public var personaName: String
    public var mode: SessionMode
    /// Replaying the same replies with this seed gives the same call.
    public var seed: UInt64
    public var startedAt: Date
    public var endedAt: Date
    public var ending: EndingRecord?
    /// Every line of the call, with what was detected in each reply.
    public var transcript: [TranscriptEntry]
    /// The customer's mood at the start and after every reply (-5...5).
    public var moodPath: [Int]
    public var issuesRaised: [String]
    public var issuesResolved: [String]
    public var score: CallScore
    public var notes: [String]

    public init(id: String? = nil, trainee: TraineeName, scenario: Scenario, persona: Persona, mode: SessionMode,
                seed: UInt64, startedAt: Date, endedAt: Date, state: CallState, score: CallScore) {
        schemaVersion = SessionRecord.currentSchemaVersion
        self.id = id ?? SessionRecord.makeID(trainee: trainee, at: startedAt)
        self.trainee = trainee.display
        traineeKey = trainee.key
        self.scenario = scenario.id
        scenarioTitle = scenario.title
        self.persona = persona.id
        personaName = persona.name
        self.mode = mode
        self.seed = seed
        self.startedAt = startedAt
        self.endedAt = endedAt
        ending = state.ending
        transcript = state.transcript
        moodPath = state.moodPath
        issuesRaised = state.raisedIssues
        issuesResolved = state.resolvedIssues
        self.score = score
        notes = state.notes
    }

    /// A new session id for a trainee at a time.
    public static func makeID(trainee: TraineeName, at date: Date, random: UInt16 = UInt16.random(in: 0...UInt16.max)) -> String {
        let c = Calendar(identifier: .gregorian)
        var utc = c
        utc.timeZone = TimeZone(identifier: "UTC") ?? utc.timeZone
        let d = utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ n: Int?) -> String { String(n ?? 0).leftPadded(to: 2) }
        let stamp = "\(String(d.year ?? 0).leftPadded(to: 4))\(two(d.month))\(two(d.day))-\(two(d.hour))\(two(d.minute))\(two(d.second))"
        return "\(stamp)-\(trainee.key)-\(String(random, radix: 16).leftPadded(to: 4))"
    }

    /// The short form kept in the trainee's profile.
    public var summary: SessionSummary {
        SessionSummary(id: id, scenario: scenario, persona: persona, mode: mode, startedAt: startedAt, endedAt: endedAt,
                       ending: ending?.kind, overall: score.overall,
                       skills: Dictionary(score.skills.map { ($0.skill.rawValue, $0.score) }, uniquingKeysWith: { a, _ in a }))
    }
}

/// One call in a trainee's profile.
public struct SessionSummary: Codable, Sendable, Equatable {
    public var id: String
    public var scenario: String
    public var persona: String
    public var mode: SessionMode
    public var startedAt: Date
    public var endedAt: Date
    public var ending: EndingKind?
    public var overall: Int
    /// Each skill's score, keyed by skill id (`active_listening`, `paraphrasing`, `next_steps`, `forward_resolution`).
    public var skills: [String: Int]

    public init(id: String, scenario: String, persona: String, mode: SessionMode, startedAt: Date, endedAt: Date,
                ending: EndingKind?, overall: Int, skills: [String: Int]) {
        self.id = id
        self.scenario = scenario
        self.persona = persona
        self.mode = mode
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.ending = ending
        self.overall = overall
        self.skills = skills
    }
}

/// A trainee's profile, `trainees/KEY.json`: who they are and a summary of every call.
public struct TraineeProfile: Codable, Sendable, Equatable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var name: String
    public var key: String
    public var createdAt: Date
    public var lastPracticeAt: Date?
    public var sessions: [SessionSummary]

    public init(name: TraineeName, createdAt: Date) {
        schemaVersion = TraineeProfile.currentSchemaVersion
        self.name = name.display
        key = name.key
        self.createdAt = createdAt
        lastPracticeAt = nil
        sessions = []
    }

    /// Adds a call, once, keeping the list in start order.
    public mutating func add(_ summary: SessionSummary) {
        guard !sessions.contains(where: { $0.id == summary.id }) else { return }
        sessions.append(summary)
        sessions.sort { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }
        lastPracticeAt = max(lastPracticeAt ?? summary.endedAt, summary.endedAt)
    }
}

/// Store-wide settings, `settings.json`.
public struct StoreSettings: Codable, Sendable, Equatable {
    public static let currentSchemaVersion = 1
    public var schemaVersion: Int = StoreSettings.currentSchemaVersion
    /// The last trainee name used, offered first by the menu.
    public var lastTrainee: String?

    public init(lastTrainee: String? = nil) {
        self.lastTrainee = lastTrainee
    }
}
