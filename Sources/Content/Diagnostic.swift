import Foundation

/// A problem found in a content file, at a line and column, as an editor or a terminal shows it.
///
/// `description` reads `FILE:LINE:COL: error: message` (or `warning:`), the form compilers and linters use,
/// so editors can jump to the spot.
public struct Diagnostic: Sendable, Equatable, Codable, CustomStringConvertible {
    /// How serious a problem is.
    public enum Severity: String, Sendable, Equatable, Codable {
        /// The file cannot be used as it is.
        case error
        /// The file can be used, but something in it is probably not what the author meant.
        case warning
    }

    /// The file's path, as it was given to the loader.
    public var file: String
    /// The line, from 1.
    public var line: Int
    /// The column, from 1; 0 when the problem is about the whole file or line.
    public var column: Int
    /// Whether the problem stops the file being used.
    public var severity: Severity
    /// What is wrong, in plain English, with a suggestion where there is one.
    public var message: String

    /// A diagnostic for `file` at `line` and `column` (1-based; column 0 when unknown).
    public init(file: String, line: Int, column: Int, severity: Severity, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    /// `FILE:LINE:COL: error: message` or `FILE:LINE:COL: warning: message`.
    public var description: String {
        "\(file):\(line):\(column): \(severity.rawValue): \(message)"
    }

    /// True for an error (not a warning).
    public var isError: Bool { severity == .error }
}

extension Array where Element == Diagnostic {
    /// True when any of the diagnostics is an error.
    public var hasErrors: Bool { contains { $0.isError } }

    /// Sorted by file, then line, then column, keeping the order found for problems at the same place.
    func sortedByPosition() -> [Diagnostic] {
        enumerated().sorted { a, b in
            if a.element.file != b.element.file { return a.element.file < b.element.file }
            if a.element.line != b.element.line { return a.element.line < b.element.line }
            if a.element.column != b.element.column { return a.element.column < b.element.column }
            return a.offset < b.offset
        }.map(\.element)
    }
}
