// The record store benchmark; see docs/PERFORMANCE.md, "Records".
//
//   swift run -c release calldojo-bench store [--trainees N] [--sessions M] [--out DIR] [--seed S]
//
// Writes a deterministic synthetic store (profiles, call records, goals, cohorts) with the store's own
// encoder, then times loading every profile and every call record, each in a fresh process so its
// peak memory is its own, and `calldojo report --format json` over the store when the release
// `calldojo` program is beside this one.

import Dialogue
import Foundation
import Language
import Progress
import Scoring

enum StoreBenchmark {
    struct Options {
        var trainees = 2000
        var sessions = 50
        var seed: UInt64 = 2024
        var out: String?
        var repetitions = 3
        var existing = false
        var skipSessions = false

        static let usage = """
        usage: calldojo-bench store [--trainees N] [--sessions M] [--out DIR] [--seed S] [--repeat K]
          --trainees N  trainees in the synthetic store (default 2000)
          --sessions M  calls per trainee (default 50)
          --out DIR     write the store here and keep it (default: a temporary folder, removed afterwards);
                        DIR must not exist yet or be empty
          --seed S      seed for the generator (default 2024); the same seed gives the same store
          --repeat K    timed repetitions of each load (default 3)
          --existing    DIR (--out) already holds a generated store: only time it
          --profiles-only  skip loading every call record (about a minute for 100,000 calls)
        """

        static func parse(_ arguments: [String]) -> Result<Options, Problem> {
            var o = Options()
            var i = 0
            func number(_ name: String, _ range: ClosedRange<Int>) -> Result<Int, Problem> {
                i += 1
                guard i < arguments.count, let n = Int(arguments[i]), range.contains(n) else {
                    return .failure(Problem("\(name) takes a whole number from \(range.lowerBound) to \(range.upperBound)."))
                }
                return .success(n)
            }
            while i < arguments.count {
                let arg = arguments[i]
                switch arg {
                case "--trainees":
                    switch number(arg, 1...1_000_000) { case let .success(n): o.trainees = n; case let .failure(p): return .failure(p) }
                case "--sessions":
                    switch number(arg, 0...10_000) { case let .success(n): o.sessions = n; case let .failure(p): return .failure(p) }
                case "--repeat":
                    switch number(arg, 1...100) { case let .success(n): o.repetitions = n; case let .failure(p): return .failure(p) }
                case "--seed":
                    i += 1
                    guard i < arguments.count, let n = UInt64(arguments[i]) else { return .failure(Problem("--seed takes a whole number.")) }
                    o.seed = n
                case "--out":
                    i += 1
                    guard i < arguments.count else { return .failure(Problem("--out takes a folder.")) }
                    o.out = arguments[i]
                case "--existing":
                    o.existing = true
                case "--profiles-only":
                    o.skipSessions = true
                case "-h", "--help":
                    return .failure(Problem(""))
                default:
                    return .failure(Problem("unknown option \(arg)."))
                }
                i += 1
            }
            return .success(o)
        }
    }

    /// `calldojo-bench store ...`: generate, then time. Returns the exit code.
    static func main(_ arguments: [String]) -> Int32 {
        let options: Options
        switch Options.parse(arguments) {
        case let .success(o): options = o
        case let .failure(problem):
            if !problem.message.isEmpty { FileHandle.standardError.write(Data("calldojo-bench store: \(problem.message)\n".utf8)) }
            FileHandle.standardError.write(Data((Options.usage + "\n").utf8))
            return problem.message.isEmpty ? 0 : 2
        }
        #if DEBUG
        print("warning: this is a debug build; figures mean little. Use: swift run -c release calldojo-bench store")
        #endif
        let root = URL(fileURLWithPath: options.out ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("calldojo-bench-store-\(ProcessInfo.processInfo.processIdentifier)").path)
        if options.existing && options.out == nil {
            FileHandle.standardError.write(Data("calldojo-bench store: --existing needs --out DIR.\n".utf8))
            return 2
        }
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        guard existing.isEmpty || options.existing else {
            FileHandle.standardError.write(Data("calldojo-bench store: \(root.path) is not empty; give --out a new or empty folder.\n".utf8))
            return 2
        }
        defer { if options.out == nil { try? FileManager.default.removeItem(at: root) } }

        print("calldojo-bench store: \(options.trainees) trainees × \(options.sessions) calls (seed \(options.seed)), \(options.repetitions) repetitions")
        print("machine: \(machine())")
        print()

        if options.existing {
            print("timing the store already in \(root.path)")
        } else {
            let clock = ContinuousClock()
            let written: StoreGenerator.Written
            let start = clock.now
            do {
                written = try StoreGenerator(trainees: options.trainees, sessions: options.sessions, seed: options.seed).write(to: root)
            } catch {
                FileHandle.standardError.write(Data("calldojo-bench store: \(error)\n".utf8))
                return 1
            }
            let generation = seconds(clock.now - start)
            print("generated \(written.sessionFiles) call records (\(mib(written.sessionBytes))) and \(written.profileFiles) profiles "
                  + "(\(mib(written.profileBytes))), \(written.goals) goals, \(written.cohorts) cohorts in \(String(format: "%.1f", generation)) s")
            print("  store: \(root.path)")
        }
        print()

        // The report first: the peak memory of child processes (max RSS) is the largest of any so far.
        if let binary = calldojoBinary() {
            var runs: [CommandTime] = []
            var peak = 0
            for k in 0...options.repetitions {
                switch runReport(binary, root: root) {
                case let .success((time, kib)):
                    if k > 0 { runs.append(time) }
                    peak = max(peak, kib)
                case let .failure(problem):
                    print("calldojo report --format json: \(problem.message)")
                    return 1
                }
            }
            print("calldojo report --format json > /dev/null (whole process, every trainee)")
            print("  median \(String(format: "%.2f", median(runs.map(\.wall)))) s wall, \(String(format: "%.2f", median(runs.map(\.cpu)))) s processor; "
                  + "peak memory (max RSS) \(mib(peak * 1024))")
        } else {
            print("calldojo report: skipped, no calldojo program beside this one. Build it first: swift build -c release")
        }
        for what in ["profiles", "sessions"] where what == "profiles" || !options.skipSessions {
            var runs: [LoadRun] = []
            for _ in 0..<(what == "sessions" ? 1 : options.repetitions) {
                switch loadInChild(what, root: root) {
                case let .success(run): runs.append(run)
                case let .failure(problem):
                    print("loading \(what): \(problem.message)")
                    return 1
                }
            }
            let times = runs.map(\.seconds)
            let call = what == "profiles" ? "RecordStore.allProfiles()" : "RecordStore.allSessions()"
            print("\(call): \(runs.first?.records ?? 0) \(what) loaded")
            print("  median \(String(format: "%.2f", median(times))) s, best \(String(format: "%.2f", times.min() ?? 0)) s"
                  + "; peak memory (VmHWM) \(runs.map(\.peakKiB).max().map { mib(Int($0) * 1024) } ?? "-")"
                  + (what == "sessions" ? " (one run: it is the slow path)" : ""))
        }

        return 0
    }

    // MARK: - Loading in a child process

    struct LoadRun {
        var records: Int
        var seconds: Double
        var peakKiB: Int
    }

    /// `calldojo-bench store-load profiles|sessions DIR`: loads every record of that kind once and
    /// prints `records seconds peak-KiB`. Returns the exit code.
    static func load(_ arguments: [String]) -> Int32 {
        guard arguments.count == 2, ["profiles", "sessions"].contains(arguments[0]) else {
            FileHandle.standardError.write(Data("usage: calldojo-bench store-load profiles|sessions DIR\n".utf8))
            return 2
        }
        let store: RecordStore
        do {
            store = try RecordStore(root: URL(fileURLWithPath: arguments[1]))
        } catch {
            FileHandle.standardError.write(Data("calldojo-bench: \(error)\n".utf8))
            return 1
        }
        let clock = ContinuousClock()
        let start = clock.now
        let (count, damaged) = arguments[0] == "profiles"
            ? { let (p, d) = store.allProfiles(); return (p.count, d.count) }()
            : { let (s, d) = store.allSessions(); return (s.count, d.count) }()
        let elapsed = seconds(clock.now - start)
        guard damaged == 0 else {
            FileHandle.standardError.write(Data("calldojo-bench: \(damaged) files could not be read\n".utf8))
            return 1
        }
        print("\(count) \(elapsed) \(peakMemoryKiB())")
        return 0
    }

    /// The peak resident memory of this process so far, from /proc/self/status (VmHWM), in KiB.
    static func peakMemoryKiB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }

    static func loadInChild(_ what: String, root: URL) -> Result<LoadRun, Problem> {
        let me = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        let process = Process()
        process.executableURL = me
        process.arguments = ["store-load", what, root.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        do {
            try process.run()
        } catch {
            return .failure(Problem("cannot start \(me.path): \(error)"))
        }
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let parts = out.split(whereSeparator: \.isWhitespace)
        guard process.terminationStatus == 0, parts.count == 3, let n = Int(parts[0]), let t = Double(parts[1]), let kib = Int(parts[2]) else {
            return .failure(Problem("the loading process failed (status \(process.terminationStatus)): \(out)"))
        }
        return .success(LoadRun(records: n, seconds: t, peakKiB: kib))
    }

    /// Runs `calldojo report --format json --store DIR` once, output to /dev/null: its times and the
    /// peak memory (KiB) of any child so far.
    static func runReport(_ binary: URL, root: URL) -> Result<(CommandTime, Int), Problem> {
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("calldojo-bench-report-\(getpid()).err")
        defer { try? FileManager.default.removeItem(at: errors) }
        let cpuBefore = childCPUSeconds()
        let run = spawnAndWait(binary.path, ["report", "--format", "json", "--store", root.path], errorPath: errors.path)
        let cpu = childCPUSeconds() - cpuBefore
        let result: SpawnResult
        switch run {
        case let .failure(problem): return .failure(problem)
        case let .success(r): result = r
        }
        guard result.status == 0 else {
            let message = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            return .failure(Problem("exited with status \(result.status): \(message)"))
        }
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        #else
        getrusage(RUSAGE_CHILDREN, &usage)
        #endif
        return .success((CommandTime(wall: result.wall, cpu: cpu), Int(usage.ru_maxrss)))
    }

    static func mib(_ bytes: Int) -> String {
        String(format: "%.0f MiB", Double(bytes) / 1_048_576)
    }
}

// MARK: - The synthetic store

/// Writes a store of realistic records, the same for the same seed: each trainee has a profile with a
/// summary of every call, and every call its own record with a transcript of six replies, the
/// analyser's signals and evidence for each, and four skill scores with evidence. About a third of
/// the trainees have goals; trainees are grouped into cohorts of 20.
struct StoreGenerator {
    var trainees: Int
    var sessions: Int
    var seed: UInt64

    struct Written {
        var sessionFiles = 0
        var sessionBytes = 0
        var profileFiles = 0
        var profileBytes = 0
        var goals = 0
        var cohorts = 0
    }

    private static let first = ["Sam", "Priya", "Alex", "Jordan", "Chris", "Morgan", "Ana María", "Li", "Siobhán", "Tomasz",
                                "Aisha", "Kwame", "Eilidh", "Mateo", "Yusuf", "Hana", "Olu", "Freya", "Ravi", "Zofia"]
    private static let last = ["Jones", "Patel", "Nguyen", "O'Brien", "Smith", "Kowalski", "Okafor", "García", "Campbell",
                               "Khan", "Murphy", "Evans", "Rossi", "Müller", "Chen", "Hughes", "Ahmed", "Walsh", "Silva", "Brown"]
    private static let scenarios: [(id: String, title: String, persona: String, name: String)] = [
        ("broadband-down", "Broadband down since Tuesday", "dana-driver", "Dana"),
        ("billing-double-charge", "Charged twice this month", "maya", "Maya Patel"),
        ("passed-around", "Passed around four departments", "raj", "Raj"),
        ("mobile-plan-cost", "A mobile bill that keeps going up", "tom", "Tom"),
        ("late-delivery", "An order that never arrived", "helen", "Helen"),
    ]

    /// The name of trainee `n`: a first and last name, and a number where the pair repeats.
    static func name(_ n: Int) -> String {
        let pair = "\(first[n % first.count]) \(last[(n / first.count) % last.count])"
        let round = n / (first.count * last.count)
        return round == 0 ? pair : "\(pair) \(round + 1)"
    }

    func write(to root: URL) throws -> Written {
        let store = try RecordStore(root: root)
        let epoch = Date(timeIntervalSince1970: 1_735_689_600)  // 2025-01-01
        let result = Locked(Written())
        let failure = Locked<String?>(nil)
        DispatchQueue.concurrentPerform(iterations: trainees) { t in
            guard failure.current == nil else { return }
            do {
                let written = try writeTrainee(t, store: store, epoch: epoch)
                result.withValue {
                    $0.sessionFiles += written.sessionFiles
                    $0.sessionBytes += written.sessionBytes
                    $0.profileFiles += written.profileFiles
                    $0.profileBytes += written.profileBytes
                    $0.goals += written.goals
                }
            } catch {
                failure.withValue { $0 = "\(error)" }
            }
        }
        if let message = failure.current { throw Problem(message) }
        var cohortCount = 0
        for start in stride(from: 0, to: trainees, by: 20) {
            let members = try (start..<min(trainees, start + 20)).map { try TraineeName(StoreGenerator.name($0)) }
            try store.addToCohort(named: "Intake \(start / 20 + 1)", trainees: members)
            cohortCount += 1
        }
        var written = result.current
        written.cohorts = cohortCount
        return written
    }

    private func writeTrainee(_ t: Int, store: RecordStore, epoch: Date) throws -> Written {
        var random = SeededRandom(seed: seed &+ UInt64(t) &* 0x9E37_79B9_7F4A_7C15)
        let trainee = try TraineeName(StoreGenerator.name(t))
        var profile = TraineeProfile(name: trainee, createdAt: epoch.addingTimeInterval(Double(t % 60) * 86_400))
        var written = Written()
        let skill = Double(random.next() % 40) + 35  // where this trainee starts, 35...74
        for s in 0..<sessions {
            let started = profile.createdAt.addingTimeInterval(Double(s) * 86_400 * 2 + Double(random.next() % 28_800) + 32_400)
            let growth = Double(s) * 0.6
            let record = session(for: trainee, number: s, at: started, level: skill + growth, random: &random)
            let data = try RecordStore.encoded(record)
            try write(data, to: store.sessionsFolder.appendingPathComponent("\(record.id).json"))
            written.sessionFiles += 1
            written.sessionBytes += data.count
            profile.add(record.summary)
        }
        if t % 3 == 0 {
            let skills = Skill.allCases
            for g in 0..<(1 + t % 2) {
                profile.goals.append(Goal(id: "g\(g + 1)", skill: skills[(t + g) % skills.count], target: 70 + (t % 4) * 5,
                                          by: epoch.addingTimeInterval(86_400 * 180), note: g == 0 ? "agreed at the monthly review" : nil,
                                          createdAt: profile.createdAt))
                written.goals += 1
            }
        }
        let data = try RecordStore.encoded(profile)
        try write(data, to: store.traineesFolder.appendingPathComponent("\(trainee.key).json"))
        written.profileFiles += 1
        written.profileBytes += data.count
        return written
    }

    private func write(_ data: Data, to url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw Problem("cannot write \(url.path)")
        }
    }

    private func session(for trainee: TraineeName, number: Int, at started: Date, level: Double,
                         random: inout SeededRandom) -> SessionRecord {
        let pick = StoreGenerator.scenarios[Int(random.next() % UInt64(StoreGenerator.scenarios.count))]
        let scenario = Scenario(id: pick.id, title: pick.title, summary: pick.title, difficulty: .intermediate,
                                skills: Skill.allCases, persona: pick.persona, issues: [Issue(id: "main", summary: pick.title)],
                                facts: [], start: "open", nodes: [], endings: [])
        let persona = Persona(id: pick.persona, name: pick.name, style: .driver, temper: .irritated, patience: 3,
                              knowledge: .medium, tier: .B)
        let seed = random.next() % 1_000_000
        var state = CallState(scenario: scenario.id, persona: persona.id, seed: seed, node: "open", mood: -1, patience: 3,
                              raisedIssues: ["main"])
        var transcript = [TranscriptEntry(speaker: .customer, text: "It's been three days now and I've called twice already.", node: "open", turn: 0)]
        var mood = -1
        var moodPath = [mood]
        for turn in 1...6 {
            var signals = Signals()
            signals.acknowledges = random.next() % 100 < 70
            signals.paraphrasedFacts = random.next() % 2 == 0 ? ["since_tuesday", "works_from_home"] : []
            signals.checksUnderstanding = !signals.paraphrasedFacts.isEmpty
            signals.asksQuestion = random.next() % 100 < 40
            signals.nextSteps = NextSteps(action: random.next() % 100 < 60, timescale: random.next() % 2 == 0)
            signals.evidence = [Evidence(signal: .acknowledges, words: "I'm really sorry about that"),
                                Evidence(signal: .paraphrases, words: "since Tuesday, and you work from home", ref: "since_tuesday")]
            mood = max(-5, min(5, mood + Int(random.next() % 3) - 1))
            moodPath.append(mood)
            transcript.append(TranscriptEntry(
                speaker: .agent,
                text: "I'm really sorry about that. So it's been down since Tuesday and you work from home - have I got that right? I'll book an engineer for Friday and text you the reference.",
                node: "open", turn: turn, signals: signals, moodAfter: mood))
            transcript.append(TranscriptEntry(speaker: .customer, text: "Yes, that's right. Friday works if they come in the morning.",
                                              node: "open", turn: turn))
        }
        state.transcript = transcript
        state.turn = 6
        state.mood = mood
        state.moodPath = moodPath
        state.resolvedIssues = random.next() % 100 < 70 ? ["main"] : []
        state.ending = EndingRecord(id: "fixed", kind: state.resolvedIssues.isEmpty ? .callback : .resolved, note: "Engineer booked.")
        let scores = Skill.allCases.map { skill -> SkillScore in
            let value = max(0, min(100, Int(level) + Int(random.next() % 31) - 15))
            return SkillScore(skill: skill, score: value, evidence: [
                ScoreEvidence(turn: 1, words: "I'm really sorry about that", effect: .earned, reason: "You recognised how the customer felt.", points: 10),
                ScoreEvidence(turn: 2, words: "since Tuesday", effect: .earned, reason: "You gave back a key fact in your own words.", points: 15),
                ScoreEvidence(turn: 4, words: "anything else?", effect: .lost, reason: "The hollow closer earns nothing.", points: -5),
            ], tip: "Say when it will happen and how they will hear.")
        }
        let overall = scores.map(\.score).reduce(0, +) / scores.count
        let score = CallScore(skills: scores, overall: overall, ending: state.ending, issuesRaised: ["main"],
                              issuesResolved: state.resolvedIssues, modelReplies: [])
        let id = SessionRecord.makeID(trainee: trainee, at: started, random: UInt16(number % 65_536))
        return SessionRecord(id: id, trainee: trainee, scenario: scenario, persona: persona, mode: number % 4 == 0 ? .coached : .practice,
                             seed: seed, startedAt: started, endedAt: started.addingTimeInterval(Double(240 + random.next() % 480)),
                             state: state, score: score)
    }
}

/// A value shared between threads, guarded by a lock.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func withValue<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
    var current: Value { withValue { $0 } }
}

extension Problem: CustomStringConvertible {
    var description: String { message }
}
