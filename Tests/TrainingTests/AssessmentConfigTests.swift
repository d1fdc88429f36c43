import Dialogue
import Foundation
import Testing
@testable import Training

private func parse(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> AssessmentConfig {
    try AssessmentConfig.parse(Data(text.utf8), file: "assessment.json")
}

/// The lines of the error for a broken file, or [] if it was read.
private func problems(_ text: String) -> [String] {
    do {
        _ = try AssessmentConfig.parse(Data(text.utf8), file: "assessment.json")
        return []
    } catch {
        return error.lines
    }
}

@Suite struct AssessmentConfigTests {
    @Test func noFileMeansTheStorePassMarkNoLimitAndNoCap() {
        let rules = AssessmentConfig().rules(for: "broadband-down", defaultPassMark: 70)
        #expect(rules == AssessmentRules(passMark: 70, timeLimitSeconds: nil, maxAttempts: nil))
    }

    @Test func settingsForEveryScenarioAndOverridesForSome() throws {
        let config = try parse("""
        {
          "$schema": "../schemas/records/assessment-config.schema.json",
          "schemaVersion": 1,
          "note": "March intake",
          "passMark": 75,
          "timeLimitMinutes": 8,
          "maxAttempts": 3,
          "scenarios": {
            "abusive-caller": { "passMark": 65, "timeLimitSeconds": 720 },
            "broadband-down": { "maxAttempts": null, "timeLimitMinutes": null, "note": "open practice" },
            "charged-twice": { "timeLimitMinutes": 2.5 }
          }
        }
        """)
        #expect(config.rules(for: "moving-home", defaultPassMark: 70) == AssessmentRules(passMark: 75, timeLimitSeconds: 480, maxAttempts: 3))
        #expect(config.rules(for: "abusive-caller", defaultPassMark: 70) == AssessmentRules(passMark: 65, timeLimitSeconds: 720, maxAttempts: 3))
        #expect(config.rules(for: "broadband-down", defaultPassMark: 70) == AssessmentRules(passMark: 75, timeLimitSeconds: nil, maxAttempts: nil))
        #expect(config.rules(for: "charged-twice", defaultPassMark: 70) == AssessmentRules(passMark: 75, timeLimitSeconds: 150, maxAttempts: 3))
        #expect(config.scenarioPositions["abusive-caller"] == SourcePosition(line: 9, column: 5))
    }

    @Test func anEmptyObjectIsAllDefaults() throws {
        let config = try parse("{}\n")
        #expect(config.rules(for: "x", defaultPassMark: 60) == AssessmentRules(passMark: 60))
    }

    @Test func aByteOrderMarkIsAllowed() throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data("{\"passMark\": 80}".utf8))
        let config = try AssessmentConfig.parse(data, file: "a.json")
        #expect(config.defaults.passMark == 80)
    }

    struct Broken: CustomTestStringConvertible, Sendable {
        var text: String
        var expected: String
        var testDescription: String { expected }
    }

    @Test(arguments: [
        Broken(text: "", expected: "assessment.json:1:1: error: the file is empty"),
        Broken(text: "[1, 2]", expected: "assessment.json:1:1: error: the file should hold one JSON object, { ... }, with settings such as \"passMark\"; it holds a list"),
        Broken(text: "{\n  \"passmark\": 75\n}", expected: "assessment.json:2:3: error: \"passmark\" is not a setting at the top of the file. Did you mean \"passMark\"?"),
        Broken(text: "{\n  \"passMark\": 75,\n}", expected: "assessment.json:3:1: error: a comma before `}`: JSON allows no comma after the last setting"),
        Broken(text: "{\n  // the pass mark\n  \"passMark\": 75\n}", expected: "assessment.json:2:3: error: JSON has no comments"),
        Broken(text: "{\"passMark\": \"seventy\"}", expected: "assessment.json:1:14: error: \"passMark\" is the overall score an assessment needs, a whole number from 0 to 100; found \"seventy\""),
        Broken(text: "{\"passMark\": 101}", expected: "assessment.json:1:14: error: \"passMark\" is the overall score an assessment needs, a whole number from 0 to 100; found 101"),
        Broken(text: "{\"passMark\": 70.5}", expected: "found 70.5"),
        Broken(text: "{\"timeLimitSeconds\": 10m}", expected: "assessment.json:1:22: error: `10m` is not a number; write just the number"),
        Broken(text: "{\"timeLimitSeconds\": 0}", expected: "a whole number from 1 to 86400, or null for no limit; found 0"),
        Broken(text: "{\"timeLimitMinutes\": -2}", expected: "\"timeLimitMinutes\" is the time allowed for the call in minutes, a number above 0"),
        Broken(text: "{\n\"timeLimitSeconds\": 60,\n\"timeLimitMinutes\": 1\n}", expected: "assessment.json:3:21: error: give \"timeLimitSeconds\" or \"timeLimitMinutes\", not both"),
        Broken(text: "{\"maxAttempts\": 0}", expected: "\"maxAttempts\" is how many assessments of a scenario each trainee may take, a whole number from 1 to 10000, or null for no cap; found 0"),
        Broken(text: "{\"passMark\": 70, \"passMark\": 80}", expected: "assessment.json:1:18: error: \"passMark\" is given twice at the top of the file (first at line 1); keep one"),
        Broken(text: "{\"schemaVersion\": 2}", expected: "assessment.json:1:19: error: this file is for a newer version of CallDojo (schemaVersion 2; this version reads up to 1)"),
        Broken(text: "{\"scenarios\": [\"a\"]}", expected: "assessment.json:1:15: error: \"scenarios\" holds settings by scenario id"),
        Broken(text: "{\"scenarios\": {\"a\": 3}}", expected: "assessment.json:1:21: error: the settings for \"a\" go in { ... }"),
        Broken(text: "{\"scenarios\": {\"a\": {\"pasMark\": 3}}}", expected: "assessment.json:1:22: error: \"pasMark\" is not a setting in the settings for \"a\". Did you mean \"passMark\"?"),
        Broken(text: "{\"scenarios\": {\"\": {}}}", expected: "a scenario override needs the scenario's id"),
        Broken(text: "{'passMark': 70}", expected: "assessment.json:1:2: error: expected a setting name in double quotes"),
        Broken(text: "{\"passMark\" 70}", expected: "assessment.json:1:13: error: expected `:` after \"passMark\""),
        Broken(text: "{\"passMark\": 70 \"maxAttempts\": 2}", expected: "assessment.json:1:17: error: expected `,` or `}` after the value of \"passMark\""),
        Broken(text: "{\"note\": \"unfinished}", expected: "assessment.json:1:10: error: the text that starts here has no closing \""),
        Broken(text: "{\"passMark\": 70", expected: "a } is missing"),
        Broken(text: "{\"passMark\": 70} {}", expected: "assessment.json:1:18: error: there is more after the end of the JSON object"),
        Broken(text: "{\"passMark\": yes}", expected: "assessment.json:1:14: error: `yes` is not a JSON value; text goes in double quotes"),
        Broken(text: "{\"note\": 5}", expected: "\"note\" holds text in double quotes; found a number"),
    ])
    func aBrokenFileIsReportedAtItsLineAndColumn(_ broken: Broken) {
        let lines = problems(broken.text)
        #expect(lines.count >= 1)
        #expect(lines.contains { $0.contains(broken.expected) }, "\(lines)")
        #expect(lines.allSatisfy { $0.hasPrefix("assessment.json:") })
    }

    @Test func columnsCountCharactersNotBytes() {
        let lines = problems("{\"note\": \"café\", \"x\": 1}")
        #expect(lines == ["assessment.json:1:18: error: \"x\" is not a setting at the top of the file. The settings here are \"schemaVersion\", \"note\", \"passMark\", \"timeLimitSeconds\", \"timeLimitMinutes\", \"maxAttempts\", \"scenarios\"."])
    }

    @Test func everyMistakeIsReportedInFileOrder() {
        let lines = problems("""
        {
          "timeLimitSeconds": "ten",
          "passMark": 200,
          "scenarios": { "a": { "maxAttempts": -1 } }
        }
        """)
        #expect(lines.count == 3)
        #expect(lines.map { $0.split(separator: ":").prefix(3).joined(separator: ":") } == ["assessment.json:2:23", "assessment.json:3:15", "assessment.json:4:40"])
    }

    @Test func escapesInTextAreRead() throws {
        let config = try parse(#"{"note": "tab\there \u00e9 \ud83d\ude00 \"q\"", "scenarios": {"caf\u00e9": {"passMark": 1}}}"#)
        #expect(config.scenarios["café"]?.passMark == 1)
    }

    @Test func overridesForScenariosThatDoNotExistAreWarnedAbout() throws {
        let config = try parse("{\n  \"scenarios\": {\n    \"broadband-dwn\": { \"passMark\": 50 },\n    \"charged-twice\": {}\n  }\n}")
        let warnings = config.unknownScenarios(known: ["broadband-down", "charged-twice"])
        #expect(warnings.map(\.description) == ["3:5: warning: there is no scenario called broadband-dwn, so these settings are never used. Did you mean broadband-down?"])
    }

    @Test func deepNestingIsRefusedNotCrashedOn() {
        let text = "{\"note\": " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "}"
        #expect(problems(text).first?.contains("nested too deeply") == true)
    }
}

@Suite struct AssessmentConfigSchemaTests {
    @Test func theSchemaIsDraft7WithADescriptionOnEveryField() throws {
        let schema = try assessmentSchema("assessment-config")
        #expect(schema["$schema"] as? String == "http://json-schema.org/draft-07/schema#")
        #expect(schema["$id"] as? String == "https://calldojo.example.org/schemas/records/assessment-config.schema.json")
        var undescribed: [String] = []
        func walk(_ node: Any, _ path: String) {
            if let object = node as? [String: Any] {
                if let properties = object["properties"] as? [String: Any] {
                    for (key, value) in properties where (value as? [String: Any])?["description"] == nil {
                        undescribed.append("\(path).\(key)")
                    }
                }
                for (key, value) in object { walk(value, "\(path).\(key)") }
            } else if let array = node as? [Any] {
                for value in array { walk(value, path) }
            }
        }
        walk(schema, "assessment-config")
        #expect(undescribed.isEmpty, "fields without a description: \(undescribed)")
    }

    /// The example in docs/REFRESH.md: the first ```json block after the heading "The config file".
    static func docsExample() throws -> String {
        let text = try String(contentsOf: assessmentPackageRoot.appendingPathComponent("docs/REFRESH.md"), encoding: .utf8)
        let afterHeading = try #require(text.range(of: "The config file").map { text[$0.upperBound...] }, "docs/REFRESH.md has no section \"The config file\"")
        let open = try #require(afterHeading.range(of: "```json\n"))
        let rest = afterHeading[open.upperBound...]
        let close = try #require(rest.range(of: "```"))
        return String(rest[..<close.lowerBound])
    }

    static let good = [
        "{}",
        "{\"passMark\": 0}",
        "{\"passMark\": 100, \"timeLimitSeconds\": null, \"maxAttempts\": null}",
        "{\"timeLimitMinutes\": 0.5, \"maxAttempts\": 1}",
        "{\"scenarios\": {\"a\": {\"timeLimitSeconds\": 30, \"note\": \"x\"}, \"b\": {}}}",
    ]

    static let bad = [
        "{\"passMark\": 101}",
        "{\"passMark\": \"70\"}",
        "{\"passmark\": 70}",
        "{\"timeLimitSeconds\": 0}",
        "{\"timeLimitSeconds\": 60, \"timeLimitMinutes\": 1}",
        "{\"timeLimitMinutes\": 0}",
        "{\"maxAttempts\": 0}",
        "{\"maxAttempts\": 1.5}",
        "{\"schemaVersion\": 2}",
        "{\"scenarios\": {\"a\": 3}}",
        "{\"scenarios\": {\"a\": {\"extra\": 1}}}",
        "{\"scenarios\": {\"\": {}}}",
        "[]",
    ]

    /// The reader and the schema agree: what one accepts the other accepts, and the docs example is
    /// accepted by both.
    @Test func theReaderAndTheSchemaAgree() throws {
        let schema = try assessmentSchema("assessment-config")
        let example = try AssessmentConfigSchemaTests.docsExample()
        for text in AssessmentConfigSchemaTests.good + [example] {
            #expect(problems(text).isEmpty, "the reader refuses \(text): \(problems(text))")
            let value = try JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed)
            #expect(assessmentSchemaProblems(value, schema, root: schema).isEmpty, "the schema refuses \(text): \(assessmentSchemaProblems(value, schema, root: schema))")
        }
        for text in AssessmentConfigSchemaTests.bad {
            #expect(!problems(text).isEmpty, "the reader accepts \(text)")
            let value = try JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed)
            #expect(!assessmentSchemaProblems(value, schema, root: schema).isEmpty, "the schema accepts \(text)")
        }
    }

    @Test func anIndependentValidatorAgrees() throws {
        guard assessmentValidatorAvailable else {
            print("skipped: check-jsonschema is not installed (python3 -m pip install check-jsonschema); the built-in check still ran")
            return
        }
        try withAssessmentFolder { folder in
            let example = try AssessmentConfigSchemaTests.docsExample()
            var goodFiles: [URL] = []
            for (n, text) in (AssessmentConfigSchemaTests.good + [example]).enumerated() {
                let url = folder.appendingPathComponent("good-\(n).json")
                try Data(text.utf8).write(to: url)
                goodFiles.append(url)
            }
            let (status, output) = try assessmentValidate(schema: "assessment-config", files: goodFiles)
            #expect(status == 0, "\(output)")
            for (n, text) in AssessmentConfigSchemaTests.bad.enumerated() {
                let url = folder.appendingPathComponent("bad-\(n).json")
                try Data(text.utf8).write(to: url)
                let (status, _) = try assessmentValidate(schema: "assessment-config", files: [url])
                #expect(status != 0, "check-jsonschema accepts \(text)")
            }
        }
    }
}
