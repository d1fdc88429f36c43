import Dialogue
import Foundation
import Progress
import Reports
import Testing

/// Splits RFC 4180 text into rows of fields, the way a spreadsheet reads it.
func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var chars = Array(text.unicodeScalars)
    if chars.first == "\u{FEFF}" { chars.removeFirst() }
    var i = 0
    while i < chars.count {
        let c = chars[i]
        if quoted {
            if c == "\"" {
                if i + 1 < chars.count && chars[i + 1] == "\"" {
                    field.unicodeScalars.append("\"")
                    i += 1
                } else {
                    quoted = false
                }
            } else {
                field.unicodeScalars.append(c)
            }
        } else if c == "\"" && field.isEmpty {
            quoted = true
        } else if c == "," {
            row.append(field)
            field = ""
        } else if c == "\r" && i + 1 < chars.count && chars[i + 1] == "\n" {
            row.append(field)
            rows.append(row)
            row = []
            field = ""
            i += 1
        } else {
            field.unicodeScalars.append(c)
        }
        i += 1
    }
    if !field.isEmpty || !row.isEmpty {
        row.append(field)
        rows.append(row)
    }
    return rows
}

/// The keys of the outermost JSON object, in the order they are written.
func topLevelKeys(_ json: String) -> [String] {
    var keys: [String] = []
    var depth = 0
    var inString = false
    var escaped = false
    var current = ""
    var afterString = false
    for c in json {
        if inString {
            if escaped { escaped = false; current.append(c); continue }
            if c == "\\" { escaped = true; continue }
            if c == "\"" { inString = false; afterString = true; continue }
            current.append(c)
            continue
        }
        switch c {
        case "\"": inString = true; current = ""
        case "{", "[": depth += 1
        case "}", "]": depth -= 1
        case ":": if depth == 1 && afterString { keys.append(current) }
        default: break
        }
        if c != "\"" { afterString = false }
    }
    return keys
}

func sampleReport(titles: [String: String] = [:], goals: [Goal] = []) throws -> Report {
    var profiles = [
        try profile("Sam Jones", [
            Call([80, 40, 70, 60], at: utc(2026, 3, 1, 9), minutes: 4),
            Call([90, 50, 70, 70], at: utc(2026, 3, 2, 9), minutes: 6, mode: .coached, ending: .hungUp),
            Call([70, 60, 80, 80], at: utc(2026, 3, 3, 9), minutes: 5.5, scenario: "evil"),
        ]),
        try profile("Aoife O'Brien", daily([55, 65, 75, 85])),
    ]
    profiles[0].goals = goals
    let builder = ReportBuilder(options: ReportOptions(now: utc(2026, 4, 1)), scenarioTitles: titles)
    return builder.build(title: "March intake", cohort: "March intake", profiles: profiles,
                         damagedFiles: ["/store/trainees/x.json: it is not valid JSON"])
}

struct CSVTests {
    @Test func oneRowPerCallWithTheDocumentedColumns() throws {
        let csv = CSVReport.render(try sampleReport())
        #expect(csv.hasPrefix("\u{FEFF}session_id,trainee,started_utc,"))
        let rows = parseCSV(csv)
        #expect(rows.first == CSVReport.columns)
        #expect(rows.count == 1 + 7)
        #expect(rows.allSatisfy { $0.count == CSVReport.columns.count })
        let sam = try #require(rows.first { $0[1] == "Sam Jones" && $0[7] == "hung_up" })
        let column = { (name: String) in CSVReport.columns.firstIndex(of: name) ?? -1 }
        #expect(sam[column("started_utc")] == "2026-03-02 09:00:00")
        #expect(sam[column("mode")] == "coached")
        #expect(sam[column("duration_seconds")] == "360")
        #expect(sam[column("overall")] == "70")
        #expect(sam[column("active_listening")] == "90")
        #expect(sam[column("forward_resolution")] == "70")
        #expect(sam[column("passed")] == "yes")
        #expect(csv.components(separatedBy: "\r\n").count == 9, "CRLF after every row, the last included")
    }

    struct FieldCase: Sendable, CustomStringConvertible {
        var raw: String
        var written: String
        var description: String { raw.debugDescription }
    }

    @Test(arguments: [
        FieldCase(raw: "plain", written: "plain"),
        FieldCase(raw: "a, b", written: "\"a, b\""),
        FieldCase(raw: "say \"hi\"", written: "\"say \"\"hi\"\"\""),
        FieldCase(raw: "two\nlines", written: "\"two\nlines\""),
        FieldCase(raw: "crlf\r\nhere", written: "\"crlf\r\nhere\""),
        FieldCase(raw: "=HYPERLINK(\"http://x\")", written: "\"'=HYPERLINK(\"\"http://x\"\")\""),
        FieldCase(raw: "+44 20 7946 0000", written: "'+44 20 7946 0000"),
        FieldCase(raw: "-2+3", written: "'-2+3"),
        FieldCase(raw: "@SUM(A1)", written: "'@SUM(A1)"),
        FieldCase(raw: "\tcmd", written: "'\tcmd"),
        FieldCase(raw: "O'Brien", written: "O'Brien"),
        FieldCase(raw: "", written: ""),
    ])
    func fieldsAreQuotedAndDefused(_ c: FieldCase) {
        #expect(CSVReport.field(c.raw) == c.written)
    }

    @Test func aDangerousScenarioIdReadsBackAsText() throws {
        let p = try profile("Kim", [Call([50, 50, 50, 50], at: utc(2026, 3, 1), scenario: "=cmd|' /C calc'!A0")])
        let report = ReportBuilder().build(title: "x", profiles: [p])
        let rows = parseCSV(CSVReport.render(report))
        #expect(rows[1][3] == "'=cmd|' /C calc'!A0")
        #expect(rows[1][4] == "'=cmd|' /C calc'!A0")
    }
}

struct JSONTests {
    @Test func theJSONHoldsTheReportUnderStableNames() throws {
        let report = try sampleReport(goals: [goal("g1", .paraphrasing, 75, by: utc(2026, 5, 1))])
        let text = JSONReport.render(report)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["schemaVersion"] as? Int == 1)
        #expect(object["title"] as? String == "March intake")
        #expect(object["cohort"] as? String == "March intake")
        #expect(object["passMark"] as? Int == 70)
        #expect(object["generatedAt"] as? String == "2026-04-01T00:00:00Z")
        #expect((object["damagedFiles"] as? [String])?.count == 1)
        let trainees = try #require(object["trainees"] as? [[String: Any]])
        #expect(trainees.map { $0["name"] as? String } == ["Aoife O'Brien", "Sam Jones"])
        let sam = trainees[1]
        #expect(sam["key"] as? String == "sam-jones")
        #expect(sam["sessions"] as? Int == 3)
        #expect(sam["practisedSeconds"] as? Int == 930)
        #expect(sam["weakestSkill"] as? String == "paraphrasing")
        #expect(sam["passed"] as? Int == 2)
        let skills = try #require(sam["skills"] as? [[String: Any]])
        #expect(skills.map { $0["skill"] as? String } == ["active_listening", "paraphrasing", "next_steps", "forward_resolution"])
        let trend = try #require(skills[1]["trend"] as? [String: Any])
        #expect(trend["direction"] as? String == "up")
        #expect(trend["pointsPerCall"] as? Double == 10)
        let goal = try #require((sam["goals"] as? [[String: Any]])?.first)
        #expect(goal["status"] as? String == "open")
        #expect(goal["current"] as? Int == 50)
        let calls = try #require(sam["calls"] as? [[String: Any]])
        #expect(calls.count == 3)
        #expect(calls[1]["sessionID"] as? String == "s1-sam-jones")
        #expect(calls[1]["ending"] as? String == "hung_up")
        #expect(calls[1]["startedAt"] as? String == "2026-03-02T09:00:00Z")
        #expect((calls[1]["skills"] as? [String: Int])?["active_listening"] == 90)
        let distributions = try #require(object["distributions"] as? [[String: Any]])
        #expect(distributions.count == 5)
        #expect((distributions[0]["bands"] as? [Any])?.count == 10)
    }

    @Test func theJSONReadsBackAsTheSameReport() throws {
        let report = try sampleReport()
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let back = try decoder.decode(Report.self, from: Data(JSONReport.render(report).utf8))
        #expect(back == report)
    }

    @Test func theJSONHasTheSameFieldsAsTheReportsCodableForm() throws {
        var report = try sampleReport(goals: [goal("g1", .paraphrasing, 75, by: utc(2026, 5, 1), note: "Say \"why\"\n\u{1}\\ é 日本")])
        report.since = utc(2026, 3, 1)
        report.mode = .practice
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let ours = try #require(try JSONSerialization.jsonObject(with: Data(JSONReport.render(report).utf8)) as? NSDictionary)
        let codable = try #require(try JSONSerialization.jsonObject(with: encoder.encode(report)) as? NSDictionary)
        #expect(ours == codable)
        // Keys are written in sorted order.
        let text = JSONReport.render(report)
        let top = ["cohort", "damagedFiles", "distributions", "generatedAt", "lastCallCount", "mode", "passMark", "schemaVersion", "since", "title", "trainees"]
        #expect(topLevelKeys(text) == top)
    }
}

struct HTMLTests {
    let hostile = "<script>alert(1)</script>"

    func hostileReport() throws -> Report {
        var p = try profile("Aoife O'Brien", daily([55, 65, 75]) + [Call([90, 90, 90, 90], at: utc(2026, 3, 9), scenario: "x")])
        p.goals = [goal("g1", .nextSteps, 80, by: utc(2026, 5, 1), note: "<img src=x onerror=alert(2)> practise \"checks\"")]
        let q = try profile("Ben", daily([70, 80]))
        let builder = ReportBuilder(options: ReportOptions(now: utc(2026, 4, 1)),
                                    scenarioTitles: ["broadband-down": "Broadband <b>down</b> & \"out\"", "x": hostile])
        return builder.build(title: "Cohort \(hostile)", cohort: hostile, profiles: [p, q],
                             damagedFiles: ["/store/<i>bad</i>.json: it is not valid JSON"])
    }

    @Test func everyPieceOfTraineeTextIsEscaped() throws {
        let html = try HTMLReport.render(try hostileReport(), zone: utcZone)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>down"))
        #expect(!html.contains("<i>bad"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;img src=x onerror=alert(2)&gt; practise &quot;checks&quot;"))
        #expect(html.contains("Broadband &lt;b&gt;down&lt;/b&gt; &amp; &quot;out&quot;"))
        #expect(html.contains("Aoife O&#39;Brien"))
        #expect(!html.contains("{{"), "every template tag was filled")
    }

    @Test func thePageLoadsNothingFromOutside() throws {
        let html = try HTMLReport.render(try hostileReport(), zone: utcZone)
        for pattern in ["src=\"http", "href=\"http", "src='http", "href='http", "url(", "@import", "<link", "<script"] {
            #expect(!html.contains(pattern), "found \(pattern)")
        }
        #expect(!html.contains("http://") && !html.contains("https://"))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<style>"))
        #expect(html.contains("@media print"))
    }

    @Test func theChartsAreDrawnFromTheScores() throws {
        let report = try hostileReport()
        let html = try HTMLReport.render(report, zone: utcZone)
        // A trend chart per trainee with a line per skill and one for overall; a box per skill and
        // the overall score across the group; a histogram per skill.
        #expect(html.components(separatedBy: "<polyline").count - 1 == 2 * 5)
        #expect(html.components(separatedBy: "class=\"box ").count - 1 == 5)
        #expect(html.components(separatedBy: "class=\"histogram\"").count - 1 == 5)
        #expect(html.contains("class=\"pass\""))
        // Ben's overall line: two calls, 70 then 80, across the chart (y = 244 - 232 * score / 100).
        #expect(html.contains("points=\"44,81.6 708,58.4\""))
        #expect(html.contains("Aoife O&#39;Brien: skill scores call by call"))
    }

    @Test func aSingleTraineeHasNoGroupSection() throws {
        let p = try profile("Sam", daily([60, 70]))
        let html = try HTMLReport.render(ReportBuilder().build(title: "Sam", profiles: [p]), zone: utcZone)
        #expect(!html.contains("Trainees side by side"))
        #expect(html.contains("<h2>Sam</h2>"))
    }
}

struct TableTests {
    @Test(arguments: [60, 80, 120])
    func linesFitTheWidth(width: Int) throws {
        let long = try profile(String(repeating: "Maximilian ", count: 5).trimmingCharacters(in: .whitespaces), daily([50, 60, 70]))
        var p = try profile("Sam", daily([90, 80, 70]))
        p.goals = [goal("g1", .paraphrasing, 90, by: utc(2026, 5, 1), note: String(repeating: "note words ", count: 30))]
        let report = ReportBuilder(options: ReportOptions(now: utc(2026, 4, 1)), scenarioTitles: ["broadband-down": String(repeating: "Very long title ", count: 10)])
            .build(title: "All trainees", profiles: [long, p])
        let text = TableReport.render(report, width: width, zone: utcZone)
        for line in text.split(separator: "\n") {
            #expect(line.count <= width, "too wide: \(line)")
        }
        #expect(text.contains("Maximilian Maximilian"))
        #expect(text.contains("…"))
        #expect(text.contains("note words"))
    }

    @Test func theTableShowsEachTraineesFigures() throws {
        let text = TableReport.render(try sampleReport(titles: ["broadband-down": "Broadband down"]), width: 100, zone: utcZone)
        #expect(text.contains("Report: March intake. 2 trainees, 7 calls. Pass mark 70."))
        #expect(text.contains("Not included, could not be read: /store/trainees/x.json"))
        #expect(text.contains("== Sam Jones =="))
        #expect(text.contains("Passed 2 of 3 (67%) at 70. Weakest skill:"))
        #expect(text.contains("Paraphrasing"))
        #expect(text.contains("up +10.0 over 3 calls"))
        #expect(text.contains("2026-03-02 09:00  70  pass  the customer hung up  Broadband down"))
        #expect(text.contains("Spread of each trainee's average"))
        // Columns line up: every row of the side-by-side table is as long as its heading or shorter.
        let lines = text.split(separator: "\n").map(String.init)
        let head = try #require(lines.firstIndex { $0.hasPrefix("Trainee ") })
        #expect(lines[head + 1].hasPrefix("Aoife O'Brien"))
        #expect(lines[head].range(of: "Calls")?.upperBound.utf16Offset(in: lines[head]) == lines[head + 1].range(of: "    4")?.upperBound.utf16Offset(in: lines[head + 1]))
    }

    @Test func anEmptyReportSaysSo() {
        let text = TableReport.render(ReportBuilder().build(title: "All trainees", profiles: []), zone: utcZone)
        #expect(text.contains("No trainees match"))
    }
}

struct FormatTests {
    @Test(arguments: [
        (Date(timeIntervalSince1970: 0), "1970-01-01 00:00:00"),
        (Date(timeIntervalSince1970: 951_782_400), "2000-02-29 00:00:00"),
        (Date(timeIntervalSince1970: 1_795_000_000), "2026-11-18 11:06:40"),
        (Date(timeIntervalSince1970: -1), "1969-12-31 23:59:59"),
    ])
    func utcStamps(_ date: Date, _ text: String) {
        #expect(ReportFormat.utcStamp(date) == text)
    }

    @Test func datesParseAsTheStartOfTheDay() {
        #expect(ReportFormat.parseDate("2026-03-01", in: utcZone) == utc(2026, 3, 1))
        #expect(ReportFormat.parseDate("2026-03-01T09:30:00Z") == utc(2026, 3, 1, 9, 30))
        #expect(ReportFormat.parseDate("2026-02-30", in: utcZone) == nil)
        #expect(ReportFormat.parseDate("March", in: utcZone) == nil)
        #expect(ReportFormat.parseDate("2026-13-01", in: utcZone) == nil)
    }

    @Test func durationsRead() {
        #expect(ReportFormat.duration(45) == "45 s")
        #expect(ReportFormat.duration(720) == "12 min")
        #expect(ReportFormat.duration(3 * 3600 + 5 * 60) == "3 h 05 min")
    }
}
