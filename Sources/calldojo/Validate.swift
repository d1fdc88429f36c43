import ArgumentParser
import Content
import Foundation

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check scenario and persona files for mistakes.",
        discussion: """
        Each problem is printed as FILE:LINE:COL: error: message (or warning:). Exits 1 when there is \
        any error. With no paths, checks the whole content folder.
        """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print the problems as JSON, for editors and other tools.")
    var json = false

    @Argument(help: ArgumentHelp("Files or folders to check. Default: the content folder.", valueName: "path"))
    var paths: [String] = []

    func run() throws {
        let console = Console(noColor: global.noColor)
        let library: ContentLibrary
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
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = (try? encoder.encode(library.diagnostics)) ?? Data("[]".utf8)
            console.write(String(decoding: data, as: UTF8.self) + "\n")
        } else {
            for d in library.diagnostics {
                let text = d.description
                console.line(d.severity == .error ? console.paint(text, .red) : console.paint(text, .yellow))
            }
            console.line("Loaded \(library.scenarios.count) scenario\(library.scenarios.count == 1 ? "" : "s") and \(library.personas.count) persona\(library.personas.count == 1 ? "" : "s"): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s").")
        }
        if errors > 0 { throw ExitCode(1) }
    }
}
