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
///
/// The trie is built from flat tables: every word, word set and prefix the lists mention gets a number,
/// each step of a pattern is one 32-bit value, and a node's word edges live in one open-addressing
/// table keyed by node and word. A word set is a bit set over the word numbers, so a set edge costs one
/// bit test however many words it holds.
struct Lexicon: Sendable {
    fileprivate struct Terminal: Sendable {
        var category: Category
        var flags: PatternFlags
    }

    /// What a walk needs to know about a node, in one place so a visit reads one record.
    private struct Node: Sendable {
        /// Bit `stem & 63` is set for the stem of every word edge: most look-ups for a word the node has
        /// no edge for stop here.
        var wordMask: UInt64 = 0
        /// The node's other edges (word sets, gaps, look-aheads, sentence ends, numbers, prefixes, any
        /// word) in the order they are tried: `otherList[otherStart..<otherStart + otherCount]`.
        var otherStart: Int32 = 0
        var otherCount: Int32 = 0
        /// The patterns that end here: `terminalList[terminalStart..<terminalStart + terminalCount]`.
        var terminalStart: Int32 = 0
        var terminalCount: Int16 = 0
        /// The node's word sets are looked up in `setTable` rather than tried one by one.
        var usesSetTable = false
    }

    /// Nodes numbered breadth first, so the ones near the root, which every walk visits, sit together.
    private let nodes: [Node]
    /// Word edges: (node, word) -> child.
    private let edges: EdgeTable
    private let otherList: [(step: UInt32, child: Int32)]
    /// For nodes with many word sets: (node, stem) -> a stretch of `setChildren`, the children of the
    /// node's sets that hold the stem.
    private let setTable: EdgeTable
    private let setSpans: [(start: Int32, count: Int32)]
    private let setChildren: [Int32]
    /// The root's children by stem number (-1 for none), and the stretches of `setChildren` its word
    /// sets lead to: every token starts a walk at the root, so its edges are read straight from arrays.
    private let rootWord: [Int32]
    private let rootSets: [(start: Int32, count: Int32)]
    /// Past this many word sets, a node's sets are looked up in `setTable`.
    private static let busyNodeSets = 4
    private let terminalList: [Terminal]
    /// Word sets as bit sets over stem numbers, `setWords` words each.
    private let setBits: [UInt64]
    private let setWords: Int
    private let prefixes: [String]
    /// Stem numbers: every stem the patterns mention.
    private let ids: [String: Int32]
    /// How many patterns the lists expanded to.
    let patternCount: Int
    /// How many trie nodes they made.
    var nodeCount: Int { nodes.count }

    /// The analyser's built-in lexicon.
    static let standard = Lexicon(LexiconData.lists)

    init(_ lists: [(Category, PatternFlags, [String])]) {
        var builder = LexiconBuilder()
        for (category, defaults, texts) in lists {
            for text in texts { builder.add(text, category: category, defaults: defaults) }
        }
        let count = builder.nodeCount

        // Number the nodes breadth first.
        var childStart = [Int32](repeating: 0, count: count + 1)
        for edge in builder.wordEdges { childStart[Int(edge.node) + 1] += 1 }
        for edge in builder.otherEdges { childStart[Int(edge.node) + 1] += 1 }
        for n in 0..<count { childStart[n + 1] += childStart[n] }
        var childList = [Int32](repeating: 0, count: Int(childStart[count]))
        var fill = childStart
        for edge in builder.wordEdges { childList[Int(fill[Int(edge.node)])] = edge.child; fill[Int(edge.node)] += 1 }
        for edge in builder.otherEdges { childList[Int(fill[Int(edge.node)])] = edge.child; fill[Int(edge.node)] += 1 }
        var number = [Int32](repeating: -1, count: count)
        var order: [Int32] = [0]
        order.reserveCapacity(count)
        number[0] = 0
        var head = 0
        while head < order.count {
            let n = Int(order[head])
            head += 1
            for k in Int(childStart[n])..<Int(childStart[n + 1]) where number[Int(childList[k])] < 0 {
                number[Int(childList[k])] = Int32(order.count)
                order.append(childList[k])
            }
        }
        var nodes = [Node](repeating: Node(), count: count)

        // Word edges.
        var table = EdgeTable(minimumCapacity: builder.wordEdges.count)
        var rootChildren = [Int32](repeating: -1, count: builder.stemIDs.count)
        for edge in builder.wordEdges {
            let node = number[Int(edge.node)], child = number[Int(edge.child)]
            table.insert(node: node, step: Step.word(edge.stem), child: child)
            nodes[Int(node)].wordMask |= 1 << UInt64(edge.stem & 63)
            if node == 0 { rootChildren[Int(edge.stem)] = child }
        }
        edges = table
        rootWord = rootChildren

        // A node with many word sets (the root has over a hundred) looks a word up once in a table of
        // the children its sets lead to, rather than testing every set.
        var setCounts: [Int32: Int] = [:]
        for edge in builder.otherEdges where edge.step >> Step.kindShift == Step.setKind { setCounts[edge.node, default: 0] += 1 }
        let busy = Set(setCounts.filter { $0.value > Self.busyNodeSets }.keys.map { number[Int($0)] })
        var dispatch: [UInt64: [Int32]] = [:]
        var others: [(node: Int32, step: UInt32, child: Int32)] = []
        others.reserveCapacity(builder.otherEdges.count)
        for edge in builder.otherEdges {
            let node = number[Int(edge.node)], child = number[Int(edge.child)]
            guard edge.step >> Step.kindShift == Step.setKind, busy.contains(node) else {
                others.append((node, edge.step, child))
                continue
            }
            for stem in builder.sets[Int(edge.step & Step.valueMask)] {
                dispatch[UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: stem)), default: []].append(child)
            }
        }
        var sets = EdgeTable(minimumCapacity: dispatch.count)
        var spans: [(start: Int32, count: Int32)] = []
        var spanChildren: [Int32] = []
        var rootSetSpans = [(start: Int32, count: Int32)](repeating: (0, 0), count: builder.stemIDs.count)
        for (key, children) in dispatch {
            let node = Int32(truncatingIfNeeded: key >> 32), stem = Int32(truncatingIfNeeded: key & 0xFFFF_FFFF)
            sets.insert(node: node, step: Step.word(stem), child: Int32(spans.count))
            let span = (start: Int32(spanChildren.count), count: Int32(children.count))
            if node == 0 { rootSetSpans[Int(stem)] = span }
            spans.append(span)
            spanChildren += children
        }
        setTable = sets
        setSpans = spans
        setChildren = spanChildren
        rootSets = rootSetSpans
        for n in busy { nodes[Int(n)].usesSetTable = true }

        // Other edges: sets first, then gaps, look-aheads, sentence ends and single-word tests, each
        // kind in the order it was added.
        let ordered = others.enumerated().sorted {
            if $0.element.node != $1.element.node { return $0.element.node < $1.element.node }
            let a = Step.order($0.element.step), b = Step.order($1.element.step)
            return a != b ? a < b : $0.offset < $1.offset
        }
        var list: [(step: UInt32, child: Int32)] = []
        list.reserveCapacity(ordered.count)
        for (_, edge) in ordered {
            if nodes[Int(edge.node)].otherCount == 0 { nodes[Int(edge.node)].otherStart = Int32(list.count) }
            nodes[Int(edge.node)].otherCount += 1
            list.append((edge.step, edge.child))
        }
        otherList = list

        var terminals: [Terminal] = []
        terminals.reserveCapacity(builder.patternCount)
        for n in order {
            guard let found = builder.terminals[n] else { continue }
            let node = Int(number[Int(n)])
            nodes[node].terminalStart = Int32(terminals.count)
            nodes[node].terminalCount = Int16(clamping: found.count)
            terminals += found.prefix(Int(Int16.max))
        }
        terminalList = terminals

        let words = (builder.stemIDs.count + 63) / 64
        var bits = [UInt64](repeating: 0, count: max(1, builder.sets.count * words))
        for (k, members) in builder.sets.enumerated() {
            for m in members { bits[k * words + Int(m >> 6)] |= 1 << UInt64(m & 63) }
        }
        setBits = bits
        setWords = words
        prefixes = builder.prefixes
        ids = builder.stemIDs
        patternCount = builder.patternCount
        self.nodes = nodes
    }

    @inline(__always) private func inSet(_ set: UInt32, _ stem: Int32) -> Bool {
        stem >= 0 && setBits[Int(set) * setWords + Int(stem >> 6)] & (1 << UInt64(stem & 63)) != 0
    }

    /// Every match of every pattern, in order of where it starts.
    func scan(_ tokens: [Token]) -> [Hit] {
        var hits: [Hit] = []
        let stemIDs = tokens.map { ids[$0.stem] ?? -1 }
        let sentences = tokens.map { Int32(truncatingIfNeeded: $0.sentence) }
        for i in tokens.indices {
            walk(0, i, start: i, sentence: sentences[i], tokens, stemIDs, sentences, &hits)
        }
        return hits
    }

    private func walk(_ n: Int, _ p: Int, start: Int, sentence: Int32, _ tokens: [Token], _ stemIDs: [Int32],
                      _ sentences: [Int32], _ hits: inout [Hit]) {
        let node = nodes[n]
        if node.terminalCount > 0 && p > start {
            let first = Int(node.terminalStart)
            for k in first..<(first + Int(node.terminalCount)) {
                hits.append(Hit(category: terminalList[k].category, range: start..<p, flags: terminalList[k].flags))
            }
        }
        let inSentence = p < tokens.count && sentences[p] == sentence
        let stem: Int32 = inSentence ? stemIDs[p] : -1
        if stem >= 0 {
            if n == 0 {
                let next = rootWord[Int(stem)]
                if next >= 0 { walk(Int(next), p + 1, start: start, sentence: sentence, tokens, stemIDs, sentences, &hits) }
                let (first, count) = rootSets[Int(stem)]
                for k in Int(first)..<Int(first + count) {
                    walk(Int(setChildren[k]), p + 1, start: start, sentence: sentence, tokens, stemIDs, sentences, &hits)
                }
            } else {
                if node.wordMask & (1 << UInt64(stem & 63)) != 0 {
                    let next = edges.child(of: Int32(truncatingIfNeeded: n), step: Step.word(stem))
                    if next >= 0 { walk(Int(next), p + 1, start: start, sentence: sentence, tokens, stemIDs, sentences, &hits) }
                }
                if node.usesSetTable {
                    let span = setTable.child(of: Int32(truncatingIfNeeded: n), step: Step.word(stem))
                    if span >= 0 {
                        let (first, count) = setSpans[Int(span)]
                        for k in Int(first)..<Int(first + count) {
                            walk(Int(setChildren[k]), p + 1, start: start, sentence: sentence, tokens, stemIDs, sentences, &hits)
                        }
                    }
                }
            }
        }
        guard node.otherCount > 0 else { return }
        let oFirst = Int(node.otherStart)
        for k in oFirst..<(oFirst + Int(node.otherCount)) {
            let (step, next) = otherList[k]
            let value = step & Step.valueMask
            switch step >> Step.kindShift {
            case Step.setKind:
                if inSet(value, stem) {
                    walk(Int(next), p + 1, start: start, sentence: sentence, tokens, stemIDs, sentences, &hits)
                }
            case Step.gapKind:
                var skip = 0
                while skip <= Int(value), p + skip <= tokens.count {
                    if skip > 0 && sentences[p + skip - 1] != sentence { break }
                    walk(Int(next), p + skip, start: start, sentence: sentence, tokens, stemIDs, sentences, &hits)
                    skip += 1
                }
            case Step.notSetKind:
                if !inSentence || !inSet(value, stem) {
                    walk(Int(next), p, start: start, sentence: sentence, tokens, stemIDs, sentences, &hits)
                }
            case Step.endKind:
                if !inSentence { walk(Int(next), p, start: start, sentence: sentence, tokens, stemIDs, sentences, &hits) }
            default:
                guard inSentence else { continue }
                let token = tokens[p]
                let matched: Bool
                switch step >> Step.kindShift {
                case Step.prefixKind: matched = token.norm.hasPrefix(prefixes[Int(value)])
                case Step.numberKind: matched = token.isNumber
                case Step.moneyKind: matched = token.isMoney
                default: matched = true
                }
                if matched { walk(Int(next), p + 1, start: start, sentence: sentence, tokens, stemIDs, sentences, &hits) }
            }
        }
    }
}

/// One step of a compiled pattern: its kind in the top four bits, a word, set or prefix number (or a
/// gap's length) in the rest.
private enum Step {
    static let kindShift: UInt32 = 28
    static let valueMask: UInt32 = (1 << 28) - 1
    static let wordKind: UInt32 = 0
    static let setKind: UInt32 = 1
    static let gapKind: UInt32 = 2
    static let notSetKind: UInt32 = 3
    static let endKind: UInt32 = 4
    static let prefixKind: UInt32 = 5
    static let numberKind: UInt32 = 6
    static let moneyKind: UInt32 = 7
    static let anyKind: UInt32 = 8

    @inline(__always) static func make(_ kind: UInt32, _ value: Int32 = 0) -> UInt32 {
        kind << kindShift | (UInt32(bitPattern: value) & valueMask)
    }
    @inline(__always) static func word(_ stem: Int32) -> UInt32 { make(wordKind, stem) }

    /// The order a node's other edges are tried in: sets, gaps, look-aheads, sentence ends, then the
    /// single-word tests together.
    static func order(_ step: UInt32) -> UInt32 { min(step >> kindShift, prefixKind) }
}

/// A hash table from (node, step) to child node, with open addressing: the trie's word edges, and while
/// building every edge.
struct EdgeTable: Sendable {
    /// Key and value side by side, so a look-up touches one cache line.
    private struct Entry: Sendable {
        var key: UInt64
        var value: Int32
    }
    private var entries: [Entry]
    private var shift: UInt64
    private(set) var count = 0
    private static let empty = UInt64.max

    init(minimumCapacity: Int = 16) {
        var capacity = 16
        var bits: UInt64 = 4
        while capacity < minimumCapacity * 2 { capacity *= 2; bits += 1 }
        entries = [Entry](repeating: Entry(key: Self.empty, value: -1), count: capacity)
        shift = 64 - bits
    }

    @inline(__always) private static func key(_ node: Int32, _ step: UInt32) -> UInt64 {
        UInt64(UInt32(bitPattern: node)) << 32 | UInt64(step)
    }

    @inline(__always) private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The child reached from `node` by `step`, or -1.
    @inline(__always) func child(of node: Int32, step: UInt32) -> Int32 {
        let k = Self.key(node, step)
        let mask = entries.count - 1
        var i = slot(k)
        while true {
            let found = entries[i]
            if found.key == k { return found.value }
            if found.key == Self.empty { return -1 }
            i = (i + 1) & mask
        }
    }

    /// Adds an edge known not to be there yet.
    mutating func insert(node: Int32, step: UInt32, child: Int32) {
        if (count + 1) * 2 > entries.count { grow() }
        place(Self.key(node, step), child)
        count += 1
    }

    private mutating func place(_ k: UInt64, _ value: Int32) {
        let mask = entries.count - 1
        var i = slot(k)
        while entries[i].key != Self.empty { i = (i + 1) & mask }
        entries[i] = Entry(key: k, value: value)
    }

    private mutating func grow() {
        let old = entries
        entries = [Entry](repeating: Entry(key: Self.empty, value: -1), count: old.count * 2)
        shift -= 1
        for entry in old where entry.key != Self.empty { place(entry.key, entry.value) }
    }
}

/// Compiles the phrase lists into the trie's tables. Each distinct piece of pattern text (a macro such
/// as `$IWILL`, a word set, an optional group) is expanded once and its steps reused.
private struct LexiconBuilder {
    var stemIDs: [String: Int32] = [:]
    /// Word sets as sorted stem numbers, and their numbers.
    var sets: [[Int32]] = []
    var setIDs: [[Int32]: Int32] = [:]
    var prefixes: [String] = []
    var prefixIDs: [String: Int32] = [:]
    var memo: [Substring: [[UInt32]]] = [:]

    var nodeCount = 1
    var edges = EdgeTable(minimumCapacity: 65_536)
    var wordEdges: [(node: Int32, stem: Int32, child: Int32)] = []
    var otherEdges: [(node: Int32, step: UInt32, child: Int32)] = []
    var terminals: [Int32: [Lexicon.Terminal]] = [:]
    var patternCount = 0

    mutating func add(_ text: String, category: Category, defaults: PatternFlags) {
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
        for steps in sequences(body) where steps.count >= minimum {
            insert(steps, category, flags)
        }
    }

    private mutating func insert(_ steps: [UInt32], _ category: Category, _ flags: PatternFlags) {
        var node: Int32 = 0
        for step in steps {
            let next = edges.child(of: node, step: step)
            if next >= 0 {
                node = next
                continue
            }
            let made = Int32(nodeCount)
            nodeCount += 1
            edges.insert(node: node, step: step, child: made)
            if step >> Step.kindShift == Step.wordKind {
                wordEdges.append((node, Int32(bitPattern: step & Step.valueMask), made))
            } else {
                otherEdges.append((node, step, made))
            }
            node = made
        }
        let terminal = Lexicon.Terminal(category: category, flags: flags)
        if terminals[node]?.contains(where: { $0.category == category && $0.flags == flags }) != true {
            terminals[node, default: []].append(terminal)
            patternCount += 1
        }
    }

    // MARK: Interning

    private mutating func stemID(_ s: String) -> Int32 {
        if let id = stemIDs[s] { return id }
        let id = Int32(stemIDs.count)
        stemIDs[s] = id
        return id
    }

    private mutating func setID(_ members: Set<Int32>) -> Int32 {
        let sorted = members.sorted()
        if let id = setIDs[sorted] { return id }
        let id = Int32(sets.count)
        sets.append(sorted)
        setIDs[sorted] = id
        return id
    }

    private mutating func prefixID(_ p: String) -> Int32 {
        if let id = prefixIDs[p] { return id }
        let id = Int32(prefixes.count)
        prefixes.append(p)
        prefixIDs[p] = id
        return id
    }

    // MARK: Expanding

    /// The step sequences a piece of pattern text stands for.
    private mutating func sequences(_ text: Substring) -> [[UInt32]] {
        var result: [[UInt32]] = [[]]
        for part in Self.parts(text) {
            let options: [[UInt32]]
            if let known = memo[part] {
                options = known
            } else {
                options = alternatives(for: part)
                memo[part] = options
            }
            if options.count == 1 {
                for k in result.indices { result[k] += options[0] }
                continue
            }
            var next: [[UInt32]] = []
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

    /// The step sequences one part of an entry can stand for.
    private mutating func alternatives(for part: Substring) -> [[UInt32]] {
        if part.first == "!" {
            var list = part.dropFirst()
            if list.first == "$" { list = Substring((LexiconData.macros[String(list.dropFirst())] ?? []).joined(separator: "/")) }
            return [[Step.make(Step.notSetKind, setID(stems(list)))]]
        }
        if part.first == "(" && part.hasSuffix(")") { return [[]] + group(part.dropFirst().dropLast()) }
        if part.first == "[" && part.hasSuffix("]") { return group(part.dropFirst().dropLast()) }
        if part.contains("/") || part.contains("|") { return group(part) }
        if part == "$" { return [[Step.make(Step.endKind)]] }
        switch part.first {
        case "^": return [[]]
        case "#" where part.count == 1: return [[Step.make(Step.numberKind)]]
        case "%" where part.count == 1: return [[Step.make(Step.moneyKind)]]
        case "_" where part.count == 1: return [[Step.make(Step.anyKind)]]
        case "$":
            let phrases = LexiconData.macros[String(part.dropFirst())] ?? []
            var out: [[UInt32]] = []
            for phrase in phrases { out += sequences(Substring(phrase)) }
            return out
        case "@":
            let members = LexiconData.classStems[String(part.dropFirst())] ?? []
            return [[Step.make(Step.setKind, setID(Set(members.map { stemID($0) })))]]
        default:
            if part == ".." { return [[Step.make(Step.gapKind, 3)]] }
            if part.hasSuffix("*") { return [[Step.make(Step.prefixKind, prefixID(String(part.dropLast()).lowercased()))]] }
            return [TokenizedText(String(part)).tokens.map { Step.word(stemID($0.stem)) }]
        }
    }

    /// Alternatives separated by `/` or `|`, each a phrase; single words are merged into one set.
    private mutating func group(_ text: Substring) -> [[UInt32]] {
        var single = Set<Int32>()
        var rest: [[UInt32]] = []
        for option in text.split(whereSeparator: { $0 == "/" || $0 == "|" }) {
            for seq in sequences(option) {
                if seq.count == 1, seq[0] >> Step.kindShift == Step.wordKind {
                    single.insert(Int32(bitPattern: seq[0] & Step.valueMask))
                } else {
                    rest.append(seq)
                }
            }
        }
        if single.count == 1, let only = single.first { rest.append([Step.word(only)]) }
        else if !single.isEmpty { rest.append([Step.make(Step.setKind, setID(single))]) }
        return rest
    }

    /// The stems of `a/b/c`.
    private mutating func stems(_ list: Substring) -> Set<Int32> {
        var set = Set<Int32>()
        for w in list.split(whereSeparator: { $0 == "/" || $0 == "|" }) {
            for t in TokenizedText(String(w)).tokens { set.insert(stemID(t.stem)) }
        }
        return set
    }
}
