import Dialogue
import Foundation
import Progress
import Reports
import Testing

struct MathTests {
    @Test func meanOfNothingIsUnknown() {
        #expect(ReportMath.mean([]) == nil)
        #expect(ReportMath.mean([60, 70, 95]) == 75)
    }

    struct SlopeCase: Sendable, CustomStringConvertible {
        var scores: [Int]
        var slope: Double?
        var direction: TrendDirection?
        var description: String { "\(scores)" }
    }

    @Test(arguments: [
        SlopeCase(scores: [50, 60, 70], slope: 10, direction: .up),
        SlopeCase(scores: [90, 80, 70, 60], slope: -10, direction: .down),
        SlopeCase(scores: [70, 70, 70, 70], slope: 0, direction: .flat),
        SlopeCase(scores: [60, 80, 60, 80], slope: 4, direction: .up),
        SlopeCase(scores: [70, 71, 70, 71, 70], slope: 0, direction: .flat),
        SlopeCase(scores: [70, 80], slope: nil, direction: nil),
        SlopeCase(scores: [], slope: nil, direction: nil),
    ])
    func leastSquaresSlope(_ c: SlopeCase) throws {
        let slope = ReportMath.slope(c.scores)
        if let expected = c.slope {
            let got = try #require(slope)
            #expect(abs(got - expected) < 1e-9)
        } else {
            #expect(slope == nil)
        }
        #expect(ReportMath.trend(c.scores)?.direction == c.direction)
    }

    @Test func theTrendLooksOnlyAtTheLatestCalls() throws {
        // Ten early calls falling, then ten rising: over the latest ten the trend is up.
        let scores = Array(stride(from: 95, to: 45, by: -5)) + Array(stride(from: 50, to: 100, by: 5))
        let trend = try #require(ReportMath.trend(scores, window: 10))
        #expect(trend.direction == .up)
        #expect(trend.pointsPerCall == 5)
        #expect(trend.calls == 10)
        #expect(trend.text == "up +5.0")
        #expect(try #require(ReportMath.trend(scores, window: 20)).direction == .flat)
    }

    @Test func aSlopeUnderHalfAPointIsFlat() {
        #expect(Trend(pointsPerCall: 0.49, calls: 10).direction == .flat)
        #expect(Trend(pointsPerCall: -0.5, calls: 10).direction == .down)
        #expect(Trend(pointsPerCall: -1.25, calls: 4).text == "down -1.3")
    }

    @Test func quartilesInterpolateAsSpreadsheetsDo() {
        let values: [Double] = [1, 2, 3, 4]
        #expect(ReportMath.quantile(values, 0.25) == 1.75)
        #expect(ReportMath.quantile(values, 0.5) == 2.5)
        #expect(ReportMath.quantile(values, 0.75) == 3.25)
        #expect(ReportMath.quantile(values, 0) == 1)
        #expect(ReportMath.quantile(values, 1) == 4)
        #expect(ReportMath.quantile([7], 0.25) == 7)
        #expect(ReportMath.quantile([], 0.5) == nil)
    }
}

struct BuilderTests {
    let now = utc(2026, 4, 1)

    @Test func aTraineesFiguresComeFromTheirCalls() throws {
        let p = try profile("Sam Jones", [
            Call([80, 40, 70, 60], at: utc(2026, 3, 1, 9), minutes: 4),
            Call([90, 50, 70, 70], at: utc(2026, 3, 2, 9), minutes: 6),
            Call([70, 60, 80, 80], at: utc(2026, 3, 3, 9), minutes: 5.5),
        ])
        let t = ReportBuilder(options: ReportOptions(now: now)).trainee(p)
        #expect(t.sessions == 3)
        #expect(t.practisedSeconds == 4 * 60 + 6 * 60 + 330)
        #expect(t.firstCallAt == utc(2026, 3, 1, 9))
        #expect(t.lastCallAt == utc(2026, 3, 3, 9))
        let listening = try #require(t.stats(for: "active_listening"))
        #expect(listening.latest == 70)
        #expect(listening.average == 80)
        #expect(listening.series == [80, 90, 70])
        #expect(listening.trend?.direction == .down)
        let para = try #require(t.stats(for: "paraphrasing"))
        #expect(para.average == 50)
        #expect(para.trend?.pointsPerCall == 10)
        #expect(t.weakestSkill == "paraphrasing")
        // Overall per call: 63 (62.5 rounds up), 70, 73.
        #expect(t.overall.series == [63, 70, 73])
        #expect(t.overall.average == 68.7)
        // 70 passes at a pass mark of 70; 63 does not.
        #expect(t.passed == 2)
        #expect(t.passRate == 2.0 / 3.0)
        #expect(t.calls.map(\.passed) == [false, true, true])
    }

    @Test(arguments: [(50, 3), (70, 2), (71, 1), (100, 0)])
    func thePassMarkDecidesWhichCallsPass(mark: Int, passes: Int) throws {
        let p = try profile("Ana", daily([50, 70, 71]))
        let t = ReportBuilder(options: ReportOptions(passMark: mark, now: now)).trainee(p)
        #expect(t.passed == passes)
    }

    @Test func tiesForWeakestGoToTheSkillListedFirst() throws {
        let p = try profile("Ana", [Call([60, 80, 60, 90], at: utc(2026, 3, 1))])
        #expect(ReportBuilder().trainee(p).weakestSkill == "active_listening")
    }

    @Test func aTraineeWithNoCallsHasNoFigures() throws {
        let p = try profile("New Starter", [])
        let t = ReportBuilder().trainee(p)
        #expect(t.sessions == 0)
        #expect(t.passRate == nil)
        #expect(t.weakestSkill == nil)
        #expect(t.overall.average == nil)
        #expect(t.overall.trend == nil)
    }

    @Test func sinceAndModeFilterTheCalls() throws {
        let calls = daily([40, 50, 60, 70]) + [Call([90, 90, 90, 90], at: utc(2026, 3, 10), mode: .coached)]
        let p = try profile("Kim", calls)
        let since = ReportBuilder(options: ReportOptions(since: utc(2026, 3, 3))).trainee(p)
        #expect(since.calls.map(\.overall) == [60, 70, 90])
        let practice = ReportBuilder(options: ReportOptions(mode: .practice)).trainee(p)
        #expect(practice.calls.map(\.overall) == [40, 50, 60, 70])
        let coached = ReportBuilder(options: ReportOptions(mode: .coached)).trainee(p)
        #expect(coached.sessions == 1)
    }

    @Test func lastCallsAreNewestFirst() throws {
        let p = try profile("Kim", daily([40, 50, 60, 70, 80, 90]))
        let t = ReportBuilder().trainee(p)
        #expect(t.lastCalls(3).map(\.overall) == [90, 80, 70])
    }

    @Test func scenarioTitlesAreUsedWhereKnown() throws {
        let p = try profile("Kim", [Call([1, 2, 3, 4], at: utc(2026, 3, 1)), Call([1, 2, 3, 4], at: utc(2026, 3, 2), scenario: "gone")])
        let rows = ReportBuilder(scenarioTitles: ["broadband-down": "Broadband down"]).trainee(p).calls
        #expect(rows.map(\.scenarioTitle) == ["Broadband down", "gone"])
    }

    @Test func theGroupIsInNameOrderWithADistributionPerSkill() throws {
        let profiles = [
            try profile("zoe", daily([90, 95])),
            try profile("Adam", daily([40, 50])),
            try profile("mia", daily([60, 70])),
            try profile("Ben", daily([75, 85])),
        ]
        let report = ReportBuilder(options: ReportOptions(now: now)).build(title: "All trainees", profiles: profiles)
        #expect(report.trainees.map(\.name) == ["Adam", "Ben", "mia", "zoe"])
        #expect(report.sessionCount == 8)
        #expect(report.distributions.map(\.skill) == ["active_listening", "paraphrasing", "next_steps", "forward_resolution", "overall"])
        // Averages 45, 80, 65, 92.5.
        let d = try #require(report.distributions.first)
        #expect(d.trainees == 4)
        #expect(d.min == 45)
        #expect(d.max == 92.5)
        #expect(d.median == 72.5)
        #expect(d.q1 == 60)
        #expect(d.q3 == 83.1)
        #expect(d.bands.count == 10)
        #expect(d.bands.map(\.count) == [0, 0, 0, 0, 1, 0, 1, 0, 1, 1])
        #expect(d.bands.last?.from == 90 && d.bands.last?.to == 100)
        #expect(d.bands.reduce(0) { $0 + $1.count } == 4)
    }

    @Test func aPerfectScoreFallsInTheTopBand() throws {
        let report = ReportBuilder().build(title: "x", profiles: [try profile("Top", daily([100]))])
        #expect(report.distributions.first?.bands.last?.count == 1)
    }

    @Test func goalsShowTheRecentAverageAgainstTheTarget() throws {
        var p = try profile("Sam", [
            Call([50, 40, 50, 50], at: utc(2026, 3, 1)),
            Call([50, 60, 50, 50], at: utc(2026, 3, 2)),
            Call([50, 66, 50, 50], at: utc(2026, 3, 3)),
            Call([50, 72, 50, 50], at: utc(2026, 3, 4)),
        ])
        p.goals = [
            goal("g1", .paraphrasing, 75, by: utc(2026, 5, 1), note: "Check back the facts"),
            goal("g2", .paraphrasing, 60, by: utc(2026, 5, 1)),
            goal("g3", .activeListening, 80, by: utc(2026, 3, 20)),
        ]
        // The report's filters do not change how a goal is judged.
        let t = ReportBuilder(options: ReportOptions(since: utc(2026, 3, 4), now: now)).trainee(p)
        #expect(t.sessions == 1)
        #expect(t.goals.map(\.id) == ["g1", "g2", "g3"])
        #expect(t.goals[0].current == 66)
        #expect(t.goals[0].latest == 72)
        #expect(t.goals[0].status == .open)
        #expect(abs(t.goals[0].progress - 66.0 / 75.0) < 1e-9)
        #expect(t.goals[0].note == "Check back the facts")
        #expect(t.goals[0].daysLeft == 30)
        #expect(t.goals[1].status == .achieved)
        #expect(t.goals[1].progress == 1)
        #expect(t.goals[2].status == .missed)
        #expect(t.goals[2].title == "Active listening")
    }
}
