import Dialogue
import Playtest
import Testing

@Suite struct GoldenParserTests {
    @Test func readsEveryKindOfLine() throws {
        let text = """
            # A title comment
            scenario: router-down   # the call
            persona: sam
            seed: 7

            < node: opening
            < says: down since Tuesday
            > So since Tuesday, is that right?
            < node: plan
            < mood: >= 0
            < patience: 1..5
            < flag: understood
            < flag: not booked
            < resolved: not no_internet
            < raised: no_internet
            < reaction: pleased
            < reply: paraphrased(tuesday) and checked
            > /hold
            > /notes prefers email
            > /end
            > /quit
            > /transfer
            = ending: resolved
            = score overall: >= 60
            = score Active Listening: 70..100
            = score next-steps: < 50
            = turns: <= 8
            = says: "sorted"
            """
        let (parsed, problems) = GoldenTranscript.parse(text, file: "t.call")
        #expect(problems.isEmpty, "\(problems)")
        let t = try #require(parsed)
        #expect(t.scenario == "router-down")
        #expect(t.persona == "sam")
        #expect(t.seed == 7)
        #expect(t.headerLines == ["scenario": 2, "persona": 3, "seed": 4])
        #expect(t.opening == [GoldenExpectation(.node("opening"), line: 6), GoldenExpectation(.says("down since Tuesday"), line: 7)])
        #expect(t.steps.map(\.input) == [.reply("So since Tuesday, is that right?"), .hold, .note("prefers email"), .end, .abandon, .transfer])
        #expect(t.steps.map(\.line) == [8, 18, 19, 20, 21, 22])
        let checks = t.steps[0].expectations.map(\.check)
        #expect(checks.count == 9)
        #expect(checks[0] == .node("plan"))
        #expect(checks[1] == .mood(GoldenRange(lower: 0, upper: nil)))
        #expect(checks[2] == .patience(GoldenRange(lower: 1, upper: 5)))
        #expect(checks[3] == .flag("understood", isSet: true))
        #expect(checks[4] == .flag("booked", isSet: false))
        #expect(checks[5] == .resolved("no_internet", isResolved: false))
        #expect(checks[6] == .raised("no_internet", isRaised: true))
        #expect(checks[7] == .reaction(.pleased))
        if case let .reply(_, text) = checks[8] {
            #expect(text == "paraphrased(tuesday) and checked")
        } else {
            Issue.record("expected a reply check, got \(checks[8])")
        }
        #expect(t.final.map(\.check) == [
            .ending("resolved"),
            .score(.overall, GoldenRange(lower: 60, upper: nil)),
            .score(.skill(.activeListening), GoldenRange(lower: 70, upper: 100)),
            .score(.skill(.nextSteps), GoldenRange(lower: nil, upper: 49)),
            .turns(GoldenRange(lower: nil, upper: 8)),
            .says("sorted"),
        ])
        #expect(t.final.map(\.line) == [23, 24, 25, 26, 27, 28])
    }

    @Test func indentedLinesContinueAReplyAndKeepItsHashSigns() throws {
        let text = """
            scenario: router-down
            > So since Tuesday,
              order #4471 included,
            \tis that right?
            < node: plan  # a comment
            < says: "it's # sorted"
            """
        let (parsed, problems) = GoldenTranscript.parse(text, file: "t.call")
        #expect(problems.isEmpty, "\(problems)")
        let t = try #require(parsed)
        #expect(t.steps.map(\.input) == [.reply("So since Tuesday, order #4471 included, is that right?")])
        #expect(t.steps[0].expectations.map(\.check) == [.node("plan"), .says("it's # sorted")])
    }

    @Test func defaultsToSeedOneAndTheScenariosPersona() throws {
        let (parsed, problems) = GoldenTranscript.parse("scenario: x\r\n> hello\r\n", file: "t.call")
        #expect(problems.isEmpty)
        let t = try #require(parsed)
        #expect(t.seed == 1)
        #expect(t.persona == nil)
        #expect(t.steps.map(\.input) == [.reply("hello")])
    }

    struct BadCase: Sendable, CustomTestStringConvertible {
        let text: String
        let line: Int
        let message: String
        var testDescription: String { message }
    }

    @Test(arguments: [
        BadCase(text: "> hello", line: 1, message: "there is no `scenario:` line"),
        BadCase(text: "scenario: a\nscenario: b", line: 2, message: "`scenario:` is given twice (first on line 1)"),
        BadCase(text: "scenario: a\nsceanrio: b", line: 2, message: "did you mean `scenario`?"),
        BadCase(text: "scenario: a\nseed: one", line: 2, message: "the seed is a whole number"),
        BadCase(text: "scenario: a\n> hi\nseed: 2", line: 3, message: "`seed:` goes at the top of the file"),
        BadCase(text: "scenario: a\n> hi\nhow are you", line: 3, message: "does not start with `>`"),
        BadCase(text: "scenario: a\n>", line: 2, message: "`>` needs the reply"),
        BadCase(text: "scenario: a\n> /hodl", line: 2, message: "Did you mean /hold?"),
        BadCase(text: "scenario: a\n> /account", line: 2, message: "/account only shows something to the trainee"),
        BadCase(text: "scenario: a\n> hi\n< nod: plan", line: 3, message: "did you mean `node`?"),
        BadCase(text: "scenario: a\n> hi\n< node plan", line: 3, message: "a check is `key: value`"),
        BadCase(text: "scenario: a\n> hi\n< node:", line: 3, message: "`node:` needs a value"),
        BadCase(text: "scenario: a\n> hi\n< mood: happy", line: 3, message: "`mood:` takes a number or a range"),
        BadCase(text: "scenario: a\n> hi\n< mood: 3..1", line: 3, message: "`mood:` takes a number or a range"),
        BadCase(text: "scenario: a\n> hi\n< reaction: cross", line: 3, message: "`cross` is not a reaction"),
        BadCase(text: "scenario: a\n< reply: acknowledged", line: 2, message: "put it after a `>` line"),
        BadCase(text: "scenario: a\n> /hold\n< reply: acknowledged", line: 3, message: "the line above is a command"),
        BadCase(text: "scenario: a\n> hi\n< reply: acknowledgd", line: 3, message: "in the condition `acknowledgd`"),
        BadCase(text: "scenario: a\n> hi\n< score overall: 50", line: 3, message: "scores are for the finished call"),
        BadCase(text: "scenario: a\n> hi\n< turns: 3", line: 3, message: "write it as a final check"),
        BadCase(text: "scenario: a\n> hi\n= score: 50", line: 3, message: "say which score"),
        BadCase(text: "scenario: a\n> hi\n= score listening: 50", line: 3, message: "`listening` is not a score"),
        BadCase(text: "scenario: a\n= ending: resolved\n> hi", line: 3, message: "a reply cannot follow the final `=` checks"),
        BadCase(text: "scenario: a\n= ending: resolved\n< node: x", line: 3, message: "a `<` check cannot follow the final `=` checks"),
    ])
    func reportsMistakesAtTheirLine(_ bad: BadCase) {
        let (parsed, problems) = GoldenTranscript.parse(bad.text, file: "bad.call")
        #expect(parsed == nil)
        let match = problems.first { $0.message.contains(bad.message) }
        #expect(match != nil, "no problem says \"\(bad.message)\"; got \(problems.map(\.description))")
        #expect(match?.line == bad.line)
        #expect(match?.kind == .error)
        #expect(match?.description.hasPrefix("bad.call:\(bad.line): ") == true)
    }

    @Test func reportsEveryMistakeNotJustTheFirst() {
        let (_, problems) = GoldenTranscript.parse("scenario: a\n> hi\n< nod: x\n< mood: lots\n", file: "t.call")
        #expect(problems.map(\.line) == [3, 4])
    }

    @Test(arguments: [
        ("70..100", GoldenRange(lower: 70, upper: 100)),
        ("-2..1", GoldenRange(lower: -2, upper: 1)),
        (">= 60", GoldenRange(lower: 60, upper: nil)),
        ("<= -1", GoldenRange(lower: nil, upper: -1)),
        ("> 0", GoldenRange(lower: 1, upper: nil)),
        ("< 0", GoldenRange(lower: nil, upper: -1)),
        ("== 3", GoldenRange(lower: 3, upper: 3)),
        ("3", GoldenRange(lower: 3, upper: 3)),
    ])
    func readsRanges(_ text: String, _ range: GoldenRange) {
        #expect(GoldenRange.parse(text) == range)
    }

    @Test(arguments: ["", "high", "5..", "..5", "5..1", ">= x", "1.5"])
    func rejectsBadRanges(_ text: String) {
        #expect(GoldenRange.parse(text) == nil)
    }

    @Test func rangesSayWhatTheyAllow() {
        #expect(GoldenRange(lower: 70, upper: 100).description == "between 70 and 100")
        #expect(GoldenRange(lower: 60, upper: nil).description == "at least 60")
        #expect(GoldenRange(lower: nil, upper: 2).description == "at most 2")
        #expect(GoldenRange(lower: 2, upper: 2).description == "exactly 2")
        #expect(GoldenRange(lower: 0, upper: 5).contains(5))
        #expect(!GoldenRange(lower: 0, upper: 5).contains(6))
        #expect(!GoldenRange(lower: 0, upper: nil).contains(-1))
    }
}
