import Dialogue
import Foundation
import Progress

/// The rules one assessment is taken under: the pass mark, and the trainer's optional time limit and
/// cap on attempts. Made by ``AssessmentConfig/rules(for:defaultPassMark:)``.
///
/// An assessment has no hints and no coaching during the call. Every assessment saved counts as an
/// attempt, including one left before it ended; practice and coached calls never do.
public struct AssessmentRules: Sendable, Equatable {
    /// The overall score the call needs, 0-100.
    public var passMark: Int
    /// The time allowed for the call, in seconds; nil for no limit.
    public var timeLimitSeconds: Int?
    /// How many assessments of a scenario each trainee may take; nil for no cap.
    public var maxAttempts: Int?

    public init(passMark: Int, timeLimitSeconds: Int? = nil, maxAttempts: Int? = nil) {
        self.passMark = passMark
        self.timeLimitSeconds = timeLimitSeconds
        self.maxAttempts = maxAttempts
    }

    /// How many assessments of `scenario` are among a trainee's calls.
    public static func attemptsUsed(_ sessions: [SessionSummary], scenario: String) -> Int {
        sessions.filter { $0.mode == .assessment && $0.scenario == scenario }.count
    }

    /// The number of the attempt about to start (1 for the first), or why it may not start: the
    /// trainee has used every attempt the trainer allows.
    public func nextAttempt(sessions: [SessionSummary], scenario: String, trainee: String) throws(AssessmentRefusal) -> Int {
        let used = AssessmentRules.attemptsUsed(sessions, scenario: scenario)
        if let maxAttempts, used >= maxAttempts {
            throw AssessmentRefusal(trainee: trainee, scenario: scenario, used: used, maxAttempts: maxAttempts)
        }
        return used + 1
    }

    /// Whether a finished call passed: its overall score reached the pass mark, and it was not left
    /// before it ended.
    public func result(overall: Int, ending: EndingKind?, attempt: Int, timedOut: Bool) -> AssessmentResult {
        let passed = ending != .abandoned && overall >= passMark
        return AssessmentResult(passMark: passMark, passed: passed, attempt: attempt, maxAttempts: maxAttempts,
                                timeLimitSeconds: timeLimitSeconds, timedOut: timedOut)
    }

    /// What the trainee reads before the call, e.g. "Assessment: no hints and no coaching during the
    /// call. Pass mark 75. Time limit 8 minutes. Attempt 2 of 3."
    public func briefing(attempt: Int) -> String {
        var parts = ["Assessment: no hints and no coaching during the call.", "Pass mark \(passMark)."]
        if let timeLimitSeconds {
            parts.append("Time limit \(AssessmentTimer.describe(seconds: timeLimitSeconds)), checked each time you press Enter; when it is up the call ends as it stands.")
        } else {
            parts.append("No time limit.")
        }
        if let maxAttempts {
            parts.append("Attempt \(attempt) of \(maxAttempts).")
        } else {
            parts.append("Attempt \(attempt).")
        }
        return parts.joined(separator: " ")
    }
}

/// Why an assessment may not start: the trainee has used every attempt at the scenario.
public struct AssessmentRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    public var trainee: String
    public var scenario: String
    /// Assessments of the scenario the trainee has taken.
    public var used: Int
    /// The trainer's cap.
    public var maxAttempts: Int

    public init(trainee: String, scenario: String, used: Int, maxAttempts: Int) {
        self.trainee = trainee
        self.scenario = scenario
        self.used = used
        self.maxAttempts = maxAttempts
    }

    public var description: String {
        let allowed = maxAttempts == 1 ? "the one assessment attempt" : "all \(maxAttempts) assessment attempts"
        return "\(trainee) has used \(allowed) allowed at \(scenario) (\(used) taken). "
            + "A trainer can raise \"maxAttempts\" in \(AssessmentConfig.fileName) in the store folder. "
            + "Practice is not limited: calldojo practice --scenario \(scenario) --coach"
    }
}

/// The end of an assessment in words: PASS or FAIL against the pass mark, and why.
public enum AssessmentVerdict {
    /// e.g. "Assessment: PASS. Overall 78 against a pass mark of 70. Attempt 1 of 3."
    public static func headline(_ result: AssessmentResult, overall: Int, ending: EndingKind?) -> String {
        var text: String
        if result.passed {
            text = "Assessment: PASS. Overall \(overall) against a pass mark of \(result.passMark)."
        } else if ending == .abandoned {
            text = "Assessment: FAIL. The call was left before it ended, so it cannot pass (overall \(overall); pass mark \(result.passMark))."
        } else {
            text = "Assessment: FAIL. Overall \(overall) against a pass mark of \(result.passMark): \(result.passMark - overall) short."
        }
        if result.timedOut, let limit = result.timeLimitSeconds {
            text += " The time limit of \(AssessmentTimer.describe(seconds: limit)) ran out, and the call was scored as it stood."
        }
        if let max = result.maxAttempts {
            text += result.attempt >= max
                ? " That was attempt \(result.attempt) of \(max), the last one allowed."
                : " That was attempt \(result.attempt) of \(max)."
        } else {
            text += " That was attempt \(result.attempt)."
        }
        return text
    }
}

/// An assessment's time limit, against a clock the caller reads (so tests need not wait).
///
/// The limit is checked whenever the trainee presses Enter: a line that arrives after the time is up
/// is not put to the customer; the call ends as it stands and the line is kept in the record, marked
/// as late.
public struct AssessmentTimer: Sendable, Equatable {
    /// The ending id of a call the time limit ended.
    public static let timeUpEndingID = "time_up"
    /// How long before the end the trainee is warned, in seconds (for limits longer than this).
    public static let warningSeconds = 60

    public let limitSeconds: Int
    public let startedAt: Date

    public init(limitSeconds: Int, startedAt: Date) {
        self.limitSeconds = limitSeconds
        self.startedAt = startedAt
    }

    /// When the time is up.
    public var deadline: Date { startedAt.addingTimeInterval(TimeInterval(limitSeconds)) }

    /// Seconds left at `now`, never below 0.
    public func remaining(at now: Date) -> TimeInterval {
        max(0, deadline.timeIntervalSince(now))
    }

    /// True once the limit has been reached.
    public func isUp(at now: Date) -> Bool { now >= deadline }

    /// The warning to show at `now`, once: when at most a minute is left of a limit longer than that.
    public func warning(at now: Date, alreadyWarned: Bool) -> String? {
        guard !alreadyWarned, limitSeconds > AssessmentTimer.warningSeconds, !isUp(at: now),
              remaining(at: now) <= TimeInterval(AssessmentTimer.warningSeconds) else { return nil }
        let left = Int(remaining(at: now).rounded(.up))
        return "(\(AssessmentTimer.describe(seconds: left)) left.)"
    }

    /// True when the time limit ended this call.
    public static func timedOut(_ state: CallState) -> Bool {
        state.ending?.id == timeUpEndingID
    }

    /// Ends a call whose time is up, as it stands: the customer hears nothing more, the ending says the
    /// time ran out, and `late` (what the trainee typed after the limit, if anything) is kept in the
    /// transcript, marked as not scored.
    public func endCall(_ state: CallState, engine: CallEngine, late: String?) -> (CallState, [CallEvent]) {
        guard !state.isOver else { return (state, []) }
        var state = state
        if let late, !late.isEmpty {
            state.transcript.append(TranscriptEntry(speaker: .system, text: "Typed after the time was up, not scored: \(late)",
                                                    node: state.node, turn: state.turn, command: "late"))
        }
        var (ended, events) = engine.step(state, .end)
        let limit = AssessmentTimer.describe(seconds: limitSeconds)
        if let i = ended.transcript.lastIndex(where: { $0.speaker == .system && $0.command == "end" }) {
            ended.transcript[i].text = "The time limit of \(limit) was up."
            ended.transcript[i].command = "time_up"
        }
        let open = ended.raisedIssues.filter { !ended.resolvedIssues.contains($0) }.count
        let note = "The assessment's time limit of \(limit) ran out, so the call ended as it stood"
            + (open == 0 ? ", with every issue the customer raised resolved." : "; \(open) issue\(open == 1 ? " was" : "s were") still open.")
        let record = EndingRecord(id: AssessmentTimer.timeUpEndingID, kind: .endedByAgent, note: note)
        ended.ending = record
        events = events.map { event in
            if case .ended = event { return .ended(record) }
            return event
        }
        return (ended, events)
    }

    /// A length of time in words: "8 minutes", "90 seconds" is "1 minute 30 seconds", "45 seconds".
    public static func describe(seconds: Int) -> String {
        let m = seconds / 60, s = seconds % 60
        func unit(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        if m == 0 { return unit(s, "second") }
        if s == 0 { return unit(m, "minute") }
        return unit(m, "minute") + " " + unit(s, "second")
    }
}
