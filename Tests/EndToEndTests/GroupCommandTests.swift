import Foundation
import Testing

private func json(_ url: URL) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
}

private func files(_ folder: URL) -> [URL] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted().map { folder.appendingPathComponent($0) }
}

@Suite struct GroupCommandTests {
    @Test func aRoundRobinCallSavesEveryTraineesOwnCallAndTheSession() throws {
        let store = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: store) }
        let run = try CLI.run(["group", "--trainees", "Ana,Ben", "--scenario", "broadband-down", "--seed", "1", "--store", store.path], lines: [
            "I'm sorry. So since Tuesday and you work from home, have I got that right?", "ok",
            "I've booked an engineer for Thursday 8 to 12; you'll get a text and I'll call you at 4 to check.", "Calm down.",
            "/end",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Replies for this line"))
        #expect(run.stdout.contains("Dana hears Ana's reply."))
        #expect(run.stdout.contains("Leaderboard"))
        #expect(run.stdout.contains("1. Ana"), "\(run.stdout)")
        let groups = files(store.appendingPathComponent("groups"))
        #expect(groups.count == 1)
        let group = try json(try #require(groups.first))
        #expect(group["mode"] as? String == "round-robin")
        #expect((group["trainees"] as? [String]) == ["Ana", "Ben"])
        let turns = try #require(group["turns"] as? [[String: Any]])
        #expect(turns.count == 2)
        #expect((turns[0]["replies"] as? [[String: Any]])?.count == 2)
        let sessions = files(store.appendingPathComponent("sessions"))
        #expect(sessions.count == 2)
        for url in sessions {
            let record = try json(url)
            #expect(record["groupSession"] as? String == group["id"] as? String)
        }
        let ben = try json(try #require(sessions.first { $0.lastPathComponent.contains("-ben-") }))
        let texts = (ben["transcript"] as? [[String: Any]] ?? []).filter { $0["speaker"] as? String == "agent" }.compactMap { $0["text"] as? String }
        #expect(texts == ["ok", "Calm down."])
    }

    @Test func theTrainerPicksWhenAsked() throws {
        let store = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: store) }
        let run = try CLI.run(["group", "--trainees", "Ana,Ben", "--scenario", "broadband-down", "--pick", "trainer", "--seed", "1",
                               "--store", store.path],
                              lines: ["I'm sorry, so since Tuesday, right?", "What's the postcode?", "ben", "/quit"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Dana hears Ben's reply."), "\(run.stdout)")
        let group = try json(try #require(files(store.appendingPathComponent("groups")).first))
        #expect(group["pick"] as? String == "trainer")
        #expect((group["turns"] as? [[String: Any]])?.first?["heard"] as? String == "Ben")
        #expect((group["ending"] as? [String: Any])?["kind"] as? String == "abandoned")
    }

    @Test func hotSeatTakesTurnsDriving() throws {
        let store = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: store) }
        let run = try CLI.run(["group", "--trainees", "Ana,Ben", "--scenario", "broadband-down", "--mode", "hot-seat", "--seed", "1",
                               "--store", store.path],
                              lines: ["I'm sorry. So since Tuesday and you work from home, have I got that right?",
                                      "I've booked an engineer for Thursday 8 to 12.", "/end"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stdout.contains("Replies for this line"))
        let group = try json(try #require(files(store.appendingPathComponent("groups")).first))
        let heard = (group["turns"] as? [[String: Any]] ?? []).compactMap { $0["heard"] as? String }
        #expect(heard == ["Ana", "Ben"])
    }

    @Test(arguments: [
        (["--trainees", "Ana"], "a group is 2 to 6 trainees"),
        (["--trainees", "Ana,ana", "--scenario", "broadband-down"], "is named twice"),
        (["--trainees", "Ana,Ben"], "--scenario ID"),
        (["--trainees", "Ana,Ben", "--scenario", "nope"], "nope"),
        (["--trainees", "Ana,Ben", "--scenario", "broadband-down", "--mode", "relay"], "relay"),
    ])
    func mistakesAreExplained(_ arguments: [String], _ message: String) throws {
        let run = try CLI.run(["group"] + arguments)
        #expect(run.status != 0)
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }

    @Test func aCalibrationComparesRatingsAndIsSaved() throws {
        let store = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: store) }
        let run = try CLI.run(["calibrate", "--transcript", "Transcripts/charged-twice.call", "--trainees", "Ana,Ben", "--store", store.path],
                              lines: ["80", "70", "75", "85", "40", "90", "60", "95"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("How the ratings compare"))
        #expect(run.stdout.contains("Active listening  group 40-80, mean 60"), "\(run.stdout)")
        #expect(run.stdout.contains("Wide spread (range 40)"))
        let saved = files(store.appendingPathComponent("calibrations"))
        #expect(saved.count == 1)
        let record = try json(try #require(saved.first))
        #expect((record["ratings"] as? [[String: Any]])?.count == 2)
        #expect((record["skills"] as? [[String: Any]])?.first?["furthest"] as? String != nil)
    }

    @Test func aCalibrationOfARecordedCallAndABadRating() throws {
        let store = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: store) }
        let call = try CLI.run(["practice", "--scenario", "broadband-down", "--trainee", "Sam", "--seed", "1", "--store", store.path],
                               lines: ["So since Tuesday, have I got that right?", "/end"])
        #expect(call.status == 0)
        let id = try #require(files(store.appendingPathComponent("sessions")).first).deletingPathExtension().lastPathComponent
        let bad = try CLI.run(["calibrate", "--session", id, "--trainees", "Ana", "--store", store.path], lines: ["70", "lots"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("line 2 of the input: \"lots\" is not a rating"), "\(bad.stderr)")
        #expect(files(store.appendingPathComponent("calibrations")).isEmpty)
        let good = try CLI.run(["calibrate", "--session", id, "--trainees", "Ana", "--store", store.path], lines: ["70", "60", "20", "10"])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.contains("Agent (1): So since Tuesday"), "\(good.stdout)")
        let missing = try CLI.run(["calibrate", "--session", "nope", "--trainees", "Ana", "--store", store.path])
        #expect(missing.stderr.contains("there is no call nope"))
        let neither = try CLI.run(["calibrate", "--trainees", "Ana"])
        #expect(neither.stderr.contains("--session ID or --transcript FILE"))
    }
}
