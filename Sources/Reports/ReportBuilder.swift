import Dialogue
import Foundation
import Progress

/// Works out a ``Report`` from trainee profiles. Profiles carry every call's summary with its four
/// skill scores, so no session file needs to be opened: a store of 100,000 calls reports in seconds.
public struct ReportBuilder: Sendable {
    public var options: ReportOptions
    /// Scenario titles by id, for scenarios still installed.
    public var scenarioTitles: [String: String]

    public init(options: ReportOptions = ReportOptions(), scenarioTitles: [String: String] = [:]) {
        self.options = options
        self.scenarioTitles = scenarioTitles
    }

    /// The report for a group of trainees.
    /// - Parameters:
    ///   - title: what the group is ("All trainees", a cohort's name, a trainee's name).
    ///   - cohort: the cohort's name, when the group is one.
    ///   - profiles: the trainees in the group.
    ///   - damagedFiles: files the store could not read, listed in the report.
    public func build(title: String, cohort: String? = nil, profiles: [TraineeProfile], damagedFiles: [String] = []) -> Report {
        let trainees = profiles
            .sorted { ($0.name.lowercased(), $0.key) < ($1.name.lowercased(), $1.key) }
            .map(trainee)
        return Report(title: title, cohort: cohort, generatedAt: options.now, passMark: options.passMark,
                      since: options.since, mode: options.mode, lastCallCount: options.lastCalls, trainees: trainees,
                      distributions: (ReportSkills.ids + ["overall"]).map { distribution(of: $0, across: trainees) },
                      damagedFiles: damagedFiles)
    }

    /// One trainee's figures from their profile. Goals are judged on all the trainee's calls, whatever
    /// the report's filters, so they read the same as in `calldojo goal list`.
    public func trainee(_ profile: TraineeProfile) -> TraineeReport {
        let summaries = profile.sessions.filter(included).sorted { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }
        let rows = summaries.map { row($0, trainee: profile.name, key: profile.key) }
        let overall = stats("overall", rows.map(\.overall))
        let skills = ReportSkills.ids.map { id in stats(id, rows.compactMap { $0.skills[id] }) }
        let weakest = skills.filter { $0.average != nil }.min { ($0.average ?? 0) < ($1.average ?? 0) }?.skill
        let passed = rows.filter(\.passed).count
        return TraineeReport(
            name: profile.name, key: profile.key, sessions: rows.count,
            practisedSeconds: rows.reduce(0) { $0 + $1.durationSeconds },
            firstCallAt: rows.first?.startedAt, lastCallAt: rows.last?.startedAt,
            overall: overall, skills: skills, weakestSkill: weakest, passed: passed,
            passRate: rows.isEmpty ? nil : Double(passed) / Double(rows.count),
            goals: profile.goals.map { GoalProgress($0.standing(sessions: profile.sessions, now: options.now)) }, calls: rows)
    }

    /// Whether a call falls inside the report's date and mode filters.
    func included(_ s: SessionSummary) -> Bool {
        if let since = options.since, s.startedAt < since { return false }
        if let mode = options.mode, s.mode != mode { return false }
        return true
    }

    func row(_ s: SessionSummary, trainee: String, key: String) -> CallRow {
        CallRow(sessionID: s.id, trainee: trainee, traineeKey: key, startedAt: s.startedAt, scenario: s.scenario,
                scenarioTitle: scenarioTitles[s.scenario] ?? s.scenario, persona: s.persona, mode: s.mode, ending: s.ending,
                durationSeconds: max(0, Int(s.endedAt.timeIntervalSince(s.startedAt).rounded())),
                overall: s.overall, skills: s.skills, passed: s.overall >= options.passMark)
    }

    func stats(_ skill: String, _ scores: [Int]) -> SkillStats {
        SkillStats(skill: skill, title: ReportSkills.title(skill), calls: scores.count, latest: scores.last,
                   average: ReportMath.mean(scores).map { ($0 * 10).rounded() / 10 },
                   trend: ReportMath.trend(scores, window: options.trendWindow), series: scores)
    }

    func distribution(of skill: String, across trainees: [TraineeReport]) -> Distribution {
        let values = trainees.compactMap { $0.stats(for: skill)?.average }.sorted()
        var bands = (0..<10).map { Distribution.Band(from: $0 * 10, to: $0 == 9 ? 100 : $0 * 10 + 9, count: 0) }
        for v in values {
            let i = min(9, max(0, Int(v.rounded()) / 10))
            bands[i].count += 1
        }
        func q(_ p: Double) -> Double? { ReportMath.quantile(values, p).map { ($0 * 10).rounded() / 10 } }
        return Distribution(skill: skill, title: ReportSkills.title(skill), trainees: values.count,
                            min: values.first, q1: q(0.25), median: q(0.5), q3: q(0.75), max: values.last, bands: bands)
    }
}

/// The arithmetic behind reports.
public enum ReportMath {
    /// The arithmetic mean; nil for no values.
    public static func mean(_ values: [Int]) -> Double? {
        guard !values.isEmpty else { return nil }
        return Double(values.reduce(0, +)) / Double(values.count)
    }

    /// The least-squares slope of the latest `window` scores against their call number, in points per
    /// call; nil with fewer than three scores.
    public static func slope(_ values: [Int], window: Int = 10) -> Double? {
        let ys = values.suffix(window).map(Double.init)
        let n = Double(ys.count)
        guard ys.count >= 3 else { return nil }
        let meanX = (n - 1) / 2
        let meanY = ys.reduce(0, +) / n
        var num = 0.0, den = 0.0
        for (i, y) in ys.enumerated() {
            let dx = Double(i) - meanX
            num += dx * (y - meanY)
            den += dx * dx
        }
        return den == 0 ? nil : num / den
    }

    /// The trend of the latest `window` scores; nil with fewer than three.
    public static func trend(_ values: [Int], window: Int = 10) -> Trend? {
        slope(values, window: window).map { Trend(pointsPerCall: $0, calls: min(values.count, window)) }
    }

    /// The `p` quantile (0...1) of sorted values, by linear interpolation between closest ranks
    /// (the method spreadsheets call QUARTILE.INC); nil for no values.
    public static func quantile(_ sorted: [Double], _ p: Double) -> Double? {
        guard let first = sorted.first else { return nil }
        guard sorted.count > 1 else { return first }
        let h = Double(sorted.count - 1) * min(1, max(0, p))
        let lo = Int(h.rounded(.down))
        let hi = min(sorted.count - 1, lo + 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }
}
