import Foundation

/// A game being played: the items drawn, the answers so far, the streak, and the time limit.
public struct GameSession: Sendable {
    public struct Round: Sendable, Equatable {
        public var item: GameItem
        public var answer: String
        public var result: RoundResult
        public var skipped: Bool
    }

    public let kind: GameKind
    public let seed: UInt64
    public let items: [GameItem]
    public let startedAt: Date
    /// When the game must end, if it has a time limit.
    public let deadline: Date?
    public private(set) var rounds: [Round] = []
    public private(set) var streak = 0
    public private(set) var bestStreak = 0
    /// True when the time limit ended the game before every item was answered.
    public private(set) var timedOut = false
    let scorer: GameScorer

    public init(kind: GameKind, items: [GameItem], seed: UInt64, startedAt: Date, timeLimit: TimeInterval? = nil,
                scorer: GameScorer = GameScorer()) {
        self.kind = kind
        self.items = items
        self.seed = seed
        self.startedAt = startedAt
        deadline = timeLimit.map { startedAt.addingTimeInterval($0) }
        self.scorer = scorer
    }

    /// The item to answer next, or nil when the game is over.
    public var current: GameItem? {
        guard !timedOut, !stopped, rounds.count < items.count else { return nil }
        return items[rounds.count]
    }

    public var isOver: Bool { current == nil }
    public var total: Int { rounds.reduce(0) { $0 + $1.result.points } }
    public var maxTotal: Int { 100 * items.count }

    /// Scores `answer` to the current item. When the time limit has passed at `now`, the answer still
    /// counts, and the game ends after it.
    @discardableResult
    public mutating func answer(_ answer: String, at now: Date) -> RoundResult? {
        guard let item = current else { return nil }
        let result = scorer.score(answer, for: item)
        record(Round(item: item, answer: answer, result: result, skipped: false), at: now)
        return result
    }

    /// Skips the current item: no points, and the streak ends.
    public mutating func skip(at now: Date) {
        guard let item = current else { return }
        record(Round(item: item, answer: "", result: RoundResult(points: 0, earned: [], missed: ["skipped"]), skipped: true), at: now)
    }

    /// Ends the game at once (the player quit, or the input ended).
    public mutating func stop() {
        stopped = true
    }

    /// True when the player quit or the input ended before the last item.
    public private(set) var stopped = false

    /// Seconds left at `now`, if there is a time limit.
    public func secondsLeft(at now: Date) -> Int? {
        deadline.map { max(0, Int($0.timeIntervalSince(now).rounded(.up))) }
    }

    private mutating func record(_ round: Round, at now: Date) {
        rounds.append(round)
        if round.result.isGood {
            streak += 1
            bestStreak = max(bestStreak, streak)
        } else {
            streak = 0
        }
        if let deadline, now >= deadline, rounds.count < items.count { timedOut = true }
    }
}
