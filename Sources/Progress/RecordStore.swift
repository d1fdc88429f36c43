import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A record file that could not be read. A damaged file has been set aside (renamed, never deleted or
/// overwritten) so it can be inspected or repaired by hand. A file written by a newer version of
/// CallDojo (``newerSchemaVersion``) is not damaged: it is left where it is, untouched, for that
/// version to read.
public struct DamagedFile: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where the file was.
    public var path: String
    /// Where it was moved to, if it could be moved.
    public var movedTo: String?
    /// What is wrong with it, in plain words.
    public var reason: String
    /// The file's schema version, when it was written by a newer version of CallDojo than this one.
    public var newerSchemaVersion: Int? = nil

    public var description: String {
        let moved = movedTo.map { "; kept as \($0)" } ?? ""
        return "\(path): \(reason)\(moved)"
    }
}

/// Why the store could not do what was asked.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotCreate(path: String, reason: String)
    case cannotWrite(path: String, reason: String)
    case cannotLock(path: String, reason: String)
    case encoding(String)
    /// The file was written by a newer version of CallDojo, so this version leaves it as it is.
    case newerVersion(path: String, found: Int, supported: Int)

    public var description: String {
        switch self {
        case let .cannotCreate(path, reason):
            return "Cannot create the record store at \(path): \(reason). Choose another folder with --store DIR or CALLDOJO_STORE."
        case let .cannotWrite(path, reason):
            return "Cannot write \(path): \(reason). Check the folder's permissions, or choose another store with --store DIR."
        case let .cannotLock(path, reason):
            return "Cannot lock \(path): \(reason)."
        case let .encoding(what):
            return "Cannot save \(what): it could not be written as JSON."
        case let .newerVersion(path, found, supported):
            return "Cannot change \(path): it was written by a newer version of CallDojo (schema version \(found); this version handles up to \(supported)), and is left as it is. Update CallDojo to change it."
        }
    }
}

/// The folder of records: `sessions/ID.json`, `trainees/KEY.json` (profiles), `trainees/KEY.history`
/// (reply history), `settings.json` and `cohorts.json`; docs/RECORDS.md describes every file. Folders are created 0700 and files 0600. Every write goes to a
/// temporary file that is flushed to disk and renamed into place, under a lock where several processes
/// may update the same file, so a crash or a second terminal never loses or half-writes a record.
public final class RecordStore: @unchecked Sendable {
    public let root: URL
    let fm = FileManager.default
    let now: @Sendable () -> Date

    public var sessionsFolder: URL { root.appendingPathComponent("sessions") }
    public var traineesFolder: URL { root.appendingPathComponent("trainees") }

    public init(root: URL, now: @escaping @Sendable () -> Date = { Date() }) throws(StoreError) {
        self.root = root
        self.now = now
        for dir in [root, sessionsFolder, traineesFolder] {
            try RecordStore.makeFolder(dir)
        }
    }

    // MARK: - Sessions

    /// Saves a call and adds it to the trainee's profile. Safe to call from several processes at once.
    /// Returns the trainee's profile file if it was damaged (it is set aside and rebuilt from the
    /// session files). A profile that can be neither read nor set aside is left as it is, and the
    /// save throws once the call itself is saved.
    @discardableResult
    public func save(session: SessionRecord) throws(StoreError) -> [DamagedFile] {
        let url = sessionsFolder.appendingPathComponent("\(session.id).json")
        try writeAtomically(try encode(session, what: "the call record"), to: url)
        var damaged: [DamagedFile] = []
        try withLock(traineeKey: session.traineeKey) { () throws(StoreError) in
            var (profile, bad) = loadProfile(key: session.traineeKey)
            damaged = bad
            if let newer = bad.first(where: { $0.newerSchemaVersion != nil }), let version = newer.newerSchemaVersion {
                throw .newerVersion(path: newer.path, found: version, supported: TraineeProfile.currentSchemaVersion)
            }
            if let stuck = bad.first(where: { $0.movedTo == nil }) {
                throw .cannotWrite(path: stuck.path, reason: "the profile there \(stuck.reason) and is kept as it is")
            }
            if profile == nil {
                profile = rebuiltProfile(key: session.traineeKey, name: session.trainee)
            }
            guard var p = profile else { return }
            p.add(session.summary)
            p.markAchievedGoals(now: now())
            try writeAtomically(try encode(p, what: "the trainee profile"), to: profileURL(session.traineeKey))
        }
        return damaged
    }

    /// One saved call.
    public func session(id: String) -> Result<SessionRecord, DamagedFile>? {
        guard !id.contains("/"), !id.hasPrefix(".") else { return nil }
        let url = sessionsFolder.appendingPathComponent("\(id).json")
        guard fm.fileExists(atPath: url.path) else { return nil }
        return read(SessionRecord.self, at: url)
    }

    /// Every saved call for a trainee, oldest first, and any of their files that could not be read.
    /// Only the files named for the trainee (and any whose names do not follow the id pattern) are
    /// opened, so this stays quick in a large store.
    public func sessions(for trainee: TraineeName) -> ([SessionRecord], [DamagedFile]) {
        sessions(key: trainee.key)
    }

    func sessions(key: String) -> ([SessionRecord], [DamagedFile]) {
        var records: [SessionRecord] = []
        var damaged: [DamagedFile] = []
        for url in jsonFiles(in: sessionsFolder) {
            if let fileKey = RecordStore.traineeKey(inSessionFile: url.lastPathComponent), fileKey != key { continue }
            switch read(SessionRecord.self, at: url) {
            case let .success(r): if r.traineeKey == key { records.append(r) }
            case let .failure(d): damaged.append(d)
            }
        }
        records.sort { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }
        return (records, damaged)
    }

    /// The trainee key in a session file name made by ``SessionRecord/makeID(trainee:at:random:)``
    /// (`YYYYMMDD-HHMMSS-KEY-XXXX.json`), or nil for a name of another shape.
    static func traineeKey(inSessionFile name: String) -> String? {
        guard name.hasSuffix(".json") else { return nil }
        let id = Array(name.utf8.dropLast(5))
        guard id.count >= 22 else { return nil }
        func digit(_ b: UInt8) -> Bool { (0x30...0x39).contains(b) }
        func hex(_ b: UInt8) -> Bool { digit(b) || (0x61...0x66).contains(b) }
        for i in 0..<15 where i != 8 { guard digit(id[i]) else { return nil } }
        guard id[8] == 0x2D, id[15] == 0x2D, id[id.count - 5] == 0x2D else { return nil }
        guard id[(id.count - 4)...].allSatisfy(hex) else { return nil }
        return String(decoding: id[16..<(id.count - 5)], as: UTF8.self)
    }

    /// Every saved call, oldest first, and any files that could not be read. Every call record is
    /// opened, which takes a while in a large store; reports read the profiles instead
    /// (``allProfiles()``), which hold each call's scores.
    public func allSessions() -> ([SessionRecord], [DamagedFile]) {
        var (records, damaged) = readAll(SessionRecord.self, jsonFiles(in: sessionsFolder))
        records.sort { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }
        return (records, damaged)
    }

    /// Reads many record files, on every processor core, keeping the files' order.
    func readAll<T: VersionedRecord & Sendable>(_ type: T.Type, _ urls: [URL]) -> ([T], [DamagedFile]) {
        let results = ResultSlots<Result<T, DamagedFile>>(count: urls.count)
        let chunks = max(1, min(urls.count, ProcessInfo.processInfo.activeProcessorCount * 4))
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var n = chunk
            while n < urls.count {
                results.set(n, read(T.self, at: urls[n]))
                n += chunks
            }
        }
        var records: [T] = []
        var damaged: [DamagedFile] = []
        records.reserveCapacity(urls.count)
        for result in results.values {
            switch result {
            case let .success(r)?: records.append(r)
            case let .failure(d)?: damaged.append(d)
            case nil: break
            }
        }
        return (records, damaged)
    }

    // MARK: - Profiles

    /// A trainee's profile, if they have one. A damaged profile is set aside and rebuilt from the
    /// trainee's session files, and reported.
    public func profile(for trainee: TraineeName) -> (TraineeProfile?, [DamagedFile]) {
        let (profile, damaged) = loadProfile(key: trainee.key)
        guard profile == nil, !damaged.isEmpty else { return (profile, damaged) }
        // A file that could not be set aside stays in place and is never written over.
        guard damaged.allSatisfy({ $0.movedTo != nil }) else {
            return (rebuiltProfile(key: trainee.key, name: trainee.display), damaged)
        }
        var rebuilt: TraineeProfile?
        try? withLock(traineeKey: trainee.key) { () throws(StoreError) in
            // Another process may have rebuilt it since.
            let (current, bad) = loadProfile(key: trainee.key)
            if let current {
                rebuilt = current
                return
            }
            rebuilt = rebuiltProfile(key: trainee.key, name: trainee.display)
            if let rebuilt, bad.allSatisfy({ $0.movedTo != nil }) {
                try writeAtomically(try encode(rebuilt, what: "the trainee profile"), to: profileURL(trainee.key))
            }
        }
        return (rebuilt ?? rebuiltProfile(key: trainee.key, name: trainee.display), damaged)
    }

    /// Every trainee's profile, and any files that could not be read. A damaged profile that was set
    /// aside is rebuilt from the trainee's calls (and kept), so the trainee still appears; their goals,
    /// which only the profile held, stay in the set-aside file for a person to recover.
    public func allProfiles() -> ([TraineeProfile], [DamagedFile]) {
        var (profiles, damaged) = readAll(TraineeProfile.self, jsonFiles(in: traineesFolder))
        for file in damaged where file.movedTo != nil && file.newerSchemaVersion == nil {
            let key = URL(fileURLWithPath: file.path).deletingPathExtension().lastPathComponent
            guard !profiles.contains(where: { $0.key == key }),
                  let name = sessions(key: key).0.first?.trainee,
                  let trainee = try? TraineeName(name), trainee.key == key else { continue }
            if let rebuilt = restoreProfile(trainee) { profiles.append(rebuilt) }
        }
        return (profiles.sorted { $0.name.lowercased() < $1.name.lowercased() }, damaged)
    }

    /// Rebuilds a missing profile from the trainee's calls under the trainee's lock, and writes it.
    private func restoreProfile(_ trainee: TraineeName) -> TraineeProfile? {
        var restored: TraineeProfile?
        try? withLock(traineeKey: trainee.key) { () throws(StoreError) in
            let (current, bad) = loadProfile(key: trainee.key)
            if let current {
                restored = current
                return
            }
            guard bad.isEmpty else { return }
            restored = rebuiltProfile(key: trainee.key, name: trainee.display)
            if let restored {
                try writeAtomically(try encode(restored, what: "the trainee profile"), to: profileURL(trainee.key))
            }
        }
        return restored
    }

    /// The file holding a trainee's reply history, for the line editor.
    public func historyFile(for trainee: TraineeName) -> URL {
        traineesFolder.appendingPathComponent("\(trainee.key).history")
    }

    func profileURL(_ key: String) -> URL {
        traineesFolder.appendingPathComponent("\(key).json")
    }

    func loadProfile(key: String) -> (TraineeProfile?, [DamagedFile]) {
        let url = profileURL(key)
        guard fm.fileExists(atPath: url.path) else { return (nil, []) }
        switch read(TraineeProfile.self, at: url) {
        case let .success(p): return (p, [])
        case let .failure(d): return (nil, [d])
        }
    }

    /// A profile made from the session files, for a trainee whose profile is missing or damaged.
    func rebuiltProfile(key: String, name: String) -> TraineeProfile? {
        guard let trainee = try? TraineeName(name) else { return nil }
        var profile = TraineeProfile(name: trainee, createdAt: now())
        for record in sessions(key: key).0 {
            profile.add(record.summary)
        }
        return profile
    }

    // MARK: - Settings

    /// The store's settings, and any problem reading `settings.json` (a damaged file is set aside; one
    /// written by a newer version is left as it is). Without a file, the defaults.
    public func settings() -> (StoreSettings, [DamagedFile]) {
        let url = root.appendingPathComponent("settings.json")
        guard fm.fileExists(atPath: url.path) else { return (StoreSettings(), []) }
        switch read(StoreSettings.self, at: url) {
        case let .success(s): return (s, [])
        case let .failure(d): return (StoreSettings(), [d])
        }
    }

    /// The last trainee name used. Setting it saves at once; a failure to save is ignored, as the
    /// setting is only a convenience.
    public var lastTrainee: String? {
        get {
            let url = root.appendingPathComponent("settings.json")
            guard fm.fileExists(atPath: url.path), case let .success(s) = read(StoreSettings.self, at: url) else { return nil }
            return s.lastTrainee
        }
        set {
            let url = root.appendingPathComponent("settings.json")
            // Settings written by a newer version are left for it.
            if let version = RecordStore.schemaVersion(at: url), version > StoreSettings.currentSchemaVersion { return }
            // Keep the rest of the settings (a trainer's pass mark). A file that cannot be read is set
            // aside by `read` and kept; if it could not be moved, it is left alone.
            var settings = StoreSettings()
            if fm.fileExists(atPath: url.path) {
                switch read(StoreSettings.self, at: url) {
                case let .success(current): settings = current
                case let .failure(damaged): if damaged.movedTo == nil { return }
                }
            }
            settings.schemaVersion = StoreSettings.currentSchemaVersion
            settings.lastTrainee = newValue
            guard let data = try? encode(settings, what: "the settings") else { return }
            try? writeAtomically(data, to: url)
        }
    }

    // MARK: - Files

    private static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .iso8601
        return e
    }()

    private static let decoder: JSONDecoder = {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            if let date = RecordDates.parse(text) { return date }
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 8601 time: \(text)")
        }
        return d
    }()

    func encode<T: Encodable>(_ value: T, what: String) throws(StoreError) -> Data {
        try RecordStore.encoded(value, what: what)
    }

    /// A record as the store writes it: pretty-printed JSON with sorted keys, ISO 8601 dates and a
    /// final newline. For tools that write many records at once (such as a benchmark's synthetic
    /// store); everything else should save through the store, which also locks and writes atomically.
    public static func encoded<T: Encodable>(_ value: T, what: String = "the record") throws(StoreError) -> Data {
        do {
            return try encoder.encode(value) + Data("\n".utf8)
        } catch {
            throw .encoding(what)
        }
    }

    /// Reads a record; a file that cannot be decoded is set aside and reported. A file written by a
    /// newer version of CallDojo is reported and left where it is.
    func read<T: VersionedRecord>(_ type: T.Type, at url: URL) -> Result<T, DamagedFile> {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            return .failure(DamagedFile(path: url.path, movedTo: nil, reason: "could not be read (\(error.localizedDescription))"))
        }
        do {
            let record = try RecordStore.decoder.decode(T.self, from: data)
            if record.schemaVersion > T.currentSchemaVersion {
                return .failure(RecordStore.newer(url, version: record.schemaVersion, supported: T.currentSchemaVersion))
            }
            return .success(record)
        } catch {
            if let probe = try? RecordStore.decoder.decode(VersionProbe.self, from: data), let version = probe.schemaVersion,
               version > T.currentSchemaVersion {
                return .failure(RecordStore.newer(url, version: version, supported: T.currentSchemaVersion))
            }
            return .failure(setAside(url, reason: RecordStore.explain(error)))
        }
    }

    /// Just the schema version of a record file.
    private struct VersionProbe: Decodable {
        var schemaVersion: Int?
    }

    /// The schema version in the file at `url`, if it exists and has one.
    static func schemaVersion(at url: URL) -> Int? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return (try? decoder.decode(VersionProbe.self, from: data))?.schemaVersion
    }

    private static func newer(_ url: URL, version: Int, supported: Int) -> DamagedFile {
        DamagedFile(path: url.path, movedTo: nil,
                    reason: "it was written by a newer version of CallDojo (schema version \(version); this version reads up to \(supported)), so it is left as it is; update CallDojo to read it",
                    newerSchemaVersion: version)
    }

    private func setAside(_ url: URL, reason: String) -> DamagedFile {
        let stamp = Int(now().timeIntervalSince1970)
        var target = url.deletingLastPathComponent().appendingPathComponent("\(url.lastPathComponent).damaged-\(stamp)")
        var n = 1
        while fm.fileExists(atPath: target.path) {
            n += 1
            target = url.deletingLastPathComponent().appendingPathComponent("\(url.lastPathComponent).damaged-\(stamp)-\(n)")
        }
        let moved = rename(url.path, target.path) == 0
        return DamagedFile(path: url.path, movedTo: moved ? target.path : nil, reason: reason)
    }

    static func explain(_ error: Error) -> String {
        switch error {
        case let DecodingError.dataCorrupted(context):
            return context.codingPath.isEmpty ? "it is not valid JSON" : "the value at `\(path(context.codingPath))` is not valid"
        case let DecodingError.keyNotFound(key, context):
            return "it has no `\(path(context.codingPath + [key]))`"
        case let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context):
            return context.codingPath.isEmpty
                ? "it does not hold a record"
                : "the value at `\(path(context.codingPath))` has the wrong type"
        default:
            return "it could not be read as a record"
        }
    }

    private static func path(_ keys: [CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }

    func jsonFiles(in dir: URL) -> [URL] {
        let names = (try? fm.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map { dir.appendingPathComponent($0) }
    }

    /// Writes `data` to a temporary file beside `url`, flushes it to disk, renames it over `url` and
    /// flushes the folder, so readers see the old file or the new one and never half of either.
    func writeAtomically(_ data: Data, to url: URL) throws(StoreError) {
        let dir = url.deletingLastPathComponent()
        let temp = dir.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let fd = open(temp.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .cannotWrite(path: url.path, reason: RecordStore.errnoText()) }
        var ok = true
        var reason = ""
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, base + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    ok = false
                    reason = RecordStore.errnoText()
                    return
                }
                offset += n
            }
        }
        if ok && fsync(fd) != 0 { ok = false; reason = RecordStore.errnoText() }
        close(fd)
        guard ok, rename(temp.path, url.path) == 0 else {
            if ok { reason = RecordStore.errnoText() }
            unlink(temp.path)
            throw .cannotWrite(path: url.path, reason: reason)
        }
        let dirfd = open(dir.path, O_RDONLY | O_CLOEXEC)
        if dirfd >= 0 {
            fsync(dirfd)
            close(dirfd)
        }
    }

    /// Runs `body` holding an exclusive lock on the trainee's lock file, so read-modify-write of their
    /// profile from several processes never loses an update.
    func withLock(traineeKey: String, _ body: () throws(StoreError) -> Void) throws(StoreError) {
        try withLock(file: traineesFolder.appendingPathComponent("\(traineeKey).lock"), body)
    }

    /// Runs `body` holding an exclusive `flock` on `file` (created 0600 if need be).
    func withLock(file: URL, _ body: () throws(StoreError) -> Void) throws(StoreError) {
        let path = file.path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .cannotLock(path: path, reason: RecordStore.errnoText()) }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR { throw .cannotLock(path: path, reason: RecordStore.errnoText()) }
        }
        defer { flock(fd, LOCK_UN) }
        try body()
    }

    static func makeFolder(_ url: URL) throws(StoreError) {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) {
            guard isDir.boolValue else { throw .cannotCreate(path: url.path, reason: "a file is in the way") }
            return
        }
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .cannotCreate(path: url.path, reason: (error as NSError).localizedFailureReason ?? error.localizedDescription)
        }
        chmod(url.path, 0o700)
    }

    private static func errnoText() -> String {
        String(cString: strerror(errno))
    }
}

/// Slots filled from several threads, each slot by one thread only.
final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [Value?] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}

/// Times in record files: ISO 8601 as the store writes them (`2025-03-01T09:00:00Z`) read quickly,
/// anything else ISO 8601 (fractions of a second, an offset) read by the system's parser.
enum RecordDates {
    static func parse(_ text: String) -> Date? {
        if let date = fast(text) { return date }
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` exactly, or nil.
    static func fast(_ text: String) -> Date? {
        text.utf8.withContiguousStorageIfAvailable { b -> Date? in
            guard b.count == 20, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54, b[13] == 0x3A, b[16] == 0x3A, b[19] == 0x5A else { return nil }
            func number(_ from: Int, _ count: Int) -> Int? {
                var n = 0
                for i in from..<(from + count) {
                    let d = Int(b[i]) - 0x30
                    guard (0...9).contains(d) else { return nil }
                    n = n * 10 + d
                }
                return n
            }
            guard let y = number(0, 4), let m = number(5, 2), let d = number(8, 2), let h = number(11, 2),
                  let mi = number(14, 2), let s = number(17, 2),
                  (1...12).contains(m), d >= 1, h < 24, mi < 60, s < 60 else { return nil }
            let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
            let monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            guard d <= monthDays[m - 1] else { return nil }
            // Days from 1970-01-01 to the civil date (H. Hinnant's algorithm).
            let yy = m <= 2 ? y - 1 : y
            let era = (yy >= 0 ? yy : yy - 399) / 400
            let yoe = yy - era * 400
            let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
            let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
            let days = era * 146_097 + doe - 719_468
            return Date(timeIntervalSince1970: Double(days * 86_400 + h * 3600 + mi * 60 + s))
        } ?? nil
    }
}
