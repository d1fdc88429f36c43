import ArgumentParser
import Foundation
import Progress
import Reports

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List recorded calls, newest first, with their session ids and scores.",
        discussion: """
        Columns: session id (give it to `calldojo replay`), when the call started, the trainee (when \
        listing everyone), the overall score and the four skills (Listen = active listening, Para = \
        paraphrasing, Next = next-step explanation, Fwd = forward resolution), how the call ended, and \
        the scenario.
        """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Only this trainee's calls. Default: everyone's.", valueName: "name"))
    var trainee: String?

    func run() throws {
        let console = Console(noColor: global.noColor)
        let storeRoot = StoreLocation.resolve(explicit: global.store, environment: ProcessInfo.processInfo.environment)
        let store: RecordStore
        do {
            store = try RecordStore(root: storeRoot)
        } catch {
            throw UserFacingError(message: "\(error)")
        }
        let profiles: [TraineeProfile]
        let damaged: [DamagedFile]
        if let trainee {
            let name: TraineeName
            do {
                name = try TraineeName(trainee)
            } catch {
                throw UserFacingError(message: "\(error)")
            }
            let (profile, bad) = store.profile(for: name)
            guard let profile else {
                let known = store.allProfiles().0.map(\.name)
                throw UserFacingError(message: "there are no calls recorded for \(name.display).\(ReportCommand.hint(name.display, known))")
            }
            (profiles, damaged) = ([profile], bad)
        } else {
            (profiles, damaged) = store.allProfiles()
        }
        for file in damaged { console.error("calldojo: warning: \(file)") }
        let rows = History.rows(profiles, scenarioTitles: ReportCommand.scenarioTitles(global.content))
        console.write(History.render(rows, showTrainee: trainee == nil, width: console.width))
    }
}
