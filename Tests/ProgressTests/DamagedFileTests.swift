import Foundation
import Progress
import Testing

private let garbage = Data("{\"schemaVersion\": 1, \"id\": \"broken".utf8) + Data([0xFF, 0x00, 0x1B]) + Data("garbage\n".utf8)

/// Checks a damaged file was reported by path with a reason, and set aside with its bytes intact.
/// With `rebuilt`, a new file is expected in the damaged file's place.
private func expectSetAside(_ damaged: [DamagedFile], path: URL, bytes: Data, reason: String = "it is not valid JSON",
                            rebuilt: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(damaged.count == 1, "\(damaged)", sourceLocation: sourceLocation)
    guard let report = damaged.first else { return }
    #expect(report.path == path.path, sourceLocation: sourceLocation)
    #expect(report.reason == reason, sourceLocation: sourceLocation)
    #expect(report.description.hasPrefix("\(path.path): \(reason)"), sourceLocation: sourceLocation)
    guard let movedTo = report.movedTo else {
        Issue.record("\(path.lastPathComponent) was not set aside", sourceLocation: sourceLocation)
        return
    }
    #expect(report.description.contains("kept as \(movedTo)"), sourceLocation: sourceLocation)
    let moved = URL(fileURLWithPath: movedTo)
    #expect(moved.deletingLastPathComponent().path == path.deletingLastPathComponent().path, sourceLocation: sourceLocation)
    #expect(moved.lastPathComponent.hasPrefix("\(path.lastPathComponent).damaged-"), sourceLocation: sourceLocation)
    if rebuilt {
        #expect((try? Data(contentsOf: path)).map { $0 != bytes } == true, "no rebuilt file in place",
                sourceLocation: sourceLocation)
    } else {
        #expect(!FileManager.default.fileExists(atPath: path.path), "the damaged file is still in place",
                sourceLocation: sourceLocation)
    }
    #expect((try? Data(contentsOf: moved)) == bytes, "the damaged file's bytes were not kept", sourceLocation: sourceLocation)
}

/// A store with three good calls for two trainees and one damaged call file.
private func storeWithDamagedSession(_ body: (RecordStore, URL, [SessionRecord]) throws -> Void) throws {
    try withStore(now: { utc(2024, 7, 1, 12) }) { store in
        let sam = try trainee("Sam")
        let ana = try trainee("Ana")
        let records = [
            Fixture.record(sam, at: utc(2024, 6, 1)),
            Fixture.record(ana, at: utc(2024, 6, 2)),
            Fixture.record(sam, at: utc(2024, 6, 3)),
        ]
        for record in records { try store.save(session: record) }
        let broken = store.sessionsFolder.appendingPathComponent("20240602-000000-sam-abcd.json")
        try garbage.write(to: broken)
        try body(store, broken, records)
    }
}

@Test func aDamagedCallIsSetAsideAndEveryOtherCallIsStillListed() throws {
    try storeWithDamagedSession { store, broken, records in
        let (all, damaged) = store.allSessions()
        expectSetAside(damaged, path: broken, bytes: garbage)
        #expect(all.map(\.id) == records.map(\.id))

        // Once set aside, it is not reported again.
        let (again, none) = store.allSessions()
        #expect(none.isEmpty)
        #expect(again.map(\.id) == records.map(\.id))
        #expect(names(in: store.sessionsFolder).filter { $0.contains(".damaged-") }.count == 1)
    }
}

@Test func aDamagedCallIsReportedWhenListingOneTraineesCalls() throws {
    try storeWithDamagedSession { store, broken, records in
        let (sams, damaged) = store.sessions(for: try trainee("Sam"))
        expectSetAside(damaged, path: broken, bytes: garbage)
        #expect(sams.map(\.id) == [records[0].id, records[2].id])
        #expect(store.sessions(for: try trainee("Ana")).0.map(\.id) == [records[1].id])
    }
}

@Test func aDamagedCallIsReportedWhenLookedUpById() throws {
    try storeWithDamagedSession { store, broken, _ in
        let id = broken.deletingPathExtension().lastPathComponent
        guard case let .failure(damaged)? = store.session(id: id) else {
            Issue.record("the damaged call was not reported")
            return
        }
        expectSetAside([damaged], path: broken, bytes: garbage)
        #expect(store.session(id: id) == nil)
    }
}

/// What is wrong with a file, and the reason the store gives for it.
struct DamageCase: CustomTestStringConvertible, Sendable {
    var name: String
    var bytes: String
    var reason: String
    var testDescription: String { name }
}

private let sessionDamage: [DamageCase] = [
    DamageCase(name: "empty file", bytes: "", reason: "it is not valid JSON"),
    DamageCase(name: "cut short", bytes: "{\"schemaVersion\": 1, \"id\": ", reason: "it is not valid JSON"),
    DamageCase(name: "a list, not a record", bytes: "[1, 2, 3]", reason: "it does not hold a record"),
    DamageCase(name: "missing fields", bytes: "{\"schemaVersion\": 1}", reason: "it has no `id`"),
    DamageCase(name: "wrong type", bytes: "{\"schemaVersion\": \"one\"}", reason: "the value at `schemaVersion` has the wrong type"),
]

@Test(arguments: sessionDamage)
func theReasonSaysWhatIsWrongWithTheFile(_ test: DamageCase) throws {
    try withStore { store in
        let url = store.sessionsFolder.appendingPathComponent("20240101-000000-sam-0001.json")
        try Data(test.bytes.utf8).write(to: url)
        let (all, damaged) = store.allSessions()
        #expect(all.isEmpty)
        #expect(damaged.count == 1)
        #expect(damaged.first?.path == url.path)
        #expect(damaged.first?.reason.isEmpty == false)
        #expect(damaged.first?.movedTo != nil)
        #expect(damaged.first?.reason == test.reason)
    }
}

@Test func aDamagedProfileIsSetAsideAndRebuiltWhenRead() throws {
    try withStore(now: { utc(2024, 7, 1, 12) }) { store in
        let sam = try trainee("Sam")
        let records = [Fixture.record(sam, at: utc(2024, 6, 1)), Fixture.record(sam, at: utc(2024, 6, 2))]
        for record in records { try store.save(session: record) }
        let profileFile = store.traineesFolder.appendingPathComponent("sam.json")
        try garbage.write(to: profileFile)

        let (profile, damaged) = store.profile(for: sam)
        expectSetAside(damaged, path: profileFile, bytes: garbage, rebuilt: true)
        #expect(profile?.sessions.map(\.id) == records.map(\.id))
        #expect(profile?.name == "Sam")

        // The rebuilt profile is kept, so the next reader finds it without any report.
        let (next, none) = store.profile(for: sam)
        #expect(none.isEmpty)
        #expect(next?.sessions.map(\.id) == records.map(\.id))
    }
}

@Test func aDamagedProfileIsReportedAndRebuiltFromTheTraineesCallsWhenListing() throws {
    try withStore(now: { utc(2024, 7, 1, 12) }) { store in
        let names = ["Sam", "Ana", "Li"]
        for (n, name) in names.enumerated() {
            try store.save(session: Fixture.record(try trainee(name), at: utc(2024, 6, 1 + n)))
        }
        let profileFile = store.traineesFolder.appendingPathComponent("ana.json")
        try garbage.write(to: profileFile)

        let (profiles, damaged) = store.allProfiles()
        expectSetAside(damaged, path: profileFile, bytes: garbage, rebuilt: true)
        #expect(profiles.map(\.name) == ["Ana", "Li", "Sam"])
        #expect(profiles.first?.sessions.count == 1)
        // The rebuilt profile was kept: the next reader finds every profile and nothing damaged.
        let (again, none) = store.allProfiles()
        #expect(none.isEmpty)
        #expect(again.map(\.name) == ["Ana", "Li", "Sam"])
    }
}

@Test func savingForATraineeWithADamagedProfileRebuildsItFromTheirCalls() throws {
    try withStore(now: { utc(2024, 7, 1, 12) }) { store in
        let sam = try trainee("Sam")
        let ana = try trainee("Ana")
        let earlier = [Fixture.record(sam, at: utc(2024, 6, 1)), Fixture.record(sam, at: utc(2024, 6, 2))]
        for record in earlier { try store.save(session: record) }
        try store.save(session: Fixture.record(ana, at: utc(2024, 6, 3)))
        let profileFile = store.traineesFolder.appendingPathComponent("sam.json")
        try garbage.write(to: profileFile)

        let latest = Fixture.record(sam, at: utc(2024, 6, 4))
        let damaged = try store.save(session: latest)
        expectSetAside(damaged, path: profileFile, bytes: garbage, rebuilt: true)

        let (profile, none) = store.profile(for: sam)
        #expect(none.isEmpty)
        #expect(profile?.sessions.map(\.id) == (earlier + [latest]).map(\.id))
        #expect(profile?.lastPracticeAt == latest.endedAt)
        #expect(store.profile(for: ana).0?.sessions.count == 1)
    }
}

@Test func aProfileThatWasDeletedIsRebuiltOnTheNextSave() throws {
    try withStore { store in
        let sam = try trainee("Sam")
        let first = Fixture.record(sam, at: utc(2024, 6, 1))
        try store.save(session: first)
        try FileManager.default.removeItem(at: store.traineesFolder.appendingPathComponent("sam.json"))
        let second = Fixture.record(sam, at: utc(2024, 6, 2))
        #expect(try store.save(session: second).isEmpty)
        #expect(store.profile(for: sam).0?.sessions.map(\.id) == [first.id, second.id])
    }
}

@Test func damagedFilesAreNeverOverwritten() throws {
    try withStore(now: { utc(2024, 7, 1, 12) }) { store in
        let sam = try trainee("Sam")
        try store.save(session: Fixture.record(sam, at: utc(2024, 6, 1)))
        let profileFile = store.traineesFolder.appendingPathComponent("sam.json")
        var kept: [Data] = []
        // The clock does not move, so every damaged copy needs a name of its own.
        for n in 0..<3 {
            let bytes = Data("damaged copy \(n)".utf8)
            try bytes.write(to: profileFile)
            kept.append(bytes)
            let damaged = try store.save(session: Fixture.record(sam, at: utc(2024, 6, 2 + n)))
            #expect(damaged.count == 1)
        }
        let copies = names(in: store.traineesFolder).filter { $0.hasPrefix("sam.json.damaged-") }
        #expect(copies.count == 3)
        let contents = Set(copies.compactMap { try? Data(contentsOf: store.traineesFolder.appendingPathComponent($0)) })
        #expect(contents == Set(kept))
        #expect(store.profile(for: sam).0?.sessions.count == 4)
    }
}

/// A profile that cannot even be read is reported, and stays where it is, untouched: neither a save nor
/// a read may write over it.
@Test(.enabled(if: canEnforceFolderPermissions))
func aProfileThatCannotBeReadIsNeverOverwritten() throws {
    try withTemporaryFolder { folder in
        let store = try RecordStore(root: folder.appendingPathComponent("store"))
        let sam = try trainee("Sam")
        let first = Fixture.record(sam, at: utc(2024, 6, 1))
        try store.save(session: first)
        let profileFile = store.traineesFolder.appendingPathComponent("sam.json")
        let before = try Data(contentsOf: profileFile)
        let second = Fixture.record(sam, at: utc(2024, 6, 2))

        let outcome = withPermissionsEnforced(on: folder) { () -> (String, [DamagedFile], [String]?) in
            chmod(profileFile.path, 0o000)
            defer { chmod(profileFile.path, 0o600) }
            let (profile, damaged) = store.profile(for: sam)
            let saved: String
            do throws(StoreError) {
                try store.save(session: second)
                saved = "saved"
            } catch {
                saved = error.description
            }
            return (saved, damaged, profile?.sessions.map(\.id))
        }
        let (saved, damaged, readIDs) = try #require(outcome, "could not run with folder permissions enforced")
        #expect(damaged.count == 1)
        #expect(damaged.first?.path == profileFile.path)
        #expect(damaged.first?.movedTo == nil)
        #expect(damaged.first?.reason.hasPrefix("could not be read") == true)
        // The reader still gets the trainee's calls, rebuilt from the session files.
        #expect(readIDs == [first.id])
        #expect(saved.contains(profileFile.path), "\(saved)")
        #expect(saved.contains("could not be read"), "\(saved)")
        #expect(try Data(contentsOf: profileFile) == before)
        #expect(names(in: store.traineesFolder).filter { $0.contains(".damaged-") }.isEmpty)
    }
}
