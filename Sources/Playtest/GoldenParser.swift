import Dialogue

extension GoldenTranscript {
    /// Reads a golden transcript from its text. `file` is the path used in messages.
    ///
    /// Every mistake found is returned at its line (kind ``GoldenProblem/Kind/error``); the transcript is
    /// nil when there is any. Names of nodes, endings, issues and flags are checked later, against the
    /// scenario, when the transcript is run.
    public static func parse(_ text: String, file: String) -> (GoldenTranscript?, [GoldenProblem]) {
        var parser = GoldenParser(file: file)
        parser.read(text)
        return parser.finish()
    }
}

/// Reads a transcript line by line, gathering every problem rather than stopping at the first.
struct GoldenParser {
    static let headerKeys = ["scenario", "persona", "seed"]
    static let checkKeys = ["node", "says", "reaction", "mood", "patience", "flag", "resolved", "raised", "ending",
                            "reply", "score", "turns"]
    static let skillNames = Skill.allCases.map(\.rawValue) + ["overall"]

    let file: String
    var problems: [GoldenProblem] = []
    var scenario: String?
    var persona: String?
    var seed: UInt64 = 1
    var headerLines: [String: Int] = [:]
    var opening: [GoldenExpectation] = []
    var steps: [GoldenStep] = []
    var final: [GoldenExpectation] = []
    /// True once a `>`, `<` or `=` line has been read.
    var bodyStarted = false
    /// True when the line before was a typed reply, which an indented line continues.
    var continuesReply = false

    init(file: String) { self.file = file }

    mutating func read(_ text: String) {
        var text = Substring(text)
        if text.first == "\u{FEFF}" { text = text.dropFirst() }
        // `\r\n` is one Character in Swift, so split on any line break rather than on "\n" alone.
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let number = index + 1
            let body = GoldenText.trim(line)
            if body.isEmpty || body.hasPrefix("#") {
                continuesReply = false
                continue
            }
            let indented = line.first == " " || line.first == "\t"
            if continuesReply, indented, let first = body.first, !">=<".contains(first) {
                continueReply(with: body)
                continue
            }
            continuesReply = false
            switch body.first {
            case ">": input(body.dropFirst(), line: number)
            case "<": expectation(body.dropFirst(), line: number, isFinal: false)
            case "=": expectation(body.dropFirst(), line: number, isFinal: true)
            default: header(body, line: number)
            }
        }
        if headerLines["scenario"] == nil {
            error(line: 1, "there is no `scenario:` line: say which call this transcript plays, e.g. `scenario: broadband-down`")
        }
    }

    func finish() -> (GoldenTranscript?, [GoldenProblem]) {
        let sorted = problems.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
        guard sorted.isEmpty, let scenario else { return (nil, sorted) }
        return (GoldenTranscript(file: file, scenario: scenario, persona: persona, seed: seed, headerLines: headerLines,
                                 opening: opening, steps: steps, final: final), [])
    }

    // MARK: - Lines

    private mutating func header(_ body: String, line: Int) {
        guard let colon = body.firstIndex(of: ":") else {
            error(line: line, bodyStarted
                  ? "this line does not start with `>` (a reply), `<` (a check after it) or `=` (a final check)"
                  : "expected a setting such as `scenario: broadband-down`, or a line starting with `>`, `<` or `=`")
            return
        }
        let key = GoldenText.trim(body[..<colon]).lowercased()
        let value = GoldenText.trim(Self.withoutComment(body[body.index(after: colon)...]))
        guard Self.headerKeys.contains(key) else {
            if bodyStarted {
                error(line: line, "this line does not start with `>` (a reply), `<` (a check after it) or `=` (a final check)")
            } else {
                error(line: line, "`\(key):` is not a setting; the settings are scenario, persona and seed"
                      + Self.suggestion(for: key, in: Self.headerKeys))
            }
            return
        }
        if bodyStarted {
            error(line: line, "`\(key):` goes at the top of the file, before the first `>`, `<` or `=` line")
            return
        }
        if let first = headerLines[key] {
            error(line: line, "`\(key):` is given twice (first on line \(first))")
            return
        }
        headerLines[key] = line
        guard !value.isEmpty else {
            error(line: line, "`\(key):` needs a value")
            return
        }
        switch key {
        case "scenario": scenario = value
        case "persona": persona = value
        default:
            guard let n = UInt64(value) else {
                error(line: line, "the seed is a whole number from 0 up, e.g. `seed: 1`; found `\(value)`")
                return
            }
            seed = n
        }
    }

    private mutating func input(_ rest: Substring, line: Int) {
        bodyStarted = true
        let text = GoldenText.trim(rest)
        guard !text.isEmpty else {
            error(line: line, "`>` needs the reply to type after it, or a command such as /hold")
            return
        }
        if !final.isEmpty {
            error(line: line, "a reply cannot follow the final `=` checks: put the `=` lines at the end of the file")
            return
        }
        let input: CallInput
        switch SlashCommand.parse(text) {
        case .reply:
            input = .reply(text)
            continuesReply = true
        case let .unknown(message):
            error(line: line, message)
            return
        case let .command(command):
            switch command {
            case .hold: input = .hold
            case .transfer: input = .transfer
            case .end: input = .end
            case .quit: input = .abandon
            case let .notes(note): input = .note(note)
            case .help, .hint, .account, .repeatLine:
                let name = text.split(separator: " ").first.map(String.init) ?? text
                error(line: line, "\(name) only shows something to the trainee and does not change the call: leave it out of the transcript")
                return
            }
        }
        steps.append(GoldenStep(input: input, line: line))
    }

    private mutating func continueReply(with more: String) {
        guard let last = steps.indices.last, case let .reply(text) = steps[last].input else { return }
        steps[last].input = .reply(text + " " + more)
    }

    private mutating func expectation(_ rest: Substring, line: Int, isFinal: Bool) {
        bodyStarted = true
        let mark = isFinal ? "=" : "<"
        let body = GoldenText.trim(Self.withoutComment(rest))
        guard let colon = body.firstIndex(of: ":") else {
            error(line: line, "a check is `key: value`, e.g. `\(mark) \(isFinal ? "ending: resolved" : "node: details")`")
            return
        }
        let key = GoldenText.trim(body[..<colon]).lowercased()
        let value = GoldenText.trim(body[body.index(after: colon)...])
        if !isFinal && !final.isEmpty {
            error(line: line, "a `<` check cannot follow the final `=` checks: put the `=` lines at the end of the file")
            return
        }
        guard let check = check(key: key, value: value, line: line, isFinal: isFinal) else { return }
        let expectation = GoldenExpectation(check, line: line)
        if isFinal {
            final.append(expectation)
        } else if let last = steps.indices.last {
            steps[last].expectations.append(expectation)
        } else {
            opening.append(expectation)
        }
    }

    private mutating func check(key: String, value: String, line: Int, isFinal: Bool) -> GoldenExpectation.Check? {
        let mark = isFinal ? "=" : "<"
        let head = key.split(separator: " ", maxSplits: 1).first.map(String.init) ?? key
        guard Self.checkKeys.contains(head) else {
            error(line: line, "`\(key):` is not a check" + Self.suggestion(for: head, in: Self.checkKeys)
                  + "; the checks are \(Self.checkKeys.joined(separator: ", "))")
            return nil
        }
        if head != "score" && key != head {
            error(line: line, "`\(key):` is not a check; did you mean `\(head):`?")
            return nil
        }
        guard !value.isEmpty else {
            error(line: line, "`\(key):` needs a value")
            return nil
        }
        func range(_ what: String, example: String) -> GoldenRange? {
            if let r = GoldenRange.parse(value) { return r }
            error(line: line, "`\(what):` takes a number or a range, e.g. \(example); found `\(value)`")
            return nil
        }
        func negatable() -> (String, Bool) {
            let words = value.split(separator: " ", maxSplits: 1)
            if words.count == 2, words[0].lowercased() == "not" { return (GoldenText.trim(words[1]), false) }
            return (value, true)
        }
        switch head {
        case "node": return .node(value)
        case "says": return .says(Self.unquoted(value))
        case "reaction":
            guard let kind = ReactionKind(rawValue: value.lowercased()) else {
                let kinds = ReactionKind.allCases.map(\.rawValue)
                error(line: line, "`\(value)` is not a reaction" + Self.suggestion(for: value.lowercased(), in: kinds)
                      + "; the reactions are \(kinds.joined(separator: ", "))")
                return nil
            }
            return .reaction(kind)
        case "mood": return range("mood", example: "`>= 0` or `-1..2`").map { .mood($0) }
        case "patience": return range("patience", example: "`>= 1`").map { .patience($0) }
        case "flag":
            let (name, isSet) = negatable()
            return .flag(name, isSet: isSet)
        case "resolved":
            let (issue, isResolved) = negatable()
            return .resolved(issue, isResolved: isResolved)
        case "raised":
            let (issue, isRaised) = negatable()
            return .raised(issue, isRaised: isRaised)
        case "ending": return .ending(value)
        case "reply":
            guard !isFinal, let last = steps.last else {
                error(line: line, "`\(mark) reply:` checks the reply above it: put it after a `>` line")
                return nil
            }
            guard case .reply = last.input else {
                error(line: line, "`reply:` checks a typed reply, and the line above is a command")
                return nil
            }
            do {
                return .reply(try ConditionParser.parse(value), text: value)
            } catch {
                self.error(line: line, "in the condition `\(value)`: \(error.message)")
                return nil
            }
        case "turns":
            guard isFinal else {
                error(line: line, "`turns:` is about the whole call: write it as a final check, `= turns: \(value)`")
                return nil
            }
            return range("turns", example: "`<= 8`").map { .turns($0) }
        default: // score
            guard isFinal else {
                error(line: line, "scores are for the finished call: write `= \(key): \(value)`")
                return nil
            }
            let name = GoldenText.trim(key.dropFirst("score".count)).replacingSpacesAndDashes()
            let target: GoldenScoreTarget
            if name == "overall" {
                target = .overall
            } else if let skill = Skill(rawValue: name) {
                target = .skill(skill)
            } else {
                let names = Self.skillNames.joined(separator: ", ")
                error(line: line, name.isEmpty
                      ? "say which score, e.g. `= score overall: >= 60`; the scores are \(names)"
                      : "`\(name)` is not a score" + Self.suggestion(for: name, in: Self.skillNames) + "; the scores are \(names)")
                return nil
            }
            return range(key, example: "`70..100` or `>= 60`").map { .score(target, $0) }
        }
    }

    // MARK: - Helpers

    private mutating func error(line: Int, _ message: String) {
        problems.append(GoldenProblem(file: file, line: line, kind: .error, message: message))
    }

    /// The text before a comment: a `#` at the start or after a space or tab, outside double quotes.
    static func withoutComment<S: StringProtocol>(_ text: S) -> String {
        var inQuotes = false
        var previous: Character = " "
        var out = ""
        for c in text {
            if c == "\"" { inQuotes.toggle() }
            if c == "#", !inQuotes, previous == " " || previous == "\t" { break }
            out.append(c)
            previous = c
        }
        return out
    }

    /// The text without one pair of surrounding double quotes.
    static func unquoted(_ text: String) -> String {
        guard text.count >= 2, text.first == "\"", text.last == "\"" else { return text }
        return String(text.dropFirst().dropLast())
    }

    /// " Did you mean X?" when a known name is close to the one given, else "".
    static func suggestion(for name: String, in known: [String]) -> String {
        guard let close = known.min(by: { editDistance($0, name) < editDistance($1, name) }),
              editDistance(close, name) <= max(2, name.count / 3) else { return "" }
        return " (did you mean `\(close)`?)"
    }
}

extension String {
    /// `next steps` and `next-steps` read as `next_steps`.
    fileprivate func replacingSpacesAndDashes() -> String {
        String(map { $0 == " " || $0 == "-" ? "_" : $0 }).lowercased()
    }
}
