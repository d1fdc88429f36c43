import Dialogue
import Foundation

/// A group session (`calldojo group`), as saved in `groups/ID.json`: who took part, every reply typed at
/// each turn with its points, the reply the customer heard, and the leaderboard. Each trainee's own
/// call record (in `sessions/`) carries this id as its `groupSession`.
public struct GroupRecord: Codable, Sendable, Equatable, VersionedRecord {
    public static let currentSchemaVersion = 1

    public struct Reply: Codable, Sendable, Equatable {
        public var trainee: String
        public var text: String
        public var points: Int
        public init(trainee: String, text: String, points: Int) {
            self.trainee = trainee
            self.text = text
            self.points = points
        }
    }

    public struct Turn: Codable, Sendable, Equatable {
        public var turn: Int
        /// Every reply typed for this customer line (round-robin), or the one reply (hot-seat).
        public var replies: [Reply]
        /// Whose reply the customer heard.
        public var heard: String
        public init(turn: Int, replies: [Reply], heard: String) {
            self.turn = turn
            self.replies = replies
            self.heard = heard
        }
    }

    public struct Place: Codable, Sendable, Equatable {
        public var trainee: String
        public var overall: Int
        /// The trainee's call record.
        public var session: String
        public init(trainee: String, overall: Int, session: String) {
            self.trainee = trainee
            self.overall = overall
            self.session = session
        }
    }

    public var schemaVersion: Int
    /// `YYYYMMDD-HHMMSS-group-XXXX`.
    public var id: String
    public var scenario: String
    public var persona: String
    /// `round-robin` or `hot-seat`.
    public var mode: String
    /// How the reply the customer heard was chosen: `best` or `trainer`.
    public var pick: String
    public var seed: UInt64
    public var trainees: [String]
    public var startedAt: Date
    public var endedAt: Date
    public var ending: EndingRecord?
    public var turns: [Turn]
    /// Best overall score first.
    public var leaderboard: [Place]

    public init(id: String, scenario: String, persona: String, mode: String, pick: String, seed: UInt64, trainees: [String],
                startedAt: Date, endedAt: Date, ending: EndingRecord?, turns: [Turn], leaderboard: [Place]) {
        schemaVersion = GroupRecord.currentSchemaVersion
        self.id = id
        self.scenario = scenario
        self.persona = persona
        self.mode = mode
        self.pick = pick
        self.seed = seed
        self.trainees = trainees
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.ending = ending
        self.turns = turns
        self.leaderboard = leaderboard
    }

    /// A new group session id for a time.
    public static func makeID(at date: Date, random: UInt16 = UInt16.random(in: 0...UInt16.max)) -> String {
        guard let name = try? TraineeName("group") else { return "group-\(Int(date.timeIntervalSince1970))-\(random)" }
        return SessionRecord.makeID(trainee: name, at: date, random: random)
    }
}

/// A calibration (`calldojo calibrate`): each participant's ratings of one recorded call against the
/// engine's scores, saved in `calibrations/ID.json`.
public struct CalibrationRecord: Codable, Sendable, Equatable, VersionedRecord {
    public static let currentSchemaVersion = 1

    public struct Rating: Codable, Sendable, Equatable {
        public var participant: String
        /// Skill id to the participant's score, 0-100.
        public var scores: [String: Int]
        public init(participant: String, scores: [String: Int]) {
            self.participant = participant
            self.scores = scores
        }
    }

    public struct SkillSpread: Codable, Sendable, Equatable {
        public var skill: String
        public var engine: Int
        public var min: Int
        public var max: Int
        public var mean: Double
        /// The participant furthest from the group's mean.
        public var furthest: String
        public var verdict: String
        public init(skill: String, engine: Int, min: Int, max: Int, mean: Double, furthest: String, verdict: String) {
            self.skill = skill
            self.engine = engine
            self.min = min
            self.max = max
            self.mean = mean
            self.furthest = furthest
            self.verdict = verdict
        }
    }

    public var schemaVersion: Int
    public var id: String
    /// What was rated: `session ID` or `transcript FILE`.
    public var source: String
    public var scenario: String
    public var calibratedAt: Date
    public var ratings: [Rating]
    public var skills: [SkillSpread]

    public init(id: String, source: String, scenario: String, calibratedAt: Date, ratings: [Rating], skills: [SkillSpread]) {
        schemaVersion = CalibrationRecord.currentSchemaVersion
        self.id = id
        self.source = source
        self.scenario = scenario
        self.calibratedAt = calibratedAt
        self.ratings = ratings
        self.skills = skills
    }
}

extension RecordStore {
    public var groupsFolder: URL { root.appendingPathComponent("groups") }
    public var calibrationsFolder: URL { root.appendingPathComponent("calibrations") }

    public func save(group: GroupRecord) throws(StoreError) {
        try RecordStore.makeFolder(groupsFolder)
        try writeAtomically(try encode(group, what: "the group session record"), to: groupsFolder.appendingPathComponent("\(group.id).json"))
    }

    public func save(calibration: CalibrationRecord) throws(StoreError) {
        try RecordStore.makeFolder(calibrationsFolder)
        try writeAtomically(try encode(calibration, what: "the calibration record"),
                            to: calibrationsFolder.appendingPathComponent("\(calibration.id).json"))
    }

    /// Every group session saved, oldest first, and any files that could not be read.
    public func groups() -> ([GroupRecord], [DamagedFile]) {
        guard fm.fileExists(atPath: groupsFolder.path) else { return ([], []) }
        let (records, damaged) = readAll(GroupRecord.self, jsonFiles(in: groupsFolder))
        return (records.sorted { $0.id < $1.id }, damaged)
    }

    /// Every calibration saved, oldest first, and any files that could not be read.
    public func calibrations() -> ([CalibrationRecord], [DamagedFile]) {
        guard fm.fileExists(atPath: calibrationsFolder.path) else { return ([], []) }
        let (records, damaged) = readAll(CalibrationRecord.self, jsonFiles(in: calibrationsFolder))
        return (records.sorted { $0.id < $1.id }, damaged)
    }
}
