import ArgumentParser
import Dialogue
import Foundation
import LineEditor
import Playtest
import Progress
import Scoring
import Training

struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Rate a recorded call as a group, and compare the ratings with each other and with CallDojo's scores.",
        discussion: """
        The call is shown turn by turn. Then each participant rates the agent on the four skills \
        (active listening, paraphrasing, next-step explanation, forward resolution), 0 to 100. You see \
        the spread per skill (lowest, highest, range, mean, who is furthest from the rest), each \
        participant's difference from CallDojo's score, a verdict per skill, and CallDojo's evidence, \
        so the group can agree what good looks like. The calibration is saved in the store's \
        calibrations/ folder.

        When input is not a terminal, ratings are read one per line: the first participant's four \
        skills in order, then the next participant's.

        Examples:
          calldojo calibrate --session 20250301-091500-sam-jones-1a2b --trainees Ana,Ben,Cal
          calldojo calibrate --transcript Transcripts/broadband-down.call --trainees "Ana María,Ben"
        """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("A recorded call (see `calldojo history`).", valueName: "id"))
    var session: String?

    @Option(help: ArgumentHelp("A golden transcript file (.call) to play and rate instead.", valueName: "file"))
    var transcript: String?

    @Option(help: ArgumentHelp("The participants, 1 to 12 names separated by commas.", valueName: "A,B,..."))
    var trainees: String

    func validate() throws {
        if (session == nil) == (transcript == nil) {
            throw ValidationError("give the call to rate: --session ID or --transcript FILE (one of them).")
        }
    }

    func run() throws {
        let workspace = try Workspace.open(global)
        let console = workspace.console
        let store = try workspace.openStore()
        let participants = try CalibrateCommand.participants(trainees)
        let (source, scenarioID, transcriptLines, engineScore) = try loadCall(workspace: workspace, store: store)
        let title = workspace.library.scenarios.first { $0.id == scenarioID }?.title ?? scenarioID

        console.line(console.paint("Calibration: \(title)", .bold))
        console.say("Read the call, then each of you rates the agent on the four skills, 0 to 100.", .dim)
        console.line()
        for entry in transcriptLines {
            switch entry.speaker {
            case .customer: console.speak("Customer:", entry.text, .cyan)
            case .agent: console.speak("Agent (\(entry.turn)):", entry.text, .bold)
            case .system: console.say("(\(entry.text))", .dim)
            }
        }

        let editor = LineEditor(historyFile: nil, completions: { _ in [] })
        var ratings: [[Int]] = []
        var lineNumber = 0
        for name in participants {
            console.line()
            var mine: [Int] = []
            for skill in Skill.allCases {
                while true {
                    let prompt = "\(name), \(skill.title) (0-100): "
                    guard case let .line(text) = editor.readLine(prompt: editor.isInteractive ? prompt : "") else {
                        throw UserFacingError(message: "the ratings ended early: \(name)'s \(skill.title.lowercased()) is missing. Nothing was saved.")
                    }
                    lineNumber += 1
                    if let n = RatingInput.parse(text) {
                        mine.append(n)
                        break
                    }
                    let message = "\"\(text)\" is not a rating: type a whole number from 0 to 100."
                    guard editor.isInteractive else {
                        throw UserFacingError(message: "line \(lineNumber) of the input: \(message) Nothing was saved.")
                    }
                    console.say(message, .yellow)
                }
            }
            ratings.append(mine)
        }

        let result = CalibrationResult.compute(participants: participants, ratings: ratings, engine: engineScore)
        show(result, engine: engineScore, console: console)
        let record = CalibrationRecord(
            id: GroupRecord.makeID(at: Date()).replacingOccurrences(of: "-group-", with: "-calibration-"),
            source: source, scenario: scenarioID, calibratedAt: Date(),
            ratings: zip(participants, ratings).map { name, values in
                CalibrationRecord.Rating(participant: name, scores: Dictionary(uniqueKeysWithValues: zip(Skill.allCases.map(\.rawValue), values)))
            },
            skills: result.skills.map {
                CalibrationRecord.SkillSpread(skill: $0.skill.rawValue, engine: $0.engine, min: $0.min, max: $0.max, mean: $0.mean,
                                              furthest: participants[$0.furthest], verdict: $0.verdict)
            })
        do {
            try store.save(calibration: record)
        } catch {
            throw UserFacingError(message: "the calibration could not be saved: \(error)")
        }
        console.say("Saved as \(record.id).", .dim)
    }

    static func participants(_ text: String) throws -> [String] {
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard (1...12).contains(parts.count) else {
            throw UserFacingError(message: "name 1 to 12 participants, separated by commas: --trainees Ana,Ben,Cal")
        }
        var seen: Set<String> = []
        for p in parts {
            do { _ = try TraineeName(p) } catch { throw UserFacingError(message: "\(error)") }
            guard seen.insert(p.lowercased()).inserted else { throw UserFacingError(message: "\(p) is named twice in --trainees.") }
        }
        return parts
    }

    private func loadCall(workspace: Workspace, store: RecordStore) throws -> (String, String, [TranscriptEntry], CallScore) {
        if let session {
            guard let found = store.session(id: session) else {
                throw UserFacingError(message: "there is no call \(session) in \(store.root.path). `calldojo history` lists the calls and their ids.")
            }
            switch found {
            case let .success(record): return ("session \(session)", record.scenario, record.transcript, record.score)
            case let .failure(damaged): throw UserFacingError(message: "the call \(session) cannot be read: \(damaged)")
            }
        }
        let path = transcript ?? ""
        guard FileManager.default.fileExists(atPath: path) else { throw UserFacingError(message: "there is no file \(path).") }
        let result = GoldenRunner(library: workspace.library).run(file: URL(fileURLWithPath: path))
        guard let state = result.state, let score = result.score else {
            let first = result.problems.first.map { "\($0.file):\($0.line): \($0.message)" } ?? "it could not be played"
            throw UserFacingError(message: "the transcript \(path) cannot be played: \(first)")
        }
        return ("transcript \(path)", state.scenario, state.transcript, score)
    }

    private func show(_ result: CalibrationResult, engine: CallScore, console: Console) {
        console.line()
        console.line(console.paint("How the ratings compare", .bold))
        for skill in result.skills {
            console.line()
            console.line(console.paint(skill.skill.title, .bold)
                         + "  group \(skill.min)-\(skill.max), mean \(String(format: "%.0f", skill.mean)); CallDojo \(skill.engine)")
            let ratings = zip(result.participants, zip(skill.ratings, skill.differences)).map { name, pair in
                "\(name) \(pair.0) (\(pair.1 >= 0 ? "+" : "")\(pair.1))"
            }
            console.say(ratings.joined(separator: ", "), first: "  ", rest: "  ")
            console.say(skill.verdict, first: "  ", rest: "  ")
            for e in (engine.score(for: skill.skill)?.evidence ?? []).prefix(3) {
                let at = e.turn > 0 ? "turn \(e.turn)" : "call"
                let words = e.words.isEmpty ? "" : " \"\(e.words)\""
                console.say("\(e.effect == .earned ? "+" : "-") \(at)\(words): \(e.reason)", e.effect == .earned ? .green : .red, first: "    ", rest: "      ")
            }
        }
    }
}
