import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The ids of statements each LRS has confirmed it holds, kept in the store as `xapi-sent.json`, so a
/// later export sends only what is new. Only ids the LRS confirmed are ever added. Updates are
/// read-merge-write under a lock (`xapi-sent.lock`), written to a temporary file, flushed and renamed
/// into place, readable by the owner only: two exports at once never lose each other's ids.
public struct SentLedger: Sendable {
    /// The ledger file.
    public let url: URL
    private var lockPath: String { url.deletingLastPathComponent().appendingPathComponent("xapi-sent.lock").path }

    /// The file's contents.
    public struct Contents: Codable, Sendable, Equatable {
        public static let currentSchemaVersion = 1
        public var schemaVersion: Int = Contents.currentSchemaVersion
        /// Confirmed statement ids (sorted) by LRS endpoint (without a trailing `/`).
        public var endpoints: [String: [String]] = [:]
        public init() {}
    }

    /// The ledger of the store at `storeRoot`.
    public init(storeRoot: URL) {
        url = storeRoot.appendingPathComponent("xapi-sent.json")
    }

    /// The ids confirmed by `endpoint`. A ledger that cannot be read is set aside (renamed, never
    /// deleted) and reported; the export then sends everything again, which the LRS stores once.
    public func confirmed(endpoint: String) -> (ids: Set<String>, problem: LedgerError?) {
        switch load() {
        case let .success(contents): return (Set(contents.endpoints[endpoint] ?? []), nil)
        case let .failure(problem): return ([], problem)
        }
    }

    /// Adds ids the LRS at `endpoint` has confirmed.
    public func record(_ ids: [String], endpoint: String) throws(LedgerError) {
        guard !ids.isEmpty else { return }
        try withLock { () throws(LedgerError) in
            var contents: Contents
            switch load() {
            case let .success(c): contents = c
            case let .failure(problem):
                // A damaged ledger was set aside by load(); one that could not be read is kept as it is.
                if case .damaged(_, _, movedTo: nil) = problem { throw problem }
                contents = Contents()
            }
            let merged = Set(contents.endpoints[endpoint] ?? []).union(ids)
            contents.endpoints[endpoint] = merged.sorted()
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data: Data
            do {
                data = try encoder.encode(contents) + Data("\n".utf8)
            } catch {
                throw .cannotWrite(path: url.path, reason: "it could not be written as JSON")
            }
            try writeAtomically(data)
        }
    }

    private func load() -> Result<Contents, LedgerError> {
        guard FileManager.default.fileExists(atPath: url.path) else { return .success(Contents()) }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            return .failure(.damaged(path: url.path, reason: "could not be read (\(error.localizedDescription))", movedTo: nil))
        }
        do {
            return .success(try JSONDecoder().decode(Contents.self, from: data))
        } catch {
            let target = url.path + ".damaged-\(Int(Date().timeIntervalSince1970))"
            let moved = !FileManager.default.fileExists(atPath: target) && rename(url.path, target) == 0
            return .failure(.damaged(path: url.path, reason: "is not a ledger of sent statements", movedTo: moved ? target : nil))
        }
    }

    private func withLock(_ body: () throws(LedgerError) -> Void) throws(LedgerError) {
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .cannotWrite(path: lockPath, reason: SentLedger.errnoText()) }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR { throw .cannotWrite(path: lockPath, reason: SentLedger.errnoText()) }
        }
        defer { flock(fd, LOCK_UN) }
        try body()
    }

    private func writeAtomically(_ data: Data) throws(LedgerError) {
        let dir = url.deletingLastPathComponent()
        let temp = dir.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let fd = open(temp.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .cannotWrite(path: url.path, reason: SentLedger.errnoText()) }
        var reason: String?
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, base + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    reason = SentLedger.errnoText()
                    return
                }
                offset += n
            }
        }
        if reason == nil && fsync(fd) != 0 { reason = SentLedger.errnoText() }
        close(fd)
        if reason == nil && rename(temp.path, url.path) != 0 { reason = SentLedger.errnoText() }
        if let reason {
            unlink(temp.path)
            throw .cannotWrite(path: url.path, reason: reason)
        }
        let dirfd = open(dir.path, O_RDONLY | O_CLOEXEC)
        if dirfd >= 0 {
            fsync(dirfd)
            close(dirfd)
        }
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// Why the ledger of sent statements could not be read or updated.
public enum LedgerError: Error, Sendable, Equatable, CustomStringConvertible {
    case damaged(path: String, reason: String, movedTo: String?)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case let .damaged(path, reason, movedTo):
            let kept = movedTo.map { "; kept as \($0), and every statement will be offered to the LRS again (it stores each once)" } ?? ""
            return "\(path) \(reason)\(kept)"
        case let .cannotWrite(path, reason):
            return "cannot update \(path): \(reason). The statements were sent; the next export will offer them again, and the LRS stores each once."
        }
    }
}
