import Dialogue
import Testing

struct RuleCase: CustomTestStringConvertible, Sendable {
    var name: String
    var reply: String
    var persona: Persona
    /// The reaction whose line the customer says, or nil when the rule must not fire.
    var reaction: ReactionKind?
    var mood: Int
    var patience: Int
    var testDescription: String { name }
}

/// Every case is played on a node whose only branch always matches and changes nothing, so the change
/// in mood and patience is the persona's own.
@Test(arguments: [
    RuleCase(name: "asked again", reply: "when did it start? [again:tuesday]", persona: makePersona(),
             reaction: .repeated, mood: -1, patience: -1),
    RuleCase(name: "empty reply", reply: "", persona: makePersona(), reaction: .ignored, mood: -1, patience: -1),
    RuleCase(name: "jargon, low knowledge", reply: "your DNS [jargon]", persona: makePersona(knowledge: .low),
             reaction: .jargon, mood: -1, patience: -1),
    RuleCase(name: "jargon, high knowledge", reply: "your DNS [jargon]", persona: makePersona(knowledge: .high),
             reaction: nil, mood: 0, patience: 0),
    RuleCase(name: "jargon, annoyed by jargon", reply: "your DNS [jargon]",
             persona: makePersona(knowledge: .high, annoyedBy: [.jargon]), reaction: .jargon, mood: -1, patience: -1),
    RuleCase(name: "small talk, driver", reply: "lovely weather [chat]", persona: makePersona(style: .driver),
             reaction: .smallTalk, mood: -1, patience: -1),
    RuleCase(name: "small talk, expressive", reply: "lovely weather [chat]", persona: makePersona(style: .expressive),
             reaction: nil, mood: 0, patience: 0),
    RuleCase(name: "transfer", reply: "I'll put you through to sales [transfer]", persona: makePersona(),
             reaction: .transfer, mood: -1, patience: 0),
    RuleCase(name: "apology only, irritated", reply: "so sorry [sorry]", persona: makePersona(temper: .irritated),
             reaction: .apologyOnly, mood: -1, patience: 0),
    RuleCase(name: "apology only, calm", reply: "so sorry [sorry]", persona: makePersona(temper: .calm),
             reaction: nil, mood: 0, patience: 0),
    RuleCase(name: "calm down", reply: "calm down [calm]", persona: makePersona(), reaction: .annoyed, mood: -2, patience: -1),
    RuleCase(name: "blame", reply: "you should have rung earlier [blame]", persona: makePersona(),
             reaction: .annoyed, mood: -1, patience: 0),
    RuleCase(name: "offer, angry caller", reply: "how about mesh [offer:mesh]", persona: makePersona(temper: .angry),
             reaction: .annoyed, mood: -1, patience: 0),
    RuleCase(name: "offer, calm caller", reply: "how about mesh [offer:mesh]", persona: makePersona(temper: .calm),
             reaction: nil, mood: 0, patience: 0),
    RuleCase(name: "offer, annoyed by offers", reply: "how about mesh [offer:mesh]",
             persona: makePersona(temper: .calm, annoyedBy: [.offers]), reaction: .annoyed, mood: -1, patience: 0),
    RuleCase(name: "negative language, annoyed by it", reply: "I can't [neg]",
             persona: makePersona(annoyedBy: [.negativeLanguage]), reaction: .annoyed, mood: -1, patience: 0),
    RuleCase(name: "negative language, not minded", reply: "I can't [neg]", persona: makePersona(),
             reaction: nil, mood: 0, patience: 0),
    RuleCase(name: "long reply, driver", reply: Array(repeating: "word", count: 61).joined(separator: " "),
             persona: makePersona(style: .driver), reaction: .annoyed, mood: -1, patience: 0),
    RuleCase(name: "long reply, amiable", reply: Array(repeating: "word", count: 61).joined(separator: " "),
             persona: makePersona(), reaction: nil, mood: 0, patience: 0),
    RuleCase(name: "two annoyances, one line", reply: "calm down, when did it start? [calm] [again:tuesday]",
             persona: makePersona(), reaction: .annoyed, mood: -3, patience: -2),
])
func personaRules(_ c: RuleCase) throws {
    let engine = makeEngine(scenario: makeHubScenario(), persona: c.persona)
    let (start, _) = engine.start(seed: 5)
    let (state, events) = engine.step(start, .reply(c.reply))
    #expect(state.mood - start.mood == c.mood)
    #expect(state.patience - start.patience == c.patience)
    #expect(!state.isOver)
    if let reaction = c.reaction {
        #expect(spokenReactions(events) == [reaction, nil])
        #expect(spokenLines(events) == [reactionLine(reaction), "Go on."])
        let said = try #require(state.transcript.first { $0.reaction == reaction })
        #expect(said.speaker == .customer)
        #expect(said.text == reactionLine(reaction))
        #expect(said.turn == 1)
    } else {
        #expect(spokenLines(events) == ["Go on."])
    }
    if c.mood != 0 {
        #expect(events.first == .moodChanged(from: start.mood, to: state.mood))
    }
}

@Test func personaWithoutOwnLinesUsesTheDefaults() {
    let plain = Persona(id: "plain", name: "Plain", style: .driver, temper: .anxious, patience: 5, knowledge: .low, tier: .C)
    let engine = makeEngine(scenario: makeHubScenario(), persona: plain)
    let (state, events) = engine.run(seed: 1, [.reply("lovely day [chat]")])
    #expect(spokenLines(events).first == Persona.defaultReactions[.smallTalk]?.first)
    #expect(state.mood == -1)
    for kind in ReactionKind.allCases {
        #expect(!plain.lines(for: kind).isEmpty, "no default line for \(kind)")
    }
}

@Test func moodNeverLeavesItsRange() {
    let engine = makeEngine(scenario: makeHubScenario(), persona: makePersona(temper: .angry, patience: 10))
    let (state, _) = engine.run(seed: 1, [.reply("[calm]"), .reply("[calm]"), .reply("[calm]")])
    #expect(state.mood == CallEngine.moodRange.lowerBound)
    #expect(state.moodPath.allSatisfy { CallEngine.moodRange.contains($0) })

    let pleased = makeEngine(scenario: makeHubScenario(), persona: makePersona(temper: .calm, pleasedBy: [.empathy]))
    let (high, _) = pleased.run(seed: 1, Array(repeating: .reply("[ack]"), count: 8))
    #expect(high.mood == CallEngine.moodRange.upperBound)
}

struct PleasedCase: CustomTestStringConvertible, Sendable {
    var trait: Dialogue.Trait
    var reply: String
    var testDescription: String { trait.rawValue }
}

@Test(arguments: [
    PleasedCase(trait: .empathy, reply: "that sounds awful [ack]"),
    PleasedCase(trait: .paraphrase, reply: "since Tuesday [para:tuesday]"),
    PleasedCase(trait: .specifics, reply: "by Thursday [time]"),
    PleasedCase(trait: .specifics, reply: "you'll get a text [confirm]"),
    PleasedCase(trait: .personalTouch, reply: "lovely weather [chat]"),
    PleasedCase(trait: .plainLanguage, reply: "I'll reset it [action]"),
    PleasedCase(trait: .questions, reply: "what happens when you connect? [open]"),
    PleasedCase(trait: .offers, reply: "how about mesh [offer:mesh]"),
    PleasedCase(trait: .brevity, reply: "done [action]"),
    PleasedCase(trait: .recognition, reply: "thanks for being with us so long [ack]"),
])
func pleasedByTraitsRaiseMood(_ c: PleasedCase) {
    // An expressive, calm persona: nothing in these replies annoys them.
    let pleased = makeEngine(scenario: makeHubScenario(), persona: makePersona(style: .expressive, temper: .calm, pleasedBy: [c.trait]))
    let (start, _) = pleased.start(seed: 2)
    let (state, events) = pleased.step(start, .reply(c.reply))
    #expect(state.mood == start.mood + 1)
    #expect(state.patience == start.patience)
    // The first reply is one where a pleased customer says so.
    #expect(spokenReactions(events) == [.pleased, nil])
    #expect(spokenLines(events).first == reactionLine(.pleased))

    let indifferent = makeEngine(scenario: makeHubScenario(), persona: makePersona(style: .expressive, temper: .calm))
    let (other, otherEvents) = indifferent.run(seed: 2, [.reply(c.reply)])
    #expect(other.mood == start.mood)
    #expect(spokenReactions(otherEvents) == [nil])
}

@Test func pleasedCustomerSpeaksUpOnlyNowAndThen() {
    let engine = makeEngine(scenario: makeHubScenario(), persona: makePersona(temper: .anxious, pleasedBy: [.empathy]))
    var (state, _) = engine.start(seed: 1)
    var voiced: [Int] = []
    for turn in 1...4 {
        let (next, events) = engine.step(state, .reply("[ack]"))
        #expect(next.mood == state.mood + 1)
        if spokenReactions(events).contains(.pleased) { voiced.append(turn) }
        state = next
    }
    #expect(voiced == [1, 4])
}

@Test func anAnnoyanceCancelsBeingPleased() {
    let engine = makeEngine(scenario: makeHubScenario(), persona: makePersona(pleasedBy: [.empathy]))
    let (start, _) = engine.start(seed: 1)
    let (state, events) = engine.step(start, .reply("I hear you, but you broke it [ack] [blame]"))
    #expect(state.mood == start.mood - 1)
    #expect(spokenReactions(events) == [.annoyed, nil])
}

/// A reply the persona would like but the scenario objects to (a branch that lowers mood) draws no
/// "pleased" line and no pleased bonus: the scenario's judgement wins.
@Test func scenarioPenaltyOverridesPersonaPleasure() {
    let scenario = Scenario(id: "objects", title: "Objects", summary: "", difficulty: .beginner, skills: [], persona: "pat",
                            issues: [Dialogue.Issue(id: "down", summary: "Broadband down")], facts: [], start: "hub",
                            nodes: [Node(id: "hub", say: ["Go on."], branches: [Branch(mood: -2, target: "hub")])],
                            endings: [Ending(id: "fixed", kind: .resolved, note: "Fixed.")])
    let persona = makePersona(style: .expressive, temper: .calm, pleasedBy: [.empathy])
    let engine = makeEngine(scenario: scenario, persona: persona)
    let (start, _) = engine.start(seed: 2)
    let (state, events) = engine.step(start, .reply("[ack]"))
    #expect(state.mood == start.mood - 2)
    #expect(!spokenReactions(events).contains(.pleased))
    // Without the penalty the same reply pleases.
    let neutral = makeEngine(scenario: makeHubScenario(), persona: persona)
    let (s0, _) = neutral.start(seed: 2)
    let (s1, e1) = neutral.step(s0, .reply("[ack]"))
    #expect(s1.mood == s0.mood + 1)
    #expect(spokenReactions(e1).contains(.pleased))
}
