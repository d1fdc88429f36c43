import Dialogue
import Foundation
import Progress
import Scoring
import Testing
@testable import XAPI

/// A call record as the store keeps it: `replies` agent lines between customer lines.
func record(id: String = "20250301-091500-sam-jones-1a2b", trainee: String = "Sam Jones", key: String = "sam-jones",
            scenario: String = "broadband-down", overall: Int = 74, ending: EndingKind? = .resolved,
            replies: [String] = ["I'm sorry, that's three calls this week.", "So it's been down since Tuesday?", "I'll book an engineer for Friday."],
            start: Date = Date(timeIntervalSince1970: 1_740_820_500), seconds: Double = 252.5,
            sourceLocation: SourceLocation = #_sourceLocation) throws -> SessionRecord {
    var transcript: [[String: Any]] = [["speaker": "customer", "text": "It's down again.", "node": "opening", "turn": 0]]
    for (i, reply) in replies.enumerated() {
        transcript.append(["speaker": "agent", "text": reply, "node": "node\(i)", "turn": i + 1])
        transcript.append(["speaker": "customer", "text": "Right.", "node": "node\(i + 1)", "turn": i + 1])
    }
    transcript.append(["speaker": "system", "text": "Note: check the line test", "node": "end", "turn": replies.count, "command": "notes"])
    let endingObject: Any = ending.map { ["id": "done", "kind": $0.rawValue, "note": "Finished."] } ?? NSNull()
    let skills = Skill.allCases.map { ["skill": $0.rawValue, "score": overall, "evidence": [], "tip": "Keep going."] as [String: Any] }
    let json: [String: Any] = [
        "schemaVersion": 1, "id": id, "trainee": trainee, "traineeKey": key, "scenario": scenario,
        "scenarioTitle": "Broadband down since Tuesday", "persona": "dana-driver", "personaName": "Dana",
        "mode": "practice", "seed": 3, "startedAt": "2025-01-01T00:00:00Z", "endedAt": "2025-01-01T00:00:00Z",
        "ending": endingObject, "transcript": transcript, "moodPath": [0], "issuesRaised": ["outage"],
        "issuesResolved": ["outage"], "notes": ["check the line test"],
        "score": ["skills": skills, "overall": overall, "ending": endingObject, "issuesRaised": [], "issuesResolved": [], "modelReplies": []],
    ]
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    var r = try decoder.decode(SessionRecord.self, from: JSONSerialization.data(withJSONObject: json))
    r.startedAt = start
    r.endedAt = start.addingTimeInterval(seconds)
    return r
}

/// The statements as JSON objects, as an LRS would read them.
func jsonObjects(_ statements: [XAPIStatement]) throws -> [[String: Any]] {
    let data = try JSONEncoder().encode(statements)
    return try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
}

/// Runs `body` with a fresh folder that is removed afterwards.
func withTemporaryFolder<T>(_ body: (URL) throws -> T) throws -> T {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("calldojo-xapi-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try body(folder)
}
