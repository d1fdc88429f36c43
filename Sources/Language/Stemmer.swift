/// A light suffix-stripping stemmer for English: enough to make "crackling", "crackled" and "crackle"
/// meet, "booked" meet "book" and "batteries" meet "battery". Both sides of every comparison go
/// through the same function, so a stem only has to be consistent, not a real word.
///
/// All stemming goes through ``stem(_:)``, so another algorithm can replace this one without
/// touching the matcher. ``Porter2Stemmer`` was tried here and measured against the reply corpus: it
/// matched no more signals and read two replies wrongly, because it also joins words of different
/// meaning ("installer" with "installed", "evenings" with "even"). Phrase matching wants inflections
/// joined and derivations kept apart, which is what this stemmer does.
enum Stemmer {
    static func stem(_ word: String) -> String {
        var word = word
        return word.withUTF8 { stem(bytes: $0) } ?? word
    }

    /// The stem, or nil when the word is its own stem.
    private static func stem(bytes b: UnsafeBufferPointer<UInt8>) -> String? {
        let count = b.count
        guard count > 3 else { return nil }
        for c in b where c >= 0x80 { _ = c; return nil }
        // The stem is b[0..<n] followed by an optional extra letter.
        var n = count
        var extra: UInt8 = 0
        @inline(__always) func ends(_ s: StaticString) -> Bool {
            let k = s.utf8CodeUnitCount
            guard n >= k else { return false }
            let p = s.utf8Start
            for i in 0..<k where b[n - k + i] != p[i] { return false }
            return true
        }
        @inline(__always) func hasVowel(before end: Int) -> Bool {
            for i in 0..<end where isVowel(b[i]) { return true }
            return false
        }
        func undouble() {
            // A stem of three letters keeps its double ("add", "odd"): "added" meets "add".
            guard n >= 4, b[n - 1] == b[n - 2] else { return }
            let last = b[n - 1]
            // Keep ll, ss, zz ("call", "miss", "buzz"); drop other doubled consonants ("stopp" -> "stop").
            if last == UInt8(ascii: "l") || last == UInt8(ascii: "s") || last == UInt8(ascii: "z") || isVowel(last) { return }
            n -= 1
        }
        if ends("ies") || ends("ied") {
            guard count > 4 else { return nil }
            n -= 3
            extra = UInt8(ascii: "y")
        } else {
            if ends("ing"), n - 3 >= 3, hasVowel(before: n - 3) {
                n -= 3; undouble()
            } else if ends("ed"), n - 2 >= 3, hasVowel(before: n - 2) {
                n -= 2; undouble()
            } else if ends("es"), n - 2 >= 3,
                      b[n - 3] == UInt8(ascii: "s") || b[n - 3] == UInt8(ascii: "x") || b[n - 3] == UInt8(ascii: "z")
                        || ends("ches") || ends("shes") {
                n -= 2
            } else if ends("s"), !ends("ss"), !ends("us"), !ends("is"), n - 1 >= 3 {
                n -= 1
            } else if ends("ly"), n - 2 >= 4 {
                n -= 2
            }
            if ends("e"), n - 1 >= 3 { n -= 1 }
        }
        if n == count && extra == 0 { return nil }
        var result = String(decoding: UnsafeBufferPointer(rebasing: b[0..<n]), as: UTF8.self)
        if extra != 0 { result.unicodeScalars.append(Unicode.Scalar(extra)) }
        // Keep a content word from colliding with a function word ("note", "noted" -> "not").
        if protected.contains(result) { result += "e" }
        return result
    }

    /// Stems that would make a word look like a different, common one.
    private static let protected: Set<String> = ["not", "hav", "wer"]

    @inline(__always) static func isVowel(_ c: UInt8) -> Bool {
        c == UInt8(ascii: "a") || c == UInt8(ascii: "e") || c == UInt8(ascii: "i") || c == UInt8(ascii: "o")
            || c == UInt8(ascii: "u") || c == UInt8(ascii: "y")
    }
}
