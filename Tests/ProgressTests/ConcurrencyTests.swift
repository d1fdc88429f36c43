import Foundation
import Progress
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Several terminals saving calls for the same trainee at once, each with its own store on the same
/// folder: no call may go missing from the profile.
@Test func concurrentSavesForOneTraineeLoseNothing() throws {
    let threads = 8
    let savesEach = 25
    try withTemporaryFolder { folder in
        let root = folder.appendingPathComponent("store")
        let sam = try trainee("Sam Jones")
        let start = utc(2024, 5, 1, 9)
        let failures = Locked<[String]>([])
        let savedIDs = Locked<[String]>([])
        let group = DispatchGroup()
        for t in 0..<threads {
            group.enter()
            Thread {
                defer { group.leave() }
                do {
                    let store = try RecordStore(root: root)
                    for i in 0..<savesEach {
                        let n = t * savesEach + i
                        let at = start.addingTimeInterval(Double(n * 60))
                        let id = SessionRecord.makeID(trainee: sam, at: at, random: UInt16(n))
                        let record = Fixture.record(sam, at: at, id: id, overall: n % 101)
                        let damaged = try store.save(session: record)
                        if !damaged.isEmpty { failures.withValue { $0.append("damaged: \(damaged)") } }
                        savedIDs.withValue { $0.append(id) }
                    }
                } catch {
                    failures.withValue { $0.append("\(error)") }
                }
            }.start()
        }
        #expect(group.wait(timeout: .now() + 300) == .success, "the saves did not finish")
        #expect(failures.current.isEmpty, "\(failures.current)")

        let store = try RecordStore(root: root)
        let (profile, damaged) = store.profile(for: sam)
        #expect(damaged.isEmpty)
        let sessions = try #require(profile).sessions
        #expect(sessions.count == threads * savesEach)
        #expect(Set(sessions.map(\.id)) == Set(savedIDs.current))
        #expect(sessions.map(\.startedAt) == sessions.map(\.startedAt).sorted())
        #expect(store.sessions(for: sam).0.count == threads * savesEach)
        #expect(leftoverTemporaryFiles(under: root).isEmpty)
    }
}

/// Different trainees saving at once do not wait on, or disturb, each other's profiles.
@Test func concurrentSavesForDifferentTraineesKeepEachProfileWhole() throws {
    let names = ["Sam", "Ana María", "李小龍", "O'Brien"]
    let savesEach = 15
    try withTemporaryFolder { folder in
        let root = folder.appendingPathComponent("store")
        let trainees = try names.map { try trainee($0) }
        let failures = Locked<[String]>([])
        let group = DispatchGroup()
        for (t, name) in trainees.enumerated() {
            for half in 0..<2 {
                group.enter()
                Thread {
                    defer { group.leave() }
                    do {
                        let store = try RecordStore(root: root)
                        for i in 0..<savesEach {
                            let at = utc(2024, 6, 1 + t).addingTimeInterval(Double((half * savesEach + i) * 60))
                            try store.save(session: Fixture.record(name, at: at))
                        }
                    } catch {
                        failures.withValue { $0.append("\(error)") }
                    }
                }.start()
            }
        }
        #expect(group.wait(timeout: .now() + 300) == .success, "the saves did not finish")
        #expect(failures.current.isEmpty, "\(failures.current)")
        let store = try RecordStore(root: root)
        for name in trainees {
            let profile = try #require(store.profile(for: name).0, "\(name)")
            #expect(profile.sessions.count == 2 * savesEach, "\(name)")
            #expect(profile.name == name.display)
        }
    }
}

/// While another process holds the trainee's lock, a save waits; once the lock is released it goes on
/// and keeps what the other process wrote.
@Test func aSaveWaitsForTheTraineesLock() throws {
    try withStore { store in
        let sam = try trainee("Sam")
        let first = Fixture.record(sam, at: utc(2024, 4, 1, 9))
        try store.save(session: first)

        let lockPath = store.traineesFolder.appendingPathComponent("sam.lock").path
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        try #require(fd >= 0, "cannot open \(lockPath)")
        defer { close(fd) }
        try #require(flock(fd, LOCK_EX) == 0)

        let second = Fixture.record(sam, at: utc(2024, 4, 2, 9))
        let finished = DispatchSemaphore(value: 0)
        let outcome = Locked<String?>(nil)
        Thread {
            do {
                let damaged = try store.save(session: second)
                outcome.withValue { $0 = damaged.isEmpty ? "saved" : "damaged: \(damaged)" }
            } catch {
                outcome.withValue { $0 = "\(error)" }
            }
            finished.signal()
        }.start()

        // The save is held up: nothing is added to the profile while the lock is held.
        #expect(finished.wait(timeout: .now() + 0.8) == .timedOut, "the save did not wait for the lock")
        #expect(outcome.current == nil)
        #expect(store.profile(for: sam).0?.sessions.map(\.id) == [first.id])

        flock(fd, LOCK_UN)
        #expect(finished.wait(timeout: .now() + 30) == .success, "the save did not finish after the lock was released")
        #expect(outcome.current == "saved")
        #expect(store.profile(for: sam).0?.sessions.map(\.id) == [first.id, second.id])
    }
}
