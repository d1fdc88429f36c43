import Dialogue
import Foundation
import Progress
import Reports
import Scoring
import Testing

struct HistoryTests {
    @Test func callsAreListedNewestFirstAcrossTrainees() throws {
        let a = try profile("Ana", daily([50, 60]))
        let b = try profile("Ben", [Call([90, 80, 70, 60], at: utc(2026, 3, 1, 12))])
        let rows = History.rows([a, b], scenarioTitles: ["broadband-down": "Broadband down"])
        #expect(rows.map(\.sessionID) == ["s1-ana", "s0-ben", "s0-ana"])
        let text = History.render(rows, showTrainee: true, width: 120, zone: utcZone)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("Session id"))
        let cells = lines.map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        #expect(cells[1].prefix(4) == ["s1-ana", "2026-03-02", "09:00", "Ana"])
        #expect(cells[2] == ["s0-ben", "2026-03-01", "12:00", "Ben", "75", "90", "80", "70", "60", "resolved", "Broadband", "down"])
        // The overall column is right-aligned under its heading.
        #expect(lines[0].range(of: "Overall")?.upperBound.utf16Offset(in: lines[0]) == lines[2].range(of: "75")?.upperBound.utf16Offset(in: lines[2]))
    }

    @Test func noCallsSaysSo() {
        #expect(History.render([], showTrainee: true) == "No calls recorded yet.\n")
    }
}

struct ReplayTests {
    static let scenario = Scenario(
        id: "broadband-down", title: "Broadband <down>", summary: "Down since Monday.",
        difficulty: .beginner, skills: [.activeListening], persona: "maya",
        issues: [Issue(id: "outage", summary: "No broadband"), Issue(id: "bill", summary: "A credit")],
        facts: [], start: "open",
        nodes: [Node(id: "open", say: ["It's down."], branches: [Branch(target: "fixed")])],
        endings: [Ending(id: "fixed", kind: .callback, say: ["Fine."], note: "You owned the callback.")]
    )
    static let persona = Persona(id: "maya", name: "Maya", style: .driver, temper: .irritated, patience: 3, knowledge: .medium, tier: .B)

    func record() throws -> SessionRecord {
        var state = CallState(scenario: "broadband-down", persona: "maya", seed: 7, node: "open", mood: -2, patience: 3, raisedIssues: ["outage", "bill"])
        state.transcript = [
            TranscriptEntry(speaker: .customer, text: "It's down.", node: "open", turn: 0),
            TranscriptEntry(speaker: .agent, text: "I'm so sorry, I'll book an engineer.", node: "open", turn: 1, moodAfter: 0),
            TranscriptEntry(speaker: .customer, text: "When?", node: "open", turn: 1),
            TranscriptEntry(speaker: .agent, text: "Calm down.", node: "open", turn: 2, moodAfter: -3),
            TranscriptEntry(speaker: .customer, text: "Fine.", node: "open", turn: 2),
        ]
        state.moodPath = [-2, 0, -3]
        state.resolvedIssues = ["outage"]
        state.notes = ["prefers <email>"]
        state.ending = EndingRecord(id: "fixed", kind: .callback, note: "You owned the callback.")
        let score = CallScore(
            skills: [
                SkillScore(skill: .activeListening, score: 55, evidence: [
                    ScoreEvidence(turn: 1, words: "I'm so sorry", effect: .earned, reason: "You acknowledged the customer.", points: 10),
                    ScoreEvidence(turn: 2, words: "Calm down", effect: .lost, reason: "Telling a customer to calm down inflames them.", points: -15),
                ], tip: "t"),
                SkillScore(skill: .forwardResolution, score: 40, evidence: [
                    ScoreEvidence(turn: 0, words: "", effect: .lost, reason: "An issue was left open: A credit.", points: -20),
                ], tip: "t"),
            ],
            overall: 48, ending: state.ending, issuesRaised: ["outage", "bill"], issuesResolved: ["outage"], modelReplies: [])
        return SessionRecord(id: "20260301-090000-sam-0001", trainee: try TraineeName("Sam"), scenario: ReplayTests.scenario,
                             persona: ReplayTests.persona, mode: .coached, seed: 7, startedAt: utc(2026, 3, 1, 9),
                             endedAt: utc(2026, 3, 1, 9, 4), state: state, score: score)
    }

    @Test func eachReplyShowsItsPointsAndTheMoodAfterIt() throws {
        let lines = Replay.lines(for: try record(), zone: utcZone).map { $0.indent + $0.text }
        let text = lines.joined(separator: "\n")
        #expect(lines.first == "Call 20260301-090000-sam-0001: Broadband <down>")
        #expect(text.contains("Sam, coached, 2026-03-01 09:00, 4 min. Customer: Maya (maya)."))
        #expect(text.contains("Mood at the start: -2 (annoyed)"))
        let turn1 = try #require(lines.firstIndex(of: "Turn 1, Sam: I'm so sorry, I'll book an engineer."))
        #expect(lines[turn1 + 1] == "    +10 Active listening \"I'm so sorry\": You acknowledged the customer.")
        #expect(lines[turn1 + 2] == "    mood after: 0 (neutral) (up 2)")
        #expect(lines[turn1 + 3] == "Maya: When?")
        let turn2 = try #require(lines.firstIndex(of: "Turn 2, Sam: Calm down."))
        #expect(lines[turn2 + 1] == "    -15 Active listening \"Calm down\": Telling a customer to calm down inflames them.")
        #expect(lines[turn2 + 2] == "    mood after: -3 (very unhappy) (down 3)")
        #expect(text.contains("How it ended: callback owned. You owned the callback."))
        #expect(text.contains("Issues resolved: 1 of 2; still open: bill."))
        let whole = try #require(lines.firstIndex(of: "Across the whole call:"))
        #expect(lines[whole + 1] == "    -20 Forward resolution: An issue was left open: A credit.")
        #expect(text.contains("Overall: 48/100"))
        #expect(text.contains("- prefers <email>"))
    }

    @Test func closeIdsAreSuggested() {
        let ids = ["20260301-090000-sam-0001", "20260301-100000-sam-0002", "20260302-090000-ana-00ff"]
        #expect(Replay.suggestions(for: "20260301-090000-sam-0010", among: ids) == ["20260301-090000-sam-0001", "20260301-100000-sam-0002"])
        #expect(Replay.suggestions(for: "ana", among: ids) == ["20260302-090000-ana-00ff"])
        #expect(Replay.suggestions(for: "nothing-like-it-at-all", among: ids).isEmpty)
    }
}
