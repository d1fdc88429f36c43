import ArgumentParser
import Content
import Dialogue
import Foundation
import Progress
import Reports

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report on trainees' calls: scores, trends, pass rates and goals, as a table, CSV, JSON or HTML.",
        discussion: """
        With no --trainee or --cohort the report covers every trainee, side by side, with the spread of \
        each skill across the group. Per trainee: calls, time on calls, each skill's latest score, \
        average and trend over the latest 10 calls, the weakest skill, the pass rate, goals and the last calls.

        Formats: table (for the terminal), csv (one row per call, for spreadsheets), json (for tools), \
        html (one self-contained page with charts, to project, print or send). docs/REPORTS.md explains \
        every column and chart.

        Examples:
          calldojo report
          calldojo report --trainee "Sam Jones"
          calldojo report --cohort "March intake" --since 2026-03-01 --format html --output march.html
          calldojo report --format csv --output calls.csv
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json, html
    }

    enum ModeFilter: String, ExpressibleByArgument, CaseIterable {
        case practice, coached, assessment
        var mode: SessionMode {
            switch self {
            case .practice: .practice
            case .coached: .coached
            case .assessment: .assessment
            }
        }
    }

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Report on one trainee.", valueName: "name"))
    var trainee: String?

    @Option(help: ArgumentHelp("Report on one cohort (see `calldojo cohort list`).", valueName: "name"))
    var cohort: String?

    @Option(help: ArgumentHelp("Only calls from this date (YYYY-MM-DD, local time) or time (ISO 8601) on.", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Only calls practised in this mode: practice, coached or assessment.", valueName: "mode"))
    var mode: ModeFilter?

    @Option(help: ArgumentHelp(
        "The overall score a call needs to pass, 0-100.",
        discussion: "Default: passMark in the store's settings.json, else \(ReportOptions.defaultPassMark).",
        valueName: "n"))
    var passMark: Int?

    @Option(help: ArgumentHelp("table, csv, json or html.", valueName: "format"))
    var format: Format = .table

    @Option(help: ArgumentHelp("Write the report to this file (replaced whole, never half-written) instead of printing it.", valueName: "file"))
    var output: String?

    func validate() throws {
        if let passMark, !(0...100).contains(passMark) {
            throw ValidationError("--pass-mark must be between 0 and 100; \(passMark) is not.")
        }
        if trainee != nil && cohort != nil {
            throw ValidationError("give --trainee or --cohort, not both.")
        }
    }

    func run() throws {
        let console = Console(noColor: global.noColor)
        let sinceDate = try since.map(ReportCommand.parseSince)
        let storeRoot = StoreLocation.resolve(explicit: global.store, environment: ProcessInfo.processInfo.environment)
        let store: RecordStore
        do {
            store = try RecordStore(root: storeRoot)
        } catch {
            throw UserFacingError(message: "\(error)")
        }
        let mark = passMark ?? ReportCommand.settingsPassMark(storeRoot) ?? ReportOptions.defaultPassMark
        let options = ReportOptions(passMark: mark, since: sinceDate, mode: mode?.mode)
        let builder = ReportBuilder(options: options, scenarioTitles: ReportCommand.scenarioTitles(global.content))

        let (title, cohortName, profiles, damaged) = try select(store)
        for file in damaged { console.error("calldojo: warning: \(file)") }
        let report = builder.build(title: title, cohort: cohortName, profiles: profiles, damagedFiles: damaged.map(\.description))

        let text: String
        switch format {
        case .table: text = TableReport.render(report, width: output == nil ? console.width : 100)
        case .csv: text = CSVReport.render(report)
        case .json: text = JSONReport.render(report)
        case .html:
            do {
                text = try HTMLReport.render(report)
            } catch {
                throw UserFacingError(message: "\(error)")
            }
        }
        guard let output else {
            console.write(text)
            return
        }
        try ReportCommand.write(text, to: output)
        console.line("Wrote \(output): \(report.trainees.count) trainee\(report.trainees.count == 1 ? "" : "s"), "
                     + "\(report.sessionCount) call\(report.sessionCount == 1 ? "" : "s").")
    }

    /// The group to report on: one trainee, one cohort, or everyone; its title, the cohort's name as
    /// saved, the profiles, and any files that could not be read.
    private func select(_ store: RecordStore) throws -> (String, String?, [TraineeProfile], [DamagedFile]) {
        if let trainee {
            let name: TraineeName
            do {
                name = try TraineeName(trainee)
            } catch {
                throw UserFacingError(message: "\(error)")
            }
            let (profile, damaged) = store.profile(for: name)
            guard let profile else {
                let known = store.allProfiles().0.map(\.name)
                throw UserFacingError(message: "there are no calls recorded for \(name.display).\(ReportCommand.hint(name.display, known))")
            }
            return (profile.name, nil, [profile], damaged)
        }
        guard let cohort else {
            let (all, damaged) = store.allProfiles()
            return ("All trainees", nil, all, damaged)
        }
        let (found, cohortDamage) = store.cohort(named: cohort)
        guard let found else {
            for file in cohortDamage { Output.write("calldojo: warning: \(file)\n", to: STDERR_FILENO) }
            let known = store.cohorts().0.map(\.name)
            let list = known.isEmpty ? " There are no cohorts yet; `calldojo cohort add NAME TRAINEE...` makes one."
                : "\(ReportCommand.hint(cohort, known)) `calldojo cohort list` shows them all."
            throw UserFacingError(message: "there is no cohort called \(cohort).\(list)")
        }
        let keys = found.traineeKeys
        var (all, damaged) = store.allProfiles()
        all = all.filter { keys.contains($0.key) }
        // Members with no calls yet still appear, with no figures.
        let missing = found.members.filter { m in !all.contains { $0.key == m.key } }
        for m in missing {
            guard let name = try? TraineeName(m.name) else { continue }
            all.append(TraineeProfile(name: name, createdAt: found.createdAt))
        }
        return (found.name, found.name, all, cohortDamage + damaged)
    }

    /// " Did you mean X?" for a name close to one of `known`, else "".
    static func hint(_ given: String, _ known: [String]) -> String {
        let lower = given.lowercased()
        guard let close = known.min(by: { editDistance($0.lowercased(), lower) < editDistance($1.lowercased(), lower) }),
              editDistance(close.lowercased(), lower) <= max(2, lower.count / 3) else { return "" }
        return " Did you mean \(close)?"
    }

    static func parseSince(_ text: String) throws -> Date {
        guard let date = ReportFormat.parseDate(text) else {
            throw UserFacingError(message: "--since \(text) is not a date; write it as YYYY-MM-DD, e.g. 2026-03-01.")
        }
        return date
    }

    /// The `passMark` in the store's settings.json, if it has one from 0 to 100.
    static func settingsPassMark(_ storeRoot: URL) -> Int? {
        struct Settings: Decodable { var passMark: Int? }
        guard let data = try? Data(contentsOf: storeRoot.appendingPathComponent("settings.json")),
              let mark = (try? JSONDecoder().decode(Settings.self, from: data))?.passMark,
              (0...100).contains(mark) else { return nil }
        return mark
    }

    /// Scenario titles by id from the installed content; empty when there is none (ids are shown instead).
    static func scenarioTitles(_ content: String?) -> [String: String] {
        guard let root = try? Workspace.contentRoot(content) else { return [:] }
        var titles: [String: String] = [:]
        for s in ContentLoader.load(contentRoot: root).scenarios { titles[s.id] = s.title }
        return titles
    }

    /// Writes the whole file or nothing: a temporary file beside it, renamed into place.
    static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? error.localizedDescription
            throw UserFacingError(message: "cannot write \(path): \(reason)")
        }
    }
}
