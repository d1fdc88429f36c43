import Dialogue
import Foundation
import Progress

/// What a refresher suggests the trainee does next.
///
/// Today a refresher always suggests a call. The type is an enum so that other kinds of practice (a
/// short game, say) can join as further cases; code that acts on a recommendation switches over it,
/// so the compiler points at every place that must learn the new kind.
public enum RefreshActivity: Sendable, Equatable {
    /// Practise a call, coached: the scenario, played by its usual persona.
    case call(scenario: String, persona: String)

    /// The activity in a few words, as a sentence uses it: "a call".
    public var noun: String {
        switch self {
        case .call: return "a call"
        }
    }
}

/// One skill's recent average, weighted toward the latest calls.
public struct SkillAverage: Sendable, Equatable {
    public var skill: Skill
    /// The weighted average of the skill's scores over the calls counted, 0-100.
    public var average: Double
    /// How many calls the average is over (at most ``RefreshPlanner/recentCalls``).
    public var calls: Int
    /// The skill's score in the latest of those calls.
    public var latest: Int

    public init(skill: Skill, average: Double, calls: Int, latest: Int) {
        self.skill = skill
        self.average = average
        self.calls = calls
        self.latest = latest
    }

    /// The average as a whole score, as a trainee reads it.
    public var rounded: Int { Int(average.rounded()) }
}

/// A scenario that works on the chosen skill, and how long since the trainee last practised it.
public struct RefreshScenario: Sendable, Equatable {
    public var id: String
    public var title: String
    public var difficulty: Difficulty
    /// The persona that plays it unless another is chosen.
    public var persona: String
    /// When the trainee last practised it (the start of their latest call of it); nil if never.
    public var lastPractised: Date?
    /// Whole days (UTC) since then; nil if never.
    public var daysSince: Int?

    public init(id: String, title: String, difficulty: Difficulty, persona: String, lastPractised: Date?, daysSince: Int?) {
        self.id = id
        self.title = title
        self.difficulty = difficulty
        self.persona = persona
        self.lastPractised = lastPractised
        self.daysSince = daysSince
    }
}

/// Why a refresher chose what it chose.
public enum RefreshReason: Sendable, Equatable {
    /// The trainee has no calls yet: start with active listening on an easy call.
    case firstSession
    /// The skill with the lowest recent average (or the lowest that some scenario works on).
    /// `skipped` lists weaker skills that no scenario works on.
    case weakestSkill(SkillAverage, skipped: [SkillAverage])
}

/// A refresher: the skill to work on, what to do about it, and why, in plain English.
public struct RefreshRecommendation: Sendable, Equatable {
    /// The skill the refresher aims at.
    public var skill: Skill
    /// What to do: today always a coached call.
    public var activity: RefreshActivity
    /// The scenario chosen (stalest first among those that work on the skill).
    public var scenario: RefreshScenario
    /// The next-stalest scenarios that also work on the skill, for the trainee who wants a choice.
    public var alternatives: [RefreshScenario]
    public var reason: RefreshReason
    /// Every skill's recent average, in the order of ``Skill/allCases``; empty before the first call.
    public var averages: [SkillAverage]
    /// How many of the trainee's calls were counted (calls left before they ended are not, unless
    /// there are no others); 0 before the first call. The averages cover the latest five of them.
    public var callsCounted: Int
    /// The trainee's open goal in the chosen skill, if they have one.
    public var goal: GoalStanding?

    public init(skill: Skill, activity: RefreshActivity, scenario: RefreshScenario, alternatives: [RefreshScenario],
                reason: RefreshReason, averages: [SkillAverage], callsCounted: Int, goal: GoalStanding?) {
        self.skill = skill
        self.activity = activity
        self.scenario = scenario
        self.alternatives = alternatives
        self.reason = reason
        self.averages = averages
        self.callsCounted = callsCounted
        self.goal = goal
    }

    /// True when the trainee had no calls to go on.
    public var isFirstSession: Bool { reason == .firstSession }

    /// Why, in plain English: a few short paragraphs (see ``RefreshExplanation``).
    public var explanation: [String] { RefreshExplanation.paragraphs(for: self) }
}

/// Why no refresher could be chosen.
public enum RefreshError: Error, Sendable, Equatable, CustomStringConvertible {
    /// There are no scenarios at all.
    case noScenarios
    /// No scenario lists a skill it practises.
    case noScenarioPractisesASkill

    public var description: String {
        switch self {
        case .noScenarios:
            return "there are no scenarios to practise. Add some to the Scenarios/ folder (see docs/AUTHORING.md)."
        case .noScenarioPractisesASkill:
            return "no scenario lists the skills it practises, so a refresher cannot pick one. Give each scenario a `skills:` list (see docs/AUTHORING.md)."
        }
    }
}
