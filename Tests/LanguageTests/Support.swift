import Testing
import Language

/// A scenario context like a broadband-fault call, with cues for every kind of scenario item.
let broadband = ReplyContext(
    customerLine: "My broadband has been down since Tuesday, there's a crackle on the line and I've called three times!",
    facts: [
        Cue(id: "since-tuesday", cues: ["tuesday|three days"]),
        Cue(id: "called-three", cues: ["three times|3 times|third time"]),
        Cue(id: "crackle", cues: ["crackle|noise on the line"]),
        Cue(id: "postcode", cues: ["postcode|post code"]),
    ],
    givenFacts: ["since-tuesday", "called-three", "crackle", "postcode"],
    openings: [Cue(id: "mesh", cues: ["mesh|booster"])],
    nextNeeds: [Cue(id: "lights", cues: ["flash*|orange light"])],
    issues: [Cue(id: "outage", cues: ["broadband|connection|internet"])],
    knowledge: .low)

/// One reply and whether a signal should fire on it.
struct Case: Sendable, CustomTestStringConvertible {
    var reply: String
    var fires: Bool
    /// The words the evidence must quote, when the signal fires.
    var words: String?

    init(_ reply: String, _ fires: Bool, words: String? = nil) {
        self.reply = reply
        self.fires = fires
        self.words = words
    }

    var testDescription: String { "\(fires ? "fires" : "quiet"): \(reply)" }
}

func analyze(_ reply: String, _ context: ReplyContext = broadband) -> Signals {
    ReplyAnalyzer().analyze(reply, context: context)
}

/// Checks one boolean signal and, when it fires, that its evidence quotes the reply.
func expectSignal(_ c: Case, _ path: KeyPath<Signals, Bool>, _ name: SignalName,
                  context: ReplyContext = broadband, sourceLocation: SourceLocation = #_sourceLocation) {
    let s = analyze(c.reply, context)
    #expect(s[keyPath: path] == c.fires, "\(name) on \"\(c.reply)\"", sourceLocation: sourceLocation)
    if c.fires {
        let evidence = s.evidence(for: name)
        #expect(evidence != nil, "no evidence for \(name)", sourceLocation: sourceLocation)
        if let words = evidence?.words {
            #expect(c.reply.contains(words), "evidence \"\(words)\" is not the trainee's text", sourceLocation: sourceLocation)
            if let expected = c.words {
                #expect(words == expected, sourceLocation: sourceLocation)
            }
        }
    } else {
        #expect(s.evidence(for: name) == nil, "unexpected evidence for \(name)", sourceLocation: sourceLocation)
    }
}
