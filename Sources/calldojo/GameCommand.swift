import ArgumentParser

struct GameCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "game", abstract: "(Not available in this version.)", shouldDisplay: false)

    func run() throws {
        throw UserFacingError(message: "`calldojo game` is not available in this version.")
    }
}
