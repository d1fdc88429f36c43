import Dialogue
import Language
import Testing

@Suite struct CallEngineTests {
    let engine = makeEngine()

    @Test func startSaysTheFirstLineAndRaisesVisibleIssues() {
        let (state, events) = engine.start(seed: 1)
        #expect(events == [.customerSays(Lines.open, reaction: nil)])
        #expect(state.node == "open")
        #expect(state.visits == ["open": 1])
        #expect(state.raisedIssues == ["down"])
        #expect(state.resolvedIssues.isEmpty)
        #expect(state.givenFacts == ["tuesday", "home"])
        #expect(state.mood == Temper.irritated.startingMood)
        #expect(state.patience == 5)
        #expect(state.turn == 0)
        #expect(state.moodPath == [-1])
        #expect(state.transcript == [TranscriptEntry(speaker: .customer, text: Lines.open, node: "open", turn: 0)])
        #expect(state.lastCustomerLine == Lines.open)
        #expect(state.schemaVersion == CallState.currentSchemaVersion)
        #expect(state.scenario == "broadband" && state.persona == "pat" && state.seed == 1)
        #expect(!state.isOver)
    }

    @Test func startingMoodFollowsTemperAndPatienceIsAtLeastOne() {
        for temper in Temper.allCases {
            let (state, _) = makeEngine(persona: makePersona(temper: temper, patience: 0)).start(seed: 3)
            #expect(state.mood == temper.startingMood)
            #expect(state.patience == 1)
        }
    }

    @Test func contextTellsTheAnalyserWhatTheCustomerHasSaid() {
        let (state, _) = engine.start(seed: 1)
        let context = engine.context(for: state)
        #expect(context.customerLine == Lines.open)
        #expect(context.facts.map(\.id) == ["tuesday", "home"])
        #expect(context.givenFacts == ["tuesday", "home"])
        #expect(context.issues.map(\.id) == ["down"])
        #expect(context.openings == [Cue(id: "mesh", cues: ["mesh"])])
        #expect(context.nextNeeds == [Cue(id: "lights", cues: ["lights"])])
        #expect(context.knowledge == .medium)
    }

    @Test func firstMatchingBranchWinsAndAppliesItsEffects() throws {
        let (state, events) = engine.run(seed: 1, [.reply("[ack] [para:tuesday] [para:home]")])
        // Both the first and second branches hold; only the first is taken.
        #expect(state.mood == 1)
        #expect(state.flags == ["heard"])
        #expect(state.node == "diagnose")
        #expect(state.visits == ["open": 1, "diagnose": 1])
        #expect(state.turn == 1)
        #expect(state.moodPath == [-1, 1])
        // The hidden issue surfaces with the node that raises it, and the node's fact is given.
        #expect(state.raisedIssues == ["down", "crackle"])
        #expect(state.givenFacts == ["tuesday", "home", "third"])
        let line = try #require(spokenLines(events).last)
        #expect(line.hasPrefix(Lines.heard + " "))
        #expect(Lines.diagnose.contains(String(line.dropFirst(Lines.heard.count + 1))))
        #expect(events.first == .moodChanged(from: -1, to: 1))
        #expect(events.contains(.issueRaised("crackle")))
        #expect(spokenReactions(events) == [nil])
        let reply = try #require(state.transcript.first { $0.speaker == .agent })
        #expect(reply.text == "[ack] [para:tuesday] [para:home]")
        #expect(reply.node == "open")
        #expect(reply.turn == 1)
        #expect(reply.moodAfter == 1)
        #expect(reply.signals?.paraphrasedFacts == ["tuesday", "home"])
    }

    @Test func laterBranchMatchesWhenEarlierOnesDoNot() {
        let (state, events) = engine.run(seed: 1, [.reply("[ack]")])
        #expect(state.mood == 0)
        #expect(state.flags.isEmpty)
        #expect(state.node == "diagnose")
        #expect(!spokenLines(events).contains { $0.hasPrefix(Lines.heard) })

        let (viaWords, _) = engine.run(seed: 1, [.reply("I'll book an Engineer for you")])
        #expect(viaWords.node == "wrapup")
        #expect(viaWords.mood == -1)
    }

    @Test func catchAllBranchAndVisitCounts() {
        let (state, _) = engine.run(seed: 1, [.reply("[ack]"), .reply("hmm"), .reply("hmm")])
        #expect(state.node == "diagnose")
        #expect(state.visits["diagnose"] == 3)
        #expect(state.mood == -2)
        #expect(!state.isOver)
        // `visited(diagnose) > 2` is tried before the catch-all.
        let (escalated, events) = engine.step(state, .reply("hmm"))
        #expect(escalated.ending == EndingRecord(id: "escalated", kind: .escalated, note: "Escalated."))
        #expect(spokenLines(events) == ["Get me a manager."])
    }

    @Test func resolvingIssuesAndReachingAnEnding() throws {
        let (mid, midEvents) = engine.run(seed: 1, [.reply("[ack] [para:tuesday] [para:home]"), .reply("[action] [time]")])
        #expect(mid.resolvedIssues == ["down"])
        #expect(mid.patience == 6)
        #expect(mid.node == "wrapup")
        #expect(midEvents.contains(.issueResolved("down")))
        #expect(mid.lastCustomerLine == Lines.wrapup)

        let (end, events) = engine.step(mid, .reply("I'll fix the crackle [address:crackle]"))
        #expect(end.isOver)
        #expect(end.ending == EndingRecord(id: "fixed", kind: .resolved, note: "Both problems fixed."))
        #expect(end.resolvedIssues == ["down", "crackle"])
        #expect(end.flags == ["done"])
        #expect(end.node == "wrapup")
        #expect(spokenLines(events) == [Lines.fixed])
        #expect(events.last == .ended(EndingRecord(id: "fixed", kind: .resolved, note: "Both problems fixed.")))
        #expect(events.contains(.issueResolved("crackle")))
        #expect(end.lastCustomerLine == Lines.fixed)
    }

    @Test(arguments: [CallInput.reply("[ack]"), .reply(""), .hold, .transfer, .end, .abandon, .note("late note")])
    func aFinishedCallIgnoresFurtherInput(_ input: CallInput) {
        let (over, _) = engine.run(seed: 1, [.reply("[ack]"), .reply("[action] [time]"), .reply("[address:crackle]")])
        #expect(over.isOver)
        let (after, events) = engine.step(over, input)
        #expect(after == over)
        #expect(events.isEmpty)
    }

    @Test func noMatchStaysAtTheNodeAndCosts() {
        let (state, events) = engine.run(seed: 1, [.reply("hello there")])
        #expect(state.node == "open")
        #expect(state.visits == ["open": 1])
        #expect(state.mood == -2)
        #expect(state.patience == 4)
        #expect(state.turn == 1)
        #expect(state.moodPath == [-1, -2])
        #expect(events == [.moodChanged(from: -1, to: -2), .customerSays(reactionLine(.ignored), reaction: .ignored)])
        #expect(state.transcript.map(\.speaker) == [.customer, .agent, .customer])
        #expect(state.transcript.last?.reaction == .ignored)
        #expect(state.transcript[1].moodAfter == -2)
    }

    @Test func noMatchWithAnAnnoyanceSpeaksTheAnnoyanceOnly() {
        let (state, events) = makeEngine(persona: makePersona(knowledge: .low)).run(seed: 1, [.reply("the DNS [jargon]")])
        #expect(state.node == "open")
        #expect(state.mood == -3)
        #expect(state.patience == 3)
        #expect(spokenReactions(events) == [.jargon])
    }

    @Test func emptyReplyIsIgnoredAndCostsOnce() {
        let (state, events) = engine.run(seed: 1, [.reply("   ")])
        #expect(state.node == "open")
        #expect(state.mood == -2)
        #expect(state.patience == 4)
        #expect(spokenLines(events) == [reactionLine(.ignored)])
    }

    @Test func runningOutOfPatienceHangsUpWithTheScenarioEnding() {
        let engine = makeEngine(persona: makePersona(patience: 2))
        let (once, _) = engine.run(seed: 1, [.reply("hello")])
        #expect(!once.isOver)
        let (state, events) = engine.step(once, .reply("hello"))
        #expect(state.patience == 0)
        #expect(state.ending == EndingRecord(id: "gave_up", kind: .hungUp, note: "They gave up."))
        #expect(events == [.moodChanged(from: -2, to: -3), .customerSays(reactionLine(.hangUp), reaction: .hangUp),
                           .ended(EndingRecord(id: "gave_up", kind: .hungUp, note: "They gave up."))])
    }

    @Test func runningOutOfPatienceWithoutAScenarioEndingUsesTheBuiltInOne() throws {
        let engine = makeEngine(scenario: makeScenario(hungUpEnding: false), persona: makePersona(patience: 1))
        let (state, events) = engine.run(seed: 1, [.reply("calm down [calm]")])
        let ending = try #require(state.ending)
        #expect(ending.id == "hung_up")
        #expect(ending.kind == .hungUp)
        #expect(!ending.note.isEmpty)
        #expect(spokenReactions(events) == [.annoyed, .hangUp])
    }

    @Test func annoyanceThatEmptiesPatienceHangsUpEvenWhenABranchMatches() {
        let engine = makeEngine(scenario: makeHubScenario(), persona: makePersona(patience: 1))
        let (state, events) = engine.run(seed: 1, [.reply("[again:tuesday]")])
        #expect(state.ending?.kind == .hungUp)
        #expect(spokenLines(events) == [reactionLine(.repeated), reactionLine(.hangUp)])
    }

    @Test func holdIsToleratedOnceByAnAmiableCaller() {
        let (first, firstEvents) = engine.run(seed: 1, [.hold])
        #expect(first.holds == 1)
        #expect(first.mood == -1)
        #expect(first.patience == 5)
        #expect(first.turn == 0)
        #expect(first.node == "open")
        #expect(firstEvents == [.customerSays(reactionLine(.hold), reaction: .hold)])
        #expect(first.transcript.contains { $0.speaker == .system && $0.command == "hold" })

        let (second, secondEvents) = engine.step(first, .hold)
        #expect(second.holds == 2)
        #expect(second.mood == -2)
        #expect(second.patience == 4)
        #expect(secondEvents.first == .moodChanged(from: -1, to: -2))
    }

    @Test(arguments: [(Style.driver, [Dialogue.Trait]()), (.amiable, [.hold])])
    func holdCostsAtOnceForDriversAndThoseWhoHateIt(_ style: Style, _ annoyedBy: [Dialogue.Trait]) {
        let (state, _) = makeEngine(persona: makePersona(style: style, annoyedBy: annoyedBy)).run(seed: 1, [.hold])
        #expect(state.mood == -2)
        #expect(state.patience == 4)
    }

    @Test func holdCanMakeTheCustomerHangUp() {
        let (state, events) = makeEngine(persona: makePersona(style: .driver, patience: 1)).run(seed: 1, [.hold])
        #expect(state.ending?.id == "gave_up")
        #expect(spokenLines(events) == [reactionLine(.hold), reactionLine(.hangUp)])
    }

    @Test func transferEndsWithTheScenarioTransferredEnding() {
        let (state, events) = engine.run(seed: 1, [.reply("[ack]"), .transfer])
        #expect(state.ending == EndingRecord(id: "passed_on", kind: .transferred, note: "Passed to another team."))
        #expect(state.transcript.contains { $0.speaker == .system && $0.command == "transfer" })
        #expect(spokenReactions(events).last == .transfer)
        #expect(state.lastCustomerLine == reactionLine(.transfer))
    }

    @Test func transferWithoutAScenarioEndingUsesTheBuiltInOne() throws {
        let (state, _) = makeEngine(scenario: makeScenario(transferredEnding: false)).run(seed: 1, [.transfer])
        let ending = try #require(state.ending)
        #expect(ending.id == "transferred")
        #expect(ending.kind == .transferred)
        #expect(!ending.note.isEmpty)
    }

    @Test func endingTheCallSaysHowManyIssuesWereOpen() throws {
        let (one, events) = engine.run(seed: 1, [.end])
        let ending = try #require(one.ending)
        #expect(ending.kind == .endedByAgent)
        #expect(ending.id == "ended_by_agent")
        #expect(ending.note.contains("1 issue was still open"))
        #expect(spokenLines(events).isEmpty)
        #expect(events == [.ended(ending)])
        #expect(one.transcript.last?.command == "end")

        let (two, _) = engine.run(seed: 1, [.reply("[ack]"), .end])
        #expect(two.ending?.note.contains("2 issues were still open") == true)

        var resolved = engine.run(seed: 1, [.reply("[ack]"), .reply("[action] [time]")]).0
        resolved.resolvedIssues.append("crackle")
        let (none, _) = engine.step(resolved, .end)
        #expect(none.ending?.note.contains("every issue") == true)
        #expect(none.ending?.note.contains("still open") == false)
    }

    @Test func abandoningKeepsTheTranscript() {
        let (state, events) = engine.run(seed: 1, [.reply("[ack]"), .abandon])
        #expect(state.ending?.kind == .abandoned)
        #expect(state.transcript.contains { $0.speaker == .agent && $0.text == "[ack]" })
        #expect(state.transcript.last?.command == "quit")
        #expect(events.last.map { if case .ended = $0 { true } else { false } } == true)
    }

    @Test func notesAreStoredCleanAndChangeNothingElse() {
        let (start, _) = engine.start(seed: 1)
        let (state, events) = engine.step(start, .note("  prefers \u{1B}[1memail\u{1B}[0m\u{07}\tafter 5 "))
        #expect(state.notes == ["prefers email after 5"])
        #expect(state.transcript.last == TranscriptEntry(speaker: .system, text: "Note: prefers email after 5", node: "open",
                                                         turn: 0, command: "notes"))
        #expect(events.isEmpty)
        #expect(state.mood == start.mood && state.patience == start.patience && state.turn == start.turn)
        #expect(!state.isOver)

        let (unchanged, _) = engine.step(start, .note(" \u{1B}[0m \u{07} "))
        #expect(unchanged == start)
    }
}
