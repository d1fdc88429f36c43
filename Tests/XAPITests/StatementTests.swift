import Dialogue
import Foundation
import Progress
import Testing
@testable import XAPI

@Suite struct StatementShapeTests {
    let builder = StatementBuilder(homePage: "https://training.example.org/", summaries: ["broadband-down": "Her broadband has been down since Tuesday."])

    @Test func aFinishedCallGivesOneRespondedPerReplyThenCompletedThenPassedOrFailed() throws {
        let statements = builder.statements(for: try record(overall: 74))
        #expect(statements.map(\.verb.id) == [
            "http://adlnet.gov/expapi/verbs/responded", "http://adlnet.gov/expapi/verbs/responded",
            "http://adlnet.gov/expapi/verbs/responded", "http://adlnet.gov/expapi/verbs/completed",
            "http://adlnet.gov/expapi/verbs/passed",
        ])
        #expect(statements.map(\.verb.display) == ["responded", "responded", "responded", "completed", "passed"].map { ["en": $0] })
    }

    @Test func everyStatementCarriesTheRequiredFields() throws {
        for object in try jsonObjects(builder.statements(for: try record())) {
            #expect(NameBasedUUID.isValid(object["id"] as? String ?? ""))
            let actor = try #require(object["actor"] as? [String: Any])
            #expect(actor["objectType"] as? String == "Agent")
            #expect(actor["name"] as? String == "Sam Jones")
            #expect(actor["account"] as? [String: String] == ["homePage": "https://training.example.org", "name": "sam-jones"])
            #expect(actor["mbox"] == nil, "one identifier only: the account")
            let verb = try #require(object["verb"] as? [String: Any])
            #expect((verb["id"] as? String)?.hasPrefix("http://adlnet.gov/expapi/verbs/") == true)
            let activity = try #require(object["object"] as? [String: Any])
            #expect(activity["objectType"] as? String == "Activity")
            #expect(activity["id"] as? String == "https://training.example.org/scenarios/broadband-down")
            let definition = try #require(activity["definition"] as? [String: Any])
            #expect(definition["type"] as? String == "http://adlnet.gov/expapi/activities/simulation")
            #expect(definition["name"] as? [String: String] == ["en": "Broadband down since Tuesday"])
            #expect(definition["description"] as? [String: String] == ["en": "Her broadband has been down since Tuesday."])
            let context = try #require(object["context"] as? [String: Any])
            #expect(NameBasedUUID.isValid(context["registration"] as? String ?? ""))
            #expect(context["platform"] as? String == "CallDojo")
            let extensions = try #require(context["extensions"] as? [String: Any])
            #expect(extensions["https://training.example.org/xapi/extensions/session"] as? String == "20250301-091500-sam-jones-1a2b")
            #expect(extensions.keys.allSatisfy { $0.hasPrefix("https://training.example.org/xapi/extensions/") })
            #expect((object["timestamp"] as? String)?.hasSuffix("Z") == true)
            #expect(object["version"] == nil && object["stored"] == nil && object["authority"] == nil, "the LRS sets these")
        }
    }

    @Test func noDescriptionWhenTheScenarioSummaryIsUnknown() throws {
        let statements = StatementBuilder().statements(for: try record())
        #expect(statements.allSatisfy { $0.object.definition.description == nil })
        #expect(statements.allSatisfy { $0.object.id == "https://calldojo.invalid/scenarios/broadband-down" })
    }

    @Test func respondedCarriesTheReplyAndItsTurn() throws {
        let replies = ["First reply.", "Second, with \"quotes\" and / slashes.", "Third."]
        let statements = builder.statements(for: try record(replies: replies)).filter { $0.verb == .responded }
        #expect(statements.map(\.result?.response) == replies)
        #expect(statements.map { $0.context.extensions[builder.extensionIRI("turn")] } == [.number(1), .number(2), .number(3)])
        #expect(statements.allSatisfy { $0.result?.score == nil && $0.result?.success == nil })
    }

    @Test func customerLinesSystemLinesAndNotesAreNotSent() throws {
        let statements = builder.statements(for: try record())
        let text = String(decoding: try JSONEncoder().encode(statements), as: UTF8.self)
        #expect(!text.contains("check the line test"), "private notes stay in the record")
        #expect(!text.contains("It's down again."))
    }

    @Test func oneRegistrationPerCall() throws {
        let a = builder.statements(for: try record(id: "20250301-091500-sam-jones-1a2b"))
        let b = builder.statements(for: try record(id: "20250301-101500-sam-jones-3c4d"))
        #expect(Set(a.map(\.context.registration)).count == 1)
        #expect(Set(b.map(\.context.registration)).count == 1)
        #expect(a.first?.context.registration != b.first?.context.registration)
        #expect(a.first?.context.registration == StatementBuilder.registration(sessionID: "20250301-091500-sam-jones-1a2b"))
    }

    struct PassCase: Sendable, CustomTestStringConvertible {
        var overall: Int
        var passMark: Int
        var verb: String
        var scaled: Double
        var testDescription: String { "\(overall) against \(passMark)" }
    }

    @Test(arguments: [
        PassCase(overall: 70, passMark: 70, verb: "passed", scaled: 0.7),
        PassCase(overall: 69, passMark: 70, verb: "failed", scaled: 0.69),
        PassCase(overall: 100, passMark: 70, verb: "passed", scaled: 1),
        PassCase(overall: 0, passMark: 70, verb: "failed", scaled: 0),
        PassCase(overall: 55, passMark: 50, verb: "passed", scaled: 0.55),
        PassCase(overall: 85, passMark: 90, verb: "failed", scaled: 0.85),
    ])
    func scoreAndSuccessAgainstThePassMark(_ c: PassCase) throws {
        let b = StatementBuilder(passMark: c.passMark)
        let statements = b.statements(for: try record(overall: c.overall))
        let last = try #require(statements.last)
        let completed = try #require(statements.first { $0.verb == .completed })
        #expect(last.verb.display["en"] == c.verb)
        for s in [completed, last] {
            let result = try #require(s.result)
            #expect(result.score == XAPIResult.Score(scaled: c.scaled, raw: c.overall, min: 0, max: 100))
            #expect((0...1).contains(result.score?.scaled ?? -1))
            #expect(result.success == (c.overall >= c.passMark))
            #expect(result.completion == true)
            #expect(result.duration == "PT4M12.5S")
        }
        #expect(last.context.extensions[b.extensionIRI("pass-mark")] == .number(c.passMark))
    }

    @Test func anUnfinishedCallIsTerminatedWithoutPassOrFail() throws {
        let statements = builder.statements(for: try record(overall: 90, ending: .abandoned, replies: ["Hello."]))
        #expect(statements.map(\.verb) == [.responded, .terminated])
        #expect(statements.last?.result?.completion == false)
        #expect(statements.last?.result?.success == nil)
        #expect(statements.last?.result?.score?.raw == 90)
    }

    @Test(arguments: [EndingKind.resolved, .callback, .escalated, .transferred, .hungUp, .endedByAgent])
    func everyEndingButAbandonedCompletes(_ kind: EndingKind) throws {
        let statements = builder.statements(for: try record(ending: kind))
        #expect(statements.contains { $0.verb == .completed })
        #expect(statements.first?.context.extensions[builder.extensionIRI("ending")] == .text(kind.rawValue))
    }

    @Test func aCallWithNoRepliesStillCompletes() throws {
        let statements = builder.statements(for: try record(overall: 0, ending: .hungUp, replies: []))
        #expect(statements.map(\.verb) == [.completed, .failed])
    }

    @Test func timestampsComeFromTheRecordInOrder() throws {
        let start = Date(timeIntervalSince1970: 1_740_820_500)  // 2025-03-01T09:15:00Z
        let statements = builder.statements(for: try record(start: start, seconds: 400))
        #expect(statements.map(\.timestamp) == [
            "2025-03-01T09:16:40.000Z", "2025-03-01T09:18:20.000Z", "2025-03-01T09:20:00.000Z",
            "2025-03-01T09:21:40.000Z", "2025-03-01T09:21:40.000Z",
        ])
    }

    @Test func scoresOutsideTheRangeAreClamped() throws {
        var r = try record(overall: 50)
        r.score.overall = 130
        let last = try #require(builder.statements(for: r).last)
        #expect(last.result?.score?.scaled == 1)
        #expect(last.result?.score?.raw == 100)
    }
}

@Suite struct StableIDTests {
    @Test func exportingTwiceGivesTheSameStatements() throws {
        let builder = StatementBuilder(homePage: "https://training.example.org")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let first = try encoder.encode(builder.statements(for: try record()))
        let second = try encoder.encode(builder.statements(for: try record()))
        #expect(first == second)
    }

    @Test func idsFollowTheSessionAndPosition() throws {
        let statements = StatementBuilder().statements(for: try record())
        #expect(statements.enumerated().allSatisfy { $0.element.id == StatementBuilder.statementID(sessionID: "20250301-091500-sam-jones-1a2b", index: $0.offset) })
        #expect(Set(statements.map(\.id)).count == statements.count)
        let other = StatementBuilder().statements(for: try record(id: "20250301-091500-sam-jones-9999"))
        #expect(Set(statements.map(\.id)).isDisjoint(with: other.map(\.id)))
    }

    @Test func idsAreKnownValues() {
        // Written down once; a change here would make an LRS store every call a second time.
        // Checked against Python's uuid.uuid5.
        #expect(NameBasedUUID.format(NameBasedUUID.callDojoNamespace) == "94aa6ad9-be68-5c05-ad9e-16fc014a0380")
        #expect(StatementBuilder.registration(sessionID: "20250301-091500-sam-jones-1a2b") == "b717877c-4a59-5027-92fb-b497ca6035b2")
        #expect(StatementBuilder.statementID(sessionID: "20250301-091500-sam-jones-1a2b", index: 0) == "3235cad7-a7df-5985-9b14-b8e19646f974")
    }

    @Test(arguments: [
        ("", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
        ("abc", "a9993e364706816aba3e25717850c26c9cd0d89d"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "84983e441c3bd26ebaae4aa1f95129e5e54670f1"),
        ("The quick brown fox jumps over the lazy dog", "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12"),
        (String(repeating: "a", count: 1000), "291e9a6c66994949b57ba5e650361e98fc36b1ba"),
    ])
    func sha1KnownAnswers(_ input: String, _ hex: String) {
        #expect(SHA1.digest(Array(input.utf8)).map { String(format: "%02x", $0) }.joined() == hex)
    }

    @Test(arguments: [
        ("python.org", NameBasedUUID.dnsNamespace, "886313e1-3b8a-5372-9b90-0c9aee199e5d"),
        ("http://python.org/", NameBasedUUID.urlNamespace, "4c565f0d-3f5a-5890-b41b-20cf47701c5e"),
    ])
    func version5KnownAnswers(_ name: String, _ namespace: [UInt8], _ expected: String) {
        #expect(NameBasedUUID.make(namespace: namespace, name: name) == expected)
    }

    @Test(arguments: ["123e4567-e89b-52d3-a456-426614174000", "00000000-0000-5000-8000-000000000000"])
    func validUUIDs(_ text: String) { #expect(NameBasedUUID.isValid(text)) }

    @Test(arguments: ["", "123e4567e89b52d3a456426614174000", "123e4567-e89b-52d3-c456-426614174000", "123e4567-e89b-52d3-a456-42661417400g"])
    func invalidUUIDs(_ text: String) { #expect(!NameBasedUUID.isValid(text)) }
}

@Suite struct DurationAndTimeTests {
    @Test(arguments: [
        (0.0, "PT0S"), (-5.0, "PT0S"), (45.0, "PT45S"), (252.5, "PT4M12.5S"), (60.0, "PT1M0S"),
        (3603.0, "PT1H0M3S"), (0.004, "PT0S"), (0.05, "PT0.05S"), (59.999, "PT1M0S"), (7384.25, "PT2H3M4.25S"),
        (Double.infinity, "PT0S"), (Double.nan, "PT0S"),
    ])
    func isoDurations(_ seconds: Double, _ expected: String) {
        #expect(ISODuration.format(seconds: seconds) == expected)
    }

    @Test(arguments: [45.0, 252.5, 3603.0, 7384.25])
    func durationsReadBack(_ seconds: Double) {
        #expect(ISODuration.seconds(ISODuration.format(seconds: seconds)) == seconds)
    }

    @Test(arguments: [
        (0.0, "1970-01-01T00:00:00.000Z"), (1_740_820_500.25, "2025-03-01T09:15:00.250Z"),
        (951_782_400.0, "2000-02-29T00:00:00.000Z"), (-1.0, "1969-12-31T23:59:59.000Z"), (4_102_444_799.999, "2099-12-31T23:59:59.999Z"),
    ])
    func timestamps(_ seconds: Double, _ expected: String) {
        #expect(Timestamp.format(Date(timeIntervalSince1970: seconds)) == expected)
    }

    @Test func timestampsMatchFoundation() {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        var seconds = -86_400.0 * 400
        while seconds < 86_400.0 * 365 * 80 {
            let date = Date(timeIntervalSince1970: seconds.rounded())
            #expect(Timestamp.format(date) == f.string(from: date))
            seconds += 86_400 * 37 + 3_671
        }
    }
}
