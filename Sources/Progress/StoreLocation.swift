import Foundation

/// Where records are kept.
public enum StoreLocation {
    /// The store folder: `explicit` (from `--store`), else `CALLDOJO_STORE`, else
    /// `$XDG_DATA_HOME/calldojo`, else `~/.local/share/calldojo`.
    public static func resolve(explicit: String?, environment: [String: String]) -> URL {
        if let explicit, !explicit.isEmpty { return URL(fileURLWithPath: expand(explicit, environment)).standardizedFileURL }
        if let store = environment["CALLDOJO_STORE"], !store.isEmpty {
            return URL(fileURLWithPath: expand(store, environment)).standardizedFileURL
        }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("calldojo")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/share/calldojo")
    }

    private static func expand(_ path: String, _ environment: [String: String]) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = environment["HOME"] else { return path }
        return home + path.dropFirst()
    }
}
