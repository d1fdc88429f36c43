import Foundation

/// One game played, as saved in `games/ID.json`. Personal bests and leaderboards are worked out from
/// these records, so there is no separate tally to fall out of step.
public struct GameRecord: Codable, Sendable, Equatable, VersionedRecord {
    public static let currentSchemaVersion = 1

    public struct Round: Codable, Sendable, Equatable {
        /// What the player was shown.
        public var prompt: [String]
        /// Where the item came from ("scenario broadband-down", "built in").
        public var source: String
        /// What the player typed (empty when skipped).
        public var answer: String
        public var skipped: Bool
        /// 0-100.
        public var points: Int
        public var earned: [String]
        public var missed: [String]

        public init(prompt: [String], source: String, answer: String, skipped: Bool, points: Int, earned: [String], missed: [String]) {
            self.prompt = prompt
            self.source = source
            self.answer = answer
            self.skipped = skipped
            self.points = points
            self.earned = earned
            self.missed = missed
        }
    }

    public var schemaVersion: Int
    /// `YYYYMMDD-HHMMSS-KEY-XXXX`, like a call's id.
    public var id: String
    public var trainee: String
    public var traineeKey: String
    /// The game's name (`paraphrase-sprint`...).
    public var game: String
    public var seed: UInt64
    public var startedAt: Date
    public var endedAt: Date
    /// The number of items drawn for the game.
    public var itemCount: Int
    public var rounds: [Round]
    /// The sum of the rounds' points.
    public var total: Int
    public var bestStreak: Int
    /// The time limit in seconds, if there was one.
    public var timeLimitSeconds: Int?
    /// How the game ended: `finished` (every item answered), `time_up` or `stopped` (quit or end of input).
    public var outcome: String

    public init(trainee: TraineeName, game: String, seed: UInt64, startedAt: Date, endedAt: Date, itemCount: Int,
                rounds: [Round], bestStreak: Int, timeLimitSeconds: Int?, outcome: String) {
        schemaVersion = GameRecord.currentSchemaVersion
        id = SessionRecord.makeID(trainee: trainee, at: startedAt)
        self.trainee = trainee.display
        traineeKey = trainee.key
        self.game = game
        self.seed = seed
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.itemCount = itemCount
        self.rounds = rounds
        total = rounds.reduce(0) { $0 + $1.points }
        self.bestStreak = bestStreak
        self.timeLimitSeconds = timeLimitSeconds
        self.outcome = outcome
    }
}

/// A line of a game's leaderboard: a trainee's best total.
public struct LeaderboardEntry: Sendable, Equatable {
    public var trainee: String
    public var traineeKey: String
    public var total: Int
    public var itemCount: Int
    public var playedAt: Date
    public var games: Int
}

extension RecordStore {
    public var gamesFolder: URL { root.appendingPathComponent("games") }

    /// Saves a game played. Each game is its own file, so players at several terminals never clash.
    public func save(game: GameRecord) throws(StoreError) {
        try RecordStore.makeFolder(gamesFolder)
        try writeAtomically(try encode(game, what: "the game record"), to: gamesFolder.appendingPathComponent("\(game.id).json"))
    }

    /// Every game played (optionally only one game's), oldest first, and any files that could not be read.
    public func games(named game: String? = nil) -> ([GameRecord], [DamagedFile]) {
        guard fm.fileExists(atPath: gamesFolder.path) else { return ([], []) }
        let (records, damaged) = readAll(GameRecord.self, jsonFiles(in: gamesFolder))
        let chosen = game.map { name in records.filter { $0.game == name } } ?? records
        return (chosen.sorted { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }, damaged)
    }

    /// Each trainee's best total in `game`, best first (ties: who got there first).
    public static func leaderboard(_ records: [GameRecord]) -> [LeaderboardEntry] {
        var best: [String: LeaderboardEntry] = [:]
        for r in records {
            let played = (best[r.traineeKey]?.games ?? 0) + 1
            if let current = best[r.traineeKey], current.total >= r.total {
                best[r.traineeKey]?.games = played
                continue
            }
            best[r.traineeKey] = LeaderboardEntry(trainee: r.trainee, traineeKey: r.traineeKey, total: r.total, itemCount: r.itemCount, playedAt: r.startedAt, games: played)
        }
        return best.values.sorted { ($1.total, $0.playedAt) < ($0.total, $1.playedAt) }
    }

    /// A trainee's best total in `game` before `excluding` (the game just played), if they have played it.
    public static func personalBest(_ records: [GameRecord], traineeKey: String, excluding id: String? = nil) -> Int? {
        records.filter { $0.traineeKey == traineeKey && $0.id != id }.map(\.total).max()
    }
}
