import Testing
import Language

@Suite struct CustomerFactsTests {
    @Test func findsNumbersDaysAndContentWords() {
        let facts = CustomerFacts.extract(from: "My broadband has been down since Tuesday and I've called three times!")
        #expect(facts.map(\.id) == ["broadband", "tuesday", "3 times"])
    }

    @Test func skipsStopWordsAndWordsAnyComplaintUses() {
        let facts = CustomerFacts.extract(from: "I have a problem, it's not working and I need help, this is ridiculous")
        #expect(facts.isEmpty, "\(facts.map(\.id))")
    }

    @Test func keepsNamesTypedInCapitalsEvenWhenShort() {
        let ids = CustomerFacts.extract(from: "My BT line and my TV are both dead").map(\.id)
        #expect(ids.contains("bt"))
        #expect(ids.contains("tv"))
        #expect(ids.contains("dead"))
        // Two-letter words in lower case are not facts.
        #expect(CustomerFacts.extract(from: "my ex set it up").map(\.id) == ["set"])
    }

    @Test func numbersMatchInDigitsOrWords() {
        let facts = CustomerFacts.extract(from: "I was charged twice, 40 pounds, for 3 days of nothing")
        let ids = facts.map(\.id)
        #expect(ids == ["charged", "twice", "40 pounds", "3 days"])
        let days = facts.first { $0.id == "3 days" }
        #expect(days?.cues == ["3 days|three days"])
        // After a unit such as pounds or pm the bare number also counts ("at 4").
        let pounds = facts.first { $0.id == "40 pounds" }
        #expect(pounds?.cues.first?.split(separator: "|").contains("40") == true)
    }

    @Test func eachFactOnce() {
        let ids = CustomerFacts.extract(from: "The router, the router! My router keeps flashing. Routers!").map(\.id)
        #expect(ids.filter { $0.hasPrefix("router") }.count == 1)
        #expect(ids.contains("flashing"))
    }

    @Test func longLinesKeepTheirFirstFacts() {
        let words = (1...60).map { "widget\($0)" }.joined(separator: " ")
        let facts = CustomerFacts.extract(from: words)
        #expect(facts.count == CustomerFacts.limit)
        #expect(facts.first?.id == "widget1")
    }

    @Test(arguments: ["", "   ", "?!...", "\u{1B}[31m", "\u{FFFD}\u{FFFD}", String(repeating: "a", count: 20_000)])
    func oddLinesGiveFewOrNoFactsAndNeverFail(line: String) {
        let facts = CustomerFacts.extract(from: line)
        #expect(facts.count <= CustomerFacts.limit)
        for fact in facts { #expect(!fact.cues.isEmpty && !fact.id.isEmpty) }
    }

    @Test func sameLineSameFacts() {
        let line = "I ordered a new phone on Friday and it still hasn't arrived, order 55120"
        #expect(CustomerFacts.extract(from: line) == CustomerFacts.extract(from: line))
        #expect(ReplyContext.fromCustomerLine(line).facts == CustomerFacts.extract(from: line))
        #expect(ReplyContext.fromCustomerLine(line).givenFacts.isEmpty)
    }

    struct ParaphraseCase: Sendable, CustomTestStringConvertible {
        var customer: String
        var reply: String
        var paraphrases: Bool
        var testDescription: String { "\(paraphrases ? "paraphrase" : "none"): \(reply)" }
    }

    @Test(arguments: [
        ParaphraseCase(customer: "My broadband has been down since Tuesday and I've called three times.",
                       reply: "So it's been down since Tuesday and you've called us 3 times, is that right?", paraphrases: true),
        ParaphraseCase(customer: "My broadband has been down since Tuesday and I've called three times.",
                       reply: "I understand your problem and I'm sorry about that.", paraphrases: false),
        ParaphraseCase(customer: "I've been charged £40 twice on my bill this month.",
                       reply: "I can see the £40 charge went through twice on this month's bill.", paraphrases: true),
        ParaphraseCase(customer: "I have a problem, it's not working.",
                       reply: "Sorry it's not working, I understand the problem.", paraphrases: false),
        ParaphraseCase(customer: "The engineer didn't turn up on Friday.",
                       reply: "The engineer missed the Friday appointment, I'm so sorry.", paraphrases: true),
        ParaphraseCase(customer: "", reply: "So your router has been flashing since Friday?", paraphrases: false),
    ])
    func repliesThatRestateTheCustomersDetailsParaphrase(_ c: ParaphraseCase) {
        let signals = ReplyAnalyzer().analyze(c.reply, context: .fromCustomerLine(c.customer))
        #expect(signals.paraphrases == c.paraphrases, "\(signals.paraphrasedFacts)")
        if c.paraphrases {
            let words = signals.evidence(for: .paraphrases)?.words ?? ""
            #expect(!words.isEmpty && c.reply.contains(words))
        }
    }

    @Test func askingAboutADetailIsNotRestatingIt() {
        let context = ReplyContext.fromCustomerLine("My router keeps flashing orange.")
        let signals = ReplyAnalyzer().analyze("Can you tell me which router it is?", context: context)
        #expect(!signals.paraphrases)
    }
}
