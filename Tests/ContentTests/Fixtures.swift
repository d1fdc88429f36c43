import Content
import Foundation
import Testing

/// YAML text with one 👉 marking where a diagnostic must point. The marker is removed from `text`.
struct Marked: Sendable, CustomTestStringConvertible {
    let text: String
    let line: Int
    let column: Int
    let testDescription: String

    init(_ marked: String, _ name: String = "") {
        var line = 1, column = 1
        var foundLine = 0, foundColumn = 0
        var clean = String.UnicodeScalarView()
        for scalar in marked.unicodeScalars {
            if scalar == "👉" {
                foundLine = line
                foundColumn = column
                continue
            }
            clean.append(scalar)
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        text = String(clean)
        self.line = foundLine
        self.column = foundColumn
        testDescription = name.isEmpty ? String(text.prefix(40)) : name
    }
}

/// Expects exactly one diagnostic at `line`:`column` with that severity whose message contains `message`
/// (or equals it when `exact`).
func expectDiagnostic(_ diagnostics: [Diagnostic], line: Int, column: Int, _ severity: Diagnostic.Severity,
                      _ message: String, exact: Bool = false,
                      sourceLocation: SourceLocation = #_sourceLocation) {
    let matches = diagnostics.filter {
        $0.severity == severity && (exact ? $0.message == message : $0.message.contains(message))
    }
    let listing = diagnostics.map(\.description).joined(separator: "\n")
    #expect(matches.count == 1, "expected one \(severity) containing \"\(message)\"; got:\n\(listing)",
            sourceLocation: sourceLocation)
    if let found = matches.first {
        #expect(found.line == line && found.column == column,
                "\(found.description) should be at \(line):\(column)", sourceLocation: sourceLocation)
    }
}

/// A persona file with no problems.
let validPersona = """
    # yaml-language-server: $schema=../schemas/persona.schema.json
    name: Dana Whitlock
    summary: >-
      Freelance bookkeeper who works from home
      and has no time to lose.
    style: driver
    temper: irritated
    patience: 4
    knowledge: medium
    tier: B
    contact: text
    pleased_by: [brevity, specifics]
    annoyed_by:
      - small_talk
      - long_replies
    reactions:
      ignored:
        - "Did you hear any of that?"
        - That's not an answer to what I said.
      hang_up: "I've wasted enough of my day on this. Goodbye."

    """

/// A scenario file with no problems: ten nodes, four endings, every kind of reference.
let validScenario = """
    # yaml-language-server: $schema=../schemas/scenario.schema.json
    title: Broadband down for three days
    summary: A home worker's broadband has been down since Tuesday.
    difficulty: intermediate
    skills: [active_listening, paraphrasing, next_steps, forward_resolution]
    persona: dana
    personas: [arthur]
    account:
      Plan: Fibre 500
      Router: Hub 3 (2019)
    issues:
      - id: no_internet
        summary: The broadband is down
        cues: [broadband, "internet|connection"]
      - id: refund
        summary: Wants money back for the days without service
        cues: ["refund*", "money back"]
        hidden: true
    facts:
      - id: since_tuesday
        text: It has been down since Tuesday
        cues: ["tuesday|three days"]
      - id: works_from_home
        text: She works from home
        cues: ["work from home|working from home"]
    openings:
      - id: mesh
        source: heard
        cue: She says the signal is weak upstairs
        offer: [mesh, "wifi booster"]
    next_needs:
      - id: new_router
        text: The new router's lights will flash at first
        cues: ["lights|flash*"]
    start: greeting
    nodes:
      greeting:
        say: "My broadband has been down since Tuesday and I work from home."
        facts: [since_tuesday, works_from_home]
        key: true
        model: Down since Tuesday while you work from home, that's hard. Let me check the line now.
        hint: Acknowledge, then restate what she told you.
        branches:
          - when: paraphrased(since_tuesday) and acknowledged
            mood: 1
            set: [listened]
            goto: check_line
          - when: asked_again
            mood: -1
            patience: -1
            say: I just said.
            goto: repeat_self
          - goto: check_line
      repeat_self:
        say: I just told you. Since Tuesday.
        branches:
          - goto: check_line
      check_line:
        say: [So what's wrong with it?, "Well? What's the problem?"]
        branches:
          - when: flag(listened) and explained_next_steps
            clear: [listened]
            goto: fault_found
          - when: explained_next_steps
            goto: fault_found
          - goto: vague
      vague:
        say: That's not an answer.
        branches:
          - when: visited(vague) > 1
            goto: hung_up
          - goto: check_line
      fault_found:
        say: Right. And the refund for the days I've lost?
        raises: [refund]
        branches:
          - when: addressed(refund)
            resolves: [refund]
            goto: router
          - goto: refund_push
      refund_push:
        say: You haven't said anything about a refund.
        branches:
          - when: addressed(refund)
            resolves: [refund]
            goto: router
          - when: mood < -2
            goto: escalate
          - goto: router
      router:
        say: So what happens with the router?
        branches:
          - when: anticipated(new_router)
            mood: 1
            goto: upstairs
          - goto: upstairs
      upstairs:
        say: The signal upstairs has always been weak, mind.
        branches:
          - when: offered(mesh) and mood >= 0
            goto: offer_taken
          - goto: wrap_up
      offer_taken:
        say: A booster? Go on then.
        branches:
          - goto: wrap_up
      wrap_up:
        say: Is that everything?
        branches:
          - when: resolved(refund) and ownership
            resolves: [no_internet]
            goto: resolved
          - when: ownership
            goto: callback
          - goto: callback
    endings:
      resolved:
        kind: resolved
        say: Thanks, that's sorted then.
        note: Everything was resolved on the call.
      callback:
        kind: callback
        note: A callback was owned.
      escalate:
        kind: escalated
        note: The call went to a team leader.
      hung_up:
        kind: hung_up
        say: [Forget it., "I'm done."]
        note: The customer ran out of patience.

    """

/// A small scenario around the given nodes (and endings), for checking one problem at a time.
/// The text before `nodes` is fixed, so markers in `nodes` give exact positions.
func smallScenario(nodes: String, endings: String = """
      done:
        kind: resolved
        note: Done.
    """, start: String = "greeting") -> String {
    """
    title: T
    summary: S
    difficulty: beginner
    skills: [paraphrasing]
    persona: dana
    issues:
      - id: outage
        summary: Down
        cues: [down]
      - id: refund
        summary: Refund
        cues: [refund]
        hidden: true
    facts:
      - id: since_tuesday
        text: Since Tuesday
        cues: [tuesday]
    start: \(start)
    nodes:
    \(nodes)
    endings:
    \(endings)

    """
}

/// A temporary folder removed when the value goes away.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("content-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    @discardableResult
    func write(_ path: String, _ text: String) throws -> URL {
        try write(path, Data(text.utf8))
    }

    @discardableResult
    func write(_ path: String, _ data: Data) throws -> URL {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        return file
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
