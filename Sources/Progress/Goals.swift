import Dialogue
import Foundation

/// A specific, measurable, dated goal a trainee works toward: reach `target` in one skill by a date.
///
/// Goals are kept in the trainee's profile. A goal is achieved when, in a call started on or after
/// the day it was set and on or before its date, the average of the trainee's last three scores in the
/// skill (that call and the two before it) reaches the target. The time of that call is then kept as
/// ``achievedAt``.
public struct Goal: Codable, Sendable, Equatable, Identifiable {
    /// Short and unique within the trainee's goals: `g1`, `g2`, ...
    public var id: String
    /// The skill to improve.
    public var skill: Skill
    /// The score to reach, 1 to 100.
    public var target: Int
    /// The day to reach it by (midnight UTC at the start of that day; the whole day counts).
    public var by: Date
    /// Anything the trainer or trainee wants to remember about the goal.
    public var note: String?
    /// When the goal was set.
    public var createdAt: Date
    /// When the goal was reached: the end of the call that reached it.
    public var achievedAt: Date?

    /// The lowest and highest targets a goal can have.
    public static let targets = 1...100

    /// How many of the latest calls are averaged to judge a goal.
    public static let recentCalls = 3

    public init(id: String, skill: Skill, target: Int, by: Date, note: String? = nil, createdAt: Date, achievedAt: Date? = nil) {
        self.id = id
        self.skill = skill
        self.target = target
        self.by = by
        self.note = note
        self.createdAt = createdAt
        self.achievedAt = achievedAt
    }

    /// The day the goal is due, as `YYYY-MM-DD` (UTC).
    public var byDay: String { GoalCalendar.day(by) }

    /// Where the goal stands on `now`, from the trainee's calls (in any order). Pure: the same calls and
    /// time always give the same answer.
    public func standing(sessions: [SessionSummary], now: Date) -> GoalStanding {
        let ordered = sessions.sorted { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }
        let scored = ordered.compactMap { s in s.skills[skill.rawValue].map { (s, $0) } }
        let scores = scored.map(\.1)
        let recent = scores.suffix(Goal.recentCalls)
        let average = recent.isEmpty ? nil : Double(recent.reduce(0, +)) / Double(recent.count)
        let reached = achievedAt ?? firstReached(scored)
        let left = GoalCalendar.days(from: now, to: by)
        let status: GoalStanding.Status = reached != nil ? .achieved : (left < 0 ? .missed : .open)
        return GoalStanding(goal: self, latest: scores.last, recentAverage: average, recentCount: recent.count,
                            achievedAt: reached, daysLeft: left, status: status)
    }

    /// The end of the first call, from the day the goal was set up to its date, after which the average
    /// of the last three scores reached the target.
    private func firstReached(_ scored: [(SessionSummary, Int)]) -> Date? {
        let from = GoalCalendar.startOfDay(createdAt)
        let until = GoalCalendar.endOfDay(by)
        for (n, (session, _)) in scored.enumerated() where session.startedAt >= from && session.startedAt < until {
            let window = scored[max(0, n - Goal.recentCalls + 1)...n].map(\.1)
            if Double(window.reduce(0, +)) >= Double(target * window.count) { return session.endedAt }
        }
        return nil
    }

    /// Checks a new goal's target and date: the target must be 1 to 100 and the date today or later (UTC).
    public static func check(target: Int, by: Date, now: Date) throws(GoalError) {
        guard targets.contains(target) else { throw .target(target) }
        guard GoalCalendar.days(from: now, to: by) >= 0 else { throw .pastDate(GoalCalendar.day(by), today: GoalCalendar.day(now)) }
    }
}

/// Where a goal stands: the latest score, the recent average, whether it is achieved and how long is left.
public struct GoalStanding: Sendable, Equatable {
    /// Whether a goal is achieved, still open, or missed.
    public enum Status: String, Codable, Sendable, CaseIterable {
        /// The target was reached by the date.
        case achieved
        /// Not reached yet, and the date is today or still ahead.
        case open
        /// The date has passed without the target being reached.
        case missed
    }

    /// The goal itself.
    public var goal: Goal
    /// The skill's score in the trainee's latest call; nil before any call.
    public var latest: Int?
    /// The average of the skill's scores over the latest ``Goal/recentCalls`` calls (fewer when there are fewer).
    public var recentAverage: Double?
    /// How many calls the average is over (0 to 3).
    public var recentCount: Int
    /// When the goal was reached, if it was.
    public var achievedAt: Date?
    /// Whole days from today to the goal's date (UTC): 0 on the day itself, negative once it has passed.
    public var daysLeft: Int
    /// Achieved, open or missed.
    public var status: Status

    /// True once the target has been reached.
    public var achieved: Bool { status == .achieved }

    public init(goal: Goal, latest: Int?, recentAverage: Double?, recentCount: Int, achievedAt: Date?, daysLeft: Int, status: Status) {
        self.goal = goal
        self.latest = latest
        self.recentAverage = recentAverage
        self.recentCount = recentCount
        self.achievedAt = achievedAt
        self.daysLeft = daysLeft
        self.status = status
    }

    /// The recent average rounded to a whole score, as shown to trainees.
    public var roundedAverage: Int? { recentAverage.map { Int($0.rounded()) } }

    /// How far the recent average is toward the target, 0 to 1.
    public var fraction: Double {
        guard let recentAverage else { return 0 }
        return min(1, max(0, recentAverage / Double(max(1, goal.target))))
    }

    /// One line in plain English, e.g. "Paraphrasing 80 by 2025-03-31: latest 72, last 3 average 68; 12 days left".
    public var summary: String {
        let head = "\(goal.skill.title) \(goal.target) by \(goal.byDay)"
        var facts: [String] = []
        if let latest { facts.append("latest \(latest)") }
        if let avg = roundedAverage { facts.append(recentCount > 1 ? "last \(recentCount) average \(avg)" : "1 call so far") }
        if facts.isEmpty { facts.append("no calls yet") }
        let tail: String
        switch status {
        case .achieved:
            tail = "achieved" + (achievedAt.map { " on \(GoalCalendar.day($0))" } ?? "")
        case .missed:
            tail = "missed (the date passed \(-daysLeft) day\(daysLeft == -1 ? "" : "s") ago)"
        case .open:
            tail = daysLeft == 0 ? "due today" : "\(daysLeft) day\(daysLeft == 1 ? "" : "s") left"
        }
        return "\(head): \(facts.joined(separator: ", ")); \(tail)"
    }
}

/// Why a goal could not be set or removed.
public enum GoalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The target is outside 1 to 100.
    case target(Int)
    /// The date is before today.
    case pastDate(String, today: String)
    /// The trainee has no goal with this id.
    case noSuchGoal(id: String, trainee: String)
    /// The store could not save the change.
    case store(StoreError)

    public var description: String {
        switch self {
        case let .target(n):
            return "A goal's target is a score from 1 to 100; \(n) is outside that."
        case let .pastDate(day, today):
            return "A goal's date must be today (\(today)) or later; \(day) has passed."
        case let .noSuchGoal(id, trainee):
            return "\(trainee) has no goal \(id). `calldojo goal list --trainee \"\(trainee)\"` shows their goals."
        case let .store(error):
            return error.description
        }
    }
}

/// Days and dates for goals, in UTC so everyone sharing a store sees the same due dates.
public enum GoalCalendar {
    static let calendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC") ?? c.timeZone
        return c
    }()

    /// `YYYY-MM-DD` (midnight UTC) as a date, or nil if it is not a real day in that form.
    public static func date(fromDay text: String) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d),
              let date = calendar.date(from: DateComponents(year: y, month: m, day: d)),
              calendar.component(.day, from: date) == d else { return nil }
        return date
    }

    /// The day of `date` as `YYYY-MM-DD` (UTC).
    public static func day(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return "\(String(c.year ?? 0).leftPadded(to: 4))-\(String(c.month ?? 0).leftPadded(to: 2))-\(String(c.day ?? 0).leftPadded(to: 2))"
    }

    /// Whole days from the day of `from` to the day of `to` (UTC); negative when `to` is earlier.
    public static func days(from: Date, to: Date) -> Int {
        calendar.dateComponents([.day], from: startOfDay(from), to: startOfDay(to)).day ?? 0
    }

    static func startOfDay(_ date: Date) -> Date { calendar.startOfDay(for: date) }

    static func endOfDay(_ date: Date) -> Date {
        calendar.date(byAdding: .day, value: 1, to: startOfDay(date)) ?? date
    }
}
