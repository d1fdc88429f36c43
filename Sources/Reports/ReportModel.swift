import Dialogue
import Foundation
import Progress

/// What a report covers and how it judges a call.
public struct ReportOptions: Sendable, Equatable {
    /// A call passes when its overall score is at least this (0...100).
    public var passMark: Int
    /// Only calls started at or after this time count.
    public var since: Date?
    /// Only calls practised in this mode count.
    public var mode: SessionMode?
    /// How many of the latest calls a trend is worked out over.
    public var trendWindow: Int
    /// How many recent calls each trainee's section lists.
    public var lastCalls: Int
    /// The time the report is made, for goals that are due.
    public var now: Date

    /// The pass mark used when neither the command line nor the store's settings give one.
    public static let defaultPassMark = 70

    public init(passMark: Int = ReportOptions.defaultPassMark, since: Date? = nil, mode: SessionMode? = nil,
                trendWindow: Int = 10, lastCalls: Int = 5, now: Date = Date()) {
        self.passMark = passMark
        self.since = since
        self.mode = mode
        self.trendWindow = max(2, trendWindow)
        self.lastCalls = max(0, lastCalls)
        self.now = now
    }
}

/// Which way a score is moving over the latest calls.
public enum TrendDirection: String, Codable, Sendable, Equatable {
    case up, down, flat
}

/// A score's movement: the least-squares slope over the latest calls, in points per call.
public struct Trend: Codable, Sendable, Equatable {
    /// Points gained (positive) or lost (negative) per call, rounded to one decimal place.
    public var pointsPerCall: Double
    public var direction: TrendDirection
    /// How many calls the slope was worked out over.
    public var calls: Int

    /// A slope smaller than this, either way, counts as flat.
    public static let flatBelow = 0.5

    public init(pointsPerCall: Double, calls: Int) {
        let rounded = (pointsPerCall * 10).rounded() / 10
        self.pointsPerCall = rounded == 0 ? 0 : rounded
        self.calls = calls
        direction = abs(pointsPerCall) < Trend.flatBelow ? .flat : (pointsPerCall > 0 ? .up : .down)
    }

    /// "up +2.5", "down -1.0", "flat +0.2": the direction and the points per call.
    public var text: String {
        let sign = pointsPerCall < 0 ? "-" : "+"
        return "\(direction.rawValue) \(sign)\(String(format: "%.1f", abs(pointsPerCall)))"
    }
}

/// One skill (or the overall score) for one trainee over the calls in the report.
public struct SkillStats: Codable, Sendable, Equatable {
    /// The skill's id (`active_listening`, `paraphrasing`, `next_steps`, `forward_resolution`), or `overall`.
    public var skill: String
    /// The name a trainer reads.
    public var title: String
    /// How many calls carry a score for this skill.
    public var calls: Int
    /// The score in the most recent call.
    public var latest: Int?
    /// The mean over every call in the report, rounded to one decimal place.
    public var average: Double?
    /// The movement over the latest calls; nil with fewer than three.
    public var trend: Trend?
    /// The scores, oldest first, for charts.
    public var series: [Int]

    public init(skill: String, title: String, calls: Int, latest: Int?, average: Double?, trend: Trend?, series: [Int]) {
        self.skill = skill
        self.title = title
        self.calls = calls
        self.latest = latest
        self.average = average
        self.trend = trend
        self.series = series
    }
}

/// One call, as a row of the report: what the CSV holds and what "last calls" lists.
public struct CallRow: Codable, Sendable, Equatable {
    /// The session id; `calldojo replay ID` shows the call turn by turn.
    public var sessionID: String
    /// The trainee's name as typed.
    public var trainee: String
    public var traineeKey: String
    public var startedAt: Date
    /// The scenario's id.
    public var scenario: String
    /// The scenario's title, or its id when the scenario is no longer installed.
    public var scenarioTitle: String
    /// The persona's id.
    public var persona: String
    public var mode: SessionMode
    /// How the call ended (`resolved`, `callback`, `escalated`, `transferred`, `hung_up`,
    /// `ended_by_agent`, `abandoned`); nil for a call saved without an ending.
    public var ending: EndingKind?
    /// Whole seconds from the first line to the last.
    public var durationSeconds: Int
    public var overall: Int
    /// Each skill's score, keyed by skill id; a skill missing from an old record is absent.
    public var skills: [String: Int]
    /// Whether the overall score reached the pass mark.
    public var passed: Bool

    public init(sessionID: String, trainee: String, traineeKey: String, startedAt: Date, scenario: String, scenarioTitle: String,
                persona: String, mode: SessionMode, ending: EndingKind?, durationSeconds: Int, overall: Int,
                skills: [String: Int], passed: Bool) {
        self.sessionID = sessionID
        self.trainee = trainee
        self.traineeKey = traineeKey
        self.startedAt = startedAt
        self.scenario = scenario
        self.scenarioTitle = scenarioTitle
        self.persona = persona
        self.mode = mode
        self.ending = ending
        self.durationSeconds = durationSeconds
        self.overall = overall
        self.skills = skills
        self.passed = passed
    }
}

/// A trainee's goal and how far they have come toward it, judged as `calldojo goal list` and the
/// debrief judge it (the average of the latest three scores in the skill against the target).
public struct GoalProgress: Codable, Sendable, Equatable {
    /// The goal's id within the trainee's goals (`g1`, `g2`, ...).
    public var id: String
    /// The skill's id.
    public var skill: String
    public var title: String
    public var target: Int
    /// The day the goal is due (the whole day counts).
    public var by: Date
    public var note: String?
    /// The skill's score in the trainee's latest call; nil before any call.
    public var latest: Int?
    /// The average of the skill over the trainee's latest three calls, rounded; nil before any call.
    public var current: Int?
    /// `current` as a share of `target`, 0...1.
    public var progress: Double
    /// `achieved`, `open` or `missed` (the date passed first).
    public var status: GoalStanding.Status
    /// When the target was reached, if it was.
    public var achievedAt: Date?
    /// Whole days from the report's date to the goal's: negative once it has passed.
    public var daysLeft: Int

    public init(_ standing: GoalStanding) {
        id = standing.goal.id
        skill = standing.goal.skill.rawValue
        title = standing.goal.skill.title
        target = standing.goal.target
        by = standing.goal.by
        note = standing.goal.note
        latest = standing.latest
        current = standing.roundedAverage
        progress = standing.fraction
        status = standing.status
        achievedAt = standing.achievedAt
        daysLeft = standing.daysLeft
    }
}

/// Everything the report says about one trainee.
public struct TraineeReport: Codable, Sendable, Equatable {
    public var name: String
    public var key: String
    /// Calls in the report.
    public var sessions: Int
    /// Time on calls, in whole seconds.
    public var practisedSeconds: Int
    public var firstCallAt: Date?
    public var lastCallAt: Date?
    /// The overall score's latest, average and trend.
    public var overall: SkillStats
    /// The four skills, in the usual order.
    public var skills: [SkillStats]
    /// The skill with the lowest average (ties go to the one listed first); nil before any call.
    public var weakestSkill: String?
    /// Calls whose overall score reached the pass mark.
    public var passed: Int
    /// `passed` as a share of `sessions`, 0...1; nil before any call.
    public var passRate: Double?
    public var goals: [GoalProgress]
    /// Every call in the report, oldest first.
    public var calls: [CallRow]

    /// The most recent calls, newest first.
    public func lastCalls(_ n: Int) -> [CallRow] {
        Array(calls.suffix(n).reversed())
    }

    /// One skill's figures by id (or `overall`).
    public func stats(for skill: String) -> SkillStats? {
        skill == "overall" ? overall : skills.first { $0.skill == skill }
    }
}

/// How one skill is spread across a group of trainees: each trainee's average for the skill counts once.
public struct Distribution: Codable, Sendable, Equatable {
    /// One ten-point band of the histogram.
    public struct Band: Codable, Sendable, Equatable {
        /// The lowest score in the band.
        public var from: Int
        /// The highest score in the band.
        public var to: Int
        /// How many trainees' averages fall in it.
        public var count: Int
    }

    public var skill: String
    public var title: String
    /// Trainees with at least one score for the skill.
    public var trainees: Int
    public var min: Double?
    /// The first quartile (25th percentile, linear interpolation).
    public var q1: Double?
    public var median: Double?
    /// The third quartile (75th percentile).
    public var q3: Double?
    public var max: Double?
    /// Bands 0-9, 10-19, ... 90-100.
    public var bands: [Band]
}

/// A whole report: one group of trainees (a cohort, one trainee, or everyone), worked out once and
/// rendered as a table, CSV, JSON or HTML.
public struct Report: Codable, Sendable, Equatable {
    public static let currentSchemaVersion = 1

    /// The version of this layout, for tools reading the JSON.
    public var schemaVersion: Int = Report.currentSchemaVersion
    /// What the group is: the cohort's name, the trainee's name, or "All trainees".
    public var title: String
    /// The cohort's name when the report is for one.
    public var cohort: String?
    public var generatedAt: Date
    public var passMark: Int
    public var since: Date?
    public var mode: SessionMode?
    /// How many recent calls each trainee's section lists.
    public var lastCallCount: Int
    /// Trainees in name order.
    public var trainees: [TraineeReport]
    /// One per skill, then the overall score.
    public var distributions: [Distribution]
    /// Files that could not be read; the report covers everything else.
    public var damagedFiles: [String]

    /// Every call in the report, in trainee order and oldest first within a trainee.
    public var allCalls: [CallRow] { trainees.flatMap(\.calls) }

    /// Calls across the group.
    public var sessionCount: Int { trainees.reduce(0) { $0 + $1.sessions } }
}

/// The skills in the order reports show them.
public enum ReportSkills {
    /// The four skill ids in the usual order.
    public static let ids: [String] = Skill.allCases.map(\.rawValue)

    /// A skill's title from its id (`overall` reads "Overall").
    public static func title(_ id: String) -> String {
        if id == "overall" { return "Overall" }
        return Skill(rawValue: id)?.title ?? id
    }

    /// Short column headings for tables.
    public static func short(_ id: String) -> String {
        switch id {
        case Skill.activeListening.rawValue: return "Listen"
        case Skill.paraphrasing.rawValue: return "Para"
        case Skill.nextSteps.rawValue: return "Next"
        case Skill.forwardResolution.rawValue: return "Fwd"
        case "overall": return "Overall"
        default: return id
        }
    }
}
