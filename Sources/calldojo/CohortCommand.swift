import ArgumentParser
import Foundation
import Progress

struct CohortCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cohort",
        abstract: "Group trainees into cohorts, to report on them together.",
        discussion: """
        Examples:
          calldojo cohort add "March intake" "Sam Jones" "Ana María" Li
          calldojo cohort list
          calldojo report --cohort "March intake"
        """,
        subcommands: [AddToCohort.self, ListCohorts.self],
        defaultSubcommand: ListCohorts.self
    )

    struct AddToCohort: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add trainees to a cohort, creating it if it is new."
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The cohort's name (matched ignoring case).", valueName: "name"))
        var name: String

        @Argument(help: ArgumentHelp("The trainees to add, by name. Quote names with spaces.", valueName: "trainee"))
        var trainees: [String] = []

        func run() throws {
            let console = Console(noColor: global.noColor)
            guard !trainees.isEmpty else {
                throw UserFacingError(message: "name at least one trainee to add, e.g. calldojo cohort add \"\(name)\" \"Sam Jones\".")
            }
            var names: [TraineeName] = []
            for raw in trainees {
                do {
                    names.append(try TraineeName(raw))
                } catch {
                    throw UserFacingError(message: "\(raw.debugDescription): \(error)")
                }
            }
            let store = try GoalInputs.store(global)
            let before = Set(store.cohort(named: name).0?.traineeKeys ?? [])
            let cohort: Cohort
            do {
                cohort = try store.addToCohort(named: name, trainees: names)
            } catch {
                throw UserFacingError(message: "\(error)")
            }
            let added = cohort.members.filter { !before.contains($0.key) }
            let already = names.filter { before.contains($0.key) }
            let verb = before.isEmpty ? "Created cohort" : "Cohort"
            console.line("\(verb) \(cohort.name): \(cohort.members.count) trainee\(cohort.members.count == 1 ? "" : "s").")
            if !added.isEmpty { console.line("  added: \(added.map(\.name).joined(separator: ", "))") }
            if !already.isEmpty { console.line("  already in it: \(already.map(\.display).joined(separator: ", "))") }
        }
    }

    struct ListCohorts: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the cohorts and who is in each."
        )

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let console = Console(noColor: global.noColor)
            let store = try GoalInputs.store(global)
            let (cohorts, damaged) = store.cohorts()
            GoalInputs.report(damaged, console)
            guard !cohorts.isEmpty else {
                console.line("No cohorts yet. Create one with: calldojo cohort add NAME TRAINEE...")
                return
            }
            let keys = Set(store.allProfiles().0.map(\.key))
            for cohort in cohorts {
                console.line(console.paint(cohort.name, .bold) + "  \(cohort.members.count) trainee\(cohort.members.count == 1 ? "" : "s")")
                let names = cohort.members.map { keys.contains($0.key) ? $0.name : "\($0.name) (no calls yet)" }
                console.say(names.joined(separator: ", "), first: "    ", rest: "    ")
            }
        }
    }
}
