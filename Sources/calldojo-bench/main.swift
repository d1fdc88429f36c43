// Benchmarks for the reply analyser and `calldojo analyze --batch`; see docs/PERFORMANCE.md.
//
//   swift run -c release calldojo-bench [--rows N] [--repeat K] [--seed S] [--tsv FILE]
//   swift run -c release calldojo-bench store --help      (the record store benchmark, StoreBench.swift)
//
// Generates a deterministic tab-separated file of realistic customer lines and trainee replies, times
// the analyser over it in this process, then times the whole command over the same file when the
// release `calldojo` program is beside this one.

import Dialogue
import Foundation
import Language

// MARK: - Options

/// A problem the benchmark reports in plain words.
struct Problem: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

struct Options {
    var rows = 10_000
    var repetitions = 5
    var seed: UInt64 = 2024
    var tsvPath: String?

    static let usage = """
    usage: calldojo-bench [--rows N] [--repeat K] [--seed S] [--tsv FILE]
           calldojo-bench store --help   (the record store benchmark)
      --rows N     rows of synthetic customer/reply pairs (default 10000)
      --repeat K   timed repetitions of each measurement (default 5)
      --seed S     seed for the generator (default 2024); the same seed gives the same file
      --tsv FILE   also keep the generated file at FILE
    """

    static func parse(_ arguments: [String]) -> Result<Options, Problem> {
        var options = Options()
        var i = 0
        func value(_ name: String) -> String? {
            i += 1
            return i < arguments.count ? arguments[i] : nil
        }
        while i < arguments.count {
            let arg = arguments[i]
            switch arg {
            case "--rows":
                guard let v = value(arg), let n = Int(v), n > 0, n <= 10_000_000 else {
                    return .failure(Problem("--rows takes a whole number from 1 to 10000000."))
                }
                options.rows = n
            case "--repeat":
                guard let v = value(arg), let n = Int(v), n > 0, n <= 1000 else {
                    return .failure(Problem("--repeat takes a whole number from 1 to 1000."))
                }
                options.repetitions = n
            case "--seed":
                guard let v = value(arg), let n = UInt64(v) else { return .failure(Problem("--seed takes a whole number.")) }
                options.seed = n
            case "--tsv":
                guard let v = value(arg) else { return .failure(Problem("--tsv takes a file path.")) }
                options.tsvPath = v
            case "-h", "--help":
                return .failure(Problem(""))
            default:
                return .failure(Problem("unknown option \(arg)."))
            }
            i += 1
        }
        return .success(options)
    }
}

// MARK: - Synthetic calls

/// Customer lines and trainee replies built from templates, with the details filled in by a seeded
/// generator, so the same seed always gives the same rows.
struct CallGenerator {
    struct Row {
        var customer: String
        var reply: String
    }

    var random: SeededRandom

    private static let products = ["broadband", "internet", "wifi", "landline", "TV box", "mobile data", "router"]
    private static let devices = ["phone", "tablet", "router", "hub", "handset", "smart watch"]
    private static let days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "the weekend"]
    private static let faults = ["down", "cutting out", "really slow", "dropping every few minutes", "not connecting"]
    private static let amounts = ["12", "24.99", "40", "58", "75", "120", "9.50", "31"]
    private static let counts = ["two", "three", "four", "five", "3", "4", "6"]
    private static let names = ["Sam", "Priya", "Alex", "Jordan", "Chris", "Morgan"]

    mutating func pick(_ items: [String]) -> String { random.pick(items) ?? "" }
    mutating func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }

    mutating func row() -> Row {
        let product = pick(Self.products), device = pick(Self.devices), day = pick(Self.days)
        let fault = pick(Self.faults), amount = pick(Self.amounts), amount2 = pick(Self.amounts)
        let count = pick(Self.counts)
        let customers: [(String, [String])] = [
            ("My \(product) has been \(fault) since \(day) and I work from home, this is ridiculous!",
             ["your \(product) has been \(fault) since \(day)", "it's been \(fault) since \(day)", "you work from home"]),
            ("I've been charged £\(amount) twice on my bill this month and nobody can tell me why.",
             ["you were charged £\(amount) twice", "there's a double charge of £\(amount) on this month's bill"]),
            ("This is the \(count == "3" ? "third" : "fourth") time I've called about my \(product). I've called \(count) times now.",
             ["you've called \(count) times about the \(product)", "this isn't the first time you've called about the \(product)"]),
            ("The engineer didn't turn up on \(day) and I took the whole day off work.",
             ["the engineer didn't come on \(day)", "you took the day off work on \(day)"]),
            ("I want to cancel. The \(product) keeps dropping out every evening and I've had enough.",
             ["the \(product) drops out every evening", "you're thinking of cancelling because of the evening drop-outs"]),
            ("Why is my bill £\(amount) this month when it's normally £\(amount2)?",
             ["your bill is £\(amount) this month instead of £\(amount2)", "it's gone up from £\(amount2) to £\(amount)"]),
            ("I ordered a new \(device) on \(day) and it still hasn't arrived.",
             ["your new \(device) ordered on \(day) hasn't arrived", "the \(device) you ordered on \(day) is still missing"]),
            ("My \(device) screen cracked and I need a replacement before \(day), I'm travelling.",
             ["you need a replacement \(device) before \(day)", "the screen on your \(device) is cracked and you're travelling"]),
        ]
        let (customer, paraphrases) = customers[Int(random.next() % UInt64(customers.count))]

        var parts: [String] = []
        if chance(70) {
            parts.append(pick([
                "I'm really sorry to hear that.", "I completely understand how frustrating that must be.",
                "Thanks for explaining that.", "Oh no, that's not good at all.", "I can see why you're upset.",
                "Sorry about that.", "That sounds really stressful, \(pick(Self.names)).",
            ]))
        }
        if chance(55) {
            let restated = paraphrases[Int(random.next() % UInt64(paraphrases.count))]
            parts.append(pick(["So \(restated)", "Just to check, \(restated)", "If I've got this right, \(restated)",
                               "Okay, so \(restated)"]) + pick([" - is that right?", ", correct?", ".", " - have I got that right?"]))
        } else if chance(30) {
            parts.append(pick(["I understand your problem.", "I see what the issue is.", "Right, I get it."]))
        }
        if chance(45) {
            parts.append(pick([
                "What happens when you try to connect?", "Can you tell me a bit more about when it started?",
                "How often does it happen?", "Have you restarted it?", "Is the light on the front green or red?",
                "When did you first notice it?", "Could you tell me what the message on the screen says?",
            ]))
        }
        if chance(65) {
            let action = pick(["I'll book an engineer", "I've raised a refund", "I'll send a replacement",
                               "I'm going to reset the line", "I'll escalate this to our network team",
                               "I've credited your account", "We'll look into it", "I will arrange a callback"])
            let when = pick(["", " for tomorrow morning", " today", " within 48 hours", " by Friday", " before 5pm",
                             " in the next 3 to 5 working days"])
            let confirm = pick(["", " and text you the reference number", " and email you a confirmation",
                                " and you'll get a letter", ""])
            parts.append(action + when + confirm + ".")
            if chance(40) {
                parts.append(pick(["I'll call you back at 4 to make sure it's working.",
                                   "Please keep the router switched on until then.",
                                   "All you need to do is check your email and click the link.",
                                   "I'll personally keep an eye on it."]))
            }
        }
        if chance(20) {
            parts.append(pick([
                "When the new router arrives the lights will flash orange for about ten minutes, that's normal.",
                "You might see a small adjustment on next month's bill, that's just the credit coming through.",
                "While I have you, you could save £10 a month on our fibre plan.",
                "Would you like me to add a mesh booster so the signal reaches upstairs?",
            ]))
        }
        if chance(15) {
            parts.append(pick([
                "Unfortunately it's our policy that we can't refund that.", "Please calm down.",
                "That's the other department's fault, not ours.", "Your DNS and DHCP lease look misconfigured.",
                "Lovely weather today, isn't it?", "I'll have to transfer you to billing.",
                "You should have read the terms and conditions.",
            ]))
        }
        if chance(25) {
            parts.append(pick(["Is there anything else I can help you with today?", "Anything else?",
                               "Is there anything else I can do for you?"]))
        }
        if parts.isEmpty { parts.append("Okay.") }
        return Row(customer: customer, reply: parts.joined(separator: " "))
    }

    /// The rows as a tab-separated file with an id column first, as `calldojo analyze --batch` reads it.
    static func tsv(_ rows: [Row]) -> String {
        var text = "id\tcustomer\treply\n"
        text.reserveCapacity(rows.count * 200)
        for (k, row) in rows.enumerated() {
            text += "r\(k + 1)\t\(row.customer)\t\(row.reply)\n"
        }
        return text
    }
}

// MARK: - Measuring

func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

func median(_ values: [Double]) -> Double {
    let s = values.sorted()
    guard !s.isEmpty else { return 0 }
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

func rate(_ rows: Int, _ time: Double) -> String {
    guard time > 0 else { return "-" }
    let perSecond = Double(rows) / time
    return String(format: "%10.0f replies/s", perSecond)
}

func report(_ title: String, rows: Int, times: [Double]) {
    guard let best = times.min() else { return }
    let mid = median(times)
    print(title)
    print("  best:   \(rate(rows, best))   (\(String(format: "%.1f", best * 1000)) ms for \(rows) rows)")
    print("  median: \(rate(rows, mid))   (\(String(format: "%.1f", mid * 1000)) ms)")
    print("  per reply (median): \(String(format: "%.1f", mid / Double(rows) * 1e6)) µs")
}

/// The processor time this thread has used, in seconds: unlike the wall clock, other work on a busy
/// machine barely changes it.
func threadCPUSeconds() -> Double {
    var t = timespec()
    guard clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t) == 0 else { return 0 }
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func reportCPU(rows: Int, _ cpu: [Double]) {
    let mid = median(cpu)
    print("  processor time used (median): \(String(format: "%.0f", mid * 1000)) ms, \(rate(rows, mid))")
}

/// Times `body` `repetitions` times after one untimed warm-up run: wall-clock and processor times.
func measure(_ repetitions: Int, _ body: () -> Int) -> (times: [Double], cpu: [Double], check: Int) {
    let clock = ContinuousClock()
    var check = body()
    var times: [Double] = []
    var cpu: [Double] = []
    for _ in 0..<repetitions {
        let before = threadCPUSeconds()
        let elapsed = clock.measure { check &+= body() }
        cpu.append(threadCPUSeconds() - before)
        times.append(seconds(elapsed))
    }
    return (times, cpu, check)
}

/// A one-line description of the processor, from /proc/cpuinfo where there is one.
func machine() -> String {
    let cores = ProcessInfo.processInfo.activeProcessorCount
    var model = "unknown CPU"
    if let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
       let line = info.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
       let colon = line.firstIndex(of: ":") {
        model = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    return "\(model), \(cores) core\(cores == 1 ? "" : "s")"
}

/// The release `calldojo` program beside this one, if it was built.
func calldojoBinary() -> URL? {
    let me = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
    let candidate = me.deletingLastPathComponent().appendingPathComponent("calldojo")
    return FileManager.default.isExecutableFile(atPath: candidate.path) ? candidate : nil
}

func taskset() -> URL? {
    for path in ["/usr/bin/taskset", "/bin/taskset"] where FileManager.default.isExecutableFile(atPath: path) {
        return URL(fileURLWithPath: path)
    }
    return nil
}

/// The processor time (user and system) used so far by finished child processes, in seconds.
func childCPUSeconds() -> Double {
    var usage = rusage()
    #if os(Linux)
    let children = RUSAGE_CHILDREN.rawValue
    #else
    let children = RUSAGE_CHILDREN
    #endif
    guard getrusage(children, &usage) == 0 else { return 0 }
    func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return s(usage.ru_utime) + s(usage.ru_stime)
}

/// One run of the command: the wall-clock time, and the processor time it used (which other work on a
/// busy machine does not inflate).
struct CommandTime {
    var wall: Double
    var cpu: Double
}

/// Runs `calldojo analyze --batch FILE --json` once, output to /dev/null; its times, or an error.
func runCommand(_ binary: URL, file: URL, pin: URL?) -> Result<CommandTime, Problem> {
    let arguments = ["analyze", "--batch", file.path, "--json"]
    let cpuBefore = childCPUSeconds()
    let run = pin.map { spawnAndWait($0.path, ["-c", "0", binary.path] + arguments) } ?? spawnAndWait(binary.path, arguments)
    let cpu = childCPUSeconds() - cpuBefore
    switch run {
    case let .failure(problem):
        return .failure(problem)
    case let .success(result) where result.status != 0:
        return .failure(Problem("calldojo analyze exited with status \(result.status)"))
    case let .success(result):
        return .success(CommandTime(wall: result.wall, cpu: cpu))
    }
}

// MARK: - Main

// `calldojo-bench store ...` is the record store benchmark (StoreBench.swift).
switch CommandLine.arguments.dropFirst().first {
case "store": exit(StoreBenchmark.main(Array(CommandLine.arguments.dropFirst(2))))
case "store-load": exit(StoreBenchmark.load(Array(CommandLine.arguments.dropFirst(2))))
default: break
}

let options: Options
switch Options.parse(Array(CommandLine.arguments.dropFirst())) {
case let .success(o):
    options = o
case let .failure(problem):
    let message = problem.message
    if !message.isEmpty { FileHandle.standardError.write(Data("calldojo-bench: \(message)\n".utf8)) }
    FileHandle.standardError.write(Data((Options.usage + "\n").utf8))
    exit(message.isEmpty ? 0 : 2)
}

#if DEBUG
print("warning: this is a debug build; figures mean little. Use: swift run -c release calldojo-bench")
#endif

var generator = CallGenerator(random: SeededRandom(seed: options.seed))
let rows = (0..<options.rows).map { _ in generator.row() }
let analyzer = ReplyAnalyzer()

print("calldojo-bench: \(options.rows) rows (seed \(options.seed)), \(options.repetitions) repetitions")
print("machine: \(machine())")
print()

// 1. Fact extraction and analysis, as `calldojo analyze` does per row.
let full = measure(options.repetitions) {
    var fired = 0
    for row in rows {
        let s = analyzer.analyze(row.reply, context: .fromCustomerLine(row.customer))
        if s.paraphrases { fired += 1 }
    }
    return fired
}
report("analyser with facts from the customer line (in process, one thread)", rows: rows.count, times: full.times)
reportCPU(rows: rows.count, full.cpu)

// 2. Analysis alone, with the contexts built beforehand.
let contexts = rows.map { ReplyContext.fromCustomerLine($0.customer) }
let bare = measure(options.repetitions) {
    var fired = 0
    for (row, context) in zip(rows, contexts) {
        if analyzer.analyze(row.reply, context: context).acknowledges { fired += 1 }
    }
    return fired
}
report("analyser alone, contexts prepared (in process, one thread)", rows: rows.count, times: bare.times)
reportCPU(rows: rows.count, bare.cpu)

// What the generated replies contain, so a change in the generator shows up here.
var counts = (ack: 0, para: 0, question: 0, steps: 0, avoid: 0)
for (row, context) in zip(rows, contexts) {
    let s = analyzer.analyze(row.reply, context: context)
    if s.acknowledges { counts.ack += 1 }
    if s.paraphrases { counts.para += 1 }
    if s.asksQuestion { counts.question += 1 }
    if s.nextSteps.action { counts.steps += 1 }
    if s.negativeLanguage || s.blame || s.calmDown || s.jargon || s.hollowCloser { counts.avoid += 1 }
}
func percent(_ n: Int) -> String { String(format: "%.0f%%", Double(n) * 100 / Double(max(1, rows.count))) }
print("distinct customer lines: \(Set(rows.map(\.customer)).count) (the command finds each line's facts once and reuses them; the first figure above finds them for every row)")
print("rows where the analyser heard: acknowledgement \(percent(counts.ack)), paraphrase \(percent(counts.para)), question \(percent(counts.question)), next-step action \(percent(counts.steps)), something to avoid \(percent(counts.avoid))")
print()

// 3. The whole command: read the file, analyse, write JSON Lines.
let tsv = CallGenerator.tsv(rows)
let file: URL
if let kept = options.tsvPath {
    file = URL(fileURLWithPath: kept)
} else {
    file = FileManager.default.temporaryDirectory.appendingPathComponent("calldojo-bench-\(ProcessInfo.processInfo.processIdentifier).tsv")
}
do {
    try tsv.write(to: file, atomically: true, encoding: .utf8)
} catch {
    print("cannot write the test file \(file.path): \(error)")
    exit(1)
}
func removeTestFile() {
    if options.tsvPath == nil { try? FileManager.default.removeItem(at: file) }
}
let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? tsv.utf8.count

if let binary = calldojoBinary() {
    let pin = taskset()
    // The same command over the header and first row only: the fixed cost of starting the program
    // (loading it, compiling the phrase lists), which a long file spreads over its rows.
    let small = file.deletingLastPathComponent().appendingPathComponent(file.lastPathComponent + ".one.tsv")
    let firstTwoLines = tsv.split(separator: "\n", maxSplits: 2).prefix(2).joined(separator: "\n") + "\n"
    try? firstTwoLines.write(to: small, atomically: true, encoding: .utf8)
    func timeCommand(_ input: URL) -> Result<[CommandTime], Problem> {
        var times: [CommandTime] = []
        for k in 0...options.repetitions {
            switch runCommand(binary, file: input, pin: pin) {
            case let .success(t): if k > 0 { times.append(t) }  // the first run warms the file cache
            case let .failure(problem): return .failure(problem)
            }
        }
        return .success(times)
    }
    let whole = timeCommand(file), startup = timeCommand(small)
    try? FileManager.default.removeItem(at: small)
    switch (whole, startup) {
    case let (.success(times), .success(fixed)):
        let pinned = pin != nil ? "pinned to CPU 0 with taskset -c 0" : "not pinned (taskset not found)"
        report("calldojo analyze --batch FILE --json > /dev/null (whole process, \(pinned); \(size / 1024) KiB file)",
               rows: rows.count, times: times.map(\.wall))
        let start = median(fixed.map(\.wall))
        print("  of which starting the program (median over a one-row file): \(String(format: "%.0f", start * 1000)) ms")
        let steady = median(times.map(\.wall)) - start
        if steady > 0 {
            print("  rows after start-up (median): \(rate(rows.count, steady))")
        }
        let cpu = median(times.map(\.cpu)), cpuStart = median(fixed.map(\.cpu))
        print("  processor time used (median): \(String(format: "%.0f", cpu * 1000)) ms, \(rate(rows.count, cpu)); start-up \(String(format: "%.0f", cpuStart * 1000)) ms")
    case let (.failure(problem), _), let (_, .failure(problem)):
        print("calldojo analyze --batch: \(problem.message)")
        removeTestFile()
        exit(1)
    }
} else {
    print("calldojo analyze --batch: skipped, no calldojo program beside this one. Build it first: swift build -c release")
}
removeTestFile()
if options.tsvPath != nil { print("\nthe generated file is kept at \(file.path)") }
print("(checks: \(full.check) \(bare.check))")
