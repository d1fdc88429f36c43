import Testing
import Language

/// Misreadings seen while playing the shipped scenarios, each pinned so it stays fixed.
@Suite("Misreadings found playing the shipped scenarios")
struct PlayMisreadingTests {
    // MARK: - Next steps

    @Test(arguments: [
        Case("I've taken the £61.40 off your bill.", true, words: "I've taken"),
        Case("I've taken it off now.", true),
        Case("Done: the late fee is off your account.", true, words: "Done"),
        Case("Done - it's booked for Wednesday.", true),
        Case("I've not taken anything yet.", false),
    ])
    func irregularAndOneWordActions(_ c: Case) { expectSignal(c, \.nextSteps.action, .action) }

    @Test func aTakenActionIsNotAnEmptyReply() {
        #expect(!analyze("I've taken it off now.").empty)
    }

    @Test(arguments: [
        Case("It's the one you press for your emails.", false),
        Case("Press the envelope for your emails.", false),
        Case("I'll email you when it's done.", true),
        Case("You'll get an email to confirm it.", true),
        Case("I'll send you a confirmation email.", true),
        Case("I'll text you a link to reset your password.", false),
        Case("You'll get a text with a one-time code.", false),
    ])
    func confirmationNeedsASendingSense(_ c: Case) { expectSignal(c, \.nextSteps.confirmation, .confirmation) }

    @Test(arguments: [
        Case("Would you like me to set you up with our Website Starter?", true),
        Case("We have a Website Starter that would get you online this week.", true),
        Case("A mesh kit would fix the upstairs signal. Shall I add it?", true, words: "Shall I add it"),
        Case("Shall I add it?", false),
    ])
    func offersByNameAndAcrossSentences(_ c: Case) { expectSignal(c, \.offers, .offers) }

    @Test(arguments: ["3-5 working days", "3–5 working days", "3 - 5 working days"])
    func aRangeOfDaysMeetsARangeCue(_ range: String) {
        let context = ReplyContext(customerLine: "", nextNeeds: [Cue(id: "refund-time", cues: ["3-5"])])
        let s = analyze("The refund reaches your card in \(range).", context)
        #expect(s.anticipatedNeeds == ["refund-time"])
        #expect(s.nextSteps.timescale)
    }

    @Test func aNegatedOpeningDoesNotHideALaterOne() {
        let context = ReplyContext(customerLine: "", openings: [Cue(id: "mesh", cues: ["booster"])])
        let s = analyze("You don't need a booster for the kitchen, but a booster upstairs would help. Would you like one?", context)
        #expect(s.offeredOpenings == ["mesh"])
        let need = ReplyContext(customerLine: "", nextNeeds: [Cue(id: "show", cues: ["show up"])])
        #expect(analyze("If it doesn't show up today, it will show up by Friday.", need).anticipatedNeeds == ["show"])
    }

    @Test func aProposalNamingTheOpeningOffersIt() {
        let context = ReplyContext(customerLine: "", openings: [Cue(id: "reroute", cues: ["manchester", "re-route|reroute"])])
        let s = analyze("I can ask the NOC, on the ticket, to re-route your numbers through Manchester.", context)
        #expect(s.offeredOpenings == ["reroute"])
        #expect(s.offers)
        // Naming it without proposing anything is not an offer.
        #expect(analyze("Manchester was re-routed last year.", context).offeredOpenings.isEmpty)
    }

    @Test(arguments: ["I'm the case owner.", "I'll be your named owner for this.", "I am the owner of the ticket."])
    func namingYourselfTheOwnerIsOwnership(_ reply: String) {
        #expect(analyze(reply, ReplyContext(customerLine: "")).nextSteps.ownership)
    }

    // MARK: - Negative language

    @Test(arguments: [
        Case("You won't pay twice.", false),
        Case("One hub won't reach upstairs, so I'm sending two.", false),
        Case("The new tank can't drain by itself.", false),
        Case("You won't need the website at all.", false),
        Case("There's nothing to pay.", false),
        Case("I've booked a protected slot, which can't be moved.", false),
        Case("What's your policy number?", false),
        Case("Your insurance policy covers the hotel.", false),
        Case("So work couldn't reach you last night.", false),
        Case("I can't change the date.", true),
        Case("We won't be able to refund it.", true),
        Case("You can't change it online.", true),
        Case("Our policy is not to refund.", true),
    ])
    func negativeLanguageIsARefusal(_ c: Case) { expectSignal(c, \.negativeLanguage, .negativeLanguage) }

    // MARK: - Blame

    @Test(arguments: [
        Case("So you were told a week, and it's been three.", false),
        Case("You haven't used your £150 allowance yet.", false),
        Case("You've not done anything wrong.", false),
        Case("That's more than when you were told £42.", false),
        Case("It wasn't your fault.", false),
        Case("Did you set up two direct debits by mistake?", true),
        Case("It's in the terms you agreed to.", true),
        Case("That's done by the finance team, you'll need to take it up with them.", true),
    ])
    func blameIsPuttingTheFaultOnSomeone(_ c: Case) { expectSignal(c, \.blame, .blame) }

    // MARK: - Small talk and questions

    @Test(arguments: [
        Case("Karen's on holiday this week.", false),
        Case("The doctor is on holiday until Monday.", false),
        Case("Is the cricket on?", false),
        Case("How are you handling your online marketing now?", false),
        Case("How are you finding the new system?", false),
        Case("How are you getting on with the app?", false),
        Case("How are you?", true),
        Case("Going anywhere nice on holiday?", true),
    ])
    func smallTalkIsChat(_ c: Case) { expectSignal(c, \.smallTalk, .smallTalk) }

    @Test(arguments: [
        "How are you handling your online marketing now?", "How are you finding the new system?",
    ])
    func needsQuestionsAreOpen(_ reply: String) {
        let s = analyze(reply)
        #expect(s.asksOpenQuestion)
        #expect(!s.smallTalk)
    }

    @Test(arguments: [
        Case("So you're moving on the 14th.", false),
        Case("So you're still on the old tariff.", false),
        Case("So you don't have to call us again, I've set it to renew itself.", true),
    ])
    func playingBackIsNotAnticipating(_ c: Case) { expectSignal(c, \.anticipates, .anticipates) }

    @Test func stayingOnTheLineIsNotAQuestion() {
        let s = analyze("I'll stay on the line until she picks up.")
        #expect(!s.asksQuestion)
        #expect(!s.asksOpenQuestion)
        #expect(s.nextSteps.ownership)
    }

    // MARK: - Calm down, apologies and acknowledgement

    @Test(arguments: [
        Case("Please don't swear at me.", false),
        Case("I won't accept being sworn at.", false),
        Case("Please calm down.", true),
    ])
    func aBoundaryIsNotCalmDown(_ c: Case) { expectSignal(c, \.calmDown, .calmDown) }

    @Test func aBoundaryIsNotNegativeLanguage() {
        #expect(!analyze("I won't accept being sworn at.").negativeLanguage)
    }

    @Test(arguments: [
        "I understand you're upset. If the personal comments carry on, I'll end the call.",
        "Thank you for calling.",
    ])
    func noApologyNoApologyOnly(_ reply: String) {
        #expect(!analyze(reply).apologyOnly)
    }

    @Test(arguments: [
        Case("That must have been frightening.", true),
        Case("That's a serious hit for you.", true),
        Case("That's a big blow, I'm sorry.", true),
    ])
    func moreAcknowledgements(_ c: Case) { expectSignal(c, \.acknowledges, .acknowledges) }

    @Test(arguments: [
        Case("I'll route the refund back to your card.", false),
        Case("Take the route past the station.", false),
        Case("We'll check the routing on our side.", true),
        Case("Your lane is fine; the LAN port on the router is the problem.", true, words: "LAN port"),
    ])
    func everydayWordsAreNotJargon(_ c: Case) { expectSignal(c, \.jargon, .jargon) }

    // MARK: - Paraphrase against the customer's own words

    struct Restating: Sendable, CustomTestStringConvertible {
        var customer: String
        var reply: String
        var paraphrases: Bool
        var testDescription: String { "\(paraphrases ? "restates" : "does not"): \(reply)" }
    }

    @Test(arguments: [
        Restating(customer: "Is breakfast included in my hotel booking?", reply: "Yes, breakfast is included.", paraphrases: false),
        Restating(customer: "A man came to read my meter and was rude to my mum.",
                  reply: "Our meter readers are employed by an agency.", paraphrases: false),
        Restating(customer: "I'd like to increase my overdraft limit please.",
                  reply: "Unfortunately I'm not allowed to increase overdrafts over the phone.", paraphrases: false),
        Restating(customer: "I've emailed five times and nobody replies!",
                  reply: "Five emails and no reply - I'm sorry.", paraphrases: true),
        Restating(customer: "My water pressure is terrible since the works.",
                  reply: "That's annoying - so the pressure's been poor since then.", paraphrases: true),
        Restating(customer: "I've got chest pains, can I get an appointment today?",
                  reply: "Chest pain needs checking straight away.", paraphrases: true),
        Restating(customer: "The signal at my house is terrible, calls keep dropping.",
                  reply: "Your signal at the house drops, I'm sorry.", paraphrases: true),
    ])
    func paraphraseRestatesTheCustomersSpecifics(_ c: Restating) {
        let s = ReplyAnalyzer().analyze(c.reply, context: .fromCustomerLine(c.customer))
        #expect(s.paraphrases == c.paraphrases, "\(s.paraphrasedFacts)")
    }

    @Test func scenarioFactsStillCountOnOneCue() {
        let s = analyze("The crackle sounds awful.")
        #expect(s.paraphrasedFacts == ["crackle"])
    }
}
