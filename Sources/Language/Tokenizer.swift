/// One word of a reply after normalisation, with where it came from in the original text.
///
/// Contractions become several tokens that share one source range ("can't" gives "can" and "not",
/// both pointing at the four characters the trainee typed), so evidence can always quote the
/// trainee's own words.
struct Token: Sendable {
    /// The normalised word: lowercase, apostrophes removed, contractions expanded, one spelling.
    var norm: String
    /// The stem of `norm`, used to match words regardless of their ending.
    var stem: String
    /// Where the word is in the original text.
    var source: Range<String.Index>
    /// Index of the sentence the word belongs to.
    var sentence: Int
    /// Index of the clause (a stretch between commas, semicolons, colons or dashes) it belongs to.
    var clause: Int
    /// True for the first word of a clause, or a word preceded in its clause only by fillers
    /// ("so", "ok", "just", "please"...).
    var clauseLead: Bool = false
    /// True for digits ("4", "4:30", "12/03") and number words ("two", "forty").
    var isNumber: Bool
    /// True for an amount of money: digits typed straight after a currency sign ("£25", "$9.99").
    var isMoney: Bool = false
}

/// A sentence of a reply: a run of tokens ended by `.`, `!`, `?` or a line break.
struct Sentence: Sendable {
    var tokens: Range<Int>
    /// True when the sentence ended with a question mark.
    var questionMark: Bool
    /// The end of the sentence in the original text, including its closing punctuation.
    var sourceEnd: String.Index
}

/// A reply split into normalised tokens, sentences and clauses, each token remembering its place in
/// the original text.
struct TokenizedText: Sendable {
    let original: String
    private(set) var tokens: [Token] = []
    private(set) var sentences: [Sentence] = []
    /// Token ranges of the clauses, in order.
    private(set) var clauses: [Range<Int>] = []

    init(_ text: String) {
        original = text
        tokenize()
        markClauseLeads()
    }

    /// The original text the tokens in `range` came from, as typed.
    func words(_ range: Range<Int>) -> String {
        guard !range.isEmpty, range.lowerBound >= 0, range.upperBound <= tokens.count else { return "" }
        return String(original[tokens[range.lowerBound].source.lowerBound..<tokens[range.upperBound - 1].source.upperBound])
    }

    /// The original text of a whole sentence, with its closing punctuation.
    func words(ofSentence index: Int) -> String {
        let s = sentences[index]
        guard !s.tokens.isEmpty else { return "" }
        return String(original[tokens[s.tokens.lowerBound].source.lowerBound..<s.sourceEnd])
    }

    // MARK: - Scanning

    private enum Break { case none, clause, sentence }

    private mutating func tokenize() {
        let scalars = original.unicodeScalars
        var i = scalars.startIndex
        let end = scalars.endIndex
        var pending = Break.sentence
        var sentence = -1
        var clause = -1
        var sentenceStart = 0
        var lastEnd = original.startIndex
        var questionMark = false

        func closeSentence(_ tokens: [Token], _ sentences: inout [Sentence], upTo: String.Index) {
            guard sentence >= 0, sentenceStart < tokens.count else { return }
            sentences.append(Sentence(tokens: sentenceStart..<tokens.count, questionMark: questionMark, sourceEnd: upTo))
        }

        while i < end {
            let s = scalars[i]
            if Self.isWordScalar(s) {
                // A word: letters and digits, with inner apostrophes, and . : / , between digits.
                let start = i
                var j = scalars.index(after: i)
                var prev = s
                while j < end {
                    let c = scalars[j]
                    if Self.isWordScalar(c) {
                        prev = c; j = scalars.index(after: j); continue
                    }
                    let next = scalars.index(after: j)
                    guard next < end else { break }
                    let n = scalars[next]
                    if Self.isApostrophe(c), prev.properties.isAlphabetic, n.properties.isAlphabetic {
                        prev = c; j = next; continue
                    }
                    if (c == "." || c == ":" || c == "/" || c == ","), Self.isDigit(prev), Self.isDigit(n) {
                        prev = c; j = next; continue
                    }
                    break
                }
                if pending != .none {
                    if pending == .sentence {
                        closeSentence(tokens, &sentences, upTo: lastEnd)
                        sentence += 1
                        sentenceStart = tokens.count
                        questionMark = false
                    }
                    clause += 1
                    clauses.append(tokens.count..<tokens.count)
                    pending = .none
                }
                let range = start..<j
                let first = tokens.count
                appendNormalised(original[range], source: range, sentence: sentence, clause: clause)
                if start > scalars.startIndex, Self.isCurrency(scalars[scalars.index(before: start)]), first < tokens.count,
                   tokens[first].isNumber {
                    tokens[first].isMoney = true
                }
                if let last = clauses.indices.last { clauses[last] = clauses[last].lowerBound..<tokens.count }
                lastEnd = j
                i = j
                continue
            }
            switch s {
            case ".", "!", "?", "\n", "\r", "\u{2026}":
                if sentence >= 0 && sentenceStart < tokens.count && pending != .sentence {
                    if s == "?" { questionMark = true }
                    pending = .sentence
                } else if s == "?" && pending == .sentence && sentenceStart < tokens.count {
                    questionMark = true
                }
                lastEnd = scalars.index(after: i)
            case ",", ";", ":", "(", ")", "\u{2013}", "\u{2014}":
                if pending == .none { pending = .clause }
            case "-":
                // A dash with space around it separates clauses; a hyphen inside a word does not.
                let before = i > scalars.startIndex ? scalars[scalars.index(before: i)] : " "
                if before == " " && pending == .none { pending = .clause }
            default:
                break
            }
            i = scalars.index(after: i)
        }
        closeSentence(tokens, &sentences, upTo: lastEnd)
    }

    private mutating func markClauseLeads() {
        for clause in clauses {
            var i = clause.lowerBound
            while i < clause.upperBound {
                tokens[i].clauseLead = true
                if !Normalizer.fillers.contains(tokens[i].norm) { break }
                i += 1
            }
        }
    }

    private mutating func appendNormalised(_ raw: Substring, source: Range<String.Index>, sentence: Int, clause: Int) {
        for word in WordCache.shared.words(raw) {
            tokens.append(Token(norm: word.norm, stem: word.stem, source: source, sentence: sentence,
                                clause: clause, isNumber: word.isNumber))
        }
    }

    // MARK: - Character classes

    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    static func isCurrency(_ s: Unicode.Scalar) -> Bool {
        s == "£" || s == "$" || s == "€" || s == "¥" || s == "₹"
    }

    static func isApostrophe(_ s: Unicode.Scalar) -> Bool {
        s == "'" || s == "\u{2019}" || s == "\u{2018}" || s == "`" || s == "\u{02BC}"
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 {
            return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39)
        }
        let p = s.properties
        if p.isAlphabetic { return true }
        switch p.generalCategory {
        case .nonspacingMark, .spacingMark, .decimalNumber: return true
        default: return false
        }
    }
}
