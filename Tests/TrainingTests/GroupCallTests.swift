import Dialogue
import Language
import Scoring
import Testing
@testable import Training

/// A two-line call: the customer gives a fact, then asks what happens next; then it ends resolved.
private let scenario = Scenario(
    id: "g", title: "Group test", summary: "", difficulty: .beginner, skills: Skill.allCases, persona: "p",
    issues: [Issue(id: "down", summary: "Broadband down", cues: ["engineer"])],
    facts: [Fact(id: "tuesday", text: "Down since Tuesday", cues: ["tuesday"])],
    start: "a",
    nodes: [Node(id: "a", say: ["It's been down since Tuesday."], facts: ["tuesday"], branches: [Branch(target: "b")]),
            Node(id: "b", say: ["So what happens now?"], branches: [Branch(target: "done")])],
    endings: [Ending(id: "done", kind: .resolved, note: "Sorted.")])

private let persona = Persona(id: "p", name: "Pat Lee", style: .amiable, temper: .irritated, patience: 5, knowledge: .medium, tier: .B)

private func engine() -> CallEngine { CallEngine(scenario: scenario, persona: persona, analyzer: ReplyAnalyzer()) }

private let good1 = "I'm sorry about that. So it's been down since Tuesday, have I got that right?"
private let good2 = "I've booked an engineer for Thursday between 8 and 12; you'll get a text, and I'll call you at 4 to check."

@Suite struct GroupCallTests {
    @Test func replyPointsRewardWhatTrainersWantAndChargeForWhatTheyDont() {
        let analyzer = ReplyAnalyzer()
        let context = ReplyContext(customerLine: "It's been down since Tuesday.")
        let good = ReplyPoints.of(analyzer.analyze(good1, context: ReplyContext.fromCustomerLine("It's been down since Tuesday.")))
        let rude = ReplyPoints.of(analyzer.analyze("Calm down, it's not our fault.", context: context))
        #expect(good.points >= 40, "\(good.reasons)")
        #expect(good.reasons.contains("+15 acknowledges"))
        #expect(rude.points == 0)
        #expect(rude.reasons.contains("-25 \"calm down\""))
        #expect(ReplyPoints.of(Signals()).points == 0)
    }

    @Test func roundRobinWaitsForEveryoneThenTheBestReplyIsHeard() {
        var call = GroupCall(engine: engine(), trainees: ["Ana", "Ben", "Cal"], mode: .roundRobin, seed: 1)
        #expect(call.whoseTurn == 0)
        #expect(call.submit("ok").isEmpty)
        #expect(call.whoseTurn == 1)
        _ = call.submit(good1)
        #expect(!call.roundComplete)
        _ = call.submit("Calm down.")
        #expect(call.roundComplete)
        #expect(call.bestPending == 1)
        let events = call.pick(1)
        #expect(events.contains(.customerSays("So what happens now?", reaction: nil)))
        #expect(call.picks.map(\.candidate.trainee) == [1])
        #expect(call.whoseTurn == 0 && !call.roundComplete)
    }

    @Test func tiesGoToTheEarliestTrainee() {
        var call = GroupCall(engine: engine(), trainees: ["Ana", "Ben"], mode: .roundRobin, seed: 1)
        _ = call.submit("ok")
        _ = call.submit("fine")
        #expect(call.bestPending == 0)
    }

    @Test func eachTraineeIsScoredOnTheirOwnWords() {
        var call = GroupCall(engine: engine(), trainees: ["Ana", "Ben"], mode: .roundRobin, seed: 1)
        _ = call.submit(good1)
        _ = call.submit("What's your account number?")
        _ = call.pick(0)
        _ = call.submit(good2)
        _ = call.submit("Someone will be in touch.")
        _ = call.pick(0)
        #expect(call.state.isOver)
        let ben = call.callState(for: 1)
        #expect(ben.transcript.filter { $0.speaker == .agent }.map(\.text) == ["What's your account number?", "Someone will be in touch."])
        #expect(ben.moodPath == call.state.moodPath)
        let board = call.leaderboard()
        #expect(board.map(\.trainee) == [0, 1])
        #expect(board[0].score.overall > board[1].score.overall)
        let anaNext = board[0].score.score(for: .nextSteps)?.score ?? 0
        let benNext = board[1].score.score(for: .nextSteps)?.score ?? 0
        #expect(anaNext > benNext)
    }

    @Test func hotSeatPassesTheCallOnAndKeepsOnlyEachTraineesTurns() {
        var call = GroupCall(engine: engine(), trainees: ["Ana", "Ben"], mode: .hotSeat, seed: 1)
        #expect(call.whoseTurn == 0)
        #expect(!call.submit(good1).isEmpty)
        #expect(call.whoseTurn == 1)
        _ = call.submit(good2)
        #expect(call.state.isOver)
        #expect(call.callState(for: 0).transcript.filter { $0.speaker == .agent }.map(\.text) == [good1])
        #expect(call.callState(for: 1).transcript.filter { $0.speaker == .agent }.map(\.text) == [good2])
        #expect(call.picks.map(\.candidate.trainee) == [0, 1])
    }

    @Test func endingTheCallDropsTheRoundInProgress() {
        var call = GroupCall(engine: engine(), trainees: ["Ana", "Ben"], mode: .roundRobin, seed: 1)
        _ = call.submit(good1)
        _ = call.command(.abandon)
        #expect(call.state.isOver)
        #expect(call.pending.isEmpty)
        #expect(call.state.ending?.kind == .abandoned)
    }
}

@Suite struct CalibrationTests {
    private func score(_ values: [Int]) -> CallScore {
        CallScore(skills: zip(Skill.allCases, values).map { SkillScore(skill: $0, score: $1, evidence: [], tip: "") },
                  overall: 0, ending: nil, issuesRaised: [], issuesResolved: [], modelReplies: [])
    }

    @Test func theSpreadAndTheEngineGapArePerSkill() {
        let result = CalibrationResult.compute(participants: ["Ana", "Ben", "Cal"],
                                               ratings: [[70, 50, 80, 60], [75, 90, 80, 60], [65, 40, 80, 60]],
                                               engine: score([72, 60, 40, 62]))
        let listening = result.skills[0]
        #expect(listening.min == 65 && listening.max == 75 && listening.range == 10 && listening.mean == 70)
        #expect(listening.verdict.hasPrefix("The group agrees (range 10)."))
        #expect(listening.verdict.contains("CallDojo agrees with the group"))
        let paraphrasing = result.skills[1]
        #expect(paraphrasing.range == 50)
        #expect(paraphrasing.furthest == 1)
        #expect(paraphrasing.verdict.hasPrefix("Wide spread (range 50)"))
        let steps = result.skills[2]
        #expect(steps.differences == [40, 40, 40])
        #expect(steps.verdict.contains("CallDojo gave 40, 40 below the group"))
    }

    @Test(arguments: [("70", 70), (" 85 ", 85), ("100", 100), ("0", 0), ("90%", 90), ("60/100", 60)])
    func ratingsAreWholeNumbersFrom0To100(_ text: String, _ value: Int) {
        #expect(RatingInput.parse(text) == value)
    }

    @Test(arguments: ["", "101", "-5", "seventy", "7.5", "1e2", "0070"])
    func anythingElseIsNotARating(_ text: String) {
        #expect(RatingInput.parse(text) == nil)
    }
}
