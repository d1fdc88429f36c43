import Dialogue
import Foundation
import Progress
import Testing

// Records as this version writes them, frozen (see CompatibilityTests.swift for version 1 of the call
// record and the profile). Later versions must keep loading them.

/// `trainees/sam-jones.json` with goals: profile schema version 2.
private let profileVersion2 = #"""
    {
      "createdAt" : "2025-03-01T09:00:00Z",
      "goals" : [
        {
          "achievedAt" : "2025-03-04T10:05:00Z",
          "by" : "2025-03-31T00:00:00Z",
          "createdAt" : "2025-03-01T09:00:00Z",
          "id" : "g1",
          "note" : "check back every fact",
          "skill" : "paraphrasing",
          "target" : 80
        },
        {
          "by" : "2025-04-30T00:00:00Z",
          "createdAt" : "2025-03-01T09:00:00Z",
          "id" : "g2",
          "skill" : "next_steps",
          "target" : 70
        }
      ],
      "key" : "sam-jones",
      "lastPracticeAt" : "2025-03-04T10:05:00Z",
      "name" : "Sam Jones",
      "schemaVersion" : 2,
      "sessions" : [
        {
          "endedAt" : "2025-03-04T10:05:00Z",
          "ending" : "resolved",
          "id" : "20250304-100000-sam-jones-0001",
          "mode" : "coached",
          "overall" : 81,
          "persona" : "maya",
          "scenario" : "broadband-down",
          "skills" : {
            "active_listening" : 75,
            "forward_resolution" : 70,
            "next_steps" : 60,
            "paraphrasing" : 85
          },
          "startedAt" : "2025-03-04T10:00:00Z"
        }
      ]
    }
    """#

/// `cohorts.json`, schema version 1.
private let cohortsVersion1 = #"""
    {
      "cohorts" : [
        {
          "createdAt" : "2025-03-01T09:00:00Z",
          "members" : [
            {
              "key" : "sam-jones",
              "name" : "Sam Jones"
            },
            {
              "key" : "ana-mar%C3%ADa",
              "name" : "Ana María"
            }
          ],
          "name" : "March intake",
          "updatedAt" : "2025-03-02T09:00:00Z"
        }
      ],
      "schemaVersion" : 1
    }
    """#

/// `settings.json`, schema version 1.
private let settingsVersion1 = #"""
    {
      "lastTrainee" : "Sam Jones",
      "schemaVersion" : 1
    }
    """#

@Test func aVersion2ProfileWithGoalsStillLoads() throws {
    try withStore(now: { utc(2025, 3, 10) }) { store in
        try Data(profileVersion2.utf8).write(to: store.traineesFolder.appendingPathComponent("sam-jones.json"))
        let sam = try trainee("Sam Jones")
        let (profile, damaged) = store.profile(for: sam)
        #expect(damaged.isEmpty)
        let loaded = try #require(profile)
        #expect(loaded.schemaVersion == 2)
        #expect(loaded.sessions.map(\.overall) == [81])
        #expect(loaded.goals == [
            Goal(id: "g1", skill: .paraphrasing, target: 80, by: utc(2025, 3, 31), note: "check back every fact",
                 createdAt: utc(2025, 3, 1, 9), achievedAt: utc(2025, 3, 4, 10, 5)),
            Goal(id: "g2", skill: .nextSteps, target: 70, by: utc(2025, 4, 30), note: nil, createdAt: utc(2025, 3, 1, 9)),
        ])
        #expect(loaded.goalStandings(now: utc(2025, 3, 10)).map(\.status) == [.achieved, .open])

        // A call saved now keeps the goals.
        try store.save(session: Fixture.record(sam, at: utc(2025, 3, 9)))
        #expect(store.goals(for: sam).0.count == 2)
    }
}

@Test func version1CohortsAndSettingsStillLoad() throws {
    try withStore { store in
        try Data(cohortsVersion1.utf8).write(to: store.cohortsFile)
        try Data(settingsVersion1.utf8).write(to: store.root.appendingPathComponent("settings.json"))
        let (cohorts, damaged) = store.cohorts()
        #expect(damaged.isEmpty)
        #expect(cohorts.map(\.name) == ["March intake"])
        #expect(cohorts.first?.members.map(\.name) == ["Sam Jones", "Ana María"])
        #expect(cohorts.first?.traineeKeys == ["sam-jones", "ana-mar%C3%ADa"])
        #expect(cohorts.first?.updatedAt == utc(2025, 3, 2, 9))
        #expect(store.lastTrainee == "Sam Jones")
    }
}

// MARK: - Files from a newer version

/// A record file as a newer version of CallDojo might write it.
struct NewerFile: CustomTestStringConvertible, Sendable {
    var name: String
    /// Where it goes, relative to the store folder.
    var path: String
    var text: String
    var testDescription: String { name }
}

private let newerFiles: [NewerFile] = [
    NewerFile(name: "call record, readable shape", path: "sessions/20250301-100000-sam-0001.json",
              text: sessionText(version: 7)),
    NewerFile(name: "call record, new shape", path: "sessions/20250301-100000-sam-0001.json",
              text: #"{"schemaVersion": 7, "call": {"id": "x"}}"#),
    NewerFile(name: "profile, readable shape", path: "trainees/sam.json",
              text: profileVersion2.replacingOccurrences(of: "\"schemaVersion\" : 2", with: "\"schemaVersion\" : 9")
                  .replacingOccurrences(of: "sam-jones", with: "sam").replacingOccurrences(of: "Sam Jones", with: "Sam")),
    NewerFile(name: "profile, new shape", path: "trainees/sam.json", text: #"{"schemaVersion": 3, "people": []}"#),
    NewerFile(name: "cohorts", path: "cohorts.json", text: #"{"schemaVersion": 2, "groups": {}}"#),
    NewerFile(name: "settings", path: "settings.json", text: #"{"schemaVersion": 2, "lastTrainee": {"name": "Sam"}}"#),
]

/// A call record with the given schema version, otherwise as this version writes it.
private func sessionText(version: Int) -> String {
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    encoder.outputFormatting = [.sortedKeys]
    guard let sam = try? TraineeName("Sam") else { return "" }
    var record = Fixture.record(sam, at: utc(2025, 3, 1, 10), id: "20250301-100000-sam-0001")
    record.schemaVersion = version
    return (try? encoder.encode(record)).map { String(decoding: $0, as: UTF8.self) } ?? ""
}

/// What the store said about the newer file, every way it could be read or changed.
private func exercise(_ store: RecordStore) -> (reports: [DamagedFile], failures: [String]) {
    var reports: [DamagedFile] = []
    var failures: [String] = []
    guard let sam = try? TraineeName("Sam") else { return ([], ["no trainee"]) }
    reports += store.allSessions().1
    reports += store.sessions(for: sam).1
    if case let .failure(d)? = store.session(id: "20250301-100000-sam-0001") { reports.append(d) }
    reports += store.profile(for: sam).1
    reports += store.allProfiles().1
    reports += store.cohorts().1
    reports += store.settings().1
    _ = store.lastTrainee
    store.lastTrainee = "Ana"
    do { try store.save(session: Fixture.record(sam, at: utc(2025, 3, 2, 10))) } catch { failures.append("\(error)") }
    do { try store.addGoal(for: sam, skill: .paraphrasing, target: 80, by: Date().addingTimeInterval(86_400 * 30)) } catch {
        failures.append("\(error)")
    }
    do { try store.addToCohort(named: "Team", trainees: [sam]) } catch { failures.append("\(error)") }
    return (reports, failures)
}

@Test(arguments: newerFiles)
func aFileFromANewerVersionIsReportedAndLeftAsItIs(_ file: NewerFile) throws {
    try withStore(now: { utc(2025, 3, 5) }) { store in
        let url = store.root.appendingPathComponent(file.path)
        let bytes = Data(file.text.utf8)
        try bytes.write(to: url)
        let (reports, failures) = exercise(store)

        #expect(!reports.isEmpty, "the newer file was not reported")
        for report in reports {
            #expect(report.path == url.path)
            #expect(report.movedTo == nil)
            #expect(report.newerSchemaVersion != nil)
            #expect(report.description.contains("written by a newer version of CallDojo"), "\(report)")
        }
        // Only a change to that very file is refused, and it says why.
        for failure in failures {
            #expect(failure.contains(url.path) && failure.contains("newer version of CallDojo"), "\(failure)")
        }
        let refusesChange = file.path.hasPrefix("trainees/") || file.path == "cohorts.json"
        #expect(failures.count == (file.path.hasPrefix("trainees/") ? 2 : file.path == "cohorts.json" ? 1 : 0), "\(failures)")
        #expect(refusesChange == !failures.isEmpty)

        // The file is where it was, byte for byte, and nothing was set aside.
        #expect(try Data(contentsOf: url) == bytes)
        let folder = url.deletingLastPathComponent()
        #expect(names(in: folder).filter { $0.contains(".damaged-") }.isEmpty)
        #expect(leftoverTemporaryFiles(under: store.root).isEmpty)
    }
}

@Test func everythingElseStillLoadsBesideANewerFile() throws {
    try withStore(now: { utc(2025, 3, 5) }) { store in
        let ana = try trainee("Ana")
        let mine = Fixture.record(ana, at: utc(2025, 3, 1, 9))
        try store.save(session: mine)
        try Data(sessionText(version: 7).utf8).write(to: store.sessionsFolder.appendingPathComponent("20250301-100000-sam-0001.json"))
        let (all, reports) = store.allSessions()
        #expect(all.map(\.id) == [mine.id])
        #expect(reports.map(\.newerSchemaVersion) == [7])
        // Reported every time, as it stays where it is.
        #expect(store.allSessions().1.count == 1)
        #expect(store.sessions(for: ana).1.isEmpty, "another trainee's file is not Ana's problem")
    }
}

@Test func aNewerProfileStillShowsTheTraineesCallsWithoutBeingRewritten() throws {
    try withStore(now: { utc(2025, 3, 5) }) { store in
        let sam = try trainee("Sam")
        let call = Fixture.record(sam, at: utc(2025, 3, 1, 9))
        try store.save(session: call)
        let url = store.traineesFolder.appendingPathComponent("sam.json")
        let bytes = Data(#"{"schemaVersion": 3, "people": []}"#.utf8)
        try bytes.write(to: url)
        let (profile, reports) = store.profile(for: sam)
        #expect(reports.map(\.newerSchemaVersion) == [3])
        #expect(profile?.sessions.map(\.id) == [call.id], "rebuilt from the call files, in memory only")
        #expect(try Data(contentsOf: url) == bytes)
    }
}

/// Times are read quickly in the form the store writes, and in any other ISO 8601 form a person or
/// tool may have written; text that is not a time is reported as damage.
@Test(arguments: [("2025-03-01T09:00:00Z", utc(2025, 3, 1, 9) as Date?), ("2024-02-29T23:59:59Z", utc(2024, 2, 29, 23, 59, 59)),
                  ("2025-03-01T10:00:00+01:00", utc(2025, 3, 1, 9)), ("2025-03-01T09:00:00.500Z", utc(2025, 3, 1, 9).addingTimeInterval(0.5)),
                  ("1 March 2025", nil), ("2025-03-01 09:00:00", nil)])
func profileTimesAreReadInEveryISO8601Form(_ text: String, _ expected: Date?) throws {
    try withStore { store in
        let json = profileVersion2.replacingOccurrences(of: "\"createdAt\" : \"2025-03-01T09:00:00Z\",\n  \"goals\"",
                                                        with: "\"createdAt\" : \"\(text)\",\n  \"goals\"")
        #expect(json.contains("\"createdAt\" : \"\(text)\""))
        try Data(json.utf8).write(to: store.traineesFolder.appendingPathComponent("sam-jones.json"))
        let (profiles, damaged) = store.allProfiles()
        #expect(profiles.first?.createdAt == expected)
        #expect(damaged.isEmpty == (expected != nil), "\(damaged)")
    }
}
