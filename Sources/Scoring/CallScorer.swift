import Dialogue
import Language

/// Scores a finished (or abandoned) call on the four skills, with evidence for every point.
///
/// The scorer reads the transcript's per-turn ``Signals`` and the call state; it is pure, so the same
/// call always gets the same scores. Weights follow the persona: empathy counts for more with an angry or
/// anxious caller, specifics with an analytical one, brevity with a driver.
public struct CallScorer: Sendable {
    public let scenario: Scenario
    public let persona: Persona

    public init(scenario: Scenario, persona: Persona) {
        self.scenario = scenario
        self.persona = persona
    }

    public func score(_ state: CallState) -> CallScore {
        let replies = state.transcript.filter { $0.speaker == .agent }
        let skills = [
            activeListening(replies, state),
            paraphrasing(replies, state),
            nextSteps(replies, state),
            forwardResolution(replies, state),
        ]
        let overall = skills.isEmpty ? 0 : Int((Double(skills.map(\.score).reduce(0, +)) / Double(skills.count)).rounded())
        return CallScore(skills: skills, overall: overall, ending: state.ending,
                         issuesRaised: state.raisedIssues, issuesResolved: state.resolvedIssues,
                         modelReplies: modelReplies(state),
                         experience: CustomerExperience.of(state, skills: skills, persona: persona))
    }

    // MARK: - Active listening

    private var empathyWeight: Double {
        switch persona.temper {
        case .angry: return 1.5
        case .irritated, .anxious: return 1.25
        case .calm: return 1
        }
    }

    private func activeListening(_ replies: [TranscriptEntry], _ state: CallState) -> SkillScore {
        var tally = Tally(base: 40)
        let w = empathyWeight
        var acknowledged = false
        var openQuestions = 0
        var closedQuestionCounted = false
        var firstActionTurn: Int?
        var longReplyCount = 0
        for r in replies {
            guard let s = r.signals else { continue }
            if s.nextSteps.action && firstActionTurn == nil { firstActionTurn = r.turn }
            if s.acknowledges {
                let words = s.evidence(for: .acknowledges)?.words ?? r.text
                if !acknowledged {
                    let early = r.turn <= 2
                    tally.earn(r, words, early ? "You acknowledged how the customer felt straight away." : "You acknowledged the customer's situation.",
                               points: Int((early ? 25 : 15) * w))
                    acknowledged = true
                } else if persona.temper == .angry || persona.temper == .irritated {
                    tally.earn(r, words, "You kept acknowledging the customer's frustration.", points: Int(5 * w))
                }
            }
            if s.asksOpenQuestion {
                openQuestions += 1
                if openQuestions <= 3 {
                    let beforeFix = firstActionTurn == nil || r.turn <= (firstActionTurn ?? 0)
                    tally.earn(r, s.evidence(for: .asksOpenQuestion)?.words ?? r.text,
                               beforeFix ? "An open question to understand the problem before fixing it." : "An open question that drew the customer out.",
                               points: beforeFix ? 15 : 6)
                }
            } else if s.asksQuestion && !s.hollowCloser && openQuestions == 0 && !closedQuestionCounted {
                closedQuestionCounted = true
                tally.earn(r, s.evidence(for: .asksQuestion)?.words ?? r.text, "A question to find out more; an open one would draw out more.", points: 4)
            }
            if !s.asksAgainFor.isEmpty {
                tally.lose(r, s.evidence(for: .asksAgain)?.words ?? r.text, "You asked for something the customer had already told you.", points: 15)
            }
            if s.calmDown {
                tally.lose(r, s.evidence(for: .calmDown)?.words ?? r.text, "Telling a customer to calm down makes them angrier.", points: Int(25 * w))
            }
            if s.blame {
                tally.lose(r, s.evidence(for: .blame)?.words ?? r.text, "Blame (the customer, a colleague or another team) puts the customer on the defensive.", points: Int(15 * w))
            }
            if s.negativeLanguage {
                tally.lose(r, s.evidence(for: .negativeLanguage)?.words ?? r.text, "Negative wording: say what you can do instead.", points: Int(6 * w))
            }
            if s.empty {
                tally.lose(r, r.text, "This reply did not engage with what the customer said.", points: 12)
            }
            if s.jargon && persona.knowledge == .low {
                tally.lose(r, s.evidence(for: .jargon)?.words ?? r.text, "Jargon with a customer who does not know the technical terms.", points: 10)
            }
            if longReplyCount < 2, r.text.split(whereSeparator: { $0 == " " || $0 == "\n" }).count > 60,
               persona.style == .driver || persona.annoyedBy.contains(.longReplies) {
                longReplyCount += 1
                tally.lose(r, r.text.prefixWords(12) + "...", "A long reply to a customer who wants it short: lead with the answer, in a few sentences.", points: 6)
            }
            if s.smallTalk && persona.style == .driver {
                tally.lose(r, s.evidence(for: .smallTalk)?.words ?? r.text, "Small talk with a customer who wants the answer now.", points: 8)
            }
            if s.apologyOnly && persona.temper != .calm {
                tally.lose(r, s.evidence(for: .acknowledges)?.words ?? r.text, "An apology with no action: say what you will do about it.", points: 5)
            }
        }
        if !acknowledged && !replies.isEmpty {
            tally.lose(nil, "", "You never acknowledged the customer's situation or feelings.", points: Int(10 * w))
        }
        let tip: String
        if !acknowledged {
            tip = "Open by naming what the customer is going through: \"Three calls in a week is really frustrating, I'm sorry.\""
        } else if openQuestions == 0 {
            tip = "Ask one open question before you fix anything: \"What happens when you try to connect?\""
        } else if tally.lostAny {
            tip = "Keep your wording positive and about the customer: say what you can do, and use the details they gave you."
        } else {
            tip = "Strong listening. Keep pairing acknowledgement with an open question early in the call."
        }
        return tally.result(.activeListening, tip: tip)
    }

    // MARK: - Paraphrasing

    private func paraphrasing(_ replies: [TranscriptEntry], _ state: CallState) -> SkillScore {
        var tally = Tally(base: 0)
        var covered: [String] = []
        var checked = false
        for r in replies {
            guard let s = r.signals else { continue }
            let new = s.paraphrasedFacts.filter { !covered.contains($0) }
            if !new.isEmpty {
                covered.append(contentsOf: new)
                let names = new.compactMap { id in scenario.facts.first { $0.id == id }?.text }
                tally.note(r, s.evidence(for: .paraphrases)?.words ?? r.text,
                           "You restated: \(names.joined(separator: "; ")).", points: 0, effect: .earned)
            }
            if s.checksUnderstanding && !checked {
                checked = true
                tally.note(r, s.evidence(for: .checksUnderstanding)?.words ?? r.text,
                           "You checked you had understood.", points: 20, effect: .earned)
            }
        }
        let given = state.givenFacts.filter { id in scenario.facts.contains { $0.id == id } }
        let coverage = given.isEmpty ? (covered.isEmpty ? 0 : 1) : Double(covered.filter(given.contains).count) / Double(given.count)
        let coveragePoints = Int((80 * coverage).rounded())
        tally.adjust(coveragePoints)
        let missing = given.filter { !covered.contains($0) }.compactMap { id in scenario.facts.first { $0.id == id }?.text }
        if !missing.isEmpty {
            tally.lose(nil, "", "Facts the customer gave that you never restated: \(missing.joined(separator: "; ")).", points: 0)
        }
        if !checked && !covered.isEmpty {
            tally.lose(nil, "", "You restated facts but never checked you had them right.", points: 0)
        }
        let tip: String
        if covered.isEmpty {
            tip = "Sum up the customer's key facts in your own words, then check: \"So it's been down since Tuesday and you work from home, is that right?\""
        } else if !missing.isEmpty {
            tip = "Your summary left things out; carry back every key fact, e.g. \(missing.first.map { "\"\(lowerFirst($0))\"" } ?? "the details they gave")."
        } else if !checked {
            tip = "End your summary with a check such as \"Have I got that right?\" so the customer can correct you."
        } else {
            tip = "A complete summary with a check. Keep doing it before you move to the fix."
        }
        return tally.result(.paraphrasing, tip: tip)
    }

    // MARK: - Next steps

    private func nextSteps(_ replies: [TranscriptEntry], _ state: CallState) -> SkillScore {
        var tally = Tally(base: 0)
        let specifics = persona.style == .analytical
        let parts: [(SignalName, KeyPath<NextSteps, Bool>, String, Int)] = [
            (.action, \.action, "what will happen", 25),
            (.timescale, \.timescale, "when it will happen", specifics ? 25 : 20),
            (.customerAction, \.customerAction, "what the customer needs to do", 15),
            (.confirmation, \.confirmation, "how it will be confirmed", specifics ? 20 : 20),
            (.ownership, \.ownership, "that you personally own the follow-up", 20),
        ]
        let total = parts.map(\.3).reduce(0, +)
        var earned = 0
        for (signal, path, label, points) in parts {
            if let r = replies.first(where: { $0.signals?.nextSteps[keyPath: path] ?? false }) {
                earned += points
                tally.note(r, r.signals?.evidence(for: signal)?.words ?? r.text, "You said \(label).", points: points, effect: .earned)
            } else {
                tally.note(nil, "", "You never said \(label).", points: 0, effect: .lost)
            }
        }
        tally.adjust(Int((Double(earned) * 100 / Double(total)).rounded()) - tally.value)
        let missing = parts.filter { p in !replies.contains { $0.signals?.nextSteps[keyPath: p.1] ?? false } }
        let tip: String
        if let first = missing.first {
            switch first.0 {
            case .action: tip = "Say plainly what will happen next: \"I've booked an engineer for you.\""
            case .timescale: tip = "Give a time: \"The engineer will be with you Thursday between 8 and 12.\""
            case .customerAction: tip = "Tell the customer their part: \"All you need to do is be in and keep the router plugged in.\""
            case .confirmation: tip = "Say how it will be confirmed: \"You'll get a text with the booking reference in the next five minutes.\""
            case .ownership: tip = "Own it personally: \"I'll call you at 4 tomorrow to check it's working.\""
            default: tip = "Cover what, when, their part, how it's confirmed and who owns it."
            }
        } else {
            tip = "A complete next-step explanation: what, when, their part, confirmation and ownership."
        }
        return tally.result(.nextSteps, tip: tip)
    }

    // MARK: - Forward resolution

    private func forwardResolution(_ replies: [TranscriptEntry], _ state: CallState) -> SkillScore {
        var tally = Tally(base: 0)
        let raised = state.raisedIssues
        let resolved = raised.filter { state.resolvedIssues.contains($0) }
        let kind = state.ending?.kind
        if !raised.isEmpty {
            var points = Int((50 * Double(resolved.count) / Double(raised.count)).rounded())
            if kind == .callback || kind == .escalated, resolved.count < raised.count,
               replies.contains(where: { ($0.signals?.nextSteps.ownership ?? false) && ($0.signals?.nextSteps.timescale ?? false) }) {
                // Open issues with an owned follow-up and a time count for most of their share.
                points += Int((35 * Double(raised.count - resolved.count) / Double(raised.count)).rounded())
                tally.note(nil, "", "The open issues have an owned follow-up with a time.", points: 0, effect: .earned)
            }
            tally.adjust(points)
            for id in resolved {
                tally.note(nil, "", "Resolved: \(issueName(id)).", points: 0, effect: .earned)
            }
            for id in raised where !resolved.contains(id) {
                tally.note(nil, "", "Not resolved: \(issueName(id)).", points: 0, effect: .lost)
            }
        }
        let hidden = scenario.issues.filter(\.hidden)
        for issue in hidden where !raised.contains(issue.id) {
            tally.lose(nil, "", "The customer had another problem you never found: \(issue.summary). Ask what else is wrong before you close.", points: 10)
        }
        if let r = replies.first(where: { $0.signals?.anticipates ?? false }) {
            tally.earn(r, r.signals?.evidence(for: .anticipates)?.words ?? r.text, "You pre-empted the customer's next need.", points: 25)
        } else if !scenario.nextNeeds.isEmpty {
            tally.lose(nil, "", "You did not pre-empt what the customer will need next (\(lowerFirst(scenario.nextNeeds[0].text))).", points: 0)
        }
        var moodAt: [Int: Int] = [:]
        for r in replies { moodAt[r.turn] = r.moodAfter }
        if !scenario.openings.isEmpty {
            if let r = replies.first(where: { $0.signals?.offers ?? false }) {
                let mood = moodAt[r.turn - 1] ?? state.moodPath.first ?? 0
                let relevant = !(r.signals?.offeredOpenings.isEmpty ?? true)
                if mood <= -2 {
                    tally.lose(r, r.signals?.evidence(for: .offers)?.words ?? r.text, "An offer pushed while the customer was still upset.", points: 15)
                } else if relevant {
                    tally.earn(r, r.signals?.evidence(for: .offers)?.words ?? r.text, "A relevant offer, made once the customer was ready.", points: 25)
                } else {
                    tally.earn(r, r.signals?.evidence(for: .offers)?.words ?? r.text, "An offer, though not the one the customer's situation pointed to.", points: 8)
                }
            } else {
                let opening = scenario.openings[0]
                tally.lose(nil, "", "An opening went unused: \(sentence(opening.cue))", points: 0)
            }
        } else {
            tally.adjust(10)
        }
        if let r = replies.first(where: { $0.signals?.hollowCloser ?? false }) {
            tally.lose(r, r.signals?.evidence(for: .hollowCloser)?.words ?? r.text, "\"Anything else?\" earns nothing; pre-empt the next need instead.", points: 5)
        }
        switch kind {
        case .transferred?:
            tally.lose(nil, "", "The call was transferred: the customer's problem is still someone else's job.", points: 20)
        case .hungUp?:
            tally.lose(nil, "", "The customer hung up, so they will have to call again.", points: 20)
        case .abandoned?:
            tally.lose(nil, "", "The call was left unfinished.", points: 10)
        default: break
        }
        let tip: String
        if resolved.count < raised.count {
            tip = "Before you close, make sure every issue is fixed or has a follow-up you own, with a time."
        } else if !hidden.isEmpty && hidden.contains(where: { !raised.contains($0.id) }) {
            tip = "Ask \"Is there anything else that's not working as it should?\" early: hidden problems cause repeat calls."
        } else if !replies.contains(where: { $0.signals?.anticipates ?? false }) {
            tip = "Tell the customer what to expect next so they don't need to call back: \"When the router arrives the lights will flash for ten minutes; that's normal.\""
        } else if !scenario.openings.isEmpty && !replies.contains(where: { $0.signals?.offers ?? false }) {
            tip = "Once the problem is fixed, offer what the customer's situation points to (\(lowerFirst(scenario.openings[0].cue)))"
        } else {
            tip = "Resolved forward: fixed, followed up and ahead of the next need."
        }
        return tally.result(.forwardResolution, tip: tip)
    }

    /// Text with its first letter in lower case, for use inside a sentence ("The light..." -> "the light...").
    private func lowerFirst(_ text: String) -> String {
        var t = Substring(text)
        while let l = t.last, l == "." || l.isWhitespace { t.removeLast() }
        guard let first = t.first else { return "" }
        return first.lowercased() + t.dropFirst()
    }

    /// Text ending in exactly one full stop.
    private func sentence(_ text: String) -> String {
        var t = Substring(text)
        while let l = t.last, l.isWhitespace { t.removeLast() }
        return t.hasSuffix(".") || t.hasSuffix("?") || t.hasSuffix("!") ? String(t) : t + "."
    }

    private func issueName(_ id: String) -> String {
        scenario.issues.first { $0.id == id }?.summary ?? id
    }

    // MARK: - Model replies

    private func modelReplies(_ state: CallState) -> [ModelReply] {
        var result: [ModelReply] = []
        var previousMood = state.moodPath.first ?? 0
        let entries = state.transcript
        for (i, entry) in entries.enumerated() where entry.speaker == .agent {
            defer { previousMood = entry.moodAfter ?? previousMood }
            guard let nodeID = entry.node, let node = scenario.node(nodeID), node.key, let model = node.model else { continue }
            let nextAgent = entries[(i + 1)...].first { $0.speaker == .agent }
            let stayed = nextAgent?.node == nodeID
            let dropped = (entry.moodAfter ?? previousMood) < previousMood
            let s = entry.signals
            let thin = !(s?.acknowledges ?? false) && !(s?.paraphrases ?? false) && !(s?.explainsNextSteps ?? false) && !(s?.asksOpenQuestion ?? false)
            guard dropped || stayed || thin, !result.contains(where: { $0.node == nodeID }) else { continue }
            let customer = entries[..<i].last { $0.speaker == .customer }?.text ?? ""
            result.append(ModelReply(node: nodeID, turn: entry.turn, customerLine: customer, yourReply: entry.text, model: model))
        }
        return result
    }
}

/// Adds up a skill's points and keeps the evidence in call order.
struct Tally {
    private(set) var value: Int
    private(set) var evidence: [ScoreEvidence] = []

    init(base: Int) { value = base }

    var lostAny: Bool { evidence.contains { $0.effect == .lost } }

    mutating func earn(_ entry: TranscriptEntry?, _ words: String, _ reason: String, points: Int) {
        note(entry, words, reason, points: points, effect: .earned)
    }

    mutating func lose(_ entry: TranscriptEntry?, _ words: String, _ reason: String, points: Int) {
        note(entry, words, reason, points: -points, effect: .lost)
    }

    mutating func note(_ entry: TranscriptEntry?, _ words: String, _ reason: String, points: Int, effect: EvidenceEffect) {
        value += points
        evidence.append(ScoreEvidence(turn: entry?.turn ?? 0, words: words, effect: effect, reason: reason, points: points))
    }

    mutating func adjust(_ points: Int) { value += points }

    func result(_ skill: Skill, tip: String) -> SkillScore {
        SkillScore(skill: skill, score: min(100, max(0, value)), evidence: evidence, tip: tip)
    }
}

extension String {
    /// The first `n` words.
    func prefixWords(_ n: Int) -> String {
        split(separator: " ", omittingEmptySubsequences: true).prefix(n).joined(separator: " ")
    }
}
