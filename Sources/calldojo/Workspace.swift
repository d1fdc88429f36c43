import Content
import Dialogue
import Foundation
import Progress

/// Where content and records are, resolved from the global options and the environment.
struct Workspace {
    let contentRoot: URL
    let library: ContentLibrary
    let storeRoot: URL
    let console: Console

    /// Finds and loads the content. Prints every error in it and fails when there is one.
    static func open(_ options: GlobalOptions, requireValidContent: Bool = true) throws -> Workspace {
        let console = Console(noColor: options.noColor)
        let root = try contentRoot(options.content)
        let library = ContentLoader.load(contentRoot: root)
        let errors = library.diagnostics.filter { $0.severity == .error }
        if requireValidContent && !errors.isEmpty {
            for d in errors { console.error(d.description) }
            throw UserFacingError(message: "the content in \(root.path) has \(errors.count) error\(errors.count == 1 ? "" : "s") (listed above). Fix them, or check them with `calldojo validate`.")
        }
        let store = StoreLocation.resolve(explicit: options.store, environment: ProcessInfo.processInfo.environment)
        return Workspace(contentRoot: root, library: library, storeRoot: store, console: console)
    }

    /// The content folder: --content, else the nearest folder from the current directory upward that
    /// holds Scenarios/ and Personas/, else the one beside the program.
    static func contentRoot(_ explicit: String?) throws -> URL {
        let fm = FileManager.default
        if let explicit {
            let url = URL(fileURLWithPath: explicit).standardizedFileURL
            guard isContentFolder(url) else {
                throw UserFacingError(message: "\(explicit) does not hold a Scenarios/ and a Personas/ folder. Give --content the folder that holds both.")
            }
            return url
        }
        var dir = URL(fileURLWithPath: fm.currentDirectoryPath).standardizedFileURL
        while true {
            if isContentFolder(dir) { return dir }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { break }
            dir = parent
        }
        var exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            if isContentFolder(exe) { return exe }
            exe = exe.deletingLastPathComponent()
        }
        throw UserFacingError(message: "cannot find the scenarios: no folder holding Scenarios/ and Personas/ here or above. Run from the CallDojo folder, or give --content DIR.")
    }

    static func isContentFolder(_ url: URL) -> Bool {
        var isDir: ObjCBool = false
        let fm = FileManager.default
        return fm.fileExists(atPath: url.appendingPathComponent("Scenarios").path, isDirectory: &isDir) && isDir.boolValue
            && fm.fileExists(atPath: url.appendingPathComponent("Personas").path, isDirectory: &isDir) && isDir.boolValue
    }

    func scenario(_ id: String) throws -> Scenario {
        if let s = library.scenarios.first(where: { $0.id == id }) { return s }
        let ids = library.scenarios.map(\.id)
        let close = ids.min { editDistance($0, id) < editDistance($1, id) }
        let hint = close.map { editDistance($0, id) <= 4 ? " Did you mean \($0)?" : "" } ?? ""
        throw UserFacingError(message: "there is no scenario called \(id).\(hint) `calldojo list scenarios` shows them all.")
    }

    func persona(_ id: String) throws -> Persona {
        if let p = library.personas.first(where: { $0.id == id }) { return p }
        let ids = library.personas.map(\.id)
        let close = ids.min { editDistance($0, id) < editDistance($1, id) }
        let hint = close.map { editDistance($0, id) <= 4 ? " Did you mean \($0)?" : "" } ?? ""
        throw UserFacingError(message: "there is no persona called \(id).\(hint) `calldojo list personas` shows them all.")
    }

    func openStore() throws -> RecordStore {
        do {
            return try RecordStore(root: storeRoot)
        } catch {
            throw UserFacingError(message: "\(error)")
        }
    }
}
