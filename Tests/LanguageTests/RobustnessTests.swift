import Testing
@testable import Language

@Suite("Evidence and robustness")
struct RobustnessTests {
    @Test func evidenceQuotesTheReplyAsTyped() {
        let reply = "I'LL   Call You Back at 4PM!! And I’m SO sorry."
        let s = analyze(reply)
        #expect(s.evidence(for: .ownership)?.words == "I'LL   Call You Back")
        #expect(s.evidence(for: .timescale)?.words == "at 4PM")
        #expect(s.evidence(for: .acknowledges)?.words == "I’m SO sorry")
        let n = analyze("I can’t promise a time")
        #expect(n.evidence(for: .negativeLanguage)?.words == "can’t")
    }

    static let hostile: [String] = [
        String(repeating: "I'm sorry, I'll call you back at 4pm. What happened? ", count: 2_000),
        String(repeating: "x", count: 100_000),
        "\u{0}\u{1}\u{7}\u{1B}[31mred\u{1B}[0m\t\r\n\u{7F}",
        "🙂👍🏽👨‍👩‍👧 I'll fix it 🔧 tomorrow 🙏",
        "我会明天给您回电话。", "سأتصل بك غدا", "Je vais vous rappeler demain à 16h.",
        "e\u{301}\u{301}\u{301}", "''''", "...???!!!", "?", "'s", "n't", "4:30:", "1/2/3/4", "—–-",
        String(repeating: "don't ", count: 5_000), "\u{FEFF}\u{200B}\u{2028}", "I'\u{2019}ll",
    ]

    @Test(arguments: hostile)
    func neverCrashesAndQuotesOnlyTheReply(_ reply: String) {
        let s = analyze(reply)
        for e in s.evidence {
            #expect(reply.contains(e.words), "\(e.signal) evidence is not from the reply")
            #expect(!e.words.isEmpty)
        }
    }

    @Test func largeReplyStillAnalysed() {
        let reply = String(repeating: "The line is fine. ", count: 6_000) + "I'll call you back tomorrow."
        #expect(reply.utf8.count > 100_000)
        let s = analyze(reply)
        #expect(s.nextSteps.ownership)
        #expect(s.nextSteps.timescale)
    }

    @Test func sameReplySameSignals() {
        let reply = "So it's crackled since Tuesday, right? I'll book an engineer for Monday."
        #expect(analyze(reply) == analyze(reply))
    }
}

@Suite("Tokenizer, normaliser and stemmer")
struct TokenizerTests {
    @Test(arguments: [
        ("I'll", ["i", "will"]), ("can't", ["can", "not"]), ("won’t", ["will", "not"]), ("I'm", ["i", "am"]),
        ("it's", ["it", "is"]), ("customer's", ["customer"]), ("cant", ["can", "not"]), ("Ill", ["i", "will"]),
        ("apologise", ["apologize"]), ("cancelled", ["canceled"]), ("4pm", ["4", "pm"]), ("4:30pm", ["4:30", "pm"]),
        ("2FA", ["2fa"]), ("12/03", ["12/03"]), ("cannot", ["can", "not"]), ("let's", ["let", "us"]),
    ])
    func normalises(_ text: String, _ expected: [String]) {
        #expect(TokenizedText(text).tokens.map(\.norm) == expected)
    }

    @Test func tokensMapBackToTheOriginal() {
        let text = "Hi — I can't, OK?"
        let t = TokenizedText(text)
        #expect(t.tokens.map { String(text[$0.source]) } == ["Hi", "I", "can't", "can't", "OK"])
        #expect(t.sentences.count == 1)
        #expect(t.sentences[0].questionMark)
        #expect(t.clauses.count == 3)
    }

    @Test func splitsSentences() {
        let t = TokenizedText("It's down. Is the light on? Yes!\nOK")
        #expect(t.sentences.map(\.questionMark) == [false, true, false, false])
        #expect(t.words(ofSentence: 1) == "Is the light on?")
    }

    @Test(arguments: [
        ("crackling", "crackle"), ("crackled", "crackle"), ("booked", "book"), ("booking", "books"),
        ("batteries", "battery"), ("dropped", "drop"), ("raises", "raise"), ("routers", "router"),
        ("frustrating", "frustrated"), ("added", "add"), ("adding", "add"), ("planned", "plan"),
    ])
    func stemsMeet(_ a: String, _ b: String) {
        #expect(Stemmer.stem(a) == Stemmer.stem(b))
    }

    /// A content word must not stem to a common function word.
    @Test(arguments: [("note", "not"), ("noted", "not"), ("have", "hav")])
    func stemsStayApart(_ word: String, _ unwanted: String) {
        #expect(Stemmer.stem(word) != unwanted)
    }
}
