import Foundation
import Progress
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Test func aNewStoreMakesPrivateFolders() throws {
    try withStore { store in
        #expect(store.sessionsFolder == store.root.appendingPathComponent("sessions"))
        #expect(store.traineesFolder == store.root.appendingPathComponent("trainees"))
        for folder in [store.root, store.sessionsFolder, store.traineesFolder] {
            #expect(permissions(of: folder) == 0o700, "\(folder.path)")
        }
    }
}

@Test func everyRecordFileIsReadableByItsOwnerOnly() throws {
    try withStore { store in
        let sam = try trainee("Sam Jones")
        let record = Fixture.record(sam, at: utc(2024, 3, 5, 14, 7, 9))
        try store.save(session: record)
        store.lastTrainee = sam.display
        let files = [
            store.sessionsFolder.appendingPathComponent("\(record.id).json"),
            store.traineesFolder.appendingPathComponent("sam-jones.json"),
            store.traineesFolder.appendingPathComponent("sam-jones.lock"),
            store.root.appendingPathComponent("settings.json"),
        ]
        for file in files {
            #expect(permissions(of: file) == 0o600, "\(file.path)")
        }
        for folder in [store.root, store.sessionsFolder, store.traineesFolder] {
            #expect(permissions(of: folder) == 0o700, "\(folder.path)")
        }
    }
}

@Test func filesStayPrivateWhateverTheUmask() throws {
    let previous = umask(0)
    defer { umask(previous) }
    try withStore { store in
        let record = Fixture.record(try trainee("Sam"), at: utc(2024, 1, 2))
        try store.save(session: record)
        #expect(permissions(of: store.sessionsFolder.appendingPathComponent("\(record.id).json")) == 0o600)
        #expect(permissions(of: store.traineesFolder.appendingPathComponent("sam.json")) == 0o600)
        #expect(permissions(of: store.traineesFolder) == 0o700)
    }
}

@Test func aStoreCannotBeMadeWhereAFileIsInTheWay() throws {
    try withTemporaryFolder { folder in
        let blocker = folder.appendingPathComponent("store")
        try Data("not a folder".utf8).write(to: blocker)
        #expect {
            _ = try RecordStore(root: blocker)
        } throws: { error in
            guard let error = error as? StoreError, case let .cannotCreate(path, _) = error else { return false }
            return path == blocker.path && error.description.contains("--store")
        }
    }
}

@Test func savingACallWritesItsFileAndUpdatesTheProfile() throws {
    try withStore(now: { utc(2024, 3, 5, 15) }) { store in
        let sam = try trainee("Sam Jones")
        let record = Fixture.record(sam, at: utc(2024, 3, 5, 14, 7, 9), overall: 64)
        let damaged = try store.save(session: record)
        #expect(damaged.isEmpty)

        #expect(names(in: store.sessionsFolder) == ["\(record.id).json"])
        #expect(names(in: store.traineesFolder) == ["sam-jones.json", "sam-jones.lock"])

        let sessionFile = store.sessionsFolder.appendingPathComponent("\(record.id).json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: sessionFile)) as? [String: Any])
        #expect(json["schemaVersion"] as? Int == 1)
        #expect(json["id"] as? String == record.id)
        #expect(json["traineeKey"] as? String == "sam-jones")
        #expect(json["startedAt"] as? String == "2024-03-05T14:07:09Z")

        let profileFile = store.traineesFolder.appendingPathComponent("sam-jones.json")
        let profileJSON = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: profileFile)) as? [String: Any])
        #expect(profileJSON["schemaVersion"] as? Int == 1)
        #expect(profileJSON["name"] as? String == "Sam Jones")

        let (profile, problems) = store.profile(for: sam)
        #expect(problems.isEmpty)
        let saved = try #require(profile)
        #expect(saved.key == "sam-jones")
        #expect(saved.sessions == [record.summary])
        #expect(saved.sessions.first?.overall == 64)
        #expect(saved.lastPracticeAt == record.endedAt)

        let reloaded = try #require(store.session(id: record.id))
        #expect(try reloaded.get() == record)
    }
}

@Test func laterCallsAreAddedToTheProfileInStartOrder() throws {
    try withStore { store in
        let sam = try trainee("Sam")
        let later = Fixture.record(sam, at: utc(2024, 3, 6, 9), overall: 80)
        let earlier = Fixture.record(sam, at: utc(2024, 3, 5, 9), overall: 50)
        try store.save(session: later)
        try store.save(session: earlier)
        try store.save(session: later)
        let profile = try #require(store.profile(for: sam).0)
        #expect(profile.sessions.map(\.id) == [earlier.id, later.id])
        #expect(profile.lastPracticeAt == later.endedAt)
        #expect(store.sessions(for: sam).0.map(\.id) == [earlier.id, later.id])
    }
}

@Test func eachTraineeHasTheirOwnProfile() throws {
    try withStore { store in
        let sam = try trainee("Sam Jones")
        let other = try trainee("sam-jones")
        let ana = try trainee("Ana María")
        try store.save(session: Fixture.record(sam, at: utc(2024, 1, 1)))
        try store.save(session: Fixture.record(other, at: utc(2024, 1, 2)))
        try store.save(session: Fixture.record(ana, at: utc(2024, 1, 3)))
        try store.save(session: Fixture.record(sam, at: utc(2024, 1, 4)))

        let (profiles, damaged) = store.allProfiles()
        #expect(damaged.isEmpty)
        #expect(profiles.map(\.name) == ["Ana María", "Sam Jones", "sam-jones"])
        #expect(profiles.map(\.sessions.count) == [1, 2, 1])
        #expect(store.sessions(for: sam).0.count == 2)
        #expect(store.sessions(for: other).0.count == 1)
        #expect(store.allSessions().0.count == 4)
        #expect(store.profile(for: try trainee("Nobody")).0 == nil)
    }
}

@Test func savingLeavesNoTemporaryFilesBehind() throws {
    try withStore { store in
        let sam = try trainee("Sam")
        for day in 1...5 {
            try store.save(session: Fixture.record(sam, at: utc(2024, 2, day)))
        }
        store.lastTrainee = "Sam"
        store.lastTrainee = "Ana"
        #expect(leftoverTemporaryFiles(under: store.root).isEmpty, "\(leftoverTemporaryFiles(under: store.root))")
        #expect(names(in: store.sessionsFolder).count == 5)
    }
}

@Test func rememberingTheLastTraineeKeepsTheTrainersPassMark() throws {
    try withTemporaryFolder { folder in
        let root = folder.appendingPathComponent("store")
        let store = try RecordStore(root: root)
        let settings = root.appendingPathComponent("settings.json")
        try Data(#"{"schemaVersion": 1, "passMark": 65}"#.utf8).write(to: settings)
        store.lastTrainee = "Ana"
        let (read, damaged) = store.settings()
        #expect(damaged.isEmpty)
        #expect(read.passMark == 65)
        #expect(read.lastTrainee == "Ana")
    }
}

@Test func theLastTraineeRoundTrips() throws {
    try withTemporaryFolder { folder in
        let root = folder.appendingPathComponent("store")
        let store = try RecordStore(root: root)
        #expect(store.lastTrainee == nil)
        store.lastTrainee = "Ana María"
        #expect(store.lastTrainee == "Ana María")
        // Another store on the same folder (another terminal, a later run) sees it.
        #expect(try RecordStore(root: root).lastTrainee == "Ana María")
        store.lastTrainee = "Sam"
        #expect(try RecordStore(root: root).lastTrainee == "Sam")
        store.lastTrainee = nil
        #expect(store.lastTrainee == nil)

        let settings = root.appendingPathComponent("settings.json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: settings)) as? [String: Any])
        #expect(json["schemaVersion"] as? Int == 1)
    }
}

@Test func aDamagedSettingsFileOnlyLosesTheLastTrainee() throws {
    try withStore { store in
        let settings = store.root.appendingPathComponent("settings.json")
        try Data("{ nope".utf8).write(to: settings)
        #expect(store.lastTrainee == nil)
        store.lastTrainee = "Sam"
        #expect(store.lastTrainee == "Sam")
    }
}

@Test func theHistoryFileIsKeptWithTheTrainee() throws {
    try withStore { store in
        let url = store.historyFile(for: try trainee("Ana María"))
        #expect(url == store.traineesFolder.appendingPathComponent("ana-mar%C3%ADa.history"))
    }
}

@Test(arguments: ["../trainees/sam", "/etc/passwd", ".hidden", "", "missing"])
func onlyRealSessionIdsAreLookedUp(_ id: String) throws {
    try withStore { store in
        try store.save(session: Fixture.record(try trainee("Sam"), at: utc(2024, 1, 1)))
        #expect(store.session(id: id) == nil)
    }
}

/// Which folder is made read-only before saving.
enum ReadOnlyFolder: String, CaseIterable, Sendable {
    case sessions, trainees
}

@Test(.enabled(if: canEnforceFolderPermissions), arguments: ReadOnlyFolder.allCases)
func aSaveIntoAReadOnlyFolderSaysWhatToDoAndKeepsTheOldProfile(_ readOnly: ReadOnlyFolder) throws {
    try withTemporaryFolder { folder in
        let store = try RecordStore(root: folder.appendingPathComponent("store"))
        let sam = try trainee("Sam Jones")
        let first = Fixture.record(sam, at: utc(2024, 3, 5, 9))
        try store.save(session: first)
        let profileFile = store.traineesFolder.appendingPathComponent("sam-jones.json")
        let before = try Data(contentsOf: profileFile)

        let locked = readOnly == .sessions ? store.sessionsFolder : store.traineesFolder
        let second = Fixture.record(sam, at: utc(2024, 3, 6, 9))
        let outcome = withPermissionsEnforced(on: folder) { () -> Result<[DamagedFile], StoreError> in
            chmod(locked.path, 0o500)
            defer { chmod(locked.path, 0o700) }
            do throws(StoreError) {
                return .success(try store.save(session: second))
            } catch {
                return .failure(error)
            }
        }
        let result = try #require(outcome, "could not run the save with folder permissions enforced")
        guard case let .failure(error) = result else {
            Issue.record("saving into a read-only \(readOnly) folder succeeded")
            return
        }
        let expectedPath = readOnly == .sessions
            ? store.sessionsFolder.appendingPathComponent("\(second.id).json").path
            : profileFile.path
        guard case let .cannotWrite(path, reason) = error else {
            Issue.record("unexpected error: \(error)")
            return
        }
        #expect(path == expectedPath)
        #expect(!reason.isEmpty)
        #expect(error.description.contains(expectedPath))
        #expect(error.description.contains("Check the folder's permissions"))
        #expect(error.description.contains("--store DIR"))

        #expect(try Data(contentsOf: profileFile) == before)
        #expect(store.profile(for: sam).0?.sessions.map(\.id) == [first.id])
        #expect(leftoverTemporaryFiles(under: store.root).isEmpty, "\(leftoverTemporaryFiles(under: store.root))")
    }
}

@Test func storeErrorsNameThePathAndSayWhatToDo() {
    let errors: [(StoreError, String)] = [
        (.cannotCreate(path: "/x/store", reason: "Permission denied"), "--store DIR"),
        (.cannotWrite(path: "/x/store/sessions/a.json", reason: "No space left on device"), "--store DIR"),
        (.cannotLock(path: "/x/store/trainees/sam.lock", reason: "Bad file descriptor"), "/x/store/trainees/sam.lock"),
    ]
    for (error, advice) in errors {
        #expect(error.description.contains(advice), "\(error.description)")
        #expect(error.description.hasPrefix("Cannot "))
    }
}

/// The longest names in any script make the longest keys; their records must still save.
@Test(arguments: ["Ж", "李", "𝒜"])
func theLongestNamesCanBeSaved(_ unit: String) throws {
    try withStore { store in
        let name = try trainee(String(repeating: unit, count: 64))
        let record = Fixture.record(name, at: utc(2024, 3, 5))
        try store.save(session: record)
        #expect(store.profile(for: name).0?.sessions.map(\.id) == [record.id])
        #expect(store.sessions(for: name).0.map(\.id) == [record.id])
    }
}
