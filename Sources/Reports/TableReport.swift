import Foundation

/// Reports as plain text for a terminal: aligned columns that fit the width, long names and titles
/// shortened with `…`, notes wrapped.
public enum TableReport {
    /// The whole report as text, ending in a line break.
    /// - Parameters:
    ///   - width: the terminal's width in characters (at least 60 is used).
    ///   - zone: the time zone dates are shown in.
    public static func render(_ report: Report, width: Int = 80, zone: TimeZone = .current) -> String {
        let width = max(60, width)
        var out: [String] = []
        out += wrap(heading(report, zone: zone), width: width)
        for file in report.damagedFiles {
            out += wrap("Not included, could not be read: \(file)", width: width, indent: "  ")
        }
        if report.trainees.isEmpty {
            out.append("")
            out.append("No trainees match; nothing to report.")
            return out.joined(separator: "\n") + "\n"
        }
        if report.trainees.count > 1 {
            out.append("")
            out += groupTable(report, width: width)
            out.append("")
            out += spread(report, width: width)
        }
        for t in report.trainees {
            out.append("")
            out += trainee(t, report: report, width: width, zone: zone)
        }
        out.append("")
        out += wrap("Session ids: `calldojo history --trainee NAME`; a call turn by turn: `calldojo replay ID`.", width: width)
        return out.joined(separator: "\n") + "\n"
    }

    static func heading(_ report: Report, zone: TimeZone) -> String {
        var text = "Report: \(report.title). \(count(report.trainees.count, "trainee")), \(count(report.sessionCount, "call"))"
        if let since = report.since { text += " since \(ReportFormat.dateTime(since, in: zone))" }
        if let mode = report.mode { text += ", \(mode.rawValue) calls only" }
        text += ". Pass mark \(report.passMark). Made \(ReportFormat.dateTime(report.generatedAt, in: zone))."
        return text
    }

    static func groupTable(_ report: Report, width: Int) -> [String] {
        let nameWidth = min(24, max(7, report.trainees.map { $0.name.count }.max() ?? 7))
        var rows: [[String]] = [["Trainee", "Calls", "Time", "Overall", "Listen", "Para", "Next", "Fwd", "Trend", "Pass", "Weakest"]]
        for t in report.trainees {
            var row = [fit(t.name, nameWidth), String(t.sessions), ReportFormat.duration(t.practisedSeconds),
                       ReportFormat.number(t.overall.average)]
            row += t.skills.map { ReportFormat.number($0.average) }
            row += [t.overall.trend?.text ?? "-", ReportFormat.percent(t.passRate), t.weakestSkill.map(ReportSkills.short) ?? "-"]
            rows.append(row)
        }
        let right: Set<Int> = [1, 2, 3, 4, 5, 6, 7, 9]
        return wrap("Trainees (averages per call; trend of the overall score over the latest calls):", width: width)
            + columns(rows, right: right).map { fit($0, width) }
    }

    static func spread(_ report: Report, width: Int) -> [String] {
        var out = wrap("Spread of each trainee's average across the group:", width: width)
        var rows: [[String]] = [["Skill", "Trainees", "Min", "Q1", "Median", "Q3", "Max"]]
        for d in report.distributions {
            rows.append([d.title, String(d.trainees), ReportFormat.number(d.min), ReportFormat.number(d.q1),
                         ReportFormat.number(d.median), ReportFormat.number(d.q3), ReportFormat.number(d.max)])
        }
        out += columns(rows, right: [1, 2, 3, 4, 5, 6]).map { fit($0, width) }
        out.append("")
        out.append("Trainees per band of average score:")
        var bands: [[String]] = [["Skill"] + (0..<10).map { $0 == 9 ? "90+" : "\($0 * 10)s" }]
        for d in report.distributions {
            bands.append([ReportSkills.short(d.skill)] + d.bands.map { $0.count == 0 ? "." : String($0.count) })
        }
        out += columns(bands, right: Set(1...10)).map { fit($0, width) }
        return out
    }

    static func trainee(_ t: TraineeReport, report: Report, width: Int, zone: TimeZone) -> [String] {
        var out = [fit("== \(t.name) ==", width)]
        guard t.sessions > 0 else {
            out.append("No calls in this report.")
            return out
        }
        var summary = "\(count(t.sessions, "call")), \(ReportFormat.duration(t.practisedSeconds)) on calls"
        if let first = t.firstCallAt, let last = t.lastCallAt {
            summary += ", \(ReportFormat.day(first, in: zone)) to \(ReportFormat.day(last, in: zone))"
        }
        summary += ". Passed \(t.passed) of \(t.sessions) (\(ReportFormat.percent(t.passRate))) at \(report.passMark)."
        if let weakest = t.weakestSkill { summary += " Weakest skill: \(ReportSkills.title(weakest))." }
        out += wrap(summary, width: width)
        var rows: [[String]] = [["Skill", "Latest", "Average", "Trend"]]
        for s in [t.overall] + t.skills {
            rows.append([s.title, s.latest.map(String.init) ?? "-", ReportFormat.number(s.average),
                         s.trend.map { "\($0.text) over \($0.calls) calls" } ?? "- (fewer than 3 calls)"])
        }
        out += columns(rows, right: [1, 2]).map { "  " + $0 }.map { fit($0, width) }
        if !t.goals.isEmpty {
            out.append("Goals:")
            for g in t.goals {
                let now = g.current.map { "latest three average \($0) (\(ReportFormat.percent(g.progress)) of target)" } ?? "no calls yet"
                var text = "\(g.title) \(g.target) by \(ReportFormat.day(g.by, in: zone)): \(now), \(g.status.rawValue)."
                if let note = g.note, !note.isEmpty { text += " \(note)" }
                out += wrap(text, width: width, indent: "  ", hanging: "    ")
            }
        }
        let last = t.lastCalls(report.lastCallCount)
        if !last.isEmpty {
            out.append("Last calls:")
            var rows: [[String]] = []
            for c in last {
                rows.append([ReportFormat.dateTime(c.startedAt, in: zone), String(c.overall), c.passed ? "pass" : "fail",
                             c.ending?.title ?? "no ending", c.scenarioTitle])
            }
            out += columns(rows, right: [1]).map { fit("  " + $0, width) }
        }
        return out
    }

    // MARK: - Layout

    /// Pads cells into aligned columns two spaces apart; `right` holds the columns aligned right.
    static func columns(_ rows: [[String]], right: Set<Int>) -> [String] {
        let n = rows.map(\.count).max() ?? 0
        var widths = Array(repeating: 0, count: n)
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        return rows.map { row in
            var line = ""
            for (i, cell) in row.enumerated() {
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                let last = i == row.count - 1
                line += right.contains(i) ? pad + cell : (last ? cell : cell + pad)
                if !last { line += "  " }
            }
            return line
        }
    }

    /// Shortens text to `width` characters, ending in `…` when cut.
    static func fit(_ text: String, _ width: Int) -> String {
        guard text.count > width else { return text }
        return String(text.prefix(max(0, width - 1))) + "…"
    }

    /// Wraps text at spaces to `width`; continuation lines start with `hanging` (default `indent`).
    static func wrap(_ text: String, width: Int, indent: String = "", hanging: String? = nil) -> [String] {
        let rest = hanging ?? indent
        var lines: [String] = []
        var line = indent
        var lineHasWord = false
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if lineHasWord && line.count + 1 + word.count > width {
                lines.append(line)
                line = rest
                lineHasWord = false
            }
            line += (lineHasWord ? " " : "") + word
            lineHasWord = true
        }
        lines.append(line)
        return lines
    }

    static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }
}
