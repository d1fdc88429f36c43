import Dialogue
import Foundation
import Scoring

/// How a call was practised.
public enum SessionMode: String, Codable, Sendable, CaseIterable {
    /// Practice without hints.
    case practice
    /// Coached practice: hints on request, new issues pointed out.
    case coached
    /// Assessment: no hints, the trainer's pass mark and limits.
    case assessment
}

/// One call, as saved in `sessions/ID.json`: everything a trainer needs to review it.
public struct SessionRecord: Codable, Sendable, Equatable {
    /// The newest call-record schema this version of CallDojo reads and writes.
    public static let currentSchemaVersion = 1

    /// The schema version the file was written with.
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
    /// The group session the call was part of (`calldojo group`), if any.
    public var groupSession: String?
    /// For an assessment (``SessionMode/assessment``): the rules it was taken under and whether it passed.
    /// Absent for practice, and in records written before assessments had results.
    public var assessment: AssessmentResult?

    public init(id: String? = nil, trainee: TraineeName, scenario: Scenario, persona: Persona, mode: SessionMode,
                seed: UInt64, startedAt: Date, endedAt: Date, state: CallState, score: CallScore,
                groupSession: String? = nil, assessment: AssessmentResult? = nil) {
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
        self.groupSession = groupSession
        self.assessment = assessment
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

/// How an assessment went, kept in its call record: the pass mark it was judged against, whether it
/// passed, and the limits it was taken under.
public struct AssessmentResult: Codable, Sendable, Equatable {
    /// The overall score the call needed, 0-100.
    public var passMark: Int
    /// True when the call reached the pass mark (a call left before it ended never passes).
    public var passed: Bool
    /// Which of the trainee's assessments of this scenario this was: 1 for the first.
    public var attempt: Int
    /// The most assessments of this scenario the trainee may take, if the trainer set a cap.
    public var maxAttempts: Int?
    /// The time allowed for the call in seconds, if the trainer set a limit.
    public var timeLimitSeconds: Int?
    /// True when the time limit ran out and the call was ended as it stood.
    public var timedOut: Bool

    public init(passMark: Int, passed: Bool, attempt: Int, maxAttempts: Int? = nil, timeLimitSeconds: Int? = nil, timedOut: Bool = false) {
        self.passMark = passMark
        self.passed = passed
        self.attempt = attempt
        self.maxAttempts = maxAttempts
        self.timeLimitSeconds = timeLimitSeconds
        self.timedOut = timedOut
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

/// A trainee's profile, `trainees/KEY.json`: who they are, their goals and a summary of every call.
///
/// A profile is written with schema version 1 unless it holds goals, which need version 2; so versions
/// of CallDojo from before goals keep reading (and adding calls to) profiles that have none, and a
/// profile with goals is never rewritten by a version that would drop them.
public struct TraineeProfile: Codable, Sendable, Equatable {
    /// The newest profile schema this version of CallDojo reads and writes.
    public static let currentSchemaVersion = 2

    /// The schema version the profile was read with (1 or 2); on writing, the version its contents need.
    public var schemaVersion: Int
    public var name: String
    public var key: String
    public var createdAt: Date
    public var lastPracticeAt: Date?
    public var sessions: [SessionSummary]
    /// The trainee's goals, oldest first. Profiles written before goals existed have none.
    public var goals: [Goal]

    public init(name: TraineeName, createdAt: Date) {
        schemaVersion = 1
        self.name = name.display
        key = name.key
        self.createdAt = createdAt
        lastPracticeAt = nil
        sessions = []
        goals = []
    }

    private enum CodingKeys: String, CodingKey {
        case schemaVersion, name, key, createdAt, lastPracticeAt, sessions, goals
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
        name = try c.decode(String.self, forKey: .name)
        key = try c.decode(String.self, forKey: .key)
        createdAt = try c.decode(Date.self, forKey: .createdAt)
        lastPracticeAt = try c.decodeIfPresent(Date.self, forKey: .lastPracticeAt)
        sessions = try c.decode([SessionSummary].self, forKey: .sessions)
        goals = try c.decodeIfPresent([Goal].self, forKey: .goals) ?? []
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(writtenSchemaVersion, forKey: .schemaVersion)
        try c.encode(name, forKey: .name)
        try c.encode(key, forKey: .key)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encodeIfPresent(lastPracticeAt, forKey: .lastPracticeAt)
        try c.encode(sessions, forKey: .sessions)
        if !goals.isEmpty { try c.encode(goals, forKey: .goals) }
    }

    /// The oldest schema version that holds everything in the profile: 2 with goals, else 1.
    public var writtenSchemaVersion: Int { goals.isEmpty ? 1 : 2 }

    /// Where each goal stands, from the calls in this profile, on `now`.
    public func goalStandings(now: Date) -> [GoalStanding] {
        goals.map { $0.standing(sessions: sessions, now: now) }
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
    /// The newest settings schema this version of CallDojo reads and writes.
    public static let currentSchemaVersion = 1
    /// The schema version the file was written with.
    public var schemaVersion: Int = StoreSettings.currentSchemaVersion
    /// The last trainee name used, offered first by the menu.
    public var lastTrainee: String?
    /// The overall score a call needs to pass (0-100), set by a trainer by hand; reports and
    /// assessments use it when no pass mark is given.
    public var passMark: Int?

    public init(lastTrainee: String? = nil, passMark: Int? = nil) {
        self.lastTrainee = lastTrainee
        self.passMark = passMark
    }
}

/// A record file with a schema version: a file whose version is newer than ``currentSchemaVersion``
/// was written by a later version of CallDojo and is reported and left as it is, never read as
/// something it is not and never written over.
public protocol VersionedRecord: Codable {
    /// The newest schema version of this record that this version of CallDojo reads and writes.
    static var currentSchemaVersion: Int { get }
    /// The schema version the record was read with.
    var schemaVersion: Int { get }
}

extension SessionRecord: VersionedRecord {}
extension TraineeProfile: VersionedRecord {}
extension StoreSettings: VersionedRecord {}
