import Foundation
import Testing

/// Several terminals practising as the same trainee at once, each a real `calldojo` process: every
/// call is saved and none goes missing from the trainee's profile.
@Test func callsSavedByConcurrentProcessesAreAllKept() throws {
    let exe = try #require(CLI.executable, "the calldojo executable is not built; run `swift build` first")
    let store = try temporaryStore()
    defer { try? FileManager.default.removeItem(at: store) }
    let processes = 8
    let replies = ["I'm sorry it's been down since Tuesday, you work from home.", "I'll book an engineer for Friday.", "/end"]
    let input = store.appendingPathComponent("replies.txt")
    try Data(replies.map { $0 + "\n" }.joined().utf8).write(to: input)

    var running: [(Process, URL)] = []
    for n in 0..<processes {
        let process = Process()
        process.executableURL = exe
        process.arguments = ["practice", "--scenario", "broadband-down", "--trainee", "Sam Jones", "--seed", "\(n)",
                             "--store", store.path, "--content", CLI.packageRoot.path]
        var env = ProcessInfo.processInfo.environment
        env["CALLDOJO_STORE"] = nil
        process.environment = env
        let output = store.appendingPathComponent("out-\(n).txt")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        process.standardInput = try FileHandle(forReadingFrom: input)
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = process.standardOutput
        running.append((process, output))
    }
    // Start them all before waiting for any, so their saves overlap.
    for (process, _) in running { try process.run() }
    for (process, output) in running {
        process.waitUntilExit()
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("Saved to Sam Jones's record"), "\(text)")
    }

    let files = sessionFiles(in: store)
    #expect(files.count == processes)
    let profile = try jsonObject(store.appendingPathComponent("trainees/sam-jones.json"))
    let listed = (profile["sessions"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    #expect(listed.count == processes)
    #expect(Set(listed) == Set(files.map { $0.deletingPathExtension().lastPathComponent }))
    let seeds = try files.map { try jsonObject($0)["seed"] as? Int }
    #expect(Set(seeds.compactMap { $0 }) == Set(0..<processes))
    let leftovers = (FileManager.default.subpaths(atPath: store.path) ?? []).filter { $0.hasSuffix(".tmp") || $0.contains(".damaged-") }
    #expect(leftovers.isEmpty, "\(leftovers)")
}
