import Dialogue
import Language
import Testing
@testable import Scoring

/// A scenario with two issues (one hidden), three facts, an opening and a next need.
private let scenario = Scenario(
    id: "test", title: "Test call", summary: "", difficulty: .beginner,
    skills: Skill.allCases, persona: "p",
    issues: [Issue(id: "down", summary: "Broadband down"), Issue(id: "crackle", summary: "Crackle on the line", hidden: true)],
    facts: [Fact(id: "tuesday", text: "Down since Tuesday", cues: ["tuesday"]),
            Fact(id: "home", text: "Works from home", cues: ["home"]),
            Fact(id: "third", text: "Third call", cues: ["third"])],
    openings: [Opening(id: "mesh", source: .heard, cue: "Weak wi-fi upstairs", offer: ["mesh"])],
    nextNeeds: [NextNeed(id: "lights", text: "Router lights flashing", cues: ["lights"])],
    start: "a",
    nodes: [Node(id: "a", say: ["Hello"], key: true, model: "A model reply.", branches: [Branch(target: "done")])],
    endings: [Ending(id: "done", kind: .resolved, note: "Fixed.")])

private func persona(_ temper: Temper = .irritated, style: Style = .driver) -> Persona {
    Persona(id: "p", name: "Pat", style: style, temper: temper, patience: 5, knowledge: .medium, tier: .B)
}

private func signals(_ build: (inout Signals) -> Void) -> Signals {
    var s = Signals()
    build(&s)
    return s
}

/// Builds a finished call from replies and their signals.
private func call(_ replies: [(String, Signals)], mood: [Int]? = nil, resolved: [String] = ["down"],
                  raised: [String] = ["down"], ending: EndingKind = .resolved) -> CallState {
    var state = CallState(scenario: "test", persona: "p", seed: 1, node: "a", mood: -1, patience: 5, raisedIssues: raised)
    state.givenFacts = ["tuesday", "home", "third"]
    state.transcript.append(TranscriptEntry(speaker: .customer, text: "It's been down since Tuesday.", node: "a", turn: 0))
    for (i, (text, s)) in replies.enumerated() {
        let m = mood?[i] ?? 0
        state.transcript.append(TranscriptEntry(speaker: .agent, text: text, node: "a", turn: i + 1, signals: s, moodAfter: m))
        state.moodPath.append(m)
    }
    state.turn = replies.count
    state.resolvedIssues = resolved
    state.raisedIssues = raised
    state.ending = EndingRecord(id: ending.rawValue, kind: ending, note: "")
    return state
}

private let modelCall: [(String, Signals)] = [
    ("I'm sorry, that sounds really frustrating. What happens when you try to connect?", signals {
        $0.acknowledges = true; $0.asksQuestion = true; $0.asksOpenQuestion = true
        $0.evidence = [Evidence(signal: .acknowledges, words: "that sounds really frustrating")]
    }),
    ("So it's been down since Tuesday, you work from home and this is your third call. Have I got that right?", signals {
        $0.paraphrasedFacts = ["tuesday", "home", "third"]; $0.checksUnderstanding = true; $0.asksQuestion = true
    }),
    ("I've booked an engineer for Thursday morning; keep the router plugged in, you'll get a text, and I'll call you at 4 to check.", signals {
        $0.nextSteps = NextSteps(action: true, timescale: true, customerAction: true, confirmation: true, ownership: true)
    }),
    ("When the router restarts the lights will flash for ten minutes; that's normal. Since the wi-fi is weak upstairs, a mesh booster would help.", signals {
        $0.anticipates = true; $0.anticipatedNeeds = ["lights"]; $0.offers = true; $0.offeredOpenings = ["mesh"]
    }),
]

private let rudeCall: [(String, Signals)] = [
    ("Calm down.", signals { $0.calmDown = true }),
    ("What's your postcode and when did it start?", signals { $0.asksQuestion = true; $0.asksAgainFor = ["tuesday"] }),
    ("That's not my department, you should have rung the other team. Anything else?", signals {
        $0.blame = true; $0.negativeLanguage = true; $0.hollowCloser = true; $0.asksQuestion = true
    }),
]

@Test func modelCallScoresHighOnEverySkill() {
    let score = CallScorer(scenario: scenario, persona: persona()).score(call(modelCall, resolved: ["down", "crackle"], raised: ["down", "crackle"]))
    for skill in score.skills {
        #expect(skill.score >= 80, Comment(rawValue: "\(skill.skill.rawValue) scored \(skill.score)"))
    }
    #expect(score.overall >= 80)
}

@Test func rudeRushedCallScoresLow() {
    let score = CallScorer(scenario: scenario, persona: persona(.angry)).score(call(rudeCall, resolved: [], ending: .hungUp))
    for skill in score.skills {
        #expect(skill.score <= 30, Comment(rawValue: "\(skill.skill.rawValue) scored \(skill.score)"))
    }
    let listening = score.score(for: .activeListening)
    #expect(listening?.evidence.contains { $0.effect == .lost && $0.turn == 1 && $0.words == "Calm down." } == true)
}

@Test func addingOnlyAParaphraseMovesOnlyParaphrasing() {
    let without: [(String, Signals)] = [modelCall[0], modelCall[2]]
    let with: [(String, Signals)] = [modelCall[0], ("So since Tuesday, working from home, third call. Right?", signals {
        $0.paraphrasedFacts = ["tuesday", "home", "third"]; $0.checksUnderstanding = true
    }), modelCall[2]]
    let scorer = CallScorer(scenario: scenario, persona: persona())
    let a = scorer.score(call(without))
    let b = scorer.score(call(with))
    #expect(b.score(for: .paraphrasing)!.score > a.score(for: .paraphrasing)!.score + 40)
    for skill in [Skill.activeListening, .nextSteps, .forwardResolution] {
        #expect(a.score(for: skill)?.score == b.score(for: skill)?.score, "\(skill.rawValue) moved")
    }
}

@Test func partialParaphraseEarnsPartialCredit() {
    let replies: [(String, Signals)] = [("So since Tuesday?", signals { $0.paraphrasedFacts = ["tuesday"] })]
    let score = CallScorer(scenario: scenario, persona: persona()).score(call(replies))
    let p = score.score(for: .paraphrasing)!
    #expect(p.score > 0 && p.score < 50)
    #expect(p.evidence.contains { $0.effect == .lost && $0.reason.contains("Works from home") })
}

@Test(arguments: [
    (NextSteps(action: true), 25),
    (NextSteps(action: true, timescale: true), 45),
    (NextSteps(action: true, timescale: true, customerAction: true, confirmation: true, ownership: true), 100),
])
func nextStepsScoreCountsEachPart(parts: NextSteps, expected: Int) {
    let replies: [(String, Signals)] = [("I'll sort it.", signals { $0.nextSteps = parts })]
    let score = CallScorer(scenario: scenario, persona: persona(style: .expressive)).score(call(replies))
    #expect(score.score(for: .nextSteps)?.score == expected)
}

@Test func offerToAnUpsetCustomerCosts() {
    let offer: (String, Signals) = ("Would you like a mesh booster?", signals { $0.offers = true; $0.offeredOpenings = ["mesh"] })
    let scorer = CallScorer(scenario: scenario, persona: persona(.angry))
    let calmFirst = scorer.score(call([modelCall[0], offer], mood: [0, 0]))
    let upset = scorer.score(call([modelCall[0], offer], mood: [-3, -3]))
    #expect(upset.score(for: .forwardResolution)!.score < calmFirst.score(for: .forwardResolution)!.score)
}

@Test func hiddenIssueLeftUnfoundCostsForwardResolution() {
    let scorer = CallScorer(scenario: scenario, persona: persona())
    let found = scorer.score(call(modelCall, resolved: ["down", "crackle"], raised: ["down", "crackle"]))
    let missed = scorer.score(call(modelCall))
    #expect(missed.score(for: .forwardResolution)!.score < found.score(for: .forwardResolution)!.score)
    #expect(missed.score(for: .forwardResolution)!.evidence.contains { $0.reason.contains("Crackle on the line") })
}

@Test func modelReplyShownWhenTraineeFellShortAtKeyNode() {
    let weak: [(String, Signals)] = [("ok", signals { $0.empty = true })]
    let score = CallScorer(scenario: scenario, persona: persona()).score(call(weak, mood: [-2]))
    #expect(score.modelReplies.first?.model == "A model reply.")
    #expect(score.modelReplies.first?.yourReply == "ok")
    let good = CallScorer(scenario: scenario, persona: persona()).score(call([modelCall[0]], mood: [0]))
    #expect(good.modelReplies.isEmpty)
}

@Test func scoringIsDeterministicAndBounded() {
    let scorer = CallScorer(scenario: scenario, persona: persona(.angry))
    let a = scorer.score(call(rudeCall + rudeCall + rudeCall, resolved: []))
    let b = scorer.score(call(rudeCall + rudeCall + rudeCall, resolved: []))
    #expect(a == b)
    for s in a.skills { #expect((0...100).contains(s.score)) }
}

@Test func debriefShowsScoresEvidenceTipsAndModelReplies() {
    let score = CallScorer(scenario: scenario, persona: persona()).score(call([("ok", signals { $0.empty = true })], mood: [-2]))
    let text = Debrief.lines(for: score, scenario: scenario, persona: persona()).map(\.text).joined(separator: "\n")
    for skill in Skill.allCases { #expect(text.contains(skill.title)) }
    #expect(text.contains("Tip:"))
    #expect(text.contains("turn 1 \"ok\""))
    #expect(text.contains("A model reply: \"A model reply.\""))
    #expect(text.contains("How it ended: resolved."))
}

@Test func debriefPicksBestAndWeakestMomentsWhenThereAreMany() {
    let evidence = (1...8).map { ScoreEvidence(turn: $0, words: "w\($0)", effect: $0 % 2 == 0 ? .earned : .lost, reason: "r", points: $0 % 2 == 0 ? $0 : -$0) }
    let picked = Debrief.pick(evidence, max: 3)
    #expect(picked.count == 3)
    #expect(picked.contains { $0.turn == 8 })   // best earned
    #expect(picked.contains { $0.turn == 7 })   // most points lost
}
