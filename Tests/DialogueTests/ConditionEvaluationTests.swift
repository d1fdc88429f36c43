import Dialogue
import Language
import Testing

struct EvalCase: CustomTestStringConvertible, Sendable {
    var condition: String
    /// Tags for ``TagAnalyzer`` plus any words of the reply, e.g. "[ack] [para:home] hello".
    var reply: String
    var expected: Bool
    var state: @Sendable (inout CallState) -> Void
    var testDescription: String { "\(condition) | \(reply) -> \(expected)" }

    init(_ condition: String, _ reply: String = "", _ expected: Bool, state: @escaping @Sendable (inout CallState) -> Void = { _ in }) {
        self.condition = condition
        self.reply = reply
        self.expected = expected
        self.state = state
    }

    init(_ condition: String, _ expected: Bool, state: @escaping @Sendable (inout CallState) -> Void = { _ in }) {
        self.init(condition, "", expected, state: state)
    }
}

private func environment(_ c: EvalCase) -> ConditionEnvironment {
    var state = CallState(scenario: "s", persona: "p", seed: 1, node: "open", mood: 0, patience: 5, raisedIssues: ["down"])
    c.state(&state)
    let signals = TagAnalyzer().analyze(c.reply, context: ReplyContext(customerLine: ""))
    return ConditionEnvironment(signals: signals, replyTokens: wordTokens(c.reply), state: state)
}

@Test(arguments: [
    EvalCase("true", true),
    EvalCase("false", false),
    EvalCase("acknowledged", "[ack]", true),
    EvalCase("acknowledged", "[check]", false),
    EvalCase("not acknowledged", "[check]", true),
    // Precedence shows in the result: `a or (b and c)`, not `(a or b) and c`.
    EvalCase("acknowledged or checked and asked", "[ack]", true),
    EvalCase("acknowledged or checked and asked", "[check]", false),
    EvalCase("acknowledged or checked and asked", "[check] [ask]", true),
    EvalCase("(acknowledged or checked) and asked", "[ack]", false),
    EvalCase("not acknowledged and checked", "[check]", true),
    EvalCase("not (acknowledged and checked)", "[ack] [check]", false),
    // Paraphrase: count, id, and as a number.
    EvalCase("paraphrased(2)", "[para:tuesday] [para:home]", true),
    EvalCase("paraphrased(2)", "[para:tuesday]", false),
    EvalCase("paraphrased(tuesday)", "[para:tuesday]", true),
    EvalCase("paraphrased(tuesday)", "[para:home]", false),
    EvalCase("paraphrased", "", false),
    EvalCase("paraphrased", "[para:home]", true),
    EvalCase("paraphrased >= 2", "[para:tuesday] [para:home] [para:third]", true),
    EvalCase("paraphrased == 1", "[para:tuesday] [para:home]", false),
    // Next steps.
    EvalCase("explained_next_steps", "[action]", false),
    EvalCase("explained_next_steps", "[action] [time]", true),
    EvalCase("explained_next_steps", "[time] [confirm] [own]", false),
    EvalCase("next_steps >= 3", "[action] [time] [confirm]", true),
    EvalCase("next_steps >= 3", "[action] [time]", false),
    EvalCase("next_steps == 5", "[action] [time] [custact] [confirm] [own]", true),
    // Offers, needs, issues: any, by id, and by count.
    EvalCase("offered", "[offer]", true),
    EvalCase("offered(mesh)", "[offer:mesh]", true),
    EvalCase("offered(mesh)", "[offer]", false),
    EvalCase("offered(2)", "[offer:mesh]", false),
    EvalCase("offered(2)", "[offer:mesh] [offer:tv]", true),
    EvalCase("offered(1)", "[offer:mesh]", true),
    EvalCase("anticipated(lights)", "[anticipate:lights]", true),
    EvalCase("anticipated(lights)", "[anticipate:bill]", false),
    EvalCase("anticipated(2)", "[anticipate:lights]", false),
    EvalCase("anticipated", "[anticipate]", true),
    EvalCase("addressed(down)", "[address:down]", true),
    EvalCase("addressed(down)", "[address:crackle]", false),
    EvalCase("asked_again", "[again:tuesday]", true),
    EvalCase("asked_again", "[ask]", false),
    // Words of the reply.
    EvalCase("mentions(\"a phrase\", 'other')", "here is a phrase, ok", true),
    EvalCase("mentions(\"a phrase\", 'other')", "the OTHER one", true),
    EvalCase("mentions(\"a phrase\", 'other')", "phrase a", false),
    EvalCase("mentions(\"refund*\")", "I have refunded it", true),
    EvalCase("mentions(\"engineer|technician\")", "a technician will come", true),
    // Call state.
    EvalCase("mood >= 0", true) { $0.mood = 0 },
    EvalCase("mood >= 0", false) { $0.mood = -1 },
    EvalCase("mood > -1", true) { $0.mood = 0 },
    EvalCase("mood < -2", true) { $0.mood = -3 },
    EvalCase("patience < 3", true) { $0.patience = 2 },
    EvalCase("patience != 5", false) { $0.patience = 5 },
    EvalCase("turn == 2", true) { $0.turn = 2 },
    EvalCase("visited(hold) > 1", true) { $0.visits["hold"] = 2 },
    EvalCase("visited(hold) > 1", false) { $0.visits["hold"] = 1 },
    EvalCase("visited(hold) > 1", false),
    EvalCase("visited(hold) == 0", true),
    EvalCase("holds == 1", true) { $0.holds = 1 },
    EvalCase("flag(x)", true) { $0.flags = ["y", "x"] },
    EvalCase("flag(x)", false) { $0.flags = ["y"] },
    EvalCase("resolved(down)", true) { $0.resolvedIssues = ["down"] },
    EvalCase("resolved(down)", false),
    EvalCase("all_resolved", false) { $0.raisedIssues = ["down", "crackle"]; $0.resolvedIssues = ["down"] },
    EvalCase("all_resolved", true) { $0.raisedIssues = ["down", "crackle"]; $0.resolvedIssues = ["crackle", "down"] },
    EvalCase("all_resolved", true) { $0.raisedIssues = [] },
    EvalCase("offered(mesh) and mood >= 0", "[offer:mesh]", true) { $0.mood = 1 },
    EvalCase("offered(mesh) and mood >= 0", "[offer:mesh]", false) { $0.mood = -2 },
])
func evaluatesConditions(_ c: EvalCase) throws {
    let condition = try ConditionParser.parse(c.condition)
    #expect(condition.holds(in: environment(c)) == c.expected)
}

/// Each yes/no test on one signal is true with its tag and false without it.
@Test(arguments: [
    ("checked", "[check]"), ("asked", "[ask]"), ("asked_open", "[open]"), ("action", "[action]"),
    ("timescale", "[time]"), ("customer_action", "[custact]"), ("confirmation", "[confirm]"), ("ownership", "[own]"),
    ("negative", "[neg]"), ("blamed", "[blame]"), ("jargon", "[jargon]"), ("calm_down", "[calm]"),
    ("hollow_closer", "[hollow]"), ("small_talk", "[chat]"), ("apology_only", "[sorry]"),
    ("transfer_suggested", "[transfer]"), ("acknowledged", "[ack]"),
])
func singleSignalTests(_ name: String, _ tag: String) throws {
    let condition = try ConditionParser.parse(name)
    #expect(condition.holds(in: environment(EvalCase(name, tag, true))))
    #expect(!condition.holds(in: environment(EvalCase(name, "[nothing] plain words", false))))
}

@Test func numbersEvaluateToTheirValue() throws {
    let c = EvalCase("", "[para:a] [para:b] [para:c] [action] [time]", true) { $0.mood = -4; $0.patience = 2; $0.turn = 7 }
    let env = environment(c)
    #expect(try ConditionParser.parse("paraphrased >= 0").holds(in: env))
    #expect(Condition.call("paraphrased", []).value(in: env) == 3)
    #expect(Condition.call("next_steps", []).value(in: env) == 2)
    #expect(Condition.call("mood", []).value(in: env) == -4)
    #expect(Condition.call("patience", []).value(in: env) == 2)
    #expect(Condition.call("turn", []).value(in: env) == 7)
    #expect(Condition.number(-3).value(in: env) == -3)
    #expect(Condition.literal(true).value(in: env) == 1)
}
