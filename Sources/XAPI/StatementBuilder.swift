import Dialogue
import Foundation
import Progress

/// Turns call records into xAPI 1.0.3 statements.
///
/// For each call, in order: one `responded` per reply (the reply as `result.response`, its turn in a
/// context extension), then `completed` (or `terminated` if the trainee left the call unfinished)
/// with the score, completion and duration, then `passed` or `failed` against the pass mark (not for
/// an unfinished call). Every statement of a call shares one `context.registration`. Statement ids
/// and registrations are name-based UUIDs of the session id, so the same record always gives the
/// same statements.
public struct StatementBuilder: Sendable {
    /// The organisation's site: the trainee accounts, scenario activity ids and extension IRIs live under it.
    public var homePage: String
    /// The overall score (0...100) a call needs to pass.
    public var passMark: Int
    /// A scenario's summary, by scenario id, used as the activity's description when known.
    public var summaries: [String: String]

    /// The home page used when none is configured. Organisations should set their own.
    public static let defaultHomePage = "https://calldojo.invalid"
    public static let defaultPassMark = 70

    public init(homePage: String = StatementBuilder.defaultHomePage, passMark: Int = StatementBuilder.defaultPassMark,
                summaries: [String: String] = [:]) {
        var page = homePage
        while page.hasSuffix("/") { page.removeLast() }
        self.homePage = page
        self.passMark = passMark
        self.summaries = summaries
    }

    /// The extension IRI for `name`: `<homePage>/xapi/extensions/<name>`.
    public func extensionIRI(_ name: String) -> String {
        "\(homePage)/xapi/extensions/\(name)"
    }

    /// The scenario's activity id: `<homePage>/scenarios/<scenario id>` (the id percent-encoded if needed).
    public func activityID(scenario: String) -> String {
        let encoded = scenario.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? scenario
        return "\(homePage)/scenarios/\(encoded)"
    }

    /// The registration shared by every statement of a call.
    public static func registration(sessionID: String) -> String {
        NameBasedUUID.make(name: "registration:\(sessionID)")
    }

    /// The id of the call's `index`-th statement (0-based, in the order ``statements(for:)`` gives them).
    public static func statementID(sessionID: String, index: Int) -> String {
        NameBasedUUID.make(name: "statement:\(sessionID):\(index)")
    }

    /// The statements for several calls, in the order given.
    public func statements(for records: [SessionRecord]) -> [XAPIStatement] {
        records.flatMap { statements(for: $0) }
    }

    /// The statements for one call.
    public func statements(for record: SessionRecord) -> [XAPIStatement] {
        let registration = StatementBuilder.registration(sessionID: record.id)
        let actor = XAPIAgent(name: record.trainee, account: .init(homePage: homePage, name: record.traineeKey))
        let activity = XAPIActivity(id: activityID(scenario: record.scenario), definition: .init(
            type: XAPIActivity.simulationType,
            name: ["en": record.scenarioTitle.isEmpty ? record.scenario : record.scenarioTitle],
            description: summaries[record.scenario].flatMap { $0.isEmpty ? nil : ["en": $0] }))
        var base: [String: ExtensionValue] = [
            extensionIRI("session"): .text(record.id),
            extensionIRI("scenario"): .text(record.scenario),
            extensionIRI("persona"): .text(record.persona),
            extensionIRI("mode"): .text(record.mode.rawValue),
        ]
        if let ending = record.ending {
            base[extensionIRI("ending")] = .text(ending.kind.rawValue)
        }
        func context(_ extra: [String: ExtensionValue] = [:]) -> XAPIContext {
            XAPIContext(registration: registration, platform: "CallDojo", language: "en",
                        extensions: base.merging(extra) { _, new in new })
        }

        var out: [XAPIStatement] = []
        func add(_ verb: XAPIVerb, _ result: XAPIResult?, _ ctx: XAPIContext, at date: Date) {
            out.append(XAPIStatement(id: StatementBuilder.statementID(sessionID: record.id, index: out.count),
                                     actor: actor, verb: verb, object: activity, result: result, context: ctx,
                                     timestamp: Timestamp.format(date)))
        }

        let replies = record.transcript.filter { $0.speaker == .agent }
        let span = max(0, record.endedAt.timeIntervalSince(record.startedAt))
        for (i, reply) in replies.enumerated() {
            // The record keeps the call's start and end, not each reply's time: replies are spaced
            // evenly between them, in order.
            let at = record.startedAt.addingTimeInterval(span * Double(i + 1) / Double(replies.count + 1))
            var extra: [String: ExtensionValue] = [extensionIRI("turn"): .number(reply.turn)]
            if let node = reply.node { extra[extensionIRI("node")] = .text(node) }
            add(.responded, XAPIResult(response: reply.text), context(extra), at: at)
        }

        let overall = min(100, max(0, record.score.overall))
        let score = XAPIResult.Score(scaled: Double(overall) / 100, raw: overall, min: 0, max: 100)
        let duration = ISODuration.format(seconds: span)
        let finished = record.ending.map { $0.kind != .abandoned } ?? false
        let success = overall >= passMark
        if finished {
            add(.completed, XAPIResult(score: score, success: success, completion: true, duration: duration), context(), at: record.endedAt)
            add(success ? .passed : .failed, XAPIResult(score: score, success: success, completion: true, duration: duration),
                context([extensionIRI("pass-mark"): .number(passMark)]), at: record.endedAt)
        } else {
            add(.terminated, XAPIResult(score: score, completion: false, duration: duration), context(), at: record.endedAt)
        }
        return out
    }
}

/// ISO 8601 durations as xAPI writes them.
public enum ISODuration {
    /// `seconds` as an ISO 8601 duration to 0.01 s: `PT0S`, `PT45S`, `PT4M12.5S`, `PT1H0M3S`.
    /// Negative or non-finite values give `PT0S`.
    public static func format(seconds: Double) -> String {
        guard seconds.isFinite, seconds > 0 else { return "PT0S" }
        let hundredths = Int((seconds * 100).rounded())
        let hours = hundredths / 360_000
        let minutes = (hundredths / 6000) % 60
        let secs = hundredths % 6000
        var out = "PT"
        if hours > 0 { out += "\(hours)H" }
        if hours > 0 || minutes > 0 { out += "\(minutes)M" }
        let whole = secs / 100, frac = secs % 100
        if frac == 0 {
            out += "\(whole)S"
        } else {
            var f = String(frac)
            if frac < 10 { f = "0" + f }
            while f.hasSuffix("0") { f.removeLast() }
            out += "\(whole).\(f)S"
        }
        return out
    }

    /// The number of seconds in a duration this type writes (hours, minutes and seconds only), or nil.
    public static func seconds(_ text: String) -> Double? {
        guard text.hasPrefix("PT") else { return nil }
        var total = 0.0
        var number = ""
        for ch in text.dropFirst(2) {
            if ch.isNumber || ch == "." {
                number.append(ch)
                continue
            }
            guard let n = Double(number) else { return nil }
            switch ch {
            case "H": total += n * 3600
            case "M": total += n * 60
            case "S": total += n
            default: return nil
            }
            number = ""
        }
        return number.isEmpty ? total : nil
    }
}

/// Timestamps as xAPI statements carry them.
public enum Timestamp {
    /// `date` in UTC as `YYYY-MM-DDTHH:MM:SS.mmmZ`.
    public static func format(_ date: Date) -> String {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded())
        var days = millis >= 0 ? millis / 86_400_000 : (millis - 86_399_999) / 86_400_000
        let msOfDay = millis - days * 86_400_000
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        days += 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let doe = days - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ n: Int64, _ width: Int) -> String {
            let s = String(n)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        let h = msOfDay / 3_600_000, m = (msOfDay / 60000) % 60, s = (msOfDay / 1000) % 60, ms = msOfDay % 1000
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(h, 2)):\(pad(m, 2)):\(pad(s, 2)).\(pad(ms, 3))Z"
    }
}
