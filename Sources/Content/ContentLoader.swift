import Dialogue
import Foundation
import Yams

/// The scenarios and personas loaded from content files, with every problem found in them.
///
/// Only files with no errors are in `scenarios` and `personas`; files with warnings are in, and their warnings
/// are in `diagnostics` with the errors of the files left out.
public struct ContentLibrary: Sendable, Equatable {
    /// Usable scenarios, sorted by id.
    public var scenarios: [Scenario]
    /// Usable personas, sorted by id.
    public var personas: [Persona]
    /// Every error and warning, sorted by file, line and column.
    public var diagnostics: [Diagnostic]

    /// A library holding these values as given (they are not sorted or checked).
    public init(scenarios: [Scenario] = [], personas: [Persona] = [], diagnostics: [Diagnostic] = []) {
        self.scenarios = scenarios
        self.personas = personas
        self.diagnostics = diagnostics
    }

    /// The scenario with this id, if it loaded.
    public func scenario(_ id: String) -> Scenario? { scenarios.first { $0.id == id } }
    /// The persona with this id, if it loaded.
    public func persona(_ id: String) -> Persona? { personas.first { $0.id == id } }
    /// The errors only.
    public var errors: [Diagnostic] { diagnostics.filter(\.isError) }
    /// The warnings only.
    public var warnings: [Diagnostic] { diagnostics.filter { !$0.isError } }
}

/// Loads persona and scenario files (YAML) and checks them, reporting each problem at its file, line and
/// column. Nothing here prints: callers show `diagnostics` as they see fit.
public enum ContentLoader {
    /// What a content file holds.
    enum Kind: String, Sendable {
        case scenario, persona
    }

    /// File name extensions read as content.
    static let extensions = ["yaml", "yml"]

    /// Loads `Scenarios/*.yaml|yml` and `Personas/*.yaml|yml` under a content folder (such as the
    /// project's root) and checks the scenarios against the personas.
    public static func load(contentRoot: URL) -> ContentLibrary {
        var loader = LibraryBuilder()
        for (folder, kind) in [("Personas", Kind.persona), ("Scenarios", Kind.scenario)] {
            let url = contentRoot.appendingPathComponent(folder, isDirectory: true)
            guard isDirectory(url) else {
                loader.diagnostics.append(Diagnostic(file: url.path, line: 1, column: 0, severity: .error,
                                                     message: "there is no \(folder) folder here"))
                continue
            }
            for file in contentFiles(in: url, diagnostics: &loader.diagnostics) {
                loader.load(file, kind: kind)
            }
        }
        return loader.finish()
    }

    /// Loads the given files and folders. A folder named `Scenarios` or `Personas` holds that kind of file; a
    /// folder holding such folders is a content root; any other folder's files are each taken by their
    /// keys. A file is a scenario or persona by its folder's name or, failing that, by its keys (a file
    /// with `nodes:` is a scenario).
    public static func load(paths: [URL]) -> ContentLibrary {
        var loader = LibraryBuilder()
        for url in paths {
            if isDirectory(url) {
                let name = url.standardizedFileURL.lastPathComponent
                if let kind = kind(ofFolder: name) {
                    for file in contentFiles(in: url, diagnostics: &loader.diagnostics) { loader.load(file, kind: kind) }
                    continue
                }
                let subfolders = [("Personas", Kind.persona), ("Scenarios", Kind.scenario)].filter {
                    isDirectory(url.appendingPathComponent($0.0, isDirectory: true))
                }
                if subfolders.isEmpty {
                    for file in contentFiles(in: url, diagnostics: &loader.diagnostics) { loader.load(file, kind: nil) }
                } else {
                    for (folder, kind) in subfolders {
                        let sub = url.appendingPathComponent(folder, isDirectory: true)
                        for file in contentFiles(in: sub, diagnostics: &loader.diagnostics) { loader.load(file, kind: kind) }
                    }
                }
            } else if FileManager.default.fileExists(atPath: url.path) {
                let folder = url.deletingLastPathComponent().standardizedFileURL.lastPathComponent
                loader.load(url, kind: kind(ofFolder: folder))
            } else {
                loader.diagnostics.append(Diagnostic(file: url.path, line: 1, column: 0, severity: .error,
                                                     message: "there is no such file or folder"))
            }
        }
        return loader.finish()
    }

    /// Reads one persona from YAML text. `id` is the persona's id (its file name without extension) and
    /// `file` the path used in diagnostics. The persona is nil when there is any error.
    public static func parsePersona(yaml: String, id: String, file: String) -> (Persona?, [Diagnostic]) {
        var reader = NodeReader(file: file)
        checkID(id, sink: &reader.sink)
        guard let root = YAMLDocument.compose(yaml, sink: &reader.sink) else {
            return (nil, reader.sink.diagnostics.sortedByPosition())
        }
        let persona = PersonaParser.read(root, id: id, reader: &reader)
        let diagnostics = reader.sink.diagnostics.sortedByPosition()
        return (diagnostics.hasErrors ? nil : persona, diagnostics)
    }

    /// Reads and checks one scenario from YAML text. `id` is the scenario's id (its file name without
    /// extension) and `file` the path used in diagnostics. Persona ids are not checked here (there are no
    /// personas to check them against); ``load(contentRoot:)`` and ``load(paths:)`` check them. The scenario
    /// is nil when there is any error.
    public static func parseScenario(yaml: String, id: String, file: String) -> (Scenario?, [Diagnostic]) {
        let (parsed, diagnostics) = parseScenarioSource(yaml: yaml, id: id, file: file)
        return (diagnostics.hasErrors ? nil : parsed?.model(), diagnostics)
    }

    // MARK: - Internals

    static func parseScenarioSource(yaml: String, id: String, file: String) -> (ParsedScenario?, [Diagnostic]) {
        var reader = NodeReader(file: file)
        checkID(id, sink: &reader.sink)
        guard let root = YAMLDocument.compose(yaml, sink: &reader.sink) else {
            return (nil, reader.sink.diagnostics.sortedByPosition())
        }
        let parsed = ScenarioParser.read(root, id: id, reader: &reader)
        if let parsed { ScenarioChecks.check(parsed, sink: &reader.sink) }
        return (parsed, reader.sink.diagnostics.sortedByPosition())
    }

    static func checkID(_ id: String, sink: inout DiagnosticSink) {
        if !NodeReader.isValidID(id) {
            sink.error("the file name `\(id)` is not a valid id: name content files with lowercase letters, "
                       + "digits, `-` and `_`", line: 1, column: 0)
        }
    }

    static func kind(ofFolder name: String) -> Kind? {
        switch name {
        case "Scenarios": return .scenario
        case "Personas": return .persona
        default: return nil
        }
    }

    static func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The `.yaml` and `.yml` files directly in a folder, sorted by name.
    static func contentFiles(in folder: URL, diagnostics: inout [Diagnostic]) -> [URL] {
        do {
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            return names.filter { name in
                !name.hasPrefix(".") && extensions.contains((name as NSString).pathExtension.lowercased())
            }.sorted().map { folder.appendingPathComponent($0) }
        } catch {
            diagnostics.append(Diagnostic(file: folder.path, line: 1, column: 0, severity: .error,
                                          message: "the folder cannot be read: \(error.localizedDescription)"))
            return []
        }
    }
}

/// Gathers files into a library, then checks what needs the whole library.
private struct LibraryBuilder {
    var diagnostics: [Diagnostic] = []
    var personas: [String: (persona: Persona, file: String)] = [:]
    var personaFiles: [String: String] = [:]
    var scenarios: [(parsed: ParsedScenario, scenario: Scenario?, file: String)] = []
    var scenarioFiles: [String: String] = [:]

    mutating func load(_ url: URL, kind: ContentLoader.Kind?) {
        let file = url.path
        let id = url.deletingPathExtension().lastPathComponent
        var sink = DiagnosticSink(file: file)
        guard let text = read(url, sink: &sink) else {
            diagnostics += sink.diagnostics
            return
        }
        let resolved = kind ?? guessKind(of: text)
        switch resolved {
        case .persona:
            let (persona, found) = ContentLoader.parsePersona(yaml: text, id: id, file: file)
            diagnostics += found
            if let first = personaFiles[id] {
                diagnostics.append(Diagnostic(file: file, line: 1, column: 0, severity: .error,
                                              message: "there is already a persona called `\(id)`, in \(first)"))
                return
            }
            personaFiles[id] = file
            if let persona { personas[id] = (persona, file) }
        case .scenario:
            let (parsed, found) = ContentLoader.parseScenarioSource(yaml: text, id: id, file: file)
            diagnostics += found
            if let first = scenarioFiles[id] {
                diagnostics.append(Diagnostic(file: file, line: 1, column: 0, severity: .error,
                                              message: "there is already a scenario called `\(id)`, in \(first)"))
                return
            }
            scenarioFiles[id] = file
            if let parsed { scenarios.append((parsed, found.hasErrors ? nil : parsed.model(), file)) }
        }
    }

    /// A file outside `Scenarios` and `Personas` folders is a scenario when it has `nodes:`.
    private func guessKind(of text: String) -> ContentLoader.Kind {
        var sink = DiagnosticSink(file: "")
        if case let .mapping(mapping)? = YAMLDocument.compose(text, sink: &sink), mapping["nodes"] != nil {
            return .scenario
        }
        return .persona
    }

    private func read(_ url: URL, sink: inout DiagnosticSink) -> String? {
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            if let size = (attributes[.size] as? NSNumber)?.intValue, size > YAMLDocument.maximumBytes {
                sink.error(YAMLDocument.tooLargeMessage(bytes: size), line: 1, column: 0)
                return nil
            }
            let data = try Data(contentsOf: url)
            return YAMLDocument.text(from: data, sink: &sink)
        } catch {
            sink.error("the file cannot be read: \(error.localizedDescription)", line: 1, column: 0)
            return nil
        }
    }

    func finish() -> ContentLibrary {
        var diagnostics = self.diagnostics
        var usable: [Scenario] = []
        let personaIDs = Array(personaFiles.keys).sorted()
        for (parsed, scenario, file) in scenarios {
            var sink = DiagnosticSink(file: file)
            if !personaIDs.isEmpty {
                let named = (parsed.persona.map { [$0] } ?? []) + parsed.personas
                for persona in named where !personaIDs.contains(persona.value) {
                    sink.error("there is no persona called `\(persona.value)`"
                               + NodeReader.suggestion(for: persona.value, in: personaIDs), at: persona.mark)
                }
            }
            diagnostics += sink.diagnostics
            if let scenario, !sink.hasErrors { usable.append(scenario) }
        }
        return ContentLibrary(scenarios: usable.sorted { $0.id < $1.id },
                              personas: personas.values.map(\.persona).sorted { $0.id < $1.id },
                              diagnostics: diagnostics.sortedByPosition())
    }
}
