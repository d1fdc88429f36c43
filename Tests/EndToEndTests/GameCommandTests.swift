import Foundation
import Testing

@Suite struct GameCommandTests {
    @Test func theListNamesEveryGame() throws {
        let run = try CLI.run(["game", "list"])
        #expect(run.status == 0, "\(run.stderr)")
        for name in ["paraphrase-sprint", "spot-the-opening", "whos-calling", "next-step-builder", "positive-spin"] {
            #expect(run.stdout.contains(name))
        }
    }

    @Test(arguments: ["paraphrase-sprint", "spot-the-opening", "whos-calling", "next-step-builder", "positive-spin"])
    func aScriptedGameIsPlayedAndSaved(_ name: String) throws {
        let store = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: store) }
        let run = try CLI.run(["game", name, "--trainee", "Sam", "--rounds", "3", "--seed", "4", "--store", store.path],
                              lines: ["So since Tuesday, have I got that right?", "/skip", "I'll sort it by Friday and call you."])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("1 of 3") && run.stdout.contains("3 of 3"), "\(run.stdout)")
        #expect(run.stdout.contains("A model answer:"))
        #expect(run.stdout.contains("Leaderboard"))
        let files = try FileManager.default.contentsOfDirectory(atPath: store.appendingPathComponent("games").path)
        #expect(files.count == 1)
        let data = try Data(contentsOf: store.appendingPathComponent("games").appendingPathComponent(try #require(files.first)))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["game"] as? String == name)
        #expect(json["outcome"] as? String == "finished")
        let rounds = try #require(json["rounds"] as? [[String: Any]])
        #expect(rounds.count == 3)
        #expect(rounds[1]["skipped"] as? Bool == true)
        #expect(rounds[0]["answer"] as? String == "So since Tuesday, have I got that right?")
    }

    @Test func theEndOfInputSavesWhatWasPlayedAndAPersonalBestIsCalledOut() throws {
        let store = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: store) }
        let first = try CLI.run(["game", "positive-spin", "--trainee", "Ana", "--rounds", "4", "--seed", "1", "--store", store.path],
                                lines: ["We can sort that."])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("1 of 4 items played"), "\(first.stdout)")
        #expect(first.stdout.contains("this is your personal best to beat"))
        let second = try CLI.run(["game", "positive-spin", "--trainee", "Ana", "--rounds", "4", "--seed", "1", "--store", store.path],
                                 lines: ["As soon as you send it, I'll sort it today.", "I'll call you on Monday with the answer."])
        #expect(second.stdout.contains("A new personal best!") || second.stdout.contains("Your personal best:"), "\(second.stdout)")
        let board = try CLI.run(["game", "positive-spin", "--leaderboard", "--trainee", "Ana", "--store", store.path])
        #expect(board.status == 0)
        #expect(board.stdout.contains("1. Ana"), "\(board.stdout)")
        #expect(board.stdout.contains("Ana's personal best:"))
        let saved = try FileManager.default.contentsOfDirectory(atPath: store.appendingPathComponent("games").path)
        #expect(saved.count == 2)
    }

    @Test func mistakesAreExplained() throws {
        let unknown = try CLI.run(["game", "word-salad"])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("there is no game called \"word-salad\""), "\(unknown.stderr)")
        let rounds = try CLI.run(["game", "positive-spin", "--rounds", "0"])
        #expect(rounds.status != 0)
        #expect(rounds.stderr.contains("--rounds must be between 1 and 50"), "\(rounds.stderr)")
    }

    @Test func nothingAnsweredSavesNothing() throws {
        let store = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: store) }
        let run = try CLI.run(["game", "whos-calling", "--trainee", "Li", "--store", store.path], lines: ["/quit"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Nothing was answered, so nothing was saved."))
    }
}
