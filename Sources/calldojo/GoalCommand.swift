import ArgumentParser
import Dialogue
import Foundation
import Progress

struct GoalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "goal",
        abstract: "Set and follow trainees' goals: a score to reach in one skill by a date.",
        discussion: """
        A goal is reached when the average of the trainee's last three scores in the skill reaches the \
        target, in a call made on or before the date. Progress shows in `calldojo goal list`, in the \
        debrief and in reports. Dates are days in UTC.

        Examples:
          calldojo goal set --trainee "Sam Jones" --skill paraphrasing --target 80 --by 2025-03-31
          calldojo goal list
          calldojo goal remove --trainee "Sam Jones" g1
        """,
        subcommands: [GoalSet.self, GoalList.self, GoalRemove.self],
        defaultSubcommand: GoalList.self
    )
}

/// Shared by the goal commands: the store, names and skills as the user typed them.
enum GoalInputs {
    static func store(_ global: GlobalOptions) throws -> RecordStore {
        let root = StoreLocation.resolve(explicit: global.store, environment: ProcessInfo.processInfo.environment)
        do {
            return try RecordStore(root: root)
        } catch {
            throw UserFacingError(message: "\(error)")
        }
    }

    static func trainee(_ raw: String) throws -> TraineeName {
        do {
            return try TraineeName(raw)
        } catch {
            throw UserFacingError(message: "\(error)")
        }
    }

    /// A skill id (`active_listening`, `paraphrasing`, `next_steps`, `forward_resolution`); `-` may stand for `_`.
    static func skill(_ raw: String) throws -> Skill {
        let id = raw.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "-", with: "_")
        if let skill = Skill(rawValue: id) { return skill }
        let ids = Skill.allCases.map(\.rawValue).joined(separator: ", ")
        throw UserFacingError(message: "there is no skill called \(raw). The skills are: \(ids).")
    }

    static func report(_ damaged: [DamagedFile], _ console: Console) {
        for d in damaged { console.error("calldojo: \(d)") }
    }
}

struct GoalSet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Set a goal for a trainee."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The trainee the goal is for.", valueName: "name"))
    var trainee: String

    @Option(help: ArgumentHelp("The skill: active_listening, paraphrasing, next_steps or forward_resolution.", valueName: "skill"))
    var skill: String

    @Option(help: ArgumentHelp("The score to reach, 1 to 100.", valueName: "n"))
    var target: Int

    @Option(help: ArgumentHelp("The day to reach it by, as YYYY-MM-DD (today or later).", valueName: "date"))
    var by: String

    @Option(help: ArgumentHelp("A note to keep with the goal.", valueName: "text"))
    var note: String?

    func run() throws {
        let console = Console(noColor: global.noColor)
        let name = try GoalInputs.trainee(trainee)
        let skill = try GoalInputs.skill(skill)
        guard Goal.targets.contains(target) else {
            throw UserFacingError(message: "--target is a score from 1 to 100; got \(target).")
        }
        guard let day = GoalCalendar.date(fromDay: by) else {
            throw UserFacingError(message: "--by takes a day as YYYY-MM-DD, for example 2025-03-31; got \(by).")
        }
        let store = try GoalInputs.store(global)
        let goal: Goal
        do {
            goal = try store.addGoal(for: name, skill: skill, target: target, by: day, note: note)
        } catch {
            throw UserFacingError(message: "\(error)")
        }
        let (profile, damaged) = store.profile(for: name)
        GoalInputs.report(damaged, console)
        console.line("Goal \(goal.id) set for \(name.display): \(goal.skill.title) \(goal.target) by \(goal.byDay).")
        if let standing = profile?.goalStandings(now: Date()).first(where: { $0.goal.id == goal.id }) {
            console.line("  \(standing.summary)")
        }
    }
}

struct GoalList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List goals and the progress toward each."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Only this trainee's goals. Default: every trainee's.", valueName: "name"))
    var trainee: String?

    func run() throws {
        let console = Console(noColor: global.noColor)
        let store = try GoalInputs.store(global)
        var profiles: [TraineeProfile]
        if let trainee {
            let name = try GoalInputs.trainee(trainee)
            let (profile, damaged) = store.profile(for: name)
            GoalInputs.report(damaged, console)
            guard let profile, !profile.goals.isEmpty else {
                console.line("\(name.display) has no goals. Set one with: calldojo goal set --trainee \"\(name.display)\" --skill SKILL --target N --by YYYY-MM-DD")
                return
            }
            profiles = [profile]
        } else {
            let (all, damaged) = store.allProfiles()
            GoalInputs.report(damaged, console)
            profiles = all.filter { !$0.goals.isEmpty }
            guard !profiles.isEmpty else {
                console.line("No trainee has a goal yet. Set one with: calldojo goal set --trainee NAME --skill SKILL --target N --by YYYY-MM-DD")
                return
            }
        }
        let now = Date()
        for (n, profile) in profiles.enumerated() {
            if n > 0 { console.line() }
            console.line(console.paint(profile.name, .bold))
            for standing in profile.goalStandings(now: now) {
                let mark: String
                switch standing.status {
                case .achieved: mark = console.paint("achieved", .green)
                case .open: mark = "open"
                case .missed: mark = console.paint("missed", .red)
                }
                console.line("  \(standing.goal.id)  [\(mark)] \(standing.summary)")
                if let note = standing.goal.note { console.say("note: \(note)", first: "      ", rest: "      ") }
            }
        }
    }
}

struct GoalRemove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove one of a trainee's goals."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The trainee whose goal it is.", valueName: "name"))
    var trainee: String

    @Argument(help: ArgumentHelp("The goal's id, as `calldojo goal list` shows it (g1, g2, ...).", valueName: "id"))
    var id: String

    func run() throws {
        let console = Console(noColor: global.noColor)
        let name = try GoalInputs.trainee(trainee)
        let store = try GoalInputs.store(global)
        do {
            let goal = try store.removeGoal(id: id, for: name)
            console.line("Removed goal \(goal.id) for \(name.display): \(goal.skill.title) \(goal.target) by \(goal.byDay).")
        } catch {
            throw UserFacingError(message: "\(error)")
        }
    }
}
