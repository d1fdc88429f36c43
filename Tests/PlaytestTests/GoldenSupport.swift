import Content
import Dialogue
import Foundation
import Language
import Playtest
import Testing

/// A stand-in analyser for golden transcript tests: bracketed tags in a reply set its signals, so the
/// tests control exactly what the engine sees. `[ack]` acknowledges, `[para:tuesday]` paraphrases fact
/// `tuesday`, `[check]`, `[action]`, `[time]`, `[own]`, `[confirm]`, `[transfer]`, `[calm]`.
struct GoldenTagAnalyzer: ReplyAnalyzing {
    func analyze(_ reply: String, context: ReplyContext) -> Signals {
        var s = Signals()
        var rest = Substring(reply)
        while let open = rest.firstIndex(of: "[") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "]") else { break }
            let tag = after[..<close].split(separator: ":", maxSplits: 1).map(String.init)
            switch tag.first ?? "" {
            case "ack": s.acknowledges = true
            case "para": if tag.count > 1 { s.paraphrasedFacts.append(tag[1]) }
            case "check": s.checksUnderstanding = true
            case "action": s.nextSteps.action = true
            case "time": s.nextSteps.timescale = true
            case "own": s.nextSteps.ownership = true
            case "confirm": s.nextSteps.confirmation = true
            case "transfer": s.suggestsTransfer = true
            case "calm": s.calmDown = true
            default: break
            }
            rest = after[after.index(after: close)...]
        }
        s.empty = reply.allSatisfy(\.isWhitespace)
        return s
    }
}

/// A small call: the customer opens, a paraphrase with a check moves to `plan`, a plan with a time
/// resolves the issue and ends `fixed`; a transfer ends `passed_on`.
let goldenScenarioYAML = """
    title: Router down
    summary: A short call for golden transcript tests.
    difficulty: beginner
    skills: [active_listening, paraphrasing, next_steps, forward_resolution]
    persona: sam
    issues:
      - id: no_internet
        summary: The internet is down
        cues: ["internet"]
    facts:
      - id: tuesday
        text: Down since Tuesday
        cues: ["tuesday"]
    start: opening
    nodes:
      opening:
        say: "My internet has been down since Tuesday."
        facts: [tuesday]
        branches:
          - when: transfer_suggested
            goto: passed_on
          - when: paraphrased(tuesday) and checked
            mood: 1
            set: [understood]
            goto: plan
          - mood: -1
            say: "Are you listening?"
            goto: opening
      plan:
        say: "So what happens now?"
        branches:
          - when: action and timescale
            resolves: [no_internet]
            goto: fixed
          - mood: -1
            patience: -1
            goto: plan
    endings:
      fixed:
        kind: resolved
        say: "Thanks, that's sorted."
        note: Fixed.
      passed_on:
        kind: transferred
        note: Passed on.
    """

let goldenPersonaYAML = """
    name: Sam Reid
    summary: A calm customer.
    style: amiable
    temper: calm
    patience: 5
    knowledge: medium
    tier: B
    """

/// The test scenario and persona, loaded the way content files are.
func goldenLibrary(sourceLocation: SourceLocation = #_sourceLocation) throws -> ContentLibrary {
    let (scenario, scenarioProblems) = ContentLoader.parseScenario(yaml: goldenScenarioYAML, id: "router-down", file: "router-down.yaml")
    let (persona, personaProblems) = ContentLoader.parsePersona(yaml: goldenPersonaYAML, id: "sam", file: "sam.yaml")
    #expect(!scenarioProblems.hasErrors, "\(scenarioProblems)", sourceLocation: sourceLocation)
    #expect(!personaProblems.hasErrors, "\(personaProblems)", sourceLocation: sourceLocation)
    return ContentLibrary(scenarios: [try #require(scenario, sourceLocation: sourceLocation)],
                          personas: [try #require(persona, sourceLocation: sourceLocation)])
}

/// Plays transcript text against the test scenario with the tag analyser.
func playGolden(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> GoldenResult {
    GoldenRunner(library: try goldenLibrary(sourceLocation: sourceLocation), analyzer: GoldenTagAnalyzer())
        .run(text: text, file: "t.call")
}

/// The package's root folder, which holds Scenarios/, Personas/ and Transcripts/.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
