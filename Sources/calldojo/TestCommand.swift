import ArgumentParser
import Foundation
import Playtest

struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Play golden transcripts and check each call still goes as written.",
        discussion: """
        A golden transcript (a .call file) lists a trainee's replies and what the call must do in \
        return: the nodes it reaches, what the customer says, the mood, the ending and score ranges. \
        Each file is played against the content folder and reported as ok or FAILED; every check that \
        did not hold is printed as FILE:LINE: message, with what actually happened. Exits 1 when any \
        file fails. docs/TRANSCRIPTS.md describes the format.

        Examples:
          calldojo test                                  every transcript in Transcripts/
          calldojo test Transcripts/broadband-down.call
          calldojo test --show Transcripts/my-call.call  also print the call as it was played
        """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print each call as it was played, with nodes, mood, ending and scores.")
    var show = false

    @Argument(help: ArgumentHelp("Transcript files or folders. Default: Transcripts/ in the content folder.", valueName: "path"))
    var paths: [String] = []

    func run() throws {
        let workspace = try Workspace.open(global)
        let console = workspace.console
        let urls: [URL]
        if paths.isEmpty {
            let folder = workspace.contentRoot.appendingPathComponent(GoldenFiles.folderName, isDirectory: true)
            guard FileManager.default.fileExists(atPath: folder.path) else {
                throw UserFacingError(message: "there is no \(GoldenFiles.folderName)/ folder in \(workspace.contentRoot.path). Give the transcript files or folders to test.")
            }
            urls = [folder]
        } else {
            urls = paths.map { URL(fileURLWithPath: $0) }
        }
        let (files, missing) = GoldenFiles.find(urls)
        for problem in missing {
            console.error("calldojo: \(TestCommand.displayPath(URL(fileURLWithPath: problem.file))): \(problem.message)")
        }
        if files.isEmpty {
            throw UserFacingError(message: "no golden transcripts (*.\(GoldenTranscript.fileExtension) files) to test.")
        }

        let runner = GoldenRunner(library: workspace.library)
        var failed = 0
        let shown = files.map { TestCommand.displayPath($0) }
        let width = min(60, shown.map(\.count).max() ?? 0)
        for (url, path) in zip(files, shown) {
            var result = runner.run(file: url)
            result.problems = result.problems.map { problem in
                var p = problem
                p.file = TestCommand.displayPath(URL(fileURLWithPath: problem.file))
                return p
            }
            let name = path.padding(toLength: max(width, path.count), withPad: " ", startingAt: 0)
            if result.passed {
                console.line(console.paint("ok     ", .green) + " " + name + (result.summary.map { "  " + console.paint($0, .dim) } ?? ""))
            } else {
                failed += 1
                console.line(console.paint("FAILED ", .red) + " " + name + (result.summary.map { "  " + console.paint($0, .dim) } ?? ""))
                for problem in result.problems {
                    console.line("  " + console.paint("\(problem.file):\(problem.line):", .bold) + " " + problem.message)
                    for detail in problem.details {
                        console.say(detail, .dim, first: "      ", rest: "        ")
                    }
                }
            }
            if show {
                for line in result.playedLines {
                    console.say(line, first: "    ", rest: "      ")
                }
            }
        }
        let total = files.count
        let noun = total == 1 ? "transcript" : "transcripts"
        if failed == 0 && missing.isEmpty {
            console.line(console.paint("\(total) \(noun) passed.", .green))
        } else {
            var summary = failed == 0 ? "\(total) \(noun) passed" : "\(failed) of \(total) \(noun) failed"
            if !missing.isEmpty { summary += ", and \(missing.count) path\(missing.count == 1 ? " was" : "s were") not found" }
            console.line(console.paint(summary + ".", .red))
            throw ExitCode(1)
        }
    }

    /// The path relative to the current folder when it is inside it, else as it is.
    static func displayPath(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        let prefix = here.hasSuffix("/") ? here : here + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
