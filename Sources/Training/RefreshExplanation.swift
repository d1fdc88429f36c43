import Dialogue
import Progress

/// A refresher's reasons in plain English, e.g. "Your paraphrasing has averaged 48 over your last 5
/// calls, your lowest skill; you haven't practised 'charged-twice', which works on it, for 23 days."
public enum RefreshExplanation {
    /// Every skill at or above this average is strong: the refresher then says it keeps the lowest sharp.
    public static let strongAverage = 80

    /// The explanation as short paragraphs, most important first.
    public static func paragraphs(for r: RefreshRecommendation) -> [String] {
        var out: [String] = []
        switch r.reason {
        case .firstSession:
            out.append("This is your first call, so it starts with the basics: \(r.skill.title.lowercased()), "
                       + "which means \(meaning(r.skill)). \(quoted(r.scenario.id)) is \(article(r.scenario.difficulty)) "
                       + "\(r.scenario.difficulty.rawValue) call that works on it.")
            out.append("After a few calls, `calldojo refresh` picks your weakest skill from your own scores.")
        case let .weakestSkill(average, skipped):
            var text = ""
            if !skipped.isEmpty {
                let names = skipped.map { "\($0.skill.title.lowercased()) (\($0.rounded))" }
                text += "No call here works on \(list(names)), \(skipped.count == 1 ? "your lowest skill" : "your lowest skills"), "
                    + "so this refresher aims at your next-lowest. "
            }
            text += sentenceStart(scorePhrase(average)) + ", "
                + (skipped.isEmpty ? "your lowest skill" : "your lowest skill that a call here works on")
                + "; " + stalenessPhrase(r.scenario, onlyOne: r.alternatives.isEmpty) + "."
            out.append(text)
            if r.averages.count > 1 || (r.averages.first?.calls ?? 0) > 1 {
                out.append(averagesSentence(r.averages))
            }
            if r.averages.allSatisfy({ $0.rounded >= strongAverage }) {
                out.append("Every skill averages \(strongAverage) or more, so this refresher keeps your lowest one sharp.")
            }
            out.append("On this call, focus on \(r.skill.title.lowercased()): \(focus(r.skill)).")
        }
        if let goal = r.goal {
            out.append("It is also the skill of your goal \(goal.goal.id): \(goal.summary).")
        }
        if !r.alternatives.isEmpty {
            let others = r.alternatives.map { "\(quoted($0.id)) (\(when($0)))" }
            out.append("Other calls that work on it: \(list(others)).")
        }
        return out
    }

    /// "Your paraphrasing has averaged 48 over your last 5 calls", or "... scored 48 in your one call so far".
    static func scorePhrase(_ a: SkillAverage) -> String {
        let name = "your \(a.skill.title.lowercased())"
        if a.calls == 1 { return "\(name) scored \(a.rounded) in your one call so far" }
        return "\(name) has averaged \(a.rounded) over your last \(a.calls) calls"
    }

    /// How long since the trainee practised the scenario, with the reason it was chosen.
    static func stalenessPhrase(_ s: RefreshScenario, onlyOne: Bool) -> String {
        let name = quoted(s.id)
        guard let days = s.daysSince else { return "you have never practised \(name), which works on it" }
        switch days {
        case 0:
            return onlyOne
                ? "\(name), the one call here that works on it, you last practised earlier today"
                : "you have practised every call that works on it today, and \(name) longest ago"
        case 1:
            return onlyOne
                ? "\(name), the one call here that works on it, you last practised yesterday"
                : "you last practised \(name), which works on it, yesterday, longer ago than any other call that does"
        default:
            return "you haven't practised \(name), which works on it, for \(days) days"
        }
    }

    /// "Recent calls count most ... Your averages: active listening 72, paraphrasing 48, ..."
    static func averagesSentence(_ averages: [SkillAverage]) -> String {
        let figures = averages.map { "\($0.skill.title.lowercased()) \($0.rounded)" }
        let most = averages.map(\.calls).max() ?? 0
        guard most > 1 else { return "Your scores: \(list(figures))." }
        return "Recent calls count most (the latest \(RefreshPlanner.recentCalls) times over, the one before it "
            + "\(RefreshPlanner.recentCalls - 1) times, and so on). Your averages: \(list(figures))."
    }

    /// When a scenario was last practised, in a few words.
    static func when(_ s: RefreshScenario) -> String {
        guard let days = s.daysSince else { return "never practised" }
        switch days {
        case 0: return "practised today"
        case 1: return "practised yesterday"
        default: return "practised \(days) days ago"
        }
    }

    /// What the skill means, for a trainee meeting it for the first time.
    static func meaning(_ skill: Skill) -> String {
        switch skill {
        case .activeListening:
            return "acknowledging how the customer feels and asking open questions before jumping to a fix"
        case .paraphrasing:
            return "restating the customer's key facts in your own words and checking you have them right"
        case .nextSteps:
            return "saying what happens next, when, what the customer must do, how it will be confirmed and who owns it"
        case .forwardResolution:
            return "sorting every issue the customer raised and heading off the next reason they would call"
        }
    }

    /// One thing to do on the call, for the skill.
    static func focus(_ skill: Skill) -> String {
        switch skill {
        case .activeListening:
            return "name how the customer feels, ask an open question, and use what they have told you rather than asking again"
        case .paraphrasing:
            return "once the customer has explained, sum up their key facts in your own words and ask if you have it right"
        case .nextSteps:
            return "say what will happen, by when, what they need to do, how they will hear, and who owns it"
        case .forwardResolution:
            return "check every issue is sorted or has an owned follow-up, and tell them what to expect next so they need not call back"
        }
    }

    static func quoted(_ id: String) -> String { "'\(id)'" }

    static func article(_ d: Difficulty) -> String {
        d == .intermediate || d == .advanced ? "an" : "a"
    }

    static func sentenceStart(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
        }
    }
}
