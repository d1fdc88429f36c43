import ArgumentParser
import Foundation

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The folder holding Scenarios/ and Personas/.",
        discussion: "Default: the nearest such folder from the current directory upward, else the one beside the program.",
        valueName: "dir"))
    var content: String?

    @Option(name: .long, help: ArgumentHelp(
        "The folder where call records are kept.",
        discussion: "Default: $CALLDOJO_STORE, else $XDG_DATA_HOME/calldojo, else ~/.local/share/calldojo.",
        valueName: "dir"))
    var store: String?

    @Flag(name: .customLong("no-color"), help: "Print without colour (also when NO_COLOR is set).")
    var noColor = false
}

/// A failure the user can act on: printed as `calldojo: message` with exit code 1 (or the given one).
struct UserFacingError: Error, CustomStringConvertible {
    var message: String
    var exitCode: Int32 = 1
    var description: String { message }
}
