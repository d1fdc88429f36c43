import Foundation
import Progress
import Testing

@Test func aCohortIsCreatedThenExtendedWithEachTraineeOnce() throws {
    let clock = Locked(utc(2025, 3, 1, 9))
    try withStore(now: { clock.current }) { store in
        let sam = try trainee("Sam Jones"), ana = try trainee("Ana María"), li = try trainee("Li")
        let created = try store.addToCohort(named: "  March intake ", trainees: [sam, ana, sam])
        #expect(created.name == "March intake")
        #expect(created.members.map(\.name) == ["Sam Jones", "Ana María"])
        #expect(created.members.map(\.key) == ["sam-jones", "ana-mar%C3%ADa"])
        #expect(created.createdAt == utc(2025, 3, 1, 9) && created.updatedAt == created.createdAt)

        clock.withValue { $0 = utc(2025, 3, 2) }
        // Names match ignoring case; "sam jones" is the same trainee as "Sam Jones".
        let extended = try store.addToCohort(named: "MARCH INTAKE", trainees: [try trainee("sam jones"), li])
        #expect(extended.name == "March intake")
        #expect(extended.members.map(\.name) == ["Sam Jones", "Ana María", "Li"])
        #expect(extended.createdAt == utc(2025, 3, 1, 9))
        #expect(extended.updatedAt == utc(2025, 3, 2))
        #expect(extended.traineeKeys == ["sam-jones", "ana-mar%C3%ADa", "li"])

        try store.addToCohort(named: "Coaching", trainees: [li])
        let (all, damaged) = store.cohorts()
        #expect(damaged.isEmpty)
        #expect(all.map(\.name) == ["Coaching", "March intake"])
        #expect(store.cohort(named: "march intake").0 == extended)
        #expect(store.cohort(named: "April").0 == nil)
    }
}

@Test func theCohortsFileIsVersionedAndPrivate() throws {
    try withStore(now: { utc(2025, 3, 1) }) { store in
        #expect(store.cohorts().0.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: store.cohortsFile.path), "reading makes no file")
        try store.addToCohort(named: "Team A", trainees: [try trainee("Sam")])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: store.cohortsFile)) as? [String: Any])
        #expect(json["schemaVersion"] as? Int == 1)
        let cohorts = try #require(json["cohorts"] as? [[String: Any]])
        #expect(cohorts.first?["name"] as? String == "Team A")
        #expect(permissions(of: store.cohortsFile) == 0o600)
        #expect(leftoverTemporaryFiles(under: store.root).isEmpty)
    }
}

@Test(arguments: [("", CohortError.emptyName), ("   ", .emptyName), (String(repeating: "x", count: 65), .nameTooLong(65)),
                  ("Team\u{7}A", .controlInName), ("Team\nA", .controlInName)])
func badCohortNamesAreRefused(_ name: String, _ error: CohortError) throws {
    try withStore { store in
        #expect(throws: error) { try store.addToCohort(named: name, trainees: [try trainee("Sam")]) }
        #expect(!FileManager.default.fileExists(atPath: store.cohortsFile.path))
    }
}

@Test func aCohortNeedsATrainee() throws {
    _ = try withStore { store in
        #expect(throws: CohortError.noTrainees) { try store.addToCohort(named: "Team A", trainees: []) }
    }
}

@Test func aDamagedCohortsFileIsSetAsideAndANewOneStarted() throws {
    try withStore(now: { utc(2025, 3, 1) }) { store in
        let bytes = Data("{\"schemaVersion\": 1, \"cohorts\": [{\"name\": ".utf8)
        try bytes.write(to: store.cohortsFile)
        let (none, damaged) = store.cohorts()
        #expect(none.isEmpty)
        #expect(damaged.count == 1)
        #expect(damaged.first?.path == store.cohortsFile.path)
        let moved = try #require(damaged.first?.movedTo)
        #expect(try Data(contentsOf: URL(fileURLWithPath: moved)) == bytes)

        try store.addToCohort(named: "Team A", trainees: [try trainee("Sam")])
        #expect(store.cohorts().0.map(\.name) == ["Team A"])
        #expect(store.cohorts().1.isEmpty)
    }
}

/// Trainers adding to the same cohort from several terminals at once lose nobody.
@Test func addsFromSeveralStoresAtOnceAreAllKept() throws {
    try withTemporaryFolder { folder in
        let root = folder.appendingPathComponent("store")
        let failures = Locked<[String]>([])
        let group = DispatchGroup()
        for t in 0..<4 {
            group.enter()
            Thread {
                defer { group.leave() }
                do {
                    let store = try RecordStore(root: root)
                    for i in 0..<10 {
                        try store.addToCohort(named: i % 2 == 0 ? "Evens" : "Odds", trainees: [try TraineeName("Trainee \(t)-\(i)")])
                    }
                } catch {
                    failures.withValue { $0.append("\(error)") }
                }
            }.start()
        }
        #expect(group.wait(timeout: .now() + 120) == .success)
        #expect(failures.current.isEmpty, "\(failures.current)")
        let cohorts = try RecordStore(root: root).cohorts().0
        #expect(cohorts.map(\.name) == ["Evens", "Odds"])
        #expect(cohorts.map(\.members.count) == [20, 20])
    }
}
