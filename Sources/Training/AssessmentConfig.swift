import Dialogue
import Foundation

/// One optional limit in the trainer's config: not given here (the level above decides), turned off
/// with `null`, or set.
public enum AssessmentLimit: Sendable, Equatable {
    case notGiven
    case off
    case set(Int)

    /// This limit, else `fallback` when it is not given here.
    func or(_ fallback: AssessmentLimit) -> AssessmentLimit {
        self == .notGiven ? fallback : self
    }

    var value: Int? {
        if case let .set(n) = self { return n }
        return nil
    }
}

/// The settings at one level of the config file: the whole file, or one scenario's override.
public struct AssessmentSettings: Sendable, Equatable {
    /// The overall score an assessment needs, 0-100; nil when not given here.
    public var passMark: Int?
    /// The time allowed for the call, in seconds.
    public var timeLimitSeconds: AssessmentLimit
    /// How many assessments of a scenario each trainee may take.
    public var maxAttempts: AssessmentLimit

    public init(passMark: Int? = nil, timeLimitSeconds: AssessmentLimit = .notGiven, maxAttempts: AssessmentLimit = .notGiven) {
        self.passMark = passMark
        self.timeLimitSeconds = timeLimitSeconds
        self.maxAttempts = maxAttempts
    }
}

/// The trainer's assessment settings, from `assessment.json` in the store folder: the pass mark, an
/// optional time limit and an optional cap on attempts, for every scenario or per scenario.
///
/// ```json
/// {
///   "passMark": 75,
///   "timeLimitMinutes": 8,
///   "maxAttempts": 3,
///   "scenarios": {
///     "abusive-caller": { "passMark": 65, "timeLimitMinutes": 12 },
///     "broadband-down": { "maxAttempts": null }
///   }
/// }
/// ```
///
/// Every setting is optional. A missing file means the defaults: the store's pass mark, no time
/// limit and no cap. `null` turns a limit off for one scenario. docs/REFRESH.md describes the file and
/// schemas/records/assessment-config.schema.json is its JSON Schema.
public struct AssessmentConfig: Sendable, Equatable {
    /// The file's name in the store folder.
    public static let fileName = "assessment.json"
    /// The newest version of the file this version of CallDojo reads.
    public static let currentSchemaVersion = 1

    /// Settings for every scenario.
    public var defaults: AssessmentSettings
    /// Settings for particular scenarios, by scenario id; they win over ``defaults``.
    public var scenarios: [String: AssessmentSettings]
    /// Where each scenario override is in the file, for warnings about ids that match no scenario.
    public var scenarioPositions: [String: SourcePosition]

    public init(defaults: AssessmentSettings = AssessmentSettings(), scenarios: [String: AssessmentSettings] = [:],
                scenarioPositions: [String: SourcePosition] = [:]) {
        self.defaults = defaults
        self.scenarios = scenarios
        self.scenarioPositions = scenarioPositions
    }

    /// The rules for one scenario: its override, else the file's settings, else the defaults (the
    /// store's pass mark, no time limit, no cap).
    public func rules(for scenario: String, defaultPassMark: Int) -> AssessmentRules {
        let own = scenarios[scenario] ?? AssessmentSettings()
        return AssessmentRules(
            passMark: own.passMark ?? defaults.passMark ?? defaultPassMark,
            timeLimitSeconds: own.timeLimitSeconds.or(defaults.timeLimitSeconds).value,
            maxAttempts: own.maxAttempts.or(defaults.maxAttempts).value)
    }

    /// Warnings for scenario overrides whose id matches none of `known`: they would never be used.
    public func unknownScenarios(known: Set<String>) -> [AssessmentConfigDiagnostic] {
        scenarios.keys.filter { !known.contains($0) }.sorted().map { id in
            let p = scenarioPositions[id] ?? SourcePosition(line: 1, column: 1)
            let close = known.min { Self.editDistance($0, id) < Self.editDistance($1, id) }
            let hint = close.flatMap { Self.editDistance($0, id) <= 3 ? " Did you mean \($0)?" : nil } ?? ""
            return AssessmentConfigDiagnostic(p, "there is no scenario called \(id), so these settings are never used.\(hint)", severity: .warning)
        }
    }

    // MARK: - Reading

    static let topKeys = ["$schema", "schemaVersion", "note", "passMark", "timeLimitSeconds", "timeLimitMinutes", "maxAttempts", "scenarios"]
    static let scenarioKeys = ["note", "passMark", "timeLimitSeconds", "timeLimitMinutes", "maxAttempts"]

    /// Reads the file's text. Every problem is reported with its line and column; the first syntax
    /// error stops the reading.
    public static func parse(_ data: Data, file: String) throws(AssessmentConfigError) -> AssessmentConfig {
        let root: AssessmentJSON
        switch AssessmentJSONParser.parse(Array(data)) {
        case let .success(value): root = value
        case let .failure(d): throw AssessmentConfigError(file: file, diagnostics: [d])
        }
        var problems: [AssessmentConfigDiagnostic] = []
        guard case let .object(members) = root.value else {
            throw AssessmentConfigError(file: file, diagnostics: [AssessmentConfigDiagnostic(root.position,
                "the file should hold one JSON object, { ... }, with settings such as \"passMark\"; it holds \(root.kind)")])
        }
        let top = checkedMembers(members, allowed: topKeys, where: "at the top of the file", problems: &problems)
        if let v = top["schemaVersion"] {
            if let n = integer(v, "schemaVersion", in: 1...Int.max, problems: &problems), n > currentSchemaVersion {
                problems.append(AssessmentConfigDiagnostic(v.position,
                    "this file is for a newer version of CallDojo (schemaVersion \(n); this version reads up to \(currentSchemaVersion)). Update CallDojo, or write the file for version \(currentSchemaVersion)."))
            }
        }
        for key in ["$schema", "note"] {
            if let v = top[key], v.kind != "text" {
                problems.append(AssessmentConfigDiagnostic(v.position, "\"\(key)\" holds text in double quotes; found \(v.kind)"))
            }
        }
        let defaults = settings(top, problems: &problems)
        var scenarios: [String: AssessmentSettings] = [:]
        var positions: [String: SourcePosition] = [:]
        if let v = top["scenarios"] {
            if case let .object(entries) = v.value {
                var seen: [String: SourcePosition] = [:]
                for entry in entries {
                    let id = entry.key
                    if id.trimmingCharacters(in: .whitespaces).isEmpty {
                        problems.append(AssessmentConfigDiagnostic(entry.keyPosition, "a scenario override needs the scenario's id, such as \"broadband-down\""))
                        continue
                    }
                    if let first = seen[id] {
                        problems.append(AssessmentConfigDiagnostic(entry.keyPosition, "\"\(id)\" is given twice in \"scenarios\" (first at line \(first.line)); keep one"))
                        continue
                    }
                    seen[id] = entry.keyPosition
                    guard case let .object(fields) = entry.value.value else {
                        problems.append(AssessmentConfigDiagnostic(entry.value.position,
                            "the settings for \"\(id)\" go in { ... }, such as { \"passMark\": 80 }; found \(entry.value.kind)"))
                        continue
                    }
                    let own = checkedMembers(fields, allowed: scenarioKeys, where: "in the settings for \"\(id)\"", problems: &problems)
                    if let note = own["note"], note.kind != "text" {
                        problems.append(AssessmentConfigDiagnostic(note.position, "\"note\" holds text in double quotes; found \(note.kind)"))
                    }
                    scenarios[id] = settings(own, problems: &problems)
                    positions[id] = entry.keyPosition
                }
            } else {
                problems.append(AssessmentConfigDiagnostic(v.position,
                    "\"scenarios\" holds settings by scenario id, such as { \"broadband-down\": { \"passMark\": 80 } }; found \(v.kind)"))
            }
        }
        if !problems.isEmpty {
            throw AssessmentConfigError(file: file, diagnostics: problems.sorted { ($0.line, $0.column) < ($1.line, $1.column) })
        }
        return AssessmentConfig(defaults: defaults, scenarios: scenarios, scenarioPositions: positions)
    }

    /// The members by key, reporting unknown keys (with a likely meant one) and keys given twice.
    private static func checkedMembers(_ members: [AssessmentJSON.Member], allowed: [String], where place: String,
                                       problems: inout [AssessmentConfigDiagnostic]) -> [String: AssessmentJSON] {
        var out: [String: AssessmentJSON] = [:]
        var firstAt: [String: SourcePosition] = [:]
        for m in members {
            guard allowed.contains(m.key) else {
                let close = allowed.min { editDistance($0.lowercased(), m.key.lowercased()) < editDistance($1.lowercased(), m.key.lowercased()) }
                let hint = close.flatMap { editDistance($0.lowercased(), m.key.lowercased()) <= 3 ? " Did you mean \"\($0)\"?" : nil } ?? ""
                let names = allowed.filter { $0 != "$schema" }.map { "\"\($0)\"" }.joined(separator: ", ")
                problems.append(AssessmentConfigDiagnostic(m.keyPosition, "\"\(m.key)\" is not a setting \(place).\(hint) The settings here are \(names)."))
                continue
            }
            if let first = firstAt[m.key] {
                problems.append(AssessmentConfigDiagnostic(m.keyPosition, "\"\(m.key)\" is given twice \(place) (first at line \(first.line)); keep one"))
                continue
            }
            firstAt[m.key] = m.keyPosition
            out[m.key] = m.value
        }
        return out
    }

    /// The pass mark, time limit and attempt cap at one level.
    private static func settings(_ fields: [String: AssessmentJSON], problems: inout [AssessmentConfigDiagnostic]) -> AssessmentSettings {
        var s = AssessmentSettings()
        if let v = fields["passMark"] {
            s.passMark = integer(v, "passMark", in: 0...100, what: "the overall score an assessment needs", problems: &problems)
        }
        if let seconds = fields["timeLimitSeconds"], let minutes = fields["timeLimitMinutes"] {
            let later = seconds.position.line > minutes.position.line ? seconds : minutes
            problems.append(AssessmentConfigDiagnostic(later.position, "give \"timeLimitSeconds\" or \"timeLimitMinutes\", not both"))
        } else if let v = fields["timeLimitSeconds"] {
            if v.value == .null {
                s.timeLimitSeconds = .off
            } else if let n = integer(v, "timeLimitSeconds", in: 1...86_400, what: "the time allowed for the call in seconds", orNull: "for no limit", problems: &problems) {
                s.timeLimitSeconds = .set(n)
            }
        } else if let v = fields["timeLimitMinutes"] {
            if v.value == .null {
                s.timeLimitSeconds = .off
            } else if case let .number(m, _) = v.value, m > 0, m <= 1440 {
                s.timeLimitSeconds = .set(max(1, Int((m * 60).rounded())))
            } else {
                problems.append(AssessmentConfigDiagnostic(v.position,
                    "\"timeLimitMinutes\" is the time allowed for the call in minutes, a number above 0 and up to 1440 such as 8 or 2.5, or null for no limit; found \(v.shown)"))
            }
        }
        if let v = fields["maxAttempts"] {
            if v.value == .null {
                s.maxAttempts = .off
            } else if let n = integer(v, "maxAttempts", in: 1...10_000, what: "how many assessments of a scenario each trainee may take", orNull: "for no cap", problems: &problems) {
                s.maxAttempts = .set(n)
            }
        }
        return s
    }

    /// A whole number in `range`, or nil with a problem reported.
    private static func integer(_ v: AssessmentJSON, _ key: String, in range: ClosedRange<Int>, what: String? = nil,
                                orNull: String? = nil, problems: inout [AssessmentConfigDiagnostic]) -> Int? {
        if case let .number(n, _) = v.value, n.rounded() == n, n >= Double(range.lowerBound), n <= Double(range.upperBound) {
            return Int(n)
        }
        let bounds = range.upperBound == Int.max ? "\(range.lowerBound) or more" : "from \(range.lowerBound) to \(range.upperBound)"
        let meaning = what.map { " is \($0)," } ?? " is"
        let null = orNull.map { ", or null \($0)" } ?? ""
        problems.append(AssessmentConfigDiagnostic(v.position, "\"\(key)\"\(meaning) a whole number \(bounds)\(null); found \(v.shown)"))
        return nil
    }
}

/// A config file that could not be used: every problem, at FILE:LINE:COL.
public struct AssessmentConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as named to the user.
    public var file: String
    public var diagnostics: [AssessmentConfigDiagnostic]

    public init(file: String, diagnostics: [AssessmentConfigDiagnostic]) {
        self.file = file
        self.diagnostics = diagnostics
    }

    /// Each problem as `FILE:LINE:COL: error: message`.
    public var lines: [String] { diagnostics.map { "\(file):\($0)" } }

    public var description: String { lines.joined(separator: "\n") }
}

extension AssessmentConfig {
/// How many single-character edits turn one string into another (for "did you mean").
static func editDistance(_ a: String, _ b: String) -> Int {
    let x = Array(a), y = Array(b)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var previous = Array(0...y.count)
    for i in 1...x.count {
        var row = [i] + Array(repeating: 0, count: y.count)
        for j in 1...y.count {
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
        }
        previous = row
    }
    return previous[y.count]
}
}
