import Dialogue
import Foundation
import Language
import Testing

struct BadReply: CustomTestStringConvertible, Sendable {
    var name: String
    var text: String
    /// What the stored reply must be, when it is known exactly.
    var stored: String?
    var testDescription: String { name }
}

private let invalidUTF8 = String(decoding: [0x68, 0x69, 0xFF, 0xFE, 0x20, 0xC3, 0x28, 0x21] as [UInt8], as: UTF8.self)

@Test(arguments: [
    BadReply(name: "100 KB reply", text: String(repeating: "abcdefghi ", count: 10_240), stored: nil),
    BadReply(name: "100 KB with no spaces", text: String(repeating: "x", count: 102_400), stored: nil),
    BadReply(name: "colour escape", text: "\u{1B}[31mred\u{1B}[0m alert", stored: "red alert"),
    BadReply(name: "title escape", text: "hi\u{1B}]0;owned\u{07} there", stored: "hi there"),
    BadReply(name: "lone escape at the end", text: "hello\u{1B}", stored: "hello"),
    BadReply(name: "unterminated escape", text: "hello \u{1B}[31", stored: "hello"),
    BadReply(name: "control characters", text: "a\u{07}b\u{08}c\rd\0e\u{7F}f\u{85}g\u{9B}h", stored: "abcdefgh"),
    BadReply(name: "line breaks and tabs", text: "one\ntwo\tthree\u{2028}four", stored: "onetwo threefour"),
    BadReply(name: "bidirectional override", text: "abc\u{202E}def", stored: "abcdef"),
    BadReply(name: "replacement characters", text: "\u{FFFD}\u{FFFD} hello", stored: "\u{FFFD}\u{FFFD} hello"),
    BadReply(name: "decoded invalid UTF-8", text: invalidUTF8, stored: invalidUTF8),
    BadReply(name: "empty", text: "", stored: ""),
    BadReply(name: "only an escape", text: "\u{1B}[2J", stored: ""),
    BadReply(name: "emoji and combining marks", text: "ok 👍🏽 café e\u{301}", stored: "ok 👍🏽 café e\u{301}"),
])
func badRepliesAreStoredClean(_ c: BadReply) throws {
    let engine = makeEngine()
    let (start, _) = engine.start(seed: 1)
    let (state, events) = engine.step(start, .reply(c.text))
    #expect(state.turn == 1)
    #expect(!events.isEmpty)
    let reply = try #require(state.transcript.first { $0.speaker == .agent })
    if let stored = c.stored {
        #expect(reply.text == stored)
    }
    #expect(reply.text.count <= LineSanitizer.maxLength)
    for entry in state.transcript + [TranscriptEntry(speaker: .system, text: state.notes.joined(), node: nil, turn: 0)] {
        #expect(!entry.text.unicodeScalars.contains { isUnsafe($0) }, "unsafe character kept in \(entry.speaker) line")
    }
    // The state still saves and loads.
    #expect(try decodeJSON(try encodeJSON(state)) == state)
    // An empty reply is ignored; the call is not moved on by it.
    if reply.text.isEmpty {
        #expect(spokenReactions(events).first == .ignored)
        #expect(state.node == start.node)
    }
}

@Test func veryLongReplyIsCutToTheLimit() throws {
    let (state, _) = makeEngine().run(seed: 1, [.reply(String(repeating: "x", count: 102_400))])
    let reply = try #require(state.transcript.first { $0.speaker == .agent })
    #expect(reply.text.count == LineSanitizer.maxLength)
}

@Test func notesWithControlCharactersAreStoredClean() {
    let (state, _) = makeEngine().run(seed: 1, [.note("\u{1B}[31mred\u{1B}[0m\u{07} note\r"), .note(String(repeating: "n", count: 50_000))])
    #expect(state.notes.first == "red note")
    #expect(state.notes.count == 2)
    #expect(state.notes.allSatisfy { $0.count <= LineSanitizer.maxLength })
    #expect(!state.transcript.contains { $0.text.unicodeScalars.contains { isUnsafe($0) } })
}

/// ESC and the other characters a terminal may act on.
private func isUnsafe(_ s: Unicode.Scalar) -> Bool {
    s == "\u{1B}" || s.properties.generalCategory == .control || (0x80...0x9F).contains(s.value)
        || s.value == 0x202E || s.value == 0x2028 || s.value == 0x2029
}
