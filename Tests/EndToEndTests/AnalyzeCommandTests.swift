import Foundation
import Testing

@Suite struct AnalyzeCommandTests {
    static let customer = "My broadband has been down since Tuesday and I've called three times."
    static let goodReply = "I'm so sorry about that. So it's been down since Tuesday and you've called 3 times, is that right? "
        + "I'll book an engineer for tomorrow morning and text you the reference number."

    /// The keys every JSON object carries.
    static let booleanKeys = [
        "acknowledges", "paraphrases", "checksUnderstanding", "asksQuestion", "offers", "anticipates", "openQuestion",
        "negativeLanguage", "blame", "jargon", "calmDown", "hollowCloser", "smallTalk", "apologyOnly", "suggestsTransfer",
    ]
    static let nextStepKeys = ["action", "timescale", "customerAction", "confirmation", "ownership"]

    /// A file in a fresh temporary folder.
    private func file(_ name: String = "replies.tsv", _ bytes: Data) throws -> URL {
        let url = try temporaryStore().appendingPathComponent(name)
        try bytes.write(to: url)
        return url
    }

    private func file(_ text: String) throws -> URL { try file("replies.tsv", Data(text.utf8)) }

    /// Each line of the output parsed as a JSON object.
    private func jsonLines(_ stdout: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String: Any]] {
        try stdout.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                         "not a JSON object: \(line)", sourceLocation: sourceLocation)
        }
    }

    private func expectShape(_ object: [String: Any], sourceLocation: SourceLocation = #_sourceLocation) {
        for key in Self.booleanKeys {
            #expect(object[key] is Bool, "\(key) is missing or not a boolean", sourceLocation: sourceLocation)
        }
        let steps = object["nextSteps"] as? [String: Any]
        #expect(steps != nil, "nextSteps is missing", sourceLocation: sourceLocation)
        for key in Self.nextStepKeys {
            #expect(steps?[key] is Bool, "nextSteps.\(key) is missing", sourceLocation: sourceLocation)
        }
        let evidence = object["evidence"] as? [[String: Any]]
        #expect(evidence != nil, "evidence is missing", sourceLocation: sourceLocation)
        for item in evidence ?? [] {
            #expect(item["signal"] is String && item["words"] is String, sourceLocation: sourceLocation)
        }
    }

    /// The evidence words recorded for a signal.
    private func words(_ object: [String: Any], _ signal: String) -> [String] {
        ((object["evidence"] as? [[String: Any]]) ?? []).filter { $0["signal"] as? String == signal }.compactMap { $0["words"] as? String }
    }

    // MARK: - One reply

    @Test func oneReplyForPeopleListsWhatFiredWithTheWords() throws {
        let result = try CLI.run(["analyze", "--no-color", "--customer", Self.customer, "--reply", Self.goodReply])
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout
        #expect(out.contains("Acknowledges the customer: \"I'm so sorry\""), "\(out)")
        #expect(out.contains("Restates the customer's details:") && out.contains("\"Tuesday\"") && out.contains("\"3 times\""), "\(out)")
        #expect(out.contains("Checks understanding: \"is that right\""), "\(out)")
        #expect(out.contains("Next steps: 3 of 5 parts"), "\(out)")
        #expect(out.contains("[x] what will be done: \"I'll book\""), "\(out)")
        #expect(out.contains("[x] when: \"tomorrow"), "\(out)")
        #expect(out.contains("[ ] what the customer must do"), "\(out)")
        #expect(out.contains("[x] how it will be confirmed"), "\(out)")
        #expect(!out.contains("To avoid"), "\(out)")
        #expect(!out.contains("\u{1B}["), "colour with --no-color")
    }

    @Test func oneReplyForPeopleShowsWhatToAvoid() throws {
        let result = try CLI.run(["analyze", "--no-color", "--customer", Self.customer,
                                  "--reply", "I understand your problem. Please calm down. Anything else?"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("To avoid"))
        #expect(result.stdout.contains("Tells the customer to calm down: \"calm down\""), "\(result.stdout)")
        #expect(result.stdout.contains("Hollow closer: \"Anything else\""), "\(result.stdout)")
        #expect(result.stdout.contains("Not heard:") && result.stdout.contains("restates the customer's details"))
    }

    @Test func oneReplyAsJSON() throws {
        let result = try CLI.run(["analyze", "--customer", Self.customer, "--reply", Self.goodReply, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let objects = try jsonLines(result.stdout)
        #expect(objects.count == 1)
        let object = try #require(objects.first)
        expectShape(object)
        #expect(object["id"] == nil)
        #expect(object["acknowledges"] as? Bool == true)
        #expect(object["paraphrases"] as? Bool == true)
        #expect(object["checksUnderstanding"] as? Bool == true)
        #expect(object["calmDown"] as? Bool == false)
        let steps = object["nextSteps"] as? [String: Bool]
        #expect(steps?["action"] == true && steps?["timescale"] == true && steps?["customerAction"] == false)
        #expect(object["paraphrasedFacts"] as? [String] == ["tuesday", "3 times"])
        #expect(words(object, "paraphrases") == ["Tuesday", "3 times"])
        #expect(words(object, "acknowledges") == ["I'm so sorry"])
    }

    @Test func aGenericReplyDoesNotParaphrase() throws {
        let result = try CLI.run(["analyze", "--json", "--customer", Self.customer, "--reply", "I understand your problem, I'm sorry."])
        let object = try #require(try jsonLines(result.stdout).first)
        #expect(object["paraphrases"] as? Bool == false)
        #expect(object["acknowledges"] as? Bool == true)
        #expect(object["apologyOnly"] as? Bool == true)
    }

    @Test func withoutAReplyTheErrorSaysWhatToGive() throws {
        let result = try CLI.run(["analyze", "--customer", "hello"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--reply TEXT") && result.stderr.contains("--batch FILE"), "\(result.stderr)")
        let both = try CLI.run(["analyze", "--batch", "x.tsv", "--reply", "hi"])
        #expect(both.status != 0)
        #expect(both.stderr.contains("leave out --customer and --reply"), "\(both.stderr)")
    }

    // MARK: - Batch

    @Test func batchPrintsOneObjectPerRowInOrderWithColumnsInAnyOrder() throws {
        let rows = [
            ("a1", "I'm sorry to hear that. I'll call you back at 4.", "My router keeps flashing red", "x"),
            ("a2", "Please calm down.", "I've called five times!", "y"),
            ("a3", "What happens when you try to connect?", "It's been broken since Monday", "z"),
            ("a4", "So the router has been flashing red, have I got that right?", "My router keeps flashing red", ""),
        ]
        var text = "reply\tnotes\tcustomer\tid\n"
        for r in rows { text += "\(r.1)\t\(r.3)\t\(r.2)\t\(r.0)\n" }
        let result = try CLI.run(["analyze", "--batch", try file(text).path, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let objects = try jsonLines(result.stdout)
        #expect(objects.count == rows.count)
        #expect(objects.map { $0["id"] as? String } == rows.map(\.0))
        for object in objects {
            expectShape(object)
            #expect(object["notes"] == nil)
        }
        #expect(objects[0]["acknowledges"] as? Bool == true)
        #expect((objects[0]["nextSteps"] as? [String: Bool])?["ownership"] == true)
        #expect(objects[1]["calmDown"] as? Bool == true)
        #expect(objects[2]["openQuestion"] as? Bool == true)
        #expect(objects[3]["paraphrases"] as? Bool == true)
        #expect(objects[3]["checksUnderstanding"] as? Bool == true)
        // id comes first on each line, and the key order is the same on every line.
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.allSatisfy { $0.hasPrefix("{\"id\":") })
        let keyOrder = lines.map { line in line.split(separator: ":").first.map(String.init) ?? "" }
        #expect(Set(keyOrder).count == 1)
    }

    @Test func batchWithoutAnIdColumnHasNoId() throws {
        let result = try CLI.run(["analyze", "--json", "--batch", try file("customer\treply\nhello\tSorry about that.\n").path])
        #expect(result.status == 0)
        let objects = try jsonLines(result.stdout)
        #expect(objects.count == 1)
        #expect(objects.first?["id"] == nil)
        #expect(result.stdout.hasPrefix("{\"acknowledges\":"))
    }

    @Test func batchWithoutJSONPrintsAReadableLinePerRow() throws {
        let text = "id\tcustomer\treply\nr1\tIt's down\tI'm so sorry, I'll book an engineer for tomorrow.\nr2\thello\tCalm down.\n"
        let result = try CLI.run(["analyze", "--batch", try file(text).path])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("2 [r1]: acknowledges the customer") == true, "\(result.stdout)")
        #expect(lines.first?.contains("next steps 2/5 (action, timescale)") == true, "\(result.stdout)")
        #expect(lines.last?.hasPrefix("3 [r2]:") == true)
        #expect(lines.last?.contains("avoid: tells the customer to calm down") == true, "\(result.stdout)")
    }

    @Test func missingColumnNamesTheColumnsFound() throws {
        let result = try CLI.run(["analyze", "--json", "--batch", try file("id\tcustomer_line\tanswer\n1\ta\tb\n").path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("replies.tsv:1: no customer and reply column"), "\(result.stderr)")
        #expect(result.stderr.contains("id, customer_line, answer"), "\(result.stderr)")
    }

    @Test func commaSeparatedHeaderIsExplained() throws {
        let result = try CLI.run(["analyze", "--json", "--batch", try file("customer,reply\na,b\n").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("tab-separated, not comma-separated"), "\(result.stderr)")
    }

    @Test func shortRowIsReportedWithItsLineAndSkipped() throws {
        let text = "id\tcustomer\treply\nr1\thello\tI'm sorry.\nr2\tonly two fields\nr3\thi\tThanks for waiting.\n"
        let path = try file(text).path
        let result = try CLI.run(["analyze", "--json", "--batch", path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(path):3: this row has 2 fields but the reply column is field 3 of 3"), "\(result.stderr)")
        #expect(result.stderr.contains("1 line was skipped"), "\(result.stderr)")
        let objects = try jsonLines(result.stdout)
        #expect(objects.map { $0["id"] as? String } == ["r1", "r3"])
    }

    @Test func byteOrderMarkAndWindowsLineEndings() throws {
        var bytes = Data([0xEF, 0xBB, 0xBF])
        bytes.append(Data("id\tcustomer\treply\r\nr1\tMy router is flashing\tSo your router is flashing?\r\nr2\thi\tI'm sorry.\r\n".utf8))
        let result = try CLI.run(["analyze", "--json", "--batch", try file("bom.tsv", bytes).path])
        #expect(result.status == 0, "\(result.stderr)")
        let objects = try jsonLines(result.stdout)
        #expect(objects.map { $0["id"] as? String } == ["r1", "r2"])
        #expect(objects.first?["paraphrases"] as? Bool == true)
        #expect(!result.stdout.contains("\\r"), "a carriage return was kept in the text")
    }

    @Test func batchFromStandardInput() throws {
        let text = "customer\treply\nIt's been down since Friday\tSo it's been down since Friday?\nhello\tCalm down.\n"
        let result = try CLI.run(["analyze", "--batch", "-", "--json"], input: Data(text.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let objects = try jsonLines(result.stdout)
        #expect(objects.count == 2)
        #expect(objects[0]["paraphrases"] as? Bool == true)
        #expect(objects[1]["calmDown"] as? Bool == true)
    }

    @Test func missingEmptyAndHeaderOnlyFiles() throws {
        let missing = try CLI.run(["analyze", "--json", "--batch", "/no/such/replies.tsv"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("/no/such/replies.tsv: no such file"), "\(missing.stderr)")
        let empty = try CLI.run(["analyze", "--json", "--batch", try file("").path])
        #expect(empty.status == 1)
        #expect(empty.stderr.contains("is empty"), "\(empty.stderr)")
        let folder = try CLI.run(["analyze", "--json", "--batch", try temporaryStore().path])
        #expect(folder.status == 1)
        #expect(folder.stderr.contains("is a folder"), "\(folder.stderr)")
        let headerOnly = try CLI.run(["analyze", "--json", "--batch", try file("customer\treply\n").path])
        #expect(headerOnly.status == 0)
        #expect(headerOnly.stdout.isEmpty)
    }

    @Test func invalidUTF8QuotesAndControlCharactersNeverCrash() throws {
        var bytes = Data("customer\treply\n".utf8)
        bytes.append(Data([0x68, 0xFF, 0xFE, 0x09, 0x49, 0x27, 0x6D, 0x20, 0x73, 0x6F, 0x72, 0x72, 0x79, 0xC3, 0x0A]))  // h\xFF\xFE \t I'm sorry\xC3
        bytes.append(Data("\"quoted, customer\"\t\"I'll call you back at 4\"\n".utf8))
        bytes.append(Data("\u{1B}[31mred\u{7}\tA reply with a \u{1B}]0;title\u{7}title escape and a \"quote\" \\ backslash\n".utf8))
        bytes.append(Data("\n\n".utf8))
        let result = try CLI.run(["analyze", "--json", "--batch", try file("odd.tsv", bytes).path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("odd.tsv:2: warning: this row is not valid UTF-8"), "\(result.stderr)")
        let objects = try jsonLines(result.stdout)
        #expect(objects.count == 3)
        #expect(objects[0]["acknowledges"] as? Bool == true)
        #expect((objects[1]["nextSteps"] as? [String: Bool])?["ownership"] == true)
        #expect(!result.stdout.contains("\u{1B}"), "a raw escape character reached the output")
    }

    @Test func aHugeLineIsReportedAndSkipped() throws {
        let huge = String(repeating: "very long reply ", count: 80_000)  // about 1.3 MB
        let text = "id\tcustomer\treply\nr1\thi\tI'm sorry.\nr2\thi\t\(huge)\nr3\thi\tThank you.\n"
        let path = try file(text).path
        let result = try CLI.run(["analyze", "--json", "--batch", path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(path):3: this line is longer than 1024 KiB; skipped it."), "\(result.stderr)")
        #expect(try jsonLines(result.stdout).map { $0["id"] as? String } == ["r1", "r3"])
    }

    @Test func manyRowsStayInOrder() throws {
        var text = "id\tcustomer\treply\n"
        let count = 3_000
        for k in 1...count { text += "row\(k)\tMy order \(k) has not arrived\tSorry, order \(k) will arrive tomorrow.\n" }
        let result = try CLI.run(["analyze", "--batch", try file(text).path, "--json"])
        #expect(result.status == 0)
        let objects = try jsonLines(result.stdout)
        #expect(objects.count == count)
        #expect(objects.map { $0["id"] as? String } == (1...count).map { "row\($0)" })
        #expect(objects.allSatisfy { $0["paraphrases"] as? Bool == true })
    }
}
