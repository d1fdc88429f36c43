import Dialogue
import Foundation
import Testing

/// A call that goes through most of the engine: a branch with a line, a catch-all loop, a hold, a note,
/// a resolved issue and an ending.
private let fullCall: [CallInput] = [
    .reply("[ack] [para:tuesday] [para:home]"),
    .reply("hmm, let me see"),
    .hold,
    .note("prefers email"),
    .reply("I'll send a new router, it arrives Thursday [action] [time]"),
    .reply("and the crackle [address:crackle]"),
]

@Test func sameSeedAndRepliesGiveTheSameCall() throws {
    let engine = makeEngine()
    let (a, eventsA) = engine.run(seed: 42, fullCall)
    let (b, eventsB) = engine.run(seed: 42, fullCall)
    #expect(a.isOver)
    #expect(a == b)
    #expect(eventsA == eventsB)
    #expect(try encodeJSON(a) == encodeJSON(b))
    // A separately built engine with equal content plays the same call.
    let (c, _) = makeEngine().run(seed: 42, fullCall)
    #expect(try encodeJSON(a) == encodeJSON(c))
}

@Test func differentSeedsCanPickDifferentLines() {
    let engine = makeEngine()
    var picked: Set<String> = []
    for seed in UInt64(0)..<40 {
        let (state, _) = engine.run(seed: seed, [.reply("[ack]")])
        picked.insert(state.lastCustomerLine)
        #expect(Lines.diagnose.contains(state.lastCustomerLine))
    }
    #expect(picked.count > 1)
    #expect(picked.count <= Lines.diagnose.count)
}

@Test func seededRandomIsReproducible() {
    var a = SeededRandom(seed: 9), b = SeededRandom(seed: 9), c = SeededRandom(seed: 10)
    let first = (0..<8).map { _ in a.next() }
    #expect(first == (0..<8).map { _ in b.next() })
    #expect(first != (0..<8).map { _ in c.next() })
    var empty = SeededRandom(seed: 1)
    #expect(empty.pick([Int]()) == nil)
    #expect(empty.state == 1, "picking from nothing draws no number")
    var one = SeededRandom(seed: 1)
    #expect(one.pick(["only"]) == "only")
}

/// Saving after any number of steps and carrying on from the saved JSON gives exactly the call that
/// was never interrupted.
@Test(arguments: 0...fullCall.count)
func savingAndRestoringMidCallChangesNothing(_ savedAfter: Int) throws {
    let engine = makeEngine()
    let (uninterrupted, _) = engine.run(seed: 7, fullCall)
    let (partial, _) = engine.run(seed: 7, Array(fullCall.prefix(savedAfter)))
    let restored = try decodeJSON(try encodeJSON(partial))
    #expect(restored == partial)
    let (final, _) = engine.run(seed: 7, Array(fullCall.dropFirst(savedAfter)), from: restored)
    #expect(final == uninterrupted)
    #expect(try encodeJSON(final) == encodeJSON(uninterrupted))
}

@Test(arguments: [UInt64(0), 1, UInt64(Int64.max), UInt64.max - 1, UInt64.max])
func extremeSeedsSurviveJSON(_ seed: UInt64) throws {
    let engine = makeEngine()
    let (state, _) = engine.run(seed: seed, [.reply("[ack]"), .reply("hmm")])
    let restored = try decodeJSON(try encodeJSON(state))
    #expect(restored.seed == seed)
    #expect(restored.random == state.random)
    #expect(restored == state)
}

/// A call saved by this version after two replies. Records and saved calls written today must keep
/// loading and carrying on as the format grows.
private let savedCall = #"""
{
  "flags" : [
    "heard"
  ],
  "givenFacts" : [
    "tuesday",
    "home",
    "third"
  ],
  "holds" : 1,
  "mood" : 0,
  "moodPath" : [
    -1,
    1,
    1,
    0
  ],
  "node" : "diagnose",
  "notes" : [
    "prefers email"
  ],
  "patience" : 5,
  "persona" : "pat",
  "raisedIssues" : [
    "down",
    "crackle"
  ],
  "random" : {
    "state" : 1663341875487339601
  },
  "resolvedIssues" : [

  ],
  "scenario" : "broadband",
  "schemaVersion" : 1,
  "seed" : 2024,
  "transcript" : [
    {
      "node" : "open",
      "speaker" : "customer",
      "text" : "It's been down since Tuesday and I work from home.",
      "turn" : 0
    },
    {
      "moodAfter" : 1,
      "node" : "open",
      "signals" : {
        "acknowledges" : true,
        "addressedIssues" : [

        ],
        "anticipatedNeeds" : [

        ],
        "anticipates" : false,
        "apologyOnly" : false,
        "asksAgainFor" : [

        ],
        "asksOpenQuestion" : false,
        "asksQuestion" : false,
        "blame" : false,
        "calmDown" : false,
        "checksUnderstanding" : false,
        "empty" : false,
        "evidence" : [

        ],
        "hollowCloser" : false,
        "jargon" : false,
        "negativeLanguage" : false,
        "nextSteps" : {
          "action" : false,
          "confirmation" : false,
          "customerAction" : false,
          "ownership" : false,
          "timescale" : false
        },
        "offeredOpenings" : [

        ],
        "offers" : false,
        "paraphrasedFacts" : [
          "tuesday",
          "home"
        ],
        "smallTalk" : false,
        "suggestsTransfer" : false
      },
      "speaker" : "agent",
      "text" : "[ack] [para:tuesday] [para:home]",
      "turn" : 1
    },
    {
      "node" : "diagnose",
      "speaker" : "customer",
      "text" : "Yes, exactly. Diagnose four.",
      "turn" : 1
    },
    {
      "command" : "hold",
      "node" : "diagnose",
      "speaker" : "system",
      "text" : "You put the customer on hold.",
      "turn" : 1
    },
    {
      "node" : "diagnose",
      "reaction" : "hold",
      "speaker" : "customer",
      "text" : "pat hold",
      "turn" : 1
    },
    {
      "command" : "notes",
      "node" : "diagnose",
      "speaker" : "system",
      "text" : "Note: prefers email",
      "turn" : 1
    },
    {
      "moodAfter" : 0,
      "node" : "diagnose",
      "signals" : {
        "acknowledges" : false,
        "addressedIssues" : [

        ],
        "anticipatedNeeds" : [

        ],
        "anticipates" : false,
        "apologyOnly" : false,
        "asksAgainFor" : [

        ],
        "asksOpenQuestion" : false,
        "asksQuestion" : false,
        "blame" : false,
        "calmDown" : false,
        "checksUnderstanding" : false,
        "empty" : false,
        "evidence" : [

        ],
        "hollowCloser" : false,
        "jargon" : false,
        "negativeLanguage" : false,
        "nextSteps" : {
          "action" : false,
          "confirmation" : false,
          "customerAction" : false,
          "ownership" : false,
          "timescale" : false
        },
        "offeredOpenings" : [

        ],
        "offers" : false,
        "paraphrasedFacts" : [

        ],
        "smallTalk" : false,
        "suggestsTransfer" : false
      },
      "speaker" : "agent",
      "text" : "hmm",
      "turn" : 2
    },
    {
      "node" : "diagnose",
      "speaker" : "customer",
      "text" : "Diagnose three.",
      "turn" : 2
    }
  ],
  "turn" : 2,
  "visits" : {
    "diagnose" : 2,
    "open" : 1
  }
}
"""#

@Test func callSavedTodayStillLoadsAndCarriesOn() throws {
    let saved = try decodeJSON(Data(savedCall.utf8))
    #expect(saved.schemaVersion == 1)
    #expect(saved.scenario == "broadband")
    #expect(saved.persona == "pat")
    #expect(saved.seed == 2024)
    #expect(saved.node == "diagnose")
    #expect(saved.visits == ["open": 1, "diagnose": 2])
    #expect(saved.turn == 2)
    #expect(saved.mood == 0)
    #expect(saved.patience == 5)
    #expect(saved.flags == ["heard"])
    #expect(saved.raisedIssues == ["down", "crackle"])
    #expect(saved.givenFacts == ["tuesday", "home", "third"])
    #expect(saved.moodPath == [-1, 1, 1, 0])
    #expect(saved.holds == 1)
    #expect(saved.notes == ["prefers email"])
    #expect(saved.ending == nil)
    let first = try #require(saved.transcript.first { $0.speaker == .agent })
    #expect(first.signals?.acknowledges == true)
    #expect(first.signals?.paraphrasedFacts == ["tuesday", "home"])
    #expect(first.moodAfter == 1)
    #expect(saved.transcript.contains { $0.reaction == .hold && $0.speaker == .customer })
    #expect(saved.transcript.contains { $0.command == "notes" })

    // Carrying on gives the same call as playing it through in one go.
    let engine = makeEngine()
    let rest: [CallInput] = [.reply("[action] [time]"), .reply("[address:crackle]")]
    let (final, _) = engine.run(seed: 0, rest, from: saved)
    let (whole, _) = engine.run(seed: 2024, savedCallInputs + rest)
    #expect(final.ending?.id == "fixed")
    #expect(final == whole)
}

/// The inputs that produced ``savedCall``.
private let savedCallInputs: [CallInput] = [
    .reply("[ack] [para:tuesday] [para:home]"), .hold, .note("prefers email"), .reply("hmm"),
]
