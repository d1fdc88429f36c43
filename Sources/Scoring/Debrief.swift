import Dialogue

/// One line of a debrief, before wrapping: the host wraps `text` to the terminal width and indents
/// continuation lines by `indent` plus `hanging`.
public struct DebriefLine: Sendable, Equatable {
    public enum Tone: Sendable, Equatable { case plain, heading, good, bad, quiet }
    public var indent: String
    public var hanging: String
    public var text: String
    public var tone: Tone

    public init(_ text: String, indent: String = "", hanging: String = "", tone: Tone = .plain) {
        self.indent = indent
        self.hanging = hanging
        self.text = text
        self.tone = tone
    }
}

/// Turns a ``CallScore`` into what the trainee reads after a call.
public enum Debrief {
    /// The debrief, as lines: how the call ended, the four scores with evidence and a tip each, and
    /// the model replies where the trainee fell short at a key moment.
    public static func lines(for score: CallScore, scenario: Scenario, persona: Persona, maxEvidence: Int = 4) -> [DebriefLine] {
        var out: [DebriefLine] = []
        out.append(DebriefLine("Debrief: \(scenario.title)", tone: .heading))
        if let ending = score.ending {
            // An assessment's time limit ends the call as the agent's /end would, under its own id.
            let how = ending.id == "time_up" ? "the time limit ran out" : ending.kind.title
            out.append(DebriefLine("How it ended: \(how). \(ending.note)", hanging: "  "))
        }
        if !score.issuesRaised.isEmpty {
            let resolved = score.issuesRaised.filter(score.issuesResolved.contains).count
            out.append(DebriefLine("Issues resolved: \(resolved) of \(score.issuesRaised.count) raised.", hanging: "  "))
        }
        out.append(DebriefLine("Overall: \(score.overall)/100", tone: .heading))
        for skill in score.skills {
            out.append(DebriefLine(""))
            out.append(DebriefLine("\(skill.skill.title + String(repeating: " ", count: max(1, 24 - skill.skill.title.count)))\(pad(skill.score))  \(bar(skill.score))", tone: .heading))
            let shown = pick(skill.evidence, max: maxEvidence)
            for e in shown {
                let sign = e.effect == .earned ? "+" : "-"
                var text = e.turn > 0 ? "turn \(e.turn)" : "call"
                if !e.words.isEmpty { text += " \"\(e.words)\"" }
                text += ": \(e.reason)"
                out.append(DebriefLine("\(sign) \(text)", indent: "  ", hanging: "  ", tone: e.effect == .earned ? .good : .bad))
            }
            out.append(DebriefLine("Tip: \(skill.tip)", indent: "  ", hanging: "     ", tone: .quiet))
        }
        if let x = score.experience {
            out.append(DebriefLine(""))
            out.append(DebriefLine("The customer's view", tone: .heading))
            for m in x.moments {
                out.append(DebriefLine("\(m.name): \(m.score), \(m.verdict). \(m.why)", indent: "  ", hanging: "  ",
                                       tone: m.score >= 70 ? .good : m.score < 40 ? .bad : .plain))
            }
            out.append(DebriefLine("Customer effort: \(x.effort) of 5 (1 is effortless). \(x.effortWhy)", indent: "  ", hanging: "  "))
            out.append(DebriefLine("Satisfaction: \(x.satisfaction) of 5. \(x.satisfactionWhy)", indent: "  ", hanging: "  "))
            out.append(DebriefLine("First contact: \(x.firstContact.title).", indent: "  ", hanging: "  ",
                                   tone: x.firstContact == .repeatContactLikely ? .bad : .good))
        }
        if !score.modelReplies.isEmpty {
            out.append(DebriefLine(""))
            out.append(DebriefLine("Where a different reply would have helped", tone: .heading))
            for m in score.modelReplies {
                out.append(DebriefLine("Turn \(m.turn). \(persona.name) said: \"\(m.customerLine)\"", indent: "  ", hanging: "  "))
                out.append(DebriefLine("You said: \"\(m.yourReply)\"", indent: "    ", hanging: "  ", tone: .bad))
                out.append(DebriefLine("A model reply: \"\(m.model)\"", indent: "    ", hanging: "  ", tone: .good))
            }
        }
        return out
    }

    /// The best and weakest moments first, then the rest in call order, up to `max`.
    static func pick(_ evidence: [ScoreEvidence], max: Int) -> [ScoreEvidence] {
        guard evidence.count > max else { return evidence }
        var chosen: [Int] = []
        if let best = evidence.indices.filter({ evidence[$0].effect == .earned }).max(by: { evidence[$0].points < evidence[$1].points }) {
            chosen.append(best)
        }
        if let worst = evidence.indices.filter({ evidence[$0].effect == .lost }).min(by: { evidence[$0].points < evidence[$1].points }) {
            chosen.append(worst)
        }
        for i in evidence.indices where chosen.count < max && !chosen.contains(i) { chosen.append(i) }
        return chosen.sorted().map { evidence[$0] }
    }

    private static func pad(_ n: Int) -> String {
        let s = String(n)
        return String(repeating: " ", count: max(0, 3 - s.count)) + s
    }

    /// A ten-step bar for a 0...100 score.
    public static func bar(_ score: Int) -> String {
        let filled = min(10, max(0, (score + 5) / 10))
        return String(repeating: "#", count: filled) + String(repeating: ".", count: 10 - filled)
    }
}
