/// Turns one typed word into the normalised words the analyser matches on: lowercase, one spelling
/// for British and American variants, contractions and common text-speak expanded.
enum Normalizer {
    /// The normalised words for one raw word ("I'll" -> ["i", "will"], "4pm" -> ["4", "pm"]).
    /// The one normalised word for `raw` when it is a plain word (no contraction, no special
    /// spelling, no number with a unit); nil otherwise, and ``normalise(_:)`` gives the words.
    static func plainWord(_ raw: Substring) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.utf8.count)
        for b in raw.utf8 {
            if b >= 0x80 || b == 0x27 || b == 0x60 { return nil }
            bytes.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
        }
        guard let first = bytes.first, first > 0x39 else { return nil }
        let lower = String(decoding: bytes, as: UTF8.self)
        return specials[lower] == nil ? lower : nil
    }

    static func normalise(_ raw: Substring) -> [String] {
        // Most words are plain ASCII: lowercase them byte by byte and look them up once.
        var ascii = true
        var apostrophe = false
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.utf8.count)
        for b in raw.utf8 {
            if b >= 0x80 { ascii = false; break }
            if b == 0x27 || b == 0x60 { apostrophe = true }
            bytes.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
        }
        let lower = ascii ? String(decoding: bytes, as: UTF8.self) : String(raw).lowercased()
        if apostrophe || (!ascii && lower.unicodeScalars.contains(where: TokenizedText.isApostrophe)) {
            return splitContraction(lower)
        }
        if let special = specials[lower] { return special }
        if let first = lower.utf8.first, first >= 0x30, first <= 0x39, let split = splitNumberUnit(lower) {
            return split
        }
        return [lower]
    }

    /// Expansions and spellings in one table, so a word is looked up once. No key starts with a
    /// digit, so numbers with units ("4pm") are still split below.
    private static let specials: [String: [String]] = {
        var table: [String: [String]] = [:]
        for (k, v) in spellings { table[k] = [v] }
        for (k, v) in expansions { table[k] = v }
        return table
    }()

    /// True for a number written in digits or words.
    static func isNumber(_ word: String) -> Bool {
        guard let first = word.utf8.first else { return false }
        if first >= 0x30, first <= 0x39 { return true }
        // Every number word starts with one of these letters and has at most nine.
        guard numberInitials.contains(first), word.utf8.count <= 9 else { return false }
        return numberWords.contains(word)
    }

    private static let numberInitials: Set<UInt8> = Set(numberWords.compactMap { $0.utf8.first })

    // MARK: - Contractions

    private static func splitContraction(_ lower: String) -> [String] {
        // Unify apostrophes, then split at the last one.
        var unified = ""
        unified.reserveCapacity(lower.utf8.count)
        for s in lower.unicodeScalars {
            unified.unicodeScalars.append(TokenizedText.isApostrophe(s) ? "'" : s)
        }
        guard let mark = unified.lastIndex(of: "'") else { return [unified] }
        let base = String(unified[..<mark]).replacingApostrophes()
        let suffix = String(unified[unified.index(after: mark)...])
        switch suffix {
        case "t" where base.hasSuffix("n"):
            let stem = String(base.dropLast())
            let verb: String
            switch stem {
            case "ca": verb = "can"
            case "wo": verb = "will"
            case "sha": verb = "shall"
            case "ai": verb = "is"
            default: verb = stem
            }
            return verb.isEmpty ? ["not"] : [verb, "not"]
        case "ll": return [base, "will"]
        case "ve": return [base, "have"]
        case "re": return [base, "are"]
        case "m": return [base, "am"]
        case "d": return [base, "would"]
        case "s":
            if base == "let" { return ["let", "us"] }
            return isWithS.contains(base) ? [base, "is"] : [spellings[base] ?? base]
        default:
            let joined = base + suffix
            return expansions[joined] ?? [spellings[joined] ?? joined]
        }
    }

    /// Words whose "'s" means "is" rather than a possessive.
    private static let isWithS: Set<String> = [
        "that", "it", "what", "there", "here", "he", "she", "who", "where", "how", "when", "why",
        "everything", "nothing", "something", "someone", "everyone", "this", "which", "one",
    ]

    // MARK: - Numbers with units

    private static let units: [String: String] = [
        "am": "am", "pm": "pm", "st": "st", "nd": "nd", "rd": "rd", "th": "th",
        "h": "hours", "hr": "hours", "hrs": "hours", "hour": "hour", "hours": "hours",
        "min": "minutes", "mins": "minutes", "minutes": "minutes", "d": "days", "day": "day", "days": "days",
        "wk": "weeks", "wks": "weeks", "week": "week", "weeks": "weeks", "p": "p", "gb": "gb", "mb": "mb",
    ]

    /// "4pm" -> ["4", "pm"]; "4.30pm" -> ["4.30", "pm"]; "2fa" stays whole.
    private static func splitNumberUnit(_ word: String) -> [String]? {
        let utf8 = word.utf8
        guard let cut = utf8.firstIndex(where: { b in (b >= 0x61 && b <= 0x7A) }) else { return nil }
        let number = String(word[..<cut])
        let unit = String(word[cut...])
        guard let u = units[unit] else { return nil }
        return [number, u]
    }

    static let numberWords: Set<String> = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
        "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "couple", "few",
        "several", "half", "first", "second", "third", "fourth", "fifth",
    ]

    // MARK: - Tables

    /// Words that, at the start of a clause, do not change what the clause is ("so", "ok", "please").
    static let fillers: Set<String> = [
        "so", "ok", "okay", "right", "well", "and", "but", "then", "now", "just", "first", "firstly",
        "next", "also", "alright", "great", "sure", "oh", "um", "uh", "erm", "er", "hmm", "yes", "yeah",
        "thanks", "please", "lovely", "perfect", "brilliant", "fine", "cool", "anyway", "actually",
    ]

    /// Contractions typed without an apostrophe, text-speak and abbreviations.
    static let expansions: [String: [String]] = [
        "cant": ["can", "not"], "cannot": ["can", "not"], "wont": ["will", "not"], "dont": ["do", "not"],
        "didnt": ["did", "not"], "doesnt": ["does", "not"], "isnt": ["is", "not"], "arent": ["are", "not"],
        "wasnt": ["was", "not"], "werent": ["were", "not"], "havent": ["have", "not"],
        "hasnt": ["has", "not"], "hadnt": ["had", "not"], "couldnt": ["could", "not"],
        "wouldnt": ["would", "not"], "shouldnt": ["should", "not"], "mustnt": ["must", "not"],
        "shant": ["shall", "not"], "aint": ["is", "not"],
        "im": ["i", "am"], "ive": ["i", "have"], "ill": ["i", "will"], "youll": ["you", "will"],
        "youre": ["you", "are"], "youve": ["you", "have"], "theyll": ["they", "will"],
        "theyre": ["they", "are"], "theyve": ["they", "have"], "weve": ["we", "have"],
        "thats": ["that", "is"], "whats": ["what", "is"], "theres": ["there", "is"],
        "heres": ["here", "is"], "itll": ["it", "will"], "hows": ["how", "is"], "wheres": ["where", "is"],
        "whos": ["who", "is"],
        "gonna": ["going", "to"], "wanna": ["want", "to"], "gotta": ["got", "to"], "lemme": ["let", "me"],
        "u": ["you"], "ur": ["your"], "pls": ["please"], "plz": ["please"], "thx": ["thanks"],
        "thanx": ["thanks"], "tmrw": ["tomorrow"], "tmr": ["tomorrow"], "tomoz": ["tomorrow"],
        "tmw": ["tomorrow"], "asap": ["as", "soon", "as", "possible"], "appt": ["appointment"],
        "msg": ["message"], "txt": ["text"], "mins": ["minutes"], "hrs": ["hours"], "hr": ["hour"],
        "wk": ["week"], "wks": ["weeks"], "okay": ["ok"], "k": ["ok"], "kk": ["ok"],
        "ref": ["reference"], "refno": ["reference", "number"], "eod": ["end", "of", "day"],
        "cob": ["close", "of", "business"], "e2e": ["end", "to", "end"],
        "alot": ["a", "lot"], "whilst": ["while"], "amongst": ["among"], "towards": ["toward"],
    ]

    /// British spellings (and a few common misspellings) mapped to one form.
    static let spellings: [String: String] = {
        var map: [String: String] = [:]
        // -ise/-ize verbs, with their inflections.
        let ise = ["apologis", "realis", "recognis", "organis", "prioritis", "authoris", "finalis", "customis",
                   "emphasis", "minimis", "maximis", "personalis", "sympathis", "summaris", "categoris",
                   "standardis", "utilis", "optimis", "specialis", "criticis", "familiaris", "initialis",
                   "normalis", "reorganis", "synchronis", "visualis", "stabilis", "capitalis"]
        for root in ise {
            let us = String(root.dropLast()) + "z"
            for (gb, ending) in [("e", "e"), ("ed", "ed"), ("es", "es"), ("ing", "ing"), ("ation", "ation"),
                                 ("ations", "ations")] {
                map[root + gb] = us + ending
            }
        }
        let pairs: [(String, String)] = [
            ("cancelled", "canceled"), ("cancelling", "canceling"), ("labelled", "labeled"),
            ("travelled", "traveled"), ("travelling", "traveling"), ("modelled", "modeled"),
            ("signalled", "signaled"), ("totalled", "totaled"), ("fuelled", "fueled"),
            ("colour", "color"), ("colours", "colors"), ("favour", "favor"), ("favourite", "favorite"),
            ("behaviour", "behavior"), ("honour", "honor"), ("neighbour", "neighbor"),
            ("neighbours", "neighbors"), ("labour", "labor"), ("humour", "humor"),
            ("centre", "center"), ("centres", "centers"), ("metre", "meter"), ("metres", "meters"),
            ("programme", "program"), ("programmes", "programs"), ("licence", "license"),
            ("defence", "defense"), ("offence", "offense"), ("catalogue", "catalog"),
            ("dialogue", "dialog"), ("analyse", "analyze"), ("analysed", "analyzed"),
            ("analysing", "analyzing"), ("paralysed", "paralyzed"), ("enrol", "enroll"),
            ("enrolment", "enrollment"), ("fulfil", "fulfill"), ("instalment", "installment"),
            ("cheque", "check"), ("cheques", "checks"), ("tyre", "tire"), ("tyres", "tires"),
            ("grey", "gray"), ("judgement", "judgment"), ("acknowledgement", "acknowledgment"),
            ("mum", "mom"), ("fibre", "fiber"), ("aluminium", "aluminum"), ("storey", "story"),
            ("recieve", "receive"), ("recieved", "received"), ("seperate", "separate"),
            ("definately", "definitely"), ("apologies", "apologies"), ("appologise", "apologize"),
            ("appologize", "apologize"), ("appologies", "apologies"), ("sory", "sorry"),
            ("tommorow", "tomorrow"), ("tomorow", "tomorrow"), ("tommorrow", "tomorrow"),
            ("wensday", "wednesday"), ("wednsday", "wednesday"), ("thursady", "thursday"),
            ("refered", "referred"), ("occured", "occurred"), ("untill", "until"),
        ]
        for (gb, us) in pairs { map[gb] = us }
        return map
    }()
}

extension String {
    /// The string with every kind of apostrophe removed.
    func replacingApostrophes() -> String {
        guard unicodeScalars.contains(where: TokenizedText.isApostrophe) else { return self }
        var out = ""
        for s in unicodeScalars where !TokenizedText.isApostrophe(s) { out.unicodeScalars.append(s) }
        return out
    }
}
