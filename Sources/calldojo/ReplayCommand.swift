import ArgumentParser
import Foundation
import Progress
import Reports

struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Show a recorded call turn by turn: what was heard in each reply, the points it earned or lost, and the customer's mood.",
        discussion: """
        Under each reply: "heard" lists what CallDojo detected, each with the words that triggered it; \
        lines starting + or - are the points that reply earned or lost for a skill, and why; "mood after" \
        is the customer's mood from -5 (furious) to +5 (delighted). Findings about the call as a whole, \
        how it ended and the four scores come last. `calldojo history` lists session ids.
        """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The call's session id, as `calldojo history` lists it.", valueName: "session-id"))
    var sessionID: String

    func run() throws {
        let console = Console(noColor: global.noColor)
        let storeRoot = StoreLocation.resolve(explicit: global.store, environment: ProcessInfo.processInfo.environment)
        let store: RecordStore
        do {
            store = try RecordStore(root: storeRoot)
        } catch {
            throw UserFacingError(message: "\(error)")
        }
        let id = sessionID.trimmingCharacters(in: .whitespaces)
        switch store.session(id: id) {
        case let .success(record)?:
            console.debrief(Replay.lines(for: record))
        case let .failure(damaged)?:
            throw UserFacingError(message: "the call \(id) could not be read: \(damaged)")
        case nil:
            let names = (try? FileManager.default.contentsOfDirectory(atPath: store.sessionsFolder.path)) ?? []
            let ids = names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.map { String($0.dropLast(5)) }
            let close = Replay.suggestions(for: id, among: ids)
            let hint = close.isEmpty ? "" : " Did you mean \(close.joined(separator: " or "))?"
            throw UserFacingError(message: "there is no call \(id) in \(storeRoot.path).\(hint) `calldojo history` lists the calls with their ids.")
        }
    }
}
