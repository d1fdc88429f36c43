/// The specifics a customer gave in one line, as ``Cue``s a paraphrase can be checked against.
///
/// Scenarios list their key facts by hand. When there is no scenario (analysing a single reply, or a
/// file of replies), the customer's own line is the only source of facts: its numbers ("three times",
/// "£40", "4pm"), days and times ("since Tuesday"), names ("BT", "Visa") and content words ("router",
/// "charged", "bill") each become a fact. A reply that restates them in a statement paraphrases; a
/// generic "I understand your problem" does not, because words such as "problem", "issue", "help" and
/// "working" are never facts.
///
/// ```swift
/// let facts = CustomerFacts.extract(from: "My broadband has been down since Tuesday and I've called three times")
/// facts.map(\.id)   // ["broadband", "tuesday", "3 times"]
/// let context = ReplyContext.fromCustomerLine("My broadband has been down since Tuesday")
/// ReplyAnalyzer().analyze("So it's been out since Tuesday?", context: context).paraphrases  // true
/// ```
public enum CustomerFacts {
    /// The most facts taken from one line; a very long line keeps its first ones.
    public static let limit = 16

    /// The facts in `customerLine`, in the order the customer gave them, at most ``limit``.
    ///
    /// Each fact's `id` is the customer's wording, normalised (lowercase, one spelling, numbers as
    /// digits: "3 times"); its `cues` match the same words in any form ("booked" for "booking",
    /// "three" for "3"). Pure: the same line always gives the same facts.
    public static func extract(from customerLine: String) -> [Cue] {
        let text = TokenizedText(customerLine)
        let tokens = text.tokens
        let asking = askingClauses(text)
        var facts: [Cue] = []
        var seen = Set<String>()
        var i = 0
        while i < tokens.count, facts.count < limit {
            let token = tokens[i]
            defer { i += 1 }
            if token.isNumber || token.norm == "twice", let value = numberValue(token.norm) {
                // A number, with the unit that follows it in the same sentence ("3 days", "4 pm").
                let next = i + 1 < tokens.count && tokens[i + 1].sentence == token.sentence ? tokens[i + 1] : nil
                let spellings = numberSpellings(token.norm, value: value)
                if let unit = next, token.norm != "twice", !unit.isNumber, unit.norm != "twice", isContent(unit, in: text) || timeUnits.contains(unit.norm) {
                    let id = "\(spellings[0]) \(unit.norm)"
                    guard seen.insert("#" + id).inserted else { continue }
                    var alternatives = spellings.map { "\($0) \(unit.norm)" }
                    if bareNumberUnits.contains(unit.norm) { alternatives += spellings }
                    facts.append(Cue(id: id, cues: [alternatives.joined(separator: "|")]))
                    seen.insert(unit.stem)
                    i += 1
                } else {
                    guard seen.insert("#" + spellings[0]).inserted else { continue }
                    facts.append(Cue(id: spellings[0], cues: [spellings.joined(separator: "|")]))
                }
                continue
            }
            // The words of a question ("is breakfast included?") ask; they give no fact. Codes such as
            // "BS3" are facts wherever they are.
            guard isContent(token, in: text), !asking.contains(token.clause) || token.norm.contains(where: \.isNumber),
                  seen.insert(token.stem).inserted else { continue }
            facts.append(Cue(id: token.norm, cues: [token.norm]))
        }
        return facts
    }

    // MARK: - Which words are facts

    /// The clauses of `text` that ask something: in a sentence ending with a question mark, the clause
    /// that opens with a question word or a verb ("can I...", "is it...") and those after it, or the
    /// whole sentence when no clause opens that way. "I've got chest pains, can I get an appointment
    /// today?" asks only in its second clause.
    static func askingClauses(_ text: TokenizedText) -> Set<Int> {
        var out = Set<Int>()
        for sentence in text.sentences where sentence.questionMark && !sentence.tokens.isEmpty {
            let first = text.tokens[sentence.tokens.lowerBound].clause
            let last = text.tokens[sentence.tokens.upperBound - 1].clause
            var from = first
            for c in first...last {
                let lead = text.clauses[c].first { text.tokens[$0].clauseLead && !Normalizer.fillers.contains(text.tokens[$0].norm) }
                if let lead, questionLeads.contains(text.tokens[lead].norm) { from = c; break }
            }
            for c in from...last { out.insert(c) }
        }
        return out
    }

    private static let questionLeads: Set<String> = [
        "what", "how", "why", "when", "where", "which", "who", "whose", "is", "are", "was", "were", "do", "does", "did",
        "have", "has", "had", "can", "could", "would", "will", "should", "shall", "may", "might", "am", "any",
    ]

    /// True for a word that says something specific: not a function word, not a word any complaint
    /// uses ("problem", "working"), and long enough to mean something unless it is a name ("BT").
    static func isContent(_ token: Token, in text: TokenizedText) -> Bool {
        let norm = token.norm
        if LexiconData.stopWords.contains(norm) || generic.contains(norm) || generic.contains(token.stem) { return false }
        if Normalizer.isNumber(norm) { return false }
        if norm.utf8.count >= 3 { return true }
        // Two-letter words count only when typed in capitals ("BT", "TV").
        let typed = text.original[token.source]
        return typed.count >= 2 && typed.allSatisfy { $0.isUppercase || $0.isNumber }
    }

    /// Words a customer uses about any problem, and words any agent says back: echoing them is not
    /// paraphrasing. Listed as typed and compared on the word and its stem.
    static let generic: Set<String> = {
        let words = [
            "problem", "problems", "issue", "issues", "trouble", "help", "helped", "helping", "want", "wanted",
            "need", "needed", "needs", "think", "thought", "feel", "felt", "sorry", "understand", "understood",
            "work", "works", "working", "worked", "broken", "wrong", "happen", "happened", "happening",
            "try", "tried", "trying", "keep", "keeps", "kept", "call", "called", "calling",
            "contact", "contacted", "speak", "spoke", "talk", "talked", "tell", "told", "ask",
            "asked", "fix", "fixed", "sort", "sorted", "done", "come", "came", "give", "gave", "take", "took",
            "put", "use", "used", "look", "looked", "looking", "seem", "seems", "mean", "means", "sure",
            "frustrating", "frustrated", "annoying", "annoyed", "angry", "upset", "ridiculous", "terrible",
            "awful", "useless", "joke", "unacceptable", "seriously", "honestly", "actually", "literally",
            "basically", "already", "ever", "never", "always", "every", "anyone", "someone", "everyone",
            "nobody", "everything", "somebody", "anybody", "time", "times", "today", "since", "ago", "last",
            "lot", "lots", "bit", "little", "whole", "stuff", "guy", "guys", "people", "person", "company",
            "customer", "service", "account", "hear", "heard", "told", "wait", "waiting", "waited", "yet",
            "though", "because", "cause", "while", "until", "after", "before", "without", "within", "through",
            "other", "another", "each", "both", "either", "neither", "able", "unable", "don", "doesn", "isn",
            "please", "hello", "morning", "afternoon", "evening", "cheers", "thing", "things", "why", "again",
            "getting", "gets", "gone", "goes", "went", "being", "having", "doing", "make", "makes", "making",
            "able", "let", "lets", "maybe", "probably", "anyway", "ok", "okay", "yes", "well", "exactly",
        ]
        return Set(words + words.map(Stemmer.stem))
    }()

    /// Units after a number that make the number a fact of its own ("three times", "2 weeks").
    static let timeUnits: Set<String> = [
        "times", "time", "days", "day", "weeks", "week", "months", "month", "hours", "hour", "minutes", "minute",
        "years", "year", "pm", "am",
    ]

    /// Units after which the bare number also counts ("4 pm" is restated by "at 4").
    static let bareNumberUnits: Set<String> = ["pm", "am", "p", "pounds", "quid", "dollars", "euros"]

    // MARK: - Numbers

    private static let words: [String] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    ]
    private static let tens: [String: Int] = [
        "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]

    /// The value of a number typed in digits or as a definite number word; nil for other words and for
    /// vague amounts ("few", "couple").
    static func numberValue(_ norm: String) -> Int? {
        if let first = norm.utf8.first, first >= 0x30, first <= 0x39 {
            // "4", "4.30", "12/03": the leading whole number stands for the value; others are kept as typed.
            return Int(norm) ?? -1
        }
        if let k = words.firstIndex(of: norm) { return k }
        if let v = tens[norm] { return v }
        if norm == "twice" { return 2 }
        return nil
    }

    /// The ways to write a number, digits first ("3" and "three").
    static func numberSpellings(_ norm: String, value: Int) -> [String] {
        if norm == "twice" { return ["twice", "2 times", "two times"] }
        guard value >= 0 else { return [norm] }
        var out = [String(value)]
        if let first = norm.utf8.first, first >= 0x30, first <= 0x39, norm != out[0] {
            // Typed with leading zeros ("007"): keep it as typed.
            return [norm]
        }
        if value < words.count {
            out.append(words[value])
        } else if let word = tens.first(where: { $0.value == value })?.key {
            out.append(word)
        }
        return out
    }
}

extension ReplyContext {
    /// A context for a reply with no scenario behind it: the customer's line, with the facts
    /// ``CustomerFacts/extract(from:)`` finds in it as the paraphrase targets.
    ///
    /// Facts are not marked as already given, so a question about them ("which router is it?") is not
    /// reported as asking again.
    public static func fromCustomerLine(_ customerLine: String, knowledge: Knowledge = .medium) -> ReplyContext {
        var context = ReplyContext(customerLine: customerLine, facts: CustomerFacts.extract(from: customerLine), knowledge: knowledge)
        context.factsAreCustomerWords = true
        return context.prepared()
    }
}
