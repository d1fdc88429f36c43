import ArgumentParser
import Content
import Dialogue
import Foundation
import Playtest

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check scenario and persona files for mistakes.",
        discussion: """
        Each problem is printed as FILE:LINE:COL: error: message (or warning:). Besides each file's \
        keys and references, the dialogue is checked as a graph: branches that can never be taken, \
        nodes and endings no call reaches, dead ends, ids never used, and whether each skill in \
        `skills:` can be scored. docs/AUTHORING.md ("What validate checks") lists every check. With \
        no paths, checks the whole content folder.

        With --playthrough N, each scenario that has no errors is then played N times with generated \
        replies through the real call engine and analyser: model replies, good replies built from the \
        scenario, replies aimed at each branch, bad ones (rude, blame, "calm down", transfer talk, \
        hollow closers), random words and junk, and /hold, /transfer and /end. Call i is played by the \
        i-th persona that can play the scenario (the default persona first), so every one of them plays \
        when N is at least their number. For each scenario it prints how many nodes and endings the \
        calls reached, naming the ones never reached, and each failure: a call still going after \
        --max-replies replies, a mood outside -5..5, a call at a node that does not exist, or another \
        broken rule of a call. The same --seed gives the same calls and the same report.

        With --json, the problems are printed as a JSON array; with --playthrough as well, as an object \
        {"diagnostics": [...], "playthrough": {...}}.

        Exits 1 when there is any error, or any playthrough failure.

        Examples:
          calldojo validate
          calldojo validate Scenarios/my-new-call.yaml
          calldojo validate --playthrough 20 --seed 1
        """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print the problems as JSON, for editors and other tools.")
    var json = false

    @Option(help: ArgumentHelp("Also play each scenario N times with generated replies.", valueName: "N"))
    var playthrough: Int?

    @Option(help: ArgumentHelp("The seed for --playthrough; the same seed gives the same calls. Default: 1.",
                               valueName: "S"))
    var seed: UInt64?

    @Option(name: .customLong("max-replies"),
            help: ArgumentHelp("With --playthrough: a call still going after this many replies never ends.",
                               valueName: "N"))
    var maxReplies = 60

    @Argument(help: ArgumentHelp("Files or folders to check. Default: the content folder.", valueName: "path"))
    var paths: [String] = []

    func validate() throws {
        if let playthrough, playthrough < 1 {
            throw ValidationError("--playthrough needs a number of calls of 1 or more.")
        }
        if playthrough == nil && seed != nil {
            throw ValidationError("--seed is used with --playthrough.")
        }
        if maxReplies < 1 {
            throw ValidationError("--max-replies needs a number of 1 or more.")
        }
    }

    func run() throws {
        let console = Console(noColor: global.noColor)
        var library: ContentLibrary
        if paths.isEmpty {
            library = ContentLoader.load(contentRoot: try Workspace.contentRoot(global.content))
        } else {
            for p in paths where !FileManager.default.fileExists(atPath: p) {
                throw UserFacingError(message: "\(p): no such file or folder.")
            }
            library = ContentLoader.load(paths: paths.map { URL(fileURLWithPath: $0) })
        }
        let errors = library.diagnostics.filter { $0.severity == .error }.count
        let warnings = library.diagnostics.count - errors

        var report: PlaythroughReport?
        var borrowed: String?
        if let playthrough {
            // Scenario files checked on their own are played by the content folder's personas.
            var personas = library.personas
            if personas.isEmpty, let root = try? Workspace.contentRoot(global.content) {
                let folder = root.appendingPathComponent("Personas")
                personas = ContentLoader.load(paths: [folder]).personas
                if !json && !personas.isEmpty { borrowed = folder.path }
            }
            let options = PlaythroughOptions(calls: playthrough, seed: seed ?? 1, replyLimit: maxReplies)
            report = Playthrough.run(scenarios: library.scenarios, personas: personas, options: options)
        }

        if json {
            printJSON(library.diagnostics, report, console: console)
        } else {
            for d in library.diagnostics {
                let text = d.description
                console.line(d.severity == .error ? console.paint(text, .red) : console.paint(text, .yellow))
            }
            console.line("Loaded \(count(library.scenarios.count, "scenario")) and \(count(library.personas.count, "persona")): \(count(errors, "error")), \(count(warnings, "warning")).")
            if let report {
                if let borrowed { console.line("The scenarios are played by the personas in \(borrowed).") }
                printReport(report, console: console)
            }
        }
        if errors > 0 || report?.hasFailures == true { throw ExitCode(1) }
    }

    private func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    private func printJSON(_ diagnostics: [Diagnostic], _ report: PlaythroughReport?, console: Console) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        struct Both: Encodable {
            var diagnostics: [Diagnostic]
            var playthrough: PlaythroughReport
        }
        let data: Data?
        if let report {
            data = try? encoder.encode(Both(diagnostics: diagnostics, playthrough: report))
        } else {
            data = try? encoder.encode(diagnostics)
        }
        console.write(String(decoding: data ?? Data((report == nil ? "[]" : "{}").utf8), as: UTF8.self) + "\n")
    }

    private func printReport(_ report: PlaythroughReport, console: Console) {
        let o = report.options
        console.line("Playthrough: \(count(o.calls, "call")) per scenario, seed \(o.seed), at most \(o.replyLimit) repl\(o.replyLimit == 1 ? "y" : "ies") a call.")
        for s in report.scenarios {
            var parts = ["\(count(s.calls, "call")) by \(count(s.personas.count, "persona"))"]
            var nodes = "nodes \(s.visitedNodes.count)/\(s.nodes.count)"
            if !s.unvisitedNodes.isEmpty { nodes += " (never visited: \(s.unvisitedNodes.joined(separator: ", ")))" }
            parts.append(nodes)
            var endings = "endings \(s.reachedEndingCount)/\(s.endingCount)"
            if !s.unreachedEndings.isEmpty { endings += " (never reached: \(s.unreachedEndings.joined(separator: ", ")))" }
            parts.append(endings)
            parts.append("longest call \(s.longestCall) repl\(s.longestCall == 1 ? "y" : "ies")")
            let incomplete = !s.unvisitedNodes.isEmpty || !s.unreachedEndings.isEmpty
            let line = "\(s.scenario): " + parts.joined(separator: "; ")
            for l in console.wrap(line, first: "  ", rest: "      ") {
                console.line(incomplete ? console.paint(l, .yellow) : l)
            }
            for failure in s.failures {
                for l in console.wrap("FAIL " + failure.description, first: "    ", rest: "      ") {
                    console.line(console.paint(l, .red))
                }
            }
        }
        let calls = report.scenarios.map(\.calls).reduce(0, +)
        let failures = report.failures.count
        let summary = "Played \(count(calls, "call")) of \(count(report.scenarios.count, "scenario")): \(count(failures, "failure"))."
        console.line(failures > 0 ? console.paint(summary, .red) : summary)
    }
}
