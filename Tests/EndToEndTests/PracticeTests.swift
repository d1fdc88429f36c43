import Foundation
import Testing

/// Replies a skilled agent might give on the broadband call.
private let goodReplies = [
    "I'm really sorry, three calls in a week is awful. So it's been down since Tuesday, you work from home and you've already restarted the router twice - have I got that right?",
    "I can see this morning's line test failed, so there's a fault between the cabinet and your house. I'll book an engineer for Friday between 8 and 1, you'll get a text confirming it, and I'll call you at 4 on Friday to check it's working.",
    "Is anything else not working as it should, like the phone line?",
    "/end",
]

@Suite(.serialized) struct PracticeTests {
    @Test func scriptedCallEndsWithDebriefAndRecord() throws {
        let store = try temporaryStore()
        let result = try CLI.run(["practice", "--scenario", "broadband-down", "--trainee", "Sam Jones", "--seed", "3", "--store", store.path],
                                 lines: goodReplies)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("Dana: "))
        #expect(result.stdout.contains("Call ended:"))
        #expect(result.stdout.contains("Debrief: Broadband down since Tuesday"))
        for skill in ["Active listening", "Paraphrasing", "Next-step explanation", "Forward resolution"] {
            #expect(result.stdout.contains(skill))
        }
        #expect(result.stdout.contains("turn 1 \""), "evidence quotes the trainee's words with the turn")
        #expect(!result.stdout.contains("\u{1B}"), "no escape codes when output is not a terminal")
        #expect(!result.stdout.contains("You: "), "no prompt echo when input is not a terminal")

        let files = sessionFiles(in: store)
        #expect(files.count == 1)
        let record = try jsonObject(try #require(files.first))
        #expect(record["schemaVersion"] as? Int == 1)
        #expect(record["scenario"] as? String == "broadband-down")
        #expect(record["persona"] as? String == "dana-driver")
        #expect(record["trainee"] as? String == "Sam Jones")
        #expect(record["mode"] as? String == "practice")
        #expect(record["seed"] as? Int == 3)
        #expect(record["startedAt"] is String && record["endedAt"] is String)
        let transcript = try #require(record["transcript"] as? [[String: Any]])
        let agent = transcript.filter { $0["speaker"] as? String == "agent" }
        #expect(agent.count == 3)
        #expect(agent.first?["text"] as? String == goodReplies[0])
        #expect(agent.allSatisfy { $0["signals"] is [String: Any] })
        #expect((record["moodPath"] as? [Int])?.count == 4)
        let ending = try #require(record["ending"] as? [String: Any])
        #expect(ending["kind"] as? String == "ended_by_agent")
        let score = try #require(record["score"] as? [String: Any])
        let skills = try #require(score["skills"] as? [[String: Any]])
        #expect(skills.count == 4)
        #expect(skills.contains { (($0["evidence"] as? [Any])?.count ?? 0) > 0 })

        let profile = try jsonObject(store.appendingPathComponent("trainees/sam-jones.json"))
        #expect(profile["schemaVersion"] as? Int == 1)
        let sessions = try #require(profile["sessions"] as? [[String: Any]])
        #expect(sessions.count == 1)
        #expect(sessions.first?["id"] as? String == files.first?.deletingPathExtension().lastPathComponent)
    }

    @Test func endOfInputMidCallSavesAnAbandonedCallWithEveryReply() throws {
        let store = try temporaryStore()
        let result = try CLI.run(["practice", "--scenario", "mobile-plan-cost", "--trainee", "Ana", "--seed", "9", "--store", store.path],
                                 lines: ["Hello, thanks for calling.", "Tell me more about the calls you're getting."])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Call ended: abandoned."))
        let record = try jsonObject(try #require(sessionFiles(in: store).first))
        #expect((record["ending"] as? [String: Any])?["kind"] as? String == "abandoned")
        let replies = (record["transcript"] as? [[String: Any]] ?? []).filter { $0["speaker"] as? String == "agent" }.compactMap { $0["text"] as? String }
        #expect(replies == ["Hello, thanks for calling.", "Tell me more about the calls you're getting."])
    }

    @Test func sameSeedAndRepliesGiveTheSameCall() throws {
        let a = try temporaryStore(), b = try temporaryStore()
        let args = ["practice", "--scenario", "passed-around", "--trainee", "Kim", "--seed", "42"]
        let replies = ["I'm sorry you've been passed around.", "So you've spoken to four departments and nobody called back?", "/end"]
        let first = try CLI.run(args + ["--store", a.path], lines: replies)
        let second = try CLI.run(args + ["--store", b.path], lines: replies)
        #expect(first.status == 0 && second.status == 0)
        // The last line names the session id, which differs; everything before it is the same.
        let strip = { (s: String) in s.split(separator: "\n").filter { !$0.hasPrefix("Saved to") }.joined(separator: "\n") }
        #expect(strip(first.stdout) == strip(second.stdout))
        let ra = try jsonObject(try #require(sessionFiles(in: a).first))
        let rb = try jsonObject(try #require(sessionFiles(in: b).first))
        let ta = try JSONSerialization.data(withJSONObject: ra["transcript"] ?? [], options: [.sortedKeys])
        let tb = try JSONSerialization.data(withJSONObject: rb["transcript"] ?? [], options: [.sortedKeys])
        #expect(ta == tb)
    }

    @Test func hostileInputIsTreatedAsTextAndNeverEchoedRaw() throws {
        let store = try temporaryStore()
        var input = Data("I'm sorry \u{1B}[31mred\u{1B}[0m and \u{1B}]0;title\u{07} bell\u{07}\n".utf8)
        input.append(contentsOf: [0x49, 0x20, 0xFF, 0xFE, 0x00, 0x61, 0x0A])        // "I \xFF\xFE\0a"
        input.append(Data(String(repeating: "very long reply ", count: 6_400).utf8)) // ~100 KB line
        input.append(Data("\n/end\n".utf8))
        let result = try CLI.run(["practice", "--scenario", "broadband-down", "--trainee", "Lee", "--seed", "1", "--store", store.path], input: input)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(!result.stdout.contains("\u{1B}"))
        #expect(result.stdout.contains("cut to 8000 characters"))
        let data = try Data(contentsOf: try #require(sessionFiles(in: store).first))
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.contains("\\u001b") && !text.contains("\\u0000") && !text.contains("\\u0007"))
        let record = try jsonObject(try #require(sessionFiles(in: store).first))
        let replies = (record["transcript"] as? [[String: Any]] ?? []).filter { $0["speaker"] as? String == "agent" }.compactMap { $0["text"] as? String }
        #expect(replies.first == "I'm sorry red and  bell")
        #expect(replies.count == 3)
        #expect(replies[1].contains("\u{FFFD}"))
        #expect((7_990...8_000).contains(replies[2].count))
    }

    @Test func outputIntoAClosedPipeDoesNotCrashOrLoseTheRecord() throws {
        let store = try temporaryStore()
        let exe = try #require(CLI.executable)
        let script = "printf 'Sorry to hear that.\\n/end\\n' | '\(exe.path)' practice --scenario broadband-down --trainee Pip --seed 1 --store '\(store.path)' | head -c 20 >/dev/null; echo \"status=${PIPESTATUS[1]}\""
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/bash")
        shell.arguments = ["-c", script]
        shell.currentDirectoryURL = CLI.packageRoot
        let out = Pipe()
        shell.standardOutput = out
        try shell.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        #expect(text.contains("status=0"), "\(text)")
        #expect(sessionFiles(in: store).count == 1)
    }

    @Test func slashCommandsWorkInScriptedCalls() throws {
        let store = try temporaryStore()
        let result = try CLI.run(["practice", "--scenario", "broadband-down", "--trainee", "Mo", "--seed", "5", "--store", store.path],
                                 lines: ["/help", "/account", "/hint", "/notes prefers text messages", "/repeat", "/bogus", "/hold", "/end"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("/transfer"))                 // /help lists the commands
        #expect(result.stdout.contains("BB-4471-0932"))              // /account shows the record
        #expect(result.stdout.contains("Hints are for coached practice"))
        #expect(result.stdout.contains("/bogus is not a command"))
        #expect(result.stdout.contains("on hold"))
        let record = try jsonObject(try #require(sessionFiles(in: store).first))
        #expect(record["notes"] as? [String] == ["prefers text messages"])
    }

    @Test func coachedModeGivesHintsAndIsRecorded() throws {
        let store = try temporaryStore()
        let result = try CLI.run(["practice", "--scenario", "broadband-down", "--trainee", "Mo", "--coach", "--seed", "5", "--store", store.path],
                                 lines: ["/hint", "/end"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Hint: "))
        let record = try jsonObject(try #require(sessionFiles(in: store).first))
        #expect(record["mode"] as? String == "coached")
    }

    @Test func transferEndsTheCallAsTransferred() throws {
        let store = try temporaryStore()
        let result = try CLI.run(["practice", "--scenario", "passed-around", "--trainee", "Mo", "--seed", "2", "--store", store.path],
                                 lines: ["/transfer"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Call ended: transferred."))
    }

    @Test(arguments: ["../x", "/", "a/b", "", "   ", ".hidden", "..", String(repeating: "n", count: 65)])
    func unsafeTraineeNamesAreRefused(name: String) throws {
        let store = try temporaryStore()
        let result = try CLI.run(["practice", "--scenario", "broadband-down", "--trainee", name, "--store", store.path], lines: ["/end"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("trainee name"))
        #expect(sessionFiles(in: store).isEmpty)
        let trainees = (try? FileManager.default.contentsOfDirectory(atPath: store.appendingPathComponent("trainees").path)) ?? []
        #expect(trainees.isEmpty)
    }

    @Test func unknownScenarioAndPersonaGetHelpfulErrors() throws {
        let store = try temporaryStore()
        let scenario = try CLI.run(["practice", "--scenario", "broadband-dwn", "--store", store.path], lines: [])
        #expect(scenario.status == 1)
        #expect(scenario.stderr.contains("no scenario called broadband-dwn"))
        #expect(scenario.stderr.contains("Did you mean broadband-down?"))
        let persona = try CLI.run(["practice", "--scenario", "broadband-down", "--persona", "nobody", "--store", store.path], lines: [])
        #expect(persona.status == 1)
        #expect(persona.stderr.contains("no persona called nobody"))
    }

    @Test func anotherPersonaCanPlayACompatibleScenario() throws {
        let store = try temporaryStore()
        let result = try CLI.run(["practice", "--scenario", "broadband-down", "--persona", "marcus-analytical", "--trainee", "Mo",
                                  "--seed", "1", "--store", store.path], lines: ["/end"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Marcus: "))
        let record = try jsonObject(try #require(sessionFiles(in: store).first))
        #expect(record["persona"] as? String == "marcus-analytical")
    }

    @Test func menuRemembersTheLastTraineeAndRunsACall() throws {
        let store = try temporaryStore()
        let first = try CLI.run(["--store", store.path], lines: ["Priya Shah", "1", "", "n", "/end", "n"])
        #expect(first.status == 0, "stderr: \(first.stderr)")
        #expect(first.stdout.contains("Broadband down since Tuesday"))
        #expect(first.stdout.contains("Debrief:"))
        // An empty answer to "Your name" takes the last name used.
        let second = try CLI.run(["--store", store.path], lines: ["", "2", "", "y", "/end", "n"])
        #expect(second.status == 0, "stderr: \(second.stderr)")
        let profile = try jsonObject(store.appendingPathComponent("trainees/priya-shah.json"))
        #expect((profile["sessions"] as? [Any])?.count == 2)
    }
}
