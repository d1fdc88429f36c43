/// One position of a compiled pattern.
enum PatternElement: Sendable, Equatable {
    /// A word, compared by stem.
    case stem(String)
    /// Any of several words, compared by stem.
    case stems(Set<String>)
    /// Any word starting with the prefix (compared on the normalised word).
    case prefix(String)
    /// A number in digits or words.
    case number
    /// An amount of money ("£25").
    case money
    /// One word that is none of these (compared by stem), or the end of the sentence.
    case notStems(Set<String>)
    /// Any one word.
    case any
    /// Zero to `n` words of anything in the same sentence.
    case gap(Int)
    /// The end of the sentence (takes no word).
    case sentenceEnd

    func matches(_ token: Token) -> Bool {
        switch self {
        // Different lengths settle most mismatches without comparing the text.
        case let .stem(s): return token.stem.utf8.count == s.utf8.count && token.stem == s
        case let .stems(set): return set.contains(token.stem)
        case let .prefix(p): return token.norm.hasPrefix(p)
        case .number: return token.isNumber
        case .money: return token.isMoney
        case let .notStems(set): return !set.contains(token.stem)
        case .any: return true
        case .gap: return true
        case .sentenceEnd: return false
        }
    }
}

/// Conditions on where a pattern counts.
struct PatternFlags: OptionSet, Sendable, Hashable {
    let rawValue: UInt8
    /// A "not", "never", "no"... shortly before the match cancels it.
    static let negatable = PatternFlags(rawValue: 1 << 0)
    /// Only outside questions.
    static let statement = PatternFlags(rawValue: 1 << 1)
    /// Only inside questions.
    static let question = PatternFlags(rawValue: 1 << 2)
    /// Only at the start of a clause (after fillers such as "so" or "please").
    static let anchored = PatternFlags(rawValue: 1 << 3)
    /// Not in a sentence about the past ("it went down on Monday") unless it also speaks of the future.
    static let future = PatternFlags(rawValue: 1 << 4)
}

/// A sequence of elements that must match consecutive tokens (a gap may absorb a few).
struct Pattern: Sendable {
    var elements: [PatternElement]
    var flags: PatternFlags = []

    /// The end (exclusive) of the shortest match starting at `start`, if the pattern matches there.
    func match(in tokens: [Token], at start: Int) -> Int? {
        guard !elements.isEmpty, start < tokens.count else { return nil }
        return match(tokens, element: 0, at: start, sentence: tokens[start].sentence)
    }

    private func match(_ tokens: [Token], element: Int, at position: Int, sentence: Int) -> Int? {
        var e = element
        var p = position
        while e < elements.count {
            let el = elements[e]
            if case let .gap(n) = el {
                var skip = 0
                while skip <= n {
                    if let end = match(tokens, element: e + 1, at: p + skip, sentence: sentence) { return end }
                    skip += 1
                    if p + skip > tokens.count || (p + skip < tokens.count && tokens[p + skip].sentence != sentence) { break }
                }
                return nil
            }
            guard p < tokens.count, tokens[p].sentence == sentence else {
                // "Not one of these" is also met by the end of the sentence.
                if case .notStems = el { e += 1; continue }
                if case .sentenceEnd = el { e += 1; continue }
                return nil
            }
            if case .sentenceEnd = el { return nil }
            guard el.matches(tokens[p]) else { return nil }
            if case .notStems = el {
                // A look-ahead: it checks the word but does not take it into the match.
                e += 1
                continue
            }
            e += 1
            p += 1
        }
        return p
    }

    /// Compiles an author's cue ("lights flash*", "since tuesday"): words compared by stem, a trailing
    /// `*` compares by prefix. Other symbols are ordinary text.
    static func cue(_ text: Substring) -> Pattern? {
        var elements: [PatternElement] = []
        for part in text.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            let star = part.hasSuffix("*")
            let words = TokenizedText(String(star ? part.dropLast() : part)).tokens
            for (k, w) in words.enumerated() {
                if star && k == words.count - 1 {
                    elements.append(.prefix(w.norm))
                } else {
                    elements.append(.stem(w.stem))
                }
            }
        }
        return elements.isEmpty ? nil : Pattern(elements: elements)
    }
}

/// A scenario cue (one fact, opening, need or issue) compiled for matching.
struct CompiledCue: Sendable {
    var id: String
    var alternatives: [Pattern]
    /// True when the cue names a time or day ("since tuesday", "three days"), so "when did it start?"
    /// asks for it again.
    var isAboutTime: Bool

    init(_ cue: Cue) {
        id = cue.id
        alternatives = []
        isAboutTime = false
        for item in cue.cues {
            let compiled = CueCache.shared.compiled(item)
            alternatives += compiled.patterns
            isAboutTime = isAboutTime || compiled.aboutTime
        }
    }

    /// One cue item ("tuesday|since tuesday|three days") compiled.
    struct Item: Sendable {
        var patterns: [Pattern]
        var aboutTime: Bool

        init(_ text: String) {
            patterns = text.split(separator: "|").compactMap(Pattern.cue)
            aboutTime = patterns.contains { pattern in
                pattern.elements.contains { element in
                    if case let .stem(s) = element { return Item.timeStems.contains(s) }
                    return false
                }
            }
        }

        private static let timeStems: Set<String> = {
            let words = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekend",
                         "january", "february", "march", "april", "june", "july", "august", "september", "october",
                         "november", "december", "since", "ago", "yesterday", "today", "morning", "afternoon",
                         "evening", "night", "week", "weeks", "day", "days", "hours", "month", "months", "last",
                         "tonight", "am", "pm", "fortnight", "year", "years"]
            return Set(words.map(Stemmer.stem))
        }()
    }

    /// Every place an alternative matches, in order of where it starts (overlapping matches of
    /// different alternatives included).
    func matches(in tokens: [Token]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        for pattern in alternatives {
            for start in tokens.indices {
                if let end = pattern.match(in: tokens, at: start) { out.append(start..<end) }
            }
        }
        return out.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// The first place any alternative matches, among tokens accepted by `allowed`.
    func firstMatch(in tokens: [Token], where allowed: (Range<Int>) -> Bool = { _ in true }) -> Range<Int>? {
        var best: Range<Int>?
        for pattern in alternatives {
            for start in tokens.indices {
                if let b = best, start >= b.lowerBound { break }
                if let end = pattern.match(in: tokens, at: start), allowed(start..<end) {
                    best = start..<end
                    break
                }
            }
        }
        return best
    }
}
