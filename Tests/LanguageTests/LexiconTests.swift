import Testing
@testable import Language

/// The compiled phrase trie, the word cache and prepared contexts: the pieces that make analysis fast
/// must find exactly what the phrase lists describe.
@Suite("Phrase trie, word cache and prepared contexts")
struct LexiconTests {
    /// The matches of a small lexicon in `text`, as "category: words" in order of where they start.
    private func matches(_ lists: [(Category, PatternFlags, [String])], _ text: String) -> [String] {
        let lexicon = Lexicon(lists)
        let tokenized = TokenizedText(text)
        return lexicon.scan(tokenized.tokens).map { "\($0.category): \(tokenized.words($0.range))" }
    }

    @Test func wordsMatchByStem() {
        let found = matches([(.action, [], ["book an engineer"])], "I've booked engineers and I booked an engineer.")
        #expect(found == ["action: booked an engineer"])
    }

    @Test func eachKindOfStepMatches() {
        let lists: [(Category, PatternFlags, [String])] = [
            (.timescale, [], ["by @weekday"]),
            (.offer, [], ["upgrade*"]),
            (.confirmation, [], ["% credit"]),
            (.ownership, [], ["i will .. call you"]),
            (.hollowCloser, [], ["anything else $"]),
            (.negative, [], ["policy !allow"]),
            (.mask, [], ["_ worry"]),
        ]
        let found = matches(lists, "I will personally call you by Friday. Upgrades and a £5 credit. Policy says no. Don't worry. Anything else")
        #expect(found.contains("timescale: by Friday"))
        #expect(found.contains("ownership: I will personally call you"))
        #expect(found.contains("offer: Upgrades"))
        // The amount's evidence starts at its digits; without a currency sign a number is no amount.
        #expect(found.contains("confirmation: 5 credit"))
        #expect(matches([(.confirmation, [], ["% credit"])], "a 5 credit").isEmpty)
        #expect(found.contains("negative: Policy"))
        #expect(found.contains("mask: Don't worry"))
        #expect(found.contains("hollowCloser: Anything else"))
    }

    @Test func aLookAheadRefusesTheWordsItNames() {
        let lists: [(Category, PatternFlags, [String])] = [(.negative, [], ["policy !allow/allows"])]
        #expect(matches(lists, "Our policy allows it.").isEmpty)
        #expect(matches(lists, "It is our policy, sadly.") == ["negative: policy"])
        #expect(matches(lists, "That's the policy") == ["negative: policy"])
    }

    @Test func aGapTakesUpToThreeWordsInOneSentence() {
        let lists: [(Category, PatternFlags, [String])] = [(.ownership, [], ["i will .. call you"])]
        #expect(matches(lists, "I will call you") == ["ownership: I will call you"])
        #expect(matches(lists, "I will personally and gladly call you") == ["ownership: I will personally and gladly call you"])
        #expect(matches(lists, "I will a b c d call you").isEmpty)
        #expect(matches(lists, "I will. Call you").isEmpty)
    }

    @Test func optionalPartsNeverShrinkToOneWord() {
        let lists: [(Category, PatternFlags, [String])] = [(.apology, [], ["(so/really) sorry (about)"])]
        #expect(matches(lists, "Sorry.").isEmpty)
        #expect(matches(lists, "So sorry.") == ["apology: So sorry"])
    }

    @Test func manyWordSetsAtOneNodeAreLookedUpInATable() {
        // Six word sets after "please" (more than a node tries one by one), and six at the root.
        let sets = ["red/blue", "green/grey", "black/white", "pink/gold", "brown/tan", "navy/teal"]
        let afterWord = sets.map { "please \($0) one" }
        let atRoot = sets.map { "\($0) box" }
        let lists: [(Category, PatternFlags, [String])] = [(.offer, [], afterWord), (.action, [], atRoot)]
        #expect(matches(lists, "Please teal one") == ["offer: Please teal one"])
        #expect(matches(lists, "please grey one and a gold box") == ["offer: please grey one", "action: gold box"])
        #expect(matches(lists, "please purple one, purple box").isEmpty)
        // A word in two sets follows both.
        let shared: [(Category, PatternFlags, [String])] = [(.offer, [], ["a/b x", "b/c y", "c/d x", "d/e y", "e/f x", "f/b z"])]
        #expect(Set(matches(shared, "b x. b y. b z")) == ["offer: b x", "offer: b y", "offer: b z"])
    }

    @Test func aPatternCountsOncePerPlaceAndCategory() {
        let lists: [(Category, PatternFlags, [String])] = [(.acknowledge, [], ["sorry", "sorry", "[sorry]"])]
        #expect(matches(lists, "sorry") == ["acknowledge: sorry"])
    }

    @Test func theStandardLexiconIsBuilt() {
        #expect(Lexicon.standard.patternCount > 10_000)
        #expect(Lexicon.standard.nodeCount > Lexicon.standard.patternCount)
    }

    // MARK: - The edge table

    @Test func theEdgeTableFindsWhatWasPutInAndNothingElse() {
        var table = EdgeTable(minimumCapacity: 4)
        var expected: [UInt64: Int32] = [:]
        var random = SplitMix(seed: 7)
        while expected.count < 5_000 {
            let node = Int32(random.next() % 3_000), step = UInt32(random.next() % 70_000)
            let key = UInt64(node) << 32 | UInt64(step)
            guard expected[key] == nil else { continue }
            let child = Int32(expected.count)
            table.insert(node: node, step: step, child: child)
            expected[key] = child
        }
        #expect(table.count == 5_000)
        for (key, child) in expected {
            #expect(table.child(of: Int32(key >> 32), step: UInt32(key & 0xFFFF_FFFF)) == child)
        }
        var misses = 0
        for _ in 0..<5_000 {
            let node = Int32(random.next() % 3_000), step = UInt32(random.next() % 70_000)
            if expected[UInt64(node) << 32 | UInt64(step)] == nil {
                misses += 1
                #expect(table.child(of: node, step: step) == -1)
            }
        }
        #expect(misses > 0)
    }

    // MARK: - The word cache

    @Test func cachedWordsAreTheWordsWorkedOutAfresh() {
        for raw in ["I'll", "CAN'T", "colour", "4pm", "asap", "Booked", "won’t", "café", "2fa", "let's", "x"] {
            let cached = WordCache.shared.words(Substring(raw)).map { "\($0.norm)/\($0.stem)/\($0.isNumber)" }
            let fresh = WordCache.make(Substring(raw)).map { "\($0.norm)/\($0.stem)/\($0.isNumber)" }
            #expect(cached == fresh, "\(raw)")
            // Asked again, from the cache.
            #expect(WordCache.shared.words(Substring(raw)).map { "\($0.norm)/\($0.stem)/\($0.isNumber)" } == fresh)
        }
        #expect(WordCache.shared.words("I'll").map(\.norm) == ["i", "will"])
    }

    @Test func theWordCacheStaysCorrectPastItsCapacity() {
        // More distinct words than the cache keeps: it starts again and every answer stays right.
        for k in 0..<(WordCache.capacity + 100) {
            let raw = "zqword\(k)s"
            let words = WordCache.shared.words(Substring(raw))
            #expect(words.count == 1)
            if k % 1_000 == 0 { #expect(words.first?.norm == raw) }
        }
        let long = String(repeating: "abc", count: 20) + "ing"
        #expect(WordCache.shared.words(Substring(long)).map(\.norm) == [long])
    }

    // MARK: - Prepared contexts

    @Test func aPreparedContextGivesTheSameSignals() {
        let replies = [
            "So the broadband's been down since Tuesday and you've called three times - I'm sorry.",
            "What's your postcode?",
            "I'll book an engineer for tomorrow and text you the slot.",
            "lol",
        ]
        let plain = broadband
        let prepared = broadband.prepared()
        #expect(plain == prepared)
        for reply in replies {
            #expect(ReplyAnalyzer().analyze(reply, context: plain) == ReplyAnalyzer().analyze(reply, context: prepared), "\(reply)")
        }
        let line = ReplyContext.fromCustomerLine("I was charged £12 twice for the same order")
        var unprepared = ReplyContext(customerLine: line.customerLine, facts: line.facts)
        unprepared.factsAreCustomerWords = true
        for reply in ["So you were charged £12 twice.", "Which order was it?", "Charged twice, that's not on."] {
            #expect(ReplyAnalyzer().analyze(reply, context: line) == ReplyAnalyzer().analyze(reply, context: unprepared), "\(reply)")
        }
    }

    @Test func changingAPreparedContextIsNoticed() {
        var context = broadband.prepared()
        context.facts = [Cue(id: "router", cues: ["router"])]
        let signals = ReplyAnalyzer().analyze("So the router is the problem.", context: context)
        #expect(signals.paraphrasedFacts == ["router"])
        var line = ReplyContext.fromCustomerLine("My parcel never arrived")
        line.customerLine = "The kettle leaks"
        line.facts = []
        // Nothing detected: whether the reply relates to the customer's line is judged on the new line.
        #expect(ReplyAnalyzer().analyze("kettle", context: line).empty == false)
        #expect(ReplyAnalyzer().analyze("parcel", context: line).empty == true)
    }
}

/// A small seeded generator for the tests.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
