import ArgumentParser

struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "calibrate", abstract: "(Not available in this version.)", shouldDisplay: false)

    func run() throws {
        throw UserFacingError(message: "`calldojo calibrate` is not available in this version.")
    }
}
