import Foundation
import Testing

/// Two scripted calls by two trainees in a fresh store, for the report, history and replay commands.
private func storeWithTwoCalls() throws -> URL {
    let store = try temporaryStore()
    let sam = try CLI.run(["practice", "--scenario", "broadband-down", "--trainee", "Sam Jones", "--seed", "3", "--store", store.path], lines: [
        "I'm really sorry, three calls in a week is awful. So it's been down since Tuesday, you work from home and you've already restarted the router twice - have I got that right?",
        "I can see this morning's line test failed, so there's a fault between the cabinet and your house. I'll book an engineer for Friday between 8 and 1, you'll get a text confirming it, and I'll call you at 4 on Friday to check it's working.",
        "/end",
    ])
    #expect(sam.status == 0, "stderr: \(sam.stderr)")
    // Records keep times to the second: start Ana's call in a later second than Sam's, so "newest
    // first" has one right answer.
    let now = Date().timeIntervalSince1970
    Thread.sleep(forTimeInterval: now.rounded(.down) + 1.05 - now)
    let ana = try CLI.run(["practice", "--scenario", "passed-around", "--trainee", "Ana O'Neil", "--seed", "42", "--coach", "--store", store.path],
                          lines: ["Calm down, it's policy.", "/end"])
    #expect(ana.status == 0, "stderr: \(ana.stderr)")
    return store
}

private func sessionIDs(_ store: URL) -> [String] {
    sessionFiles(in: store).map { $0.deletingPathExtension().lastPathComponent }
}

@Suite(.serialized) struct ReportCommandTests {
    @Test func everyFormatReportsBothCalls() throws {
        let store = try storeWithTwoCalls()
        defer { try? FileManager.default.removeItem(at: store) }
        let env = ["TZ": "UTC", "COLUMNS": "100"]

        let table = try CLI.run(["report", "--store", store.path], environment: env)
        #expect(table.status == 0, "stderr: \(table.stderr)")
        #expect(table.stdout.contains("Report: All trainees. 2 trainees, 2 calls."))
        #expect(table.stdout.contains("== Sam Jones =="))
        #expect(table.stdout.contains("== Ana O'Neil =="))
        #expect(table.stdout.contains("Broadband down since Tuesday"), "scenario titles come from the installed content")
        #expect(table.stdout.contains("ended by you"))

        let csv = try CLI.run(["report", "--store", store.path, "--format", "csv"], environment: env)
        #expect(csv.status == 0)
        let rows = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == 3)
        #expect(rows[0].hasPrefix("\u{FEFF}session_id,trainee,started_utc,scenario,scenario_title,persona,mode,ending,duration_seconds,overall,"))
        #expect(rows.contains { $0.contains(",Ana O'Neil,") && $0.contains(",passed-around,") && $0.contains(",coached,ended_by_agent,") })
        for id in sessionIDs(store) { #expect(csv.stdout.contains(id + ",")) }

        let json = try CLI.run(["report", "--store", store.path, "--format", "json"], environment: env)
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let trainees = try #require(object["trainees"] as? [[String: Any]])
        #expect(trainees.compactMap { $0["name"] as? String } == ["Ana O'Neil", "Sam Jones"])
        #expect(trainees.allSatisfy { $0["sessions"] as? Int == 1 })
        #expect(object["passMark"] as? Int == 70)

        let out = store.appendingPathComponent("report.html")
        let html = try CLI.run(["report", "--store", store.path, "--format", "html", "--output", out.path], environment: env)
        #expect(html.status == 0, "stderr: \(html.stderr)")
        #expect(html.stdout.contains("Wrote \(out.path): 2 trainees, 2 calls."))
        let page = try String(contentsOf: out, encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("Ana O&#39;Neil"))
        #expect(page.contains("<svg"))
        #expect(!page.contains("http://") && !page.contains("https://"))
    }

    @Test func filtersAndThePassMark() throws {
        let store = try storeWithTwoCalls()
        defer { try? FileManager.default.removeItem(at: store) }
        let one = try CLI.run(["report", "--store", store.path, "--trainee", "sam jones", "--format", "json"])
        #expect(one.status == 0, "stderr: \(one.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])
        #expect((object["trainees"] as? [[String: Any]])?.count == 1)
        #expect(object["title"] as? String == "Sam Jones")

        let coached = try CLI.run(["report", "--store", store.path, "--mode", "coached", "--format", "csv"])
        #expect(coached.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 2)

        let future = try CLI.run(["report", "--store", store.path, "--since", "2999-01-01", "--format", "csv"])
        #expect(future.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 1, "only the header")

        let lenient = try CLI.run(["report", "--store", store.path, "--pass-mark", "0", "--format", "csv"])
        #expect(lenient.stdout.components(separatedBy: "\r\n").filter { $0.hasSuffix(",yes") }.count == 2)

        try Data(#"{"schemaVersion": 1, "passMark": 0}"#.utf8).write(to: store.appendingPathComponent("settings.json"))
        let fromSettings = try CLI.run(["report", "--store", store.path, "--format", "json"])
        let settingsObject = try #require(try JSONSerialization.jsonObject(with: Data(fromSettings.stdout.utf8)) as? [String: Any])
        #expect(settingsObject["passMark"] as? Int == 0)
    }

    @Test func aCohortReportsItsMembersWithTheirGoals() throws {
        let store = try storeWithTwoCalls()
        defer { try? FileManager.default.removeItem(at: store) }
        let add = try CLI.run(["cohort", "add", "March intake", "Sam Jones", "Lee New", "--store", store.path])
        #expect(add.status == 0, "stderr: \(add.stderr)")
        let goal = try CLI.run(["goal", "set", "--trainee", "Sam Jones", "--skill", "paraphrasing", "--target", "90",
                                "--by", "2999-01-01", "--note", "Play back <every> fact", "--store", store.path])
        #expect(goal.status == 0, "stderr: \(goal.stderr)")

        let table = try CLI.run(["report", "--store", store.path, "--cohort", "march INTAKE"], environment: ["COLUMNS": "100"])
        #expect(table.status == 0, "stderr: \(table.stderr)")
        #expect(table.stdout.contains("Report: March intake. 2 trainees, 1 call."))
        #expect(table.stdout.contains("== Sam Jones =="))
        #expect(table.stdout.contains("== Lee New =="), "a member with no calls is listed")
        #expect(!table.stdout.contains("Ana O'Neil"))
        #expect(table.stdout.contains("Paraphrasing 90 by 2999-01-01"))
        #expect(table.stdout.contains("Play back <every>"), "the table is plain text: nothing to escape")

        let json = try CLI.run(["report", "--store", store.path, "--cohort", "March intake", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["cohort"] as? String == "March intake")
        let sam = try #require((object["trainees"] as? [[String: Any]])?.first { $0["name"] as? String == "Sam Jones" })
        let goals = try #require(sam["goals"] as? [[String: Any]])
        #expect(goals.first?["status"] as? String == "open")
        #expect(goals.first?["target"] as? Int == 90)

        let html = try CLI.run(["report", "--store", store.path, "--cohort", "March intake", "--format", "html"])
        #expect(html.stdout.contains("Play back &lt;every&gt; fact"))

        let unknown = try CLI.run(["report", "--store", store.path, "--cohort", "March intak"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("there is no cohort called March intak. Did you mean March intake?"), "stderr: \(unknown.stderr)")
    }

    struct BadArguments: Sendable, CustomStringConvertible {
        var arguments: [String]
        var message: String
        var description: String { arguments.joined(separator: " ") }
    }

    @Test(arguments: [
        BadArguments(arguments: ["--trainee", "Sam Jonse"], message: "there are no calls recorded for Sam Jonse. Did you mean Sam Jones?"),
        BadArguments(arguments: ["--since", "last week"], message: "--since last week is not a date"),
        BadArguments(arguments: ["--pass-mark", "101"], message: "--pass-mark must be between 0 and 100"),
        BadArguments(arguments: ["--format", "pdf"], message: "pdf"),
    ])
    func mistakesAreExplained(_ bad: BadArguments) throws {
        let store = try storeWithTwoCalls()
        defer { try? FileManager.default.removeItem(at: store) }
        let result = try CLI.run(["report", "--store", store.path] + bad.arguments)
        #expect(result.status != 0)
        #expect(result.stderr.contains(bad.message), "stderr: \(result.stderr)")
    }

    @Test func aDamagedProfileIsNamedKeptAndRebuiltFromTheCalls() throws {
        let store = try storeWithTwoCalls()
        defer { try? FileManager.default.removeItem(at: store) }
        let damaged = store.appendingPathComponent("trainees/sam-jones.json")
        try Data("{ not json".utf8).write(to: damaged)
        let result = try CLI.run(["report", "--store", store.path, "--format", "csv"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("sam-jones.json"), "stderr: \(result.stderr)")
        #expect(result.stdout.contains("Ana O'Neil"))
        // Sam's profile is rebuilt from his calls, so he is still in the report; the damaged file is kept.
        #expect(result.stdout.contains("Sam Jones"))
        let kept = try FileManager.default.contentsOfDirectory(atPath: store.appendingPathComponent("trainees").path)
        #expect(kept.contains { $0.hasPrefix("sam-jones.json.damaged-") }, "\(kept)")
    }

    @Test func historyListsCallsNewestFirstWithTheirIds() throws {
        let store = try storeWithTwoCalls()
        defer { try? FileManager.default.removeItem(at: store) }
        let all = try CLI.run(["history", "--store", store.path], environment: ["COLUMNS": "200"])
        #expect(all.status == 0, "stderr: \(all.stderr)")
        let lines = all.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("Session id"))
        #expect(lines[1].contains("Ana O'Neil"), "Ana's call was the later one")
        #expect(lines[2].contains("Sam Jones"))
        for id in sessionIDs(store) { #expect(all.stdout.contains(id)) }

        let sam = try CLI.run(["history", "--store", store.path, "--trainee", "Sam Jones"], environment: ["COLUMNS": "200"])
        #expect(sam.stdout.split(separator: "\n").count == 2)
        #expect(!sam.stdout.contains("Ana"))
    }

    @Test func replayShowsTheCallTurnByTurn() throws {
        let store = try storeWithTwoCalls()
        defer { try? FileManager.default.removeItem(at: store) }
        let id = try #require(sessionIDs(store).first { $0.contains("sam-jones") })
        let result = try CLI.run(["replay", id, "--store", store.path], environment: ["COLUMNS": "200"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("Call \(id): Broadband down since Tuesday"))
        #expect(result.stdout.contains("Turn 1, Sam Jones: I'm really sorry"))
        #expect(result.stdout.contains("heard: acknowledges"))
        #expect(result.stdout.contains("\"I'm really sorry\""))
        #expect(result.stdout.contains("mood after:"))
        #expect(result.stdout.contains("Active listening"))
        #expect(result.stdout.contains("How it ended: ended by you."))
        #expect(result.stdout.contains("Overall: "))
    }

    @Test func anUnknownIdSuggestsCloseOnes() throws {
        let store = try storeWithTwoCalls()
        defer { try? FileManager.default.removeItem(at: store) }
        let id = try #require(sessionIDs(store).first { $0.contains("sam-jones") })
        let typo = String(id.dropLast()) + (id.hasSuffix("0") ? "1" : "0")
        let result = try CLI.run(["replay", typo, "--store", store.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("there is no call \(typo)"))
        #expect(result.stderr.contains("Did you mean \(id)"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("calldojo history"))
    }
}
