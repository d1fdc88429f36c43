import Testing
import Language

/// Replies that the shipped scenarios showed being misread, each with the reading a trainer expects
/// and a near miss that must read the other way.
@Suite("Misreadings found in play")
struct MisreadingTests {
    // MARK: - Transfers

    @Test(arguments: [
        Case("Let me transfer you to billing.", true, words: "transfer you"),
        Case("transfer you to billing", true),
        Case("I'll transfer you over.", true),
        Case("I'm going to pass you to our retentions team.", true, words: "pass you to"),
        Case("You'll need to call the other department.", true),
        Case("Shall I transfer you to billing?", true),
        Case("I'll get you transferred to billing.", true, words: "get you transferred"),
        Case("I can't transfer you, you'll have to call them.", true),
        Case("I won't transfer you.", false),
        Case("No more transfers.", false),
        Case("I'm not going to pass you on.", false),
        Case("You're right: no transfer. I'm keeping this with me.", false),
        Case("I'll get someone from the billing team to call you.", false),
    ])
    func transfer(_ c: Case) { expectSignal(c, \.suggestsTransfer, .suggestsTransfer) }

    /// Refusing to pass the customer on is the agent keeping the case: ownership, not negative wording.
    @Test(arguments: [
        "I won't transfer you.", "No more transfers.", "I'm not going to pass you on.",
        "You're right, and I won't pass you on.", "You'll stay with me: no more transfers.",
    ])
    func refusingToTransferIsOwnership(_ reply: String) {
        let s = analyze(reply)
        #expect(!s.suggestsTransfer)
        #expect(s.nextSteps.ownership)
        #expect(!s.negativeLanguage)
    }

    // MARK: - Small talk

    @Test(arguments: [
        Case("Lovely weather today!", true, words: "Lovely weather"),
        Case("How was your weekend?", true),
        Case("Did you see the match?", true, words: "Did you see the match"),
        Case("Any plans for the holidays?", true),
        Case("Any plans?", true),
        Case("How are you?", true),
        Case("How are you doing today?", true),
        Case("Is it raining there?", true),
        Case("How's the weather where you are?", true),
        Case("How are you finding the new office?", false),
        Case("I love the new office.", false),
        Case("How are you getting on with your new plan?", false),
        Case("I can see your new plan.", false),
        Case("So it's worse in the rain.", false),
        Case("So it's worse when it rains.", false),
        Case("The line crackles whenever it's raining.", false),
        Case("Is the crackle worse in wet weather?", false),
        Case("Did you see the email we sent you?", false),
        Case("Any plans to move house?", false),
        Case("We can pause your plan while you're on holiday.", false),
    ])
    func smallTalk(_ c: Case) { expectSignal(c, \.smallTalk, .smallTalk) }

    // MARK: - Negative language

    @Test(arguments: [
        Case("I can't do that.", true, words: "can't"),
        Case("Not unless you send it.", true, words: "unless"),
        Case("It's our policy.", true),
        Case("Unfortunately it's gone.", true),
        Case("There's nothing I can do.", true),
        Case("I'm rejecting the request.", true),
        Case("I'll note that.", false),
        Case("I've noted that down.", false),
        Case("There is a fault.", false),
        Case("There's a fault on the line.", false),
        Case("No wonder you're fed up.", false),
        Case("No problem.", false),
        Case("I won't stop until it's fixed.", false),
        Case("The order was rejected on the 5th because the names don't match.", false),
    ])
    func negativeLanguage(_ c: Case) { expectSignal(c, \.negativeLanguage, .negativeLanguage) }

    // MARK: - Probing questions and hollow closers

    struct Probe: Sendable, CustomTestStringConvertible {
        var reply: String
        var open: Bool
        var hollow: Bool
        var testDescription: String { reply }
    }

    @Test(arguments: [
        Probe(reply: "Is anything else not working at home, on the phone line?", open: false, hollow: false),
        Probe(reply: "Is there anything else that's not working as it should?", open: false, hollow: false),
        Probe(reply: "What else is wrong with the service?", open: true, hollow: false),
        Probe(reply: "Before I book the fix: what else isn't working at home?", open: true, hollow: false),
        Probe(reply: "Is there anything else I can help you with today?", open: false, hollow: true),
        Probe(reply: "Anything else?", open: false, hollow: true),
        Probe(reply: "Can I help with anything else?", open: false, hollow: true),
    ])
    func probingIsNotAHollowCloser(_ p: Probe) {
        let s = analyze(p.reply)
        #expect(s.asksQuestion)
        #expect(s.asksOpenQuestion == p.open)
        #expect(s.hollowCloser == p.hollow)
        #expect((s.evidence(for: .hollowCloser) != nil) == p.hollow)
    }

    // MARK: - Offers

    @Test(arguments: [
        Case("I can switch on Call Protect for you.", true, words: "I can switch on Call Protect"),
        Case("Shall I switch on Call Protect for you?", true),
        Case("I can divert your number to your mobile for free.", true),
        Case("I could move you to the £12 plan.", true),
        Case("We've got a mesh kit that would sort the upstairs wi-fi.", true),
        Case("I can add an extra 10GB of data for £2.", true),
        Case("I could put you on our unlimited plan.", true),
        Case("I can see the fault.", false),
        Case("I can check that for you.", false),
        Case("I can reset your line for you.", false),
        Case("I can add a note to your account.", false),
        Case("I can set up a callback for you.", false),
        Case("We have a plan to fix it.", false),
        Case("There's a £5 a month charge for the visit.", false),
        Case("I can send you a free replacement router.", false),
        Case("I can't switch you to a cheaper plan.", false),
        Case("Do you want me to add a spending cap to the line?", true),
        Case("Which day would you like the engineer?", false),
        Case("I'll call you back with what we can offer.", false),
        Case("There's nothing we can do about spam texts.", false),
    ])
    func offers(_ c: Case) { expectSignal(c, \.offers, .offers) }

    @Test func proposedKitMeetsTheOpening() {
        let s = analyze("We've got a mesh kit that would sort the upstairs wi-fi.")
        #expect(s.offeredOpenings == ["mesh"])
    }

    // MARK: - Apologies and empathy

    @Test(arguments: ["I'm so sorry.", "I'm so sorry about that.", "I'm really sorry."])
    func apologyAloneIsNotOwnership(_ reply: String) {
        let s = analyze(reply)
        #expect(s.acknowledges)
        #expect(s.apologyOnly)
        #expect(s.nextSteps == NextSteps())
        #expect(s.evidence(for: .ownership) == nil)
    }

    @Test(arguments: [
        Case("I'm so sorry.", true),
        Case("This is the third call today, I'm so sorry.", true),
        Case("I understand your problem.", false),
        Case("I understand how frustrating that is.", false),
        Case("That must be really frustrating.", false),
        Case("No wonder you're fed up.", false),
        Case("You're right, and we let you down. I'm picking it up myself now.", false),
    ])
    func onlyAnApologyIsApologyOnly(_ c: Case) { expectSignal(c, \.apologyOnly, .apologyOnly) }

    @Test func genericUnderstandingIsAWeakAcknowledgement() {
        let s = analyze("I understand your problem.")
        #expect(s.acknowledges)
        #expect(!s.apologyOnly)
        #expect(!s.paraphrases)
        #expect(s.evidence(for: .paraphrases) == nil)
    }

    @Test func empathyIsAnAcknowledgement() {
        let s = analyze("I understand how frustrating that is.")
        #expect(s.acknowledges)
        #expect(!s.apologyOnly)
        #expect(!s.paraphrases)
    }

    // MARK: - Timescales

    @Test(arguments: [
        Case("I'll fix it by Friday.", true, words: "by Friday"),
        Case("It'll be fixed within 48 hours.", true, words: "within 48 hours"),
        Case("I'll call you at 4 tomorrow.", true, words: "at 4 tomorrow"),
        Case("I'll call you in the next ten minutes.", true, words: "in the next ten minutes"),
        Case("The engineer will come between 8 and 1 on Friday.", true),
        Case("I'll get it fixed today.", true, words: "today"),
        Case("I'll call you in a few days.", true),
        Case("Let's stop the lost calls today.", true, words: "today"),
        Case("It can arrive before tomorrow's visit.", true),
        Case("Three calls in a week, that's awful.", false),
        Case("That's the third time this week.", false),
        Case("That's three times this week, I'm sorry.", false),
        Case("You've rung twice today.", false),
        Case("So it's been down since Tuesday.", false),
        Case("So it's down since Tuesday morning.", false),
        Case("So it's been down for three days.", false),
        Case("This morning's line test shows a fault.", false),
        Case("Your next bill shows a few days of each plan.", false),
    ])
    func timescale(_ c: Case) { expectSignal(c, \.nextSteps.timescale, .timescale) }

    // MARK: - Open and closed questions

    @Test(arguments: [
        ("What is your account number?", false),
        ("What's your postcode?", false),
        ("What's the best number to reach you?", false),
        ("What's your name?", false),
        ("Sorry, what's your account number?", false),
        ("What happens when you try to connect?", true),
        ("How has this affected your work?", true),
        ("Tell me what you've tried so far.", true),
        ("What seems to be the problem?", true),
        ("What's the problem with the router?", true),
    ])
    func informationRequestsAreClosed(reply: String, open: Bool) {
        let s = analyze(reply)
        #expect(s.asksQuestion)
        #expect(s.asksOpenQuestion == open)
        #expect((s.evidence(for: .asksOpenQuestion) != nil) == open)
    }

    @Test(arguments: [
        "I'll tell you what happens next.",
        "In the next few minutes I'll tell you what went wrong and exactly what happens next.",
        "I know what happened, I'll explain.",
    ])
    func reportedQuestionIsNotAQuestion(_ reply: String) {
        let s = analyze(reply)
        #expect(!s.asksQuestion)
        #expect(!s.asksOpenQuestion)
    }

    // MARK: - Checks that held

    @Test(arguments: ["Have I got that right?", "Is that correct?"])
    func checksUnderstanding(_ reply: String) {
        #expect(analyze(reply).checksUnderstanding)
    }

    @Test func callbackWithTimeIsOwned() {
        let s = analyze("I'll call you back at 4 tomorrow on this number.")
        #expect(s.nextSteps.action)
        #expect(s.nextSteps.timescale)
        #expect(s.nextSteps.ownership)
        #expect(s.explainsNextSteps)
    }

    @Test func textWithReferenceConfirms() {
        #expect(analyze("You'll get a text with the reference.").nextSteps.confirmation)
    }

    @Test func keepingTheRouterPluggedInIsTheCustomersPart() {
        #expect(analyze("All you need to do is keep the router plugged in.").nextSteps.customerAction)
    }

    // MARK: - Readings of the scenarios' model replies

    @Test(arguments: [
        Case("I've added a free data boost.", true, words: "I've added"),
        Case("You're booked for tomorrow, 8 till 1.", true),
        Case("I'm picking it up myself now.", true),
        Case("It crackles more in the damp.", false),
    ])
    func actions(_ c: Case) { expectSignal(c, \.nextSteps.action, .action) }

    @Test(arguments: [
        Case("I'm taking ownership of this myself.", true),
        Case("This is mine now.", true),
        Case("I'm your contact until it's done.", true),
        Case("I'll sort it out myself.", true),
        Case("The billing team will sort it.", false),
    ])
    func ownership(_ c: Case) { expectSignal(c, \.nextSteps.ownership, .ownership) }

    @Test(arguments: [
        Case("Unplug it for ten seconds.", true, words: "Unplug"),
        Case("Keep it plugged in.", true),
        Case("Anyone in your contacts rings through as normal.", false),
        Case("It stays on until the move completes.", false),
    ])
    func instructions(_ c: Case) { expectSignal(c, \.nextSteps.customerAction, .customerAction) }
}
