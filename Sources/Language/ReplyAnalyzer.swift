/// The standard reply analyser: finds what a trainee's reply did by matching it against built-in
/// phrase lists (British and American, formal and casual) and against the scenario's own cues.
///
/// It is pure and holds no state, so one value can analyse replies from any number of calls at once.
/// Every signal that fires carries ``Evidence`` quoting the trainee's words exactly as typed.
///
/// ```swift
/// let analyzer = ReplyAnalyzer()
/// let signals = analyzer.analyze("I'm sorry to hear that. I'll call you back at 4.", context: context)
/// signals.acknowledges          // true
/// signals.nextSteps.ownership   // true
/// signals.evidence(for: .timescale)?.words  // "at 4"
/// ```
public struct ReplyAnalyzer: ReplyAnalyzing {
    public init() {}

    /// Finds what `reply` did. Never fails: an empty or unreadable reply gives ``Signals/empty``.
    public func analyze(_ reply: String, context: ReplyContext) -> Signals {
        let text = TokenizedText(reply)
        guard !text.tokens.isEmpty else {
            var signals = Signals()
            signals.empty = true
            return signals
        }
        let analysis = Analysis(text: text, context: context)
        return analysis.run()
    }
}

/// The working state of one analysis.
private final class Analysis {
    let text: TokenizedText
    let context: ReplyContext
    let tokens: [Token]

    /// Accepted hits, by category.
    private var hits: [[Hit]] = Array(repeating: [], count: Category.allCases.count)
    /// Every hit the lexicon found, by category.
    private var rawHits: [[Hit]] = []
    /// Whether each sentence is a question.
    private var isQuestion: [Bool] = []
    /// Clauses that ask the customer for information ("when did it start?").
    private var requestClauses = Set<Int>()
    /// Negative wording found through negated cues ("I can't promise a time").
    private var negatedRanges: [Range<Int>] = []
    private var signals = Signals()

    /// The context's facts, compiled (once per context when it was prepared, see ``ReplyContext/prepared()``).
    let facts: [PreparedFact]

    init(text: TokenizedText, context: ReplyContext) {
        self.text = text
        self.context = context
        tokens = text.tokens
        facts = context.preparation.facts(for: context)
    }

    func run() -> Signals {
        let raw = Lexicon.standard.scan(text.tokens)
        var byCategory: [[Hit]] = Array(repeating: [], count: Category.allCases.count)
        for hit in raw { byCategory[hit.category.rawValue].append(hit) }
        rawHits = byCategory
        let masks = byCategory[Category.mask.rawValue].map(\.range)
        // A commitment with a negative word in it ("I won't stop until it's fixed", "I won't transfer
        // you") is not negative wording.
        let negativeMasks = masks + byCategory[Category.ownership.rawValue].map(\.range)
        classifySentences(byCategory)

        for category in Category.allCases {
            let masks = category == .negative ? negativeMasks : masks
            for hit in byCategory[category.rawValue] where accept(hit, masks: masks) {
                hits[category.rawValue].append(hit)
            }
        }
        for hit in hits[Category.requestForm.rawValue] + hits[Category.timeAsk.rawValue] {
            requestClauses.insert(tokens[hit.range.lowerBound].clause)
        }

        detectListening()
        detectNextSteps()
        detectScenarioCues()
        detectThingsToAvoid()
        detectSummaries()
        return signals
    }

    // MARK: - Sentences

    private func classifySentences(_ byCategory: [[Hit]]) {
        isQuestion = text.sentences.map(\.questionMark)
        for hit in byCategory[Category.questionStart.rawValue] where tokens[hit.range.lowerBound].clauseLead {
            let start = hit.range.lowerBound
            let s = tokens[start].sentence
            if isQuestion[s] { continue }
            // "Could you please restart it." is a request, not a question.
            let last = hit.range.upperBound - 1
            let next = hit.range.upperBound < tokens.count ? tokens[hit.range.upperBound].norm : ""
            if tokens[last].norm == "please" || next == "please" { continue }
            if tokens[start].norm == "please" { continue }
            // Without a question mark, a question word later in the sentence starts a relative
            // clause ("a protected slot, which can't be moved") or a list ("how much, and the date").
            if LexiconData.openWords.contains(tokens[start].norm) && tokens[start].clause != firstClause(of: s) { continue }
            isQuestion[s] = true
        }
        for hit in byCategory[Category.openStarter.rawValue] {
            let start = tokens[hit.range.lowerBound]
            // "I'll tell you what happens next." reports; only a clause that starts with the question
            // word (or an open prompt such as "tell me...") asks.
            if !start.clauseLead && (hit.flags.contains(.anchored) || LexiconData.openWords.contains(start.norm)) { continue }
            isQuestion[start.sentence] = true
        }
        // Some sentences with a question mark ask nothing: a polite instruction ("Could you restart the
        // router?"), a rhetorical tag after a feeling ("Annoying, isn't it?") or a promise with a stray
        // question mark ("I'll see what I can do?").
        var asks = Set<Int>()
        for hit in byCategory[Category.questionStart.rawValue] + byCategory[Category.openStarter.rawValue]
            + byCategory[Category.requestForm.rawValue] where tokens[hit.range.lowerBound].clauseLead {
            asks.insert(tokens[hit.range.lowerBound].clause)
        }
        for hit in byCategory[Category.notAsking.rawValue] where tokens[hit.range.lowerBound].clauseLead {
            let s = tokens[hit.range.lowerBound].sentence
            guard text.sentences[s].questionMark else { continue }
            let own = tokens[hit.range.lowerBound].clause
            let clauses = tokens[text.sentences[s].tokens.lowerBound].clause...tokens[text.sentences[s].tokens.upperBound - 1].clause
            if !clauses.contains(where: { $0 != own && asks.contains($0) }) { isQuestion[s] = false }
        }
    }

    /// The first clause of sentence `s`.
    private func firstClause(of s: Int) -> Int { tokens[text.sentences[s].tokens.lowerBound].clause }

    private func accept(_ hit: Hit, masks: [Range<Int>]) -> Bool {
        let start = hit.range.lowerBound
        let sentence = tokens[start].sentence
        if hit.flags.contains(.anchored) && !tokens[start].clauseLead { return false }
        if hit.flags.contains(.question) && !isQuestion[sentence] { return false }
        if hit.flags.contains(.statement) && isQuestion[sentence] { return false }
        if hit.flags.contains(.future) && isPastOnly(sentence) { return false }
        switch hit.category {
        case .negative:
            if masks.contains(where: { $0.overlaps(hit.range) }) { return false }
            return refuses(hit.range)
        case .blame, .smallTalk:
            if masks.contains(where: { $0.overlaps(hit.range) }) { return false }
            // "So you didn't get the letter" plays the customer's words back; it accuses no one.
            if hit.category == .blame, tokens[start].norm == "you", start > 0, tokens[start - 1].clause == tokens[start].clause,
               Self.restatingLeads.contains(tokens[start - 1].norm) {
                return false
            }
        case .timescale:
            return isForwardTime(hit.range)
        case .customerAction:
            return isInstruction(hit)
        case .jargon where hit.range.count == 1:
            // "LAN", not "lane": a one-word term must be typed as listed or plainly inflected.
            let norm = tokens[start].norm
            if LexiconData.jargonWords.contains(norm) { return true }
            return LexiconData.jargonWords.contains { norm.hasPrefix($0) && Self.inflections.contains(String(norm.dropFirst($0.count))) }
        case .offer:
            // "I've upgraded it to urgent delivery" is done, not offered.
            return !tokens[hit.range.lowerBound].norm.hasSuffix("ed")
        case .confirmation:
            // "You'll get a text with a one-time code": the text delivers something else.
            return !hits(.notConfirming).contains {
                $0.range.overlaps(hit.range) || (tokens[$0.range.lowerBound].sentence == sentence
                    && $0.range.lowerBound >= hit.range.upperBound && $0.range.lowerBound - hit.range.upperBound <= 3)
            }
        default:
            break
        }
        return true
    }

    /// False when time words say how often or how long something has happened rather than when
    /// something will happen: "three calls in a week", "the third time this week", "since Tuesday
    /// morning", "this morning's line test".
    private func isForwardTime(_ range: Range<Int>) -> Bool {
        let start = range.lowerBound
        let sentence = tokens[start].sentence
        if start > 0, tokens[start - 1].sentence == sentence {
            let before = tokens[start - 1].norm
            if Self.sinceWords.contains(before) || before == "twice" || before == "thrice" { return false }
            if Self.eventWords.contains(before), start > 1, tokens[start - 2].sentence == sentence,
               tokens[start - 2].isNumber || Self.countWords.contains(tokens[start - 2].norm) {
                return false
            }
        }
        if range.upperBound < tokens.count, tokens[range.upperBound].sentence == sentence,
           tokens[range.upperBound].norm == "ago" {
            return false
        }
        // A possessive ("this morning's test") names a time only when it is ahead ("tomorrow's visit").
        let last = tokens[range.upperBound - 1]
        let raw = text.original[last.source]
        if raw.unicodeScalars.count > 2, raw.unicodeScalars.last == "s" || raw.unicodeScalars.last == "S" {
            let scalars = Array(raw.unicodeScalars)
            if TokenizedText.isApostrophe(scalars[scalars.count - 2]), last.norm != "is" {
                return range.contains { Self.aheadWords.contains(tokens[$0].norm) }
            }
        }
        return true
    }

    /// True when a question word comes earlier in the clause of `index` ("which train would you like").
    private func followsQuestionWord(_ index: Int) -> Bool {
        let clause = tokens[index].clause
        var j = index - 1
        while j >= 0, tokens[j].clause == clause {
            if LexiconData.openWords.contains(tokens[j].norm) { return true }
            j -= 1
        }
        return false
    }

    /// For a negation of ability ("can't", "won't", "unable", "not able"), true when it speaks of the
    /// agent, the company or the customer ("I can't", "we're not able to", "you won't be able to"), and
    /// not in a purpose or relative clause ("so it can't happen again", "which can't be moved") or an
    /// "if" clause ("if you can't find it"). Other negative wording always counts.
    private func refuses(_ range: Range<Int>) -> Bool {
        let first = tokens[range.lowerBound].norm
        let modal = Self.modals.contains(first) && range.count == 2 && tokens[range.lowerBound + 1].norm == "not"
        guard modal || first == "unable" || (first == "not" && range.count >= 2 && tokens[range.lowerBound + 1].norm == "able")
            || first == "am" || first == "are" else { return true }
        // "You won't pay twice" reassures; "you can't change it" refuses.
        if modal && (first == "will" || first == "would" || first == "shall"), range.lowerBound > 0,
           tokens[range.lowerBound - 1].norm == "you" {
            return false
        }
        return hasRefusingSubject(before: range.lowerBound)
    }

    /// True when the words before `index` make the agent, the company or the customer its subject.
    private func hasRefusingSubject(before index: Int) -> Bool {
        let clause = tokens[index].clause
        var j = index - 1
        while j >= 0, tokens[j].clause == clause, Self.subjectFillers.contains(tokens[j].norm) { j -= 1 }
        guard j >= 0, tokens[j].clause == clause, Self.refusingSubjects.contains(tokens[j].norm) else { return false }
        if isConditional(j + 1) { return false }
        if j > 0, tokens[j - 1].clause == clause, Self.purposeWords.contains(tokens[j - 1].norm) { return false }
        return true
    }

    private static let restatingLeads: Set<String> = ["so", "and", "when", "if", "that", "because", "as", "since", "where"]
    private static let modals: Set<String> = ["can", "could", "will", "would", "shall", "should", "may", "might"]
    private static let refusingSubjects: Set<String> = ["i", "we", "you"]
    private static let subjectFillers: Set<String> = [
        "just", "really", "still", "also", "simply", "unfortunately", "currently", "honestly", "sadly", "afraid",
        "am", "are", "is", "definitely", "actually", "then", "now", "therefore", "genuinely",
    ]
    /// Words before a subject that make its clause a purpose or a result ("so you won't be without").
    private static let purposeWords: Set<String> = ["so", "that", "which", "who", "whoever", "where"]

    private static let inflections: Set<String> = ["s", "es", "ed", "d", "ing"]

    /// The first abbreviation typed in capitals ("MPAN", "DUoS", "SMETS1") that customers do not
    /// generally know, that the customer did not use first, and that is not a reference ("MC-78221")
    /// or a quantity ("650GB").
    private func unexplainedAbbreviation() -> Int? {
        var previous: Range<String.Index>?
        for (i, token) in tokens.enumerated() where token.source != previous {
            previous = token.source
            guard token.norm.utf8.count <= 6 else { continue }
            // Abbreviations are typed in ASCII capitals; most words fail on their first two letters.
            let b = text.original.utf8[token.source.lowerBound]
            if b >= 0x61 && b <= 0x7A, b != 0x65 { continue }
            let raw = text.original[token.source]
            var upper = 0, letters = 0, digits = 0
            var unit: [UInt8] = []
            var plain = true
            for b in raw.utf8 {
                if b >= 0x41 && b <= 0x5A { upper += 1; letters += 1; unit.append(b | 0x20) }
                else if b >= 0x61 && b <= 0x7A { letters += 1; unit.append(b) }
                else if b >= 0x30 && b <= 0x39 { digits += 1; if letters > 0 { unit.append(b) } }
                else if b >= 0x80 { plain = false; break }
                if letters - upper >= 2 || letters > 5 { plain = false; break }
            }
            guard plain, upper >= 2, digits < 4, upper * 2 > letters else { continue }
            let lower = String(decoding: unit, as: UTF8.self)
            if LexiconData.everydayAbbreviations.contains(lower) || LexiconData.stopWords.contains(lower) { continue }
            // A reference such as "MC-78221": letters, a hyphen, digits.
            let after = raw.endIndex
            if after < text.original.endIndex, text.original[after] == "-" {
                let next = text.original.index(after: after)
                if next < text.original.endIndex, text.original[next].isNumber { continue }
            }
            if context.customerLine.contains(raw) { continue }
            return i
        }
        return nil
    }

    /// True when a customer-action match tells the customer what to do: not a question about a past
    /// step ("have you tried turning it off?", "if you'd checked"), not "let me check", "go ahead" or
    /// "leave it with me", not "stay calm", and not a verb that continues the agent's own list ("I've
    /// reopened it and put my name on it").
    private func isInstruction(_ hit: Hit) -> Bool {
        let range = hit.range
        for i in range where tokens[i].norm.hasSuffix("ed") && !LexiconData.customerVerbs.contains(tokens[i].norm)
            && LexiconData.classStems["custverb"]?.contains(tokens[i].stem) == true {
            return false
        }
        let overlapping = hits(.mask) + hits(.ownership)
        if overlapping.contains(where: { $0.range.overlaps(range) }) { return false }
        // "Please try to stay calm" is a calm-down, not a step to take.
        if hits(.calmDown).contains(where: { tokens[$0.range.lowerBound].sentence == tokens[range.lowerBound].sentence }) { return false }
        guard hit.flags.contains(.anchored) else { return true }
        guard isImperative(range) else { return false }
        let verb = range.first { tokens[$0].norm != "just" && !Normalizer.fillers.contains(tokens[$0].norm) } ?? range.lowerBound
        let next = verb + 1 < tokens.count && tokens[verb + 1].sentence == tokens[verb].sentence ? tokens[verb + 1].norm : ""
        if tokens[verb].norm == "let" && next != "know" { return false }
        if tokens[verb].norm == "go" && next == "ahead" { return false }
        // "Give me two minutes" asks the customer to hold on.
        if tokens[verb].norm == "give", next == "me" || next == "us", verb + 3 < tokens.count,
           tokens[verb + 2].isNumber || tokens[verb + 2].norm == "a",
           Self.durations.contains(tokens[verb + 3].norm) || ["moment", "sec", "second", "tick", "minute"].contains(tokens[verb + 3].norm) {
            return false
        }
        if tokens[verb].norm == "leave" && range.upperBound + 1 < tokens.count && tokens[verb + 2].norm == "with" { return false }
        var j = verb - 1
        while j >= 0, tokens[j].clause == tokens[verb].clause {
            if tokens[j].norm == "and" || tokens[j].norm == "or" {
                let first = tokens[text.sentences[tokens[verb].sentence].tokens.lowerBound].norm
                if first == "i" || first == "we" { return false }
            }
            j -= 1
        }
        return true
    }

    /// The raw hits of a category before acceptance (used while accepting others).
    private func hits(_ category: Category) -> [Hit] { rawHits[category.rawValue] }

    /// True when a clause-opening verb is in the plain form of an instruction ("Unplug it"), not a
    /// description ("Anyone in your contacts rings through as normal").
    private func isImperative(_ range: Range<Int>) -> Bool {
        for i in range where tokens[i].norm != "just" && !Normalizer.fillers.contains(tokens[i].norm) {
            return LexiconData.customerVerbs.contains(tokens[i].norm)
        }
        return true
    }

    /// Accepted hits of a category, dropping negated ones when the pattern allows negation (and
    /// remembering the negated wording as negative language).
    private func positive(_ category: Category, negatedIsNegative: Bool = true) -> [Hit] {
        var out: [Hit] = []
        for hit in hits[category.rawValue] {
            if hit.flags.contains(.negatable), let negator = negator(before: hit.range.lowerBound) {
                // "I can't promise a time" refuses; "please don't take any more" and "it hasn't been
                // matched yet" do not.
                if negatedIsNegative && category != .customerAction && negatesAbility(negator) {
                    negatedRanges.append(negator..<hit.range.upperBound)
                }
            } else {
                out.append(hit)
            }
        }
        return out
    }

    /// True when the negator at `index` denies what the agent, the company or the customer can or will
    /// do ("I can't", "we won't", "you can't").
    private func negatesAbility(_ index: Int) -> Bool {
        guard tokens[index].norm == "not" || tokens[index].norm == "never" || tokens[index].norm == "unable" else { return false }
        var j = index - 1
        guard j >= 0, tokens[j].clause == tokens[index].clause,
              Self.modals.contains(tokens[j].norm) || tokens[j].norm == "am" || tokens[j].norm == "are" else { return false }
        j -= 1
        return hasRefusingSubject(before: j + 1)
    }

    /// The index of a "not", "never", "no"... shortly before `start` in the same clause, if any.
    private func negator(before start: Int) -> Int? {
        let clause = tokens[start].clause
        var j = start - 1
        var steps = 0
        while j >= 0, steps < Self.negationWindow, tokens[j].clause == clause {
            let word = tokens[j].norm
            if Self.negationStops.contains(word) { return nil }
            if Self.negators.contains(word) && !isMasked(j) && !isConditional(j) { return j }
            j -= 1
            steps += 1
        }
        return nil
    }

    /// True when the token is part of a positive phrase with a negative word ("don't worry").
    private func isMasked(_ index: Int) -> Bool {
        hits[Category.mask.rawValue].contains { $0.range.contains(index) }
    }

    /// True when a negator sits in an "if ..." clause ("if I can't fix it, I'll call you back").
    private func isConditional(_ index: Int) -> Bool {
        var j = index - 1
        var steps = 0
        while j >= 0, steps < 4, tokens[j].clause == tokens[index].clause {
            if Self.conditionals.contains(tokens[j].norm) { return true }
            j -= 1
            steps += 1
        }
        return false
    }

    private func isPastOnly(_ sentence: Int) -> Bool {
        var past = false
        for t in text.sentences[sentence].tokens {
            if Self.futureWords.contains(tokens[t].norm) { return false }
            if Self.pastWords.contains(tokens[t].norm) { past = true }
        }
        return past
    }

    // MARK: - Detection

    private func detectListening() {
        if let hit = best(hits[Category.acknowledge.rawValue] + hits[Category.apology.rawValue]) {
            signals.acknowledges = true
            note(.acknowledges, hit.range)
        }
        if let hit = first(.check) {
            signals.checksUnderstanding = true
            note(.checksUnderstanding, hit.range)
        } else if let tag = tagQuestion() {
            signals.checksUnderstanding = true
            note(.checksUnderstanding, tag..<(tag + 1))
        }
        let closers = Set(hits[Category.hollowCloser.rawValue].map { tokens[$0.range.lowerBound].sentence })
        let chat = Set(hits[Category.smallTalk.rawValue].map { tokens[$0.range.lowerBound].sentence })
        if let s = isQuestion.firstIndex(of: true) {
            signals.asksQuestion = true
            signals.evidence.append(Evidence(signal: .asksQuestion, words: text.words(ofSentence: s)))
        }
        // "What's your postcode?" asks for one detail: a question, but a closed one; so do "which",
        // "where", "when" and "who".
        let closed = Set(hits[Category.closedAsk.rawValue].map(\.range.lowerBound))
        func opens(_ i: Int) -> Bool {
            LexiconData.openLeads.contains(tokens[i].norm) && tokens[i].clauseLead && !closed.contains(i)
        }
        var open: Int?
        for hit in hits[Category.openStarter.rawValue] {
            let start = hit.range.lowerBound
            let s = tokens[start].sentence
            guard isQuestion[s], !closers.contains(s), !chat.contains(s) else { continue }
            // "Tell me what time it was": the prompt is open only if what it asks is.
            if let wh = hit.range.first(where: { LexiconData.openWords.contains(tokens[$0].norm) }) {
                if closed.contains(wh) || (wh == start && !tokens[wh].clauseLead) { continue }
            }
            open = s
            break
        }
        if open == nil {
            for (s, sentence) in text.sentences.enumerated() where isQuestion[s] && !closers.contains(s) && !chat.contains(s) {
                if sentence.tokens.contains(where: opens) { open = s; break }
            }
        }
        if let s = open {
            signals.asksOpenQuestion = true
            signals.asksQuestion = true
            if signals.evidence(for: .asksQuestion) == nil {
                signals.evidence.append(Evidence(signal: .asksQuestion, words: text.words(ofSentence: s)))
            }
            signals.evidence.append(Evidence(signal: .asksOpenQuestion, words: text.words(ofSentence: s)))
        }
    }

    /// A question ending in a tag such as ", right?" or a lone "Correct?".
    private func tagQuestion() -> Int? {
        for (index, sentence) in text.sentences.enumerated() where sentence.questionMark && !sentence.tokens.isEmpty {
            let last = sentence.tokens.upperBound - 1
            guard Self.tags.contains(tokens[last].norm), tokens[last].clauseLead else { continue }
            // "... is that right?" is caught by the phrase list; here only a tag after a statement counts.
            if last > sentence.tokens.lowerBound || text.sentences.count > 1 {
                _ = index
                return last
            }
        }
        return nil
    }

    private func detectNextSteps() {
        let parts: [(Category, SignalName, WritableKeyPath<NextSteps, Bool>)] = [
            (.action, .action, \.action), (.timescale, .timescale, \.timescale),
            (.customerAction, .customerAction, \.customerAction), (.confirmation, .confirmation, \.confirmation),
            (.ownership, .ownership, \.ownership),
        ]
        // "Anything else today?" and "lovely weather today" give no timescale.
        let chatter = Set((hits[Category.hollowCloser.rawValue] + hits[Category.smallTalk.rawValue])
            .map { tokens[$0.range.lowerBound].sentence })
        for (category, name, path) in parts {
            var found = positive(category)
            if category == .timescale { found.removeAll { chatter.contains(tokens[$0.range.lowerBound].sentence) } }
            if let hit = best(found) {
                signals.nextSteps[keyPath: path] = true
                note(name, hit.range)
            }
        }
    }

    private func detectScenarioCues() {
        // Paraphrase: a fact's cue restated outside a clause that asks for it.
        if context.factsAreCustomerWords {
            detectRestatedWords()
        } else {
            for fact in facts {
                if let range = fact.cue.firstMatch(in: tokens, where: { !requestClauses.contains(tokens[$0.lowerBound].clause) }) {
                    signals.paraphrasedFacts.append(fact.cue.id)
                    note(.paraphrases, range, ref: fact.cue.id)
                }
            }
        }
        // Asking again for something the customer already said.
        var timeAsked = false
        for fact in facts where context.givenFacts.contains(fact.cue.id) {
            let cue = fact.cue
            if let range = cue.firstMatch(in: tokens, where: { asksFor($0, aboutTime: cue.isAboutTime) }) {
                signals.asksAgainFor.append(cue.id)
                note(.asksAgain, requestWords(inClauseOf: range.lowerBound) ?? range, ref: cue.id)
            } else if !timeAsked, cue.isAboutTime, let ask = first(.timeAsk) {
                timeAsked = true
                signals.asksAgainFor.append(cue.id)
                note(.asksAgain, ask.range, ref: cue.id)
            }
        }

        // Offers: offer wording; or the agent proposing something ("I can switch on...") with something
        // additional in the same sentence (a plan, a kit, a discount, a protection feature); or an
        // opening's cue in an offer or a question.
        // "What date would you like it from?" asks for a detail; it offers nothing.
        var offerHit = best(positive(.offer).filter { !followsQuestionWord($0.range.lowerBound) })
        if offerHit == nil {
            let things = hits[Category.offerThing.rawValue]
            for proposal in positive(.offerProposal) where !followsQuestionWord(proposal.range.lowerBound) {
                let sentence = tokens[proposal.range.lowerBound].sentence
                let thing = things.filter {
                    $0.range.lowerBound >= proposal.range.lowerBound && tokens[$0.range.lowerBound].sentence == sentence
                }.min { $0.range.lowerBound < $1.range.lowerBound }
                if let thing {
                    let range = proposal.range.lowerBound..<max(proposal.range.upperBound, thing.range.upperBound)
                    offerHit = Hit(category: .offer, range: range, flags: [])
                    break
                }
            }
        }
        if offerHit == nil {
            // "We've a booster that fixes upstairs, £5 a month. Shall I add it?"
            let proposals = positive(.offerProposal).map { tokens[$0.range.lowerBound].sentence }
            let things = hits[Category.offerThing.rawValue].map { tokens[$0.range.lowerBound].sentence }
            let followUps = hits[Category.offerFollowUp.rawValue].filter { hit in
                let s = tokens[hit.range.lowerBound].sentence
                return s > 0 && (proposals.contains(s - 1) || things.contains(s - 1))
            }
            if let hit = best(followUps) { offerHit = hit }
        }
        if let hit = offerHit {
            signals.offers = true
            note(.offers, hit.range)
        }
        // "I can ask the NOC to re-route your numbers through Manchester": a proposal in the sentence
        // that names the opening offers it, with no plan or kit word needed.
        let proposalSentences = Set(positive(.offerProposal).map { tokens[$0.range.lowerBound].sentence })
        for opening in context.openings {
            let cue = CompiledCue(opening)
            // "You don't need a booster... our mesh kit would": a negated mention does not hide a later one.
            let found = cue.firstMatch(in: tokens) { range in
                let sentence = tokens[range.lowerBound].sentence
                return (offerHit != nil || isQuestion[sentence] || proposalSentences.contains(sentence)) && !isNegated(range)
            }
            if let range = found {
                signals.offeredOpenings.append(opening.id)
                if !signals.offers {
                    signals.offers = true
                    note(.offers, range)
                }
                note(.offers, range, ref: opening.id)
            }
        }

        // Anticipation: pre-empting wording, or a next need's cue.
        if let hit = first(.anticipate) {
            signals.anticipates = true
            note(.anticipates, hit.range)
        }
        for need in context.nextNeeds {
            if let range = CompiledCue(need).firstMatch(in: tokens, where: { !isNegated($0) }) {
                signals.anticipatedNeeds.append(need.id)
                if !signals.anticipates {
                    signals.anticipates = true
                    note(.anticipates, range)
                }
                note(.anticipates, range, ref: need.id)
            }
        }
    }

    /// Paraphrase against facts taken word by word from the customer's line. Sharing one of the
    /// customer's words is not restating what they said ("your meter readers are employed by an
    /// agency" answers a complaint about a meter reader): a sentence restates when it carries back a
    /// number or time the customer gave, or two of their words. Questions about a fact, and sentences
    /// that refuse or blame, do not restate it.
    private func detectRestatedWords() {
        let checking = Set(hits[Category.check.rawValue].map { tokens[$0.range.lowerBound].sentence })
        // "Could you email a photo of the hole?" asks the customer to act, not to answer.
        let instructing = Set(hits[Category.customerAction.rawValue].map { tokens[$0.range.lowerBound].sentence })
        let refusing = Set((hits[Category.refusal.rawValue] + hits[Category.blame.rawValue])
            .map { tokens[$0.range.lowerBound].sentence })
        func restates(_ range: Range<Int>) -> Bool {
            let clause = tokens[range.lowerBound].clause, sentence = tokens[range.lowerBound].sentence
            if requestClauses.contains(clause) || refusing.contains(sentence) { return false }
            if isQuestion[sentence] && !checking.contains(sentence) && !instructing.contains(sentence) {
                let first = text.sentences[sentence].tokens.lowerBound
                return tokens[first].norm == "so"
            }
            return true
        }
        var found: [(fact: Int, range: Range<Int>, strong: Bool)] = []
        for (k, fact) in facts.enumerated() {
            let match = fact.cue.firstMatch(in: tokens) { range in
                // "£12 more" is not restated by "a 12-month period".
                if fact.bareNumber, range.upperBound < tokens.count, Self.durations.contains(tokens[range.upperBound].norm) { return false }
                return restates(range)
            }
            if let range = match { found.append((k, range, fact.strong)) }
            // "I've emailed five times" is restated by "five emails", "twice" by "two payments".
            if let count = fact.countedTimes {
                for i in tokens.indices where count.contains(tokens[i].norm) && i + 1 < tokens.count
                    && tokens[i + 1].sentence == tokens[i].sentence && !tokens[i + 1].isNumber
                    && !LexiconData.stopWords.contains(tokens[i + 1].norm) && !Self.timeUnits.contains(tokens[i + 1].norm)
                    && restates(i..<(i + 2)) {
                    found.append((k, i..<(i + 2), true))
                }
            }
        }
        let distinct = Set(found.map(\.fact)).count
        var noted = Set<Int>()
        for f in found.sorted(by: { $0.fact < $1.fact }) where !noted.contains(f.fact) {
            guard f.strong || distinct >= 2 || restatingClause(f.range.lowerBound) else { continue }
            noted.insert(f.fact)
            signals.paraphrasedFacts.append(facts[f.fact].cue.id)
            note(.paraphrases, f.range, ref: facts[f.fact].cue.id)
        }
    }

    /// True when the clause of `index` plays something back: "so the pressure's been poor", "so you
    /// were promised a car".
    private func restatingClause(_ index: Int) -> Bool {
        let clause = text.clauses[tokens[index].clause]
        guard clause.count >= 3, tokens[clause.lowerBound].norm == "so" else { return false }
        return Self.restatingSubjects.contains(tokens[clause.lowerBound + 1].norm)
    }

    private static let restatingSubjects: Set<String> = ["you", "your", "it", "the", "there", "that", "this", "they", "its"]

    /// For a fact that counts occurrences ("5 times", "twice"), the ways to write the number alone.
    fileprivate static func countedTimes(_ fact: Cue) -> Set<String>? {
        if fact.id == "twice" { return ["2", "two"] }
        guard fact.id.hasSuffix(" times") || fact.id.hasSuffix(" time") else { return nil }
        let parts = fact.id.split(separator: " ")
        guard parts.count == 2, parts[1] == "times" || parts[1] == "time", let cue = fact.cues.first else { return nil }
        var numbers = Set<String>()
        for alternative in cue.split(separator: "|") {
            if let first = alternative.split(separator: " ").first { numbers.insert(String(first)) }
        }
        return numbers
    }

    fileprivate static let dayWords: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "tomorrow", "tonight",
        "weekend", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "christmas", "easter",
    ]
    private static let durations: Set<String> = [
        "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months",
        "year", "years", "working", "business",
    ]
    private static let timeUnits: Set<String> = durations.union(["am", "pm", "times", "time"])

    private func detectThingsToAvoid() {
        if let hit = first(.blame) {
            signals.blame = true
            note(.blame, hit.range)
        }
        if let hit = first(.jargon) ?? unexplainedAbbreviation().map({ Hit(category: .jargon, range: $0..<($0 + 1), flags: []) }) {
            signals.jargon = true
            note(.jargon, hit.range)
        }
        if let hit = best(positive(.calmDown)) {
            signals.calmDown = true
            note(.calmDown, hit.range)
        }
        if let hit = first(.hollowCloser) {
            signals.hollowCloser = true
            note(.hollowCloser, hit.range)
        }
        if let hit = first(.smallTalk) {
            signals.smallTalk = true
            note(.smallTalk, hit.range)
        }
        // "I won't transfer you" keeps the call; it is neither a transfer nor negative wording.
        if let hit = best(positive(.transfer, negatedIsNegative: false)) {
            signals.suggestsTransfer = true
            note(.suggestsTransfer, hit.range)
        }
        // Negative wording, including cues cancelled by a negation (collected above), except inside a
        // commitment ("I won't stop until it's fixed").
        let commitments = hits[Category.ownership.rawValue].map(\.range)
        let negated = negatedRanges.filter { range in !commitments.contains { $0.overlaps(range) } }
        let negative = hits[Category.negative.rawValue].map(\.range) + negated
        if let range = negative.min(by: { ($0.lowerBound, -$0.count) < ($1.lowerBound, -$1.count) }) {
            signals.negativeLanguage = true
            note(.negativeLanguage, range)
        }
    }

    private func detectSummaries() {
        // Issues count as addressed when mentioned alongside a question or a next step.
        if signals.asksQuestion || signals.nextSteps.count > 0 || signals.offers {
            for issue in context.issues {
                if let range = CompiledCue(issue).firstMatch(in: tokens) {
                    signals.addressedIssues.append(issue.id)
                    note(.addressesIssue, range, ref: issue.id)
                }
            }
        }
        // Only an apology can be an apology with nothing attached: "I understand how frustrating that
        // is" is empathy, not an apology.
        let apology = first(.apology)
        if let apology, signals.acknowledges && !signals.asksQuestion && signals.nextSteps.count == 0 && !signals.offers
            && !signals.anticipates && signals.paraphrasedFacts.isEmpty && !signals.checksUnderstanding
            && !signals.suggestsTransfer {
            signals.apologyOnly = true
            note(.apologyOnly, apology.range)
        }
        let detected = signals.acknowledges || signals.paraphrases || signals.checksUnderstanding
            || signals.asksQuestion || signals.nextSteps.count > 0 || signals.offers || signals.anticipates
            || !signals.addressedIssues.isEmpty || signals.negativeLanguage || signals.blame || signals.jargon
            || signals.calmDown || signals.hollowCloser || signals.smallTalk || !signals.asksAgainFor.isEmpty
            || signals.suggestsTransfer
        if !detected && !relatesToCustomerLine() {
            signals.empty = true
        }
    }

    /// True when the reply shares a content word with what the customer said.
    private func relatesToCustomerLine() -> Bool {
        let stems = context.preparation.contentStems(for: context)
        guard !stems.isEmpty else { return false }
        for t in tokens where !LexiconData.stopWords.contains(t.norm) && (t.norm.utf8.count >= 3 || t.isNumber) {
            if stems.contains(t.stem) { return true }
        }
        return false
    }

    // MARK: - Helpers

    /// The earliest accepted hit of a category (the longest, when several start together).
    private func first(_ category: Category) -> Hit? { best(hits[category.rawValue]) }

    private func best(_ list: [Hit]) -> Hit? {
        list.min { ($0.range.lowerBound, -$0.range.count) < ($1.range.lowerBound, -$1.range.count) }
    }

    private func isNegated(_ range: Range<Int>) -> Bool { negator(before: range.lowerBound) != nil }

    /// True when `range` (a fact's cue) is what a request clause asks for: "what's your postcode?" asks
    /// for the postcode, while "tell me more about the crackle" and "when did the crackle start?" ask
    /// for something new about it.
    private func asksFor(_ range: Range<Int>, aboutTime: Bool) -> Bool {
        let clause = tokens[range.lowerBound].clause
        guard requestClauses.contains(clause) else { return false }
        var asksWhen = false
        for t in text.clauses[clause] {
            let word = tokens[t].norm
            if Self.askingForMore.contains(word) { return false }
            if word == "when" || word == "long" || word == "since" { asksWhen = true }
        }
        return !asksWhen || aboutTime
    }

    /// The request wording ("can you tell me...") in the clause of `index`, extended to `index`.
    private func requestWords(inClauseOf index: Int) -> Range<Int>? {
        let clause = tokens[index].clause
        let request = (hits[Category.requestForm.rawValue] + hits[Category.timeAsk.rawValue])
            .filter { tokens[$0.range.lowerBound].clause == clause }
            .min { $0.range.lowerBound < $1.range.lowerBound }
        guard let r = request else { return nil }
        return min(r.range.lowerBound, index)..<max(r.range.upperBound, index + 1)
    }

    private func note(_ signal: SignalName, _ range: Range<Int>, ref: String? = nil) {
        signals.evidence.append(Evidence(signal: signal, words: text.words(range), ref: ref))
    }

    // MARK: - Word lists

    private static let negationWindow = 6
    private static let negators: Set<String> = ["not", "never", "no", "unable", "nothing", "neither", "nor", "nobody", "none"]
    /// Words that end the reach of a negation looking backwards.
    private static let negationStops: Set<String> = [
        "but", "and", "so", "however", "though", "although", "instead", "because", "then", "or", "while", "whereas", "yet", "meanwhile",
    ]
    private static let conditionals: Set<String> = ["if", "unless", "when", "whether", "case"]
    private static let askingForMore: Set<String> = ["more", "else", "bit", "further", "exactly", "detail", "details"]
    /// Words before a time that make it the start of something past ("since Tuesday morning").
    private static let sinceWords: Set<String> = ["since", "ago"]
    /// Counted events: after a count, a time says how often ("three calls in a week", "the third time
    /// this week"), not when.
    private static let eventWords: Set<String> = [
        "time", "times", "call", "calls", "drops", "dropouts", "disconnections", "outages", "attempts", "occasions",
        "complaints", "visits", "engineers", "faults", "cuts", "crashes", "restarts", "resets", "texts", "emails",
    ]
    /// Words that count events, besides numbers ("every time today", "several calls this week").
    private static let countWords: Set<String> = ["every", "each", "last", "many", "several", "multiple", "umpteenth", "nth"]
    /// Time words that look ahead, so a possessive with them still names when something will happen.
    private static let aheadWords: Set<String> = [
        "tomorrow", "tonight", "today", "next", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]
    private static let tags: Set<String> = ["right", "correct", "yes", "ok", "yeah", "yep", "accurate"]
    private static let pastWords: Set<String> = [
        "was", "were", "went", "did", "since", "ago", "last", "yesterday", "happened", "started", "began", "stopped",
        "noticed", "dropped", "broke", "crashed", "failed", "died", "said", "told", "tried", "called", "rang",
        "phoned", "spoke", "been", "had", "lost",
    ]
    private static let futureWords: Set<String> = [
        "will", "going", "shall", "by", "within", "next", "tomorrow", "expect", "should", "booked", "arranged",
        "scheduled", "until", "can", "aim", "let", "please", "up", "take", "takes",
    ]
}

/// A fact's cue compiled, with what finding it restated needs to know about it.
struct PreparedFact: Sendable {
    var cue: CompiledCue
    /// Numbers, codes ("M14") and days are specific enough to count alone.
    var strong: Bool
    /// The fact is a bare number ("12", "4.50").
    var bareNumber: Bool
    /// For a fact that counts occurrences ("5 times", "twice"), the ways to write the number alone.
    var countedTimes: Set<String>?

    init(_ fact: Cue) {
        cue = CompiledCue(fact)
        let hasDigit = fact.id.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
        strong = hasDigit || fact.id == "twice" || Analysis.dayWords.contains(fact.id)
        bareNumber = hasDigit && fact.id.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2C }
        countedTimes = Analysis.countedTimes(fact)
    }
}

/// What the analyser works out from a context before the reply: its facts compiled, and the content
/// words of the customer's line. Made once by ``ReplyContext/prepared()`` for a context that many
/// replies answer; otherwise worked out for each reply.
struct ContextPreparation: Sendable, Equatable {
    /// The facts and the line this was made from: used only while the context still has them.
    private var facts: [Cue]?
    private var customerLine: String?
    private var prepared: [PreparedFact] = []
    private var stems: Set<String> = []

    init() {}

    init(_ context: ReplyContext) {
        facts = context.facts
        customerLine = context.customerLine
        prepared = context.facts.map(PreparedFact.init)
        stems = Self.contentStems(of: context.customerLine)
    }

    func facts(for context: ReplyContext) -> [PreparedFact] {
        facts == context.facts ? prepared : context.facts.map(PreparedFact.init)
    }

    /// The stems of the customer's line, without the stop words.
    func contentStems(for context: ReplyContext) -> Set<String> {
        customerLine == context.customerLine ? stems : Self.contentStems(of: context.customerLine)
    }

    private static func contentStems(of line: String) -> Set<String> {
        var stems = Set<String>()
        for t in TokenizedText(line).tokens where !LexiconData.stopWords.contains(t.norm) { stems.insert(t.stem) }
        return stems
    }

    /// Worked out from the rest of the context, so it never makes two contexts differ.
    static func == (_: ContextPreparation, _: ContextPreparation) -> Bool { true }
}
