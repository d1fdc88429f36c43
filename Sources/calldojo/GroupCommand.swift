import ArgumentParser

struct GroupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "group", abstract: "(Not available in this version.)", shouldDisplay: false)

    func run() throws {
        throw UserFacingError(message: "`calldojo group` is not available in this version.")
    }
}
