import Foundation
import Progress
import Testing

// Records as this version writes them, frozen. Later versions must keep loading them, so a trainer's
// old records never become unreadable: if a change to a record type (or to anything it holds, such as
// the analyser's Signals) makes these fail, give the new field a default when decoding, or bump
// `schemaVersion` and migrate, rather than editing the text below.

/// `sessions/20240305-140709-ana-mar%C3%ADa-beef.json`, schema version 1.
private let sessionVersion1 = #"""
    {
      "endedAt" : "2024-03-05T14:12:09Z",
      "ending" : {
        "id" : "fixed",
        "kind" : "resolved",
        "note" : "Resolved on the call."
      },
      "id" : "20240305-140709-ana-mar%C3%ADa-beef",
      "issuesRaised" : [
        "outage"
      ],
      "issuesResolved" : [
        "outage"
      ],
      "mode" : "practice",
      "moodPath" : [
        -1,
        1
      ],
      "notes" : [
        "prefers email"
      ],
      "persona" : "maya",
      "personaName" : "Maya Patel",
      "scenario" : "broadband-down",
      "scenarioTitle" : "Broadband down since Monday",
      "schemaVersion" : 1,
      "score" : {
        "ending" : {
          "id" : "fixed",
          "kind" : "resolved",
          "note" : "Resolved on the call."
        },
        "issuesRaised" : [
          "outage"
        ],
        "issuesResolved" : [
          "outage"
        ],
        "modelReplies" : [

        ],
        "overall" : 64,
        "skills" : [
          {
            "evidence" : [
              {
                "effect" : "earned",
                "points" : 10,
                "reason" : "You recognised how the customer felt.",
                "turn" : 1,
                "words" : "I'm sorry"
              }
            ],
            "score" : 64,
            "skill" : "active_listening",
            "tip" : "Keep naming the customer's situation before you fix it."
          },
          {
            "evidence" : [
              {
                "effect" : "earned",
                "points" : 10,
                "reason" : "You recognised how the customer felt.",
                "turn" : 1,
                "words" : "I'm sorry"
              }
            ],
            "score" : 64,
            "skill" : "paraphrasing",
            "tip" : "Keep naming the customer's situation before you fix it."
          },
          {
            "evidence" : [
              {
                "effect" : "earned",
                "points" : 10,
                "reason" : "You recognised how the customer felt.",
                "turn" : 1,
                "words" : "I'm sorry"
              }
            ],
            "score" : 64,
            "skill" : "next_steps",
            "tip" : "Keep naming the customer's situation before you fix it."
          },
          {
            "evidence" : [
              {
                "effect" : "earned",
                "points" : 10,
                "reason" : "You recognised how the customer felt.",
                "turn" : 1,
                "words" : "I'm sorry"
              }
            ],
            "score" : 64,
            "skill" : "forward_resolution",
            "tip" : "Keep naming the customer's situation before you fix it."
          }
        ]
      },
      "seed" : 12345,
      "startedAt" : "2024-03-05T14:07:09Z",
      "trainee" : "Ana María",
      "traineeKey" : "ana-mar%C3%ADa",
      "transcript" : [
        {
          "node" : "open",
          "speaker" : "customer",
          "text" : "My broadband has been down since Monday and I work from home.",
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
              {
                "signal" : "acknowledges",
                "words" : "I'm sorry"
              },
              {
                "ref" : "since_monday",
                "signal" : "paraphrases",
                "words" : "since Monday"
              }
            ],
            "hollowCloser" : false,
            "jargon" : false,
            "negativeLanguage" : false,
            "nextSteps" : {
              "action" : true,
              "confirmation" : false,
              "customerAction" : false,
              "ownership" : false,
              "timescale" : true
            },
            "offeredOpenings" : [

            ],
            "offers" : false,
            "paraphrasedFacts" : [
              "since_monday"
            ],
            "smallTalk" : false,
            "suggestsTransfer" : false
          },
          "speaker" : "agent",
          "text" : "I'm sorry it's been down since Monday; I'll reset the line now.",
          "turn" : 1
        },
        {
          "node" : "open",
          "speaker" : "customer",
          "text" : "Thanks, that's sorted then.",
          "turn" : 1
        }
      ]
    }
    """#

/// `trainees/ana-mar%C3%ADa.json`, schema version 1.
private let profileVersion1 = #"""
    {
      "createdAt" : "2024-03-05T15:00:00Z",
      "key" : "ana-mar%C3%ADa",
      "lastPracticeAt" : "2024-03-05T14:12:09Z",
      "name" : "Ana María",
      "schemaVersion" : 1,
      "sessions" : [
        {
          "endedAt" : "2024-03-05T14:12:09Z",
          "ending" : "resolved",
          "id" : "20240305-140709-ana-mar%C3%ADa-beef",
          "mode" : "practice",
          "overall" : 64,
          "persona" : "maya",
          "scenario" : "broadband-down",
          "skills" : {
            "active_listening" : 64,
            "forward_resolution" : 64,
            "next_steps" : 64,
            "paraphrasing" : 64
          },
          "startedAt" : "2024-03-05T14:07:09Z"
        }
      ]
    }
    """#

private let sessionID = "20240305-140709-ana-mar%C3%ADa-beef"

/// Puts frozen files into a fresh store as if an earlier version had written them.
private func withOldRecords(session: String = sessionVersion1, profile: String = profileVersion1,
                            _ body: (RecordStore) throws -> Void) throws {
    try withStore { store in
        try Data(session.utf8).write(to: store.sessionsFolder.appendingPathComponent("\(sessionID).json"))
        try Data(profile.utf8).write(to: store.traineesFolder.appendingPathComponent("ana-mar%C3%ADa.json"))
        try body(store)
    }
}

@Test func aVersion1CallRecordStillLoads() throws {
    try withOldRecords { store in
        let loaded = try #require(store.session(id: sessionID))
        let record = try loaded.get()
        #expect(record.schemaVersion == 1)
        #expect(record.id == sessionID)
        #expect(record.trainee == "Ana María")
        #expect(record.traineeKey == "ana-mar%C3%ADa")
        #expect(record.scenario == "broadband-down")
        #expect(record.scenarioTitle == "Broadband down since Monday")
        #expect(record.persona == "maya")
        #expect(record.personaName == "Maya Patel")
        #expect(record.mode == .practice)
        #expect(record.seed == 12345)
        #expect(record.startedAt == utc(2024, 3, 5, 14, 7, 9))
        #expect(record.endedAt == utc(2024, 3, 5, 14, 12, 9))
        #expect(record.ending?.kind == .resolved)
        #expect(record.moodPath == [-1, 1])
        #expect(record.issuesRaised == ["outage"])
        #expect(record.issuesResolved == ["outage"])
        #expect(record.notes == ["prefers email"])
        #expect(record.transcript.map(\.speaker) == [.customer, .agent, .customer])
        let signals = try #require(record.transcript[1].signals)
        #expect(signals.acknowledges)
        #expect(signals.paraphrasedFacts == ["since_monday"])
        #expect(signals.nextSteps.action && signals.nextSteps.timescale)
        #expect(signals.evidence.map(\.words) == ["I'm sorry", "since Monday"])
        #expect(record.transcript[1].moodAfter == 1)
        #expect(record.score.overall == 64)
        #expect(record.score.skills.map(\.skill) == [.activeListening, .paraphrasing, .nextSteps, .forwardResolution])
        #expect(record.score.skills.first?.evidence.first?.reason == "You recognised how the customer felt.")
        #expect(record.summary.skills["next_steps"] == 64)

        let trainee = try trainee("Ana María")
        #expect(store.sessions(for: trainee).0.map(\.id) == [sessionID])
        #expect(store.allSessions().1.isEmpty)
    }
}

@Test func aVersion1ProfileStillLoads() throws {
    try withOldRecords { store in
        let (profile, damaged) = store.profile(for: try trainee("Ana María"))
        #expect(damaged.isEmpty)
        let loaded = try #require(profile)
        #expect(loaded.schemaVersion == 1)
        #expect(loaded.name == "Ana María")
        #expect(loaded.key == "ana-mar%C3%ADa")
        #expect(loaded.createdAt == utc(2024, 3, 5, 15))
        #expect(loaded.lastPracticeAt == utc(2024, 3, 5, 14, 12, 9))
        #expect(loaded.sessions == [
            SessionSummary(id: sessionID, scenario: "broadband-down", persona: "maya", mode: .practice,
                           startedAt: utc(2024, 3, 5, 14, 7, 9), endedAt: utc(2024, 3, 5, 14, 12, 9),
                           ending: .resolved, overall: 64,
                           skills: ["active_listening": 64, "paraphrasing": 64, "next_steps": 64, "forward_resolution": 64]),
        ])
        #expect(store.allProfiles().0.map(\.name) == ["Ana María"])
    }
}

@Test func aNewCallIsAddedToAVersion1Profile() throws {
    try withOldRecords { store in
        let ana = try trainee("Ana María")
        let record = Fixture.record(ana, at: utc(2024, 3, 6, 10))
        #expect(try store.save(session: record).isEmpty)
        let profile = try #require(store.profile(for: ana).0)
        #expect(profile.sessions.map(\.id) == [sessionID, record.id])
        #expect(profile.createdAt == utc(2024, 3, 5, 15))
    }
}

@Test func fieldsAddedByALaterVersionAreIgnored() throws {
    let session = sessionVersion1.replacingOccurrences(of: "\"schemaVersion\" : 1,", with: "\"schemaVersion\" : 1, \"rating\" : 5,")
    let profile = profileVersion1.replacingOccurrences(of: "\"schemaVersion\" : 1,", with: "\"schemaVersion\" : 1, \"goals\" : [],")
    #expect(session != sessionVersion1 && profile != profileVersion1)
    try withOldRecords(session: session, profile: profile) { store in
        let record = try #require(store.session(id: sessionID))
        #expect(try record.get().id == sessionID)
        let ana = try trainee("Ana María")
        #expect(store.profile(for: ana).0?.sessions.count == 1)
    }
}

/// The fields added to the version 1 call record since it was first frozen (an assessment's result,
/// the group session, the customer's view), as this version writes them.
private let sessionVersion1WithLaterFields = sessionVersion1
    .replacingOccurrences(of: "\"mode\" : \"practice\",", with: """
        "mode" : "assessment",
        "assessment" : { "attempt" : 2, "maxAttempts" : 3, "passMark" : 70, "passed" : false, "timeLimitSeconds" : 600, "timedOut" : true },
        "groupSession" : "20240305-140700-group-beef",
        """)
    .replacingOccurrences(of: "\"score\" : {", with: """
        "score" : {
          "experience" : {
            "effort" : 2, "effortWhy" : "The customer's mood dropped once.",
            "firstContact" : "follow_up_owned",
            "moments" : [
              { "name" : "Understand me", "score" : 64, "verdict" : "partly met", "why" : "The average." },
              { "name" : "Help me", "score" : 64, "verdict" : "partly met", "why" : "Next steps." },
              { "name" : "Care about me", "score" : 80, "verdict" : "met", "why" : "Acknowledged early." },
              { "name" : "Resolve me", "score" : 30, "verdict" : "missed", "why" : "Forward resolution." }
            ],
            "satisfaction" : 3, "satisfactionWhy" : "The mood ended at 1."
          },
        """)

@Test func aCallRecordWithTheLaterOptionalFieldsStillLoads() throws {
    #expect(sessionVersion1WithLaterFields.contains("\"experience\"") && sessionVersion1WithLaterFields.contains("\"groupSession\""))
    try withOldRecords(session: sessionVersion1WithLaterFields) { store in
        let record = try #require(store.session(id: sessionID)).get()
        #expect(record.mode == .assessment)
        #expect(record.assessment?.attempt == 2)
        #expect(record.assessment?.timedOut == true)
        #expect(record.groupSession == "20240305-140700-group-beef")
        let experience = try #require(record.score.experience)
        #expect(experience.moments.map(\.score) == [64, 64, 80, 30])
        #expect(experience.firstContact == .followUpOwned)
        #expect(experience.effort == 2 && experience.satisfaction == 3)
    }
}
