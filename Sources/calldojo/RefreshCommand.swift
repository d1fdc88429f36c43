import ArgumentParser

struct RefreshCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "refresh", abstract: "(Not available in this version.)", shouldDisplay: false)

    func run() throws {
        throw UserFacingError(message: "`calldojo refresh` is not available in this version.")
    }
}
