import Foundation

/// Reports as JSON, for tools: the ``Report`` value under its field names as they are in Swift, keys
/// sorted, dates in ISO 8601 (UTC, whole seconds), on one line. A value that is unknown (no calls yet)
/// is left out rather than written as null. docs/REPORTS.md lists every field.
///
/// The text is written directly rather than through `JSONEncoder`, which takes seconds over a store of
/// 100,000 calls; it decodes with `JSONDecoder` (dates `.iso8601`) back into the same ``Report``.
public enum JSONReport {
    /// The report as JSON text, ending in a line break.
    public static func render(_ report: Report) -> String {
        var w = JSONWriter()
        w.reserve(report.sessionCount * 420 + report.trainees.count * 2_000 + 4_000)
        w.object { o in
            o.optional("cohort", report.cohort) { $0.string($1) }
            o.array("damagedFiles", report.damagedFiles) { $0.string($1) }
            o.array("distributions", report.distributions) { w, d in w.distribution(d) }
            o.date("generatedAt", report.generatedAt)
            o.int("lastCallCount", report.lastCallCount)
            o.optional("mode", report.mode) { $0.string($1.rawValue) }
            o.int("passMark", report.passMark)
            o.int("schemaVersion", report.schemaVersion)
            o.optional("since", report.since) { $0.date($1) }
            o.string("title", report.title)
            o.array("trainees", report.trainees) { w, t in w.trainee(t) }
        }
        return w.text + "\n"
    }
}

/// Writes JSON text. Each object's keys must be written in sorted order by the caller.
struct JSONWriter {
    private(set) var text = ""

    mutating func reserve(_ n: Int) { text.reserveCapacity(n) }

    mutating func raw(_ s: String) { text += s }

    mutating func string(_ s: String) {
        // Most text needs no escaping: copy it whole.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) {
            text += "\""
            text += s
            text += "\""
            return
        }
        text += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{2028}": text += "\\u2028"
            case "\u{2029}": text += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        text += "\""
    }

    mutating func int(_ n: Int) { text += String(n) }

    mutating func double(_ d: Double) {
        guard d.isFinite else { text += "null"; return }
        if d == d.rounded(), abs(d) < 1e15 { text += String(Int(d)) } else { text += "\(d)" }
    }

    mutating func bool(_ b: Bool) { text += b ? "true" : "false" }

    /// `2026-03-01T09:00:00Z`.
    mutating func date(_ d: Date) {
        let stamp = ReportFormat.utcStamp(d)
        text += "\"" + stamp.prefix(10) + "T" + stamp.dropFirst(11) + "Z\""
    }

    mutating func object(_ body: (inout ObjectWriter) -> Void) {
        var o = ObjectWriter(writer: self)
        text = ""
        o.writer.text += "{"
        body(&o)
        o.writer.text += "}"
        self = o.writer
    }

    mutating func array<T>(_ items: [T], _ each: (inout JSONWriter, T) -> Void) {
        text += "["
        for (i, item) in items.enumerated() {
            if i > 0 { text += "," }
            each(&self, item)
        }
        text += "]"
    }

    struct ObjectWriter {
        var writer: JSONWriter
        private var first = true

        init(writer: JSONWriter) { self.writer = writer }

        private mutating func key(_ k: String) {
            if !first { writer.text += "," }
            first = false
            writer.string(k)
            writer.text += ":"
        }

        mutating func string(_ k: String, _ v: String) { key(k); writer.string(v) }
        mutating func int(_ k: String, _ v: Int) { key(k); writer.int(v) }
        mutating func double(_ k: String, _ v: Double) { key(k); writer.double(v) }
        mutating func bool(_ k: String, _ v: Bool) { key(k); writer.bool(v) }
        mutating func date(_ k: String, _ v: Date) { key(k); writer.date(v) }

        mutating func optional<T>(_ k: String, _ v: T?, _ write: (inout JSONWriter, T) -> Void) {
            guard let v else { return }
            key(k)
            write(&writer, v)
        }

        mutating func array<T>(_ k: String, _ items: [T], _ each: (inout JSONWriter, T) -> Void) {
            key(k)
            writer.array(items, each)
        }

        mutating func value(_ k: String, _ write: (inout JSONWriter) -> Void) {
            key(k)
            write(&writer)
        }
    }

    // MARK: - Report values, keys in sorted order

    /// The four skill ids in sorted order.
    static let skillKeys = ReportSkills.ids.sorted()

    mutating func trainee(_ t: TraineeReport) {
        object { o in
            o.array("calls", t.calls) { w, c in w.call(c) }
            o.optional("firstCallAt", t.firstCallAt) { $0.date($1) }
            o.array("goals", t.goals) { w, g in w.goal(g) }
            o.string("key", t.key)
            o.optional("lastCallAt", t.lastCallAt) { $0.date($1) }
            o.string("name", t.name)
            o.value("overall") { $0.stats(t.overall) }
            o.optional("passRate", t.passRate) { $0.double($1) }
            o.int("passed", t.passed)
            o.int("practisedSeconds", t.practisedSeconds)
            o.int("sessions", t.sessions)
            o.array("skills", t.skills) { w, s in w.stats(s) }
            o.optional("weakestSkill", t.weakestSkill) { $0.string($1) }
        }
    }

    mutating func stats(_ s: SkillStats) {
        object { o in
            o.optional("average", s.average) { $0.double($1) }
            o.int("calls", s.calls)
            o.optional("latest", s.latest) { $0.int($1) }
            o.array("series", s.series) { $0.int($1) }
            o.string("skill", s.skill)
            o.string("title", s.title)
            o.optional("trend", s.trend) { w, t in
                w.object { o in
                    o.int("calls", t.calls)
                    o.string("direction", t.direction.rawValue)
                    o.double("pointsPerCall", t.pointsPerCall)
                }
            }
        }
    }

    mutating func call(_ c: CallRow) {
        object { o in
            o.int("durationSeconds", c.durationSeconds)
            o.optional("ending", c.ending) { $0.string($1.rawValue) }
            o.string("mode", c.mode.rawValue)
            o.int("overall", c.overall)
            o.bool("passed", c.passed)
            o.string("persona", c.persona)
            o.string("scenario", c.scenario)
            o.string("scenarioTitle", c.scenarioTitle)
            o.string("sessionID", c.sessionID)
            o.value("skills") { w in
                w.object { o in
                    if c.skills.count == JSONWriter.skillKeys.count, JSONWriter.skillKeys.allSatisfy({ c.skills[$0] != nil }) {
                        for k in JSONWriter.skillKeys { o.int(k, c.skills[k] ?? 0) }
                    } else {
                        for (k, v) in c.skills.sorted(by: { $0.key < $1.key }) { o.int(k, v) }
                    }
                }
            }
            o.date("startedAt", c.startedAt)
            o.string("trainee", c.trainee)
            o.string("traineeKey", c.traineeKey)
        }
    }

    mutating func goal(_ g: GoalProgress) {
        object { o in
            o.optional("achievedAt", g.achievedAt) { $0.date($1) }
            o.date("by", g.by)
            o.optional("current", g.current) { $0.int($1) }
            o.int("daysLeft", g.daysLeft)
            o.string("id", g.id)
            o.optional("latest", g.latest) { $0.int($1) }
            o.optional("note", g.note) { $0.string($1) }
            o.double("progress", g.progress)
            o.string("skill", g.skill)
            o.string("status", g.status.rawValue)
            o.int("target", g.target)
            o.string("title", g.title)
        }
    }

    mutating func distribution(_ d: Distribution) {
        object { o in
            o.array("bands", d.bands) { w, b in
                w.object { o in
                    o.int("count", b.count)
                    o.int("from", b.from)
                    o.int("to", b.to)
                }
            }
            o.optional("max", d.max) { $0.double($1) }
            o.optional("median", d.median) { $0.double($1) }
            o.optional("min", d.min) { $0.double($1) }
            o.optional("q1", d.q1) { $0.double($1) }
            o.optional("q3", d.q3) { $0.double($1) }
            o.string("skill", d.skill)
            o.string("title", d.title)
            o.int("trainees", d.trainees)
        }
    }
}
