import Foundation
import LineEditor
import Scoring

/// Everything the program prints goes through here: wrapped to the terminal width, coloured only on a
/// terminal and never with NO_COLOR or --no-color.
struct Console {
    enum Color: String {
        case bold = "1", dim = "2", red = "31", green = "32", yellow = "33", blue = "34", cyan = "36"
    }

    let color: Bool
    let width: Int

    init(noColor: Bool) {
        color = Terminal.useColor(disabled: noColor)
        width = max(40, min(Terminal.width(), 100))
    }

    func paint(_ text: String, _ c: Color) -> String {
        color ? "\u{1B}[\(c.rawValue)m\(text)\u{1B}[0m" : text
    }

    /// Colour for a readline prompt: the escape codes are marked as taking no width.
    func promptPaint(_ text: String, _ c: Color) -> String {
        color ? "\u{1}\u{1B}[\(c.rawValue)m\u{2}\(text)\u{1}\u{1B}[0m\u{2}" : text
    }

    /// Wraps plain text to the width: the first line starts with `first`, the others with `rest`.
    func wrap(_ text: String, first: String = "", rest: String = "", width: Int? = nil) -> [String] {
        let w = width ?? self.width
        let lines = Terminal.wrap(text, width: w, indent: rest).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard var head = lines.first else { return [] }
        if head.hasPrefix(rest) { head = String(head.dropFirst(rest.count)) }
        return [first + head] + lines.dropFirst()
    }

    /// Prints a paragraph wrapped to the width, optionally in a colour, with a hanging indent.
    func say(_ text: String, _ c: Color? = nil, first: String = "", rest: String = "") {
        for l in wrap(text, first: first, rest: rest) {
            line(c.map { paint(l, $0) } ?? l)
        }
    }

    /// Prints "Label: text" wrapped, with the label coloured.
    func speak(_ label: String, _ text: String, _ c: Color) {
        let lines = wrap(label + " " + text, rest: "  ")
        for (i, l) in lines.enumerated() {
            if i == 0, l.hasPrefix(label) {
                line(paint(label, c) + l.dropFirst(label.count))
            } else {
                line(l)
            }
        }
    }

    func line(_ text: String = "") { write(text + "\n") }

    func write(_ text: String) {
        Output.write(text, to: STDOUT_FILENO)
    }

    func error(_ text: String) {
        Output.write(text + "\n", to: STDERR_FILENO)
    }

    func debrief(_ lines: [DebriefLine]) {
        for l in lines {
            guard !l.text.isEmpty else { line(); continue }
            let tone: Color? = switch l.tone {
            case .plain: nil
            case .heading: .bold
            case .good: .green
            case .bad: .red
            case .quiet: .cyan
            }
            if l.indent.count + l.text.count <= width {
                // Fits: print as is, keeping any alignment spaces.
                line(tone.map { paint(l.indent + l.text, $0) } ?? l.indent + l.text)
            } else {
                say(l.text, tone, first: l.indent, rest: l.indent + l.hanging)
            }
        }
    }
}

/// Writes to standard output or error. A closed pipe (`calldojo ... | head`) is not an error: the rest
/// of the output is dropped quietly, and records are saved before anything is printed.
enum Output {
    nonisolated(unsafe) private static var closed: Set<Int32> = []

    static func write(_ text: String, to fd: Int32) {
        guard !closed.contains(fd) else { return }
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Foundation.write(fd, base + offset, buffer.count - offset)
            }
            if n < 0 {
                if errno == EINTR { continue }
                closed.insert(fd)
                return
            }
            offset += n
        }
    }
}
