import Content
import Dialogue
import Testing

@Suite struct ScenarioParsingTests {
    @Test func validScenarioLoadsIntoTheModel() throws {
        let (loaded, diagnostics) = ContentLoader.parseScenario(yaml: validScenario, id: "broadband-down",
                                                                file: "Scenarios/broadband-down.yaml")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        let scenario = try #require(loaded)
        #expect(scenario.id == "broadband-down")
        #expect(scenario.title == "Broadband down for three days")
        #expect(scenario.summary == "A home worker's broadband has been down since Tuesday.")
        #expect(scenario.difficulty == .intermediate)
        #expect(scenario.skills == [.activeListening, .paraphrasing, .nextSteps, .forwardResolution])
        #expect(scenario.persona == "dana")
        #expect(scenario.personas == ["arthur"])
        #expect(scenario.account == [AccountField(label: "Plan", value: "Fibre 500"),
                                     AccountField(label: "Router", value: "Hub 3 (2019)")])
        #expect(scenario.issues == [
            Issue(id: "no_internet", summary: "The broadband is down", cues: ["broadband", "internet|connection"]),
            Issue(id: "refund", summary: "Wants money back for the days without service",
                  cues: ["refund*", "money back"], hidden: true),
        ])
        #expect(scenario.facts.map(\.id) == ["since_tuesday", "works_from_home"])
        #expect(scenario.facts.first?.cues == ["tuesday|three days"])
        #expect(scenario.openings == [Opening(id: "mesh", source: .heard, cue: "She says the signal is weak upstairs",
                                              offer: ["mesh", "wifi booster"])])
        #expect(scenario.nextNeeds == [NextNeed(id: "new_router", text: "The new router's lights will flash at first",
                                                cues: ["lights|flash*"])])
        #expect(scenario.start == "greeting")
        #expect(scenario.nodes.map(\.id) == ["greeting", "repeat_self", "check_line", "vague", "fault_found",
                                             "refund_push", "router", "upstairs", "offer_taken", "wrap_up"])

        let greeting = try #require(scenario.node("greeting"))
        #expect(greeting.say == ["My broadband has been down since Tuesday and I work from home."])
        #expect(greeting.facts == ["since_tuesday", "works_from_home"])
        #expect(greeting.key)
        #expect(greeting.model == "Down since Tuesday while you work from home, that's hard. Let me check the line now.")
        #expect(greeting.hint == "Acknowledge, then restate what she told you.")
        #expect(greeting.position == SourcePosition(line: 37, column: 3))
        #expect(greeting.branches.count == 3)
        let first = greeting.branches[0]
        #expect(first.condition == .and(.call("paraphrased", [.name("since_tuesday")]), .call("acknowledged", [])))
        #expect(first.conditionText == "paraphrased(since_tuesday) and acknowledged")
        #expect(first.mood == 1)
        #expect(first.set == ["listened"])
        #expect(first.target == "check_line")
        #expect(first.position == SourcePosition(line: 44, column: 9))
        #expect(first.targetPosition == SourcePosition(line: 47, column: 15))
        let second = greeting.branches[1]
        #expect(second.mood == -1 && second.patience == -1 && second.say == ["I just said."])
        #expect(greeting.branches[2].condition == nil)

        #expect(scenario.node("check_line")?.say == ["So what's wrong with it?", "Well? What's the problem?"])
        #expect(scenario.node("check_line")?.branches.first?.clear == ["listened"])
        #expect(scenario.node("fault_found")?.raises == ["refund"])
        #expect(scenario.node("fault_found")?.branches.first?.resolves == ["refund"])
        #expect(scenario.node("vague")?.branches.first?.condition
                == .compare(.call("visited", [.name("vague")]), .greater, .number(1)))

        #expect(scenario.endings.map(\.id) == ["resolved", "callback", "escalate", "hung_up"])
        #expect(scenario.ending("resolved") == Ending(id: "resolved", kind: .resolved, say: ["Thanks, that's sorted then."],
                                                      note: "Everything was resolved on the call.",
                                                      position: SourcePosition(line: 117, column: 3)))
        #expect(scenario.ending("hung_up")?.say == ["Forget it.", "I'm done."])
        #expect(scenario.ending("escalate")?.kind == .escalated)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var fixture: Marked
        var severity: Diagnostic.Severity
        var message: String
        var exact = false
        var testDescription: String { fixture.testDescription }

        init(_ name: String, nodes: String, endings: String? = nil, start: String = "greeting",
             _ severity: Diagnostic.Severity, _ message: String, exact: Bool = false) {
            let text = endings.map { smallScenario(nodes: nodes, endings: $0, start: start) }
                ?? smallScenario(nodes: nodes, start: start)
            fixture = Marked(text, name)
            self.severity = severity
            self.message = message
            self.exact = exact
        }
    }

    static let cases: [Case] = [
        Case("misspelt key", nodes: """
              greeting:
                👉sya: Hello
                branches:
                  - goto: done
            """, .error, "unknown key `sya`; did you mean `say`?", exact: true),
        Case("missing say", nodes: """
              greeting:
                👉branches:
                  - goto: done
            """, .error, "a node needs `say:`, what the customer says", exact: true),
        Case("goto to nowhere", nodes: """
              greeting:
                say: Hello
                branches:
                  - goto: 👉diagnose
            """, .error, "`goto: diagnose` goes nowhere: there is no node or ending called `diagnose`", exact: true),
        Case("goto with a typo", nodes: """
              greeting:
                say: Hello
                branches:
                  - goto: 👉dnoe
            """, .error, "`goto: dnoe` goes nowhere: there is no node or ending called `dnoe`; did you mean `done`?",
             exact: true),
        Case("start to nowhere", nodes: """
              greeting:
                say: Hello
                branches:
                  - goto: done
            """, start: "👉greting", .error, "`start: greting` goes nowhere: there is no node or ending called "
                + "`greting`; did you mean `greeting`?", exact: true),
        Case("condition error column", nodes: """
              greeting:
                say: Hello
                branches:
                  - when: mood 👉= 2
                    goto: done
                  - goto: done
            """, .error, "in `when:`: use `==` to compare", exact: true),
        Case("condition error column, quoted", nodes: """
              greeting:
                say: Hello
                branches:
                  - when: "acknowledged and 👉calm"
                    goto: done
                  - goto: done
            """, .error, "unknown test `calm`"),
        Case("condition with a misspelt test", nodes: """
              greeting:
                say: Hello
                branches:
                  - when: 👉acknowleged
                    goto: done
                  - goto: done
            """, .error, "in `when:`: unknown test `acknowleged`; did you mean `acknowledged`?", exact: true),
        Case("wrong type", nodes: """
              greeting:
                say: Hello
                branches:
                  - mood: 👉lots
                    goto: done
            """, .error, "`mood` should be a whole number from -10 to 10, not `lots`", exact: true),
        Case("bad enum value", nodes: """
              greeting:
                say: Hello
                branches:
                  - goto: done
            """, endings: """
              done:
                kind: 👉resolve
                note: Done.
            """, .error, "`kind` should be resolved, callback, escalated, transferred or hung_up, not `resolve`; "
                + "did you mean `resolved`?", exact: true),
        Case("missing ending note", nodes: """
              greeting:
                say: Hello
                branches:
                  - goto: done
            """, endings: """
              done:
                👉kind: resolved
            """, .error, "an ending needs `note:`, what the debrief says about this ending", exact: true),
        Case("duplicate key", nodes: """
              greeting:
                say: Hello
                hint: Listen.
                👉say: Hello again
                branches:
                  - goto: done
            """, .error, "`say` appears twice in the same mapping (first at line 21); keep one", exact: true),
        Case("tab in indentation", nodes: """
              greeting:
                say: Hello
            👉\tbranches:
                  - goto: done
            """, .error, "the YAML is not well formed here: found a tab character where indentation was expected"),
        Case("node and ending with the same id", nodes: """
              greeting:
                say: Hello
                branches:
                  - goto: done
              done:
                say: Bye
                branches:
                  - goto: greeting
            """, endings: """
              👉done:
                kind: resolved
                note: Done.
            """, .error, "`done` is both a node and an ending; give them different ids", exact: true),
        Case("unknown fact", nodes: """
              greeting:
                say: Since Tuesday.
                facts: [👉since_tusday]
                branches:
                  - goto: done
            """, .error, "there is no fact called `since_tusday` in `facts:`; did you mean `since_tuesday`?"),
        Case("raising an issue that is not hidden", nodes: """
              greeting:
                say: Hello
                raises: [👉outage]
                branches:
                  - goto: done
            """, .error, "`raises` names `outage`, which is not a hidden issue"),
        Case("resolving an unknown issue", nodes: """
              greeting:
                say: Hello
                branches:
                  - resolves: [👉refnd]
                    goto: done
            """, .error, "there is no issue called `refnd` in `issues:`; did you mean `refund`?"),
        Case("condition naming an unknown fact", nodes: """
              greeting:
                say: Hello
                branches:
                  - when: acknowledged and paraphrased(👉since_tusday)
                    goto: done
                  - goto: done
            """, .error, "`paraphrased(since_tusday)`: there is no fact called `since_tusday`; did you mean "
                + "`since_tuesday`?", exact: true),
        Case("condition naming an unknown node", nodes: """
              greeting:
                say: Hello
                branches:
                  - when: "visited(👉nowhere) > 1"
                    goto: done
                  - goto: done
            """, .error, "`visited(nowhere)`: there is no node called `nowhere`"),
        Case("flag used but never set", nodes: """
              greeting:
                say: Hello
                branches:
                  - when: flag(👉listened)
                    goto: done
                  - goto: done
            """, .warning, "`flag(listened)` is never set"),
        Case("flag set but never used", nodes: """
              greeting:
                say: Hello
                branches:
                  - set: [👉listened]
                    goto: done
            """, .warning, "flag `listened` is set but no `when:` tests `flag(listened)`", exact: true),
        Case("key node without a model", nodes: """
              greeting:
                say: Hello
                key: 👉true
                branches:
                  - goto: done
            """, .warning, "node `greeting` is a key moment (`key: true`) but has no `model:` reply for the debrief",
             exact: true),
        Case("node with no branches", nodes: """
              greeting:
                say: Hello
                branches: 👉[]
            """, .error, "node `greeting` has no branches", exact: false),
        Case("branch without when before the last", nodes: """
              greeting:
                say: Hello
                branches:
                  - 👉goto: done
                  - when: acknowledged
                    goto: done
            """, .warning, "this branch has no `when:`, so it always matches and the branch after it can never be taken",
             exact: true),
        Case("every branch has a condition", nodes: """
              greeting:
                say: Hello
                👉branches:
                  - when: acknowledged
                    goto: done
            """, .warning, "node `greeting`: no branch matches every reply; add a last branch without `when:`",
             exact: true),
        Case("unreachable node", nodes: """
              greeting:
                say: Hello
                branches:
                  - goto: done
              👉lonely:
                say: Nobody comes here.
                branches:
                  - goto: done
            """, .warning, "node `lonely` is never reached"),
        Case("invalid node id", nodes: """
              👉Greeting:
                say: Hello
                branches:
                  - goto: done
            """, .error, "`Greeting` is not a valid node id: use lowercase letters, digits, `-` and `_`"),
        Case("facts is not a list", nodes: """
              greeting:
                say: Hello
                facts: 👉since_tuesday
                branches:
                  - goto: done
            """, .error, "`facts` should be a list, e.g. `facts: [some_id]`, not `since_tuesday`", exact: true),
        Case("branches is not a list", nodes: """
              greeting:
                say: Hello
                branches: 👉done
            """, .error, "`branches` should be a list with each item starting `- goto:`, not `done`", exact: true),
        Case("condition in a folded block", nodes: """
              greeting:
                say: Hello
                branches:
                  - when: 👉>-
                      acknowledged and
                      mood = 1
                    goto: done
                  - goto: done
            """, .error, "in `when:`: use `==` to compare", exact: true),
        Case("condition that is a number", nodes: """
              greeting:
                say: Hello
                branches:
                  - when: 👉mood
                    goto: done
                  - goto: done
            """, .error, "in `when:`: this is a number, not a yes/no test", exact: false),
        Case("alias", nodes: """
              greeting:
                say: &hello Hello
                hint: 👉*hello
                branches:
                  - goto: done
            """, .error, "aliases (*name) are not supported in content files"),
    ]

    @Test(arguments: cases)
    func reportsProblemAtItsPosition(_ example: Case) {
        let (scenario, diagnostics) = ContentLoader.parseScenario(yaml: example.fixture.text, id: "small",
                                                                  file: "Scenarios/small.yaml")
        expectDiagnostic(diagnostics, line: example.fixture.line, column: example.fixture.column, example.severity,
                         example.message, exact: example.exact)
        if example.severity == .error {
            #expect(scenario == nil)
        }
        #expect(diagnostics.allSatisfy { $0.file == "Scenarios/small.yaml" })
    }

    @Test func warningsAloneStillGiveAScenario() throws {
        let text = smallScenario(nodes: """
              greeting:
                say: Hello
                branches:
                  - goto: done
            """)
        let (scenario, diagnostics) = ContentLoader.parseScenario(yaml: text, id: "small", file: "small.yaml")
        #expect(!diagnostics.isEmpty && diagnostics.allSatisfy { $0.severity == .warning })
        #expect(try #require(scenario).nodes.count == 1)
    }

    @Test func shippedContentShape() {
        let text = smallScenario(nodes: """
              greeting:
                say: Hello
                branches:
                  - goto: done
            """)
        let (_, diagnostics) = ContentLoader.parseScenario(yaml: text, id: "small", file: "small.yaml")
        // `endings:` is on line 24 and `nodes:` on line 19.
        expectDiagnostic(diagnostics, line: 24, column: 1, .warning,
                         "only 1 ending; shipped scenarios have at least 3 (for example resolved, callback and hung_up)",
                         exact: true)
        expectDiagnostic(diagnostics, line: 19, column: 1, .warning, "only 1 node; shipped scenarios have at least 10",
                         exact: true)
        expectDiagnostic(diagnostics, line: 10, column: 9, .warning, "hidden issue `refund` is never raised")
    }

    @Test func aScenarioNeedsAnEnding() {
        let text = smallScenario(nodes: """
              greeting:
                say: Hello
                branches:
                  - goto: greeting
            """, endings: "  {}")
        let (scenario, diagnostics) = ContentLoader.parseScenario(yaml: text, id: "small", file: "small.yaml")
        #expect(scenario == nil)
        expectDiagnostic(diagnostics, line: 24, column: 1, .error, "a scenario needs at least one ending", exact: true)
    }

    @Test func missingTopLevelKeysAreReportedAtTheMapping() {
        let (scenario, diagnostics) = ContentLoader.parseScenario(yaml: "# a comment\ntitle: Only a title\nnodes: {}\n",
                                                                  id: "bare", file: "bare.yaml")
        #expect(scenario == nil)
        expectDiagnostic(diagnostics, line: 2, column: 1, .error, "a scenario needs `start:`, the id of the first node",
                         exact: true)
        expectDiagnostic(diagnostics, line: 2, column: 1, .error, "a scenario needs `endings:`")
    }

    @Test func unknownTopLevelKeyWithoutAnyCloseMatchListsTheKeys() {
        let text = validScenario + "colour: blue\n"
        let (_, diagnostics) = ContentLoader.parseScenario(yaml: text, id: "x", file: "x.yaml")
        expectDiagnostic(diagnostics, line: 131, column: 1, .error, "unknown key `colour`; the keys here are `title`")
    }

    @Test func invalidFileNameIsAnError() {
        let (scenario, diagnostics) = ContentLoader.parseScenario(yaml: validScenario, id: "Broadband Down",
                                                                  file: "Scenarios/Broadband Down.yaml")
        #expect(scenario == nil)
        expectDiagnostic(diagnostics, line: 1, column: 0, .error, "the file name `Broadband Down` is not a valid id")
    }
}
