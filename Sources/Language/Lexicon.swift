/// What a lexicon pattern is evidence of.
enum Category: Int, CaseIterable, Sendable {
    case acknowledge, apology, check, questionStart, openStarter, requestForm, timeAsk, closedAsk
    case action, timescale, customerAction, confirmation, ownership
    case offer, offerProposal, offerThing, anticipate, negative, mask, blame, jargon, calmDown, hollowCloser
    case smallTalk, transfer, refusal, notAsking, notConfirming, offerFollowUp
}

/// One place a lexicon pattern matched.
struct Hit: Sendable {
    var category: Category
    var range: Range<Int>
    var flags: PatternFlags
}

/// All the analyser's phrase lists, compiled once into a trie of token patterns, so a reply is scanned
/// in one pass whatever the size of the lists and phrases sharing a beginning are tried together.
///
/// Pattern text is a space-separated list of:
/// - `word` — a word, compared by stem (so "booked" meets "book"); a contraction ("i'll") gives its words;
/// - `a/b/c` — any one of the words; `[a b/c|d e]` — one of the phrases (`/` or `|` between);
///   `(a b/c)` — optionally one of the phrases;
/// - `word*` — any word starting with `word`;
/// - `@class` — any word of a word class (`LexiconData.classes`);
/// - `$MACRO` — any of the macro's phrases (`LexiconData.macros`);
/// - `!a/b` or `!$MACRO` — a look-ahead: the next word is none of these (or the sentence ends);
/// - `#` — a number; `%` — an amount of money ("£25"); `_` — any word; `..` — up to three words of anything; `^` — at the start of a clause;
///   `$` — at the end of the sentence.
///
/// An entry may start with flags and a colon: `n` negatable, `s` statements only, `q` questions only,
/// `a` anchored at the start of a clause, `f` future sense only, `-` none of the category's defaults.
struct Lexicon: Sendable {
    private struct Terminal: Sendable {
        var category: Category
        var flags: PatternFlags
    }

    private struct Node: Sendable {
        /// Children reached by anything other than a plain word or word set.
        var others: [(PatternElement, Int32)] = []
        // The same children, split by kind in `finish()` so a scan never copies a word set.
        var gaps: [(Int, Int32)] = []
        /// Look-aheads ("none of these words next"), as stem ids.
        var notSets: [(Set<Int32>, Int32)] = []
        var ends: [Int32] = []
        /// Numbers, amounts, prefixes and "any word".
        var singles: [(PatternElement, Int32)] = []
        var terminals: [Terminal] = []
        // Used while building.
        var literal: [String: Int32] = [:]
        var sets: [(Set<String>, Int32)] = []
    }

    private var nodes: [Node] = [Node()]
    /// A stretch of `children` or `terminalList`.
    private struct Span: Sendable {
        var start: Int32
        var count: Int32
    }
    /// Word edges of every node in one table: key `node << 32 | stem id`, value the children reached.
    private var edges: [Int64: Span] = [:]
    private var children: [Int32] = []
    private var terminalList: [Terminal] = []
    private var terminalSpans: [Span] = []
    /// Whether a node has edges other than words (gaps, look-aheads, numbers...).
    private var hasOthers: [Bool] = []
    /// Stem ids: every stem the patterns mention.
    private var ids: [String: Int32] = [:]
    /// How many patterns the lists expanded to.
    private(set) var patternCount = 0

    /// The analyser's built-in lexicon.
    static let standard = Lexicon(LexiconData.lists)

    init(_ lists: [(Category, PatternFlags, [String])]) {
        let memo = ExpansionMemo()
        for (category, defaults, texts) in lists {
            for text in texts {
                for pattern in Self.compile(text, defaults: defaults, memo: memo) {
                    insert(pattern, category)
                }
            }
        }
        finish()
    }

    private mutating func child(of node: Int, for element: PatternElement) -> Int {
        switch element {
        case let .stem(s):
            if let next = nodes[node].literal[s] { return Int(next) }
            nodes.append(Node())
            nodes[node].literal[s] = Int32(nodes.count - 1)
        case let .stems(set):
            if let existing = nodes[node].sets.first(where: { $0.0 == set }) { return Int(existing.1) }
            nodes.append(Node())
            nodes[node].sets.append((set, Int32(nodes.count - 1)))
        default:
            if let existing = nodes[node].others.first(where: { $0.0 == element }) { return Int(existing.1) }
            nodes.append(Node())
            nodes[node].others.append((element, Int32(nodes.count - 1)))
        }
        return nodes.count - 1
    }

    private mutating func insert(_ pattern: Pattern, _ category: Category) {
        var node = 0
        for element in pattern.elements { node = child(of: node, for: element) }
        if !nodes[node].terminals.contains(where: { $0.category == category && $0.flags == pattern.flags }) {
            nodes[node].terminals.append(Terminal(category: category, flags: pattern.flags))
            patternCount += 1
        }
    }

    private func id(_ stem: String) -> Int32? { ids[stem] }

    /// Turns word and word-set edges into one table per node keyed by stem id.
    private mutating func finish() {
        func intern(_ s: String) -> Int32 {
            if let id = ids[s] { return id }
            let id = Int32(ids.count)
            ids[s] = id
            return id
        }
        // Every node but the root is reached by one edge (more for word sets): room for them all at once.
        edges.reserveCapacity(nodes.count + nodes.count / 2)
        children.reserveCapacity(nodes.count + nodes.count / 2)
        for n in nodes.indices {
            for (element, next) in nodes[n].others {
                switch element {
                case let .gap(k): nodes[n].gaps.append((k, next))
                case let .notStems(set): nodes[n].notSets.append((Set(set.map(intern)), next))
                case .sentenceEnd: nodes[n].ends.append(next)
                default: nodes[n].singles.append((element, next))
                }
            }
            nodes[n].others = []
            if nodes[n].sets.isEmpty {
                // Plain words only (most nodes): one child per word.
                for (s, c) in nodes[n].literal {
                    edges[Int64(n) << 32 | Int64(intern(s))] = Span(start: Int32(children.count), count: 1)
                    children.append(c)
                }
            } else {
                var dispatch: [Int32: [Int32]] = [:]
                for (s, c) in nodes[n].literal { dispatch[intern(s), default: []].append(c) }
                for (set, c) in nodes[n].sets { for s in set { dispatch[intern(s), default: []].append(c) } }
                for (stem, next) in dispatch {
                    edges[Int64(n) << 32 | Int64(stem)] = Span(start: Int32(children.count), count: Int32(next.count))
                    children += next
                }
            }
            nodes[n].literal = [:]
            nodes[n].sets = []
            terminalSpans.append(Span(start: Int32(terminalList.count), count: Int32(nodes[n].terminals.count)))
            terminalList += nodes[n].terminals
            hasOthers.append(!(nodes[n].gaps.isEmpty && nodes[n].notSets.isEmpty && nodes[n].ends.isEmpty && nodes[n].singles.isEmpty))
        }
    }

    /// Every match of every pattern, in order of where it starts.
    func scan(_ tokens: [Token]) -> [Hit] {
        var hits: [Hit] = []
        let stemIDs = tokens.map { ids[$0.stem] ?? -1 }
        for i in tokens.indices {
            walk(0, i, start: i, sentence: tokens[i].sentence, tokens, stemIDs, &hits)
        }
        return hits
    }

    private func walk(_ node: Int, _ p: Int, start: Int, sentence: Int, _ tokens: [Token], _ stemIDs: [Int32],
                      _ hits: inout [Hit]) {
        let terminals = terminalSpans[node]
        if terminals.count > 0 && p > start {
            for k in Int(terminals.start)..<Int(terminals.start + terminals.count) {
                hits.append(Hit(category: terminalList[k].category, range: start..<p, flags: terminalList[k].flags))
            }
        }
        let inSentence = p < tokens.count && tokens[p].sentence == sentence
        if inSentence, stemIDs[p] >= 0, let span = edges[Int64(node) << 32 | Int64(stemIDs[p])] {
            for k in Int(span.start)..<Int(span.start + span.count) {
                walk(Int(children[k]), p + 1, start: start, sentence: sentence, tokens, stemIDs, &hits)
            }
        }
        guard hasOthers[node] else { return }
        for (n, next) in nodes[node].gaps {
            var skip = 0
            while skip <= n, p + skip <= tokens.count {
                if skip > 0 && tokens[p + skip - 1].sentence != sentence { break }
                walk(Int(next), p + skip, start: start, sentence: sentence, tokens, stemIDs, &hits)
                skip += 1
            }
        }
        for (set, next) in nodes[node].notSets where !inSentence || !set.contains(stemIDs[p]) {
            walk(Int(next), p, start: start, sentence: sentence, tokens, stemIDs, &hits)
        }
        if !inSentence {
            for next in nodes[node].ends { walk(Int(next), p, start: start, sentence: sentence, tokens, stemIDs, &hits) }
            return
        }
        for (element, next) in nodes[node].singles where element.matches(tokens[p]) {
            walk(Int(next), p + 1, start: start, sentence: sentence, tokens, stemIDs, &hits)
        }
    }

    // MARK: - Compiling

    /// Compiles one entry into the patterns it stands for (macros and alternatives multiply them).
    static func compile(_ text: String, defaults: PatternFlags, memo: ExpansionMemo = ExpansionMemo()) -> [Pattern] {
        var flags = defaults
        var body = Substring(text)
        if let colon = body.firstIndex(of: ":"), body.distance(from: body.startIndex, to: colon) <= 4 {
            let marks = body[..<colon]
            if marks.allSatisfy({ "nsqaf-".contains($0) }) {
                if marks.contains("-") { flags = [] }
                if marks.contains("n") { flags.insert(.negatable) }
                if marks.contains("s") { flags.insert(.statement) }
                if marks.contains("q") { flags.insert(.question) }
                if marks.contains("a") { flags.insert(.anchored) }
                if marks.contains("f") { flags.insert(.future) }
                body = body[body.index(after: colon)...]
            }
        }
        if body.split(separator: " ").first == "^" { flags.insert(.anchored) }
        // An entry with optional parts never shrinks to a single word: "(so/really) sorry (to/about)"
        // must not match every "sorry".
        let minimum = body.contains("(") || body.contains("[") ? 2 : 1
        return sequences(body, memo).filter { $0.count >= minimum }.map { Pattern(elements: $0, flags: flags) }
    }

    /// The element sequences a piece of pattern text stands for.
    private static func sequences(_ text: Substring, _ memo: ExpansionMemo) -> [[PatternElement]] {
        var result: [[PatternElement]] = [[]]
        for part in parts(text) {
            let options: [[PatternElement]]
            if let known = memo.parts[part] {
                options = known
            } else {
                options = alternatives(for: part, memo)
                memo.parts[part] = options
            }
            var next: [[PatternElement]] = []
            next.reserveCapacity(result.count * options.count)
            for s in result { for o in options { next.append(s + o) } }
            result = next
        }
        return result
    }

    /// Splits pattern text at spaces outside parentheses.
    private static func parts(_ text: Substring) -> [Substring] {
        var out: [Substring] = []
        var depth = 0
        var start = text.startIndex
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if c == "(" || c == "[" { depth += 1 } else if c == ")" || c == "]" { depth = max(0, depth - 1) }
            if c == " " && depth == 0 {
                if start < i { out.append(text[start..<i]) }
                start = text.index(after: i)
            }
            i = text.index(after: i)
        }
        if start < text.endIndex { out.append(text[start...]) }
        return out
    }

    /// The element sequences one part of an entry can stand for.
    private static func alternatives(for part: Substring, _ memo: ExpansionMemo) -> [[PatternElement]] {
        if part.first == "!" {
            var list = part.dropFirst()
            if list.first == "$" { list = Substring((LexiconData.macros[String(list.dropFirst())] ?? []).joined(separator: "/")) }
            return [[.notStems(stems(list))]]
        }
        if part.first == "(" && part.hasSuffix(")") { return [[]] + group(part.dropFirst().dropLast(), memo) }
        if part.first == "[" && part.hasSuffix("]") { return group(part.dropFirst().dropLast(), memo) }
        if part.contains("/") || part.contains("|") { return group(part, memo) }
        if part == "$" { return [[.sentenceEnd]] }
        switch part.first {
        case "^": return [[]]
        case "#" where part.count == 1: return [[.number]]
        case "%" where part.count == 1: return [[.money]]
        case "_" where part.count == 1: return [[.any]]
        case "$":
            let phrases = LexiconData.macros[String(part.dropFirst())] ?? []
            return phrases.flatMap { sequences(Substring($0), memo) }
        case "@":
            return [[.stems(LexiconData.classStems[String(part.dropFirst())] ?? [])]]
        default:
            if part == ".." { return [[.gap(3)]] }
            if part.hasSuffix("*") { return [[.prefix(String(part.dropLast()).lowercased())]] }
            let words = TokenizedText(String(part)).tokens.map { PatternElement.stem($0.stem) }
            return [words]
        }
    }

    /// Alternatives separated by `/` or `|`, each a phrase; single words are merged into one element.
    private static func group(_ text: Substring, _ memo: ExpansionMemo) -> [[PatternElement]] {
        let options = text.split(whereSeparator: { $0 == "/" || $0 == "|" }).map { sequences($0, memo) }
        var single = Set<String>()
        var rest: [[PatternElement]] = []
        for option in options {
            for seq in option {
                if seq.count == 1, case let .stem(s) = seq[0] { single.insert(s) } else { rest.append(seq) }
            }
        }
        if single.count == 1, let only = single.first { rest.append([.stem(only)]) }
        else if !single.isEmpty { rest.append([.stems(single)]) }
        return rest
    }

    /// The stems of `a/b/c`.
    private static func stems(_ list: Substring) -> Set<String> {
        var set = Set<String>()
        for w in list.split(whereSeparator: { $0 == "/" || $0 == "|" }) {
            for t in TokenizedText(String(w)).tokens { set.insert(t.stem) }
        }
        return set
    }
}

/// What each piece of pattern text expands to, kept while a lexicon is built: macros such as `$IWILL`
/// and common alternatives appear in hundreds of entries and are expanded once.
final class ExpansionMemo {
    var parts: [Substring: [[PatternElement]]] = [:]
}
