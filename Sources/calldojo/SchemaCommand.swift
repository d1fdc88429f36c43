import ArgumentParser
import Foundation

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema for scenario or persona files.",
        discussion: """
        Editors use these schemas to check and complete content files as you type. Every shipped file \
        starts with a line that points at its schema, for example:
          # yaml-language-server: $schema=../schemas/scenario.schema.json
        Save the output to use it elsewhere: calldojo schema scenario > scenario.schema.json
        """
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case scenario, persona
    }

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Which schema: scenario or persona.", valueName: "kind"))
    var kind: Kind

    func run() throws {
        let root = try Workspace.contentRoot(global.content)
        let url = root.appendingPathComponent("schemas/\(kind.rawValue).schema.json")
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw UserFacingError(message: "cannot read \(url.path). The schemas live in schemas/ beside Scenarios/ and Personas/.")
        }
        Output.write(String(decoding: data, as: UTF8.self), to: STDOUT_FILENO)
    }
}
