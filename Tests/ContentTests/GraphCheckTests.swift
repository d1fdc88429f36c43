import Content
import Dialogue
import Testing

/// The graph checks of `calldojo validate`: branches never taken, nodes and endings never reached, dead
/// ends, ids never used and skill coverage. Each fixture marks with 👉 where the diagnostic must point.
@Suite struct GraphCheckTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var fixture: Marked
        var severity: Diagnostic.Severity
        var message: String
        var exact: Bool
        var testDescription: String { fixture.testDescription }

        init(_ name: String, nodes: String, endings: String? = nil, skills: String? = nil,
             _ severity: Diagnostic.Severity, _ message: String, exact: Bool = false) {
            var text = endings.map { smallScenario(nodes: nodes, endings: $0) } ?? smallScenario(nodes: nodes)
            if let skills { text = text.replacingOccurrences(of: "skills: [paraphrasing]", with: "skills: \(skills)") }
            fixture = Marked(text, name)
            self.severity = severity
            self.message = message
            self.exact = exact
        }
    }

    static let cases: [Case] = [
        // Branches that can never be taken.
        Case("a test and its negation", nodes: """
              greeting:
                say: Hello
                branches:
                  - when: 👉acknowledged and not acknowledged
                    goto: done
                  - goto: done
            """, .warning, "this branch can never be taken: `acknowledged and not acknowledged` is never true",
             exact: true),
        Case("ranges that do not meet", nodes: """
              greeting:
                say: Hello
                branches:
                  - when: 👉mood > 3 and mood < 2
                    goto: done
                  - goto: done
            """, .warning, "this branch can never be taken: `mood > 3 and mood < 2` is never true "
                + "(`mood` is from -5 to 5)", exact: true),
        Case("mood above its range", nodes: """
              greeting:
                say: Hello
                branches:
                  - when: 👉mood > 5
                    goto: done
                  - goto: done
            """, .warning, "this branch can never be taken: `mood > 5` is never true (`mood` is from -5 to 5)",
             exact: true),
        Case("mood below its range, written the other way round", nodes: """
              greeting:
                say: Hello
                branches:
                  - when: "👉-6 >= mood"
                    goto: done
                  - goto: done
            """, .warning, "`mood` is from -5 to 5"),
        Case("more facts than the scenario has", nodes: """
              greeting:
                say: Since Tuesday.
                facts: [since_tuesday]
                branches:
                  - when: 👉paraphrased(2)
                    goto: done
                  - goto: done
            """, .warning, "this branch can never be taken: `paraphrased(2)` is never true "
                + "(`paraphrased` counts facts, from 0 to 1)", exact: true),
        Case("next steps beyond five", nodes: """
              greeting:
                say: Hello
                branches:
                  - when: 👉next_steps >= 6
                    goto: done
                  - goto: done
            """, .warning, "`next_steps >= 6` is never true (`next_steps` is from 0 to 5)"),
        Case("a node not yet visited while the call is at it", nodes: """
              greeting:
                say: Hello
                branches:
                  - when: 👉visited(greeting) == 0
                    goto: done
                  - goto: done
            """, .warning, "`visited(greeting) == 0` is never true (`visited(greeting)` is at least 1 here)"),
        Case("a next-step part without its action", nodes: """
              greeting:
                say: Hello
                branches:
                  - when: 👉explained_next_steps and not action
                    goto: done
                  - goto: done
            """, .warning, "`explained_next_steps and not action` is never true"),
        Case("an offer of an opening without an offer", nodes: """
              greeting:
                say: Hello
                branches:
                  - when: 👉offered(3)
                    goto: done
                  - goto: done
            """, .warning, "`offered(3)` is never true (there are 0 openings to offer)"),
        Case("shadowed by an earlier, wider test", nodes: """
              greeting:
                say: Hello
                branches:
                  - when: acknowledged
                    goto: done
                  - when: 👉acknowledged and asked
                    goto: done
                  - goto: done
            """, .warning, "this branch can never be taken: whenever `acknowledged and asked` is true, the earlier "
                + "branch `when: acknowledged` (line 23) always matches first", exact: true),
        Case("shadowed by the same words", nodes: """
              greeting:
                say: Hello
                branches:
                  - when: mentions("engineer", "technician")
                    goto: done
                  - when: 👉mentions("engineer")
                    goto: done
                  - goto: done
            """, .warning, "whenever `mentions(\"engineer\")` is true, the earlier branch "
                + "`when: mentions(\"engineer\", \"technician\")` (line 23) always matches first"),
        Case("shadowed by what next steps mean", nodes: """
              greeting:
                say: Hello
                branches:
                  - when: explained_next_steps
                    goto: done
                  - when: 👉action and ownership
                    goto: done
                  - goto: done
            """, .warning, "the earlier branch `when: explained_next_steps` (line 23) always matches first"),
        Case("shadowed by several branches together", nodes: """
              greeting:
                say: Hello
                branches:
                  - when: mood >= 0
                    goto: done
                  - when: mood < 0
                    goto: done
                  - when: 👉acknowledged
                    goto: done
                  - goto: done
            """, .warning, "whenever `acknowledged` is true, the branches before it always match first"),
        Case("shadowed by a count", nodes: """
              greeting:
                say: Hello
                facts: [since_tuesday]
                branches:
                  - when: paraphrased
                    goto: done
                  - when: 👉paraphrased(since_tuesday)
                    goto: done
                  - goto: done
            """, .warning, "the earlier branch `when: paraphrased` (line 24) always matches first"),

        // Reachability.
        Case("node reached only through a branch never taken", nodes: """
              greeting:
                say: Hello
                branches:
                  - when: mood > 5
                    goto: lonely
                  - goto: done
              👉lonely:
                say: Nobody comes here.
                branches:
                  - goto: done
            """, .warning, "node `lonely` is never reached: every branch that leads to it can never be taken",
             exact: true),
        Case("node reached only after a catch-all", nodes: """
              greeting:
                say: Hello
                branches:
                  - goto: done
                  - when: acknowledged
                    goto: lonely
              👉lonely:
                say: Nobody comes here.
                branches:
                  - goto: done
            """, .warning, "node `lonely` is never reached: every branch that leads to it can never be taken"),
        Case("ending never reached", nodes: """
              greeting:
                say: Hello
                branches:
                  - goto: done
            """, endings: """
              done:
                kind: resolved
                note: Done.
              👉callback:
                kind: callback
                note: Called back.
            """, .warning, "ending `callback` is never reached: no `goto:` from the start leads to it", exact: true),

        // Dead ends.
        Case("a node whose branches all come back to it", nodes: """
              greeting:
                say: Hello
                branches:
                  - goto: stuck
              👉stuck:
                say: Hmm.
                branches:
                  - when: acknowledged
                    patience: -1
                    goto: stuck
                  - goto: stuck
            """, .error, "node `stuck` is a dead end: every branch comes back to `stuck`, so the call can never "
                + "move on (only the customer hanging up ends it); add a branch that goes to another node or an ending",
             exact: true),
        Case("two nodes that lead only to each other", nodes: """
              greeting:
                say: Hello
                branches:
                  - when: acknowledged
                    goto: done
                  - goto: ping
              👉ping:
                say: Ping.
                branches:
                  - goto: pong
              pong:
                say: Pong.
                branches:
                  - goto: ping
            """, .error, "nodes `ping`, `pong` are a dead end: their branches lead only to each other, never to an "
                + "ending", exact: false),
        Case("a node whose only way out can never be taken", nodes: """
              greeting:
                say: Hello
                branches:
                  - goto: stuck
              👉stuck:
                say: Hmm.
                branches:
                  - when: mood > 9
                    goto: done
                  - goto: stuck
            """, .error, "node `stuck` is a dead end: every branch comes back to `stuck`"),

        // Declared and never used.
        Case("fact never given", nodes: """
              greeting:
                say: Hello
                branches:
                  - goto: done
            """, .warning, "fact `since_tuesday` is never given: no node lists it in `facts:`, so no paraphrase "
                + "can count it", exact: true),
        Case("issue never resolved", nodes: """
              greeting:
                say: Hello
                branches:
                  - goto: done
            """, .warning, "issue `outage` is never resolved: no branch lists it in `resolves:`", exact: false),

        // Skills.
        Case("paraphrasing with no fact given", nodes: """
              greeting:
                say: Hello
                branches:
                  - goto: done
            """, .warning, "the scenario practises `paraphrasing`, but no node the call can reach gives a fact "
                + "(`facts:`), so there is nothing to paraphrase", exact: true),
        Case("paraphrasing with a fact only on a node never reached", nodes: """
              greeting:
                say: Hello
                branches:
                  - goto: done
                  - goto: lonely
              lonely:
                say: Since Tuesday.
                facts: [since_tuesday]
                branches:
                  - goto: done
            """, .warning, "the scenario practises `paraphrasing`, but no node the call can reach gives a fact"),
        Case("next steps never tested and no model explains them", nodes: """
              greeting:
                say: Hello
                key: true
                model: I'm sorry to hear that.
                branches:
                  - goto: done
            """, skills: "[next_steps]", .warning, "the scenario practises `next_steps`, but no branch the call can "
                + "take tests a next step"),
        Case("active listening never tested", nodes: """
              greeting:
                say: Hello
                branches:
                  - when: explained_next_steps
                    goto: done
                  - goto: done
            """, skills: "[active_listening]", .warning, "the scenario practises `active_listening`, but no branch "
                + "the call can take reacts to listening"),
        Case("forward resolution with nothing resolved", nodes: """
              greeting:
                say: Hello
                branches:
                  - when: acknowledged
                    goto: done
                  - goto: done
            """, skills: "[active_listening, forward_resolution]", .warning, "the scenario practises "
                + "`forward_resolution`, but no branch the call can take resolves an issue (`resolves:`)", exact: true),
        Case("forward resolution resolved only on a branch never taken", nodes: """
              greeting:
                say: Hello
                branches:
                  - when: mood > 5
                    resolves: [outage]
                    goto: done
                  - goto: done
            """, skills: "[forward_resolution]", .warning, "no branch the call can take resolves an issue"),
    ]

    /// Where the 👉 is, or the start of the fixed text the message is about.
    @Test(arguments: cases)
    func reportsProblemAtItsPosition(_ example: Case) {
        let (_, diagnostics) = ContentLoader.parseScenario(yaml: example.fixture.text, id: "small",
                                                           file: "Scenarios/small.yaml")
        let line = example.fixture.line, column = example.fixture.column
        if line > 0 {
            expectDiagnostic(diagnostics, line: line, column: column, example.severity, example.message,
                             exact: example.exact)
        } else {
            let matches = diagnostics.filter { $0.severity == example.severity && $0.message.contains(example.message) }
            #expect(matches.count == 1, "\(diagnostics.map(\.description))")
        }
    }

    /// Fixed positions in `smallScenario`: `skills:` on line 4, the issue `outage` on 7, the fact on 15.
    @Test func positionsInTheScenarioHead() {
        let text = smallScenario(nodes: """
              greeting:
                say: Hello
                branches:
                  - goto: done
            """).replacingOccurrences(of: "skills: [paraphrasing]", with: "skills: [next_steps, paraphrasing]")
        let (_, diagnostics) = ContentLoader.parseScenario(yaml: text, id: "small", file: "small.yaml")
        expectDiagnostic(diagnostics, line: 4, column: 10, .warning, "practises `next_steps`")
        expectDiagnostic(diagnostics, line: 4, column: 22, .warning, "practises `paraphrasing`")
        expectDiagnostic(diagnostics, line: 7, column: 9, .warning, "issue `outage` is never resolved")
        expectDiagnostic(diagnostics, line: 15, column: 9, .warning, "fact `since_tuesday` is never given")
    }

    struct Clean: Sendable, CustomTestStringConvertible {
        var name: String
        var nodes: String
        var skills: String?
        var endings: String?
        /// Words no diagnostic may contain.
        var absent: String
        var testDescription: String { name }
    }

    static let clean: [Clean] = [
        Clean(name: "a narrower test before a wider one", nodes: """
              greeting:
                say: Hello
                branches:
                  - when: acknowledged and asked
                    goto: done
                  - when: acknowledged
                    goto: done
                  - goto: done
            """, absent: "can never be taken"),
        Clean.condition("mood >= 0 and mood <= 5"),
        Clean.condition("paraphrased(since_tuesday) and not paraphrased(2)"),
        Clean.condition("mentions(\"engineer\") and not mentions(\"technician\")"),
        Clean.condition("turn > 1 and visited(greeting) > 2 and holds == 0"),
        Clean.condition("action and not explained_next_steps"),
        Clean.condition("patience < -3 or patience > 50"),
        Clean(name: "conditions that together cover every reply", nodes: """
              greeting:
                say: Hello
                branches:
                  - when: mood >= 0
                    goto: done
                  - when: mood < 0
                    goto: done
            """, absent: "no branch matches every reply"),
        Clean(name: "a loop with a way out", nodes: """
              greeting:
                say: Hello
                branches:
                  - when: visited(greeting) > 2
                    goto: done
                  - patience: -1
                    goto: greeting
            """, absent: "dead end"),
        Clean(name: "a node that only leads into a dead end is not blamed for it", nodes: """
              greeting:
                say: Hello
                branches:
                  - goto: stuck
              stuck:
                say: Hmm.
                branches:
                  - goto: stuck
            """, absent: "node `greeting` is a dead end"),
        Clean(name: "the hung_up and transferred endings need no goto", nodes: """
              greeting:
                say: Hello
                branches:
                  - goto: done
            """, endings: """
              done:
                kind: resolved
                note: Done.
              gone:
                kind: hung_up
                note: Gone.
              passed_on:
                kind: transferred
                note: Passed on.
            """, absent: "is never reached"),
        Clean(name: "next steps in a model reply", nodes: """
              greeting:
                say: Hello
                key: true
                model: I'll book an engineer for tomorrow morning and I'll text you the reference now.
                branches:
                  - goto: done
            """, skills: "[next_steps]", absent: "practises"),
    ]

    @Test(arguments: clean)
    func reportsNothingWhereThereIsNothingWrong(_ example: Clean) {
        var text = example.endings.map { smallScenario(nodes: example.nodes, endings: $0) }
            ?? smallScenario(nodes: example.nodes)
        if let skills = example.skills {
            text = text.replacingOccurrences(of: "skills: [paraphrasing]", with: "skills: \(skills)")
        }
        let (_, diagnostics) = ContentLoader.parseScenario(yaml: text, id: "small", file: "small.yaml")
        let found = diagnostics.filter { $0.message.contains(example.absent) }
        #expect(found.isEmpty, "\(found.map(\.description))")
    }

    @Test func aDeadEndIsAnErrorSoTheScenarioIsNotUsed() {
        let text = smallScenario(nodes: """
              greeting:
                say: Hello
                branches:
                  - goto: greeting
            """)
        let (scenario, diagnostics) = ContentLoader.parseScenario(yaml: text, id: "small", file: "small.yaml")
        #expect(scenario == nil)
        #expect(diagnostics.filter(\.isError).map(\.message) == [
            "node `greeting` is a dead end: every branch comes back to `greeting`, so the call can never move on "
                + "(only the customer hanging up ends it); add a branch that goes to another node or an ending",
        ])
    }

    @Test func openingsAndNeedsThatNothingAnswers() throws {
        let text = validScenario
            .replacingOccurrences(of: "offered(mesh) and mood >= 0", with: "mood >= 0")
            .replacingOccurrences(of: "anticipated(new_router)", with: "acknowledged")
        let (_, diagnostics) = ContentLoader.parseScenario(yaml: text, id: "x", file: "x.yaml")
        let mesh = try #require(position(of: "mesh\n", in: text))
        let need = try #require(position(of: "new_router\n", in: text))
        expectDiagnostic(diagnostics, line: mesh.line, column: mesh.column, .warning,
                         "no `when:` tests `offered` or `offered(mesh)`, so the customer never answers an offer of "
                            + "this opening (offers are still scored)", exact: true)
        expectDiagnostic(diagnostics, line: need.line, column: need.column, .warning,
                         "no `when:` tests `anticipated` or `anticipated(new_router)`")
    }

    @Test func theValidScenarioPassesEveryGraphCheck() {
        let (_, diagnostics) = ContentLoader.parseScenario(yaml: validScenario, id: "x", file: "x.yaml")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
    }

    /// The 1-based line and column where `needle` first starts in `text`.
    func position(of needle: String, in text: String) -> (line: Int, column: Int)? {
        guard let range = text.range(of: needle) else { return nil }
        let before = text[..<range.lowerBound]
        let line = before.filter { $0 == "\n" }.count + 1
        let column = before.distance(from: before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex,
                                     to: before.endIndex) + 1
        return (line, column)
    }
}

extension GraphCheckTests.Clean {
    /// A condition that can hold and is followed by a catch-all: no "can never be taken".
    static func condition(_ condition: String) -> GraphCheckTests.Clean {
        GraphCheckTests.Clean(name: condition, nodes: """
              greeting:
                say: Hello
                facts: [since_tuesday]
                branches:
                  - when: '\(condition)'
                    goto: done
                  - goto: done
            """, absent: "can never be taken")
    }
}
