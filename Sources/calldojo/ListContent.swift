import ArgumentParser
import Dialogue

struct ListContent: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the installed scenarios or personas, with their ids."
    )

    enum What: String, ExpressibleByArgument, CaseIterable {
        case scenarios, personas
    }

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("What to list: scenarios or personas.", valueName: "what"))
    var what: What = .scenarios

    func run() throws {
        let workspace = try Workspace.open(global)
        let console = workspace.console
        switch what {
        case .scenarios:
            for s in workspace.library.scenarios {
                let persona = workspace.library.personas.first { $0.id == s.persona }?.name ?? s.persona
                console.line(console.paint(s.id, .bold) + "  \(s.title)")
                console.say("persona \(s.persona) (\(persona)), \(s.difficulty.rawValue); practises \(s.skills.map(\.title).joined(separator: ", "))",
                            first: "    ", rest: "    ")
            }
        case .personas:
            for p in workspace.library.personas {
                console.line(console.paint(p.id, .bold) + "  \(p.name)")
                console.say("\(p.style.rawValue), \(p.temper.rawValue), \(p.knowledge.rawValue) knowledge, tier \(p.tier.rawValue). \(p.summary)",
                            first: "    ", rest: "    ")
            }
        }
    }
}
