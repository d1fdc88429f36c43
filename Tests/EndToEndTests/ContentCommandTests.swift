import Foundation
import Testing

@Suite(.serialized) struct ContentCommandTests {
    @Test func shippedContentValidates() throws {
        let result = try CLI.run(["validate"], lines: [])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("0 errors"))
    }

    @Test func listShowsScenariosAndPersonasWithIds() throws {
        let scenarios = try CLI.run(["list", "scenarios"], lines: [])
        #expect(scenarios.status == 0)
        for id in ["broadband-down", "mobile-plan-cost", "passed-around"] { #expect(scenarios.stdout.contains(id)) }
        let personas = try CLI.run(["list", "personas"], lines: [])
        #expect(personas.status == 0)
        for style in ["driver", "expressive", "amiable", "analytical"] { #expect(personas.stdout.contains(style)) }
    }

    /// A content folder with one broken scenario, copied from the shipped personas.
    private func brokenContent(_ yaml: String) throws -> URL {
        let root = try temporaryStore()
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("Scenarios"), withIntermediateDirectories: true)
        try fm.copyItem(at: CLI.packageRoot.appendingPathComponent("Personas"), to: root.appendingPathComponent("Personas"))
        try yaml.write(to: root.appendingPathComponent("Scenarios/broken.yaml"), atomically: true, encoding: .utf8)
        return root
    }

    private let broken = """
    title: Broken
    summary: A call with mistakes in it.
    difficulty: beginner
    skills: [paraphrasing]
    persona: dana-driver
    issues:
      - id: one
        summary: One issue
        cues: [one]
    facts:
      - id: f
        text: A fact
        cues: [fact]
    start: hello
    nodes:
      hello:
        sya: Hello
        branches:
          - when: acknowleged and mood >= 0
            goto: nowhere
    endings:
      done:
        kind: resolved
        note: Done.
    """

    @Test func validateReportsMistakesAtFileLineAndColumn() throws {
        let root = try brokenContent(broken)
        let result = try CLI.run(["validate", root.appendingPathComponent("Scenarios/broken.yaml").path], lines: [])
        #expect(result.status == 1)
        #expect(result.stdout.contains("broken.yaml:17:5: error: unknown key `sya`; did you mean `say`?"), "\(result.stdout)")
        #expect(result.stdout.contains("broken.yaml:19:15: error: in `when:`: unknown test `acknowleged`; did you mean `acknowledged`?"), "condition error at its column: \(result.stdout)")
        #expect(result.stdout.contains("broken.yaml:20:15: error: `goto: nowhere` goes nowhere"), "goto to nowhere: \(result.stdout)")
    }

    @Test func validateJSONListsDiagnostics() throws {
        let root = try brokenContent(broken)
        let result = try CLI.run(["validate", "--json", root.path], lines: [])
        #expect(result.status == 1)
        let list = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(list.contains { $0["severity"] as? String == "error" && ($0["line"] as? Int) == 17 })
    }

    @Test func everyCommandThatLoadsContentReportsItsErrors() throws {
        let root = try brokenContent(broken)
        let store = try temporaryStore()
        let result = try CLI.run(["practice", "--content", root.path, "--scenario", "broken", "--store", store.path], lines: ["/end"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("broken.yaml:17:5: error:"))
        #expect(sessionFiles(in: store).isEmpty)
    }

    @Test func garbageContentNeverCrashes() throws {
        let root = try brokenContent("")
        var junk = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) })
        junk.append(Data("\n\t: - [ {".utf8))
        try junk.write(to: root.appendingPathComponent("Scenarios/junk.yaml"))
        let result = try CLI.run(["validate", root.path], lines: [])
        #expect(result.status == 1)
        #expect(result.stdout.contains("junk.yaml:"))
    }

    @Test func helpTeachesTheCommands() throws {
        let result = try CLI.run(["--help"], lines: [])
        #expect(result.status == 0)
        for word in ["practice", "list", "validate", "--store"] { #expect(result.stdout.contains(word)) }
    }
}

@Suite struct SchemaCommandTests {
    @Test(arguments: ["scenario", "persona"])
    func schemaCommandPrintsTheShippedSchema(kind: String) throws {
        let result = try CLI.run(["schema", kind], lines: [])
        #expect(result.status == 0)
        let printed = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let shipped = try Data(contentsOf: CLI.packageRoot.appendingPathComponent("schemas/\(kind).schema.json"))
        #expect(printed["$schema"] as? String == "http://json-schema.org/draft-07/schema#")
        #expect(Data(result.stdout.utf8) == shipped)
    }

    @Test func everyShippedFilePointsAtItsSchema() throws {
        let fm = FileManager.default
        for (folder, kind) in [("Scenarios", "scenario"), ("Personas", "persona")] {
            let dir = CLI.packageRoot.appendingPathComponent(folder)
            for name in try fm.contentsOfDirectory(atPath: dir.path) where name.hasSuffix(".yaml") {
                let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
                #expect(text.hasPrefix("# yaml-language-server: $schema=../schemas/\(kind).schema.json\n"), "\(folder)/\(name)")
            }
        }
    }

    @Test func unknownSchemaKindIsRefusedWithTheChoices() throws {
        let result = try CLI.run(["schema", "ending"], lines: [])
        #expect(result.status != 0)
        #expect(result.stderr.contains("scenario"))
    }
}
