import Dialogue
import Foundation
import Progress
import Reports
import Scoring
import Testing

/// A time in UTC.
func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
    return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute)) ?? Date(timeIntervalSince1970: 0)
}

let utcZone = TimeZone(identifier: "UTC") ?? .current

/// One call for a profile: the four skills in the usual order, the overall their rounded mean
/// unless given.
struct Call {
    var skills: [Int]
    var overall: Int?
    var at: Date
    var minutes: Double = 5
    var mode: SessionMode = .practice
    var scenario = "broadband-down"
    var ending: EndingKind? = .resolved

    init(_ skills: [Int], overall: Int? = nil, at: Date, minutes: Double = 5, mode: SessionMode = .practice,
         scenario: String = "broadband-down", ending: EndingKind? = .resolved) {
        self.skills = skills
        self.overall = overall
        self.at = at
        self.minutes = minutes
        self.mode = mode
        self.scenario = scenario
        self.ending = ending
    }
}

/// A trainee's profile holding the calls.
func profile(_ name: String, _ calls: [Call], sourceLocation: SourceLocation = #_sourceLocation) throws -> TraineeProfile {
    let trainee: TraineeName
    do {
        trainee = try TraineeName(name)
    } catch {
        Issue.record("\(name) was refused: \(error)", sourceLocation: sourceLocation)
        throw error
    }
    var p = TraineeProfile(name: trainee, createdAt: utc(2026, 1, 1))
    for (i, c) in calls.enumerated() {
        let skills = Dictionary(uniqueKeysWithValues: zip(Skill.allCases.map(\.rawValue), c.skills))
        let overall = c.overall ?? Int((Double(c.skills.reduce(0, +)) / Double(max(1, c.skills.count))).rounded())
        p.add(SessionSummary(id: "s\(i)-\(trainee.key)", scenario: c.scenario, persona: "dana-driver", mode: c.mode,
                             startedAt: c.at, endedAt: c.at.addingTimeInterval(c.minutes * 60), ending: c.ending,
                             overall: overall, skills: skills))
    }
    return p
}

/// Calls one day apart from 1 March 2026 with the given overall scores (each skill the same).
func daily(_ overall: [Int], mode: SessionMode = .practice) -> [Call] {
    overall.enumerated().map { i, s in Call([s, s, s, s], at: utc(2026, 3, 1 + i, 9), mode: mode) }
}

/// A goal set on 1 March 2026.
func goal(_ id: String, _ skill: Skill, _ target: Int, by: Date, note: String? = nil) -> Goal {
    Goal(id: id, skill: skill, target: target, by: by, note: note, createdAt: utc(2026, 3, 1))
}
