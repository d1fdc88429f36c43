import Dialogue
import Language
import Testing
@testable import Scoring

/// The customer's view of a call: moments of truth, effort, satisfaction and first contact; and brevity
/// with a customer who wants it short.
@Suite struct CustomerExperienceTests {
    static let scenario = Scenario(
        id: "t", title: "T", summary: "", difficulty: .beginner, skills: Skill.allCases, persona: "p",
        issues: [Issue(id: "down", summary: "Broadband down")],
        facts: [Fact(id: "tuesday", text: "Down since Tuesday", cues: ["tuesday"])],
        start: "a",
        nodes: [Node(id: "a", say: ["Hello"], branches: [Branch(target: "done")])],
        endings: [Ending(id: "done", kind: .resolved, note: "")])

    static func persona(_ style: Style = .amiable, annoyedBy: [Dialogue.Trait] = []) -> Persona {
        var p = Persona(id: "p", name: "Pat", style: style, temper: .irritated, patience: 5, knowledge: .medium, tier: .B)
        p.annoyedBy = annoyedBy
        return p
    }

    static func call(_ replies: [(String, Signals)], moods: [Int], ending: EndingKind, resolved: [String] = ["down"]) -> CallState {
        var state = CallState(scenario: "t", persona: "p", seed: 1, node: "a", mood: -1, patience: 5, raisedIssues: ["down"])
        state.givenFacts = ["tuesday"]
        for (i, (text, s)) in replies.enumerated() {
            state.transcript.append(TranscriptEntry(speaker: .agent, text: text, node: "a", turn: i + 1, signals: s, moodAfter: moods[i]))
            state.moodPath.append(moods[i])
        }
        state.turn = replies.count
        state.resolvedIssues = resolved
        state.ending = EndingRecord(id: ending.rawValue, kind: ending, note: "")
        return state
    }

    static func signals(_ build: (inout Signals) -> Void) -> Signals {
        var s = Signals()
        build(&s)
        return s
    }

    static let good: [(String, Signals)] = [
        ("I'm sorry, that's frustrating. So since Tuesday, right?", signals {
            $0.acknowledges = true; $0.paraphrasedFacts = ["tuesday"]; $0.checksUnderstanding = true
        }),
        ("I've booked an engineer for Thursday, you'll get a text, and I'll call you at 4.", signals {
            $0.nextSteps = NextSteps(action: true, timescale: true, customerAction: true, confirmation: true, ownership: true)
            $0.anticipates = true
        }),
    ]

    static let poor: [(String, Signals)] = [
        ("Calm down, it's not our fault.", signals { $0.calmDown = true; $0.blame = true }),
        ("When did it start?", signals { $0.asksQuestion = true; $0.asksAgainFor = ["tuesday"] }),
    ]

    @Test func aGoodCallMeetsEveryMomentWithLowEffortAndHighSatisfaction() throws {
        let score = CallScorer(scenario: Self.scenario, persona: Self.persona()).score(Self.call(Self.good, moods: [1, 3], ending: .resolved))
        let x = try #require(score.experience)
        #expect(x.moments.map(\.name) == ["Understand me", "Help me", "Care about me", "Resolve me"])
        for m in x.moments { #expect(m.verdict == "met", "\(m.name): \(m.score) \(m.why)") }
        #expect(x.effort == 1)
        #expect(x.satisfaction >= 4)
        #expect(x.firstContact == .resolved)
    }

    @Test func aPoorCallCostsCareRaisesEffortAndLowersSatisfaction() throws {
        let score = CallScorer(scenario: Self.scenario, persona: Self.persona()).score(Self.call(Self.poor, moods: [-3, -4], ending: .hungUp, resolved: []))
        let x = try #require(score.experience)
        let care = try #require(x.moments.first { $0.name == "Care about me" })
        #expect(care.verdict == "missed")
        #expect(care.why.contains("blame or \"calm down\""))
        #expect(x.effort >= 4, "\(x.effortWhy)")
        #expect(x.effortWhy.contains("repeat themselves"))
        #expect(x.satisfaction == 1)
        #expect(x.firstContact == .repeatContactLikely)
    }

    @Test(arguments: [
        (EndingKind.resolved, ["down"], CustomerExperience.FirstContact.resolved),
        (.resolved, [], .repeatContactLikely),
        (.callback, [], .followUpOwned),
        (.transferred, ["down"], .repeatContactLikely),
        (.abandoned, [], .repeatContactLikely),
    ])
    func firstContactFollowsTheEndingAndWhatWasOwned(ending: EndingKind, resolved: [String], expected: CustomerExperience.FirstContact) {
        let state = Self.call(Self.good, moods: [0, 1], ending: ending, resolved: resolved)
        let replies = state.transcript.filter { $0.speaker == .agent }
        #expect(CustomerExperience.firstContact(state, replies: replies) == expected)
    }

    @Test func satisfactionFollowsTheMoodTheCallEndsOn() throws {
        let scorer = CallScorer(scenario: Self.scenario, persona: Self.persona())
        let happy = try #require(scorer.score(Self.call(Self.good, moods: [2, 5], ending: .resolved)).experience)
        let flat = try #require(scorer.score(Self.call(Self.good, moods: [0, 0], ending: .resolved)).experience)
        #expect(happy.satisfaction == 5)
        #expect(flat.satisfaction == 3)
    }

    @Test func longRepliesCostListeningOnlyWithACustomerWhoWantsItShort() throws {
        let long = Array(repeating: "word", count: 70).joined(separator: " ")
        let replies: [(String, Signals)] = [(long, Self.signals { $0.acknowledges = true })]
        let state = Self.call(replies, moods: [0], ending: .resolved)
        let driver = CallScorer(scenario: Self.scenario, persona: Self.persona(.driver)).score(state)
        let amiable = CallScorer(scenario: Self.scenario, persona: Self.persona(.amiable)).score(state)
        let dislikes = CallScorer(scenario: Self.scenario, persona: Self.persona(.amiable, annoyedBy: [.longReplies])).score(state)
        let d = try #require(driver.score(for: .activeListening)?.score)
        let a = try #require(amiable.score(for: .activeListening)?.score)
        #expect(d == a - 6)
        #expect(dislikes.score(for: .activeListening)?.score == d)
        #expect(driver.score(for: .activeListening)?.evidence.contains { $0.reason.contains("long reply") } == true)
    }

    @Test func aCallEndedByTheTimeLimitSaysSo() {
        var state = Self.call(Self.good, moods: [1, 3], ending: .endedByAgent)
        state.ending = EndingRecord(id: "time_up", kind: .endedByAgent, note: "The assessment's time limit was reached.")
        let score = CallScorer(scenario: Self.scenario, persona: Self.persona()).score(state)
        let text = Debrief.lines(for: score, scenario: Self.scenario, persona: Self.persona()).map(\.text)
        #expect(text.contains("How it ended: the time limit ran out. The assessment's time limit was reached."), "\(text)")
    }

    @Test func theDebriefShowsTheCustomersView() {
        let score = CallScorer(scenario: Self.scenario, persona: Self.persona()).score(Self.call(Self.good, moods: [1, 3], ending: .resolved))
        let text = Debrief.lines(for: score, scenario: Self.scenario, persona: Self.persona()).map(\.text)
        #expect(text.contains("The customer's view"))
        #expect(text.contains { $0.hasPrefix("Care about me: ") })
        #expect(text.contains { $0.hasPrefix("Customer effort: 1 of 5") })
        #expect(text.contains("First contact: resolved at first contact."))
    }
}
