import Dialogue
import Foundation
import Language
import LineEditor
import Progress
import Scoring
import Training

/// Runs one call at the terminal: shows the customer's lines, reads the trainee's replies and slash
/// commands, and drives the engine until the call ends. Scripted input (stdin not a terminal) works
/// the same way, with no prompts.
///
/// In an assessment (``assessment`` set) /hint is refused, nothing is pointed out during the call, and
/// any time limit is checked against ``clock`` each time a line is read: a line read after the limit
/// ends the call as it stands and is kept in the transcript as late, not scored.
struct CallRunner {
    let engine: CallEngine
    let editor: LineEditor
    let console: Console
    let coached: Bool
    /// The rules of an assessment; nil for practice.
    var assessment: AssessmentRules? = nil
    /// Where the time limit reads the time (tests can pass a clock of their own).
    var clock: () -> Date = { Date() }

    private var customer: String { engine.persona.name }
    /// The customer's first name, as the transcript labels their lines.
    private var speaker: String { String(customer.split(separator: " ").first ?? Substring(customer)) }

    func run(seed: UInt64) -> CallState {
        let scenario = engine.scenario
        let persona = engine.persona
        if editor.isInteractive {
            console.line(console.paint(scenario.title, .bold))
            console.say("\(persona.name) is on the line. Type your replies; /help lists the commands.")
            console.line()
        }
        var (state, events) = engine.start(seed: seed)
        let timer = assessment?.timeLimitSeconds.map { AssessmentTimer(limitSeconds: $0, startedAt: clock()) }
        var warned = false
        show(events, state: state)
        if coached && editor.isInteractive {
            console.say("(Coached practice: type /hint whenever you are unsure what to say.)", .dim)
        }

        while !state.isOver {
            let prompt = editor.isInteractive ? console.promptPaint("You: ", .bold) : ""
            let input = editor.readLine(prompt: prompt)
            if let timer, timer.isUp(at: clock()) {
                var late: String?
                if case let .line(raw) = input {
                    let clean = LineSanitizer.sanitize(raw).text
                    if !clean.isEmpty {
                        late = clean
                        editor.addHistory(clean)
                    }
                }
                if input == .endOfInput && editor.isInteractive { console.line() }
                let kept = late == nil ? "" : " What you just typed came after the limit: it is kept in the record, not scored."
                console.say("Time is up: the call ends here, as it stands.\(kept)", .yellow)
                (state, events) = timer.endCall(state, engine: engine, late: late)
                show(events, state: state)
                continue
            }
            defer {
                if let timer, !state.isOver, let warning = timer.warning(at: clock(), alreadyWarned: warned) {
                    console.say(warning, .yellow)
                    warned = true
                }
            }
            switch input {
            case .endOfInput:
                if editor.isInteractive { console.line() }
                (state, events) = engine.step(state, .abandon)
                show(events, state: state)
            case .interrupted:
                let leave = editor.confirm(prompt: "Leave this call? It will be saved as abandoned, with everything you typed. (y/n) ") ?? true
                if leave {
                    (state, events) = engine.step(state, .abandon)
                    show(events, state: state)
                }
            case let .line(raw):
                let clean = LineSanitizer.sanitize(raw)
                if clean.text.isEmpty {
                    if editor.isInteractive { console.say("Type a reply to \(customer), or /help for the commands.", .dim) }
                    continue
                }
                editor.addHistory(clean.text)
                switch SlashCommand.parse(clean.text) {
                case let .unknown(message):
                    console.say(message, .yellow)
                case let .command(command):
                    state = handle(command, state: state)
                case .reply:
                    if clean.truncated {
                        console.say("(Your reply was cut to \(LineSanitizer.maxLength) characters.)", .yellow)
                    }
                    (state, events) = engine.step(state, .reply(clean.text))
                    show(events, state: state)
                }
            }
        }
        do {
            try editor.saveHistory()
        } catch {
            console.error("calldojo: your reply history was not saved: \(error)")
        }
        return state
    }

    private func handle(_ command: SlashCommand, state: CallState) -> CallState {
        switch command {
        case .help:
            for (name, help) in SlashCommand.all {
                console.say("\(name.padded(to: 14))\(help)", first: "  ", rest: String(repeating: " ", count: 16))
            }
            return state
        case .hint:
            if assessment != nil {
                console.say("There are no hints in an assessment: it shows what you can do on your own. Practise with hints using `calldojo practice --coach`.", .yellow)
                return state
            }
            guard coached else {
                console.say("Hints are for coached practice. Start the call with --coach (or choose coached mode in the menu) to use /hint.", .yellow)
                return state
            }
            let hint = engine.scenario.node(state.node)?.hint ?? genericHint(state)
            console.say("Hint: \(hint)", .cyan, rest: "      ")
            return state
        case .account:
            let account = engine.scenario.account
            if account.isEmpty {
                console.say("There is no account record for this call.")
            } else {
                console.line(console.paint("Account record", .bold))
                let labelWidth = min(24, (account.map(\.label.count).max() ?? 0) + 2)
                for field in account {
                    console.say("\((field.label + ":").padded(to: labelWidth))\(field.value)", first: "  ", rest: String(repeating: " ", count: labelWidth + 2))
                }
            }
            return state
        case .repeatLine:
            console.speak(speaker + ":", state.lastCustomerLine, .cyan)
            return state
        case let .notes(text):
            let (next, _) = engine.step(state, .note(text))
            console.say("Noted. Your notes are kept with this call's record.", .dim)
            return next
        case .hold:
            let (next, events) = engine.step(state, .hold)
            console.say("(You put \(customer) on hold, then come back.)", .dim)
            show(events, state: next)
            return next
        case .transfer:
            let (next, events) = engine.step(state, .transfer)
            show(events, state: next)
            return next
        case .end:
            let (next, events) = engine.step(state, .end)
            show(events, state: next)
            return next
        case .quit:
            let (next, events) = engine.step(state, .abandon)
            show(events, state: next)
            return next
        }
    }

    private func genericHint(_ state: CallState) -> String {
        if state.turn == 0 { return "Acknowledge how the customer feels, then ask an open question about the problem." }
        return "Sum up what the customer has told you and check you have it right, then say what happens next, when, and who owns it."
    }

    private func show(_ events: [CallEvent], state: CallState) {
        for event in events {
            switch event {
            case let .customerSays(line, _):
                console.speak(speaker + ":", line, .cyan)
            case let .moodChanged(from, to):
                let arrow = to > from ? "up" : "down"
                console.say("[\(speaker)'s mood: \(MoodWords.describe(to)), \(arrow)]", to > from ? .green : .red, first: "  ", rest: "  ")
            case let .issueRaised(id):
                if coached, let issue = engine.scenario.issues.first(where: { $0.id == id }) {
                    console.say("[New issue: \(issue.summary)]", .yellow, first: "  ", rest: "   ")
                }
            case let .issueResolved(id):
                if coached, let issue = engine.scenario.issues.first(where: { $0.id == id }) {
                    console.say("[Resolved: \(issue.summary)]", .green, first: "  ", rest: "   ")
                }
            case let .ended(ending):
                console.line()
                let how = ending.id == AssessmentTimer.timeUpEndingID ? "the time limit was up" : ending.kind.title
                console.say("Call ended: \(how).", .bold)
            }
        }
    }
}

/// Words for the mood scale, so a trainee sees how the customer feels rather than a number.
enum MoodWords {
    static func describe(_ mood: Int) -> String {
        switch mood {
        case ...(-5): return "furious"
        case -4: return "angry"
        case -3: return "very unhappy"
        case -2: return "annoyed"
        case -1: return "uneasy"
        case 0: return "neutral"
        case 1: return "calm"
        case 2: return "content"
        case 3: return "pleased"
        case 4: return "happy"
        default: return "delighted"
        }
    }
}

extension String {
    func padded(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
