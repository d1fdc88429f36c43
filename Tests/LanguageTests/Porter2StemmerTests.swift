import Foundation
import Testing
import Language

/// One word and the stem it must have.
struct StemCase: Sendable, CustomTestStringConvertible {
    var word: String
    var stem: String

    init(_ word: String, _ stem: String) {
        self.word = word
        self.stem = stem
    }

    var testDescription: String { "\(word) -> \(stem)" }
}

@Suite("Porter2 stemmer")
struct Porter2StemmerTests {
    // MARK: - Published sample

    /// Porter2Sample.tsv holds word/stem pairs from Snowball's published English sample vocabulary
    /// (`english/voc.txt` and `english/output.txt` in the snowball-data repository, BSD-licensed):
    /// the words from the start of the list up to "archery", "entice" to "flamingo", "polysyllable"
    /// to "purporting", and three short runs around "organ", "past" and "later". Only the data is
    /// used here.
    @Test("every word of the published sample stems as published")
    func publishedSample() throws {
        let pairs = try loadSample()
        #expect(pairs.count >= 5000, "the sample file should hold at least 5,000 pairs, found \(pairs.count)")
        var mismatches: [String] = []
        var matched = 0
        for pair in pairs {
            let got = Porter2Stemmer.stem(pair.word)
            if got == pair.stem {
                matched += 1
            } else {
                mismatches.append("\(pair.word): expected \(pair.stem), got \(got)")
            }
        }
        #expect(mismatches.isEmpty, """
            \(matched) of \(pairs.count) words stem as published; first mismatches:
            \(mismatches.prefix(10).joined(separator: "\n"))
            """)
    }

    @Test("the sample covers the words that tell revisions apart")
    func sampleCoversRevisionMarkers() throws {
        let stems = Dictionary(try loadSample().map { ($0.word, $0.stem) }, uniquingKeysWith: { first, _ in first })
        // Present in this revision: no undoubling after a lone a, e or o; the "past" prefix.
        #expect(stems["adding"] == "add")
        #expect(stems["pasted"] == "paste")
        // Absent from this revision: the "organ" and "later" prefixes, and "-ogist" -> "-og".
        #expect(stems["organic"] == "organ")
        #expect(stems["lateral"] == "later")
        #expect(stems["psychologist"] == "psychologist")
    }

    private func loadSample(sourceLocation: SourceLocation = #_sourceLocation) throws -> [StemCase] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Porter2Sample.tsv")
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        try #require(lines.first == "word\tstem", "Porter2Sample.tsv should start with a header line", sourceLocation: sourceLocation)
        lines.removeFirst()
        return try lines.map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            try #require(fields.count == 2, "malformed sample line: \(line)", sourceLocation: sourceLocation)
            return StemCase(String(fields[0]), String(fields[1]))
        }
    }

    @Test("the examples in the documentation hold", arguments: [
        StemCase("connected", "connect"), StemCase("connecting", "connect"), StemCase("connection", "connect"),
        StemCase("generously", "generous"), StemCase("happiness", "happi"), StemCase("happy", "happi"),
        StemCase("Consignment", "consign"), StemCase("knackeries", "knackeri"),
    ])
    func documentedExamples(_ c: StemCase) {
        #expect(Porter2Stemmer.stem(c.word) == c.stem)
    }

    // MARK: - Exceptional forms

    @Test("exceptional forms map to their fixed stems", arguments: [
        StemCase("skis", "ski"), StemCase("skies", "sky"),
        StemCase("dying", "die"), StemCase("lying", "lie"), StemCase("tying", "tie"),
        StemCase("idly", "idl"), StemCase("gently", "gentl"), StemCase("ugly", "ugli"),
        StemCase("early", "earli"), StemCase("only", "onli"), StemCase("singly", "singl"),
        StemCase("sky", "sky"), StemCase("news", "news"), StemCase("howe", "howe"),
        StemCase("atlas", "atlas"), StemCase("cosmos", "cosmos"), StemCase("bias", "bias"),
        StemCase("andes", "andes"),
    ])
    func exceptionalForms(_ c: StemCase) {
        #expect(Porter2Stemmer.stem(c.word) == c.stem)
    }

    @Test("words left alone after step 1a", arguments: [
        StemCase("inning", "inning"), StemCase("innings", "inning"), StemCase("outing", "outing"),
        StemCase("outings", "outing"), StemCase("canning", "canning"), StemCase("herring", "herring"),
        StemCase("herrings", "herring"), StemCase("earring", "earring"), StemCase("evening", "evening"),
        StemCase("evenings", "evening"), StemCase("proceed", "proceed"), StemCase("proceeds", "proceed"),
        StemCase("exceed", "exceed"), StemCase("succeed", "succeed"), StemCase("succeeds", "succeed"),
    ])
    func invariantsAfterStep1a(_ c: StemCase) {
        #expect(Porter2Stemmer.stem(c.word) == c.stem)
    }

    // MARK: - Input handling

    @Test("words of one or two letters come back as they are", arguments: [
        StemCase("a", "a"), StemCase("is", "is"), StemCase("as", "as"), StemCase("by", "by"),
        StemCase("'s", "'s"), StemCase("''", "''"), StemCase("a'", "a'"),
    ])
    func shortWords(_ c: StemCase) {
        #expect(Porter2Stemmer.stem(c.word) == c.stem)
    }

    @Test("apostrophes: a leading one goes, and so do 's', 's and ' at the end", arguments: [
        StemCase("dog's", "dog"), StemCase("dogs'", "dog"), StemCase("dogs's", "dog"),
        StemCase("'quoted", "quot"), StemCase("'as", "as"), StemCase("'s'", "s"),
        StemCase("a''", "a'"), StemCase("'''", "'"),
    ])
    func apostrophes(_ c: StemCase) {
        #expect(Porter2Stemmer.stem(c.word) == c.stem)
    }

    @Test("input is lowercased first", arguments: [
        StemCase("Running", "run"), StemCase("CONNECTIONS", "connect"), StemCase("Skies", "sky"),
        StemCase("NEWS", "news"),
    ])
    func lowercasing(_ c: StemCase) {
        #expect(Porter2Stemmer.stem(c.word) == c.stem)
    }

    @Test("words with characters outside ASCII come back lowercased and unchanged", arguments: [
        StemCase("café", "café"), StemCase("Naïve", "naïve"), StemCase("ÉCOLES", "écoles"),
        StemCase("don’t", "don’t"), StemCase("日本", "日本"),
    ])
    func nonASCII(_ c: StemCase) {
        #expect(Porter2Stemmer.stem(c.word) == c.stem)
    }

    @Test("empty and degenerate input does not crash")
    func degenerateInput() {
        #expect(Porter2Stemmer.stem("") == "")
        #expect(Porter2Stemmer.stem("''s'") == "")
        #expect(Porter2Stemmer.stem("''''") == "''")
        #expect(Porter2Stemmer.stem("yyyyyy").isEmpty == false)
        for word in ["'", "y", "yy", "yyy", "'y'", "sss", "eed", "ing", "ied", "ies", "'''s", "123", "a-b", " x "] {
            _ = Porter2Stemmer.stem(word)
        }
    }

    // MARK: - Y and regions

    @Test("an initial y, or a y after a vowel, counts as a consonant", arguments: [
        StemCase("yes", "yes"), StemCase("youth", "youth"), StemCase("sayings", "say"),
        StemCase("enjoying", "enjoy"), StemCase("say", "say"), StemCase("cry", "cri"), StemCase("fly", "fli"),
    ])
    func yHandling(_ c: StemCase) {
        #expect(Porter2Stemmer.stem(c.word) == c.stem)
    }

    @Test("R1 starts after gener, commun, arsen, past and univers", arguments: [
        StemCase("generously", "generous"), StemCase("general", "general"), StemCase("generate", "generat"),
        StemCase("communism", "communism"), StemCase("community", "communiti"),
        StemCase("arsenic", "arsenic"), StemCase("arsenal", "arsenal"),
        StemCase("past", "past"), StemCase("paste", "paste"), StemCase("pasting", "paste"),
        StemCase("universal", "universal"), StemCase("universe", "univers"), StemCase("university", "universiti"),
        // Prefixes that this revision does not have.
        StemCase("organization", "organ"), StemCase("emergency", "emerg"), StemCase("laterally", "later"),
    ])
    func specialPrefixes(_ c: StemCase) {
        #expect(Porter2Stemmer.stem(c.word) == c.stem)
    }

    // MARK: - Steps

    @Test("step 1a: plurals", arguments: [
        StemCase("caresses", "caress"), StemCase("ties", "tie"), StemCase("cries", "cri"),
        StemCase("tied", "tie"), StemCase("cried", "cri"), StemCase("gas", "gas"), StemCase("this", "this"),
        StemCase("gaps", "gap"), StemCase("kiwis", "kiwi"), StemCase("bus", "bus"), StemCase("class", "class"),
    ])
    func step1a(_ c: StemCase) {
        #expect(Porter2Stemmer.stem(c.word) == c.stem)
    }

    @Test("step 1b: -eed, -ed, -ing and their -ly forms", arguments: [
        StemCase("agreed", "agre"), StemCase("feed", "feed"), StemCase("hopped", "hop"),
        StemCase("hoped", "hope"), StemCase("hopping", "hop"), StemCase("adding", "add"),
        StemCase("added", "add"), StemCase("egged", "egg"), StemCase("luxuriated", "luxuri"),
        StemCase("bled", "bled"), StemCase("controlling", "control"), StemCase("exceedingly", "exceed"),
    ])
    func step1b(_ c: StemCase) {
        #expect(Porter2Stemmer.stem(c.word) == c.stem)
    }

    @Test("steps 2 and 3: derivational suffixes in R1", arguments: [
        StemCase("relational", "relat"), StemCase("conditional", "condit"), StemCase("digitizer", "digit"),
        StemCase("hopefulness", "hope"), StemCase("hopefully", "hope"), StemCase("geology", "geolog"),
        StemCase("quickly", "quick"), StemCase("fully", "fulli"), StemCase("electrical", "electr"),
        StemCase("formative", "format"), StemCase("goodness", "good"),
    ])
    func steps2And3(_ c: StemCase) {
        #expect(Porter2Stemmer.stem(c.word) == c.stem)
    }

    @Test("steps 4 and 5: suffixes in R2, a final e and a double l", arguments: [
        StemCase("adjustment", "adjust"), StemCase("adoption", "adopt"), StemCase("replacement", "replac"),
        StemCase("controll", "control"), StemCase("hope", "hope"), StemCase("rate", "rate"),
        StemCase("create", "creat"),
    ])
    func steps4And5(_ c: StemCase) {
        #expect(Porter2Stemmer.stem(c.word) == c.stem)
    }
}
