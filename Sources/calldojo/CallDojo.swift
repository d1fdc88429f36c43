import ArgumentParser
import Foundation

@main
struct CallDojo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calldojo",
        abstract: "Practise contact-centre calls with scripted customers, and get coached on how you did.",
        discussion: """
        Run with no command to pick who you are and a call from a menu. A customer speaks; you type \
        your replies; the call branches on what you actually say. At the end you get scores on active \
        listening, paraphrasing, next-step explanation and forward resolution, with the words that \
        earned or lost each point. Every call is saved to your record.

        Examples:
          calldojo                                   pick a call from the menu
          calldojo practice --scenario broadband-down --coach
          calldojo list scenarios
          calldojo validate Scenarios/my-new-call.yaml
          calldojo analyze --customer "It's been down since Tuesday" --reply "So since Tuesday? I'll book an engineer."

        Every command takes --content DIR (the folder holding Scenarios/ and Personas/), \
        --store DIR (where records are kept; or set CALLDOJO_STORE) and --no-color.
        """,
        subcommands: [Menu.self, Practice.self, ListContent.self, Validate.self, Analyze.self, SchemaCommand.self, Export.self, ReportCommand.self, HistoryCommand.self, ReplayCommand.self, GoalCommand.self, CohortCommand.self, TestCommand.self, GroupCommand.self, CalibrateCommand.self, GameCommand.self, RefreshCommand.self],
        defaultSubcommand: Menu.self
    )

    /// Parses the arguments and runs the command; a ``UserFacingError`` prints as `calldojo: message`.
    static func main(_ arguments: [String]?) {
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch let error as UserFacingError {
            Output.write("calldojo: \(error.message)\n", to: STDERR_FILENO)
            Foundation.exit(error.exitCode)
        } catch {
            exit(withError: error)
        }
    }

    static func main() {
        main(nil)
    }
}
