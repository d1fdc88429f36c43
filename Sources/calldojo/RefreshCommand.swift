import ArgumentParser
import Dialogue
import Foundation
import Games
import Progress
import Training

struct RefreshCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refresh",
        abstract: "A short refresher on your weakest skill, chosen from your own calls.",
        discussion: """
        Looks at your recent calls, finds the skill with the lowest average (your latest calls count \
        most), picks the call that works on it you have practised least recently, says why in plain \
        English, then starts it as coached practice (/hint works). After the call you see your goals \
        and how far along each is.

        With no calls yet, you start with active listening on an easy call.

        --dry-run says what it would pick, and why, and starts nothing. docs/REFRESH.md explains how \
        the choice is made.

        Examples:
          calldojo refresh
          calldojo refresh --trainee "Sam Jones" --dry-run
          calldojo refresh --trainee "Sam Jones" --seed 7
        """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Whose refresher. Default: the last name used.", valueName: "name"))
    var trainee: String?

    @Option(help: ArgumentHelp("Fix the call's random choices, to replay it exactly.", valueName: "n"))
    var seed: UInt64?

    @Flag(name: .customLong("dry-run"), help: "Say what the refresher would be, and why, without starting it.")
    var dryRun = false

    func run() throws {
        let workspace = try Workspace.open(global)
        let store = try workspace.openStore()
        let console = workspace.console
        let name = try Practice.traineeName(trainee, store: store)
        let (profile, damaged) = store.profile(for: name)
        for file in damaged { console.error("calldojo: warning: \(file)") }

        let recommendation: RefreshRecommendation
        do {
            recommendation = try RefreshPlanner(scenarios: workspace.library.scenarios)
                .recommend(sessions: profile?.sessions ?? [], goals: profile?.goals ?? [], now: Date())
        } catch {
            throw UserFacingError(message: error.description)
        }

        console.line(console.paint("Refresher for \(name.display): \(recommendation.skill.title)", .bold))
        for paragraph in recommendation.explanation {
            console.say(paragraph)
        }
        console.line()

        switch recommendation.activity {
        case let .call(scenarioID, personaID):
            let scenario = try workspace.scenario(scenarioID)
            let persona = try PracticeFlow.persona(for: scenario, requested: personaID, in: workspace)
            console.say("Next: \(recommendation.activity.noun), coached: \"\(scenario.title)\" (\(scenario.id), \(scenario.difficulty.rawValue)) with \(persona.name). Type /hint whenever you are unsure what to say.")
            let game = RefreshCommand.game(for: recommendation.skill)
            console.say("Short of time? A two-minute game on the same skill: calldojo game \(game.rawValue) --trainee \(RefreshCommand.shellQuoted(name.display))", .dim)
            if dryRun {
                console.say("Not started (--dry-run). To start it: calldojo refresh --trainee \(RefreshCommand.shellQuoted(name.display))", .dim)
                return
            }
            console.line()
            let flow = PracticeFlow(workspace: workspace, store: store, trainee: name)
            try flow.run(scenario: scenario, persona: persona, mode: .coached,
                         seed: seed ?? UInt64.random(in: 0...UInt64(UInt32.max)))
        }

        suggestGoal(for: name, weakest: recommendation, store: store, console: console)
    }

    /// After the call (whose debrief shows the trainee's goals), how to set a goal when there is none.
    private func suggestGoal(for name: TraineeName, weakest: RefreshRecommendation, store: RecordStore, console: Console) {
        let now = Date()
        let (profile, damaged) = store.profile(for: name)
        for file in damaged { console.error("calldojo: warning: \(file)") }
        let standings = profile?.goalStandings(now: now) ?? []
        guard !standings.isEmpty else {
            // Suggest a goal in the skill that is weakest now, this call included: ten points up, in four weeks.
            let averages = RefreshPlanner.skillAverages(RefreshPlanner.countedCalls(profile?.sessions ?? []))
            let lowest = RefreshPlanner.ranked(averages).first
            let skill = lowest?.skill ?? weakest.skill
            let target = min(100, max(1, ((lowest?.rounded ?? 60) + 10 + 4) / 5 * 5))
            let by = GoalCalendar.day(now.addingTimeInterval(28 * 86_400))
            console.line()
            console.say("You have no goals yet. A goal gives your practice a target, for example:")
            console.say("calldojo goal set --trainee \(RefreshCommand.shellQuoted(name.display)) --skill \(skill.rawValue) --target \(target) --by \(by)", first: "  ", rest: "    ")
            return
        }
    }

    /// The game that drills a skill.
    static func game(for skill: Skill) -> GameKind {
        switch skill {
        case .activeListening: return .whosCalling
        case .paraphrasing: return .paraphraseSprint
        case .nextSteps: return .nextStepBuilder
        case .forwardResolution: return .spotTheOpening
        }
    }

    /// A name as it would be typed in a shell: in double quotes when it holds anything but letters,
    /// digits and a few safe marks.
    static func shellQuoted(_ text: String) -> String {
        let safe = text.allSatisfy { $0.isLetter || $0.isNumber || "-_.".contains($0) }
        if safe && !text.isEmpty { return text }
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "$", with: "\\$").replacingOccurrences(of: "`", with: "\\`")
        return "\"\(escaped)\""
    }
}
