import Dialogue
import Foundation
import Progress
import Testing
@testable import Training

private typealias F = RefreshFixture

@Suite struct RefreshPlannerTests {
    // MARK: Weakest skill

    @Test func averagesWeightTheLatestCallsMost() throws {
        // Paraphrasing, oldest to latest: 10, 20, 30, 40, 50. Weights 1..5: (10+40+90+160+250)/15 = 36.67.
        let calls = [10, 20, 30, 40, 50].enumerated().map { n, score in
            F.call("a", at: F.day(n), F.scores([.paraphrasing: score]))
        }
        let averages = RefreshPlanner.skillAverages(calls)
        let paraphrasing = try #require(averages.first { $0.skill == .paraphrasing })
        #expect(abs(paraphrasing.average - 550.0 / 15.0) < 0.001)
        #expect(paraphrasing.rounded == 37)
        #expect(paraphrasing.latest == 50)
        #expect(paraphrasing.calls == 5)
        #expect(averages.map(\.skill) == Skill.allCases)
    }

    @Test func onlyTheLatestFiveCallsCount() {
        var calls = [F.call("a", at: F.day(0), F.scores([.nextSteps: 0]))]
        calls += (1...5).map { F.call("a", at: F.day($0), F.scores([:], others: 60)) }
        let nextSteps = RefreshPlanner.skillAverages(calls).first { $0.skill == .nextSteps }
        #expect(nextSteps?.average == 60)
        #expect(nextSteps?.calls == 5)
    }

    /// Weighting changes the answer: forward resolution was strong and has slipped (plain mean 70,
    /// weighted 60); next steps was weak and has improved (plain mean 60, weighted 65).
    @Test func aSkillThatHasSlippedLatelyIsWeakerThanOneThatHasImproved() throws {
        let slipping = [90, 90, 90, 40, 40], improving = [50, 50, 50, 75, 75]
        let calls = (0..<5).map { n in
            F.call("a", at: F.day(n), F.scores([.forwardResolution: slipping[n], .nextSteps: improving[n]], others: 90))
        }
        let planner = RefreshPlanner(scenarios: [F.scenario("a")])
        let r = try planner.recommend(sessions: calls, now: F.day(10))
        #expect(r.skill == .forwardResolution)
        guard case let .weakestSkill(average, skipped) = r.reason else {
            Issue.record("expected the weakest-skill reason, got \(r.reason)")
            return
        }
        #expect(average.rounded == 60)
        #expect(skipped.isEmpty)
    }

    @Test func tiesGoToTheLowerLatestScoreThenToSkillOrder() {
        // Equal averages: the lower latest score is weaker; equal latest scores go by skill order.
        let a = SkillAverage(skill: .nextSteps, average: 50, calls: 2, latest: 45)
        let b = SkillAverage(skill: .paraphrasing, average: 50, calls: 2, latest: 55)
        let c = SkillAverage(skill: .activeListening, average: 50, calls: 2, latest: 55)
        #expect(RefreshPlanner.ranked([b, c, a]).map(\.skill) == [.nextSteps, .activeListening, .paraphrasing])
    }

    @Test func abandonedCallsDoNotCountUnlessThereAreNoOthers() {
        let finished = F.call("a", at: F.day(1), F.scores([:], others: 70))
        let quit = F.call("a", at: F.day(2), F.scores([:], others: 0), ending: .abandoned)
        #expect(RefreshPlanner.countedCalls([quit, finished]) == [finished])
        #expect(RefreshPlanner.countedCalls([quit]) == [quit])
    }

    @Test func aSkillNoScenarioWorksOnIsSkippedAndSaidSo() throws {
        let calls = [F.call("a", at: F.day(1), F.scores([.paraphrasing: 20, .nextSteps: 40]))]
        let planner = RefreshPlanner(scenarios: [F.scenario("a", skills: [.activeListening, .nextSteps])])
        let r = try planner.recommend(sessions: calls, now: F.day(2))
        #expect(r.skill == .nextSteps)
        guard case let .weakestSkill(average, skipped) = r.reason else {
            Issue.record("expected the weakest-skill reason")
            return
        }
        #expect(average.skill == .nextSteps)
        #expect(skipped.map(\.skill) == [.paraphrasing])
        #expect(r.explanation.first?.hasPrefix("No call here works on paraphrasing (20), your lowest skill, so this refresher aims at your next-lowest.") == true,
                "\(r.explanation)")
    }

    // MARK: Stalest scenario

    @Test func aScenarioNeverPractisedComesFirstThenTheOnePractisedLongestAgo() throws {
        let scenarios = ["old", "recent", "never"].map { F.scenario($0) }
        let calls = [
            F.call("old", at: F.day(1), F.scores([:])),
            F.call("recent", at: F.day(8), F.scores([:])),
            F.call("old", at: F.day(3), F.scores([:])),
        ]
        let planner = RefreshPlanner(scenarios: scenarios)
        let first = try planner.recommend(sessions: calls, now: F.day(10))
        #expect(first.scenario.id == "never")
        #expect(first.scenario.lastPractised == nil)
        #expect(first.alternatives.map(\.id) == ["old", "recent"])
        #expect(first.alternatives.first?.daysSince == 7, "the latest call of 'old' was on day 3")
        #expect(first.activity == .call(scenario: "never", persona: "pat"))

        let played = try RefreshPlanner(scenarios: Array(scenarios.prefix(2))).recommend(sessions: calls, now: F.day(10))
        #expect(played.scenario.id == "old")
        #expect(played.scenario.daysSince == 7)
    }

    @Test func onlyScenariosThatWorkOnTheSkillAreChosen() throws {
        let calls = [F.call("x", at: F.day(1), F.scores([.paraphrasing: 10]))]
        let scenarios = [
            F.scenario("never-but-other-skills", skills: [.activeListening, .nextSteps]),
            F.scenario("x", skills: [.paraphrasing]),
        ]
        let r = try RefreshPlanner(scenarios: scenarios).recommend(sessions: calls, now: F.day(3))
        #expect(r.skill == .paraphrasing)
        #expect(r.scenario.id == "x")
        #expect(r.alternatives.isEmpty)
    }

    @Test(arguments: [(30, Difficulty.beginner), (60, .intermediate), (85, .advanced)])
    func amongCallsNeverPractisedTheDifficultySuitsTheScore(score: Int, expected: Difficulty) throws {
        let scenarios = [F.scenario("c-adv", difficulty: .advanced), F.scenario("b-int", difficulty: .intermediate),
                         F.scenario("a-beg", difficulty: .beginner), F.scenario("played", difficulty: .beginner)]
        let calls = [F.call("played", at: F.day(1), F.scores([.paraphrasing: score], others: 95))]
        let r = try RefreshPlanner(scenarios: scenarios).recommend(sessions: calls, now: F.day(2))
        #expect(r.scenario.difficulty == expected)
        #expect(r.scenario.lastPractised == nil)
    }

    // MARK: First session

    @Test func aNewTraineeStartsWithActiveListeningOnABeginnerCall() throws {
        let scenarios = [F.scenario("hard", difficulty: .advanced), F.scenario("medium", difficulty: .intermediate),
                         F.scenario("easy", difficulty: .beginner), F.scenario("no-listening", difficulty: .beginner, skills: [.nextSteps])]
        let r = try RefreshPlanner(scenarios: scenarios).recommend(sessions: [], now: F.day(0))
        #expect(r.reason == .firstSession)
        #expect(r.isFirstSession)
        #expect(r.skill == .activeListening)
        #expect(r.scenario.id == "easy")
        #expect(r.averages.isEmpty)
        #expect(r.callsCounted == 0)
        #expect(r.explanation.first == "This is your first call, so it starts with the basics: active listening, which means acknowledging how the customer feels and asking open questions before jumping to a fix. 'easy' is a beginner call that works on it.")
    }

    @Test func noScenariosIsAClearError() {
        #expect(throws: RefreshError.noScenarios) {
            try RefreshPlanner(scenarios: []).recommend(sessions: [], now: F.day(0))
        }
        #expect(RefreshError.noScenarios.description.contains("Scenarios/"))
    }

    @Test func noScenarioListingASkillIsAClearError() {
        #expect(throws: RefreshError.noScenarioPractisesASkill) {
            try RefreshPlanner(scenarios: [F.scenario("a", skills: [])]).recommend(sessions: [], now: F.day(0))
        }
    }

    // MARK: Goals

    @Test func anOpenGoalInTheSkillIsNamed() throws {
        let calls = [F.call("a", at: F.day(1), F.scores([.paraphrasing: 40]))]
        let goals = [
            Goal(id: "g1", skill: .nextSteps, target: 90, by: F.day(40), createdAt: F.day(0)),
            Goal(id: "g2", skill: .paraphrasing, target: 80, by: F.day(40), createdAt: F.day(0)),
        ]
        let r = try RefreshPlanner(scenarios: [F.scenario("a")]).recommend(sessions: calls, goals: goals, now: F.day(2))
        #expect(r.goal?.goal.id == "g2")
        #expect(r.explanation.contains { $0.hasPrefix("It is also the skill of your goal g2: Paraphrasing 80 by 2025-04-10") })
    }

    @Test func theSameHistoryGivesTheSameRecommendation() throws {
        let calls = (0..<4).map { F.call(["a", "b"][$0 % 2], at: F.day($0), F.scores([.activeListening: 30 + $0])) }
        let planner = RefreshPlanner(scenarios: [F.scenario("a"), F.scenario("b"), F.scenario("c")])
        let one = try planner.recommend(sessions: calls, now: F.day(9))
        let two = try planner.recommend(sessions: calls.reversed(), now: F.day(9))
        #expect(one == two)
    }
}
