import CReadline
import Foundation

/// Facts about the terminal, and text layout for it.
public enum Terminal {
    /// The width used when nothing better is known.
    public static let defaultWidth = 80

    /// Whether standard output is a terminal.
    public static var isStdoutTTY: Bool {
        isTTY(STDOUT_FILENO)
    }

    /// Whether `fileDescriptor` is a terminal.
    public static func isTTY(_ fileDescriptor: Int32) -> Bool {
        isatty(fileDescriptor) == 1
    }

    /// The number of columns to lay text out in.
    ///
    /// A positive whole number in `COLUMNS` wins; otherwise the size of the terminal on
    /// `fileDescriptor`; otherwise ``defaultWidth``.
    public static func width(
        of fileDescriptor: Int32 = STDOUT_FILENO,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Int {
        if let text = environment["COLUMNS"],
           let columns = Int(text.trimmingCharacters(in: .whitespaces)),
           columns > 0 {
            return columns
        }
        let columns = Int(cr_terminal_columns(fileDescriptor))
        return columns > 0 ? columns : defaultWidth
    }

    /// Whether output should be coloured.
    ///
    /// Colour is used only when output goes to a terminal whose `TERM` is not `dumb`, and
    /// `NO_COLOR` is unset or empty (see no-color.org).
    ///
    /// - Parameters:
    ///   - disabled: Turns colour off regardless (for example a `--no-color` option).
    ///   - isTTY: Whether the output is a terminal; standard output by default.
    ///   - environment: The environment variables to consult.
    public static func useColor(
        disabled: Bool = false,
        isTTY: Bool = Terminal.isStdoutTTY,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Bool {
        if disabled || !isTTY {
            return false
        }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty {
            return false
        }
        if environment["TERM"] == "dumb" {
            return false
        }
        return true
    }

    /// Wraps `text` so that no line is wider than `width` columns, each line starting with `indent`.
    ///
    /// Words are separated by spaces and tabs; runs of them collapse to one space. A word is only
    /// split when it is longer than the room on a line (`width` minus the indent). Line breaks in
    /// `text` are kept, and an empty line stays empty (without the indent). Width is counted in
    /// characters, so `text` should not contain escape codes.
    public static func wrap(_ text: String, width: Int, indent: String = "") -> String {
        let room = max(1, width - indent.count)
        var output: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let words = paragraph.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if words.isEmpty {
                output.append("")
                continue
            }
            var line = ""
            for word in words {
                var word = Substring(word)
                if !line.isEmpty && line.count + 1 + word.count <= room {
                    line += " " + word
                    continue
                }
                if !line.isEmpty {
                    output.append(indent + line)
                    line = ""
                }
                // Cut words longer than a whole line into line-sized pieces.
                while word.count > room {
                    let cut = word.index(word.startIndex, offsetBy: room)
                    output.append(indent + word[..<cut])
                    word = word[cut...]
                }
                line = String(word)
            }
            if !line.isEmpty {
                output.append(indent + line)
            }
        }
        return output.joined(separator: "\n")
    }
}
