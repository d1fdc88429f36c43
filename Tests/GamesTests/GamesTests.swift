import Dialogue
import Foundation
import Language
import Testing
@testable import Games

/// A small content library for the games: one scenario with facts, an opening and an account; one
/// without an opening; one persona.
enum GameFixtures {
    static let broadband = Scenario(
        id: "broadband", title: "Broadband down", summary: "", difficulty: .beginner, skills: Skill.allCases, persona: "p",
        account: [AccountField(label: "Package", value: "Fibre 150; weak wi-fi upstairs noted")],
        issues: [Issue(id: "down", summary: "Down")],
        facts: [Fact(id: "tuesday", text: "Down since Tuesday", cues: ["tuesday"]),
                Fact(id: "home", text: "Works from home", cues: ["work from home|working from home|home"])],
        openings: [Opening(id: "mesh", source: .record, cue: "Weak wi-fi upstairs: a mesh kit would fix it.", offer: ["mesh|booster"])],
        start: "a",
        nodes: [Node(id: "a", say: ["It's been down since Tuesday and I work from home."], facts: ["tuesday", "home"], key: true,
                     model: "So it's been down since Tuesday and you work from home, have I got that right?",
                     branches: [Branch(target: "done")])],
        endings: [Ending(id: "done", kind: .resolved, note: "")])

    static let plain = Scenario(
        id: "plain", title: "A question", summary: "", difficulty: .beginner, skills: Skill.allCases, persona: "p",
        issues: [Issue(id: "q", summary: "Question")], facts: [], start: "a",
        nodes: [Node(id: "a", say: ["What's my balance?"], branches: [Branch(target: "done")])],
        endings: [Ending(id: "done", kind: .resolved, note: "")])

    static var persona: Persona {
        var p = Persona(id: "p", name: "Pat", style: .analytical, temper: .calm, patience: 5, knowledge: .high, tier: .B)
        p.pleasedBy = [.specifics, .paraphrase]
        p.reactions = [.ignored: ["That doesn't answer my question."], .annoyed: ["I need the exact figure."], .pleased: ["Good. That's precise."]]
        return p
    }

    static let bank = ItemBank(scenarios: [broadband, plain], personas: [persona])
}

@Suite struct GameScoringTests {
    let scorer = GameScorer()

    func item(_ kind: GameKind, where match: (GameItem) -> Bool = { _ in true }) throws -> GameItem {
        let found = GameFixtures.bank.items(for: kind).first(where: match)
        return try #require(found)
    }

    @Test func aFullParaphraseWithACheckScoresHigh() throws {
        let i = try item(.paraphraseSprint)
        let good = scorer.score("So since Tuesday, and you work from home - have I got that right?", for: i)
        #expect(good.points == 100, "\(good)")
        #expect(good.earned.contains { $0.contains("Tuesday") })
        let half = scorer.score("So it's been down since Tuesday?", for: i)
        #expect(half.points == 40, "\(half)")
        #expect(half.missed.contains { $0.contains("check") })
        #expect(scorer.score("I understand your problem.", for: i).points == 0)
    }

    @Test func theOpeningIsNamedOrRightlyDenied() throws {
        let yes = try item(.spotTheOpening) { $0.source == "scenario broadband" }
        #expect(scorer.score("Offer a mesh kit for upstairs", for: yes).points == 100)
        #expect(scorer.score("A cheaper tariff", for: yes).points == 30)
        #expect(scorer.score("none", for: yes).points == 0)
        let no = try item(.spotTheOpening) { $0.source == "scenario plain" }
        #expect(scorer.score("None", for: no).points == 100)
        #expect(scorer.score("Sell them a mesh kit", for: no).points == 20)
    }

    @Test func theStyleAndTheAdaptationEachCount() throws {
        let i = try item(.whosCalling)
        #expect(scorer.score("Analytical: give exact times and reference numbers", for: i).points == 80)
        #expect(scorer.score("analytical - sum up the details and be precise", for: i).points == 100)
        #expect(scorer.score("A driver; keep it short", for: i).points == 0)
        #expect(scorer.score("Analytical", for: i).points == 60)
    }

    @Test func nextStepsEarnTwentyAPart() throws {
        let i = try item(.nextStepBuilder)
        #expect(scorer.score(i.model, for: i).points >= 80)
        #expect(scorer.score("I'll sort it.", for: i).points == 20)
        #expect(scorer.score("Okay.", for: i).points == 0)
    }

    @Test func aPositiveRewriteBeatsANegativeOne() throws {
        let i = try item(.positiveSpin) { $0.prompt.first?.contains("receipt") == true }
        let good = scorer.score("As soon as you send the receipt, I'll process your refund.", for: i)
        #expect(good.points == 100, "\(good)")
        let still = scorer.score("Unless you send the receipt we can't do the refund.", for: i)
        #expect(still.points <= 30)
        #expect(still.missed.contains { $0.contains("still negative") })
    }

    @Test func everyBuiltInModelAnswerScoresWell() {
        for kind in [GameKind.nextStepBuilder, .positiveSpin] {
            for i in GameFixtures.bank.items(for: kind) {
                let r = scorer.score(i.model, for: i)
                #expect(r.points >= 70, "\(kind.rawValue): \(i.model) scored \(r.points): \(r.missed)")
            }
        }
    }

    @Test func anEmptyAnswerScoresNothing() throws {
        #expect(scorer.score("   ", for: try item(.positiveSpin)).points == 0)
    }
}

@Suite struct GameSessionTests {
    @Test func theSameSeedDrawsTheSameItems() {
        let a = GameFixtures.bank.draw(.positiveSpin, rounds: 5, seed: 7)
        let b = GameFixtures.bank.draw(.positiveSpin, rounds: 5, seed: 7)
        let c = GameFixtures.bank.draw(.positiveSpin, rounds: 5, seed: 8)
        #expect(a == b)
        #expect(a.count == 5 && Set(a.map(\.model)).count == 5)
        #expect(a != c)
        #expect(GameFixtures.bank.draw(.whosCalling, rounds: 5, seed: 1).count == 1)
    }

    @Test func streaksCountGoodAnswersInARow() {
        let items = GameFixtures.bank.draw(.nextStepBuilder, rounds: 4, seed: 1)
        var game = GameSession(kind: .nextStepBuilder, items: items, seed: 1, startedAt: Date(timeIntervalSince1970: 0))
        let t = Date(timeIntervalSince1970: 1)
        game.answer(items[0].model, at: t)
        game.answer(items[1].model, at: t)
        #expect(game.streak == 2)
        game.skip(at: t)
        #expect(game.streak == 0)
        game.answer(items[3].model, at: t)
        #expect(game.bestStreak == 2)
        #expect(game.isOver && !game.timedOut && !game.stopped)
        #expect(game.rounds.map(\.skipped) == [false, false, true, false])
    }

    @Test func theTimeLimitEndsTheGameAfterTheAnswerInHand() {
        let items = GameFixtures.bank.draw(.positiveSpin, rounds: 3, seed: 1)
        let start = Date(timeIntervalSince1970: 1000)
        var game = GameSession(kind: .positiveSpin, items: items, seed: 1, startedAt: start, timeLimit: 60)
        game.answer("Okay", at: start.addingTimeInterval(30))
        #expect(game.secondsLeft(at: start.addingTimeInterval(30)) == 30)
        #expect(!game.isOver)
        game.answer("As soon as you send it I'll sort it.", at: start.addingTimeInterval(61))
        #expect(game.rounds.count == 2)
        #expect(game.timedOut && game.isOver)
    }

    @Test func stoppingKeepsWhatWasPlayed() {
        let items = GameFixtures.bank.draw(.positiveSpin, rounds: 3, seed: 1)
        var game = GameSession(kind: .positiveSpin, items: items, seed: 1, startedAt: Date())
        game.answer("We can help.", at: Date())
        game.stop()
        #expect(game.isOver && game.stopped && game.rounds.count == 1)
    }
}
