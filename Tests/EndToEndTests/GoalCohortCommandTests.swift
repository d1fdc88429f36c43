import Foundation
import Testing

/// A date `days` from today, as YYYY-MM-DD (UTC).
private func day(_ days: Int) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
    let date = calendar.date(byAdding: .day, value: days, to: Date()) ?? Date()
    let c = calendar.dateComponents([.year, .month, .day], from: date)
    return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
}

@Suite(.serialized) struct GoalCommandTests {
    @Test func aGoalIsSetListedWithProgressAndRemoved() throws {
        let store = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: store) }
        let due = day(30)
        let set = try CLI.run(["goal", "set", "--trainee", "Sam Jones", "--skill", "paraphrasing", "--target", "80", "--by", due,
                               "--note", "check back every fact", "--store", store.path])
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout.contains("Goal g1 set for Sam Jones: Paraphrasing 80 by \(due)."), "\(set.stdout)")
        #expect(set.stdout.contains("no calls yet; 30 days left"), "\(set.stdout)")

        let call = try CLI.run(["practice", "--scenario", "broadband-down", "--trainee", "Sam Jones", "--seed", "1", "--store", store.path],
                               lines: ["So it's been down since Tuesday and you work from home - have I got that right?", "/end"])
        #expect(call.status == 0, "\(call.stderr)")
        // The debrief ends with the trainee's goals, this call counted.
        #expect(call.stdout.contains("Your goals"), "\(call.stdout)")
        #expect(call.stdout.contains("Paraphrasing 80 by \(due): latest "), "\(call.stdout)")
        #expect(call.stdout.contains("1 call so far"), "\(call.stdout)")
        _ = try CLI.run(["goal", "set", "--trainee", "Ana", "--skill", "next-steps", "--target", "70", "--by", day(0), "--store", store.path])

        let all = try CLI.run(["goal", "list", "--store", store.path])
        #expect(all.status == 0, "\(all.stderr)")
        let lines = all.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Ana")
        #expect(lines.contains { $0.contains("g1  [open] Next-step explanation 70 by \(day(0)): no calls yet; due today") }, "\(all.stdout)")
        #expect(lines.contains("Sam Jones"))
        #expect(lines.contains { $0.contains("g1  [") && $0.contains("Paraphrasing 80 by \(due): latest ") && $0.contains("1 call so far") },
                "\(all.stdout)")
        #expect(lines.contains { $0.contains("note: check back every fact") })

        let sam = try CLI.run(["goal", "list", "--trainee", "sam jones", "--store", store.path])
        #expect(!sam.stdout.contains("Ana"))
        #expect(sam.stdout.contains("Paraphrasing 80"))

        let removed = try CLI.run(["goal", "remove", "--trainee", "Sam Jones", "g1", "--store", store.path])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(try CLI.run(["goal", "list", "--trainee", "Sam Jones", "--store", store.path]).stdout.contains("Sam Jones has no goals."))
        let again = try CLI.run(["goal", "remove", "--trainee", "Sam Jones", "g1", "--store", store.path])
        #expect(again.status == 1)
        #expect(again.stderr.contains("Sam Jones has no goal g1."), "\(again.stderr)")
    }

    /// Arguments for `goal set` that are wrong, and what the message must say.
    struct Refusal: CustomTestStringConvertible, Sendable {
        var name: String
        var arguments: [String]
        var message: String
        var testDescription: String { name }
    }

    @Test(arguments: [
        Refusal(name: "past date", arguments: ["--skill", "paraphrasing", "--target", "80", "--by", "2020-01-31"],
                message: "A goal's date must be today"),
        Refusal(name: "not a date", arguments: ["--skill", "paraphrasing", "--target", "80", "--by", "31/01/2030"],
                message: "--by takes a day as YYYY-MM-DD"),
        Refusal(name: "target too high", arguments: ["--skill", "paraphrasing", "--target", "101", "--by", "2099-01-01"],
                message: "--target is a score from 1 to 100; got 101."),
        Refusal(name: "target zero", arguments: ["--skill", "paraphrasing", "--target", "0", "--by", "2099-01-01"],
                message: "--target is a score from 1 to 100; got 0."),
        Refusal(name: "unknown skill", arguments: ["--skill", "empathy", "--target", "80", "--by", "2099-01-01"],
                message: "there is no skill called empathy. The skills are: active_listening, paraphrasing, next_steps, forward_resolution."),
    ])
    func badGoalsAreRefusedWithAClearMessage(_ test: Refusal) throws {
        let store = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: store) }
        let result = try CLI.run(["goal", "set", "--trainee", "Sam"] + test.arguments + ["--store", store.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains(test.message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: store.appendingPathComponent("trainees/sam.json").path))
    }

    @Test func cohortsAreCreatedExtendedAndListed() throws {
        let store = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: store) }
        let empty = try CLI.run(["cohort", "list", "--store", store.path])
        #expect(empty.stdout.contains("No cohorts yet."))

        let created = try CLI.run(["cohort", "add", "March intake", "Sam Jones", "Ana María", "--store", store.path])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("Created cohort March intake: 2 trainees."), "\(created.stdout)")
        let extended = try CLI.run(["cohort", "add", "march intake", "Li", "sam jones", "--store", store.path])
        #expect(extended.stdout.contains("Cohort March intake: 3 trainees."), "\(extended.stdout)")
        #expect(extended.stdout.contains("added: Li"))
        #expect(extended.stdout.contains("already in it: sam jones"))

        let bad = try CLI.run(["cohort", "add", "Team", "../etc", "--store", store.path])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("\"../etc\": A trainee name cannot contain '/'"), "\(bad.stderr)")

        let list = try CLI.run(["cohort", "list", "--store", store.path])
        #expect(list.stdout.contains("March intake  3 trainees"), "\(list.stdout)")
        #expect(list.stdout.contains("Sam Jones (no calls yet), Ana María (no calls yet), Li (no calls yet)"), "\(list.stdout)")
        let file = try jsonObject(store.appendingPathComponent("cohorts.json"))
        #expect(file["schemaVersion"] as? Int == 1)
    }
}
