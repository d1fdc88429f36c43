import Dialogue
import Language

/// Whether a moment earned or lost points.
public enum EvidenceEffect: String, Codable, Sendable {
    case earned, lost
}

/// One reason a skill score moved: the turn, the trainee's own words, and what it meant.
public struct ScoreEvidence: Codable, Sendable, Equatable {
    /// The trainee's reply number (1-based); 0 for call-level findings.
    public var turn: Int
    /// The trainee's words that earned or lost points (may be empty for things left undone).
    public var words: String
    public var effect: EvidenceEffect
    /// What a trainee reads: why this moment counted.
    public var reason: String
    /// Points this moment added or removed, before the score is capped to 0...100.
    public var points: Int

    public init(turn: Int, words: String, effect: EvidenceEffect, reason: String, points: Int) {
        self.turn = turn
        self.words = words
        self.effect = effect
        self.reason = reason
        self.points = points
    }
}

/// One skill's result for a call.
public struct SkillScore: Codable, Sendable, Equatable {
    public var skill: Skill
    /// 0...100.
    public var score: Int
    public var evidence: [ScoreEvidence]
    /// One concrete tip, phrased positively.
    public var tip: String

    public init(skill: Skill, score: Int, evidence: [ScoreEvidence], tip: String) {
        self.skill = skill
        self.score = score
        self.evidence = evidence
        self.tip = tip
    }
}

/// A key node where the trainee fell short, with the scenario's model reply.
public struct ModelReply: Codable, Sendable, Equatable {
    public var node: String
    public var turn: Int
    public var customerLine: String
    public var yourReply: String
    public var model: String

    public init(node: String, turn: Int, customerLine: String, yourReply: String, model: String) {
        self.node = node
        self.turn = turn
        self.customerLine = customerLine
        self.yourReply = yourReply
        self.model = model
    }
}

/// The whole call's result: four skill scores with evidence, how it ended, and what to learn.
public struct CallScore: Codable, Sendable, Equatable {
    public var skills: [SkillScore]
    /// The average of the four skills, 0...100.
    public var overall: Int
    public var ending: EndingRecord?
    /// Issues raised and resolved, by id.
    public var issuesRaised: [String]
    public var issuesResolved: [String]
    /// Where the trainee fell short at a key node.
    public var modelReplies: [ModelReply]
    /// The call from the customer's side: moments of truth, effort, satisfaction, first contact.
    /// Absent in records written before it was added.
    public var experience: CustomerExperience?

    public init(skills: [SkillScore], overall: Int, ending: EndingRecord?, issuesRaised: [String],
                issuesResolved: [String], modelReplies: [ModelReply], experience: CustomerExperience? = nil) {
        self.skills = skills
        self.overall = overall
        self.ending = ending
        self.issuesRaised = issuesRaised
        self.issuesResolved = issuesResolved
        self.modelReplies = modelReplies
        self.experience = experience
    }

    public func score(for skill: Skill) -> SkillScore? { skills.first { $0.skill == skill } }
}
