import Foundation
import Language

/// Scores one answer out of 100, with the words that earned the points. Pure: the same answer to the
/// same item always scores the same.
public struct GameScorer: Sendable {
    let analyzer: ReplyAnalyzer

    public init(analyzer: ReplyAnalyzer = ReplyAnalyzer()) {
        self.analyzer = analyzer
    }

    public func score(_ answer: String, for item: GameItem) -> RoundResult {
        let text = answer.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return RoundResult(points: 0, earned: [], missed: ["No answer."]) }
        switch item.target {
        case let .facts(facts): return paraphrase(text, item: item, facts: facts)
        case let .opening(offer): return opening(text, offer: offer)
        case let .style(name, adaptations): return styleAnswer(text, style: name, adaptations: adaptations)
        case .nextSteps: return nextSteps(text)
        case let .positive(keep): return positive(text, keep: keep)
        }
    }

    // MARK: - The games

    private func paraphrase(_ text: String, item: GameItem, facts: [Cue]) -> RoundResult {
        let line = item.prompt.first.map { $0.hasPrefix("Customer: ") ? String($0.dropFirst(10)) : $0 } ?? ""
        let context = ReplyContext(customerLine: line, facts: facts, givenFacts: Set(facts.map(\.id)))
        let s = analyzer.analyze(text, context: context)
        let covered = facts.filter { s.paraphrasedFacts.contains($0.id) }
        var earned: [String] = []
        var missed: [String] = []
        let coverage = facts.isEmpty ? 0 : Double(covered.count) / Double(facts.count)
        var points = Int((80 * coverage).rounded())
        for e in s.evidence where e.signal == .paraphrases {
            earned.append("restated \"\(e.words)\"")
        }
        if covered.count < facts.count {
            missed.append("\(facts.count - covered.count) of the \(facts.count) key facts not restated")
        }
        if s.checksUnderstanding {
            points += 20
            earned.append("checked: \"\(s.evidence(for: .checksUnderstanding)?.words ?? text)\"")
        } else {
            missed.append("no check such as \"have I got that right?\"")
        }
        if !s.asksAgainFor.isEmpty {
            points -= 20
            missed.append("asked again for something the customer had said")
        }
        return RoundResult(points: points, earned: earned, missed: missed)
    }

    private func opening(_ text: String, offer: [String]?) -> RoundResult {
        let saysNone = Matching.saysNone(text)
        guard let offer else {
            return saysNone
                ? RoundResult(points: 100, earned: ["rightly saw no opening"], missed: [])
                : RoundResult(points: 20, earned: [], missed: ["there was no opening here: pushing an offer would not help this customer"])
        }
        if saysNone { return RoundResult(points: 0, earned: [], missed: ["there was an opening"]) }
        if let hit = Matching.firstMatch(in: text, items: offer) {
            return RoundResult(points: 100, earned: ["named the opening: \"\(hit)\""], missed: [])
        }
        return RoundResult(points: 30, earned: ["saw that there was an opening"], missed: ["not the offer this customer's situation points to"])
    }

    private func styleAnswer(_ text: String, style: String, adaptations: [String]) -> RoundResult {
        var points = 0
        var earned: [String] = []
        var missed: [String] = []
        let named = StyleWords.names.filter { Matching.contains(text, any: $0.value) != nil }.map(\.key)
        if named.contains(style) && named.count == 1 {
            points += 60
            earned.append("named the style: \(style)")
        } else if named.contains(style) {
            points += 30
            earned.append("named \(style), among others")
        } else {
            missed.append("the style was \(style)")
        }
        var shown: [String] = []
        for trait in adaptations {
            if let word = Matching.contains(text, any: StyleWords.traits[trait] ?? []) { shown.append("\(trait.replacingOccurrences(of: "_", with: " ")) (\"\(word)\")") }
        }
        if shown.isEmpty {
            missed.append("how to adapt: this customer likes \(adaptations.map { $0.replacingOccurrences(of: "_", with: " ") }.joined(separator: ", "))")
        } else {
            points += min(40, 20 * shown.count)
            earned.append("adapted with \(shown.joined(separator: ", "))")
        }
        return RoundResult(points: points, earned: earned, missed: missed)
    }

    private func nextSteps(_ text: String) -> RoundResult {
        let s = analyzer.analyze(text, context: ReplyContext(customerLine: ""))
        let parts: [(SignalName, Bool, String)] = [
            (.action, s.nextSteps.action, "what will happen"),
            (.timescale, s.nextSteps.timescale, "when"),
            (.customerAction, s.nextSteps.customerAction, "the customer's part"),
            (.confirmation, s.nextSteps.confirmation, "how it's confirmed"),
            (.ownership, s.nextSteps.ownership, "that you own it"),
        ]
        var earned: [String] = []
        var missed: [String] = []
        for (signal, present, label) in parts {
            if present {
                earned.append("\(label): \"\(s.evidence(for: signal)?.words ?? "")\"")
            } else {
                missed.append(label)
            }
        }
        return RoundResult(points: 20 * earned.count, earned: earned, missed: missed)
    }

    private func positive(_ text: String, keep: [String]) -> RoundResult {
        let s = analyzer.analyze(text, context: ReplyContext(customerLine: ""))
        var points = 0
        var earned: [String] = []
        var missed: [String] = []
        if s.negativeLanguage || s.blame {
            let words = s.evidence(for: .negativeLanguage)?.words ?? s.evidence(for: .blame)?.words ?? ""
            missed.append("still negative: \"\(words)\"")
        } else {
            points += 40
            earned.append("no negative wording or blame")
        }
        let kept = keep.filter { Matching.contains(text, any: [$0]) != nil }
        if !keep.isEmpty {
            points += Int((30 * Double(kept.count) / Double(keep.count)).rounded())
            if kept.count < keep.count {
                missed.append("the meaning: say something about \(keep.filter { !kept.contains($0) }.joined(separator: ", "))")
            } else {
                earned.append("kept the meaning (\(kept.joined(separator: ", ")))")
            }
        }
        if s.nextSteps.action || s.nextSteps.customerAction || s.offers {
            points += 30
            let words = s.evidence(for: .action)?.words ?? s.evidence(for: .customerAction)?.words ?? s.evidence(for: .offers)?.words ?? ""
            earned.append("says what can be done: \"\(words)\"")
        } else {
            missed.append("say what you or the customer can do")
        }
        if s.negativeLanguage || s.blame { points = min(points, 30) }
        return RoundResult(points: points, earned: earned, missed: missed)
    }
}

/// Plain word matching for answers that are not replies to a customer.
enum Matching {
    /// Lower case, apostrophes removed, every other non-letter-or-digit a space, padded with spaces.
    static func normalised(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar == "'" || scalar == "\u{2019}" { continue }
            out.unicodeScalars.append(CharacterSet.alphanumerics.contains(scalar) ? scalar : " ")
        }
        return " " + out.split(separator: " ").joined(separator: " ") + " "
    }

    /// The first of `words` found in `text` as whole words (a word ending in `*`, or a stem-like
    /// fragment of five letters or more, also matches longer words), or nil.
    static func contains(_ text: String, any words: [String]) -> String? {
        let hay = normalised(text)
        for word in words {
            let stripped = word.hasSuffix("*") ? String(word.dropLast()) : word
            let needle = normalised(stripped).trimmingCharacters(in: .whitespaces)
            guard !needle.isEmpty else { continue }
            let open = word.hasSuffix("*") || (needle.count >= 5 && !needle.contains(" "))
            if hay.contains(" \(needle)" + (open ? "" : " ")) { return stripped }
        }
        return nil
    }

    /// Matches scenario cue items: each item lists alternatives separated by `|`.
    static func firstMatch(in text: String, items: [String]) -> String? {
        for item in items {
            if let hit = contains(text, any: item.split(separator: "|").map(String.init)) { return hit }
        }
        return nil
    }

    static func saysNone(_ text: String) -> Bool {
        let t = normalised(text).trimmingCharacters(in: .whitespaces)
        return ["none", "no", "nothing", "no opening", "there isnt one", "not here", "no offer", "none here"].contains(t)
            || t.hasPrefix("none ") || t.hasPrefix("no opening") || t.hasPrefix("nothing ") || t.hasPrefix("no there")
    }
}
