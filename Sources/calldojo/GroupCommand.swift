import ArgumentParser
import Dialogue
import Foundation
import Language
import LineEditor
import Progress
import Scoring
import Training

struct GroupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "group",
        abstract: "Take one call as a group of 2 to 6 trainees at one terminal.",
        discussion: """
        Round-robin (the default): for every customer line, each trainee types a reply in turn. Then \
        the replies are shown side by side with what was heard in each and its points, and the \
        customer hears the best one (or, with --pick trainer, the one the trainer names). Hot-seat: \
        the trainees take turns driving the call, one reply each.

        At the end each trainee gets a debrief on their own replies, and a leaderboard is shown. Each \
        trainee's call is saved to their record, tagged with the group session, and the session itself \
        is saved in the store's groups/ folder. During the call: /help /account /repeat /end /quit.

        When input is not a terminal, lines are read in turn order (A, B, C, A, ...); with --pick \
        trainer, the trainer's pick is the line after each round.

        Examples:
          calldojo group --trainees Ana,Ben,Cal --scenario broadband-down
          calldojo group --trainees "Ana María,Ben" --scenario charged-twice --mode hot-seat
          calldojo group --trainees Ana,Ben,Cal --scenario return-refund --pick trainer --seed 4
        """
    )

    enum Pick: String, ExpressibleByArgument, CaseIterable {
        case best, trainer
    }

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("2 to 6 names, separated by commas.", valueName: "A,B,..."))
    var trainees: String

    @Option(help: ArgumentHelp("The call to take (see `calldojo list scenarios`). Asked for when missing, at a terminal.", valueName: "id"))
    var scenario: String?

    @Option(help: ArgumentHelp("Play the customer as another persona.", valueName: "id"))
    var persona: String?

    @Option(help: ArgumentHelp("round-robin or hot-seat.", valueName: "mode"))
    var mode: GroupMode = .roundRobin

    @Option(help: ArgumentHelp("Round-robin: the customer hears the best-scoring reply (best), or the one the trainer names (trainer).", valueName: "how"))
    var pick: Pick = .best

    @Option(help: ArgumentHelp("Fix the call's random choices.", valueName: "n"))
    var seed: UInt64?

    func run() throws {
        let workspace = try Workspace.open(global)
        let console = workspace.console
        let store = try workspace.openStore()
        let names = try GroupCommand.names(trainees)
        let editor = LineEditor(historyFile: nil, completions: { word in ["/help", "/account", "/repeat", "/end", "/quit"].filter { $0.hasPrefix(word) } })
        let scenario = try chooseScenario(workspace: workspace, editor: editor)
        let persona = try PracticeFlow.persona(for: scenario, requested: persona, in: workspace)
        let seed = seed ?? UInt64.random(in: 0...UInt64(UInt32.max))
        let engine = CallEngine(scenario: scenario, persona: persona, analyzer: ReplyAnalyzer())
        var call = GroupCall(engine: engine, trainees: names.map(\.display), mode: mode, seed: seed)
        let started = Date()
        let speaker = String(persona.name.split(separator: " ").first ?? Substring(persona.name))

        console.line(console.paint("\(scenario.title): a \(mode.rawValue) call for \(names.map(\.display).joined(separator: ", "))", .bold))
        show(GroupCall.opening(engine, seed: seed), speaker: speaker, console: console)

        reading: while !call.state.isOver {
            let who = call.whoseTurn
            let name = names[who].display
            let prompt = editor.isInteractive ? console.promptPaint("\(name): ", .bold) : ""
            switch editor.readLine(prompt: prompt) {
            case .endOfInput:
                show(call.command(.abandon), speaker: speaker, console: console)
                break reading
            case .interrupted:
                if editor.confirm(prompt: "Leave this call? Everyone's call is saved as abandoned. (y/n) ") ?? true {
                    show(call.command(.abandon), speaker: speaker, console: console)
                    break reading
                }
            case let .line(raw):
                let clean = LineSanitizer.sanitize(raw)
                guard !clean.text.isEmpty else {
                    if editor.isInteractive { console.say("\(name), type a reply to \(speaker), or /help.", .dim) }
                    continue
                }
                switch clean.text.lowercased() {
                case "/help":
                    console.say("Each of you types a reply when your name is shown. /account shows the account record, /repeat the customer's last line, /end ends the call, /quit leaves it (saved as abandoned).", .dim)
                case "/account":
                    for field in scenario.account { console.say("\(field.label): \(field.value)", first: "  ", rest: "    ") }
                    if scenario.account.isEmpty { console.say("There is no account record for this call.") }
                case "/repeat":
                    console.speak(speaker + ":", call.state.lastCustomerLine, .cyan)
                case "/end":
                    show(call.command(.end), speaker: speaker, console: console)
                case "/quit":
                    show(call.command(.abandon), speaker: speaker, console: console)
                default:
                    if clean.text.hasPrefix("/") && !clean.text.contains(" ") {
                        console.say("\(clean.text) is not available in a group call: /help lists what is.", .yellow)
                        continue
                    }
                    show(call.submit(clean.text), speaker: speaker, console: console)
                    if call.roundComplete {
                        showRound(call, names: names, console: console)
                        guard let index = try choose(call, names: names, editor: editor, console: console) else {
                            show(call.command(.abandon), speaker: speaker, console: console)
                            break reading
                        }
                        console.say("\(speaker) hears \(names[call.pending[index].trainee].display)'s reply.", .dim)
                        show(call.pick(index), speaker: speaker, console: console)
                    }
                }
            }
        }
        try finish(call, names: names, scenario: scenario, persona: persona, seed: seed, started: started, store: store, console: console)
    }

    /// The names given: 2 to 6, each a valid trainee name, no one twice.
    static func names(_ text: String) throws -> [TraineeName] {
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard (2...6).contains(parts.count) else {
            throw UserFacingError(message: "a group is 2 to 6 trainees; --trainees named \(parts.count). Separate names with commas: --trainees Ana,Ben,Cal")
        }
        var names: [TraineeName] = []
        for part in parts {
            let name: TraineeName
            do { name = try TraineeName(part) } catch { throw UserFacingError(message: "\(error)") }
            guard !names.contains(where: { $0.key == name.key }) else {
                throw UserFacingError(message: "\(part) is named twice in --trainees.")
            }
            names.append(name)
        }
        return names
    }

    private func chooseScenario(workspace: Workspace, editor: LineEditor) throws -> Scenario {
        if let scenario { return try workspace.scenario(scenario) }
        guard editor.isInteractive else {
            throw UserFacingError(message: "say which call to take: --scenario ID (see `calldojo list scenarios`).")
        }
        let scenarios = workspace.library.scenarios
        for (i, s) in scenarios.enumerated() { workspace.console.say("\(s.title) (\(s.difficulty.rawValue))", first: "\(i + 1). ".padded(to: 4), rest: "    ") }
        while true {
            switch editor.readLine(prompt: "Pick a call (1-\(scenarios.count)): ") {
            case let .line(text):
                if let n = Int(text.trimmingCharacters(in: .whitespaces)), scenarios.indices.contains(n - 1) { return scenarios[n - 1] }
                workspace.console.say("Type a number from 1 to \(scenarios.count).", .yellow)
            case .endOfInput, .interrupted:
                throw UserFacingError(message: "no call was chosen.", exitCode: 1)
            }
        }
    }

    /// The replies of a round side by side.
    private func showRound(_ call: GroupCall, names: [TraineeName], console: Console) {
        console.line()
        console.line(console.paint("Replies for this line", .bold))
        for c in call.pending {
            let who = names[c.trainee].display
            let shows = ReplyPoints.labels(c.signals)
            console.say("\(who): \(c.points) points. \(shows.isEmpty ? "nothing the analyser recognises" : shows.joined(separator: "; ")).",
                        first: "  ", rest: "    ")
            console.say("\"\(c.text)\"", .dim, first: "    ", rest: "     ")
        }
    }

    /// The reply the customer hears: the best, or the trainer's choice. Nil when the input ends.
    private func choose(_ call: GroupCall, names: [TraineeName], editor: LineEditor, console: Console) throws -> Int? {
        guard pick == .trainer else { return call.bestPending }
        while true {
            let question = "Trainer: whose reply does the customer hear? (name or 1-\(call.pending.count), Enter for the best) "
            switch editor.readLine(prompt: editor.isInteractive ? question : "") {
            case .endOfInput, .interrupted:
                return nil
            case let .line(raw):
                let text = raw.trimmingCharacters(in: .whitespaces)
                if text.isEmpty { return call.bestPending }
                if let n = Int(text), call.pending.indices.contains(n - 1) { return n - 1 }
                if let i = call.pending.firstIndex(where: { names[$0.trainee].display.lowercased() == text.lowercased() }) { return i }
                let message = "\(text) is not one of this round's replies: type a name or a number from 1 to \(call.pending.count)."
                guard editor.isInteractive else { throw UserFacingError(message: message) }
                console.say(message, .yellow)
            }
        }
    }

    private func show(_ events: [CallEvent], speaker: String, console: Console) {
        for event in events {
            switch event {
            case let .customerSays(line, _): console.speak(speaker + ":", line, .cyan)
            case let .moodChanged(from, to):
                console.say("[\(speaker)'s mood: \(MoodWords.describe(to)), \(to > from ? "up" : "down")]", to > from ? .green : .red, first: "  ", rest: "  ")
            case .issueRaised, .issueResolved: break
            case let .ended(ending):
                console.line()
                console.say("Call ended: \(ending.kind.title).", .bold)
            }
        }
    }

    private func finish(_ call: GroupCall, names: [TraineeName], scenario: Scenario, persona: Persona, seed: UInt64,
                        started: Date, store: RecordStore, console: Console) throws {
        let ended = Date()
        let groupID = GroupRecord.makeID(at: started)
        let board = call.leaderboard()
        var sessionIDs: [Int: String] = [:]
        var failures: [String] = []
        for (i, name) in names.enumerated() {
            guard let entry = board.first(where: { $0.trainee == i }) else { continue }
            let record = SessionRecord(trainee: name, scenario: scenario, persona: persona, mode: .practice, seed: seed,
                                       startedAt: started, endedAt: ended, state: call.callState(for: i), score: entry.score,
                                       groupSession: groupID)
            sessionIDs[i] = record.id
            do { try store.save(session: record) } catch { failures.append("\(name.display)'s call: \(error)") }
            console.line()
            console.line(console.paint("\(name.display)", .bold))
            console.debrief(Debrief.lines(for: entry.score, scenario: scenario, persona: persona, maxEvidence: 3))
        }
        console.line()
        console.line(console.paint("Leaderboard", .bold))
        for (place, entry) in board.enumerated() {
            let heard = call.picks.filter { $0.candidate.trainee == entry.trainee }.count
            console.line("  \(place + 1). \(names[entry.trainee].display.padded(to: 20)) \(String(entry.score.overall).padded(to: 4))"
                         + "(the customer heard \(heard) of their replies)")
        }
        let turns = call.picks.map { pick in
            GroupRecord.Turn(
                turn: pick.turn,
                replies: names.indices.compactMap { i in
                    call.replies[i][pick.turn].map { GroupRecord.Reply(trainee: names[i].display, text: $0.text, points: $0.points) }
                },
                heard: names[pick.candidate.trainee].display)
        }
        let group = GroupRecord(
            id: groupID, scenario: scenario.id, persona: persona.id, mode: mode.rawValue, pick: pick.rawValue, seed: seed,
            trainees: names.map(\.display), startedAt: started, endedAt: ended, ending: call.state.ending, turns: turns,
            leaderboard: board.map { GroupRecord.Place(trainee: names[$0.trainee].display, overall: $0.score.overall, session: sessionIDs[$0.trainee] ?? "") })
        do { try store.save(group: group) } catch { failures.append("the group session: \(error)") }
        if !failures.isEmpty {
            throw UserFacingError(message: "not everything could be saved: " + failures.joined(separator: "; "))
        }
        console.say("Saved: each trainee's call, and the group session as \(groupID).", .dim)
    }
}

extension GroupMode: ExpressibleByArgument {}
