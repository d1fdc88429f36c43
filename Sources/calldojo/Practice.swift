import ArgumentParser
import Dialogue
import Foundation
import Language
import LineEditor
import Progress
import Reports
import Scoring
import Training

struct Practice: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Practise one call, coached or not, or take it as an assessment.",
        discussion: """
        The customer speaks; type your replies. During the call: /help /hint /account /notes TEXT \
        /repeat /hold /transfer /end /quit. Ctrl-D or /quit saves the call as abandoned; Ctrl-C asks first.

        --coach: /hint is available and new issues are pointed out as the call goes.

        --assess: an assessment. No hints and nothing pointed out during the call; the debrief says \
        PASS or FAIL against the trainer's pass mark. The trainer can set a time limit and a cap on \
        attempts per trainee and scenario in assessment.json in the store folder (docs/REFRESH.md \
        shows how); without that file the pass mark is the store's (70 unless settings.json says \
        otherwise), with no time limit and no cap.

        When input is not a terminal, replies are read one per line (for scripted practice and tests), \
        and the debrief is printed at the end.

        Examples:
          calldojo practice --scenario broadband-down --coach
          calldojo practice --scenario broadband-down --assess --trainee "Sam Jones"
          calldojo practice --scenario charged-twice --persona priya-expressive --seed 7
        """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The call to practise (see `calldojo list scenarios`).", valueName: "id"))
    var scenario: String

    @Option(help: ArgumentHelp("Play the customer as another persona (see `calldojo list personas`).", valueName: "id"))
    var persona: String?

    @Option(help: ArgumentHelp("Your name, for your record. Default: the last name used.", valueName: "name"))
    var trainee: String?

    @Flag(help: "Coached practice: /hint is available and new issues are pointed out.")
    var coach = false

    @Flag(help: "Take the call as an assessment: no hints or coaching, PASS or FAIL against the trainer's pass mark.")
    var assess = false

    @Option(help: ArgumentHelp("Fix the call's random choices, to replay it exactly.", valueName: "n"))
    var seed: UInt64?

    func validate() throws {
        if assess && coach {
            throw ValidationError("--assess and --coach cannot be used together: an assessment has no hints or coaching. Use --coach to practise with hints, or --assess to be assessed.")
        }
    }

    func run() throws {
        let workspace = try Workspace.open(global)
        let store = try workspace.openStore()
        let name = try Practice.traineeName(trainee, store: store)
        let scenario = try workspace.scenario(self.scenario)
        let persona = try PracticeFlow.persona(for: scenario, requested: persona, in: workspace)
        let flow = PracticeFlow(workspace: workspace, store: store, trainee: name)
        let mode: PracticeMode
        if assess {
            let (rules, attempt) = try AssessmentSetup.prepare(scenario: scenario, trainee: name, workspace: workspace, store: store)
            mode = .assessment(rules, attempt: attempt)
        } else {
            mode = coach ? .coached : .practice
        }
        try flow.run(scenario: scenario, persona: persona, mode: mode, seed: seed ?? UInt64.random(in: 0...UInt64(UInt32.max)))
    }

    /// The trainee: the name given, else the last one used, else "guest".
    static func traineeName(_ given: String?, store: RecordStore) throws -> TraineeName {
        let raw = given ?? store.lastTrainee ?? "guest"
        do {
            return try TraineeName(raw)
        } catch {
            throw UserFacingError(message: "\(error)")
        }
    }
}

/// How a call is taken.
enum PracticeMode {
    /// Practice without hints.
    case practice
    /// Coached: /hint, and new issues pointed out.
    case coached
    /// An assessment under these rules; `attempt` is its number for the trainee and scenario (1 for the first).
    case assessment(AssessmentRules, attempt: Int)

    var sessionMode: SessionMode {
        switch self {
        case .practice: return .practice
        case .coached: return .coached
        case .assessment: return .assessment
        }
    }
}

/// The rules of an assessment, from the trainer's config file in the store folder.
enum AssessmentSetup {
    /// The config file in the store folder; without one, the defaults. A file that cannot be read or
    /// has mistakes stops the assessment, with every mistake printed at FILE:LINE:COL. Overrides for
    /// scenarios that do not exist are warned about.
    static func config(storeRoot: URL, scenarios: [Scenario], console: Console) throws -> AssessmentConfig {
        let url = storeRoot.appendingPathComponent(AssessmentConfig.fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return AssessmentConfig() }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? error.localizedDescription
            throw UserFacingError(message: "cannot read the assessment settings in \(url.path): \(reason).")
        }
        do {
            let config = try AssessmentConfig.parse(data, file: url.path)
            for warning in config.unknownScenarios(known: Set(scenarios.map(\.id))) {
                console.error("\(url.path):\(warning)")
            }
            return config
        } catch {
            for line in error.lines { console.error(line) }
            let n = error.diagnostics.count
            throw UserFacingError(message: "the assessment settings in \(url.path) have \(n) mistake\(n == 1 ? "" : "s") (listed above). Fix \(n == 1 ? "it" : "them") and start again; docs/REFRESH.md shows the format.")
        }
    }

    /// The rules for an assessment of `scenario` by `trainee`, and the number of this attempt; refuses
    /// when the trainee has used every attempt the trainer allows.
    static func prepare(scenario: Scenario, trainee: TraineeName, workspace: Workspace, store: RecordStore) throws -> (AssessmentRules, Int) {
        let config = try config(storeRoot: store.root, scenarios: workspace.library.scenarios, console: workspace.console)
        let passMark = ReportCommand.settingsPassMark(store.root) ?? ReportOptions.defaultPassMark
        let rules = config.rules(for: scenario.id, defaultPassMark: passMark)
        let (profile, damaged) = store.profile(for: trainee)
        for file in damaged { workspace.console.error("calldojo: warning: \(file)") }
        do {
            let attempt = try rules.nextAttempt(sessions: profile?.sessions ?? [], scenario: scenario.id, trainee: trainee.display)
            return (rules, attempt)
        } catch {
            throw UserFacingError(message: error.description)
        }
    }
}

/// Runs a call for a trainee, scores it, saves the record and prints the debrief.
struct PracticeFlow {
    let workspace: Workspace
    let store: RecordStore
    let trainee: TraineeName

    static func persona(for scenario: Scenario, requested: String?, in workspace: Workspace) throws -> Persona {
        let id = requested ?? scenario.persona
        let persona = try workspace.persona(id)
        guard scenario.accepts(persona: id) else {
            let allowed = ([scenario.persona] + scenario.personas).joined(separator: ", ")
            throw UserFacingError(message: "\(id) does not play \(scenario.id). Personas for this call: \(allowed).")
        }
        return persona
    }

    func run(scenario: Scenario, persona: Persona, coached: Bool, seed: UInt64) throws {
        try run(scenario: scenario, persona: persona, mode: coached ? .coached : .practice, seed: seed)
    }

    /// Runs the call in `mode` and returns its record, once saved.
    @discardableResult
    func run(scenario: Scenario, persona: Persona, mode: PracticeMode, seed: UInt64) throws -> SessionRecord {
        let console = workspace.console
        let engine = CallEngine(scenario: scenario, persona: persona, analyzer: ReplyAnalyzer())
        let completions = SlashCommand.names
        let editor = LineEditor(historyFile: store.historyFile(for: trainee).path,
                                completions: { word in completions.filter { $0.hasPrefix(word) } })
        store.lastTrainee = trainee.display
        var rules: AssessmentRules?
        if case let .assessment(assessment, attempt) = mode {
            rules = assessment
            console.say(assessment.briefing(attempt: attempt), .bold)
            console.line()
        }
        let coached = if case .coached = mode { true } else { false }
        let runner = CallRunner(engine: engine, editor: editor, console: console, coached: coached, assessment: rules)
        let started = Date()
        let state = runner.run(seed: seed)
        let score = CallScorer(scenario: scenario, persona: persona).score(state)
        var result: AssessmentResult?
        if case let .assessment(rules, attempt) = mode {
            result = rules.result(overall: score.overall, ending: state.ending?.kind, attempt: attempt,
                                  timedOut: AssessmentTimer.timedOut(state))
        }
        let record = SessionRecord(
            trainee: trainee, scenario: scenario, persona: persona,
            mode: mode.sessionMode, seed: seed,
            startedAt: started, endedAt: Date(), state: state, score: score, assessment: result)
        var saveError: Error?
        do {
            try store.save(session: record)
        } catch {
            saveError = error
        }
        console.line()
        if let result {
            console.say(AssessmentVerdict.headline(result, overall: score.overall, ending: state.ending?.kind),
                        result.passed ? .green : .red)
            console.line()
        }
        console.debrief(Debrief.lines(for: score, scenario: scenario, persona: persona))
        console.line()
        if let saveError {
            throw UserFacingError(message: "the call could not be saved: \(saveError)")
        }
        if PracticeFlow.showGoals(for: trainee, store: store, console: console) { console.line() }
        console.say("Saved to \(trainee.display)'s record as \(record.id).", .dim)
        return record
    }

    /// The trainee's goals with progress toward each, this call included. Returns false (printing
    /// nothing) when the trainee has no goals.
    @discardableResult
    static func showGoals(for trainee: TraineeName, store: RecordStore, console: Console, now: Date = Date()) -> Bool {
        let (profile, damaged) = store.profile(for: trainee)
        for file in damaged { console.error("calldojo: warning: \(file)") }
        let standings = profile?.goalStandings(now: now) ?? []
        guard !standings.isEmpty else { return false }
        console.line(console.paint("Your goals", .bold))
        for standing in standings {
            let mark: String
            switch standing.status {
            case .achieved: mark = console.paint("achieved", .green)
            case .open: mark = "open"
            case .missed: mark = console.paint("missed", .red)
            }
            console.say("\(standing.goal.id)  [\(mark)] \(standing.summary)", first: "  ", rest: "      ")
        }
        return true
    }
}
