import Foundation
import Testing
@testable import LineEditor

/// Writes `bytes` into a pipe from another thread (so large inputs do not block on the pipe's
/// buffer) and hands the read end to `body`.
private func withPipe<T>(
    feeding bytes: [UInt8],
    sourceLocation: SourceLocation = #_sourceLocation,
    _ body: (Int32) -> T
) -> T? {
    var descriptors: [Int32] = [-1, -1]
    guard pipe(&descriptors) == 0 else {
        Issue.record("could not create a pipe", sourceLocation: sourceLocation)
        return nil
    }
    let readEnd = descriptors[0]
    let writeEnd = descriptors[1]
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { break }
            offset += written
        }
        close(writeEnd)
        done.signal()
    }
    let result = body(readEnd)
    done.wait()
    close(readEnd)
    return result
}

/// Every line a ``PlainLineReader`` returns for `bytes`.
private func lines(
    of bytes: [UInt8],
    maximumLineBytes: Int = PlainLineReader.maximumLineBytes,
    sourceLocation: SourceLocation = #_sourceLocation
) -> [String] {
    withPipe(feeding: bytes, sourceLocation: sourceLocation) { descriptor in
        let reader = PlainLineReader(fileDescriptor: descriptor, maximumLineBytes: maximumLineBytes)
        var result: [String] = []
        while let line = reader.readLine() {
            result.append(line)
        }
        // Once ended, the reader stays ended.
        #expect(reader.readLine() == nil, sourceLocation: sourceLocation)
        return result
    } ?? []
}

struct PlainReadingCase: CustomTestStringConvertible, Sendable {
    let name: String
    let input: [UInt8]
    let expected: [String]
    var testDescription: String { name }

    init(_ name: String, _ input: [UInt8], _ expected: [String]) {
        self.name = name
        self.input = input
        self.expected = expected
    }

    init(_ name: String, _ input: String, _ expected: [String]) {
        self.init(name, Array(input.utf8), expected)
    }
}

@Suite("Reading plain lines from a pipe")
struct PlainInputTests {
    static let cases: [PlainReadingCase] = [
        .init("empty input", "", []),
        .init("one line", "hello\n", ["hello"]),
        .init("several lines", "one\ntwo\nthree\n", ["one", "two", "three"]),
        .init("last line without a newline", "one\ntwo", ["one", "two"]),
        .init("empty lines are kept", "\n\nx\n\n", ["", "", "x", ""]),
        .init("CRLF endings", "one\r\ntwo\r\n", ["one", "two"]),
        .init("CR before end of input", "one\r", ["one"]),
        .init("only the last CR is removed", "a\r\r\nb\rc\n", ["a\r", "b\rc"]),
        .init("UTF-8 text", "Grüße, 日本 👋🏽\n", ["Grüße, 日本 👋🏽"]),
        .init("invalid UTF-8 becomes U+FFFD", [0x61, 0xFF, 0x62, 0xC3, 0x0A, 0xE2, 0x82], ["a\u{FFFD}b\u{FFFD}", "\u{FFFD}"]),
        .init("NUL bytes are kept", [0x61, 0x00, 0x62, 0x0A, 0x00], ["a\u{0}b", "\u{0}"]),
        .init("leading and trailing spaces are kept", "  padded  \n", ["  padded  "]),
    ]

    @Test(arguments: cases)
    func readsLines(_ testCase: PlainReadingCase) {
        #expect(lines(of: testCase.input) == testCase.expected)
    }

    @Test func readsA100KilobyteLine() {
        let long = String(repeating: "abcdefghij", count: 10_240)
        let input = Array("first\n\(long)\nlast\n".utf8)
        let result = lines(of: input)
        #expect(result.count == 3)
        #expect(result.first == "first")
        #expect(result.dropFirst().first?.utf8.count == 102_400)
        #expect(result.dropFirst().first == long)
        #expect(result.last == "last")
    }

    @Test func readsManyLinesAcrossBufferBoundaries() {
        let expected = (0..<20_000).map { "line number \($0)" }
        let input = Array((expected.joined(separator: "\r\n") + "\r\n").utf8)
        let result = lines(of: input)
        #expect(result.count == expected.count)
        // Report only the first difference, not twenty thousand lines.
        let firstDifference = zip(result, expected).first { $0 != $1 }
        #expect(firstDifference == nil)
    }

    @Test func survivesRandomBinaryInput() {
        var generator = SplitMix64(seed: 42)
        let bytes = (0..<300_000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let result = lines(of: bytes)
        let newlines = bytes.filter { $0 == 0x0A }.count
        let expectedCount = bytes.last == 0x0A ? newlines : newlines + 1
        #expect(result.count == expectedCount)
    }

    @Test func cutsOverlongLinesIntoPieces() {
        #expect(lines(of: Array("abcdefghij\nxy\n".utf8), maximumLineBytes: 4) == ["abcd", "efgh", "ij", "xy"])
    }

    @Test func cutsOverlongLinesBetweenCharacters() {
        // "aé" is 3 bytes; a cut after 4 bytes would split the second "é".
        let result = lines(of: Array("aéé\n".utf8), maximumLineBytes: 4)
        #expect(result == ["aé", "é"])
        #expect(!result.joined().contains("\u{FFFD}"))
    }
}

@Suite("LineEditor without a terminal")
struct LineEditorPlainTests {
    @Test func readsLinesWithoutReadline() {
        let results = withPipe(feeding: Array("/help\nhello there\r\n".utf8)) { descriptor in
            let editor = LineEditor(historyFile: nil, completions: { _ in ["/help"] }, input: descriptor)
            #expect(!editor.isInteractive)
            return [
                editor.readLine(prompt: "you> "),
                editor.readLine(prompt: "you> "),
                editor.readLine(prompt: "you> "),
            ]
        }
        #expect(results == [.line("/help"), .line("hello there"), .endOfInput])
    }

    @Test func confirmSkipsOtherAnswers() {
        let answers = withPipe(feeding: Array("maybe\n Yes \nno\nN\n".utf8)) { descriptor in
            let editor = LineEditor(historyFile: nil, input: descriptor)
            return [
                editor.confirm(prompt: "Leave the call? (y/n) "),
                editor.confirm(prompt: "Leave the call? (y/n) "),
                editor.confirm(prompt: "Leave the call? (y/n) "),
                editor.confirm(prompt: "Leave the call? (y/n) "),
            ]
        }
        #expect(answers == [true, false, false, nil])
    }

    @Test(arguments: [
        ("y", true), ("YES", true), (" yes ", true), ("n", false), ("No", false),
        ("", nil), ("yeah", nil), ("nope", nil), ("y n", nil),
    ] as [(String, Bool?)])
    func parsesAnswers(text: String, expected: Bool?) {
        #expect(LineEditor.parseAnswer(text) == expected)
    }

    @Test func keepsNoHistoryWithoutATerminal() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("line-editor-\(UUID().uuidString)")
        let file = folder.appendingPathComponent("history").path
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = withPipe(feeding: Array("one\n".utf8)) { descriptor in
            let editor = LineEditor(historyFile: file, input: descriptor)
            if case .line(let text) = editor.readLine(prompt: "") {
                editor.addHistory(text)
            }
            #expect(throws: Never.self) { try editor.saveHistory() }
        }
        #expect(!FileManager.default.fileExists(atPath: file))
    }
}

/// A small deterministic random number generator for test data.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
