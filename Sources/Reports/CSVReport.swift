import Foundation

/// Reports as CSV: one row per call, for spreadsheets.
///
/// RFC 4180: a header row, comma-separated, CRLF line ends, fields holding a comma, a quote or a line
/// break in double quotes with quotes doubled. The file starts with a UTF-8 byte order mark so
/// spreadsheets read names in any script correctly. A text cell that starts with `=`, `+`, `-`, `@`, a
/// tab or a carriage return gets a leading `'`, so a spreadsheet never runs it as a formula.
public enum CSVReport {
    /// The columns, in order.
    public static let columns = [
        "session_id", "trainee", "started_utc", "scenario", "scenario_title", "persona", "mode", "ending",
        "duration_seconds", "overall", "active_listening", "paraphrasing", "next_steps", "forward_resolution", "passed",
    ]

    /// The whole CSV text for a report's calls.
    public static func render(_ report: Report, byteOrderMark: Bool = true) -> String {
        render(rows: report.allCalls, byteOrderMark: byteOrderMark)
    }

    /// CSV text for any calls.
    public static func render(rows: [CallRow], byteOrderMark: Bool = true) -> String {
        var out = byteOrderMark ? "\u{FEFF}" : ""
        out.reserveCapacity(rows.count * 160 + 200)
        out += line(columns)
        for r in rows {
            var cells = [r.sessionID, r.trainee, ReportFormat.utcStamp(r.startedAt), r.scenario, r.scenarioTitle, r.persona,
                         r.mode.rawValue, r.ending?.rawValue ?? "", String(r.durationSeconds), String(r.overall)]
            for id in ReportSkills.ids { cells.append(r.skills[id].map(String.init) ?? "") }
            cells.append(r.passed ? "yes" : "no")
            out += line(cells)
        }
        return out
    }

    static func line(_ cells: [String]) -> String {
        cells.map(field).joined(separator: ",") + "\r\n"
    }

    /// One field, made safe against formula injection and quoted when it must be.
    public static func field(_ raw: String) -> String {
        var text = raw
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            text = "'" + text
        }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
