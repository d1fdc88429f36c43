import Foundation
import Dialogue
import Scoring

/// How a group's ratings of one call compare with each other and with the engine's scores.
public struct CalibrationResult: Sendable, Equatable {
    public struct SkillResult: Sendable, Equatable {
        public var skill: Skill
        public var engine: Int
        /// Each participant's rating, in participant order.
        public var ratings: [Int]
        public var min: Int
        public var max: Int
        public var range: Int { max - min }
        public var mean: Double
        /// The participant furthest from the group's mean (the first, on a tie).
        public var furthest: Int
        /// Each participant's rating minus the engine's score.
        public var differences: [Int] { ratings.map { $0 - engine } }
        /// What the group should take from it, in plain English.
        public var verdict: String
    }

    public var participants: [String]
    public var skills: [SkillResult]

    /// The spread per skill. `ratings[p][s]` is participant p's rating of skill s, in `Skill.allCases` order.
    public static func compute(participants: [String], ratings: [[Int]], engine: CallScore) -> CalibrationResult {
        var skills: [SkillResult] = []
        for (s, skill) in Skill.allCases.enumerated() {
            let values = ratings.map { $0.indices.contains(s) ? $0[s] : 0 }
            let engineScore = engine.score(for: skill)?.score ?? 0
            let lo = values.min() ?? 0, hi = values.max() ?? 0
            let mean = values.isEmpty ? 0 : Double(values.reduce(0, +)) / Double(values.count)
            var furthest = 0
            for i in values.indices where abs(Double(values[i]) - mean) > abs(Double(values[furthest]) - mean) { furthest = i }
            let name = participants.indices.contains(furthest) ? participants[furthest] : ""
            skills.append(SkillResult(skill: skill, engine: engineScore, ratings: values, min: lo, max: hi, mean: mean,
                                      furthest: furthest,
                                      verdict: verdict(skill: skill, range: hi - lo, mean: mean, engine: engineScore, furthest: name,
                                                       evidenceTurn: engine.score(for: skill)?.evidence.first { $0.turn > 0 }?.turn)))
        }
        return CalibrationResult(participants: participants, skills: skills)
    }

    static func verdict(skill: Skill, range: Int, mean: Double, engine: Int, furthest: String, evidenceTurn: Int?) -> String {
        var parts: [String] = []
        let look = evidenceTurn.map { " at turn \($0)" } ?? ""
        switch range {
        case ...15: parts.append("The group agrees (range \(range)).")
        case ...30: parts.append("Some spread (range \(range)): \(furthest) is furthest from the rest; hear why.")
        default: parts.append("Wide spread (range \(range)): discuss the evidence\(look) until you agree what good looks like.")
        }
        let gap = Int((mean - Double(engine)).rounded())
        if abs(gap) <= 10 {
            parts.append("CallDojo agrees with the group (it gave \(engine)).")
        } else if gap > 0 {
            parts.append("CallDojo gave \(engine), \(gap) below the group: look at what its evidence says was missing.")
        } else {
            parts.append("CallDojo gave \(engine), \(-gap) above the group: look at what its evidence gave credit for.")
        }
        return parts.joined(separator: " ")
    }
}

/// Reads one rating as typed: a whole number from 0 to 100, optionally followed by "%" or "/100".
public enum RatingInput {
    public static func parse(_ text: String) -> Int? {
        var t = text.trimmingCharacters(in: .whitespaces)
        for suffix in ["/100", "%"] where t.hasSuffix(suffix) { t = String(t.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces) }
        guard !t.isEmpty, t.allSatisfy(\.isASCIIDigitCharacter), t.count <= 3, let n = Int(t), (0...100).contains(n) else { return nil }
        return n
    }
}

private extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
