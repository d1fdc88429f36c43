import Dialogue
import Foundation
import Progress
import Testing
@testable import Training

private typealias F = RefreshFixture

@Suite struct RefreshExplanationTests {
    /// The example a trainee should read: five calls, paraphrasing at 48 in each, 'charged-twice' last
    /// practised 23 days ago and 'broadband-down' since.
    @Test func theWeakestSkillAndTheStalestCallInOneSentence() throws {
        var calls = [F.call("charged-twice", at: F.day(7), F.scores([.paraphrasing: 48], others: 70))]
        calls += (26...29).map { F.call("broadband-down", at: F.day($0), F.scores([.paraphrasing: 48], others: 70)) }
        let planner = RefreshPlanner(scenarios: [F.scenario("broadband-down"), F.scenario("charged-twice")])
        let r = try planner.recommend(sessions: calls, now: F.day(30))
        #expect(r.skill == .paraphrasing)
        #expect(r.scenario.id == "charged-twice")
        #expect(r.callsCounted == 5)
        #expect(r.explanation == [
            "Your paraphrasing has averaged 48 over your last 5 calls, your lowest skill; you haven't practised 'charged-twice', which works on it, for 23 days.",
            "Recent calls count most (the latest 5 times over, the one before it 4 times, and so on). Your averages: active listening 70, paraphrasing 48, next-step explanation 70 and forward resolution 70.",
            "On this call, focus on paraphrasing: once the customer has explained, sum up their key facts in your own words and ask if you have it right.",
            "Other calls that work on it: 'broadband-down' (practised yesterday).",
        ])
    }

    @Test func oneCallSoFar() throws {
        let calls = [F.call("a", at: F.day(1), F.scores([.nextSteps: 35], others: 60))]
        let r = try RefreshPlanner(scenarios: [F.scenario("a"), F.scenario("b")]).recommend(sessions: calls, now: F.day(1, hour: 15))
        #expect(r.explanation.first == "Your next-step explanation scored 35 in your one call so far, your lowest skill; you have never practised 'b', which works on it.")
        #expect(r.explanation.dropFirst().first == "Your scores: active listening 60, paraphrasing 60, next-step explanation 35 and forward resolution 60.")
        #expect(r.explanation.last == "Other calls that work on it: 'a' (practised today).")
    }

    @Test(arguments: [
        (0, true, "'a', the one call here that works on it, you last practised earlier today"),
        (0, false, "you have practised every call that works on it today, and 'a' longest ago"),
        (1, true, "'a', the one call here that works on it, you last practised yesterday"),
        (1, false, "you last practised 'a', which works on it, yesterday, longer ago than any other call that does"),
        (2, false, "you haven't practised 'a', which works on it, for 2 days"),
    ])
    func howLongAgoIsSaidPlainly(days: Int, onlyOne: Bool, expected: String) {
        let s = RefreshScenario(id: "a", title: "A", difficulty: .beginner, persona: "pat", lastPractised: F.day(0), daysSince: days)
        #expect(RefreshExplanation.stalenessPhrase(s, onlyOne: onlyOne) == expected)
    }

    @Test func strongSkillsAreKeptSharp() throws {
        let calls = (0..<3).map { F.call("a", at: F.day($0), F.scores([.forwardResolution: 84], others: 92)) }
        let r = try RefreshPlanner(scenarios: [F.scenario("a")]).recommend(sessions: calls, now: F.day(5))
        #expect(r.explanation.contains("Every skill averages 80 or more, so this refresher keeps your lowest one sharp."))
        #expect(r.explanation.first?.contains("over your last 3 calls") == true)
    }

    @Test func lists() {
        #expect(RefreshExplanation.list([]) == "")
        #expect(RefreshExplanation.list(["a"]) == "a")
        #expect(RefreshExplanation.list(["a", "b"]) == "a and b")
        #expect(RefreshExplanation.list(["a", "b", "c"]) == "a, b and c")
    }

    @Test func theActivityIsACallToday() {
        #expect(RefreshActivity.call(scenario: "a", persona: "pat").noun == "a call")
    }
}
