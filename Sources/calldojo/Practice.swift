import ArgumentParser
import Dialogue
import Foundation
import Language
import LineEditor
import Progress
import Scoring

struct Practice: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Practise one call.",
        discussion: """
        The customer speaks; type your replies. During the call: /help /hint /account /notes TEXT \
        /repeat /hold /transfer /end /quit. Ctrl-D or /quit saves the call as abandoned; Ctrl-C asks first.

        When input is not a terminal, replies are read one per line (for scripted practice and tests), \
        and the debrief is printed at the end.
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

    @Option(help: ArgumentHelp("Fix the call's random choices, to replay it exactly.", valueName: "n"))
    var seed: UInt64?

    func run() throws {
        let workspace = try Workspace.open(global)
        let store = try workspace.openStore()
        let name = try Practice.traineeName(trainee, store: store)
        let scenario = try workspace.scenario(self.scenario)
        let persona = try PracticeFlow.persona(for: scenario, requested: persona, in: workspace)
        let flow = PracticeFlow(workspace: workspace, store: store, trainee: name)
        try flow.run(scenario: scenario, persona: persona, coached: coach, seed: seed ?? UInt64.random(in: 0...UInt64(UInt32.max)))
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
        let console = workspace.console
        let engine = CallEngine(scenario: scenario, persona: persona, analyzer: ReplyAnalyzer())
        let completions = SlashCommand.names
        let editor = LineEditor(historyFile: store.historyFile(for: trainee).path,
                                completions: { word in completions.filter { $0.hasPrefix(word) } })
        store.lastTrainee = trainee.display
        let started = Date()
        let runner = CallRunner(engine: engine, editor: editor, console: console, coached: coached)
        let state = runner.run(seed: seed)
        let score = CallScorer(scenario: scenario, persona: persona).score(state)
        let record = SessionRecord(
            trainee: trainee, scenario: scenario, persona: persona,
            mode: coached ? .coached : .practice, seed: seed,
            startedAt: started, endedAt: Date(), state: state, score: score)
        var saveError: Error?
        do {
            try store.save(session: record)
        } catch {
            saveError = error
        }
        console.line()
        console.debrief(Debrief.lines(for: score, scenario: scenario, persona: persona))
        console.line()
        if let saveError {
            throw UserFacingError(message: "the call could not be saved: \(saveError)")
        }
        console.say("Saved to \(trainee.display)'s record as \(record.id).", .dim)
    }
}
