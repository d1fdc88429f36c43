import Dialogue
import Foundation
import Progress
import Testing

/// A call in a profile with every skill at `score`, started at `at` and lasting five minutes.
private func call(_ n: Int, at: Date, score: Int, skill: Skill? = nil) -> SessionSummary {
    var skills = Dictionary(uniqueKeysWithValues: Skill.allCases.map { ($0.rawValue, 50) })
    if let skill { skills[skill.rawValue] = score } else { for s in Skill.allCases { skills[s.rawValue] = score } }
    return SessionSummary(id: "call-\(n)", scenario: "broadband-down", persona: "maya", mode: .practice,
                          startedAt: at, endedAt: at.addingTimeInterval(300), ending: .resolved, overall: score, skills: skills)
}

private let setOn = utc(2025, 3, 1, 9)
private let dueOn = utc(2025, 3, 31)
private let paraphrasing80 = Goal(id: "g1", skill: .paraphrasing, target: 80, by: dueOn, note: nil, createdAt: setOn)

/// Calls, the time the goal is looked at, and what its standing must be.
struct StandingCase: CustomTestStringConvertible, Sendable {
    var name: String
    /// (day in March 2025, paraphrasing score)
    var calls: [(Int, Int)]
    var now: Date
    var latest: Int?
    var average: Double?
    var count: Int
    var status: GoalStanding.Status
    /// The day in March 2025 of the call that reached the goal.
    var achievedDay: Int?
    var daysLeft: Int
    var testDescription: String { name }
}

private let standingCases: [StandingCase] = [
    StandingCase(name: "no calls yet", calls: [], now: utc(2025, 3, 1, 10), latest: nil, average: nil, count: 0,
                 status: .open, achievedDay: nil, daysLeft: 30),
    StandingCase(name: "one call below the target", calls: [(2, 60)], now: utc(2025, 3, 2, 12), latest: 60, average: 60, count: 1,
                 status: .open, achievedDay: nil, daysLeft: 29),
    StandingCase(name: "average of the last three reaches it", calls: [(2, 40), (3, 70), (4, 80), (5, 90)], now: utc(2025, 3, 6),
                 latest: 90, average: 80, count: 3, status: .achieved, achievedDay: 5, daysLeft: 25),
    StandingCase(name: "one high call is not enough", calls: [(2, 60), (3, 60), (4, 100)], now: utc(2025, 3, 6),
                 latest: 100, average: 220.0 / 3, count: 3, status: .open, achievedDay: nil, daysLeft: 25),
    StandingCase(name: "calls before the goal was set do not reach it", calls: [(-5, 90), (-4, 90), (-3, 90)], now: utc(2025, 3, 2),
                 latest: 90, average: 90, count: 3, status: .open, achievedDay: nil, daysLeft: 29),
    StandingCase(name: "a call on the due day counts", calls: [(29, 60), (30, 90), (31, 90)], now: utc(2025, 4, 2),
                 latest: 90, average: 80, count: 3, status: .achieved, achievedDay: 31, daysLeft: -2),
    StandingCase(name: "calls after the due day do not", calls: [(32, 90), (33, 90), (34, 90)], now: utc(2025, 4, 5),
                 latest: 90, average: 90, count: 3, status: .missed, achievedDay: nil, daysLeft: -5),
    StandingCase(name: "due today", calls: [(30, 50)], now: utc(2025, 3, 31, 23, 59), latest: 50, average: 50, count: 1,
                 status: .open, achievedDay: nil, daysLeft: 0),
    StandingCase(name: "missed the day after", calls: [(30, 50)], now: utc(2025, 4, 1, 0, 1), latest: 50, average: 50, count: 1,
                 status: .missed, achievedDay: nil, daysLeft: -1),
    StandingCase(name: "dropping back after reaching it stays achieved", calls: [(2, 85), (3, 85), (4, 85), (5, 20)], now: utc(2025, 3, 6),
                 latest: 20, average: 190.0 / 3, count: 3, status: .achieved, achievedDay: 2, daysLeft: 25),
]

@Test(arguments: standingCases)
func aGoalsStandingComesFromTheCalls(_ test: StandingCase) {
    // Day 0 is the last day of February, negative days earlier still.
    let sessions = test.calls.enumerated().map { n, c in
        call(n, at: utc(2025, 3, 1, 12).addingTimeInterval(Double(c.0 - 1) * 86_400), score: c.1, skill: .paraphrasing)
    }
    // The order the calls are given in does not matter.
    let standing = paraphrasing80.standing(sessions: sessions.reversed(), now: test.now)
    #expect(standing.latest == test.latest)
    #expect(standing.recentCount == test.count)
    if let expected = test.average, let got = standing.recentAverage {
        #expect(abs(expected - got) < 0.0001)
    } else {
        #expect(standing.recentAverage == nil && test.average == nil)
    }
    #expect(standing.status == test.status)
    #expect(standing.achieved == (test.status == .achieved))
    #expect(standing.daysLeft == test.daysLeft)
    let achievedAt = test.achievedDay.map { utc(2025, 3, 1, 12).addingTimeInterval(Double($0 - 1) * 86_400 + 300) }
    #expect(standing.achievedAt == achievedAt)
}

@Test func aRecordedAchievementStandsWhateverTheCallsSay() {
    var goal = paraphrasing80
    goal.achievedAt = utc(2025, 3, 10)
    let standing = goal.standing(sessions: [], now: utc(2025, 5, 1))
    #expect(standing.status == .achieved)
    #expect(standing.achievedAt == utc(2025, 3, 10))
}

@Test func theSummaryReadsPlainly() {
    let sessions = [call(1, at: utc(2025, 3, 2), score: 60, skill: .paraphrasing),
                    call(2, at: utc(2025, 3, 3), score: 72, skill: .paraphrasing),
                    call(3, at: utc(2025, 3, 4), score: 73, skill: .paraphrasing)]
    let standing = paraphrasing80.standing(sessions: sessions, now: utc(2025, 3, 19, 15))
    #expect(standing.summary == "Paraphrasing 80 by 2025-03-31: latest 73, last 3 average 68; 12 days left")
    #expect(abs(standing.fraction - 205.0 / 3 / 80) < 0.0001)
    #expect(paraphrasing80.standing(sessions: [], now: utc(2025, 3, 31)).summary == "Paraphrasing 80 by 2025-03-31: no calls yet; due today")
    #expect(paraphrasing80.standing(sessions: [], now: utc(2025, 4, 2)).summary.hasSuffix("missed (the date passed 2 days ago)"))
}

/// A target and a date, and whether a goal may be set with them on 2025-03-01.
struct CheckCase: CustomTestStringConvertible, Sendable {
    var target: Int
    var day: String
    var error: GoalError?
    var testDescription: String { "\(target) by \(day)" }
}

@Test(arguments: [
    CheckCase(target: 80, day: "2025-03-31", error: nil),
    CheckCase(target: 1, day: "2025-03-01", error: nil),
    CheckCase(target: 100, day: "2026-01-01", error: nil),
    CheckCase(target: 0, day: "2025-03-31", error: .target(0)),
    CheckCase(target: 101, day: "2025-03-31", error: .target(101)),
    CheckCase(target: -5, day: "2025-03-31", error: .target(-5)),
    CheckCase(target: 80, day: "2025-02-28", error: .pastDate("2025-02-28", today: "2025-03-01")),
])
func aGoalNeedsATargetFrom1To100AndADateNotPast(_ test: CheckCase) throws {
    let by = try #require(GoalCalendar.date(fromDay: test.day))
    do {
        try Goal.check(target: test.target, by: by, now: utc(2025, 3, 1, 18))
        #expect(test.error == nil)
    } catch {
        #expect(error == test.error)
        #expect(!error.description.isEmpty)
    }
}

@Test(arguments: [("2025-03-31", true), ("2024-02-29", true), ("2025-02-29", false), ("2025-13-01", false),
                  ("2025-3-1", false), ("31/03/2025", false), ("", false), ("2025-03-31T00:00:00Z", false)])
func daysAreReadAsYearMonthDay(_ text: String, _ valid: Bool) {
    let date = GoalCalendar.date(fromDay: text)
    #expect((date != nil) == valid)
    if let date { #expect(GoalCalendar.day(date) == text) }
}

// MARK: - In the store

@Test func goalsAreKeptInTheProfileWithTheirOwnIds() throws {
    try withStore(now: { utc(2025, 3, 1, 9) }) { store in
        let sam = try trainee("Sam")
        let first = try store.addGoal(for: sam, skill: .paraphrasing, target: 80, by: utc(2025, 3, 31, 15), note: "  ask back  ")
        let second = try store.addGoal(for: sam, skill: .nextSteps, target: 70, by: utc(2025, 4, 30))
        #expect(first.id == "g1" && second.id == "g2")
        #expect(first.by == utc(2025, 3, 31), "the due date is kept as the day")
        #expect(first.note == "ask back")
        #expect(first.createdAt == utc(2025, 3, 1, 9))
        let (goals, damaged) = store.goals(for: sam)
        #expect(damaged.isEmpty)
        #expect(goals == [first, second])

        // The goals survive a call being saved, and the new id never repeats one in use.
        try store.save(session: Fixture.record(sam, at: utc(2025, 3, 2)))
        #expect(store.goals(for: sam).0.map(\.id) == ["g1", "g2"])
        #expect(try store.removeGoal(id: "g1", for: sam) == first)
        #expect(try store.addGoal(for: sam, skill: .activeListening, target: 60, by: utc(2025, 4, 1)).id == "g3")
        #expect(store.goals(for: sam).0.map(\.id) == ["g2", "g3"])
        #expect(store.profile(for: sam).0?.sessions.count == 1)
    }
}

@Test func aGoalForSomeoneWithNoCallsYetGivesThemAProfile() throws {
    try withStore(now: { utc(2025, 3, 1) }) { store in
        let li = try trainee("Li Wei")
        try store.addGoal(for: li, skill: .forwardResolution, target: 75, by: utc(2025, 6, 1))
        let profile = try #require(store.profile(for: li).0)
        #expect(profile.name == "Li Wei")
        #expect(profile.sessions.isEmpty)
        #expect(profile.goals.map(\.skill) == [.forwardResolution])
        #expect(permissions(of: store.traineesFolder.appendingPathComponent("li-wei.json")) == 0o600)
    }
}

@Test func badGoalsAndUnknownIdsAreRefused() throws {
    try withStore(now: { utc(2025, 3, 1) }) { store in
        let sam = try trainee("Sam")
        #expect(throws: GoalError.target(0)) { try store.addGoal(for: sam, skill: .paraphrasing, target: 0, by: utc(2025, 4, 1)) }
        #expect(throws: GoalError.pastDate("2025-02-01", today: "2025-03-01")) {
            try store.addGoal(for: sam, skill: .paraphrasing, target: 80, by: utc(2025, 2, 1))
        }
        #expect(throws: GoalError.noSuchGoal(id: "g7", trainee: "Sam")) { try store.removeGoal(id: "g7", for: sam) }
        // Nothing was written for the refused goals, and removing from nobody's profile makes none.
        #expect(names(in: store.traineesFolder).filter { $0.hasSuffix(".json") }.isEmpty)
    }
}

@Test func aCallThatReachesAGoalRecordsWhen() throws {
    let clock = Locked(utc(2025, 3, 1, 9))
    try withStore(now: { clock.current }) { store in
        let sam = try trainee("Sam")
        try store.addGoal(for: sam, skill: .paraphrasing, target: 80, by: utc(2025, 3, 31))
        let calls = [(2, 70), (3, 85), (4, 90), (5, 95)].map { day, score in
            Fixture.record(sam, at: utc(2025, 3, day, 10), overall: score)
        }
        try store.save(session: calls[0])
        try store.save(session: calls[1])
        #expect(store.goals(for: sam).0.first?.achievedAt == nil, "70 and 85 average 77.5")
        try store.save(session: calls[2])
        #expect(store.goals(for: sam).0.first?.achievedAt == calls[2].endedAt)
        try store.save(session: calls[3])
        #expect(store.goals(for: sam).0.first?.achievedAt == calls[2].endedAt, "the first time it was reached is kept")
        clock.withValue { $0 = utc(2025, 5, 1) }
        #expect(store.profile(for: sam).0?.goalStandings(now: clock.current).map(\.status) == [.achieved])
    }
}

@Test func aProfileIsWrittenWithTheOldestVersionThatHoldsIt() throws {
    try withStore(now: { utc(2025, 3, 1) }) { store in
        let sam = try trainee("Sam")
        let file = store.traineesFolder.appendingPathComponent("sam.json")
        try store.save(session: Fixture.record(sam, at: utc(2025, 3, 1, 10)))
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        #expect(json["schemaVersion"] as? Int == 1)
        #expect(json["goals"] == nil, "a profile without goals reads as before")

        let goal = try store.addGoal(for: sam, skill: .paraphrasing, target: 80, by: utc(2025, 3, 31))
        json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        #expect(json["schemaVersion"] as? Int == 2)
        #expect((json["goals"] as? [[String: Any]])?.first?["skill"] as? String == "paraphrasing")
        #expect((json["goals"] as? [[String: Any]])?.first?["by"] as? String == "2025-03-31T00:00:00Z")
        #expect(store.profile(for: sam).0?.schemaVersion == 2)

        try store.removeGoal(id: goal.id, for: sam)
        json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        #expect(json["schemaVersion"] as? Int == 1)
    }
}

/// Goals set while calls are saved for the same trainee, from several threads with their own stores:
/// every goal and every call is kept.
@Test func goalsAndCallsSavedAtOnceAreAllKept() throws {
    try withTemporaryFolder { folder in
        let root = folder.appendingPathComponent("store")
        let sam = try trainee("Sam")
        let failures = Locked<[String]>([])
        let group = DispatchGroup()
        for t in 0..<4 {
            group.enter()
            Thread {
                defer { group.leave() }
                do {
                    let store = try RecordStore(root: root, now: { utc(2025, 3, 1) })
                    for i in 0..<10 {
                        if t % 2 == 0 {
                            try store.addGoal(for: sam, skill: .paraphrasing, target: 50 + i, by: utc(2025, 4, 1))
                        } else {
                            let at = utc(2025, 3, 2).addingTimeInterval(Double(t * 100 + i) * 60)
                            try store.save(session: Fixture.record(sam, at: at, id: SessionRecord.makeID(trainee: sam, at: at, random: UInt16(t * 100 + i))))
                        }
                    }
                } catch {
                    failures.withValue { $0.append("\(error)") }
                }
            }.start()
        }
        #expect(group.wait(timeout: .now() + 120) == .success)
        #expect(failures.current.isEmpty, "\(failures.current)")
        let profile = try #require(try RecordStore(root: root).profile(for: sam).0)
        #expect(profile.sessions.count == 20)
        #expect(profile.goals.count == 20)
        #expect(Set(profile.goals.map(\.id)).count == 20, "every goal has its own id")
    }
}
