import Synchronization

/// Compiled scenario cues, shared by every analyser: a scenario's cues are compiled the first time a
/// reply meets them and reused for the rest of the call (and every later call).
final class CueCache: Sendable {
    static let shared = CueCache()

    /// The most cue items kept; past this the cache starts again, so it never grows without bound.
    static let capacity = 4_096

    private let storage: Storage

    private init() {
        if #available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *) {
            storage = LockedStorage()
        } else {
            storage = Storage()
        }
    }

    /// The compiled form of one cue item.
    func compiled(_ item: String) -> CompiledCue.Item {
        storage.compiled(item)
    }

    /// Compiles every time: used where no lock is available.
    private class Storage: @unchecked Sendable {
        func compiled(_ item: String) -> CompiledCue.Item { CompiledCue.Item(item) }
    }

    @available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *)
    private final class LockedStorage: Storage, @unchecked Sendable {
        let items = Mutex<[String: CompiledCue.Item]>([:])

        override func compiled(_ item: String) -> CompiledCue.Item {
            if let found = items.withLock({ $0[item] }) { return found }
            let made = CompiledCue.Item(item)
            items.withLock { table in
                if table.count >= CueCache.capacity { table.removeAll(keepingCapacity: true) }
                table[item] = made
            }
            return made
        }
    }
}
