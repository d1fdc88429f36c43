import Foundation
import Testing

/// Replies a skilled agent might give on the broadband call (seed 3).
private let broadbandReplies = [
    "I'm really sorry, three calls in a week is awful. So it's been down since Tuesday, you work from home and you've already restarted the router twice - have I got that right?",
    "I can see this morning's line test failed, so there's a fault between the cabinet and your house. I'll book an engineer for Friday between 8 and 1, you'll get a text confirming it, and I'll call you at 4 on Friday to check it's working.",
    "/end",
]

private let skillTitles = [
    "active_listening": "Active listening", "paraphrasing": "Paraphrasing",
    "next_steps": "Next-step explanation", "forward_resolution": "Forward resolution",
]
private let skillOrder = ["active_listening", "paraphrasing", "next_steps", "forward_resolution"]

private func profile(_ store: URL, _ key: String) throws -> [String: Any] {
    try jsonObject(store.appendingPathComponent("trainees/\(key).json"))
}

private func writeConfig(_ text: String, in store: URL) throws {
    try Data(text.utf8).write(to: store.appendingPathComponent("assessment.json"))
}

/// The scenario id in "Next: a call, coached: "Title" (ID, difficulty)", however the line is wrapped.
private func chosenScenario(_ output: String) -> String? {
    let flat = output.replacingOccurrences(of: "\n", with: " ")
    guard let next = flat.range(of: "Next: a call, coached: ") else { return nil }
    let rest = flat[next.upperBound...]
    guard let open = rest.range(of: "\" ("), let comma = rest[open.upperBound...].firstIndex(of: ",") else { return nil }
    return String(rest[open.upperBound..<comma])
}

private extension CLI.Result {
    /// Standard output with its lines joined and every run of spaces made one, so checks do not depend
    /// on where the text was wrapped or indented.
    var flat: String { stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ") }
}

private func records(in store: URL) throws -> [[String: Any]] {
    try sessionFiles(in: store).map(jsonObject)
}

@Suite(.serialized) struct RefreshCommandTests {
    @Test func aNewTraineeGetsActiveListeningOnABeginnerCallAndDryRunStartsNothing() throws {
        let store = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: store) }
        let result = try CLI.run(["refresh", "--trainee", "Nia Brown", "--dry-run", "--store", store.path], lines: ["this line must not be read"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.flat.contains("Refresher for Nia Brown: Active listening"))
        #expect(result.flat.contains("This is your first call, so it starts with the basics: active listening"))
        #expect(result.flat.contains("'email-locked-out' is a beginner call that works on it."))
        #expect(result.flat.contains("Next: a call, coached: \"Locked out of the email his daughter set up\" (email-locked-out, beginner)"))
        #expect(result.flat.contains("Not started (--dry-run). To start it: calldojo refresh --trainee \"Nia Brown\""))
        #expect(result.flat.contains("A two-minute game on the same skill: calldojo game whos-calling --trainee \"Nia Brown\""), "\(result.flat)")
        #expect(!result.flat.contains("Arthur:"), "no call was started")
        #expect(sessionFiles(in: store).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: store.appendingPathComponent("trainees/nia-brown.json").path))
        #expect(!FileManager.default.fileExists(atPath: store.appendingPathComponent("settings.json").path), "a dry run changes nothing")
    }

    @Test func aNewTraineesRefresherRunsACoachedCallThenShowsGoals() throws {
        let store = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: store) }
        let result = try CLI.run(["refresh", "--trainee", "Nia Brown", "--seed", "5", "--store", store.path],
                                 lines: ["/hint", "Oh dear, that sounds worrying. What happens when you try to open your email?", "/end"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.flat.contains("This is your first call"))
        #expect(result.flat.contains("Arthur:"), "the call ran")
        #expect(result.flat.contains("Hint: "), "coached: /hint works")
        #expect(result.flat.contains("Debrief: Locked out of the email his daughter set up"))
        #expect(result.flat.contains("You have no goals yet."))
        #expect(result.flat.contains("calldojo goal set --trainee \"Nia Brown\" --skill "))
        let saved = try records(in: store)
        #expect(saved.count == 1)
        #expect(saved.first?["mode"] as? String == "coached")
        #expect(saved.first?["scenario"] as? String == "email-locked-out")
        #expect(saved.first?["seed"] as? Int == 5)
        #expect(saved.first?["assessment"] == nil)
    }

    @Test func afterSomeCallsItPicksTheWeakestSkillAndACallNotYetPractised() throws {
        let store = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: store) }
        let first = try CLI.run(["practice", "--scenario", "broadband-down", "--trainee", "Ana", "--seed", "3", "--store", store.path], lines: broadbandReplies)
        #expect(first.status == 0, "stderr: \(first.stderr)")
        let second = try CLI.run(["practice", "--scenario", "passed-around", "--trainee", "Ana", "--seed", "42", "--store", store.path],
                                 lines: ["I'm sorry you've been passed around. What happened when you called?", "/end"])
        #expect(second.status == 0, "stderr: \(second.stderr)")
        let goal = try CLI.run(["goal", "set", "--trainee", "Ana", "--skill", "paraphrasing", "--target", "80", "--by", "2099-01-31", "--store", store.path])
        #expect(goal.status == 0, "stderr: \(goal.stderr)")

        // The weakest skill by the documented rule: the latest call counts 5, the one before it 4.
        let sessions = try #require(try profile(store, "ana")["sessions"] as? [[String: Any]])
        #expect(sessions.count == 2)
        let scores = sessions.compactMap { $0["skills"] as? [String: Int] }
        func average(_ skill: String) -> Double {
            let latest = Double(scores[1][skill] ?? 0), before = Double(scores[0][skill] ?? 0)
            return (5 * latest + 4 * before) / 9
        }
        let weakest = try #require(skillOrder.min { (average($0), scores[1][$0] ?? 0) < (average($1), scores[1][$1] ?? 0) })
        let title = try #require(skillTitles[weakest])

        let dry = try CLI.run(["refresh", "--trainee", "Ana", "--dry-run", "--store", store.path])
        #expect(dry.status == 0, "stderr: \(dry.stderr)")
        #expect(dry.flat.contains("Refresher for Ana: \(title)"), "\(dry.stdout)")
        let expected = "Your \(title.lowercased()) has averaged \(Int(average(weakest).rounded())) over your last 2 calls, your lowest skill; you have never practised "
        #expect(dry.flat.contains(expected), "\(dry.stdout)")
        #expect(dry.flat.contains("Recent calls count most"))
        #expect(!dry.flat.contains("'broadband-down', which works on it") && !dry.flat.contains("'passed-around', which works on it"),
                "a call never practised comes before those practised")
        #expect(sessionFiles(in: store).count == 2)

        // Run the refresher; the next one moves on to another call, and the goal is shown.
        let chosen = try #require(chosenScenario(dry.stdout), "\(dry.stdout)")
        #expect(chosen != "broadband-down" && chosen != "passed-around")
        let run = try CLI.run(["refresh", "--trainee", "Ana", "--seed", "1", "--store", store.path], lines: ["Hello, how can I help?", "/end"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.flat.contains("Your goals"))
        #expect(run.flat.contains("g1 [open] Paraphrasing 80 by 2099-01-31"))
        let saved = try records(in: store)
        #expect(saved.count == 3)
        let refreshed = try #require(saved.first { $0["mode"] as? String == "coached" }?["scenario"] as? String)
        #expect(refreshed == chosen, "the refresher runs the call the dry run named")
        let again = try CLI.run(["refresh", "--trainee", "Ana", "--dry-run", "--store", store.path])
        #expect(again.status == 0)
        let next = try #require(chosenScenario(again.stdout))
        #expect(![refreshed, "broadband-down", "passed-around"].contains(next), "the calls practised are not offered before one never practised")
    }

    @Test func withoutTraineeTheLastNameIsUsed() throws {
        let store = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: store) }
        let call = try CLI.run(["practice", "--scenario", "broadband-down", "--trainee", "Ola", "--seed", "3", "--store", store.path], lines: broadbandReplies)
        #expect(call.status == 0)
        let dry = try CLI.run(["refresh", "--dry-run", "--store", store.path])
        #expect(dry.status == 0, "stderr: \(dry.stderr)")
        #expect(dry.flat.contains("Refresher for Ola:"))
        #expect(dry.flat.contains("in your one call so far"))
    }

    @Test func theCommandIsListedInHelp() throws {
        let help = try CLI.run(["--help"])
        #expect(help.flat.contains("refresh"))
        let own = try CLI.run(["refresh", "--help"])
        #expect(own.status == 0)
        #expect(own.flat.contains("--dry-run"))
        #expect(own.flat.contains("calldojo refresh --trainee \"Sam Jones\" --dry-run"))
    }
}

@Suite(.serialized) struct AssessCommandTests {
    @Test func anAssessmentRefusesHintsPointsNothingOutAndRecordsItsResult() throws {
        let store = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: store) }
        let replies = ["/hint"] + broadbandReplies
        let result = try CLI.run(["practice", "--scenario", "broadband-down", "--assess", "--trainee", "Sam Jones", "--seed", "3", "--store", store.path],
                                 lines: replies)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.flat.contains("Assessment: no hints and no coaching during the call. Pass mark 70. No time limit. Attempt 1."))
        #expect(result.flat.contains("There are no hints in an assessment"))
        #expect(!result.flat.contains("Hint: "))
        #expect(!result.flat.contains("[New issue") && !result.flat.contains("[Resolved:"), "nothing is pointed out")
        let record = try #require(try records(in: store).first)
        #expect(record["mode"] as? String == "assessment")
        let assessment = try #require(record["assessment"] as? [String: Any])
        let overall = try #require((record["score"] as? [String: Any])?["overall"] as? Int)
        #expect(assessment["passMark"] as? Int == 70)
        #expect(assessment["passed"] as? Bool == (overall >= 70))
        #expect(assessment["attempt"] as? Int == 1)
        #expect(assessment["timedOut"] as? Bool == false)
        #expect(assessment["maxAttempts"] == nil && assessment["timeLimitSeconds"] == nil)
        let verdict = overall >= 70 ? "Assessment: PASS. Overall \(overall) against a pass mark of 70." : "Assessment: FAIL. Overall \(overall) against a pass mark of 70"
        #expect(result.flat.contains(verdict))

        // The same replies in coached practice do point issues out, so the difference is the mode.
        let coached = try CLI.run(["practice", "--scenario", "broadband-down", "--coach", "--trainee", "Sam Jones", "--seed", "3", "--store", store.path], lines: replies)
        #expect(coached.flat.contains("Hint: "))
    }

    @Test func passAndFailFollowTheTrainersPassMark() throws {
        let store = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: store) }
        try writeConfig(#"{ "passMark": 100, "scenarios": { "broadband-down": { "passMark": 1 } } }"#, in: store)
        let pass = try CLI.run(["practice", "--scenario", "broadband-down", "--assess", "--trainee", "Kim", "--seed", "3", "--store", store.path], lines: broadbandReplies)
        #expect(pass.status == 0, "stderr: \(pass.stderr)")
        #expect(pass.flat.contains("Assessment: PASS."))
        let fail = try CLI.run(["practice", "--scenario", "passed-around", "--assess", "--trainee", "Kim", "--seed", "42", "--store", store.path],
                               lines: ["I'm sorry you've been passed around.", "/end"])
        #expect(fail.status == 0, "stderr: \(fail.stderr)")
        #expect(fail.flat.contains("Assessment: FAIL."))
        #expect(fail.flat.contains("pass mark of 100"))
        let byScenario = Dictionary(uniqueKeysWithValues: try records(in: store).compactMap { r -> (String, [String: Any])? in
            guard let s = r["scenario"] as? String, let a = r["assessment"] as? [String: Any] else { return nil }
            return (s, a)
        })
        #expect(byScenario["broadband-down"]?["passMark"] as? Int == 1)
        #expect(byScenario["broadband-down"]?["passed"] as? Bool == true)
        #expect(byScenario["passed-around"]?["passMark"] as? Int == 100)
        #expect(byScenario["passed-around"]?["passed"] as? Bool == false)
    }

    @Test func leavingAnAssessmentEarlyFails() throws {
        let store = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: store) }
        try writeConfig(#"{ "passMark": 0 }"#, in: store)
        let result = try CLI.run(["practice", "--scenario", "broadband-down", "--assess", "--trainee", "Kim", "--seed", "3", "--store", store.path],
                                 lines: [broadbandReplies[0]])
        #expect(result.status == 0)
        #expect(result.flat.contains("Assessment: FAIL. The call was left before it ended, so it cannot pass"))
        let assessment = try #require(try records(in: store).first?["assessment"] as? [String: Any])
        #expect(assessment["passed"] as? Bool == false)
    }

    @Test func theAttemptCapRefusesTheNextAttemptAndSaysHowManyWereUsed() throws {
        let store = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: store) }
        try writeConfig("""
        {
          "maxAttempts": 2,
          "scenarios": { "passed-around": { "maxAttempts": null } }
        }
        """, in: store)
        let args = ["practice", "--scenario", "broadband-down", "--assess", "--trainee", "Lee", "--seed", "3", "--store", store.path]
        let one = try CLI.run(args, lines: ["/end"])
        #expect(one.status == 0, "stderr: \(one.stderr)")
        #expect(one.flat.contains("Attempt 1 of 2."))
        // Practice and coached calls do not use attempts.
        let practice = try CLI.run(["practice", "--scenario", "broadband-down", "--coach", "--trainee", "Lee", "--seed", "3", "--store", store.path], lines: ["/end"])
        #expect(practice.status == 0)
        let two = try CLI.run(args, lines: ["/end"])
        #expect(two.status == 0, "stderr: \(two.stderr)")
        #expect(two.flat.contains("Attempt 2 of 2."))
        #expect(two.flat.contains("That was attempt 2 of 2, the last one allowed."))

        let three = try CLI.run(args, lines: ["I'm sorry to hear that.", "/end"])
        #expect(three.status == 1)
        #expect(three.stderr.contains("calldojo: Lee has used all 2 assessment attempts allowed at broadband-down (2 taken)."), "\(three.stderr)")
        #expect(!three.flat.contains("Dana:"), "the call never started")
        #expect(sessionFiles(in: store).count == 3)

        // Another trainee, and a scenario with no cap, are not affected.
        let other = try CLI.run(["practice", "--scenario", "broadband-down", "--assess", "--trainee", "Max", "--seed", "3", "--store", store.path], lines: ["/end"])
        #expect(other.status == 0)
        for _ in 0..<3 {
            let uncapped = try CLI.run(["practice", "--scenario", "passed-around", "--assess", "--trainee", "Lee", "--seed", "1", "--store", store.path], lines: ["/end"])
            #expect(uncapped.status == 0, "stderr: \(uncapped.stderr)")
        }
    }

    @Test func aTimeLimitIsAnnouncedAndKeptInTheRecord() throws {
        // The limit running out is tested with an injected clock in AssessmentTimerTests; here, that
        // the trainer's limit reaches the call and its record.
        let store = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: store) }
        try writeConfig(#"{ "timeLimitMinutes": 10 }"#, in: store)
        let result = try CLI.run(["practice", "--scenario", "broadband-down", "--assess", "--trainee", "Kim", "--seed", "3", "--store", store.path], lines: broadbandReplies)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.flat.contains("Time limit 10 minutes, checked each time you press Enter"))
        #expect(!result.flat.contains("Time is up"))
        let assessment = try #require(try records(in: store).first?["assessment"] as? [String: Any])
        #expect(assessment["timeLimitSeconds"] as? Int == 600)
        #expect(assessment["timedOut"] as? Bool == false)
    }

    @Test func assessAndCoachTogetherIsAClearError() throws {
        let store = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: store) }
        let result = try CLI.run(["practice", "--scenario", "broadband-down", "--assess", "--coach", "--store", store.path], lines: ["/end"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--assess and --coach cannot be used together"))
        #expect(sessionFiles(in: store).isEmpty)
    }

    @Test func aBrokenConfigIsNamedAtItsLineAndColumnAndNothingStarts() throws {
        let store = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: store) }
        let config = "{\n  \"passmark\": 75,\n  \"maxAttempts\": 0\n}\n"
        try writeConfig(config, in: store)
        let path = store.appendingPathComponent("assessment.json").path
        let result = try CLI.run(["practice", "--scenario", "broadband-down", "--assess", "--trainee", "Kim", "--store", store.path], lines: ["/end"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(path):2:3: error: \"passmark\" is not a setting at the top of the file. Did you mean \"passMark\"?"), "\(result.stderr)")
        #expect(result.stderr.contains("\(path):3:18: error: \"maxAttempts\" is how many assessments"))
        #expect(result.stderr.contains("calldojo: the assessment settings in \(path) have 2 mistakes (listed above)."))
        #expect(sessionFiles(in: store).isEmpty)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == config, "the file is left as it is")

        // Practice does not read the file.
        let practice = try CLI.run(["practice", "--scenario", "broadband-down", "--trainee", "Kim", "--seed", "3", "--store", store.path], lines: ["/end"])
        #expect(practice.status == 0)
    }

    @Test func anOverrideForAnUnknownScenarioIsAWarning() throws {
        let store = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: store) }
        try writeConfig("{\n  \"scenarios\": {\n    \"broadband-dwn\": { \"passMark\": 50 }\n  }\n}\n", in: store)
        let result = try CLI.run(["practice", "--scenario", "broadband-down", "--assess", "--trainee", "Kim", "--seed", "3", "--store", store.path], lines: ["/end"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("assessment.json:3:5: warning: there is no scenario called broadband-dwn, so these settings are never used. Did you mean broadband-down?"))
        #expect(result.flat.contains("Pass mark 70."))
    }

    @Test func theStoresPassMarkIsTheDefault() throws {
        let store = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: store) }
        try Data(#"{ "schemaVersion": 1, "passMark": 55 }"#.utf8).write(to: store.appendingPathComponent("settings.json"))
        let result = try CLI.run(["practice", "--scenario", "broadband-down", "--assess", "--trainee", "Kim", "--seed", "3", "--store", store.path], lines: ["/end"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.flat.contains("Pass mark 55."))
    }

    @Test func reportsCanShowAssessmentsOnly() throws {
        let store = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: store) }
        let practice = try CLI.run(["practice", "--scenario", "broadband-down", "--trainee", "Sam Jones", "--seed", "3", "--store", store.path], lines: broadbandReplies)
        #expect(practice.status == 0)
        let assessed = try CLI.run(["practice", "--scenario", "passed-around", "--assess", "--trainee", "Sam Jones", "--seed", "42", "--store", store.path],
                                   lines: ["I'm sorry you've been passed around.", "/end"])
        #expect(assessed.status == 0)
        let env = ["TZ": "UTC", "COLUMNS": "100"]

        let json = try CLI.run(["report", "--mode", "assessment", "--format", "json", "--store", store.path], environment: env)
        #expect(json.status == 0, "stderr: \(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["mode"] as? String == "assessment")
        let trainees = try #require(object["trainees"] as? [[String: Any]])
        #expect(trainees.count == 1)
        #expect(trainees.first?["sessions"] as? Int == 1)

        let csv = try CLI.run(["report", "--mode", "assessment", "--format", "csv", "--store", store.path], environment: env)
        let rows = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == 2, "a header and the one assessment")
        #expect(rows.last?.contains(",passed-around,") == true && rows.last?.contains(",assessment,") == true)

        let table = try CLI.run(["report", "--mode", "assessment", "--store", store.path], environment: env)
        #expect(table.flat.contains("assessment calls only"))
        #expect(table.flat.contains("Passed around four departments"))
        #expect(!table.flat.contains("Broadband down since Tuesday"))

        let everything = try CLI.run(["report", "--format", "json", "--store", store.path], environment: env)
        let all = try #require(try JSONSerialization.jsonObject(with: Data(everything.stdout.utf8)) as? [String: Any])
        #expect((all["trainees"] as? [[String: Any]])?.first?["sessions"] as? Int == 2)
    }
}
