import ArgumentParser
import Content
import Foundation
import Progress
import XAPI

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export call records for other systems.",
        subcommands: [ExportXAPI.self]
    )
}

struct ExportXAPI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xapi",
        abstract: "Export calls as xAPI 1.0.3 statements, to a file or to a Learning Record Store.",
        discussion: """
        Each call becomes: one `responded` statement per reply, then `completed` and `passed` or \
        `failed` against the pass mark (an unfinished call gives `terminated`). The scenario is an \
        activity of type simulation; the trainee is an account on the home page; every call has its \
        own registration. Statement ids come from the session id, so exporting twice gives the same \
        statements and an LRS stores each once.

        Without --lrs the statements are printed as a JSON array (or written to --output). With \
        --lrs they are posted in batches with HTTP Basic auth; the ids the LRS confirms are kept in \
        the store (xapi-sent.json) and skipped next time (--resend sends them again). The exit code \
        is 1 if any statement was rejected or not sent.

        Environment: CALLDOJO_XAPI_HOMEPAGE, CALLDOJO_LRS_URL, CALLDOJO_LRS_USER, CALLDOJO_LRS_PASSWORD.

        Examples:
          calldojo export xapi --trainee "Sam Jones" --output sam.json
          calldojo export xapi --since 2025-01-01 --lrs https://lrs.example.org/xAPI --user calldojo --password secret
        """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Only this trainee's calls. Default: every trainee.", valueName: "name"))
    var trainee: String?

    @Option(help: ArgumentHelp("Only calls started on or after this date (YYYY-MM-DD, UTC) or time (ISO 8601).", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Write the statements to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .customLong("home-page"), help: ArgumentHelp(
        "Your organisation's site: trainee accounts and activity ids live under it.",
        discussion: "Default: $CALLDOJO_XAPI_HOMEPAGE, else \(StatementBuilder.defaultHomePage).",
        valueName: "url"))
    var homePage: String?

    @Option(name: .customLong("pass-mark"), help: ArgumentHelp("The overall score (0-100) a call needs to pass.", valueName: "n"))
    var passMark: Int = StatementBuilder.defaultPassMark

    @Option(help: ArgumentHelp("Send to this LRS xAPI endpoint (the URL before /statements). Default: $CALLDOJO_LRS_URL.", valueName: "url"))
    var lrs: String?

    @Option(help: ArgumentHelp("The LRS user name (Basic auth). Default: $CALLDOJO_LRS_USER.", valueName: "user"))
    var user: String?

    @Option(help: ArgumentHelp("The LRS password (Basic auth). Default: $CALLDOJO_LRS_PASSWORD.", valueName: "password"))
    var password: String?

    @Option(name: .customLong("batch-size"), help: ArgumentHelp("Statements per request to the LRS.", valueName: "n"))
    var batchSize: Int = 50

    @Flag(help: "Send every statement again, even those the LRS has already confirmed.")
    var resend = false

    func validate() throws {
        guard (0...100).contains(passMark) else { throw ValidationError("--pass-mark must be between 0 and 100.") }
        guard batchSize >= 1 else { throw ValidationError("--batch-size must be at least 1.") }
    }

    func run() throws {
        let env = ProcessInfo.processInfo.environment
        let console = Console(noColor: global.noColor)
        let page = try ExportXAPI.homePage(homePage ?? env["CALLDOJO_XAPI_HOMEPAGE"].flatMap { $0.isEmpty ? nil : $0 })
        let sinceDate = try since.map(ExportXAPI.parseDate)
        let lrsURL = try (lrs ?? env["CALLDOJO_LRS_URL"].flatMap { $0.isEmpty ? nil : $0 }).map(ExportXAPI.lrsURL)
        let lrsUser = user ?? env["CALLDOJO_LRS_USER"].flatMap { $0.isEmpty ? nil : $0 }
        let lrsPassword = password ?? env["CALLDOJO_LRS_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        if lrsUser != nil && lrsPassword == nil {
            throw UserFacingError(message: "give the LRS password with --password or CALLDOJO_LRS_PASSWORD.")
        }

        let storeRoot = StoreLocation.resolve(explicit: global.store, environment: env)
        let store: RecordStore
        do {
            store = try RecordStore(root: storeRoot)
        } catch {
            throw UserFacingError(message: "\(error)")
        }
        let (records, damaged) = try selectRecords(store, since: sinceDate)
        for d in damaged { console.error("calldojo: skipped a damaged record: \(d)") }

        let builder = StatementBuilder(homePage: page, passMark: passMark, summaries: scenarioSummaries())
        let statements = builder.statements(for: records)

        if lrsURL == nil || output != nil {
            try write(statements)
        }
        guard let lrsURL else { return }
        try send(statements, calls: records.count, to: LRSConfiguration(endpoint: lrsURL, user: lrsUser, password: lrsPassword, batchSize: batchSize),
                 ledger: SentLedger(storeRoot: storeRoot), console: console)
    }

    private func selectRecords(_ store: RecordStore, since: Date?) throws -> ([SessionRecord], [DamagedFile]) {
        var (records, damaged): ([SessionRecord], [DamagedFile])
        if let trainee {
            let name: TraineeName
            do {
                name = try TraineeName(trainee)
            } catch {
                throw UserFacingError(message: "\(error)")
            }
            (records, damaged) = store.sessions(for: name)
        } else {
            (records, damaged) = store.allSessions()
        }
        if let since { records = records.filter { $0.startedAt >= since } }
        return (records, damaged)
    }

    /// Scenario summaries from the content, when it can be found; the export works without them.
    private func scenarioSummaries() -> [String: String] {
        guard let root = try? Workspace.contentRoot(global.content) else { return [:] }
        var out: [String: String] = [:]
        for s in ContentLoader.load(contentRoot: root).scenarios { out[s.id] = s.summary }
        return out
    }

    private func write(_ statements: [XAPIStatement]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data: Data
        do {
            data = try encoder.encode(statements) + Data("\n".utf8)
        } catch {
            throw UserFacingError(message: "the statements could not be written as JSON: \(error)")
        }
        guard let output else {
            Output.write(String(decoding: data, as: UTF8.self), to: STDOUT_FILENO)
            return
        }
        do {
            try data.write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw UserFacingError(message: "cannot write \(output): \(error.localizedDescription)")
        }
    }

    private func send(_ statements: [XAPIStatement], calls: Int, to configuration: LRSConfiguration, ledger: SentLedger, console: Console) throws {
        let endpoint = configuration.endpointKey
        var pending = statements
        var skipped = 0
        if !resend {
            let (done, problem) = ledger.confirmed(endpoint: endpoint)
            if let problem { console.error("calldojo: \(problem)") }
            pending = statements.filter { !done.contains($0.id) }
            skipped = statements.count - pending.count
        }
        console.line("Sending \(pending.count) of \(statements.count) statements from \(calls) call\(calls == 1 ? "" : "s") to \(configuration.statementsURL.absoluteString)"
                     + (skipped > 0 ? " (\(skipped) already confirmed by this LRS; --resend sends them again)." : "."))
        var ledgerProblem: (any Error)?
        let sender = LRSSender(configuration: configuration)
        let report = sender.send(pending, progress: { batch in
            console.line("  request \(batch.number): \(batch.summary)")
            for r in batch.rejected { console.line("    rejected \(r.id): \(r.message)") }
        }, confirmed: { ids in
            do {
                try ledger.record(ids, endpoint: endpoint)
            } catch {
                ledgerProblem = error
            }
        })
        if let ledgerProblem { console.error("calldojo: \(ledgerProblem)") }
        console.line("Stored \(report.stored.count), already held \(report.alreadyStored.count), rejected \(report.rejected.count), not sent \(report.unsent.count)"
                     + (skipped > 0 ? ", skipped \(skipped)." : "."))
        if !report.succeeded {
            var parts: [String] = []
            if !report.rejected.isEmpty { parts.append("\(report.rejected.count) rejected by the LRS") }
            if !report.unsent.isEmpty { parts.append("\(report.unsent.count) not sent (\(report.unsent.first?.reason ?? "unknown reason"))") }
            throw UserFacingError(message: "not every statement reached the LRS: \(parts.joined(separator: ", ")). Run the export again to retry; statements already confirmed are skipped.")
        }
    }

    static func homePage(_ text: String?) throws -> String {
        guard let text else { return StatementBuilder.defaultHomePage }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http", url.host != nil else {
            throw UserFacingError(message: "the home page must be a web address such as https://training.example.org; got \(text).")
        }
        return text
    }

    static func lrsURL(_ text: String) throws -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http", url.host != nil else {
            throw UserFacingError(message: "the LRS address must be an http or https URL such as https://lrs.example.org/xAPI; got \(text).")
        }
        return url
    }

    /// `YYYY-MM-DD` (midnight UTC) or an ISO 8601 time.
    static func parseDate(_ text: String) throws -> Date {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
           parts[0].count == 4, (1...12).contains(m), (1...31).contains(d) {
            var utc = Calendar(identifier: .gregorian)
            utc.timeZone = TimeZone(identifier: "UTC") ?? utc.timeZone
            if let date = utc.date(from: DateComponents(year: y, month: m, day: d)),
               utc.component(.day, from: date) == d {
                return date
            }
        }
        let f = ISO8601DateFormatter()
        if let date = f.date(from: text) { return date }
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = f.date(from: text) { return date }
        throw UserFacingError(message: "--since takes a date as YYYY-MM-DD (for example 2025-03-01) or a time such as 2025-03-01T09:00:00Z; got \(text).")
    }
}
