import CReadline

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the trainee's lines.
///
/// On a terminal it uses GNU readline: line editing, a history that can be kept in a file, and tab
/// completion. When the input is not a terminal (a pipe or a file) it reads plain lines with no
/// prompt, no echo and no escape codes, so calls can be scripted.
///
/// readline's state belongs to the whole process: use one interactive editor at a time, from one
/// thread.
///
/// ```swift
/// let editor = LineEditor(historyFile: path, completions: { word in commands })
/// switch editor.readLine(prompt: "you> ") {
/// case .line(let text): handle(text)
/// case .interrupted: if editor.confirm(prompt: "Leave the call? (y/n) ") == true { leave() }
/// case .endOfInput: leave()
/// }
/// ```
public final class LineEditor {
    /// What one call to ``readLine(prompt:)`` produced.
    public enum Result: Equatable, Sendable {
        /// A line, without its line ending.
        case line(String)
        /// The input ended (Ctrl-D on an empty line, or the end of a piped file).
        case endOfInput
        /// Ctrl-C was pressed. Whatever had been typed on the line is dropped.
        case interrupted
    }

    /// A problem saving the history file.
    public struct HistoryError: Error, Equatable, Sendable, CustomStringConvertible {
        /// The history file.
        public let path: String
        /// What went wrong, in plain English.
        public let reason: String

        public var description: String {
            "Could not save the command history to \(path): \(reason)"
        }
    }

    /// The most history entries kept, in memory and in the file.
    public static let historyLimit = 500

    /// Whether lines are read from a terminal with readline (`true`) or as plain lines (`false`).
    public let isInteractive: Bool

    private let historyFile: String?
    private let inputDescriptor: Int32
    private let completer: ReadlineSession.Completer
    private let plainReader: PlainLineReader?

    /// Creates an editor.
    ///
    /// - Parameters:
    ///   - historyFile: Where the history is loaded from now and saved to by ``saveHistory()``;
    ///     `nil` keeps no history file. Only used on a terminal.
    ///   - completions: Given the word before the cursor when Tab is pressed, returns the possible
    ///     completions. Candidates that do not start with the word are ignored.
    ///   - input: The file descriptor to read from; standard input by default.
    public convenience init(
        historyFile: String?,
        completions: @escaping @Sendable (_ word: String) -> [String] = { _ in [] },
        input: Int32 = STDIN_FILENO
    ) {
        self.init(historyFile: historyFile, input: input, contextualCompletions: { word, _ in completions(word) })
    }

    /// Creates an editor whose completions depend on what comes before the word being completed.
    ///
    /// - Parameters:
    ///   - historyFile: Where the history is loaded from now and saved to by ``saveHistory()``;
    ///     `nil` keeps no history file. Only used on a terminal.
    ///   - input: The file descriptor to read from; standard input by default.
    ///   - applicationName: The name readline uses for `$if` sections in `~/.inputrc`.
    ///   - contextualCompletions: Given the word before the cursor and the text of the line
    ///     before that word (for example `"/start "`), returns the possible completions.
    ///     Candidates that do not start with the word are ignored.
    public init(
        historyFile: String?,
        input: Int32 = STDIN_FILENO,
        applicationName: String = "calldojo",
        contextualCompletions: @escaping @Sendable (_ word: String, _ lineBeforeWord: String) -> [String]
    ) {
        self.historyFile = historyFile
        self.inputDescriptor = input
        self.completer = contextualCompletions
        self.isInteractive = isatty(input) == 1
        if isInteractive {
            plainReader = nil
            ReadlineSession.configure(inputDescriptor: input, applicationName: applicationName)
            if let historyFile, access(historyFile, R_OK) == 0 {
                _ = read_history(historyFile)
            }
        } else {
            // One reader of standard input for the whole process: a reader reads ahead, so a second one
            // would miss lines the first had buffered (the menu's answers, then the call's replies).
            // Other descriptors (pipes a caller opened) are read by a reader of their own.
            plainReader = input == STDIN_FILENO ? PlainLineReader.shared(for: input) : PlainLineReader(fileDescriptor: input)
        }
    }

    /// Reads the next line.
    ///
    /// On a terminal, `prompt` is shown and the line can be edited; escape codes in the prompt
    /// (colour) must be wrapped in `"\u{1}"` and `"\u{2}"` so readline can measure it. When the
    /// input is not a terminal, the prompt is not shown.
    public func readLine(prompt: String) -> Result {
        if let plainReader {
            return plainReader.readLine().map(Result.line) ?? .endOfInput
        }
        ReadlineSession.completer = completer
        return ReadlineSession.readLine(prompt: prompt, inputDescriptor: inputDescriptor)
    }

    /// Asks a yes-or-no question, for example "Leave the call? (y/n) " after Ctrl-C.
    ///
    /// Accepts y, yes, n and no in any case. On a terminal any other answer asks again; without a
    /// terminal, other lines are skipped.
    ///
    /// - Returns: The answer, or `nil` when the input ended or Ctrl-C was pressed again.
    public func confirm(prompt: String) -> Bool? {
        var question = prompt
        while true {
            switch readLine(prompt: question) {
            case .line(let text):
                if let answer = Self.parseAnswer(text) {
                    return answer
                }
                question = "Please answer y or n. " + prompt
            case .endOfInput, .interrupted:
                return nil
            }
        }
    }

    /// Reads a yes-or-no answer: `true` for y/yes, `false` for n/no, otherwise `nil`.
    public static func parseAnswer(_ text: String) -> Bool? {
        switch text.trimmingWhitespace().lowercased() {
        case "y", "yes": return true
        case "n", "no": return false
        default: return nil
        }
    }

    /// Adds a line to the history, so the Up arrow brings it back. Empty lines and a repeat of the
    /// previous entry are skipped. Does nothing when the input is not a terminal.
    public func addHistory(_ line: String) {
        guard isInteractive, !line.trimmingWhitespace().isEmpty else { return }
        ReadlineSession.addHistory(line)
    }

    /// Writes the history to the history file, keeping the newest ``historyLimit`` entries.
    ///
    /// The file and any missing folders above it are created readable by their owner only. Does
    /// nothing when there is no history file or the input is not a terminal.
    public func saveHistory() throws(HistoryError) {
        guard isInteractive, let historyFile else { return }
        let folder = Self.parentFolder(of: historyFile)
        if !folder.isEmpty && !Self.makeFolders(folder) {
            throw HistoryError(path: historyFile, reason: "cannot create the folder \(folder)")
        }
        let descriptor = open(historyFile, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        if descriptor < 0 {
            throw HistoryError(path: historyFile, reason: Self.errorText(errno))
        }
        close(descriptor)
        let written = write_history(historyFile)
        if written != 0 {
            throw HistoryError(path: historyFile, reason: Self.errorText(written))
        }
        _ = history_truncate_file(historyFile, Int32(Self.historyLimit))
        _ = chmod(historyFile, 0o600)
    }

    private static func parentFolder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// Creates `folder` and its parents as needed (owner-only); true when it exists afterwards.
    private static func makeFolders(_ folder: String) -> Bool {
        var isFolder = stat()
        if stat(folder, &isFolder) == 0 {
            return isFolder.st_mode & S_IFMT == S_IFDIR
        }
        let parent = parentFolder(of: folder)
        if !parent.isEmpty && !makeFolders(parent) {
            return false
        }
        return mkdir(folder, 0o700) == 0 || errno == EEXIST
    }

    private static func errorText(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text).lowercased()
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> Substring {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let first = firstIndex(where: { !isSpace($0) }),
              let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return self[first...last]
    }
}
