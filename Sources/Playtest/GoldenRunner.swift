import Content
import Dialogue
import Foundation
import Language
import Scoring

/// What playing one golden transcript gave: the problems found (none when it passed), and the call as
/// it was played.
public struct GoldenResult: Sendable {
    /// The transcript's path, as given.
    public var file: String
    /// Mistakes in the file and checks the call did not meet, in line order. Empty when it passed.
    public var problems: [GoldenProblem]
    /// The call as played; nil when it could not be played (a mistake in the file, an unknown scenario).
    public var state: CallState?
    /// The scores of the call as played; nil when it could not be played.
    public var score: CallScore?

    public init(file: String, problems: [GoldenProblem], state: CallState? = nil, score: CallScore? = nil) {
        self.file = file
        self.problems = problems
        self.state = state
        self.score = score
    }

    /// True when the file is well formed and every check held.
    public var passed: Bool { problems.isEmpty }

    /// A one-line summary of how the call went: "all_fixed (resolved), overall 81, 7 replies".
    public var summary: String? {
        guard let state else { return nil }
        var parts: [String] = []
        if let ending = state.ending {
            parts.append(ending.id == ending.kind.rawValue ? ending.id : "\(ending.id) (\(ending.kind.rawValue))")
        } else {
            parts.append("not ended, at node \(state.node)")
        }
        if let score { parts.append("overall \(score.overall)") }
        parts.append("\(state.turn) repl\(state.turn == 1 ? "y" : "ies")")
        return parts.joined(separator: ", ")
    }

    /// The call as played, one line per moment: the customer's lines with the node and mood, the
    /// trainee's replies and commands, and the ending. For authors writing or updating a transcript.
    public var playedLines: [String] {
        guard let state else { return [] }
        var lines: [String] = []
        for entry in state.transcript {
            switch entry.speaker {
            case .customer:
                let tag = entry.reaction.map { " (\($0.rawValue))" } ?? ""
                lines.append("< [\(entry.node ?? "?")]\(tag) \(entry.text)")
            case .agent:
                lines.append("> \(entry.text)")
                if let mood = entry.moodAfter { lines.append("    mood \(mood)") }
            case .system:
                lines.append("  (\(entry.text))")
            }
        }
        if let ending = state.ending { lines.append("= ending: \(ending.id) (\(ending.kind.rawValue))") }
        if let score {
            let skills = score.skills.map { "\($0.skill.rawValue) \($0.score)" }.joined(separator: ", ")
            lines.append("= scores: overall \(score.overall); \(skills)")
        }
        return lines
    }
}

/// Plays golden transcripts against loaded content and checks every expectation.
///
/// Pure apart from reading files in ``run(file:)``: the same content, transcript and analyser always
/// give the same result.
public struct GoldenRunner: Sendable {
    /// The scenarios and personas transcripts are played against.
    public let library: ContentLibrary
    /// The reply analyser the calls use.
    public let analyzer: any ReplyAnalyzing

    /// Longest customer line shown in a failure's details before it is cut.
    static let shownLineLength = 240

    public init(library: ContentLibrary, analyzer: any ReplyAnalyzing = ReplyAnalyzer()) {
        self.library = library
        self.analyzer = analyzer
    }

    /// Reads, parses and plays a transcript file. `file` in messages is the URL's path.
    public func run(file url: URL) -> GoldenResult {
        let path = url.path
        let text: String
        do {
            let data = try Data(contentsOf: url)
            guard let decoded = String(data: data, encoding: .utf8) else {
                return GoldenResult(file: path, problems: [GoldenProblem(file: path, line: 1, kind: .error,
                                                                         message: "the file is not UTF-8 text")])
            }
            text = decoded
        } catch {
            return GoldenResult(file: path, problems: [GoldenProblem(file: path, line: 1, kind: .error,
                                                                     message: "the file cannot be read: \(error.localizedDescription)")])
        }
        return run(text: text, file: path)
    }

    /// Parses and plays a transcript given as text; `file` is the path used in messages.
    public func run(text: String, file: String) -> GoldenResult {
        let (transcript, problems) = GoldenTranscript.parse(text, file: file)
        guard let transcript else { return GoldenResult(file: file, problems: problems) }
        return run(transcript)
    }

    /// Plays a parsed transcript and checks it.
    public func run(_ transcript: GoldenTranscript) -> GoldenResult {
        let file = transcript.file
        func fileError(_ key: String, _ message: String) -> GoldenResult {
            GoldenResult(file: file, problems: [GoldenProblem(file: file, line: transcript.headerLines[key] ?? 1,
                                                              kind: .error, message: message)])
        }
        guard let scenario = library.scenario(transcript.scenario) else {
            let ids = library.scenarios.map(\.id)
            return fileError("scenario", "there is no scenario called `\(transcript.scenario)`"
                             + GoldenParser.suggestion(for: transcript.scenario, in: ids))
        }
        let personaID = transcript.persona ?? scenario.persona
        guard let persona = library.persona(personaID) else {
            return fileError("persona", "there is no persona called `\(personaID)`"
                             + GoldenParser.suggestion(for: personaID, in: library.personas.map(\.id)))
        }
        guard scenario.accepts(persona: personaID) else {
            let allowed = ([scenario.persona] + scenario.personas).joined(separator: ", ")
            return fileError("persona", "`\(personaID)` does not play \(scenario.id); its personas are \(allowed)")
        }

        var checker = GoldenChecker(file: file, scenario: scenario)
        checker.checkNames(in: transcript)
        guard checker.problems.isEmpty else { return GoldenResult(file: file, problems: checker.problems) }

        let engine = CallEngine(scenario: scenario, persona: persona, analyzer: analyzer)
        var (state, events) = engine.start(seed: transcript.seed)
        for expectation in transcript.opening {
            checker.check(expectation, before: nil, after: state, events: events)
        }
        var endedAt: Int?
        for step in transcript.steps {
            if state.isOver {
                let ending = state.ending.map { "`\($0.id)` (\($0.kind.rawValue))" } ?? ""
                checker.fail(line: step.line, "the call had already ended \(ending)"
                             + (endedAt.map { " after line \($0)" } ?? "") + ", so this line and the ones after it were not played",
                             details: GoldenChecker.whereTheCallIs(state, events: events))
                break
            }
            let before = state
            (state, events) = engine.step(state, step.input)
            if state.isOver { endedAt = step.line }
            for expectation in step.expectations {
                checker.check(expectation, before: before, after: state, events: events)
            }
        }
        let score = CallScorer(scenario: scenario, persona: persona).score(state)
        for expectation in transcript.final {
            checker.checkFinal(expectation, state: state, score: score)
        }
        return GoldenResult(file: file, problems: checker.problems, state: state, score: score)
    }
}

/// Compares what a call did with what a transcript expects, gathering the mismatches.
struct GoldenChecker {
    let file: String
    let scenario: Scenario
    var problems: [GoldenProblem] = []

    init(file: String, scenario: Scenario) {
        self.file = file
        self.scenario = scenario
    }

    mutating func fail(line: Int, _ message: String, details: [String] = []) {
        problems.append(GoldenProblem(file: file, line: line, kind: .failure, message: message, details: details))
    }

    private mutating func error(line: Int, _ message: String) {
        problems.append(GoldenProblem(file: file, line: line, kind: .error, message: message))
    }

    // MARK: - Names

    /// Checks that every node, ending, issue and flag the transcript names is in the scenario, so a typo
    /// is reported as a mistake in the file rather than as a call that went wrong.
    mutating func checkNames(in transcript: GoldenTranscript) {
        let nodes = scenario.nodes.map(\.id)
        let endings = scenario.endings.map(\.id)
        let kinds = EndingKind.allCases.map(\.rawValue)
        let issues = scenario.issues.map(\.id)
        var flags: [String] = []
        for node in scenario.nodes {
            for branch in node.branches {
                for flag in branch.set + branch.clear where !flags.contains(flag) { flags.append(flag) }
            }
        }
        let all = transcript.opening + transcript.steps.flatMap(\.expectations) + transcript.final
        for e in all {
            switch e.check {
            case let .node(id) where !nodes.contains(id):
                error(line: e.line, "\(scenario.id) has no node called `\(id)`" + GoldenParser.suggestion(for: id, in: nodes))
            case let .ending(id) where !endings.contains(id) && !kinds.contains(id):
                error(line: e.line, "\(scenario.id) has no ending called `\(id)`" + GoldenParser.suggestion(for: id, in: endings + kinds)
                      + "; its endings are \(endings.joined(separator: ", ")), or give a kind: \(kinds.joined(separator: ", "))")
            case let .resolved(id, _) where id != "all" && !issues.contains(id),
                 let .raised(id, _) where !issues.contains(id):
                error(line: e.line, "\(scenario.id) has no issue called `\(id)`" + GoldenParser.suggestion(for: id, in: issues)
                      + "; its issues are \(issues.joined(separator: ", "))")
            case let .flag(name, _) where !flags.contains(name):
                error(line: e.line, "no branch of \(scenario.id) sets or clears a flag called `\(name)`"
                      + GoldenParser.suggestion(for: name, in: flags))
            default:
                break
            }
        }
    }

    // MARK: - After a step

    /// Checks one `<` expectation. `before` is nil for the opening line.
    mutating func check(_ e: GoldenExpectation, before: CallState?, after state: CallState, events: [CallEvent]) {
        let said = events.compactMap { event -> (String, ReactionKind?)? in
            if case let .customerSays(line, reaction) = event { return (line, reaction) }
            return nil
        }
        let context = Self.whereTheCallIs(state, events: events)
        switch e.check {
        case let .node(id):
            if let ending = state.ending {
                fail(line: e.line, "expected the call to be at node `\(id)`, but it ended: \(ending.id) (\(ending.kind.rawValue))", details: context)
            } else if state.node != id {
                fail(line: e.line, "expected node `\(id)`, but the call is at node `\(state.node)`", details: context)
            }
        case let .says(text):
            let wanted = GoldenText.folded(text)
            if !said.contains(where: { GoldenText.folded($0.0).contains(wanted) }) {
                fail(line: e.line, said.isEmpty ? "expected the customer to say \"\(text)\", but they said nothing"
                                                : "expected the customer to say \"\(text)\"", details: context)
            }
        case let .reaction(kind):
            if !said.contains(where: { $0.1 == kind }) {
                let drawn = said.compactMap { $0.1?.rawValue }
                fail(line: e.line, "expected the customer's \(kind.rawValue) reaction, but "
                     + (drawn.isEmpty ? "no reaction line was drawn" : "the reaction was \(drawn.joined(separator: ", "))"),
                     details: context)
            }
        case let .reply(condition, text):
            guard let before, let entry = state.transcript.last(where: { $0.speaker == .agent }),
                  entry.turn == state.turn, let signals = entry.signals else {
                fail(line: e.line, "expected a reply the analyser read, but there was none", details: context)
                return
            }
            let env = ConditionEnvironment(signals: signals, replyTokens: wordTokens(entry.text), state: before)
            if !condition.holds(in: env) {
                fail(line: e.line, "expected the reply to meet `\(text)`, but it does not",
                     details: ["the analyser found: \(Self.describe(signals))"] + context)
            }
        case .mood, .patience, .flag, .resolved, .raised, .ending, .score, .turns:
            checkState(e, state: state, context: context)
        }
    }

    // MARK: - At the end

    mutating func checkFinal(_ e: GoldenExpectation, state: CallState, score: CallScore) {
        let context = Self.whereTheCallIs(state, events: [])
        switch e.check {
        case let .score(target, range):
            let value: Int
            var details: [String]
            switch target {
            case .overall:
                value = score.overall
                details = ["scores: " + score.skills.map { "\($0.skill.rawValue) \($0.score)" }.joined(separator: ", ")]
            case let .skill(skill):
                value = score.score(for: skill)?.score ?? 0
                details = (score.score(for: skill)?.evidence ?? []).map { ev in
                    let sign = ev.effect == .earned ? "+" : "-"
                    let points = ev.points == 0 ? sign : "\(sign)\(abs(ev.points))"
                    let turn = ev.turn > 0 ? "reply \(ev.turn): " : ""
                    return "\(points) \(turn)\(ev.reason)"
                }
            }
            if !range.contains(value) {
                fail(line: e.line, "expected \(target) score \(range), but it is \(value)", details: details + context)
            }
        case let .turns(range):
            if !range.contains(state.turn) {
                fail(line: e.line, "expected \(range) replies, but the call took \(state.turn)", details: context)
            }
        case let .node(id):
            if state.node != id {
                fail(line: e.line, "expected the call to finish at node `\(id)`, but it finished at node `\(state.node)`", details: context)
            }
        case let .says(text):
            let last = state.lastCustomerLine
            if !GoldenText.folded(last).contains(GoldenText.folded(text)) {
                fail(line: e.line, "expected the customer's last line to say \"\(text)\"",
                     details: ["customer's last line: \"\(Self.shorten(last))\""] + context)
            }
        case let .reaction(kind):
            if !state.transcript.contains(where: { $0.reaction == kind }) {
                fail(line: e.line, "expected the customer's \(kind.rawValue) reaction at some point in the call, but it never came", details: context)
            }
        case .reply:
            break // the parser allows `reply:` only after a reply
        case .mood, .patience, .flag, .resolved, .raised, .ending:
            checkState(e, state: state, context: context)
        }
    }

    // MARK: - Shared

    private mutating func checkState(_ e: GoldenExpectation, state: CallState, context: [String]) {
        switch e.check {
        case let .mood(range):
            if !range.contains(state.mood) { fail(line: e.line, "expected mood \(range), but it is \(state.mood)", details: context) }
        case let .patience(range):
            if !range.contains(state.patience) {
                fail(line: e.line, "expected patience \(range), but it is \(state.patience)", details: context)
            }
        case let .flag(name, isSet):
            if state.flags.contains(name) != isSet {
                fail(line: e.line, "expected flag `\(name)` to be \(isSet ? "set" : "not set"), but it is \(isSet ? "not set" : "set")",
                     details: ["flags set: " + (state.flags.isEmpty ? "none" : state.flags.joined(separator: ", "))] + context)
            }
        case let .resolved(id, isResolved):
            let open = state.raisedIssues.filter { !state.resolvedIssues.contains($0) }
            let holds = id == "all" ? open.isEmpty : state.resolvedIssues.contains(id)
            if holds != isResolved {
                let what = id == "all" ? "every raised issue" : "issue `\(id)`"
                fail(line: e.line, "expected \(what) \(isResolved ? "to be resolved" : "not to be resolved"), but "
                     + (isResolved ? "it is not" : "it is"),
                     details: ["resolved: " + (state.resolvedIssues.isEmpty ? "none" : state.resolvedIssues.joined(separator: ", "))
                               + "; still open: " + (open.isEmpty ? "none" : open.joined(separator: ", "))] + context)
            }
        case let .raised(id, isRaised):
            if state.raisedIssues.contains(id) != isRaised {
                fail(line: e.line, "expected issue `\(id)` \(isRaised ? "to have come up" : "not to have come up"), but "
                     + (isRaised ? "it has not" : "it has"),
                     details: ["raised: " + state.raisedIssues.joined(separator: ", ")] + context)
            }
        case let .ending(id):
            if let ending = state.ending {
                if ending.id != id && ending.kind.rawValue != id {
                    fail(line: e.line, "expected ending `\(id)`, but the call ended: \(ending.id) (\(ending.kind.rawValue))", details: context)
                }
            } else {
                fail(line: e.line, "expected ending `\(id)`, but the call has not ended: it is at node `\(state.node)`", details: context)
            }
        default:
            break
        }
    }

    /// What a trainer needs to see to understand a mismatch: what the customer just said, where the call
    /// is and the mood, or how it ended.
    static func whereTheCallIs(_ state: CallState, events: [CallEvent]) -> [String] {
        var lines: [String] = []
        for event in events {
            if case let .customerSays(line, reaction) = event {
                let tag = reaction.map { " (\($0.rawValue) reaction)" } ?? ""
                lines.append("customer said\(tag): \"\(shorten(line))\"")
            }
        }
        if let ending = state.ending {
            lines.append("the call ended: \(ending.id) (\(ending.kind.rawValue)), after \(state.turn) repl\(state.turn == 1 ? "y" : "ies"), mood \(state.mood)")
        } else {
            lines.append("now at node \(state.node), mood \(state.mood), patience \(state.patience)")
        }
        return lines
    }

    static func shorten(_ line: String) -> String {
        guard line.count > GoldenRunner.shownLineLength else { return line }
        return String(line.prefix(GoldenRunner.shownLineLength - 3)) + "..."
    }

    /// The analyser's findings in brief, as condition names an author can use.
    static func describe(_ s: Signals) -> String {
        var found: [String] = []
        if s.acknowledges { found.append("acknowledged") }
        if s.paraphrases { found.append("paraphrased \(s.paraphrasedFacts.joined(separator: " "))") }
        if s.checksUnderstanding { found.append("checked") }
        if s.asksOpenQuestion { found.append("asked_open") } else if s.asksQuestion { found.append("asked") }
        if s.nextSteps.action { found.append("action") }
        if s.nextSteps.timescale { found.append("timescale") }
        if s.nextSteps.customerAction { found.append("customer_action") }
        if s.nextSteps.confirmation { found.append("confirmation") }
        if s.nextSteps.ownership { found.append("ownership") }
        if s.offers { found.append(s.offeredOpenings.isEmpty ? "offered" : "offered \(s.offeredOpenings.joined(separator: " "))") }
        if s.anticipates { found.append(s.anticipatedNeeds.isEmpty ? "anticipated" : "anticipated \(s.anticipatedNeeds.joined(separator: " "))") }
        if !s.addressedIssues.isEmpty { found.append("addressed \(s.addressedIssues.joined(separator: " "))") }
        if s.suggestsTransfer { found.append("transfer_suggested") }
        if s.blame { found.append("blamed") }
        if s.calmDown { found.append("calm_down") }
        if s.jargon { found.append("jargon") }
        if s.negativeLanguage { found.append("negative") }
        if s.hollowCloser { found.append("hollow_closer") }
        if s.smallTalk { found.append("small_talk") }
        if s.apologyOnly { found.append("apology_only") }
        if !s.asksAgainFor.isEmpty { found.append("asked_again") }
        if s.empty { found.append("an empty reply") }
        return found.isEmpty ? "nothing" : found.joined(separator: ", ")
    }
}
