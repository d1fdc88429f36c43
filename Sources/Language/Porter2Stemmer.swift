/// Snowball's English stemmer, the algorithm known as "Porter2", written in plain Swift.
///
/// A stemmer maps the forms of a word to one stem, so that "connected", "connecting" and
/// "connection" all become "connect", and "generously" becomes "generous". A stem is a key for
/// comparing words, not always a dictionary word: "happiness" and "happy" both become "happi".
///
/// ```swift
/// Porter2Stemmer.stem("Consignment")   // "consign"
/// Porter2Stemmer.stem("knackeries")    // "knackeri"
/// ```
///
/// ## Which revision
///
/// Snowball has revised its English algorithm over the years. This follows the revision that
/// produced Snowball's published English sample (`voc.txt` and `output.txt` in the
/// snowball-data repository; the tests check over 5,000 of its words):
/// the algorithm in Snowball's `english.sbl` part-way through the changes released in Snowball
/// 3.0. It has:
///
/// - the special prefixes **gener**, **commun**, **arsen**, **past** and **univers**, after which
///   R1 starts; and *past* counts as a short syllable, so "pasted" and "pasting" become "paste"
///   while "past" stays "past";
/// - the exceptional forms *skis*, *skies*, *dying*, *lying*, *tying*, *idly*, *gently*, *ugly*,
///   *early*, *only*, *singly*, and the invariant *sky*, *news*, *howe*, *atlas*, *cosmos*,
///   *bias*, *andes*;
/// - the words left alone after step 1a: *inning*, *outing*, *canning*, *herring*, *earring*,
///   *evening*, *proceed*, *exceed*, *succeed*;
/// - in step 1b, no undoubling when the double follows exactly one *a*, *e* or *o*
///   (so "adding" and "added" become "add", and "egged" becomes "egg").
///
/// It does not have the later prefixes *later*, *emerg* and *organ* ("laterally" becomes "later",
/// "organic" becomes "organ"), nor the step 2 rule *ogist* → *og* ("psychologist" stays
/// "psychologist").
///
/// ## Input
///
/// Pass one word. It is lowercased first. Words of one or two letters come back as they are.
/// An apostrophe counts as a letter: a leading one is removed, and the endings *'s'*, *'s* and
/// *'* are removed before step 1a. A word with any character outside ASCII comes back lowercased
/// and otherwise unchanged. The empty string comes back empty.
public enum Porter2Stemmer {
    /// The Porter2 stem of one English word.
    ///
    /// - Parameter word: a single word, in any case; surrounding spaces or punctuation are not
    ///   removed, so split text into words first.
    /// - Returns: the stem, in lowercase.
    public static func stem(_ word: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(word.utf8.count + 1)
        for byte in word.utf8 {
            if byte >= 0x80 { return word.lowercased() }
            bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
        stemLowercaseASCII(&bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Stems a word held as lowercase ASCII bytes, in place.
    static func stemLowercaseASCII(_ word: inout [UInt8]) {
        if let replacement = exceptionalForm(word) {
            word = replacement
            return
        }
        if word.count < 3 { return }
        var state = Word(word)
        state.run()
        word = state.w
    }

    // MARK: - Exceptional forms

    /// The stem of a word in the exceptional forms list, checked before anything else.
    private static func exceptionalForm(_ w: [UInt8]) -> [UInt8]? {
        guard w.count >= 3, w.count <= 6 else { return nil }
        switch w.count {
        case 3:
            if matches(w, "sky") { return w }
        case 4:
            if matches(w, "skis") { return bytes("ski") }
            if matches(w, "idly") { return bytes("idl") }
            if matches(w, "ugly") { return bytes("ugli") }
            if matches(w, "only") { return bytes("onli") }
            if matches(w, "news") || matches(w, "howe") || matches(w, "bias") { return w }
        case 5:
            if matches(w, "skies") { return bytes("sky") }
            if matches(w, "dying") { return bytes("die") }
            if matches(w, "lying") { return bytes("lie") }
            if matches(w, "tying") { return bytes("tie") }
            if matches(w, "early") { return bytes("earli") }
            if matches(w, "atlas") || matches(w, "andes") { return w }
        case 6:
            if matches(w, "gently") { return bytes("gentl") }
            if matches(w, "singly") { return bytes("singl") }
            if matches(w, "cosmos") { return w }
        default:
            break
        }
        return nil
    }

    private static func matches(_ w: [UInt8], _ s: StaticString) -> Bool {
        let count = s.utf8CodeUnitCount
        guard w.count == count else { return false }
        let p = s.utf8Start
        for i in 0..<count where w[i] != p[i] { return false }
        return true
    }

    private static func bytes(_ s: StaticString) -> [UInt8] {
        Array(UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }
}

// MARK: - The algorithm

private let a: UInt8 = 0x61, e: UInt8 = 0x65, i_: UInt8 = 0x69, o: UInt8 = 0x6F, u: UInt8 = 0x75
private let y: UInt8 = 0x79, capitalY: UInt8 = 0x59, apostrophe: UInt8 = 0x27
private let l: UInt8 = 0x6C, s: UInt8 = 0x73, t: UInt8 = 0x74

/// a, e, i, o, u and y (but not the marked consonant Y).
@inline(__always) private func isVowel(_ c: UInt8) -> Bool {
    c == a || c == e || c == i_ || c == o || c == u || c == y
}

/// The letters that may stand before a removed "li": c d e g h k m n r t.
@inline(__always) private func isValidLiEnding(_ c: UInt8) -> Bool {
    switch c {
    case 0x63, 0x64, 0x65, 0x67, 0x68, 0x6B, 0x6D, 0x6E, 0x72, 0x74: true
    default: false
    }
}

/// bb dd ff gg mm nn pp rr tt end in one of these letters.
@inline(__always) private func isDoubleLetter(_ c: UInt8) -> Bool {
    switch c {
    case 0x62, 0x64, 0x66, 0x67, 0x6D, 0x6E, 0x70, 0x72, 0x74: true
    default: false
    }
}

/// One word being stemmed, with its regions.
private struct Word {
    var w: [UInt8]
    /// Start of R1 and R2, as offsets from the start of the word; they never move as the end is cut.
    var p1 = 0
    var p2 = 0
    var foundY = false

    init(_ w: [UInt8]) { self.w = w }

    mutating func run() {
        prelude()
        markRegions()
        step1a()
        if !isInvariantAfterStep1a() {
            step1b()
            step1c()
            step2()
            step3()
            step4()
            step5()
        }
        if foundY {
            for k in w.indices where w[k] == capitalY { w[k] = y }
        }
    }

    // MARK: Helpers

    /// Whether the word ends with `suffix`.
    @inline(__always) func ends(_ suffix: StaticString) -> Bool {
        let k = suffix.utf8CodeUnitCount
        let n = w.count
        guard n >= k else { return false }
        let p = suffix.utf8Start
        var j = 0
        while j < k {
            if w[n - k + j] != p[j] { return false }
            j += 1
        }
        return true
    }

    /// Whether the whole word is `other`.
    func equals(_ other: StaticString) -> Bool {
        w.count == other.utf8CodeUnitCount && ends(other)
    }

    /// Replaces the last `count` letters with `replacement`.
    @inline(__always) mutating func replace(last count: Int, with replacement: StaticString) {
        w.removeLast(count)
        w.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
    }

    func hasVowel(before end: Int) -> Bool {
        var k = 0
        while k < end {
            if isVowel(w[k]) { return true }
            k += 1
        }
        return false
    }

    /// Whether `w[0..<end]` ends in a short syllable: a non-vowel, a vowel, then a non-vowel other
    /// than w, x or Y; or, for the whole of a two-letter stem, a vowel then a non-vowel; or "past"
    /// (so that "pasted" and "pasting" meet "paste", not "past").
    func endsInShortSyllable(_ end: Int) -> Bool {
        if end >= 4 && w[end - 4] == 0x70 && w[end - 3] == a && w[end - 2] == s && w[end - 1] == t {
            return true
        }
        if end >= 3 {
            let last = w[end - 1]
            if !isVowel(last) && last != 0x77 && last != 0x78 && last != capitalY
                && isVowel(w[end - 2]) && !isVowel(w[end - 3]) {
                return true
            }
        }
        return end == 2 && isVowel(w[0]) && !isVowel(w[1])
    }

    // MARK: Prelude and regions

    mutating func prelude() {
        if w.first == apostrophe { w.removeFirst() }
        guard !w.isEmpty else { return }
        if w[0] == y {
            w[0] = capitalY
            foundY = true
        }
        var k = 1
        while k < w.count {
            if w[k] == y && isVowel(w[k - 1]) {
                w[k] = capitalY
                foundY = true
            }
            k += 1
        }
    }

    mutating func markRegions() {
        let n = w.count
        p1 = n
        p2 = n
        var start: Int
        if startsWith("gener") {
            start = 5
        } else if startsWith("commun") {
            start = 6
        } else if startsWith("arsen") {
            start = 5
        } else if startsWith("past") {
            start = 4
        } else if startsWith("univers") {
            start = 7
        } else {
            guard let end = regionStart(after: 0) else { return }
            start = end
        }
        p1 = start
        p2 = regionStart(after: start) ?? n
    }

    func startsWith(_ prefix: StaticString) -> Bool {
        let k = prefix.utf8CodeUnitCount
        guard w.count >= k else { return false }
        let p = prefix.utf8Start
        for j in 0..<k where w[j] != p[j] { return false }
        return true
    }

    /// The position just after the first non-vowel that follows a vowel, searching from `from`.
    func regionStart(after from: Int) -> Int? {
        var k = from
        let n = w.count
        while k < n && !isVowel(w[k]) { k += 1 }
        while k < n && isVowel(w[k]) { k += 1 }
        return k < n ? k + 1 : nil
    }

    // MARK: Steps

    /// Step 0 (apostrophe endings) and step 1a (plurals).
    mutating func step1a() {
        if ends("'s'") {
            w.removeLast(3)
        } else if ends("'s") {
            w.removeLast(2)
        } else if ends("'") {
            w.removeLast(1)
        }
        let n = w.count
        if ends("sses") {
            w.removeLast(2)
        } else if ends("ied") || ends("ies") {
            // "cries" -> "cri", but "ties" -> "tie".
            if n - 3 >= 2 { replace(last: 3, with: "i") } else { replace(last: 3, with: "ie") }
        } else if w.last != s || ends("us") || ends("ss") {
            return
        } else if n >= 2 && hasVowel(before: n - 2) {
            w.removeLast()
        }
    }

    /// Words that step 1a leaves alone and no later step may change.
    func isInvariantAfterStep1a() -> Bool {
        switch w.count {
        case 6: return equals("inning") || equals("outing") || equals("exceed")
        case 7:
            return equals("canning") || equals("herring") || equals("earring")
                || equals("evening") || equals("proceed") || equals("succeed")
        default: return false
        }
    }

    /// Step 1b: -eed, -ed, -ing and their -ly forms.
    mutating func step1b() {
        let suffixLength: Int
        if ends("eedly") {
            if w.count - 5 >= p1 { replace(last: 5, with: "ee") }
            return
        } else if ends("eed") {
            if w.count - 3 >= p1 { replace(last: 3, with: "ee") }
            return
        } else if ends("ingly") {
            suffixLength = 5
        } else if ends("edly") {
            suffixLength = 4
        } else if ends("ing") {
            suffixLength = 3
        } else if ends("ed") {
            suffixLength = 2
        } else {
            return
        }
        let stemEnd = w.count - suffixLength
        guard hasVowel(before: stemEnd) else { return }
        w.removeLast(suffixLength)
        if ends("at") || ends("bl") || ends("iz") {
            w.append(e)
        } else if w.count >= 2, w[w.count - 1] == w[w.count - 2], isDoubleLetter(w[w.count - 1]) {
            // "add", "egg", "off": a double after exactly one a, e or o stays.
            let first = w[0]
            if !(w.count == 3 && (first == a || first == e || first == o)) { w.removeLast() }
        } else if p1 == w.count && endsInShortSyllable(w.count) {
            w.append(e)
        }
    }

    /// Step 1c: a final y after a non-vowel (not the first letter) becomes i.
    mutating func step1c() {
        let n = w.count
        guard n >= 3, w[n - 1] == y || w[n - 1] == capitalY, !isVowel(w[n - 2]) else { return }
        w[n - 1] = i_
    }

    /// Step 2: derivational suffixes in R1.
    mutating func step2() {
        guard let last = w.last else { return }
        let n = w.count
        @inline(__always) func inR1(_ length: Int) -> Bool { n - length >= p1 }
        switch last {
        case l:
            if ends("ational") {
                if inR1(7) { replace(last: 7, with: "ate") }
            } else if ends("tional") {
                if inR1(6) { replace(last: 6, with: "tion") }
            }
        case 0x6E: // n
            if ends("ization") {
                if inR1(7) { replace(last: 7, with: "ize") }
            } else if ends("ation") {
                if inR1(5) { replace(last: 5, with: "ate") }
            }
        case 0x72: // r
            if ends("izer") {
                if inR1(4) { replace(last: 4, with: "ize") }
            } else if ends("ator") {
                if inR1(4) { replace(last: 4, with: "ate") }
            }
        case 0x6D: // m
            if ends("alism"), inR1(5) { replace(last: 5, with: "al") }
        case s:
            if ends("fulness") {
                if inR1(7) { replace(last: 7, with: "ful") }
            } else if ends("ousness") {
                if inR1(7) { replace(last: 7, with: "ous") }
            } else if ends("iveness") {
                if inR1(7) { replace(last: 7, with: "ive") }
            }
        case i_:
            step2EndingInI()
        default:
            break
        }
    }

    private mutating func step2EndingInI() {
        let n = w.count
        @inline(__always) func inR1(_ length: Int) -> Bool { n - length >= p1 }
        // Longest suffixes first, so that the longest match decides.
        if ends("lessli") {
            if inR1(6) { replace(last: 6, with: "less") }
        } else if ends("biliti") {
            if inR1(6) { replace(last: 6, with: "ble") }
        } else if ends("entli") {
            if inR1(5) { replace(last: 5, with: "ent") }
        } else if ends("aliti") {
            if inR1(5) { replace(last: 5, with: "al") }
        } else if ends("ousli") {
            if inR1(5) { replace(last: 5, with: "ous") }
        } else if ends("iviti") {
            if inR1(5) { replace(last: 5, with: "ive") }
        } else if ends("fulli") {
            if inR1(5) { replace(last: 5, with: "ful") }
        } else if ends("enci") {
            if inR1(4) { replace(last: 4, with: "ence") }
        } else if ends("anci") {
            if inR1(4) { replace(last: 4, with: "ance") }
        } else if ends("abli") {
            if inR1(4) { replace(last: 4, with: "able") }
        } else if ends("alli") {
            if inR1(4) { replace(last: 4, with: "al") }
        } else if ends("bli") {
            if inR1(3) { replace(last: 3, with: "ble") }
        } else if ends("ogi") {
            if inR1(3), n >= 4, w[n - 4] == l { replace(last: 3, with: "og") }
        } else if ends("li") {
            if inR1(2), n >= 3, isValidLiEnding(w[n - 3]) { w.removeLast(2) }
        }
    }

    /// Step 3: more derivational suffixes in R1.
    mutating func step3() {
        let n = w.count
        @inline(__always) func inR1(_ length: Int) -> Bool { n - length >= p1 }
        if ends("ational") {
            if inR1(7) { replace(last: 7, with: "ate") }
        } else if ends("tional") {
            if inR1(6) { replace(last: 6, with: "tion") }
        } else if ends("alize") {
            if inR1(5) { replace(last: 5, with: "al") }
        } else if ends("icate") || ends("iciti") {
            if inR1(5) { replace(last: 5, with: "ic") }
        } else if ends("ative") {
            if inR1(5), n - 5 >= p2 { w.removeLast(5) }
        } else if ends("ical") {
            if inR1(4) { replace(last: 4, with: "ic") }
        } else if ends("ness") {
            if inR1(4) { w.removeLast(4) }
        } else if ends("ful") {
            if inR1(3) { w.removeLast(3) }
        }
    }

    /// Step 4: suffixes removed only in R2.
    mutating func step4() {
        let n = w.count
        let length: Int
        if ends("ement") {
            length = 5
        } else if ends("ance") || ends("ence") || ends("able") || ends("ible") || ends("ment") {
            length = 4
        } else if ends("ant") || ends("ent") || ends("ism") || ends("ate") || ends("iti") || ends("ous")
                    || ends("ive") || ends("ize") {
            length = 3
        } else if ends("ion") {
            if n - 3 >= p2, n >= 4, w[n - 4] == s || w[n - 4] == t { w.removeLast(3) }
            return
        } else if ends("al") || ends("er") || ends("ic") {
            length = 2
        } else {
            return
        }
        if n - length >= p2 { w.removeLast(length) }
    }

    /// Step 5: a final e, and the second l of a final ll.
    mutating func step5() {
        guard let last = w.last else { return }
        let k = w.count - 1
        if last == e {
            if k >= p2 || (k >= p1 && !endsInShortSyllable(k)) { w.removeLast() }
        } else if last == l {
            if k >= p2, k >= 1, w[k - 1] == l { w.removeLast() }
        }
    }
}
