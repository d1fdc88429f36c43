import Dialogue
import Foundation
import Progress
import Testing

/// Scenarios, calls and dates for the refresher and assessment tests.
enum RefreshFixture {
    /// Noon UTC on 2025-03-01 plus `n` days.
    static func day(_ n: Int, hour: Int = 12) -> Date {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC") ?? c.timeZone
        let base = c.date(from: DateComponents(year: 2025, month: 3, day: 1, hour: hour)) ?? Date(timeIntervalSince1970: 0)
        return base.addingTimeInterval(TimeInterval(n * 86_400))
    }

    /// A small scenario: the customer gives a fact, any reply moves to `middle`, any reply there resolves
    /// the call.
    static func scenario(_ id: String, difficulty: Difficulty = .intermediate, skills: [Skill] = Skill.allCases,
                         persona: String = "pat") -> Scenario {
        Scenario(
            id: id, title: "Title of \(id)", summary: "A test call.", difficulty: difficulty, skills: skills, persona: persona,
            issues: [Issue(id: "main", summary: "The main problem")],
            facts: [Fact(id: "tuesday", text: "Down since Tuesday", cues: ["tuesday"])],
            start: "open",
            nodes: [
                Node(id: "open", say: ["It has been down since Tuesday."], facts: ["tuesday"], branches: [Branch(target: "middle")]),
                Node(id: "middle", say: ["So what now?"], branches: [Branch(resolves: ["main"], target: "done")]),
            ],
            endings: [Ending(id: "done", kind: .resolved, say: ["Thanks."], note: "Resolved on the call.")]
        )
    }

    static let persona = Persona(id: "pat", name: "Pat Doyle", style: .driver, temper: .calm, patience: 5,
                                 knowledge: .medium, tier: .B)

    /// A call's summary with these skill scores (skills not given are left out).
    static func call(_ scenario: String, at: Date, _ scores: [Skill: Int], mode: SessionMode = .practice,
                     ending: EndingKind? = .resolved, id: String? = nil) -> SessionSummary {
        let overall = scores.isEmpty ? 0 : scores.values.reduce(0, +) / scores.count
        return SessionSummary(id: id ?? "\(Int(at.timeIntervalSince1970))-\(scenario)", scenario: scenario, persona: "pat", mode: mode,
                              startedAt: at, endedAt: at.addingTimeInterval(300), ending: ending, overall: overall,
                              skills: Dictionary(uniqueKeysWithValues: scores.map { ($0.key.rawValue, $0.value) }))
    }

    /// Scores with every skill at `others` except those given.
    static func scores(_ given: [Skill: Int], others: Int = 80) -> [Skill: Int] {
        Dictionary(uniqueKeysWithValues: Skill.allCases.map { ($0, given[$0] ?? others) })
    }
}
