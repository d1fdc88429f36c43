import Foundation
import Progress
import Testing

/// The package folder, which holds schemas/records/.
private let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url
}()

private let schemaFolder = packageRoot.appendingPathComponent("schemas/records")

/// The record schemas.
private let schemaNames = ["session", "profile", "settings", "cohorts", "game", "group", "calibration"]

/// The files of a store each schema describes.
private func files(_ schema: String, in store: RecordStore) -> [URL] {
    func json(in folder: URL) -> [URL] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted().map { folder.appendingPathComponent($0) }
    }
    switch schema {
    case "session": return json(in: store.sessionsFolder)
    case "profile": return json(in: store.traineesFolder)
    case "settings": return [store.root.appendingPathComponent("settings.json")]
    case "game": return json(in: store.gamesFolder)
    case "group": return json(in: store.groupsFolder)
    case "calibration": return json(in: store.calibrationsFolder)
    default: return [store.cohortsFile]
    }
}

/// A store holding one of every record file, written by this version: calls, a profile with goals and
/// one without, settings and cohorts.
private func withEveryKindOfRecord(_ body: (RecordStore) throws -> Void) throws {
    try withStore(now: { utc(2025, 3, 1, 9) }) { store in
        let sam = try trainee("Sam Jones"), ana = try trainee("Ana María")
        try store.save(session: Fixture.record(sam, at: utc(2025, 3, 1, 10), overall: 85))
        try store.save(session: Fixture.record(ana, at: utc(2025, 3, 1, 11), overall: 40))
        try store.addGoal(for: sam, skill: .paraphrasing, target: 80, by: utc(2025, 3, 31), note: "check back every fact")
        try store.addGoal(for: sam, skill: .nextSteps, target: 90, by: utc(2025, 4, 30))
        try store.save(session: Fixture.record(sam, at: utc(2025, 3, 2, 10), overall: 85))
        store.lastTrainee = "Sam Jones"
        try store.addToCohort(named: "March intake", trainees: [sam, ana])
        try store.save(game: GameRecord(
            trainee: ana, game: "positive-spin", seed: 7, startedAt: utc(2025, 3, 1, 12), endedAt: utc(2025, 3, 1, 12, 5), itemCount: 2,
            rounds: [GameRecord.Round(prompt: ["Turn this round: \"We can't.\""], source: "built in", answer: "We can, from Monday.",
                                      skipped: false, points: 70, earned: ["no negative wording or blame"], missed: []),
                     GameRecord.Round(prompt: ["Turn this round: \"No.\""], source: "built in", answer: "", skipped: true,
                                      points: 0, earned: [], missed: ["skipped"])],
            bestStreak: 1, timeLimitSeconds: 300, outcome: "finished"))
        try store.save(group: GroupRecord(
            id: "20250301-120000-group-beef", scenario: "broadband-down", persona: "dana-driver", mode: "round-robin", pick: "best", seed: 1,
            trainees: ["Sam Jones", "Ana María"], startedAt: utc(2025, 3, 1, 12), endedAt: utc(2025, 3, 1, 12, 10),
            ending: nil,
            turns: [GroupRecord.Turn(turn: 1, replies: [GroupRecord.Reply(trainee: "Sam Jones", text: "Sorry, since Tuesday?", points: 40),
                                                        GroupRecord.Reply(trainee: "Ana María", text: "ok", points: 0)],
                                     heard: "Sam Jones")],
            leaderboard: [GroupRecord.Place(trainee: "Sam Jones", overall: 60, session: "20250301-120000-sam-jones-0001"),
                          GroupRecord.Place(trainee: "Ana María", overall: 10, session: "20250301-120000-ana-mar%C3%ADa-0002")]))
        try store.save(calibration: CalibrationRecord(
            id: "20250301-130000-calibration-beef", source: "session 20250301-100000-sam-jones-0001", scenario: "broadband-down",
            calibratedAt: utc(2025, 3, 1, 13),
            ratings: [CalibrationRecord.Rating(participant: "Li", scores: ["active_listening": 70, "paraphrasing": 60, "next_steps": 50, "forward_resolution": 40])],
            skills: [CalibrationRecord.SkillSpread(skill: "paraphrasing", engine: 64, min: 60, max: 60, mean: 60, furthest: "Li",
                                                   verdict: "The group agrees (range 0).")]))
        try body(store)
    }
}

@Test func everySchemaIsValidJSONWithADescriptionOnEveryField() throws {
    for name in schemaNames {
        let url = schemaFolder.appendingPathComponent("\(name).schema.json")
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any], "\(url.path)")
        #expect(schema["$schema"] as? String == "http://json-schema.org/draft-07/schema#")
        #expect((schema["properties"] as? [String: Any])?["schemaVersion"] != nil, "\(name) has no schemaVersion")
        #expect((schema["required"] as? [String])?.contains("schemaVersion") == true)
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
        walk(schema, name)
        #expect(undescribed.isEmpty, "fields without a description: \(undescribed)")
    }
}

/// Checks `value` against `schema` for what matters most to a reader: every required field present,
/// the right JSON types, and enumerated values. Used when check-jsonschema is not installed.
private func problems(_ value: Any, _ schema: [String: Any], root: [String: Any], at path: String) -> [String] {
    var schema = schema
    if let ref = schema["$ref"] as? String, let name = ref.split(separator: "/").last,
       let target = (root["definitions"] as? [String: Any])?[String(name)] as? [String: Any] {
        schema = target
    }
    if let choices = schema["oneOf"] as? [[String: Any]] {
        return choices.contains { problems(value, $0, root: root, at: path).isEmpty } ? [] : ["\(path): matches none of its forms"]
    }
    var out: [String] = []
    if let type = schema["type"] as? String {
        let ok: Bool
        switch type {
        case "object": ok = value is [String: Any]
        case "array": ok = value is [Any]
        case "string": ok = value is String
        case "integer": ok = (value as? NSNumber).map { $0.doubleValue.rounded() == $0.doubleValue } ?? false
        case "boolean": ok = value is Bool
        case "null": ok = value is NSNull
        default: ok = true
        }
        if !ok { return ["\(path): not \(type)"] }
    }
    if let allowed = schema["enum"] as? [String], let text = value as? String, !allowed.contains(text) {
        out.append("\(path): \(text) is not one of \(allowed)")
    }
    if let object = value as? [String: Any] {
        for key in schema["required"] as? [String] ?? [] where object[key] == nil { out.append("\(path): no \(key)") }
        let properties = schema["properties"] as? [String: Any] ?? [:]
        for (key, child) in object {
            if let childSchema = properties[key] as? [String: Any] {
                out += problems(child, childSchema, root: root, at: "\(path).\(key)")
            } else if schema["additionalProperties"] as? Bool == false {
                out.append("\(path): unexpected \(key)")
            } else if let extra = schema["additionalProperties"] as? [String: Any] {
                out += problems(child, extra, root: root, at: "\(path).\(key)")
            }
        }
    }
    if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
        for (n, item) in array.enumerated() { out += problems(item, items, root: root, at: "\(path)[\(n)]") }
    }
    return out
}

/// True when `python3 -m check_jsonschema` (the first python3 on PATH) can be run here.
private func checkJSONSchemaIsInstalled() -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-m", "check_jsonschema", "--version"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
}

@Test func todaysRecordFilesMatchTheirSchemas() throws {
    try withEveryKindOfRecord { store in
        for name in schemaNames {
            let schemaURL = schemaFolder.appendingPathComponent("\(name).schema.json")
            let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: schemaURL)) as? [String: Any])
            let urls = files(name, in: store)
            #expect(!urls.isEmpty, "no \(name) file was written")
            for url in urls {
                let value = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
                let found = problems(value, schema, root: schema, at: url.lastPathComponent)
                #expect(found.isEmpty, "\(found)")
            }
        }
    }
}

@Test func todaysRecordFilesPassAnIndependentValidator() throws {
    guard checkJSONSchemaIsInstalled() else {
        print("skipped: check-jsonschema is not installed (python3 -m pip install check-jsonschema); the built-in check above still ran")
        return
    }
    try withEveryKindOfRecord { store in
        for name in schemaNames {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-m", "check_jsonschema", "--schemafile", schemaFolder.appendingPathComponent("\(name).schema.json").path]
                + files(name, in: store).map(\.path)
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            try process.run()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(name): \(text)")
        }
    }
}

/// The schemas would catch a broken record: a call with a missing field and a goal with a bad target.
@Test func theSchemasRefuseBrokenRecords() throws {
    try withEveryKindOfRecord { store in
        let schemaURL = schemaFolder.appendingPathComponent("profile.schema.json")
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: schemaURL)) as? [String: Any])
        var profile = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: store.traineesFolder.appendingPathComponent("sam-jones.json"))) as? [String: Any])
        var goals = try #require(profile["goals"] as? [[String: Any]])
        goals[0]["skill"] = "empathy"
        profile["goals"] = goals
        profile["key"] = nil
        let found = problems(profile, schema, root: schema, at: "profile")
        #expect(found.contains("profile: no key"), "\(found)")
        #expect(found.contains { $0.contains("empathy is not one of") }, "\(found)")
    }
}
