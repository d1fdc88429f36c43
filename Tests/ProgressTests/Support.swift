import Dialogue
import Foundation
import Language
import Progress
import Scoring
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A trainee name the test knows is valid.
func trainee(_ raw: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> TraineeName {
    do {
        return try TraineeName(raw)
    } catch {
        Issue.record("\(raw.debugDescription) was refused: \(error)", sourceLocation: sourceLocation)
        throw error
    }
}

/// A time in UTC.
func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
    let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    return calendar.date(from: components) ?? Date(timeIntervalSince1970: 0)
}

/// Runs `body` with a fresh, empty folder that is removed afterwards, whatever happens.
func withTemporaryFolder<T>(_ body: (URL) throws -> T) throws -> T {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("calldojo-progress-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { removeFolder(folder) }
    return try body(folder)
}

/// Runs `body` with a record store in a fresh folder (`FOLDER/store`, created by the store itself).
func withStore<T>(now: @escaping @Sendable () -> Date = { Date() }, _ body: (RecordStore) throws -> T) throws -> T {
    try withTemporaryFolder { folder in
        let store = try RecordStore(root: folder.appendingPathComponent("store", isDirectory: true), now: now)
        return try body(store)
    }
}

/// Removes a folder, first giving back write permission anywhere a test took it away.
func removeFolder(_ folder: URL) {
    chmod(folder.path, 0o700)
    for relative in FileManager.default.subpaths(atPath: folder.path) ?? [] {
        let path = folder.appendingPathComponent(relative).path
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
            chmod(path, 0o700)
        }
    }
    try? FileManager.default.removeItem(at: folder)
}

/// The permission bits of a file or folder (`0o600`, `0o700`, ...), or nil if it cannot be examined.
func permissions(of url: URL) -> Int? {
    var info = stat()
    guard stat(url.path, &info) == 0 else { return nil }
    return Int(info.st_mode & 0o7777)
}

/// The names in a folder, sorted.
func names(in folder: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
}

/// Temporary files an atomic write may leave behind (`.NAME.PID.RANDOM.tmp`) anywhere under `folder`.
func leftoverTemporaryFiles(under folder: URL) -> [String] {
    let all = FileManager.default.subpaths(atPath: folder.path) ?? []
    return all.filter { path in
        let name = (path as NSString).lastPathComponent
        return name.hasSuffix(".tmp") || name.hasPrefix(".")
    }.sorted()
}

// MARK: - Records

/// A small call to record: a scenario, a persona, a finished call state and its score.
enum Fixture {
    static let scenario = Scenario(
        id: "broadband-down", title: "Broadband down since Monday",
        summary: "The customer's broadband has been down since Monday and they work from home.",
        difficulty: .beginner, skills: [.activeListening, .paraphrasing], persona: "maya",
        issues: [Issue(id: "outage", summary: "No broadband since Monday")],
        facts: [Fact(id: "since_monday", text: "Down since Monday", cues: ["monday"])],
        start: "open",
        nodes: [
            Node(id: "open", say: ["My broadband has been down since Monday and I work from home."],
                 facts: ["since_monday"], branches: [Branch(resolves: ["outage"], target: "fixed")]),
        ],
        endings: [Ending(id: "fixed", kind: .resolved, say: ["Thanks, that's sorted then."], note: "Resolved on the call.")]
    )

    static let persona = Persona(id: "maya", name: "Maya Patel", style: .driver, temper: .irritated, patience: 3,
                                 knowledge: .medium, tier: .B)

    /// A finished call: two replies' worth of transcript, a resolved issue, a note and an ending.
    static func state(seed: UInt64) -> CallState {
        var state = CallState(scenario: scenario.id, persona: persona.id, seed: seed, node: "open", mood: -1,
                              patience: 3, raisedIssues: ["outage"])
        var signals = Signals()
        signals.acknowledges = true
        signals.paraphrasedFacts = ["since_monday"]
        signals.nextSteps = NextSteps(action: true, timescale: true)
        signals.evidence = [Evidence(signal: .acknowledges, words: "I'm sorry"),
                            Evidence(signal: .paraphrases, words: "since Monday", ref: "since_monday")]
        state.transcript = [
            TranscriptEntry(speaker: .customer, text: "My broadband has been down since Monday and I work from home.",
                            node: "open", turn: 0),
            TranscriptEntry(speaker: .agent, text: "I'm sorry it's been down since Monday; I'll reset the line now.",
                            node: "open", turn: 1, signals: signals, moodAfter: 1),
            TranscriptEntry(speaker: .customer, text: "Thanks, that's sorted then.", node: "open", turn: 1),
        ]
        state.turn = 1
        state.mood = 1
        state.moodPath = [-1, 1]
        state.givenFacts = ["since_monday"]
        state.resolvedIssues = ["outage"]
        state.notes = ["prefers email"]
        state.ending = EndingRecord(id: "fixed", kind: .resolved, note: "Resolved on the call.")
        return state
    }

    /// A score with every skill at `overall`.
    static func score(overall: Int) -> CallScore {
        CallScore(
            skills: Skill.allCases.map { skill in
                SkillScore(skill: skill, score: overall,
                           evidence: [ScoreEvidence(turn: 1, words: "I'm sorry", effect: .earned,
                                                    reason: "You recognised how the customer felt.", points: 10)],
                           tip: "Keep naming the customer's situation before you fix it.")
            },
            overall: overall,
            ending: EndingRecord(id: "fixed", kind: .resolved, note: "Resolved on the call."),
            issuesRaised: ["outage"], issuesResolved: ["outage"], modelReplies: []
        )
    }

    /// A finished five-minute call by `trainee` that started at `at`.
    static func record(_ trainee: TraineeName, at: Date, id: String? = nil, overall: Int = 70,
                       seed: UInt64 = 42) -> SessionRecord {
        SessionRecord(id: id, trainee: trainee, scenario: scenario, persona: persona, mode: .practice, seed: seed,
                      startedAt: at, endedAt: at.addingTimeInterval(300), state: state(seed: seed),
                      score: score(overall: overall))
    }
}

// MARK: - Threads

/// A value shared between threads, guarded by a lock.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    /// Reads or changes the value while holding the lock.
    func withValue<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }

    /// The value now.
    var current: Value { withValue { $0 } }
}

/// Runs `body` on a new thread and waits for it, at most `timeout` seconds. Returns false on a timeout.
func onOwnThread(timeout: Double = 60, _ body: @escaping @Sendable () -> Void) -> Bool {
    let done = DispatchSemaphore(value: 0)
    Thread {
        body()
        done.signal()
    }.start()
    return done.wait(timeout: .now() + timeout) == .success
}

// MARK: - Without privileges

/// The user files are handed to when a test must run without root's power to write anywhere.
private let unprivilegedID: UInt32 = 65534

private typealias SetFilesystemUser = @convention(c) (UInt32) -> Int32

/// `setfsuid(2)`, looked up at run time as Swift does not import it. It changes the file-system user
/// of the calling thread only.
private let setFilesystemUser: SetFilesystemUser? = {
    #if os(Linux)
    guard let symbol = dlsym(nil, "setfsuid") else { return nil }
    return unsafeBitCast(symbol, to: SetFilesystemUser.self)
    #else
    return nil
    #endif
}()

/// True when a test can see folder permissions enforced: when not running as root, or when root can
/// act as an ordinary user on one thread.
let canEnforceFolderPermissions: Bool = geteuid() != 0 || setFilesystemUser != nil

/// Runs `body` as the owner of `folder` would, with folder permissions enforced. When the tests run as
/// root (which ignores permissions), everything under `folder` is handed to an unprivileged user and
/// `body` runs on a thread whose file-system user is that user. Returns nil if that cannot be done.
func withPermissionsEnforced<T: Sendable>(on folder: URL, _ body: @escaping @Sendable () -> T) -> T? {
    guard geteuid() == 0 else { return body() }
    guard let setFilesystemUser else { return nil }
    chown(folder.path, unprivilegedID, unprivilegedID)
    for relative in FileManager.default.subpaths(atPath: folder.path) ?? [] {
        chown(folder.appendingPathComponent(relative).path, unprivilegedID, unprivilegedID)
    }
    let result = Locked<T?>(nil)
    let finished = onOwnThread {
        _ = setFilesystemUser(unprivilegedID)
        defer { _ = setFilesystemUser(0) }
        guard setFilesystemUser(UInt32.max) == Int32(bitPattern: unprivilegedID) else { return }
        let value = body()
        result.withValue { $0 = value }
    }
    return finished ? result.current : nil
}
