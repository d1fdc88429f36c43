import Dialogue
import Language
import Testing

private func call(_ name: String, _ args: Condition.Argument...) -> Condition { .call(name, args) }
private let ack = call("acknowledged")
private let checked = call("checked")
private let asked = call("asked")
private let mood = call("mood")

struct ParseCase: CustomTestStringConvertible, Sendable {
    var text: String
    var expected: Condition
    var testDescription: String { text }
    init(_ text: String, _ expected: Condition) {
        self.text = text
        self.expected = expected
    }
}

@Test(arguments: [
    ParseCase("acknowledged", ack),
    ParseCase("  acknowledged  ", ack),
    ParseCase("true", .literal(true)),
    ParseCase("false", .literal(false)),
    // `and` binds tighter than `or`, on either side.
    ParseCase("acknowledged or checked and asked", .or(ack, .and(checked, asked))),
    ParseCase("acknowledged and checked or asked", .or(.and(ack, checked), asked)),
    ParseCase("acknowledged || checked && asked", .or(ack, .and(checked, asked))),
    ParseCase("acknowledged and checked and asked", .and(.and(ack, checked), asked)),
    // `not` applies to the test right after it; parentheses group.
    ParseCase("not acknowledged and checked", .and(.not(ack), checked)),
    ParseCase("not (acknowledged and checked)", .not(.and(ack, checked))),
    ParseCase("not not acknowledged", .not(.not(ack))),
    ParseCase("!acknowledged", .not(ack)),
    ParseCase("not(acknowledged)", .not(ack)),
    ParseCase("(acknowledged or checked) and asked", .and(.or(ack, checked), asked)),
    ParseCase("((acknowledged))", ack),
    // Comparisons bind tighter than `not`, `and` and `or`.
    ParseCase("mood >= 0", .compare(mood, .atLeast, .number(0))),
    ParseCase("mood>=0", .compare(mood, .atLeast, .number(0))),
    ParseCase("mood > -1", .compare(mood, .greater, .number(-1))),
    ParseCase("-1 < mood", .compare(.number(-1), .less, mood)),
    ParseCase("patience != 3", .compare(call("patience"), .notEqual, .number(3))),
    ParseCase("turn <= 2", .compare(call("turn"), .atMost, .number(2))),
    ParseCase("holds == 0", .compare(call("holds"), .equal, .number(0))),
    ParseCase("visited(hold) > 1", .compare(call("visited", .name("hold")), .greater, .number(1))),
    ParseCase("visited(check-router) > 0", .compare(call("visited", .name("check-router")), .greater, .number(0))),
    ParseCase("not mood >= 0", .not(.compare(mood, .atLeast, .number(0)))),
    ParseCase("offered(mesh) and mood >= 0", .and(call("offered", .name("mesh")), .compare(mood, .atLeast, .number(0)))),
    ParseCase("next_steps >= 3 or explained_next_steps",
              .or(.compare(call("next_steps"), .atLeast, .number(3)), call("explained_next_steps"))),
    // Arguments.
    ParseCase("paraphrased(2)", call("paraphrased", .number(2))),
    ParseCase("paraphrased(2) and acknowledged", .and(call("paraphrased", .number(2)), ack)),
    ParseCase("paraphrased(tuesday)", call("paraphrased", .name("tuesday"))),
    ParseCase("paraphrased", call("paraphrased")),
    ParseCase("paraphrased >= 2", .compare(call("paraphrased"), .atLeast, .number(2))),
    ParseCase("paraphrased( 2 )", call("paraphrased", .number(2))),
    ParseCase("mentions(\"a phrase\", 'other')", call("mentions", .text("a phrase"), .text("other"))),
    ParseCase("mentions(\"it's\", 'say \"hi\"')", call("mentions", .text("it's"), .text("say \"hi\""))),
    ParseCase("flag(x)", call("flag", .name("x"))),
    ParseCase("flag(upgrade_offered)", call("flag", .name("upgrade_offered"))),
    ParseCase("resolved(down) and all_resolved", .and(call("resolved", .name("down")), call("all_resolved"))),
    ParseCase("anticipated(lights) or addressed(crackle)",
              .or(call("anticipated", .name("lights")), call("addressed", .name("crackle")))),
    // Ids may start with a digit.
    ParseCase("visited(1st-call) > 0", .compare(call("visited", .name("1st-call")), .greater, .number(0))),
    ParseCase("paraphrased(3rd_visit)", call("paraphrased", .name("3rd_visit"))),
])
func parsesConditions(_ c: ParseCase) throws {
    #expect(try ConditionParser.parse(c.text) == c.expected)
}

struct ParseErrorCase: CustomTestStringConvertible, Sendable {
    var text: String
    var offset: Int
    /// Parts the message must contain.
    var message: [String]
    var testDescription: String { text.isEmpty ? "(empty)" : text }
    init(_ text: String, at offset: Int, _ message: String...) {
        self.text = text
        self.offset = offset
        self.message = message
    }
}

@Test(arguments: [
    // Unknown names, with a suggestion when one is close.
    ParseErrorCase("acknowleged", at: 0, "unknown test `acknowleged`", "did you mean `acknowledged`?"),
    ParseErrorCase("acknowledged and chekced", at: 17, "unknown test `chekced`", "did you mean `checked`?"),
    ParseErrorCase("mood >= 0 and paraphrase(2)", at: 14, "did you mean `paraphrased`?"),
    ParseErrorCase("zzzzzzzzzzzzzz", at: 0, "unknown test `zzzzzzzzzzzzzz`", "docs/AUTHORING.md"),
    // Numbers used as tests, and tests used as numbers.
    ParseErrorCase("mood", at: 0, "this is a number, not a yes/no test", "mood >= 0"),
    ParseErrorCase("  next_steps", at: 2, "this is a number, not a yes/no test"),
    ParseErrorCase("acknowledged > 1", at: 0, "only numbers can be compared"),
    ParseErrorCase("mood > acknowledged", at: 7, "only numbers can be compared"),
    ParseErrorCase("mood >= 0 and (checked == 1)", at: 15, "only numbers can be compared"),
    ParseErrorCase("acknowledged and mood", at: 17, "compare numbers first", "mood >= 0"),
    ParseErrorCase("turn or acknowledged", at: 0, "compare numbers first"),
    ParseErrorCase("not mood", at: 4, "`not` needs a yes/no test"),
    ParseErrorCase("acknowledged and not holds", at: 21, "`not` needs a yes/no test"),
    // `=` for `==`.
    ParseErrorCase("mood = 1", at: 5, "use `==` to compare"),
    ParseErrorCase("acknowledged and mood = 2", at: 22, "use `==` to compare"),
    // Brackets.
    ParseErrorCase("(acknowledged", at: 13, "missing `)`"),
    ParseErrorCase("(acknowledged and (checked)", at: 27, "missing `)`"),
    ParseErrorCase("flag(x", at: 6, "close them with `)`"),
    ParseErrorCase("mentions(\"router", at: 16, "quoted text is never closed"),
    // Trailing junk.
    ParseErrorCase("acknowledged )", at: 13, "unexpected `)`"),
    ParseErrorCase("acknowledged checked", at: 13, "unexpected `checked`", "`and` or `or`"),
    ParseErrorCase("acknowledged adn checked", at: 13, "unexpected `adn`"),
    ParseErrorCase("mood >= 0 >= 1", at: 10, "unexpected `>`"),
    ParseErrorCase("$", at: 0, "unexpected `$`", "acknowledged"),
    // Empty, or stopping early.
    ParseErrorCase("", at: 0, "the condition is empty"),
    ParseErrorCase("   ", at: 0, "the condition is empty"),
    ParseErrorCase("acknowledged and", at: 16, "stops too early"),
    ParseErrorCase("mood >= ", at: 8, "stops too early"),
    ParseErrorCase("not", at: 3, "stops too early"),
    // Joining words in the wrong place.
    ParseErrorCase("and acknowledged", at: 0, "`and` needs a test on both sides"),
    ParseErrorCase("or acknowledged", at: 0, "`or` needs a test on both sides"),
    ParseErrorCase("acknowledged or or checked", at: 16, "`or` needs a test on both sides"),
    // Wrong arguments.
    ParseErrorCase("paraphrased(\"tuesday\")", at: 0, "`paraphrased` takes a number or an id"),
    ParseErrorCase("paraphrased(1, 2)", at: 0, "`paraphrased` takes at most one argument"),
    ParseErrorCase("visited(2) > 1", at: 0, "`visited` needs one node id", "visited(some_id)"),
    ParseErrorCase("visited > 1", at: 0, "`visited` needs one node id"),
    ParseErrorCase("flag()", at: 0, "`flag` needs one flag id"),
    ParseErrorCase("mood >= 0 and resolved('down')", at: 14, "`resolved` needs one issue id"),
    ParseErrorCase("mentions(router)", at: 0, "words or phrases in quotes"),
    ParseErrorCase("mentions(\"router\", 2)", at: 0, "words or phrases in quotes"),
    ParseErrorCase("mentions()", at: 0, "at least one word or phrase"),
    ParseErrorCase("acknowledged(x)", at: 0, "`acknowledged` takes no arguments"),
    ParseErrorCase("flag(x y)", at: 7, "separate arguments with `,`"),
    ParseErrorCase("flag(-)", at: 5, "unexpected `-` in the arguments"),
    // Numbers.
    ParseErrorCase("mood >= 99999999", at: 8, "not a whole number"),
    ParseErrorCase("mood >= -", at: 8, "not a whole number"),
])
func reportsConditionErrors(_ c: ParseErrorCase) {
    #expect {
        try ConditionParser.parse(c.text)
    } throws: { error in
        guard let error = error as? ConditionError else { return false }
        #expect(error.offset == c.offset, "message: \(error.message)")
        for part in c.message {
            #expect(error.message.contains(part), "message: \(error.message)")
        }
        // Messages are plain English sentences, not internal names.
        #expect(!error.message.contains("Condition."))
        return true
    }
}

/// Every name in the vocabulary parses in the form its entry describes, so the parser, the evaluator
/// and the authoring guide agree.
@Test(arguments: Vocabulary.entries.keys.sorted())
func everyVocabularyNameParses(_ name: String) throws {
    guard let entry = Vocabulary.entries[name] else { return }
    var text = name
    switch entry.argument {
    case .none, .countOrID: break
    case .id: text += "(some_id)"
    case .texts: text += "(\"some words\")"
    }
    if entry.kind == .number { text += " >= 0" }
    let parsed = try ConditionParser.parse(text)
    #expect(parsed.references.count == (text.contains("some_id") ? 1 : 0))
    #expect(!entry.help.isEmpty)
}

@Test func referencesListNamedArguments() throws {
    let c = try ConditionParser.parse("(paraphrased(tuesday) or visited(hold) > 1) and not flag(x) and mentions(\"x\") and paraphrased(2)")
    #expect(c.references.map(\.predicate) == ["paraphrased", "visited", "flag"])
    #expect(c.references.map(\.argument) == ["tuesday", "hold", "x"])
}

/// Whatever an author types, the parser returns a condition or an error inside the text; it never
/// crashes or points past the end.
@Test func parserSurvivesArbitraryText() {
    let pieces = ["acknowledged", "mood", "visited(", "hold", ")", "(", "and", "or", "not", "!", "==", "=", ">=",
                  ">", "-", "1", "99", "\"", "'", ",", "mentions(", "flag(", " ", "  ", "\u{1B}", "é", "٣", "½",
                  "paraphrased", "true", "&&", "||", "_", "x", "\t", "\n"]
    var random = SeededRandom(seed: 7)
    var parsed = 0
    for _ in 0..<3_000 {
        var text = ""
        for _ in 0..<Int(random.next() % 9) { text += random.pick(pieces) ?? "" }
        do {
            _ = try ConditionParser.parse(text)
            parsed += 1
        } catch {
            #expect((0...text.count).contains(error.offset), "`\(text)`: offset \(error.offset)")
            #expect(!error.message.isEmpty)
        }
    }
    #expect(parsed > 0)
}

@Test func longConditionsParse() throws {
    let chain = Array(repeating: "acknowledged", count: 1_000).joined(separator: " and ")
    let parsed = try ConditionParser.parse(chain)
    #expect(parsed.references.isEmpty)
    #expect(parsed.holds(in: ConditionEnvironment(
        signals: TagAnalyzer().analyze("[ack]", context: ReplyContext(customerLine: "")), replyTokens: [],
        state: CallState(scenario: "s", persona: "p", seed: 1, node: "n", mood: 0, patience: 1, raisedIssues: []))))
    let nested = String(repeating: "(", count: 200) + "mood >= 0" + String(repeating: ")", count: 200)
    #expect(try ConditionParser.parse(nested) == .compare(mood, .atLeast, .number(0)))
    var negated = ack
    for _ in 0..<998 { negated = .not(negated) }
    #expect(try ConditionParser.parse(String(repeating: "not ", count: 998) + "acknowledged") == negated)
}

/// Absurdly long or deep conditions are refused with a message instead of exhausting the stack.
@Test(arguments: [
    Array(repeating: "acknowledged", count: 100_000).joined(separator: " and "),
    Array(repeating: "acknowledged", count: 1_001).joined(separator: " or "),
    String(repeating: "not ", count: 100_000) + "acknowledged",
    String(repeating: "(", count: 100_000) + "acknowledged" + String(repeating: ")", count: 100_000),
])
func overlongConditionsAreRefused(_ text: String) {
    #expect {
        try ConditionParser.parse(text)
    } throws: { error in
        guard let error = error as? ConditionError else { return false }
        return error.message.contains("too long") && (0..<text.count).contains(error.offset)
    }
}

@Test(arguments: [("acknowledged", "acknowleged", 1), ("", "abc", 3), ("abc", "", 3), ("kitten", "sitting", 3), ("same", "same", 0)])
func editDistanceCountsEdits(_ a: String, _ b: String, _ expected: Int) {
    #expect(editDistance(a, b) == expected)
    #expect(editDistance(b, a) == expected)
}
