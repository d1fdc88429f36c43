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
        var analysis = Analysis(text: text, context: context)
        return analysis.run()
    }
}

/// The working state of one analysis.
private struct Analysis {
    let text: TokenizedText
    let context: ReplyContext
    var tokens: [Token] { text.tokens }

    /// Accepted hits, by category.
    private var hits: [[Hit]] = Array(repeating: [], count: Category.allCases.count)
    /// Whether each sentence is a question.
    private var isQuestion: [Bool] = []
    /// Clauses that ask the customer for information ("when did it start?").
    private var requestClauses = Set<Int>()
    /// Negative wording found through negated cues ("I can't promise a time").
    private var negatedRanges: [Range<Int>] = []
    private var signals = Signals()

    init(text: TokenizedText, context: ReplyContext) {
        self.text = text
        self.context = context
    }

    mutating func run() -> Signals {
        let raw = Lexicon.standard.scan(text.tokens)
        var byCategory: [[Hit]] = Array(repeating: [], count: Category.allCases.count)
        for hit in raw { byCategory[hit.category.rawValue].append(hit) }
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

    private mutating func classifySentences(_ byCategory: [[Hit]]) {
        isQuestion = text.sentences.map(\.questionMark)
        for hit in byCategory[Category.questionStart.rawValue] where tokens[hit.range.lowerBound].clauseLead {
            let s = tokens[hit.range.lowerBound].sentence
            if isQuestion[s] { continue }
            // "Could you please restart it." is a request, not a question.
            let last = hit.range.upperBound - 1
            let next = hit.range.upperBound < tokens.count ? tokens[hit.range.upperBound].norm : ""
            if tokens[last].norm == "please" || next == "please" { continue }
            if tokens[hit.range.lowerBound].norm == "please" { continue }
            isQuestion[s] = true
        }
        for hit in byCategory[Category.openStarter.rawValue] {
            let start = tokens[hit.range.lowerBound]
            // "I'll tell you what happens next." reports; only a clause that starts with the question
            // word (or an open prompt such as "tell me...") asks.
            if !start.clauseLead && (hit.flags.contains(.anchored) || LexiconData.openWords.contains(start.norm)) { continue }
            isQuestion[start.sentence] = true
        }
    }

    private func accept(_ hit: Hit, masks: [Range<Int>]) -> Bool {
        let start = hit.range.lowerBound
        let sentence = tokens[start].sentence
        if hit.flags.contains(.anchored) && !tokens[start].clauseLead { return false }
        if hit.flags.contains(.question) && !isQuestion[sentence] { return false }
        if hit.flags.contains(.statement) && isQuestion[sentence] { return false }
        if hit.flags.contains(.future) && isPastOnly(sentence) { return false }
        switch hit.category {
        case .negative, .blame, .smallTalk:
            if masks.contains(where: { $0.overlaps(hit.range) }) { return false }
        case .timescale:
            return isForwardTime(hit.range)
        case .customerAction where hit.flags.contains(.anchored):
            return isImperative(hit.range)
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
    private mutating func positive(_ category: Category, negatedIsNegative: Bool = true) -> [Hit] {
        var out: [Hit] = []
        for hit in hits[category.rawValue] {
            if hit.flags.contains(.negatable), let negator = negator(before: hit.range.lowerBound) {
                if negatedIsNegative { negatedRanges.append(negator..<hit.range.upperBound) }
            } else {
                out.append(hit)
            }
        }
        return out
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

    private mutating func detectListening() {
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
        // "What's your postcode?" asks for one detail: a question, but a closed one.
        let closed = Set(hits[Category.closedAsk.rawValue].map(\.range.lowerBound))
        var open: Int?
        for hit in hits[Category.openStarter.rawValue] where !closed.contains(hit.range.lowerBound) {
            let s = tokens[hit.range.lowerBound].sentence
            if isQuestion[s] && !closers.contains(s) && !chat.contains(s) { open = s; break }
        }
        if open == nil {
            for hit in hits[Category.questionStart.rawValue] {
                let start = hit.range.lowerBound
                let s = tokens[start].sentence
                guard isQuestion[s], !closers.contains(s), !chat.contains(s), !closed.contains(start),
                      LexiconData.openWords.contains(tokens[start].norm) else { continue }
                open = s
                break
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

    private mutating func detectNextSteps() {
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

    private mutating func detectScenarioCues() {
        // Paraphrase: a fact's cue restated outside a clause that asks for it.
        for fact in context.facts {
            let cue = CompiledCue(fact)
            if let range = cue.firstMatch(in: tokens, where: { !requestClauses.contains(tokens[$0.lowerBound].clause) }) {
                signals.paraphrasedFacts.append(fact.id)
                note(.paraphrases, range, ref: fact.id)
            }
        }
        // Asking again for something the customer already said.
        var timeAsked = false
        for fact in context.facts where context.givenFacts.contains(fact.id) {
            let cue = CompiledCue(fact)
            if let range = cue.firstMatch(in: tokens, where: { asksFor($0, aboutTime: cue.isAboutTime) }) {
                signals.asksAgainFor.append(fact.id)
                note(.asksAgain, requestWords(inClauseOf: range.lowerBound) ?? range, ref: fact.id)
            } else if !timeAsked, cue.isAboutTime, let ask = first(.timeAsk) {
                timeAsked = true
                signals.asksAgainFor.append(fact.id)
                note(.asksAgain, ask.range, ref: fact.id)
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
        if let hit = offerHit {
            signals.offers = true
            note(.offers, hit.range)
        }
        for opening in context.openings {
            let cue = CompiledCue(opening)
            let found = cue.firstMatch(in: tokens) { range in
                offerHit != nil || isQuestion[tokens[range.lowerBound].sentence]
            }
            if let range = found, !isNegated(range) {
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
            if let range = CompiledCue(need).firstMatch(in: tokens), !isNegated(range) {
                signals.anticipatedNeeds.append(need.id)
                if !signals.anticipates {
                    signals.anticipates = true
                    note(.anticipates, range)
                }
                note(.anticipates, range, ref: need.id)
            }
        }
    }

    private mutating func detectThingsToAvoid() {
        if let hit = first(.blame) {
            signals.blame = true
            note(.blame, hit.range)
        }
        if let hit = first(.jargon) {
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

    private mutating func detectSummaries() {
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
        let line = TokenizedText(context.customerLine).tokens
        guard !line.isEmpty else { return false }
        var stems = Set<String>()
        for t in line where !LexiconData.stopWords.contains(t.norm) { stems.insert(t.stem) }
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

    private mutating func note(_ signal: SignalName, _ range: Range<Int>, ref: String? = nil) {
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
