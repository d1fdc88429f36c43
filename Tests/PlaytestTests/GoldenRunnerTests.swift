import Content
import Dialogue
import Foundation
import Playtest
import Testing

@Suite struct GoldenRunnerTests {
    static let passing = """
        scenario: router-down
        < node: opening
        < says: DOWN   since tuesday
        > [para:tuesday] [check] Since Tuesday, right?
        < node: plan
        < mood: 2
        < flag: understood
        < reply: paraphrased(tuesday) and checked and not acknowledged
        > [action] [time] An engineer comes tomorrow.
        < ending: fixed
        < resolved: no_internet
        < says: sorted
        = ending: resolved
        = resolved: all
        = turns: 2
        = says: that's sorted
        = score paraphrasing: >= 50
        """

    @Test func aCallThatGoesAsWrittenPasses() throws {
        let result = try playGolden(Self.passing)
        #expect(result.passed, "\(result.problems.map(\.description))")
        #expect(result.state?.ending?.id == "fixed")
        #expect(result.score != nil)
        #expect(result.summary?.hasPrefix("fixed (resolved), overall ") == true)
        #expect(result.playedLines.contains("> [para:tuesday] [check] Since Tuesday, right?"))
        #expect(result.playedLines.contains("= ending: fixed (resolved)"))
    }

    struct FailCase: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        let line: Int
        let message: String
        /// Text one of the details must hold.
        let detail: String
        var testDescription: String { name }
    }

    @Test(arguments: [
        FailCase(name: "node", text: "scenario: router-down\n> [ack] Oh dear.\n< node: plan",
                 line: 3, message: "expected node `plan`, but the call is at node `opening`",
                 detail: "customer said: \"Are you listening? My internet has been down since Tuesday.\""),
        FailCase(name: "node after the end", text: "scenario: router-down\n> [transfer] Let me pass you on.\n< node: plan",
                 line: 3, message: "expected the call to be at node `plan`, but it ended: passed_on (transferred)",
                 detail: "the call ended: passed_on (transferred), after 1 reply"),
        FailCase(name: "says", text: "scenario: router-down\n< says: broadband",
                 line: 2, message: "expected the customer to say \"broadband\"",
                 detail: "customer said: \"My internet has been down since Tuesday.\""),
        FailCase(name: "mood", text: "scenario: router-down\n> [ack] Oh dear.\n< mood: >= 1",
                 line: 3, message: "expected mood at least 1, but it is 0",
                 detail: "now at node opening, mood 0, patience 5"),
        FailCase(name: "reaction", text: "scenario: router-down\n> [ack] Oh dear.\n< reaction: transfer",
                 line: 3, message: "expected the customer's transfer reaction, but no reaction line was drawn",
                 detail: "now at node opening"),
        FailCase(name: "reply", text: "scenario: router-down\n> [ack] Oh dear.\n< reply: checked",
                 line: 3, message: "expected the reply to meet `checked`, but it does not",
                 detail: "the analyser found: acknowledged"),
        FailCase(name: "flag", text: "scenario: router-down\n> [ack] Oh dear.\n< flag: understood",
                 line: 3, message: "expected flag `understood` to be set, but it is not set",
                 detail: "flags set: none"),
        FailCase(name: "resolved", text: "scenario: router-down\n> [ack] Oh dear.\n= resolved: all",
                 line: 3, message: "expected every raised issue to be resolved, but it is not",
                 detail: "still open: no_internet"),
        FailCase(name: "ending", text: "scenario: router-down\n> [transfer] Let me pass you on.\n= ending: fixed",
                 line: 3, message: "expected ending `fixed`, but the call ended: passed_on (transferred)",
                 detail: "the call ended: passed_on (transferred)"),
        FailCase(name: "no ending", text: "scenario: router-down\n> [ack] Oh dear.\n= ending: resolved",
                 line: 3, message: "expected ending `resolved`, but the call has not ended: it is at node `opening`",
                 detail: "now at node opening"),
        FailCase(name: "score", text: "scenario: router-down\n> [transfer] Let me pass you on.\n= score next_steps: >= 90",
                 line: 3, message: "expected next_steps score at least 90, but it is",
                 detail: "the call ended: passed_on"),
        FailCase(name: "turns", text: "scenario: router-down\n> [ack] Oh dear.\n= turns: 2..3",
                 line: 3, message: "expected between 2 and 3 replies, but the call took 1",
                 detail: "now at node opening"),
        FailCase(name: "played past the end", text: "scenario: router-down\n> [transfer] Bye.\n> [ack] Hello?",
                 line: 3, message: "the call had already ended `passed_on` (transferred) after line 2",
                 detail: "the call ended: passed_on"),
    ])
    func aCheckThatDoesNotHoldSaysWhatHappened(_ c: FailCase) throws {
        let result = try playGolden(c.text)
        #expect(!result.passed)
        let problem = try #require(result.problems.first, "no problem reported")
        #expect(result.problems.count == 1, "\(result.problems.map(\.description))")
        #expect(problem.kind == .failure)
        #expect(problem.line == c.line)
        #expect(problem.message.hasPrefix(c.message), "message: \(problem.message)")
        #expect(problem.details.contains { $0.contains(c.detail) }, "details: \(problem.details)")
        #expect(problem.description.hasPrefix("t.call:\(c.line): \(c.message)"))
        #expect(result.state != nil)
    }

    @Test(arguments: [
        ("scenario: router-dwn\n> hi", 1, "there is no scenario called `router-dwn` (did you mean `router-down`?)"),
        ("scenario: router-down\npersona: kim\n> hi", 2, "there is no persona called `kim`"),
        ("scenario: router-down\n> hi\n< node: plna", 3, "router-down has no node called `plna` (did you mean `plan`?)"),
        ("scenario: router-down\n> hi\n= ending: fxed", 3, "router-down has no ending called `fxed`"),
        ("scenario: router-down\n> hi\n= resolved: wifi", 3, "router-down has no issue called `wifi`"),
        ("scenario: router-down\n> hi\n< flag: booked", 3, "no branch of router-down sets or clears a flag called `booked`"),
    ])
    func namesNotInTheContentAreMistakesInTheFile(_ text: String, _ line: Int, _ message: String) throws {
        let result = try playGolden(text)
        let problem = try #require(result.problems.first)
        #expect(problem.kind == .error)
        #expect(problem.line == line)
        #expect(problem.message.hasPrefix(message), "message: \(problem.message)")
        #expect(result.state == nil)
    }

    @Test func aPersonaThatDoesNotPlayTheScenarioIsRefused() throws {
        var library = try goldenLibrary()
        let other = try #require(ContentLoader.parsePersona(yaml: goldenPersonaYAML, id: "kim", file: "kim.yaml").0)
        library.personas.append(other)
        library.scenarios[0].personas = ["lee"]
        let result = GoldenRunner(library: library, analyzer: GoldenTagAnalyzer())
            .run(text: "scenario: router-down\npersona: kim\n> hi", file: "t.call")
        #expect(result.problems.map(\.message) == ["`kim` does not play router-down; its personas are sam, lee"])
    }

    @Test func theSameTranscriptGivesTheSameCall() throws {
        let text = Self.passing.replacingOccurrences(of: "scenario: router-down", with: "scenario: router-down\nseed: 42")
        let first = try playGolden(text)
        let second = try playGolden(text)
        #expect(first.state == second.state)
        #expect(first.score == second.score)
        #expect(first.problems == second.problems)
    }

    @Test func badLinesStopTheCallFromBeingPlayed() throws {
        let result = try playGolden("scenario: router-down\n> hi\n< nod: plan\n")
        #expect(result.state == nil)
        #expect(result.problems.map(\.line) == [3])
    }

    @Test func filesAreReadAndFoldersSearched() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("golden-\(UUID().uuidString)")
        let nested = folder.appendingPathComponent("more")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.passing.write(to: folder.appendingPathComponent("b.call"), atomically: true, encoding: .utf8)
        try "scenario: router-down\n> [ack] hi\n< node: plan\n".write(to: nested.appendingPathComponent("a.call"), atomically: true, encoding: .utf8)
        try "not a transcript".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)

        let missing = folder.appendingPathComponent("gone.call")
        let (files, problems) = GoldenFiles.find([folder, missing])
        #expect(files.map(\.lastPathComponent) == ["b.call", "a.call"])
        #expect(problems.map(\.message) == ["there is no such file or folder"])

        let runner = GoldenRunner(library: try goldenLibrary(), analyzer: GoldenTagAnalyzer())
        let results = files.map { runner.run(file: $0) }
        #expect(results.map(\.passed) == [true, false])
        #expect(results[1].problems.first?.file == files[1].path)
        #expect(runner.run(file: missing).problems.first?.message.hasPrefix("the file cannot be read") == true)
    }

    @Test func shippedTranscriptsAreWellFormed() throws {
        let (files, problems) = GoldenFiles.find([packageRoot.appendingPathComponent("Transcripts")])
        #expect(problems.isEmpty)
        let scenarios = try FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("Scenarios").path)
            .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }
        var covered: Set<String> = []
        for file in files {
            let (transcript, problems) = GoldenTranscript.parse(try String(contentsOf: file, encoding: .utf8), file: file.path)
            #expect(problems.isEmpty, "\(problems.map(\.description))")
            if let transcript { covered.insert(transcript.scenario) }
        }
        #expect(Set(scenarios).subtracting(covered).isEmpty, "scenarios with no golden transcript: \(Set(scenarios).subtracting(covered).sorted())")
    }
}
