import Foundation
import Mustache

/// Why the HTML report could not be made.
public struct HTMLReportError: Error, CustomStringConvertible {
    public var description: String
}

/// Reports as one self-contained HTML file: inline style sheet, inline SVG charts (each trainee's
/// skills call by call; the spread of each skill across the group), nothing fetched from the
/// network. Readable on a projector (large type, high contrast, lines told apart by dash as well as
/// colour) and on paper (each trainee starts a new page). Built from Mustache templates that escape
/// every value, so names, notes and scenario titles always show as text.
public enum HTMLReport {
    /// The page for a report.
    public static func render(_ report: Report, zone: TimeZone = .current) throws -> String {
        let template: MustacheTemplate
        do {
            template = try MustacheTemplate(string: HTMLTemplates.page)
        } catch {
            throw HTMLReportError(description: "the HTML report template could not be read: \(error)")
        }
        return template.render(view(report, zone: zone))
    }

    // MARK: - View model

    static func view(_ report: Report, zone: TimeZone) -> [String: Any] {
        var anchors: [String: Int] = [:]
        let trainees: [[String: Any]] = report.trainees.map { t in
            var anchor = "t-" + t.key.map { $0.isLetter || $0.isNumber || $0 == "-" ? String($0) : "_" }.joined()
            anchors[anchor, default: 0] += 1
            if let n = anchors[anchor], n > 1 { anchor += "-\(n)" }
            return trainee(t, report: report, anchor: anchor, zone: zone)
        }
        var view: [String: Any] = [
            "title": report.title,
            "summary": TableReport.heading(report, zone: zone).replacingOccurrences(of: "Report: \(report.title). ", with: ""),
            "css": HTMLTemplates.css,
            "passMark": String(report.passMark),
            "damaged": report.damagedFiles,
            "hasDamaged": !report.damagedFiles.isEmpty,
            "trainees": trainees,
            "group": report.trainees.count > 1,
            "skillHeads": ReportSkills.ids.map(ReportSkills.title),
        ]
        if report.trainees.count > 1 {
            view["bars"] = bars(report)
            view["histograms"] = report.distributions.map(histogram)
        }
        return view
    }

    static func trainee(_ t: TraineeReport, report: Report, anchor: String, zone: TimeZone) -> [String: Any] {
        var summary = TableReport.count(t.sessions, "call") + ", " + ReportFormat.duration(t.practisedSeconds) + " on calls"
        if let first = t.firstCallAt, let last = t.lastCallAt {
            summary += ", \(ReportFormat.day(first, in: zone)) to \(ReportFormat.day(last, in: zone))"
        }
        if t.sessions > 0 {
            summary += ". Passed \(t.passed) of \(t.sessions) (\(ReportFormat.percent(t.passRate))) at a pass mark of \(report.passMark)."
        } else {
            summary += "."
        }
        if let weakest = t.weakestSkill { summary += " Weakest skill: \(ReportSkills.title(weakest))." }
        let stats: [[String: Any]] = ([t.overall] + t.skills).map { s in
            [
                "title": s.title,
                "latest": s.latest.map(String.init) ?? "–",
                "average": ReportFormat.number(s.average),
                "trendText": s.trend.map { "\($0.text) per call over \($0.calls)" } ?? "fewer than 3 calls",
                "trendDirection": s.trend?.direction.rawValue ?? "none",
                "weakest": s.skill == t.weakestSkill,
            ]
        }
        let goals: [[String: Any]] = t.goals.map { g in
            [
                "title": g.title,
                "target": String(g.target),
                "by": ReportFormat.day(g.by, in: zone),
                "current": g.current.map { "latest three average \($0)" } ?? "no calls yet",
                "status": g.status.rawValue,
                "percent": ReportFormat.percent(g.progress),
                "barWidth": String(Int((g.progress * 160).rounded())),
                "note": g.note ?? "",
                "hasNote": !(g.note ?? "").isEmpty,
            ]
        }
        let last: [[String: Any]] = t.lastCalls(report.lastCallCount).map { c in
            [
                "when": ReportFormat.dateTime(c.startedAt, in: zone),
                "scenario": c.scenarioTitle,
                "ending": c.ending?.title ?? "no ending",
                "overall": String(c.overall),
                "result": c.passed ? "pass" : "fail",
                "id": c.sessionID,
            ]
        }
        let skills: [[String: Any]] = t.skills.map { s in
            ["average": ReportFormat.number(s.average), "band": band(s.average, passMark: report.passMark)]
        }
        return [
            "name": t.name,
            "anchor": anchor,
            "summary": summary,
            "sessions": String(t.sessions),
            "time": ReportFormat.duration(t.practisedSeconds),
            "overallAverage": ReportFormat.number(t.overall.average),
            "skills": skills,
            "trendText": t.overall.trend?.text ?? "–",
            "trendDirection": t.overall.trend?.direction.rawValue ?? "none",
            "passRate": ReportFormat.percent(t.passRate),
            "weakest": t.weakestSkill.map(ReportSkills.title) ?? "–",
            "hasCalls": t.sessions > 0,
            "stats": stats,
            "chart": trendChart(t, passMark: report.passMark, window: 50),
            "goals": goals,
            "hasGoals": !goals.isEmpty,
            "lastCalls": last,
            "hasLastCalls": !last.isEmpty,
        ]
    }

    static func band(_ average: Double?, passMark: Int) -> String {
        guard let average else { return "none" }
        return average < Double(passMark) ? "low" : "high"
    }

    // MARK: - Charts

    /// A line per skill and one for the overall score, over the latest `window` calls.
    static func trendChart(_ t: TraineeReport, passMark: Int, window: Int) -> [String: Any] {
        let width = 720.0, height = 280.0, left = 44.0, right = width - 12, top = 12.0, bottom = height - 36
        func y(_ score: Int) -> Double { bottom - (bottom - top) * Double(min(100, max(0, score))) / 100 }
        let shown = min(window, t.sessions)
        func x(_ i: Int, _ n: Int) -> Double { n <= 1 ? (left + right) / 2 : left + (right - left) * Double(i) / Double(n - 1) }
        let lines: [[String: Any]] = ([t.overall] + t.skills).compactMap { s in
            let series = Array(s.series.suffix(shown))
            guard !series.isEmpty else { return nil }
            let pts = series.enumerated().map { (x($0.offset, series.count), y($0.element)) }
            return [
                "skill": s.skill,
                "title": s.title,
                "points": pts.map { "\(fmt($0.0)),\(fmt($0.1))" }.joined(separator: " "),
                "dots": series.count <= 20 ? pts.map { ["x": fmt($0.0), "y": fmt($0.1)] } : [[String: String]](),
            ]
        }
        let grid: [[String: String]] = stride(from: 0, through: 100, by: 25).map { v in
            ["y": fmt(y(v)), "value": String(v), "labelY": fmt(y(v) + 4), "labelX": fmt(left - 6),
             "left": fmt(left), "right": fmt(right)]
        }
        let caption = shown < t.sessions ? "The latest \(shown) of \(t.sessions) calls, oldest on the left"
            : "\(TableReport.count(shown, "call")), oldest on the left"
        return [
            "width": fmt(width), "height": fmt(height), "left": fmt(left), "right": fmt(right),
            "passY": fmt(y(passMark)), "grid": grid, "lines": lines, "caption": caption, "captionY": fmt(height - 10),
        ]
    }

    /// Box-and-whisker bars: one row per skill, 0 to 100 across.
    static func bars(_ report: Report) -> [String: Any] {
        let width = 900.0, labelW = 220.0, right = width - 230, rowH = 44.0, top = 10.0
        let rows = report.distributions.filter { $0.trainees > 0 }
        let bottom = top + rowH * Double(max(1, rows.count))
        let height = bottom + 28
        func x(_ v: Double) -> Double { labelW + (right - labelW) * min(100, max(0, v)) / 100 }
        let rowViews: [[String: Any]] = rows.enumerated().map { i, d in
            let mid = top + rowH * Double(i) + rowH / 2
            let q1 = x(d.q1 ?? 0), q3 = x(d.q3 ?? 0)
            return [
                "title": d.title, "skill": d.skill, "textY": fmt(mid + 5), "midY": fmt(mid),
                "minX": fmt(x(d.min ?? 0)), "maxX": fmt(x(d.max ?? 0)), "q1X": fmt(q1), "boxW": fmt(max(2, q3 - q1)),
                "boxY": fmt(mid - 12), "boxH": "24", "boxBottom": fmt(mid + 12), "medX": fmt(x(d.median ?? 0)),
                "valueX": fmt(right + 12), "median": ReportFormat.number(d.median), "trainees": String(d.trainees),
            ]
        }
        let grid: [[String: String]] = stride(from: 0, through: 100, by: 10).map { v in
            ["x": fmt(x(Double(v))), "top": fmt(top), "bottom": fmt(bottom), "label": fmt(bottom + 18), "value": String(v)]
        }
        return [
            "width": fmt(width), "height": fmt(height), "rows": rowViews, "grid": grid,
            "passX": fmt(x(Double(report.passMark))), "top": fmt(top), "bottom": fmt(bottom),
        ]
    }

    /// Ten bars: how many trainees' averages fall in each band.
    static func histogram(_ d: Distribution) -> [String: Any] {
        let width = 320.0, height = 160.0, top = 18.0, bottom = height - 22, left = 6.0
        let slot = (width - 2 * left) / 10
        let most = max(1, d.bands.map(\.count).max() ?? 1)
        let bars: [[String: Any]] = d.bands.enumerated().map { i, b in
            let h = (bottom - top) * Double(b.count) / Double(most)
            let x = left + slot * Double(i)
            return [
                "x": fmt(x + 3), "y": fmt(bottom - h), "w": fmt(slot - 6), "h": fmt(h), "cx": fmt(x + slot / 2),
                "ty": fmt(bottom - h - 4), "ly": fmt(height - 6), "label": b.from == 90 ? "90+" : String(b.from),
                "count": String(b.count), "showCount": b.count > 0, "skill": d.skill,
            ]
        }
        return ["title": d.title, "width": fmt(width), "height": fmt(height), "bars": bars]
    }

    static func fmt(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}
