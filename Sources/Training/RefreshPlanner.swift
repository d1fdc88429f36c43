import Dialogue
import Foundation
import Progress

/// Chooses a refresher from a trainee's own history: their weakest skill, and the call that works on it
/// they have practised least recently. Pure: the same calls, goals, scenarios and time always give the
/// same recommendation.
///
/// - Weakest skill: each skill's average over the trainee's latest ``recentCalls`` calls, the latest
///   counting most (weights 5, 4, 3, 2, 1 from the latest back). Calls left before they ended
///   (abandoned) are not counted, unless there are no others. Ties go to the skill with the lower latest
///   score, then to the order of ``Skill/allCases``. If no scenario works on the weakest skill, the next
///   weakest is taken.
/// - Scenario: among the scenarios whose `skills:` list the skill, one never practised, else the one
///   practised longest ago. Ties go to the difficulty that suits the skill's average (below 50:
///   beginner; below 75: intermediate; else advanced), then to the scenario id.
/// - No calls yet: active listening on a beginner scenario.
public struct RefreshPlanner: Sendable {
    /// How many of the latest calls the averages cover.
    public static let recentCalls = 5

    /// The first skill for a trainee with no calls.
    public static let firstSkill: Skill = .activeListening

    /// The scenarios to choose from.
    public let scenarios: [Scenario]

    public init(scenarios: [Scenario]) {
        self.scenarios = scenarios
    }

    /// The refresher for a trainee with these calls (any order) and goals, on `now`.
    public func recommend(sessions: [SessionSummary], goals: [Goal] = [], now: Date) throws(RefreshError) -> RefreshRecommendation {
        guard !scenarios.isEmpty else { throw .noScenarios }
        let counted = RefreshPlanner.countedCalls(sessions)
        let averages = RefreshPlanner.skillAverages(counted)

        let skill: Skill
        let reason: RefreshReason
        let level: Difficulty
        if averages.isEmpty {
            skill = RefreshPlanner.firstSkill
            reason = .firstSession
            level = .beginner
        } else {
            let ranked = RefreshPlanner.ranked(averages)
            guard let index = ranked.firstIndex(where: { !candidates(for: $0.skill).isEmpty }) else {
                throw .noScenarioPractisesASkill
            }
            skill = ranked[index].skill
            reason = .weakestSkill(ranked[index], skipped: Array(ranked[..<index]))
            level = RefreshPlanner.suitedDifficulty(for: ranked[index].average)
        }

        // A first session falls back to any scenario with skills if none works on active listening.
        var pool = candidates(for: skill)
        var chosenSkill = skill
        if pool.isEmpty, let other = Skill.allCases.first(where: { !candidates(for: $0).isEmpty }) {
            chosenSkill = other
            pool = candidates(for: other)
        }
        let ordered = RefreshPlanner.stalestFirst(pool, sessions: sessions, suited: level, now: now)
        guard let first = ordered.first else { throw .noScenarioPractisesASkill }

        let goal = goals.map { $0.standing(sessions: sessions, now: now) }
            .first { $0.goal.skill == chosenSkill && $0.status == .open }
        return RefreshRecommendation(
            skill: chosenSkill, activity: .call(scenario: first.id, persona: first.persona), scenario: first,
            alternatives: Array(ordered.dropFirst().prefix(2)), reason: reason, averages: averages,
            callsCounted: averages.isEmpty ? 0 : counted.count, goal: goal)
    }

    /// The scenarios that list `skill` among those they practise.
    func candidates(for skill: Skill) -> [Scenario] {
        scenarios.filter { $0.skills.contains(skill) }
    }

    /// The calls the averages are taken over: every call but those left before they ended, unless
    /// that leaves none; oldest first.
    public static func countedCalls(_ sessions: [SessionSummary]) -> [SessionSummary] {
        let ordered = sessions.sorted { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }
        let finished = ordered.filter { $0.ending != .abandoned }
        return finished.isEmpty ? ordered : finished
    }

    /// The weight of the call `back` places before the latest (0 for the latest): 5, 4, 3, 2, 1.
    public static func weight(back: Int) -> Double {
        Double(max(0, recentCalls - back))
    }

    /// Each skill's weighted average over its latest ``recentCalls`` scores, in the order of
    /// ``Skill/allCases``; a skill no call scored is left out.
    public static func skillAverages(_ calls: [SessionSummary]) -> [SkillAverage] {
        let ordered = calls.sorted { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }
        return Skill.allCases.compactMap { skill in
            let scores = ordered.compactMap { $0.skills[skill.rawValue] }.suffix(recentCalls)
            guard let latest = scores.last else { return nil }
            var total = 0.0, weights = 0.0
            for (back, score) in scores.reversed().enumerated() {
                let w = weight(back: back)
                total += w * Double(score)
                weights += w
            }
            return SkillAverage(skill: skill, average: total / weights, calls: scores.count, latest: latest)
        }
    }

    /// Skills from weakest to strongest: lowest average, then lowest latest score, then skill order.
    public static func ranked(_ averages: [SkillAverage]) -> [SkillAverage] {
        let order = Dictionary(uniqueKeysWithValues: Skill.allCases.enumerated().map { ($1, $0) })
        return averages.sorted {
            ($0.average, $0.latest, order[$0.skill] ?? 0) < ($1.average, $1.latest, order[$1.skill] ?? 0)
        }
    }

    /// The difficulty that suits a skill's average: below 50 beginner, below 75 intermediate, else advanced.
    public static func suitedDifficulty(for average: Double) -> Difficulty {
        if average < 50 { return .beginner }
        if average < 75 { return .intermediate }
        return .advanced
    }

    /// Scenarios never practised first, then the one practised longest ago; ties to the difficulty
    /// nearest `suited`, then to the id.
    public static func stalestFirst(_ scenarios: [Scenario], sessions: [SessionSummary], suited: Difficulty, now: Date) -> [RefreshScenario] {
        var last: [String: Date] = [:]
        for s in sessions where last[s.scenario].map({ s.startedAt > $0 }) ?? true {
            last[s.scenario] = s.startedAt
        }
        let levels = Difficulty.allCases
        func distance(_ d: Difficulty) -> Int {
            abs((levels.firstIndex(of: d) ?? 0) - (levels.firstIndex(of: suited) ?? 0))
        }
        let sorted = scenarios.sorted { a, b in
            let la = last[a.id] ?? .distantPast, lb = last[b.id] ?? .distantPast
            if la != lb { return la < lb }
            if distance(a.difficulty) != distance(b.difficulty) { return distance(a.difficulty) < distance(b.difficulty) }
            return a.id < b.id
        }
        return sorted.map { s in
            let when = last[s.id]
            return RefreshScenario(id: s.id, title: s.title, difficulty: s.difficulty, persona: s.persona,
                                   lastPractised: when, daysSince: when.map { max(0, GoalCalendar.days(from: $0, to: now)) })
        }
    }
}
