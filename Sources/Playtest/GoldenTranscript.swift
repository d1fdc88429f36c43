import Dialogue

/// A golden transcript: a call written out by hand as a plain-text file (`*.call`), with the replies a
/// trainee types and what the call must do in return — the nodes it reaches, what the customer says,
/// the mood, how it ends and the score ranges. `calldojo test` plays it and reports every check that
/// no longer holds, so a change to a scenario or to the reply analyser that alters a call is noticed.
///
/// ```
/// # Broadband down: the model call reaches the best ending
/// scenario: broadband-down
/// persona: dana-driver
/// seed: 1
/// < node: opening
/// > So it's been down since Tuesday and this is your third call. Have I got that right?
/// < node: details
/// < says: orange
/// = ending: all_fixed
/// = score overall: >= 60
/// ```
///
/// Lines starting `>` are the trainee's replies or slash commands (`/hold`, `/transfer`, `/end`, `/quit`,
/// `/notes TEXT`); `<` lines check the call after the reply above them (or, before the first reply,
/// the customer's opening line); `=` lines check the finished call. docs/TRANSCRIPTS.md is the full
/// reference for authors.
public struct GoldenTranscript: Sendable, Equatable {
    /// The file extension golden transcripts use.
    public static let fileExtension = "call"

    /// The path used in messages.
    public var file: String
    /// The scenario id to play.
    public var scenario: String
    /// The persona id to play it with; nil means the scenario's default persona.
    public var persona: String?
    /// The seed for the call's random choices (which of a node's lines the customer says).
    public var seed: UInt64
    /// The line of each header key (`scenario`, `persona`, `seed`), for messages.
    public var headerLines: [String: Int]
    /// Checks on the customer's opening line, before the first reply.
    public var opening: [GoldenExpectation]
    /// The replies and commands, in order, each with its checks.
    public var steps: [GoldenStep]
    /// Checks on the call once every reply has been played.
    public var final: [GoldenExpectation]

    /// A transcript holding these values as given.
    public init(file: String, scenario: String, persona: String? = nil, seed: UInt64 = 1,
                headerLines: [String: Int] = [:], opening: [GoldenExpectation] = [], steps: [GoldenStep] = [],
                final: [GoldenExpectation] = []) {
        self.file = file
        self.scenario = scenario
        self.persona = persona
        self.seed = seed
        self.headerLines = headerLines
        self.opening = opening
        self.steps = steps
        self.final = final
    }
}

/// One thing the trainee does (a reply or a slash command) and what the call must do in return.
public struct GoldenStep: Sendable, Equatable {
    /// What is fed to the call.
    public var input: CallInput
    /// The line of the `>` in the file.
    public var line: Int
    /// The `<` checks that follow it.
    public var expectations: [GoldenExpectation]

    public init(input: CallInput, line: Int, expectations: [GoldenExpectation] = []) {
        self.input = input
        self.line = line
        self.expectations = expectations
    }
}

/// One check in a golden transcript, with the line it was written on.
public struct GoldenExpectation: Sendable, Equatable {
    /// What is checked.
    public enum Check: Sendable, Equatable {
        /// `node: ID`: the call is at this node (and has not ended).
        case node(String)
        /// `says: TEXT`: a line the customer said contains this text (ignoring case and spacing).
        case says(String)
        /// `reaction: KIND`: the persona reacted this way (`transfer`, `repeated`, `pleased`, ...).
        case reaction(ReactionKind)
        /// `mood: RANGE`: the customer's mood (-5...5).
        case mood(GoldenRange)
        /// `patience: RANGE`: the annoyances the customer will still take.
        case patience(GoldenRange)
        /// `flag: NAME` or `flag: not NAME`.
        case flag(String, isSet: Bool)
        /// `resolved: ISSUE`, `resolved: not ISSUE` or `resolved: all`.
        case resolved(String, isResolved: Bool)
        /// `raised: ISSUE` or `raised: not ISSUE`: the issue has come to light.
        case raised(String, isRaised: Bool)
        /// `ending: ID or KIND`: the call has ended with this ending id or ending kind.
        case ending(String)
        /// `reply: CONDITION`: the reply, as the analyser read it, meets this condition.
        case reply(Condition, text: String)
        /// `score SKILL: RANGE` or `score overall: RANGE` (final checks only).
        case score(GoldenScoreTarget, GoldenRange)
        /// `turns: RANGE`: how many replies the call took (final checks only).
        case turns(GoldenRange)
    }

    public var check: Check
    /// The line in the file.
    public var line: Int

    public init(_ check: Check, line: Int) {
        self.check = check
        self.line = line
    }
}

/// Which score a `score` check reads.
public enum GoldenScoreTarget: Sendable, Equatable, CustomStringConvertible {
    case overall
    case skill(Skill)

    /// The name as written in a transcript: `overall` or the skill's id.
    public var description: String {
        switch self {
        case .overall: return "overall"
        case let .skill(skill): return skill.rawValue
        }
    }
}

/// A range of whole numbers, as written in a check: `70..100`, `>= 60`, `< 0`, `== 2` or `2`.
public struct GoldenRange: Sendable, Equatable, CustomStringConvertible {
    /// The smallest value allowed; nil for no limit.
    public var lower: Int?
    /// The largest value allowed; nil for no limit.
    public var upper: Int?

    public init(lower: Int?, upper: Int?) {
        self.lower = lower
        self.upper = upper
    }

    /// True when the value is within the range.
    public func contains(_ value: Int) -> Bool {
        if let lower, value < lower { return false }
        if let upper, value > upper { return false }
        return true
    }

    /// The range in words a trainer reads: "between 70 and 100", "at least 60", "exactly 2".
    public var description: String {
        switch (lower, upper) {
        case let (l?, u?) where l == u: return "exactly \(l)"
        case let (l?, u?): return "between \(l) and \(u)"
        case let (l?, nil): return "at least \(l)"
        case let (nil, u?): return "at most \(u)"
        case (nil, nil): return "any value"
        }
    }

    /// Reads `A..B`, `>= N`, `<= N`, `> N`, `< N`, `== N` or `N`; nil when the text is none of these.
    public static func parse(_ text: String) -> GoldenRange? {
        let t = GoldenText.trim(text)
        if let dots = t.firstRange(of: "..") {
            guard let a = Int(GoldenText.trim(t[..<dots.lowerBound])),
                  let b = Int(GoldenText.trim(t[dots.upperBound...])), a <= b else { return nil }
            return GoldenRange(lower: a, upper: b)
        }
        for (op, make) in [(">=", { (n: Int) in GoldenRange(lower: n, upper: nil) }),
                           ("<=", { (n: Int) in GoldenRange(lower: nil, upper: n) }),
                           ("==", { (n: Int) in GoldenRange(lower: n, upper: n) }),
                           (">", { (n: Int) in GoldenRange(lower: n == Int.max ? n : n + 1, upper: nil) }),
                           ("<", { (n: Int) in GoldenRange(lower: nil, upper: n == Int.min ? n : n - 1) }),
                           ("=", { (n: Int) in GoldenRange(lower: n, upper: n) })] where t.hasPrefix(op) {
            guard let n = Int(GoldenText.trim(t.dropFirst(op.count))) else { return nil }
            return make(n)
        }
        guard let n = Int(t) else { return nil }
        return GoldenRange(lower: n, upper: n)
    }
}

/// Something wrong with a golden transcript: a mistake in the file, or a check the call did not meet.
///
/// `description` reads `FILE:LINE: message`, followed by indented lines saying what actually happened.
public struct GoldenProblem: Sendable, Equatable, CustomStringConvertible {
    /// What kind of problem it is.
    public enum Kind: Sendable, Equatable {
        /// The file itself is wrong (a typo, an unknown node, a missing `scenario:`); nothing about the call.
        case error
        /// The call did not do what the file expects.
        case failure
    }

    public var file: String
    /// The line, from 1.
    public var line: Int
    public var kind: Kind
    /// What was wrong, in one line.
    public var message: String
    /// What actually happened: the customer's lines, the node, the mood, the ending.
    public var details: [String]

    public init(file: String, line: Int, kind: Kind, message: String, details: [String] = []) {
        self.file = file
        self.line = line
        self.kind = kind
        self.message = message
        self.details = details
    }

    /// `FILE:LINE: message`, then each detail on its own line, indented.
    public var description: String {
        (["\(file):\(line): \(message)"] + details.map { "    " + $0 }).joined(separator: "\n")
    }
}

/// Small text helpers for golden transcripts.
enum GoldenText {
    /// The text without leading and trailing spaces and tabs.
    static func trim<S: StringProtocol>(_ text: S) -> String {
        var s = Substring(text)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }

    /// Lowercased, curly quotes made straight and runs of white space made one space: how `says:` compares.
    static func folded(_ text: String) -> String {
        var out = ""
        var space = false
        for c in text.lowercased() {
            if c.isWhitespace {
                space = !out.isEmpty
                continue
            }
            if space { out.append(" "); space = false }
            switch c {
            case "\u{2018}", "\u{2019}": out.append("'")
            case "\u{201C}", "\u{201D}": out.append("\"")
            default: out.append(c)
            }
        }
        return out
    }
}
