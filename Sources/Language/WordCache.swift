import Synchronization

/// Words already normalised and stemmed, shared by every tokenizer: a reply's words are mostly ones
/// seen before ("I", "your", "sorry", "engineer"), so each is worked out once and then looked up.
final class WordCache: Sendable {
    static let shared = WordCache()

    /// One normalised word.
    struct Word: Sendable {
        var norm: String
        var stem: String
        var isNumber: Bool
    }

    /// The most words kept; past this the cache starts again, so it never grows without bound.
    static let capacity = 16_384
    /// Longer words are worked out every time rather than kept.
    static let longestKept = 24

    private let storage: Storage

    private init() {
        if #available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *) {
            storage = LockedStorage()
        } else {
            storage = Storage()
        }
    }

    /// The normalised words of one raw word as typed.
    func words(_ raw: Substring) -> [Word] {
        raw.utf8.count > Self.longestKept ? Self.make(raw) : storage.words(raw)
    }

    static func make(_ raw: Substring) -> [Word] {
        if let word = Normalizer.plainWord(raw) {
            return [Word(norm: word, stem: Stemmer.stem(word), isNumber: Normalizer.isNumber(word))]
        }
        return Normalizer.normalise(raw).map { Word(norm: $0, stem: Stemmer.stem($0), isNumber: Normalizer.isNumber($0)) }
    }

    /// Works the words out every time: used where no lock is available.
    private class Storage: @unchecked Sendable {
        func words(_ raw: Substring) -> [Word] { WordCache.make(raw) }
    }

    @available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *)
    private final class LockedStorage: Storage, @unchecked Sendable {
        let table = Mutex<[String: [Word]]>([:])

        override func words(_ raw: Substring) -> [Word] {
            let key = String(raw)
            if let found = table.withLock({ $0[key] }) { return found }
            let made = WordCache.make(raw)
            table.withLock { table in
                if table.count >= WordCache.capacity { table.removeAll(keepingCapacity: true) }
                table[key] = made
            }
            return made
        }
    }
}
