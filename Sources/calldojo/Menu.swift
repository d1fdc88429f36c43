import ArgumentParser
import Dialogue
import Foundation
import LineEditor
import Progress

struct Menu: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "menu",
        abstract: "Pick who you are and a call from a menu (what `calldojo` does on its own).",
        shouldDisplay: false
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let workspace = try Workspace.open(global)
        let store = try workspace.openStore()
        let console = workspace.console
        let scenarios = workspace.library.scenarios
        guard !scenarios.isEmpty else {
            throw UserFacingError(message: "there are no scenarios in \(workspace.contentRoot.path)/Scenarios.")
        }
        let editor = LineEditor(historyFile: nil, completions: { _ in [] })
        func ask(_ question: String) -> String? {
            switch editor.readLine(prompt: editor.isInteractive ? question : "") {
            case let .line(text): return text.trimmingCharacters(in: .whitespaces)
            case .endOfInput, .interrupted: return nil
            }
        }

        console.line(console.paint("CallDojo", .bold) + " - practise calls, get coached.")
        // Who are you?
        var trainee: TraineeName?
        while trainee == nil {
            let last = store.lastTrainee
            let question = last.map { "Your name [\($0)]: " } ?? "Your name: "
            guard let answer = ask(question) else { return }
            let raw = answer.isEmpty ? (last ?? "") : answer
            do {
                trainee = try TraineeName(raw)
            } catch {
                console.say("\(error)", .yellow)
                if !editor.isInteractive { throw UserFacingError(message: "\(error)") }
            }
        }
        guard let trainee else { return }

        while true {
            console.line()
            console.line(console.paint("Calls", .bold))
            for (i, s) in scenarios.enumerated() {
                let persona = workspace.library.personas.first { $0.id == s.persona }?.name ?? s.persona
                let skills = s.skills.map(\.title).joined(separator: ", ")
                console.say("\(s.title) - \(persona), \(s.difficulty.rawValue). Practises: \(skills).", first: "\(i + 1). ".padded(to: 4), rest: "    ")
            }
            guard let pick = ask("Pick a call (1-\(scenarios.count)), or q to quit: ") else { return }
            if pick.lowercased() == "q" || pick.lowercased() == "quit" { return }
            guard let n = Int(pick), scenarios.indices.contains(n - 1) else {
                console.say("Type a number from 1 to \(scenarios.count), or q.", .yellow)
                if !editor.isInteractive { throw UserFacingError(message: "\(pick) is not one of the calls listed.") }
                continue
            }
            let scenario = scenarios[n - 1]
            let choices = workspace.library.personas.filter { scenario.accepts(persona: $0.id) }
            let defaultPersona = choices.first { $0.id == scenario.persona } ?? choices.first
            var persona = defaultPersona
            if choices.count > 1 {
                for (i, p) in choices.enumerated() {
                    let mark = p.id == scenario.persona ? " (default)" : ""
                    console.say("\(p.name): \(p.style.rawValue), \(p.temper.rawValue)\(mark)", first: "\(i + 1). ".padded(to: 4), rest: "    ")
                }
                guard let answer = ask("Customer [Enter for \(defaultPersona?.name ?? "the default")]: ") else { return }
                if let k = Int(answer), choices.indices.contains(k - 1) { persona = choices[k - 1] }
            }
            guard let persona else {
                throw UserFacingError(message: "no persona can play \(scenario.id); check `calldojo validate`.")
            }
            guard let coachAnswer = ask("Coached practice with hints? [Y/n, or a for an assessment]: ") else { return }
            let answer = coachAnswer.lowercased()
            let mode: PracticeMode
            if answer.hasPrefix("a") {
                do {
                    let (rules, attempt) = try AssessmentSetup.prepare(scenario: scenario, trainee: trainee, workspace: workspace, store: store)
                    mode = .assessment(rules, attempt: attempt)
                } catch let error as UserFacingError where editor.isInteractive {
                    console.say(error.message, .yellow)
                    continue
                }
            } else {
                mode = answer.hasPrefix("n") ? .practice : .coached
            }
            console.line()
            try PracticeFlow(workspace: workspace, store: store, trainee: trainee)
                .run(scenario: scenario, persona: persona, mode: mode, seed: UInt64.random(in: 0...UInt64(UInt32.max)))
            guard let again = ask("Another call? [y/N]: "), again.lowercased().hasPrefix("y") else { return }
        }
    }
}
