import ArgumentParser
import Foundation
import Games
import LineEditor
import Progress

struct GameCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "game",
        abstract: "Play a short game that drills one skill.",
        discussion: """
        Games: paraphrase-sprint, spot-the-opening, whos-calling, next-step-builder, positive-spin \
        (`calldojo game list` says what each trains). Each round shows an item; type one line; you \
        see your points out of 100, what earned them, and a model answer. Answers of 70 or more in a \
        row make a streak. At the end: your total, your personal best and the game's leaderboard. \
        Every game is saved to your record.

        During a game: /skip skips an item, /quit ends the game (what you played is saved), /help.
        When input is not a terminal, answers are read one per line.

        Examples:
          calldojo game list
          calldojo game paraphrase-sprint --trainee "Sam Jones"
          calldojo game positive-spin --rounds 8 --time 300
          calldojo game spot-the-opening --leaderboard
        """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("`list`, or the game to play.", valueName: "game"))
    var name: String

    @Option(help: ArgumentHelp("Your name, for your record. Default: the last name used.", valueName: "name"))
    var trainee: String?

    @Option(help: ArgumentHelp("How many items (1-50).", valueName: "n"))
    var rounds: Int = 5

    @Option(help: ArgumentHelp("A time limit for the whole game, in seconds; the answer being typed when it runs out still counts.", valueName: "seconds"))
    var time: Int?

    @Option(help: ArgumentHelp("Fix the draw of items, to play the same game again.", valueName: "n"))
    var seed: UInt64?

    @Flag(help: "Show the game's leaderboard and your personal best, without playing.")
    var leaderboard = false

    func validate() throws {
        guard (1...50).contains(rounds) else { throw ValidationError("--rounds must be between 1 and 50.") }
        if let time, time < 1 { throw ValidationError("--time must be at least 1 second.") }
    }

    func run() throws {
        let workspace = try Workspace.open(global)
        let console = workspace.console
        if name == "list" {
            for kind in GameKind.allCases {
                console.line(console.paint(kind.rawValue, .bold) + "  " + kind.title)
                console.say(kind.summary, first: "    ", rest: "    ")
            }
            return
        }
        guard let kind = GameKind(rawValue: name) else {
            let names = GameKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw UserFacingError(message: "there is no game called \"\(name)\". The games: \(names) (see `calldojo game list`).")
        }
        let store = try workspace.openStore()
        let player = try Practice.traineeName(trainee, store: store)
        if leaderboard {
            showLeaderboard(kind, store: store, player: player, console: console)
            return
        }
        try play(kind, workspace: workspace, store: store, player: player)
    }

    private func play(_ kind: GameKind, workspace: Workspace, store: RecordStore, player: TraineeName) throws {
        let console = workspace.console
        let bank = ItemBank(scenarios: workspace.library.scenarios, personas: workspace.library.personas)
        let seed = seed ?? UInt64.random(in: 0...UInt64(UInt32.max))
        let items = bank.draw(kind, rounds: rounds, seed: seed)
        guard !items.isEmpty else {
            throw UserFacingError(message: "the installed content has nothing for \(kind.title) to draw from.")
        }
        let editor = LineEditor(historyFile: nil, completions: { word in ["/skip", "/quit", "/help"].filter { $0.hasPrefix(word) } })
        store.lastTrainee = player.display
        var game = GameSession(kind: kind, items: items, seed: seed, startedAt: Date(), timeLimit: time.map(TimeInterval.init))

        console.line(console.paint("\(kind.title): \(items.count) \(items.count == 1 ? "item" : "items")", .bold)
            + (time.map { ", \($0) seconds" } ?? ""))
        console.say(kind.instruction, .dim)
        reading: while let item = game.current {
            console.line()
            console.line(console.paint("\(game.rounds.count + 1) of \(items.count)", .bold)
                         + (game.secondsLeft(at: Date()).map { "  (\($0) s left)" } ?? ""))
            for line in item.prompt { console.say(line, first: "  ", rest: "    ") }
            while true {
                let prompt = editor.isInteractive ? console.promptPaint("> ", .bold) : ""
                switch editor.readLine(prompt: prompt) {
                case .endOfInput, .interrupted:
                    game.stop()
                    break reading
                case let .line(raw):
                    let text = raw.trimmingCharacters(in: .whitespaces)
                    switch text.lowercased() {
                    case "/quit":
                        game.stop()
                        break reading
                    case "/skip":
                        game.skip(at: Date())
                        console.say("Skipped. A model answer: \(item.model)", .dim, first: "  ", rest: "  ")
                        continue reading
                    case "/help":
                        console.say("Type your answer on one line. /skip skips this item, /quit ends the game (it is saved).", .dim)
                        continue
                    case "":
                        if editor.isInteractive { console.say("Type an answer, or /skip.", .dim) }
                        continue
                    default:
                        if text.hasPrefix("/") && !text.contains(" ") {
                            console.say("\(text) is not a game command: /skip, /quit or /help.", .yellow)
                            continue
                        }
                        editor.addHistory(text)
                        if let result = game.answer(text, at: Date()) { show(result, item: item, streak: game.streak, console: console) }
                        continue reading
                    }
                }
            }
        }
        try finish(game, store: store, player: player, console: console)
    }

    private func show(_ result: RoundResult, item: GameItem, streak: Int, console: Console) {
        let tone: Console.Color = result.points >= 70 ? .green : result.points >= 40 ? .yellow : .red
        console.line("  " + console.paint("\(result.points) points", tone) + (streak >= 2 ? "  (streak \(streak))" : ""))
        for e in result.earned { console.say("+ \(e)", .green, first: "  ", rest: "    ") }
        for m in result.missed { console.say("- \(m)", .red, first: "  ", rest: "    ") }
        console.say("A model answer: \(item.model)", .dim, first: "  ", rest: "    ")
    }

    private func finish(_ game: GameSession, store: RecordStore, player: TraineeName, console: Console) throws {
        let outcome = game.timedOut ? "time_up" : game.stopped ? "stopped" : "finished"
        let record = GameRecord(
            trainee: player, game: game.kind.rawValue, seed: game.seed, startedAt: game.startedAt, endedAt: Date(),
            itemCount: game.items.count,
            rounds: game.rounds.map {
                GameRecord.Round(prompt: $0.item.prompt, source: $0.item.source, answer: $0.answer, skipped: $0.skipped,
                                 points: $0.result.points, earned: $0.result.earned, missed: $0.result.missed)
            },
            bestStreak: game.bestStreak, timeLimitSeconds: time, outcome: outcome)
        let (earlier, damaged) = store.games(named: game.kind.rawValue)
        for file in damaged { console.error("calldojo: warning: \(file)") }
        let best = RecordStore.personalBest(earlier, traineeKey: player.key)
        console.line()
        if game.timedOut { console.say("Time is up.", .yellow) }
        console.line(console.paint("\(game.kind.title): \(record.total) of \(100 * game.items.count)", .bold)
                     + " (\(game.rounds.count) of \(game.items.count) items played; best streak \(game.bestStreak))")
        if let best {
            if record.total > best {
                console.say("A new personal best! Your best before was \(best).", .green)
            } else {
                console.say("Your personal best: \(best).")
            }
        } else if !game.rounds.isEmpty {
            console.say("Your first \(game.kind.title) game: this is your personal best to beat.")
        }
        guard !game.rounds.isEmpty else {
            console.say("Nothing was answered, so nothing was saved.", .dim)
            return
        }
        do {
            try store.save(game: record)
        } catch {
            throw UserFacingError(message: "the game could not be saved: \(error)")
        }
        showTable(RecordStore.leaderboard(earlier + [record]), player: player, console: console)
        console.say("Saved to \(player.display)'s record as \(record.id).", .dim)
    }

    private func showLeaderboard(_ kind: GameKind, store: RecordStore, player: TraineeName, console: Console) {
        let (records, damaged) = store.games(named: kind.rawValue)
        for file in damaged { console.error("calldojo: warning: \(file)") }
        console.line(console.paint("\(kind.title): leaderboard", .bold))
        guard !records.isEmpty else {
            console.say("Nobody has played it yet. Start with: calldojo game \(kind.rawValue)")
            return
        }
        showTable(RecordStore.leaderboard(records), player: player, console: console, top: 10)
        if let best = RecordStore.personalBest(records, traineeKey: player.key) {
            console.say("\(player.display)'s personal best: \(best).")
        }
    }

    private func showTable(_ board: [LeaderboardEntry], player: TraineeName, console: Console, top: Int = 5) {
        console.line()
        console.line(console.paint("Leaderboard", .bold))
        for (i, entry) in board.prefix(top).enumerated() {
            let me = entry.traineeKey == player.key ? "  <- you" : ""
            console.line("  \(i + 1). \(entry.trainee.padded(to: 20)) \(String(entry.total).leftPad(5)) of \(100 * entry.itemCount)\(me)")
        }
    }
}

private extension String {
    func leftPad(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
