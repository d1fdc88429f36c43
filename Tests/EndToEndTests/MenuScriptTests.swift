import Foundation
import Testing

/// The menu read from a script: the answers to the menu and the call's replies come from one input,
/// in order, and nothing is skipped between them.
@Suite struct MenuScriptTests {
    @Test func aScriptedMenuRunsTheCallWithTheRepliesThatFollow() throws {
        let store = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: store) }
        let list = try CLI.run(["list", "scenarios"])
        let ids = list.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }.compactMap { $0.split(separator: " ").first.map(String.init) }
        let number = try #require(ids.firstIndex(of: "broadband-down")) + 1
        let run = try CLI.run(["--store", store.path], lines: [
            "Sam", "\(number)", "", "n",
            "So it's been down since Tuesday and you work from home - have I got that right?",
            "/end", "q",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Debrief: Broadband down since Tuesday"), "\(run.stdout)")
        #expect(run.stdout.contains("How it ended: ended by you."), "\(run.stdout)")
        #expect(run.stdout.contains("Saved to Sam's record"), "\(run.stdout)")
        let sessions = try FileManager.default.contentsOfDirectory(atPath: store.appendingPathComponent("sessions").path)
        let record = try Data(contentsOf: store.appendingPathComponent("sessions").appendingPathComponent(try #require(sessions.first)))
        let text = String(decoding: record, as: UTF8.self)
        #expect(text.contains("have I got that right?"))
        #expect(!text.contains("\"abandoned\""))
    }
}
