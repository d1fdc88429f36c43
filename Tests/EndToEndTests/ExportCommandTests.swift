import Foundation
import Testing

/// A store with two calls: Sam's finished broadband call and Kim's abandoned one.
private func storeWithTwoCalls() throws -> URL {
    let store = try temporaryStore()
    let sam = try CLI.run(["practice", "--scenario", "broadband-down", "--trainee", "Sam Jones", "--seed", "3", "--store", store.path],
                          lines: ["I'm sorry, three calls in a week is awful. So it's been down since Tuesday - have I got that right?",
                                  "I'll book an engineer for Friday between 8 and 1 and call you at 4.", "/end"])
    let kim = try CLI.run(["practice", "--scenario", "passed-around", "--trainee", "Kim", "--seed", "1", "--store", store.path],
                          lines: ["Hello, thanks for calling."])
    #expect(sam.status == 0 && kim.status == 0, "stderr: \(sam.stderr) \(kim.stderr)")
    return store
}

private func statements(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String: Any]] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]], sourceLocation: sourceLocation)
}

private func verbs(_ statements: [[String: Any]]) -> [String] {
    statements.compactMap { (($0["verb"] as? [String: Any])?["display"] as? [String: String])?["en"] }
}

/// Blank LRS settings, so the test runner's own environment cannot change what is tested.
private let noLRSSettings = ["CALLDOJO_LRS_URL": "", "CALLDOJO_LRS_USER": "", "CALLDOJO_LRS_PASSWORD": "", "CALLDOJO_XAPI_HOMEPAGE": ""]

@Suite(.serialized) struct ExportCommandTests {
    @Test func exportsEveryCallAsStatementsOnStandardOutput() throws {
        let store = try storeWithTwoCalls()
        let result = try CLI.run(["export", "xapi", "--store", store.path, "--home-page", "https://training.example.org"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let all = try statements(result.stdout)
        // Calls come oldest first; these two may start in the same second, so look at each trainee's.
        func account(_ s: [String: Any]) -> [String: String]? { (s["actor"] as? [String: Any])?["account"] as? [String: String] }
        let sam = all.filter { account($0)?["name"] == "sam-jones" }
        let kim = all.filter { account($0)?["name"] == "kim" }
        #expect(sam.count + kim.count == all.count)
        let v = verbs(sam)
        try #require(v.count == 4, "verbs: \(v)")
        #expect(Array(v[0..<3]) == ["responded", "responded", "completed"])
        #expect(["passed", "failed"].contains(v[3]))
        #expect(verbs(kim) == ["responded", "terminated"])
        let registrations = Set(all.compactMap { ($0["context"] as? [String: Any])?["registration"] as? String })
        #expect(registrations.count == 2)
        #expect(account(try #require(sam.first)) == ["homePage": "https://training.example.org", "name": "sam-jones"])
        let activity = try #require(sam.first?["object"] as? [String: Any])
        #expect(activity["id"] as? String == "https://training.example.org/scenarios/broadband-down")
        let definition = try #require(activity["definition"] as? [String: Any])
        #expect((definition["description"] as? [String: String])?["en"]?.isEmpty == false, "the scenario's summary from the content")
    }

    @Test func exportingTwiceGivesTheSameFile() throws {
        let store = try storeWithTwoCalls()
        let a = store.appendingPathComponent("a.json"), b = store.appendingPathComponent("b.json")
        let first = try CLI.run(["export", "xapi", "--store", store.path, "--output", a.path])
        let second = try CLI.run(["export", "xapi", "--store", store.path, "--output", b.path])
        #expect(first.status == 0 && second.status == 0)
        #expect(first.stdout.isEmpty, "the statements go to the file")
        #expect(try Data(contentsOf: a) == Data(contentsOf: b))
        #expect(try statements(String(decoding: Data(contentsOf: a), as: UTF8.self)).count == 6)
    }

    @Test func theHomePageComesFromTheEnvironment() throws {
        let store = try storeWithTwoCalls()
        let result = try CLI.run(["export", "xapi", "--store", store.path, "--trainee", "Kim"], environment: ["CALLDOJO_XAPI_HOMEPAGE": "https://lms.example.com"])
        let all = try statements(result.stdout)
        #expect(verbs(all) == ["responded", "terminated"])
        #expect(all.allSatisfy { (($0["actor"] as? [String: Any])?["account"] as? [String: String])?["homePage"] == "https://lms.example.com" })
    }

    @Test func sinceAndTraineeNarrowTheCalls() throws {
        let store = try storeWithTwoCalls()
        let future = try CLI.run(["export", "xapi", "--store", store.path, "--since", "2999-01-01"])
        #expect(future.status == 0)
        #expect(try statements(future.stdout).isEmpty)
        let past = try CLI.run(["export", "xapi", "--store", store.path, "--since", "2000-01-01T00:00:00Z", "--trainee", "sam jones"])
        #expect(verbs(try statements(past.stdout)).first == "responded")
        #expect(try statements(past.stdout).count == 4)
    }

    @Test(arguments: [
        (["--since", "last week"], "--since takes a date"),
        (["--home-page", "calldojo"], "the home page must be a web address"),
        (["--lrs", "ftp://lrs"], "the LRS address must be an http or https URL"),
        (["--pass-mark", "120"], "--pass-mark must be between 0 and 100"),
        (["--lrs", "http://127.0.0.1:9/xAPI", "--user", "trainer"], "give the LRS password"),
    ])
    func badOptionsAreExplained(_ options: [String], _ message: String) throws {
        let store = try temporaryStore()
        let result = try CLI.run(["export", "xapi", "--store", store.path] + options, environment: noLRSSettings)
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "stderr: \(result.stderr)")
    }

    @Test func anUnreachableLRSFailsAndMarksNothingSent() throws {
        let store = try storeWithTwoCalls()
        // Port 9 (discard) on loopback: nothing listens there.
        let result = try CLI.run(["export", "xapi", "--store", store.path, "--lrs", "http://127.0.0.1:9/xAPI", "--user", "u", "--password", "p"],
                                 environment: noLRSSettings)
        #expect(result.status == 1)
        #expect(result.stdout.contains("Sending 6 of 6 statements"))
        #expect(result.stderr.contains("not every statement reached the LRS"))
        #expect(!FileManager.default.fileExists(atPath: store.appendingPathComponent("xapi-sent.json").path))
    }
}
