import Foundation
import Progress
import Testing

private func game(_ name: String, _ who: TraineeName, total points: [Int], at date: Date) -> GameRecord {
    GameRecord(trainee: who, game: name, seed: 1, startedAt: date, endedAt: date.addingTimeInterval(60), itemCount: points.count,
               rounds: points.map { GameRecord.Round(prompt: ["item"], source: "built in", answer: "a", skipped: false, points: $0, earned: [], missed: []) },
               bestStreak: 0, timeLimitSeconds: nil, outcome: "finished")
}

@Test func gamesAreSavedAndReadBackByGame() throws {
    try withStore { store in
        let sam = try trainee("Sam")
        try store.save(game: game("positive-spin", sam, total: [80, 90], at: utc(2025, 3, 1, 10)))
        try store.save(game: game("whos-calling", sam, total: [50], at: utc(2025, 3, 1, 11)))
        let (spin, damaged) = store.games(named: "positive-spin")
        #expect(damaged.isEmpty)
        #expect(spin.map(\.total) == [170])
        #expect(store.games().0.count == 2)
    }
}

@Test func theLeaderboardKeepsEachTraineesBestAndPersonalBestsLeaveOutTheGameJustPlayed() throws {
    let sam = try trainee("Sam"), ana = try trainee("Ana")
    let records = [
        game("positive-spin", sam, total: [60, 60], at: utc(2025, 3, 1, 10)),
        game("positive-spin", ana, total: [90, 80], at: utc(2025, 3, 1, 11)),
        game("positive-spin", sam, total: [90, 90], at: utc(2025, 3, 2, 10)),
        game("positive-spin", ana, total: [90, 90], at: utc(2025, 3, 3, 10)),
    ]
    let board = RecordStore.leaderboard(records)
    #expect(board.map(\.trainee) == ["Sam", "Ana"])   // both 180; Sam got there first
    #expect(board.map(\.total) == [180, 180])
    #expect(board.map(\.games) == [2, 2])
    #expect(RecordStore.personalBest(records, traineeKey: sam.key) == 180)
    #expect(RecordStore.personalBest(records, traineeKey: sam.key, excluding: records[2].id) == 120)
    #expect(RecordStore.personalBest(records, traineeKey: "nobody") == nil)
}

@Test func aDamagedGameIsSetAsideAndTheRestStillLoad() throws {
    try withStore { store in
        let sam = try trainee("Sam")
        try store.save(game: game("positive-spin", sam, total: [80], at: utc(2025, 3, 1, 10)))
        let bad = store.gamesFolder.appendingPathComponent("20250301-110000-sam-0000.json")
        try Data("{ nope".utf8).write(to: bad)
        let (games, damaged) = store.games(named: "positive-spin")
        #expect(games.count == 1)
        #expect(damaged.map(\.path) == [bad.path])
        #expect(damaged.first?.movedTo != nil)
    }
}
