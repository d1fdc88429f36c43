import Foundation
import Testing
import LineEditor

struct WrapCase: CustomTestStringConvertible, Sendable {
    let name: String
    let text: String
    let width: Int
    let indent: String
    let expected: String
    var testDescription: String { name }
}

@Suite("Terminal")
struct TerminalTests {
    static let wrapCases: [WrapCase] = [
        .init(name: "short text is unchanged", text: "Hello there.", width: 20, indent: "", expected: "Hello there."),
        .init(name: "breaks between words", text: "the quick brown fox jumps", width: 10, indent: "",
              expected: "the quick\nbrown fox\njumps"),
        .init(name: "a word exactly the width fits", text: "abcde fghij", width: 5, indent: "", expected: "abcde\nfghij"),
        .init(name: "indent counts towards the width", text: "one two three", width: 9, indent: "  ",
              expected: "  one two\n  three"),
        .init(name: "long words are cut", text: "see https://example.org/very/long ok", width: 10, indent: "",
              expected: "see\nhttps://ex\nample.org/\nvery/long\nok"),
        .init(name: "long word with indent", text: "abcdefgh", width: 5, indent: "> ", expected: "> abc\n> def\n> gh"),
        .init(name: "runs of spaces collapse", text: "a   b \t c", width: 40, indent: "", expected: "a b c"),
        .init(name: "line breaks and empty lines are kept", text: "first para\n\nsecond", width: 40, indent: "  ",
              expected: "  first para\n\n  second"),
        .init(name: "empty text", text: "", width: 10, indent: "", expected: ""),
        .init(name: "non-ASCII counts as one column per character", text: "Grüße aus Köln", width: 10, indent: "",
              expected: "Grüße aus\nKöln"),
        .init(name: "width smaller than the indent still makes progress", text: "ab", width: 1, indent: "xx",
              expected: "xxa\nxxb"),
    ]

    @Test(arguments: wrapCases)
    func wraps(_ testCase: WrapCase) {
        #expect(Terminal.wrap(testCase.text, width: testCase.width, indent: testCase.indent) == testCase.expected)
    }

    @Test(arguments: [20, 33, 80])
    func wrappedLinesFitAndKeepEveryWord(width: Int) {
        let text = """
            Thanks for waiting. I can see the router was sent on Tuesday and should arrive tomorrow \
            before noon; when it does, the lights will flash for about ten minutes, which is normal.
            """
        let wrapped = Terminal.wrap(text, width: width, indent: "    ")
        for line in wrapped.split(separator: "\n") {
            #expect(line.count <= width)
            #expect(line.hasPrefix("    "))
        }
        #expect(wrapped.split(whereSeparator: \.isWhitespace) == text.split(whereSeparator: \.isWhitespace))
    }

    @Test(arguments: [
        (false, true, ["TERM": "xterm-256color"], true),
        (false, false, ["TERM": "xterm-256color"], false),
        (true, true, ["TERM": "xterm-256color"], false),
        (false, true, ["TERM": "xterm", "NO_COLOR": "1"], false),
        (false, true, ["TERM": "xterm", "NO_COLOR": "anything"], false),
        (false, true, ["TERM": "xterm", "NO_COLOR": ""], true),
        (false, true, ["TERM": "dumb"], false),
        (false, true, [:], true),
    ] as [(Bool, Bool, [String: String], Bool)])
    func decidesOnColour(disabled: Bool, isTTY: Bool, environment: [String: String], expected: Bool) {
        #expect(Terminal.useColor(disabled: disabled, isTTY: isTTY, environment: environment) == expected)
    }

    @Test func widthHonoursColumns() {
        #expect(Terminal.width(environment: ["COLUMNS": "132"]) == 132)
        #expect(Terminal.width(environment: ["COLUMNS": " 60 "]) == 60)
    }

    @Test func widthFallsBackTo80WhenNotATerminal() throws {
        var descriptors: [Int32] = [-1, -1]
        try #require(pipe(&descriptors) == 0)
        defer {
            close(descriptors[0])
            close(descriptors[1])
        }
        #expect(!Terminal.isTTY(descriptors[1]))
        #expect(Terminal.width(of: descriptors[1], environment: [:]) == 80)
        #expect(Terminal.width(of: descriptors[1], environment: ["COLUMNS": "0"]) == 80)
        #expect(Terminal.width(of: descriptors[1], environment: ["COLUMNS": "wide"]) == 80)
    }
}
