/// Splits text into lowercase word tokens: letters and digits, with apostrophes dropped
/// ("can't" -> "cant") and everything else a separator.
public func wordTokens(_ text: String) -> [String] {
    var tokens: [String] = []
    var current = String.UnicodeScalarView()
    for s in text.unicodeScalars {
        if s.properties.isAlphabetic || ("0"..."9").contains(s) {
            current.append(contentsOf: String(s).lowercased().unicodeScalars)
        } else if s == "'" || s == "\u{2019}" {
            continue
        } else if !current.isEmpty {
            tokens.append(String(current))
            current = String.UnicodeScalarView()
        }
    }
    if !current.isEmpty { tokens.append(String(current)) }
    return tokens
}

/// A word or phrase an author wrote, ready to look for in tokenized text. A word ending in `*`
/// matches any word it starts ("refund*" matches "refunded").
public struct Phrase: Sendable, Equatable, Hashable {
    public var words: [String]

    public init(_ text: String) {
        words = text.split(separator: " ").flatMap { part -> [String] in
            let star = part.hasSuffix("*")
            let toks = wordTokens(String(part))
            guard star, let last = toks.last else { return toks }
            return toks.dropLast() + [last + "*"]
        }
    }

    /// The index range in `tokens` where the phrase first occurs, if it does.
    public func firstMatch(in tokens: [String]) -> Range<Int>? {
        guard !words.isEmpty, tokens.count >= words.count else { return nil }
        outer: for start in 0...(tokens.count - words.count) {
            for (offset, word) in words.enumerated() where !Phrase.matches(word, tokens[start + offset]) {
                continue outer
            }
            return start..<(start + words.count)
        }
        return nil
    }

    static func matches(_ pattern: String, _ token: String) -> Bool {
        if pattern.hasSuffix("*") { return token.hasPrefix(pattern.dropLast()) }
        return pattern == token
    }
}

/// Looks for any of `cues` (each may hold alternatives separated by `|`) in `text`; returns the words
/// of the first one found.
public func findCue(_ cues: [String], in tokens: [String]) -> String? {
    for cue in cues {
        for alternative in cue.split(separator: "|") {
            let phrase = Phrase(String(alternative))
            if let range = phrase.firstMatch(in: tokens) {
                return tokens[range].joined(separator: " ")
            }
        }
    }
    return nil
}
