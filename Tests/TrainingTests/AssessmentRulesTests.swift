import Dialogue
import Foundation
import Language
import Progress
import Scoring
import Testing
@testable import Training

private typealias F = RefreshFixture

@Suite struct AssessmentAttemptTests {
    private let history = [
        F.call("broadband-down", at: F.day(1), F.scores([:]), mode: .assessment),
        F.call("broadband-down", at: F.day(2), F.scores([:]), mode: .practice),
        F.call("broadband-down", at: F.day(3), F.scores([:]), mode: .coached),
        F.call("broadband-down", at: F.day(4), F.scores([:], others: 0), mode: .assessment, ending: .abandoned),
        F.call("charged-twice", at: F.day(5), F.scores([:]), mode: .assessment),
    ]

    @Test func everyAssessmentOfTheScenarioCountsAndNothingElse() {
        #expect(AssessmentRules.attemptsUsed(history, scenario: "broadband-down") == 2, "practice and coached calls do not count; an abandoned assessment does")
        #expect(AssessmentRules.attemptsUsed(history, scenario: "charged-twice") == 1)
        #expect(AssessmentRules.attemptsUsed(history, scenario: "moving-home") == 0)
    }

    @Test func theNextAttemptIsNumberedAndTheCapRefusesTheOneAfterTheLast() throws {
        let capped = AssessmentRules(passMark: 70, maxAttempts: 3)
        #expect(try capped.nextAttempt(sessions: history, scenario: "broadband-down", trainee: "Sam") == 3)
        #expect(try AssessmentRules(passMark: 70).nextAttempt(sessions: history, scenario: "broadband-down", trainee: "Sam") == 3)
        #expect(try AssessmentRules(passMark: 70, maxAttempts: 1).nextAttempt(sessions: [], scenario: "x", trainee: "Sam") == 1)

        let refusal = AssessmentRefusal(trainee: "Sam", scenario: "broadband-down", used: 2, maxAttempts: 2)
        #expect(throws: refusal) {
            try AssessmentRules(passMark: 70, maxAttempts: 2).nextAttempt(sessions: history, scenario: "broadband-down", trainee: "Sam")
        }
        #expect(refusal.description.hasPrefix("Sam has used all 2 assessment attempts allowed at broadband-down (2 taken)."))
        #expect(refusal.description.contains("\"maxAttempts\" in assessment.json"))
        #expect(AssessmentRefusal(trainee: "Sam", scenario: "x", used: 1, maxAttempts: 1).description
            .hasPrefix("Sam has used the one assessment attempt allowed at x (1 taken)."))
    }
}

@Suite struct AssessmentResultTests {
    @Test(arguments: [
        (70, EndingKind.resolved, true),
        (69, .resolved, false),
        (100, .abandoned, false),
        (75, .endedByAgent, true),
        (75, .hungUp, true),
        (0, nil, false),
    ])
    func passingNeedsThePassMarkAndACallNotLeftBeforeItEnded(overall: Int, ending: EndingKind?, passed: Bool) {
        let rules = AssessmentRules(passMark: 70, timeLimitSeconds: 300, maxAttempts: 2)
        let result = rules.result(overall: overall, ending: ending, attempt: 2, timedOut: false)
        #expect(result == AssessmentResult(passMark: 70, passed: passed, attempt: 2, maxAttempts: 2, timeLimitSeconds: 300, timedOut: false))
    }

    @Test func theVerdictSaysPassOrFailAgainstThePassMark() {
        let pass = AssessmentResult(passMark: 70, passed: true, attempt: 1, maxAttempts: 3)
        #expect(AssessmentVerdict.headline(pass, overall: 78, ending: .resolved)
            == "Assessment: PASS. Overall 78 against a pass mark of 70. That was attempt 1 of 3.")
        let fail = AssessmentResult(passMark: 70, passed: false, attempt: 3, maxAttempts: 3, timeLimitSeconds: 480, timedOut: true)
        #expect(AssessmentVerdict.headline(fail, overall: 52, ending: .endedByAgent)
            == "Assessment: FAIL. Overall 52 against a pass mark of 70: 18 short. The time limit of 8 minutes ran out, and the call was scored as it stood. That was attempt 3 of 3, the last one allowed.")
        let left = AssessmentResult(passMark: 60, passed: false, attempt: 2)
        #expect(AssessmentVerdict.headline(left, overall: 65, ending: .abandoned)
            == "Assessment: FAIL. The call was left before it ended, so it cannot pass (overall 65; pass mark 60). That was attempt 2.")
    }

    @Test func theBriefingSaysTheRules() {
        #expect(AssessmentRules(passMark: 75, timeLimitSeconds: 90, maxAttempts: 3).briefing(attempt: 2)
            == "Assessment: no hints and no coaching during the call. Pass mark 75. Time limit 1 minute 30 seconds, checked each time you press Enter; when it is up the call ends as it stands. Attempt 2 of 3.")
        #expect(AssessmentRules(passMark: 70).briefing(attempt: 1)
            == "Assessment: no hints and no coaching during the call. Pass mark 70. No time limit. Attempt 1.")
    }
}

@Suite struct AssessmentTimerTests {
    private let start = F.day(0)

    @Test func theTimeIsUpAtTheLimitAndNotBefore() {
        let timer = AssessmentTimer(limitSeconds: 300, startedAt: start)
        #expect(!timer.isUp(at: start))
        #expect(!timer.isUp(at: start.addingTimeInterval(299.9)))
        #expect(timer.isUp(at: start.addingTimeInterval(300)))
        #expect(timer.remaining(at: start.addingTimeInterval(120)) == 180)
        #expect(timer.remaining(at: start.addingTimeInterval(900)) == 0)
        #expect(timer.deadline == start.addingTimeInterval(300))
    }

    @Test func aWarningComesOnceInTheLastMinute() {
        let timer = AssessmentTimer(limitSeconds: 300, startedAt: start)
        #expect(timer.warning(at: start.addingTimeInterval(200), alreadyWarned: false) == nil)
        #expect(timer.warning(at: start.addingTimeInterval(255), alreadyWarned: false) == "(45 seconds left.)")
        #expect(timer.warning(at: start.addingTimeInterval(240), alreadyWarned: false) == "(1 minute left.)")
        #expect(timer.warning(at: start.addingTimeInterval(255), alreadyWarned: true) == nil)
        #expect(timer.warning(at: start.addingTimeInterval(300), alreadyWarned: false) == nil, "no warning once the time is up")
        #expect(AssessmentTimer(limitSeconds: 45, startedAt: start).warning(at: start.addingTimeInterval(10), alreadyWarned: false) == nil,
                "a limit of a minute or less is not warned about")
    }

    @Test(arguments: [(1, "1 second"), (45, "45 seconds"), (60, "1 minute"), (90, "1 minute 30 seconds"), (480, "8 minutes"), (3601, "60 minutes 1 second")])
    func durationsInWords(seconds: Int, words: String) {
        #expect(AssessmentTimer.describe(seconds: seconds) == words)
    }

    private var engine: CallEngine {
        CallEngine(scenario: F.scenario("broadband-down"), persona: F.persona, analyzer: ReplyAnalyzer())
    }

    @Test func whenTheTimeIsUpTheCallEndsAsItStandsAndTheLateLineIsKeptUnscored() throws {
        let engine = self.engine
        var (state, _) = engine.start(seed: 1)
        (state, _) = engine.step(state, .reply("I'm sorry, so it's been down since Tuesday?"))
        #expect(!state.isOver)
        let turns = state.turn
        let mood = state.moodPath

        let timer = AssessmentTimer(limitSeconds: 480, startedAt: start)
        let (ended, events) = timer.endCall(state, engine: engine, late: "I'll book an engineer for Friday.")
        #expect(ended.isOver)
        #expect(AssessmentTimer.timedOut(ended))
        #expect(ended.ending == EndingRecord(id: "time_up", kind: .endedByAgent,
                                             note: "The assessment's time limit of 8 minutes ran out, so the call ended as it stood; 1 issue was still open."))
        #expect(ended.turn == turns, "the late line is not a reply")
        #expect(ended.moodPath == mood)
        #expect(!ended.transcript.contains { $0.speaker == .agent && $0.text.contains("engineer") })
        let system = ended.transcript.filter { $0.speaker == .system }
        #expect(system.map(\.text) == ["Typed after the time was up, not scored: I'll book an engineer for Friday.", "The time limit of 8 minutes was up."])
        #expect(system.map(\.command) == ["late", "time_up"])
        #expect(events == [.ended(EndingRecord(id: "time_up", kind: .endedByAgent, note: ended.ending?.note ?? ""))])

        // The score is of the call as it stood: the late words earn nothing.
        let score = CallScorer(scenario: engine.scenario, persona: engine.persona).score(ended)
        let asItStood = CallScorer(scenario: engine.scenario, persona: engine.persona).score(engine.step(state, .end).0)
        #expect(score.skills.map(\.score) == asItStood.skills.map(\.score))
    }

    @Test func withNothingTypedLateOnlyTheTimeIsRecorded() {
        let engine = self.engine
        let (state, _) = engine.start(seed: 1)
        let (ended, _) = AssessmentTimer(limitSeconds: 60, startedAt: start).endCall(state, engine: engine, late: nil)
        #expect(ended.transcript.filter { $0.speaker == .system }.map(\.text) == ["The time limit of 1 minute was up."])
        #expect(AssessmentTimer.timedOut(ended))
        let (again, events) = AssessmentTimer(limitSeconds: 60, startedAt: start).endCall(ended, engine: engine, late: "more")
        #expect(again == ended && events.isEmpty, "a finished call is left as it is")
    }

    @Test func aCallEndedAnyOtherWayIsNotTimedOut() {
        let engine = self.engine
        let (state, _) = engine.start(seed: 1)
        #expect(!AssessmentTimer.timedOut(engine.step(state, .end).0))
        #expect(!AssessmentTimer.timedOut(state))
    }
}

@Suite struct AssessmentRecordTests {
    private func record(assessment: AssessmentResult?) throws -> SessionRecord {
        let engine = CallEngine(scenario: F.scenario("broadband-down"), persona: F.persona, analyzer: ReplyAnalyzer())
        var (state, _) = engine.start(seed: 4)
        (state, _) = engine.step(state, .reply("So since Tuesday? I'll fix it now."))
        (state, _) = engine.step(state, .reply("Done, it's working."))
        let score = CallScorer(scenario: engine.scenario, persona: engine.persona).score(state)
        return SessionRecord(id: "20250301-120000-sam-0a0b", trainee: try TraineeName("Sam"), scenario: engine.scenario, persona: engine.persona,
                             mode: assessment == nil ? .practice : .assessment, seed: 4, startedAt: F.day(0), endedAt: F.day(0).addingTimeInterval(120),
                             state: state, score: score, assessment: assessment)
    }

    @Test func anAssessmentsResultIsSavedWithTheCallAndMatchesTheSchema() throws {
        let result = AssessmentResult(passMark: 75, passed: false, attempt: 2, maxAttempts: 3, timeLimitSeconds: 480, timedOut: true)
        let schema = try assessmentSchema("session")
        try withAssessmentFolder { folder in
            let store = try RecordStore(root: folder)
            let saved = try record(assessment: result)
            try store.save(session: saved)
            try store.save(session: try record(assessment: nil).withID("20250301-130000-sam-0c0d"))
            let files = try FileManager.default.contentsOfDirectory(atPath: store.sessionsFolder.path).filter { $0.hasSuffix(".json") }.sorted()
            #expect(files.count == 2)
            for name in files {
                let url = store.sessionsFolder.appendingPathComponent(name)
                let value = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
                #expect(assessmentSchemaProblems(value, schema, root: schema).isEmpty, "\(name): \(assessmentSchemaProblems(value, schema, root: schema))")
            }
            let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: store.sessionsFolder.appendingPathComponent(files[0]))) as? [String: Any])
            #expect(object["mode"] as? String == "assessment")
            let assessment = try #require(object["assessment"] as? [String: Any])
            #expect(assessment["passMark"] as? Int == 75)
            #expect(assessment["passed"] as? Bool == false)
            #expect(assessment["attempt"] as? Int == 2)
            #expect(assessment["maxAttempts"] as? Int == 3)
            #expect(assessment["timeLimitSeconds"] as? Int == 480)
            #expect(assessment["timedOut"] as? Bool == true)
            let practice = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: store.sessionsFolder.appendingPathComponent(files[1]))) as? [String: Any])
            #expect(practice["assessment"] == nil, "practice calls carry no assessment")

            if case let .success(back)? = store.session(id: saved.id) {
                #expect(back.assessment == result)
            } else {
                Issue.record("the saved assessment could not be read back")
            }
            if assessmentValidatorAvailable {
                let (status, output) = try assessmentValidate(schema: "session", files: files.map { store.sessionsFolder.appendingPathComponent($0) })
                #expect(status == 0, "\(output)")
            }
        }
    }

    @Test func theSchemaRefusesABrokenResult() throws {
        let schema = try assessmentSchema("session")
        let data = try RecordStore.encoded(try record(assessment: AssessmentResult(passMark: 70, passed: true, attempt: 1)))
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        object["assessment"] = ["passMark": 170, "passed": "yes", "attempt": 1]
        let found = assessmentSchemaProblems(object, schema, root: schema)
        #expect(found.contains("$.assessment: no timedOut"), "\(found)")
        #expect(found.contains("$.assessment.passMark: above 100.0"), "\(found)")
        #expect(found.contains("$.assessment.passed: not boolean"), "\(found)")
    }

    /// Records written before assessments had results read as before, with no result.
    @Test func anOlderRecordWithoutAResultStillReads() throws {
        let data = try RecordStore.encoded(try record(assessment: nil))
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        object["mode"] = "assessment"
        object["assessment"] = nil
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let back = try decoder.decode(SessionRecord.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(back.mode == .assessment)
        #expect(back.assessment == nil)
    }
}

private extension SessionRecord {
    func withID(_ id: String) -> SessionRecord {
        var copy = self
        copy.id = id
        return copy
    }
}
