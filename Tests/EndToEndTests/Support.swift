import Foundation
import Testing

/// Runs the built `calldojo` executable with scripted standard input.
struct CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The package folder (holds Scenarios/ and Personas/).
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// The calldojo executable built beside the test bundle.
    static let executable: URL? = {
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("calldojo")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir.deleteLastPathComponent()
        }
        let fallback = packageRoot.appendingPathComponent(".build/debug/calldojo")
        return FileManager.default.isExecutableFile(atPath: fallback.path) ? fallback : nil
    }()

    static func run(_ arguments: [String], input: Data = Data(), environment: [String: String] = [:],
                    directory: URL = CLI.packageRoot, sourceLocation: SourceLocation = #_sourceLocation) throws -> Result {
        let exe = try #require(executable, "the calldojo executable is not built; run `swift build` first", sourceLocation: sourceLocation)
        let process = Process()
        process.executableURL = exe
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
        env["CALLDOJO_STORE"] = nil
        for (k, v) in environment { env[k] = v }
        process.environment = env
        // Standard input and error go through files, so no pipe can fill and block either side.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("calldojo-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let inURL = scratch.appendingPathComponent("stdin"), errURL = scratch.appendingPathComponent("stderr")
        try input.write(to: inURL)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let inHandle = try FileHandle(forReadingFrom: inURL)
        let errHandle = try FileHandle(forWritingTo: errURL)
        let outPipe = Pipe()
        process.standardInput = inHandle
        process.standardOutput = outPipe
        process.standardError = errHandle
        try process.run()
        let out = outPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try? inHandle.close()
        try? errHandle.close()
        let err = (try? Data(contentsOf: errURL)) ?? Data()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: out, as: UTF8.self),
                      stderr: String(decoding: err, as: UTF8.self))
    }

    static func run(_ arguments: [String], lines: [String], environment: [String: String] = [:],
                    sourceLocation: SourceLocation = #_sourceLocation) throws -> Result {
        try run(arguments, input: Data(lines.map { $0 + "\n" }.joined().utf8), environment: environment, sourceLocation: sourceLocation)
    }
}

/// A fresh, empty folder for one test's records.
func temporaryStore() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("calldojo-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The session files in a store.
func sessionFiles(in store: URL) -> [URL] {
    let dir = store.appendingPathComponent("sessions")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
    return names.filter { $0.hasSuffix(".json") }.sorted().map { dir.appendingPathComponent($0) }
}

func jsonObject(_ url: URL) throws -> [String: Any] {
    let data = try Data(contentsOf: url)
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
}

