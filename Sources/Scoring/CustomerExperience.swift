import Dialogue

/// How the call felt from the customer's side: the four moments of truth (Understand me, Help me, Care
/// about me, Resolve me), the effort the customer had to put in, their likely satisfaction, and whether
/// the call settles things at first contact.
///
/// Everything here is derived from the four skill scores, the reply signals and the persona's mood over
/// the call, so it is as explainable as the scores: each figure's `why` says what it came from.
public struct CustomerExperience: Codable, Sendable, Equatable {
    /// One moment of truth, 0...100, with how it was judged.
    public struct Moment: Codable, Sendable, Equatable {
        public var name: String
        public var score: Int
        /// "met" (70 and over), "partly met" (40 to 69) or "missed" (under 40).
        public var verdict: String
        public var why: String

        public init(name: String, score: Int, why: String) {
            self.name = name
            self.score = score
            verdict = score >= 70 ? "met" : score >= 40 ? "partly met" : "missed"
            self.why = why
        }
    }

    /// Whether the customer will need to contact the company again about this.
    public enum FirstContact: String, Codable, Sendable, Equatable {
        /// Every issue the customer raised was resolved on this call.
        case resolved
        /// What is left has a follow-up the agent owns, with a time: the customer need not chase.
        case followUpOwned = "follow_up_owned"
        /// The customer will have to call again (transferred, hung up, left unresolved or unfinished).
        case repeatContactLikely = "repeat_contact_likely"

        public var title: String {
            switch self {
            case .resolved: return "resolved at first contact"
            case .followUpOwned: return "follow-up owned: the customer need not call back"
            case .repeatContactLikely: return "the customer will probably have to call again"
            }
        }
    }

    /// Understand me, Help me, Care about me, Resolve me, in that order.
    public var moments: [Moment]
    /// 1 (effortless) to 5 (hard work for the customer).
    public var effort: Int
    public var effortWhy: String
    /// 1 (very dissatisfied) to 5 (very satisfied).
    public var satisfaction: Int
    public var satisfactionWhy: String
    public var firstContact: FirstContact

    public init(moments: [Moment], effort: Int, effortWhy: String, satisfaction: Int, satisfactionWhy: String,
                firstContact: FirstContact) {
        self.moments = moments
        self.effort = effort
        self.effortWhy = effortWhy
        self.satisfaction = satisfaction
        self.satisfactionWhy = satisfactionWhy
        self.firstContact = firstContact
    }

    /// The customer's view of a scored call.
    public static func of(_ state: CallState, skills: [SkillScore], persona: Persona) -> CustomerExperience {
        func skill(_ s: Skill) -> Int { skills.first { $0.skill == s }?.score ?? 0 }
        let replies = state.transcript.filter { $0.speaker == .agent }
        let signals = replies.compactMap(\.signals)

        let understand = Moment(
            name: "Understand me",
            score: (skill(.activeListening) + skill(.paraphrasing) + 1) / 2,
            why: "The average of active listening (\(skill(.activeListening))) and paraphrasing (\(skill(.paraphrasing))).")
        let help = Moment(name: "Help me", score: skill(.nextSteps),
                          why: "Next-step explanation (\(skill(.nextSteps))): what, when, their part, confirmation and owner.")

        // Care about me: recognition given early and kept up, nothing that puts the customer down, and
        // the customer's mood rising over the call.
        var care = 50
        var careWhy: [String] = []
        if let first = replies.first(where: { $0.signals?.acknowledges ?? false }) {
            care += first.turn <= 2 ? 30 : 20
            careWhy.append(first.turn <= 2 ? "acknowledged early" : "acknowledged at reply \(first.turn)")
        } else {
            care -= 20
            careWhy.append("never acknowledged")
        }
        let putDowns = signals.filter { $0.calmDown || $0.blame }.count
        let negatives = signals.filter(\.negativeLanguage).count
        if putDowns > 0 { careWhy.append("\(putDowns) \(putDowns == 1 ? "reply" : "replies") with blame or \"calm down\"") }
        if negatives > 0 { careWhy.append("negative wording in \(negatives) \(negatives == 1 ? "reply" : "replies")") }
        care -= 20 * putDowns + min(30, 6 * negatives)
        let start = state.moodPath.first ?? persona.temper.startingMood
        let end = state.moodPath.last ?? start
        care += max(-20, min(20, 5 * (end - start)))
        careWhy.append("mood \(end >= start ? "rose" : "fell") from \(start) to \(end)")
        let careMoment = Moment(name: "Care about me", score: max(0, min(100, care)),
                                why: careWhy.joined(separator: "; ").capitalisedFirst + ".")

        let resolve = Moment(name: "Resolve me", score: skill(.forwardResolution),
                             why: "Forward resolution (\(skill(.forwardResolution))): issues fixed or owned, next need pre-empted.")

        let firstContact = Self.firstContact(state, replies: replies)

        // Effort: how often the customer's mood dropped, whether they had to repeat themselves, and
        // whether they will have to call again.
        var drops = 0
        for (a, b) in zip(state.moodPath, state.moodPath.dropFirst()) where b < a { drops += 1 }
        let repeats = signals.filter { !$0.asksAgainFor.isEmpty }.count
        let holds = state.holds
        var effort = 1 + min(2, (drops + 1) / 2) + min(1, repeats) + (firstContact == .repeatContactLikely ? 1 : 0)
        effort = max(1, min(5, effort))
        var effortWhy = [drops == 0 ? "the customer's mood never dropped" : "the customer's mood dropped \(drops == 1 ? "once" : "\(drops) times")"]
        if repeats > 0 { effortWhy.append("asked to repeat themselves \(repeats) \(repeats == 1 ? "time" : "times")") }
        if holds > 0 { effortWhy.append("put on hold \(holds == 1 ? "once" : "\(holds) times")") }
        if firstContact == .repeatContactLikely { effortWhy.append("will probably have to call again") }

        // Satisfaction: where the mood ended on the -5...5 scale, one point lower when the customer must
        // call again.
        var satisfaction = Int((3 + Double(end) / 2.5).rounded())
        if firstContact == .repeatContactLikely { satisfaction -= 1 }
        satisfaction = max(1, min(5, satisfaction))
        let satisfactionWhy = "The customer's mood ended at \(end) on a scale of -5 to 5"
            + (firstContact == .repeatContactLikely ? ", and they will probably have to call again." : ".")

        return CustomerExperience(moments: [understand, help, careMoment, resolve],
                                  effort: effort, effortWhy: effortWhy.joined(separator: "; ").capitalisedFirst + ".",
                                  satisfaction: satisfaction, satisfactionWhy: satisfactionWhy,
                                  firstContact: firstContact)
    }

    static func firstContact(_ state: CallState, replies: [TranscriptEntry]) -> FirstContact {
        let raised = state.raisedIssues
        let allResolved = raised.allSatisfy(state.resolvedIssues.contains)
        switch state.ending?.kind {
        case .resolved?:
            return allResolved ? .resolved : .repeatContactLikely
        case .callback?, .escalated?:
            let owned = replies.contains { ($0.signals?.nextSteps.ownership ?? false) && ($0.signals?.nextSteps.timescale ?? false) }
            return owned || allResolved ? .followUpOwned : .repeatContactLikely
        default:
            return .repeatContactLikely
        }
    }
}

extension String {
    /// The text with its first letter in upper case.
    var capitalisedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
