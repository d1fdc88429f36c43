import Content
import Dialogue
import Foundation
import Language
import Testing
@testable import Playtest

/// Content for the playthrough tests.
enum PlaythroughFixtures {
    /// A persona file with the given temper and style.
    static func personaYAML(name: String, style: String = "amiable", temper: String = "calm", patience: Int = 5) -> String {
        """
        name: \(name)
        summary: A customer for generated calls.
        style: \(style)
        temper: \(temper)
        patience: \(patience)
        knowledge: medium
        tier: B
        pleased_by: [empathy]
        reactions:
          ignored: "Hello?"
          hang_up: "Goodbye."

        """
    }

    /// Loads a persona, failing the test when it has errors.
    static func persona(_ id: String, _ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Persona {
        let (persona, diagnostics) = ContentLoader.parsePersona(yaml: yaml, id: id, file: "\(id).yaml")
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.description))", sourceLocation: sourceLocation)
        return try #require(persona, sourceLocation: sourceLocation)
    }

    /// Loads a scenario, failing the test when it has errors.
    static func scenario(_ id: String, _ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Scenario {
        let (scenario, diagnostics) = ContentLoader.parseScenario(yaml: yaml, id: id, file: "\(id).yaml")
        #expect(!diagnostics.hasErrors, "\(diagnostics.filter(\.isError).map(\.description))", sourceLocation: sourceLocation)
        return try #require(scenario, sourceLocation: sourceLocation)
    }

    /// A small scenario: the greeting leads to `helped` (acknowledged) or `upset` ("calm down"); `lonely` is never
    /// reached and neither is the ending `never`.
    static let smallCall = """
        title: Small call
        summary: A short call for counting coverage.
        difficulty: beginner
        skills: [active_listening, paraphrasing]
        persona: dana
        personas: [arthur]
        issues:
          - id: outage
            summary: The broadband is down
            cues: [broadband]
        facts:
          - id: since_tuesday
            text: Down since Tuesday
            cues: ["since tuesday|tuesday"]
        start: greeting
        nodes:
          greeting:
            say: My broadband has been down since Tuesday.
            facts: [since_tuesday]
            key: true
            model: I'm so sorry, down since Tuesday is a long time. I'll book an engineer for tomorrow morning.
            branches:
              - when: calm_down or blamed
                mood: -1
                goto: upset
              - when: acknowledged or paraphrased
                goto: helped
              - patience: -1
                goto: greeting
          helped:
            say: Thank you. So what happens now?
            branches:
              - when: explained_next_steps
                resolves: [outage]
                goto: done
              - when: visited(helped) > 2
                goto: gone
              - patience: -1
                goto: helped
          upset:
            say: Don't tell me to calm down.
            branches:
              - when: acknowledged
                goto: helped
              - goto: gone
          lonely:
            say: Nobody ever gets here.
            branches:
              - goto: done
        endings:
          done:
            kind: resolved
            note: Sorted.
          gone:
            kind: hung_up
            note: The customer hung up.
          never:
            kind: callback
            note: Never reached.

        """

    /// A call that cannot end: the only way out needs a thousand replies, and the loop gives back more
    /// patience than any reply takes.
    static let endlessCall = """
        title: Endless call
        summary: Patience never runs out and the way out is never taken.
        difficulty: beginner
        skills: [active_listening]
        persona: dana
        issues:
          - id: outage
            summary: Down
            cues: [down]
        facts:
          - id: since_tuesday
            text: Since Tuesday
            cues: [tuesday]
        start: loop
        nodes:
          loop:
            say: Round and round we go.
            facts: [since_tuesday]
            branches:
              - when: turn > 1000
                resolves: [outage]
                goto: done
              - when: acknowledged
                patience: 5
                goto: loop
              - patience: 5
                goto: loop
        endings:
          done:
            kind: resolved
            note: Done at last.

        """

}

@Suite struct PlaythroughTests {
    typealias F = PlaythroughFixtures

    func cast() throws -> [Persona] {
        [try F.persona("dana", F.personaYAML(name: "Dana", style: "driver", temper: "irritated")),
         try F.persona("arthur", F.personaYAML(name: "Arthur")),
         try F.persona("zed", F.personaYAML(name: "Zed", temper: "angry"))]
    }

    @Test func theSameSeedGivesTheSameReport() throws {
        let personas = try cast()
        let scenarios = [try F.scenario("small", F.smallCall), try F.scenario("endless", F.endlessCall)]
        let options = PlaythroughOptions(calls: 12, seed: 7, replyLimit: 20)
        let first = Playthrough.run(scenarios: scenarios, personas: personas, options: options)
        let second = Playthrough.run(scenarios: scenarios.reversed(), personas: personas.reversed(), options: options)
        #expect(first == second)
        #expect(first.scenarios.map(\.scenario) == ["endless", "small"])
    }

    @Test func callSeedsDependOnTheSeedTheScenarioAndTheCall() {
        let base = Playthrough.callSeed(1, scenario: "small", index: 0)
        #expect(base == Playthrough.callSeed(1, scenario: "small", index: 0))
        #expect(base != Playthrough.callSeed(2, scenario: "small", index: 0))
        #expect(base != Playthrough.callSeed(1, scenario: "smalls", index: 0))
        #expect(base != Playthrough.callSeed(1, scenario: "small", index: 1))
    }

    @Test func aCallThatCannotEndIsAFailure() throws {
        let endless = try F.scenario("endless", F.endlessCall)
        let result = Playthrough.play(endless, personas: try cast(),
                                      options: PlaythroughOptions(calls: 12, seed: 1, replyLimit: 15))
        let never = result.failures.filter { $0.kind == .neverEnds }
        #expect(!never.isEmpty)
        #expect(result.failures.allSatisfy { $0.kind == .neverEnds }, "\(result.failures.map(\.description))")
        let first = try #require(never.first)
        #expect(first.scenario == "endless")
        #expect(first.turn == 15)
        #expect(first.message.hasPrefix("the call was still going after 15 replies; its last replies went round `loop`"))
        #expect(first.description.hasPrefix("endless: \(first.persona), \(first.style.rawValue) replies, seed \(first.seed), reply 15: "))
        #expect(result.longestCall == 15)
        #expect(result.unvisitedNodes.isEmpty)
        let report = PlaythroughReport(options: PlaythroughOptions(calls: 12), scenarios: [result])
        #expect(report.hasFailures)
    }

    @Test func coverageOfASmallScenario() throws {
        let small = try F.scenario("small", F.smallCall)
        let result = Playthrough.play(small, personas: try cast(),
                                      options: PlaythroughOptions(calls: 12, seed: 1))
        #expect(result.failures.isEmpty, "\(result.failures.map(\.description))")
        #expect(result.calls == 12)
        // `zed` is not in `personas:`, so only the default persona and `arthur` play, the default first.
        #expect(result.personas == ["dana", "arthur"])
        #expect(result.nodes == ["greeting", "helped", "upset", "lonely"])
        #expect(result.visitedNodes == ["greeting", "helped", "upset"])
        #expect(result.unvisitedNodes == ["lonely"])
        #expect(result.unreachedEndings == ["never"])
        #expect(result.endings.filter(\.inScenario).map(\.id) == ["done", "gone"])
        #expect(result.reachedEndingCount == 2 && result.endingCount == 3)
        // Every call ended somewhere, and each is counted once.
        #expect(result.endings.map(\.calls).reduce(0, +) == 12)
        #expect(result.replies >= 12 && result.longestCall <= 60)
    }

    @Test func everyPersonaThatCanPlayDoes() throws {
        let small = try F.scenario("small", F.smallCall)
        var open = small
        open.personas = []
        let personas = try cast()
        #expect(Playthrough.players(for: open, from: personas).map(\.id) == ["dana", "arthur", "zed"])
        let result = Playthrough.play(open, personas: personas, options: PlaythroughOptions(calls: 3, seed: 1))
        #expect(result.personas == ["dana", "arthur", "zed"])
    }

    @Test func noPersonaToPlayIsAFailure() throws {
        let small = try F.scenario("small", F.smallCall)
        let stranger = try F.persona("zed", F.personaYAML(name: "Zed"))
        let result = Playthrough.play(small, personas: [stranger], options: PlaythroughOptions(calls: 5))
        #expect(result.calls == 0)
        #expect(result.failures.map(\.kind) == [.noPersona])
        #expect(result.failures.first?.description == "small: no loaded persona can play this scenario")
    }

    @Test func theReportEncodesAsJSON() throws {
        let small = try F.scenario("small", F.smallCall)
        let report = Playthrough.run(scenarios: [small], personas: try cast(), options: PlaythroughOptions(calls: 4, seed: 3))
        let data = try JSONEncoder().encode(report)
        let decoded = try JSONDecoder().decode(PlaythroughReport.self, from: data)
        #expect(decoded == report)
        #expect(decoded.options.seed == 3 && decoded.options.calls == 4 && decoded.options.replyLimit == 60)
    }
}
