import Testing
import Language

@Suite("Active listening signals")
struct ListeningTests {
    @Test(arguments: [
        Case("I'm sorry to hear that.", true, words: "I'm sorry"),
        Case("That must be really frustrating.", true),
        Case("I can see why you're upset.", true),
        Case("Thanks for explaining all that.", true, words: "Thanks for explaining"),
        Case("I understand how annoying this is.", true),
        Case("That's really annoying, three calls in a week.", true),
        Case("I hear you.", true),
        Case("I apologise for the trouble.", true, words: "I apologise"),
        Case("I apologize for the trouble.", true),
        Case("Im really sorry about that", true),
        Case("Sorry, what's your account number?", false),
        Case("I'll book an engineer for tomorrow.", false),
        Case("I can see your account here.", false),
    ])
    func acknowledges(_ c: Case) { expectSignal(c, \.acknowledges, .acknowledges) }

    @Test(arguments: [
        Case("Have I got that right?", true),
        Case("So it's been down since Tuesday, is that correct?", true, words: "is that correct"),
        Case("Did I understand you correctly?", true),
        Case("Does that sound right?", true),
        Case("Just to confirm, it's been down since Tuesday?", true, words: "Just to confirm"),
        Case("So the crackle is worse at night, right?", true, words: "right"),
        Case("Is there anything else?", false),
        Case("Is the router switched on?", false),
        Case("Let me check the line.", false),
        Case("That's right, I'll book it now.", false),
    ])
    func checksUnderstanding(_ c: Case) { expectSignal(c, \.checksUnderstanding, .checksUnderstanding) }

    @Test(arguments: [
        Case("Is the router switched on?", true),
        Case("Do you have the router to hand", true),
        Case("What happens when you try to connect?", true),
        Case("Tell me what happened when it dropped.", true),
        Case("Is there anything else?", true),
        Case("I'll call you back at 4.", false),
        Case("When the router arrives, plug it in.", false),
        Case("Could you please restart the router.", false),
    ])
    func asksQuestion(_ c: Case) { expectSignal(c, \.asksQuestion, .asksQuestion) }

    @Test(arguments: [
        Case("What happens when you try to connect?", true),
        Case("How long does it stay connected?", true),
        Case("Tell me what happened when it dropped.", true),
        Case("Can you talk me through what you see?", true),
        Case("Why do you think it started?", true),
        Case("Could you describe the noise?", true),
        Case("Is the router switched on?", false),
        Case("Would you like a mesh booster?", false),
        Case("Is there anything else I can help with?", false),
        Case("How's your day going?", false),
    ])
    func asksOpenQuestion(_ c: Case) { expectSignal(c, \.asksOpenQuestion, .asksOpenQuestion) }

    @Test func hollowCloserAsksButChecksNothing() {
        let s = analyze("Is there anything else?")
        #expect(s.asksQuestion)
        #expect(s.hollowCloser)
        #expect(!s.checksUnderstanding)
        #expect(!s.asksOpenQuestion)
        #expect(s.evidence(for: .hollowCloser)?.words == "Is there anything else")
    }

    @Test(arguments: [
        Case("Is there anything else I can help you with today?", true),
        Case("Anything else today?", true),
        Case("Can I help with anything else?", true),
        Case("Is there anything else wrong with the line?", false),
        Case("I'll call you back at 4.", false),
    ])
    func hollowCloser(_ c: Case) { expectSignal(c, \.hollowCloser, .hollowCloser) }
}

@Suite("Next-step signals")
struct NextStepTests {
    @Test(arguments: [
        Case("I'll book an engineer.", true, words: "I'll book"),
        Case("I've raised a fault on the line.", true),
        Case("We will send a replacement router.", true),
        Case("I'm going to reset your line.", true),
        Case("Let me check that for you.", true),
        Case("Your refund has been processed.", true),
        Case("The engineer will visit on Monday.", true),
        Case("Refunds take up to 30 days.", false),
        Case("I can't promise a time.", false),
        Case("I won't be able to send it today.", false),
        Case("I understand.", false),
    ])
    func action(_ c: Case) { expectSignal(c, \.nextSteps.action, .action) }

    @Test(arguments: [
        Case("I'll call you by 4pm.", true, words: "by 4pm"),
        Case("The engineer comes tomorrow.", true, words: "tomorrow"),
        Case("It will be fixed within 48 hours.", true),
        Case("We'll send it on Monday.", true, words: "on Monday"),
        Case("It takes 3 working days.", true),
        Case("I'll ring you at 4.", true, words: "at 4"),
        Case("It'll be done by the end of the day.", true),
        Case("Refunds take up to 30 days.", true, words: "take up to 30 days"),
        Case("The new router will arrive on 12 March.", true),
        Case("I can't promise a time.", false),
        Case("I can't promise it'll be today.", false),
        Case("It dropped on Monday.", false),
        Case("Is there anything else I can help with today?", false),
    ])
    func timescale(_ c: Case) { expectSignal(c, \.nextSteps.timescale, .timescale) }

    @Test(arguments: [
        Case("You'll need to restart the router.", true),
        Case("Could you please send a photo of the lights?", true),
        Case("Please restart it once the light goes green.", true, words: "Please restart"),
        Case("If you can send me the bill, I'll check it.", true),
        Case("Unplug it for ten seconds.", true, words: "Unplug"),
        Case("I'll restart it from here.", false),
        Case("You won't need to do anything.", false),
        Case("Did you restart it?", false),
    ])
    func customerAction(_ c: Case) { expectSignal(c, \.nextSteps.customerAction, .customerAction) }

    @Test(arguments: [
        Case("You'll get an email with the details.", true, words: "You'll get an email"),
        Case("I'll text you when it's booked.", true),
        Case("Your reference number is 12345.", true, words: "reference number"),
        Case("We'll confirm it in a letter.", true),
        Case("You'll get an SMS.", true),
        Case("What's your email address?", false),
        Case("I won't send a letter.", false),
    ])
    func confirmation(_ c: Case) { expectSignal(c, \.nextSteps.confirmation, .confirmation) }

    @Test(arguments: [
        Case("I'll personally look after this.", true),
        Case("I'll call you back at 4.", true, words: "I'll call you back"),
        Case("I will ring you tomorrow.", true),
        Case("My direct line is 0161 496 0000.", true),
        Case("I'll keep an eye on it this week.", true),
        Case("I'll make sure it's done.", true),
        Case("I won't be able to call you back.", false),
        Case("Someone from the team will be in touch.", false),
        Case("Please call us back.", false),
    ])
    func ownership(_ c: Case) { expectSignal(c, \.nextSteps.ownership, .ownership) }

    @Test func fullExplanation() {
        let s = analyze("I'll book an engineer for tomorrow between 8am and 1pm, you'll get a text to confirm, "
            + "and I'll call you back at 4 to check it's fixed. Just keep the router plugged in.")
        #expect(s.nextSteps == NextSteps(action: true, timescale: true, customerAction: true, confirmation: true, ownership: true))
        #expect(s.explainsNextSteps)
    }

    @Test func timescaleWithoutAction() {
        let s = analyze("Refunds take up to 30 days.")
        #expect(s.nextSteps.timescale)
        #expect(!s.nextSteps.action)
        #expect(!s.explainsNextSteps)
    }

    @Test func negationIsNegativeLanguage() {
        let s = analyze("I can't promise a time.")
        #expect(!s.nextSteps.timescale)
        #expect(s.negativeLanguage)
        #expect(s.evidence(for: .negativeLanguage)?.words == "can't")
        let t = analyze("I won't be able to call you back.")
        #expect(!t.nextSteps.ownership)
        #expect(t.negativeLanguage)
    }

    @Test func conditionalNegationDoesNotCancel() {
        let s = analyze("If I can't fix it today I'll call you back by 5pm.")
        #expect(s.nextSteps.ownership)
        #expect(s.nextSteps.timescale)
    }
}

@Suite("Forward resolution signals")
struct ForwardResolutionTests {
    @Test(arguments: [
        Case("We could also add a booster for upstairs.", true),
        Case("Would you like to hear about our faster plan?", true),
        Case("I can offer you a discount on the upgrade.", true),
        Case("There's a plan that includes evening calls.", true),
        Case("You might be interested in our mesh kit.", true),
        Case("I can't offer you a discount.", false),
        Case("Would you like me to call you back?", false),
        Case("I'll fix the router.", false),
    ])
    func offers(_ c: Case) { expectSignal(c, \.offers, .offers) }

    @Test(arguments: [
        ("Would you like a mesh booster?", ["mesh"]),
        ("We could also add a booster upstairs.", ["mesh"]),
        ("A booster would not help here.", []),
        ("I'll book an engineer.", []),
    ])
    func offeredOpenings(reply: String, ids: [String]) {
        let s = analyze(reply)
        #expect(s.offeredOpenings == ids)
        if !ids.isEmpty { #expect(s.offers) }
    }

    @Test(arguments: [
        Case("When the new router arrives the lights will flash for ten minutes, that's normal.", true),
        Case("You may notice the speed drop for a day or two.", true),
        Case("You'll also get a text when the engineer is on the way.", true),
        Case("I've done it now so you don't have to call back.", true),
        Case("Keep the old router just in case.", true),
        Case("I'll book an engineer.", false),
        Case("When did it start?", false),
    ])
    func anticipates(_ c: Case) { expectSignal(c, \.anticipates, .anticipates) }

    @Test func anticipatedNeedsComeFromCues() {
        let s = analyze("The lights will flash orange for a while.")
        #expect(s.anticipatedNeeds == ["lights"])
        #expect(s.anticipates)
        #expect(s.evidence.contains { $0.signal == .anticipates && $0.ref == "lights" && $0.words == "flash" })
    }

    @Test(arguments: [
        ("I'll get your broadband fixed today.", ["outage"]),
        ("Is your internet working at all now?", ["outage"]),
        ("Sorry your broadband is down.", []),
        ("I'll book an engineer.", []),
    ])
    func addressedIssues(reply: String, ids: [String]) {
        #expect(analyze(reply).addressedIssues == ids)
    }
}

@Suite("Things to avoid")
struct AvoidTests {
    @Test(arguments: [
        Case("I can't do that.", true), Case("I cannot change it.", true), Case("We won't be able to refund it.", true),
        Case("Not unless you pay the fee.", true), Case("It's our policy.", true), Case("Unfortunately it's gone.", true),
        Case("You're not allowed to do that.", true), Case("That's impossible.", true),
        Case("There's nothing I can do.", true),
        Case("No problem at all, I'll sort it.", false), Case("Don't worry, I'll fix it today.", false),
        Case("I'll fix it today.", false),
    ])
    func negativeLanguage(_ c: Case) { expectSignal(c, \.negativeLanguage, .negativeLanguage) }

    @Test(arguments: [
        Case("You should have read the email.", true, words: "You should have"),
        Case("That's your fault.", true), Case("You didn't restart it.", true),
        Case("The other department messed up.", true), Case("That's not my department.", true),
        Case("As I already said, it's booked.", true),
        Case("If you didn't get the email, I'll resend it.", false), Case("I'm sorry we got this wrong.", false),
    ])
    func blame(_ c: Case) { expectSignal(c, \.blame, .blame) }

    @Test(arguments: [
        Case("Check the DNS.", true, words: "DNS"), Case("What's your IP address?", true),
        Case("It's the router firmware.", true), Case("The ONT needs a reset.", true),
        Case("It's a SIM provisioning fault.", true), Case("Set up MFA first.", true), Case("Turn on 2FA.", true),
        Case("There's packet loss.", true), Case("DHCP lease expired.", true), Case("Per the escalation matrix.", true),
        Case("That's outside the SLA.", true), Case("It's in ticket triage.", true),
        Case("I'll send a new router.", false), Case("Your internet will be back today.", false),
    ])
    func jargon(_ c: Case) { expectSignal(c, \.jargon, .jargon) }

    @Test(arguments: [
        Case("Calm down.", true), Case("Relax, it's fine.", true), Case("There's no need to shout.", true),
        Case("Please stop shouting.", true), Case("I understand you're angry.", false),
    ])
    func calmDown(_ c: Case) { expectSignal(c, \.calmDown, .calmDown) }

    @Test(arguments: [
        Case("Lovely weather today!", true), Case("Doing anything nice this weekend?", true),
        Case("How's your day going?", true), Case("Going on holiday soon?", true),
        Case("Did you watch the football?", true),
        Case("I'll book it for the weekend.", false), Case("The new router arrives Monday.", false),
    ])
    func smallTalk(_ c: Case) { expectSignal(c, \.smallTalk, .smallTalk) }

    @Test(arguments: [
        Case("I'll transfer you.", true), Case("Let me put you through to billing.", true),
        Case("That's another department.", true), Case("I'll pass you over to my colleague.", true),
        Case("I won't transfer you, I'll sort it myself.", false), Case("I'll sort this myself.", false),
    ])
    func suggestsTransfer(_ c: Case) { expectSignal(c, \.suggestsTransfer, .suggestsTransfer) }

    @Test(arguments: [
        Case("I'm sorry.", true), Case("I'm so sorry to hear that, that must be awful.", true),
        Case("I'm sorry, I'll fix it now.", false), Case("Sorry about that, what happened?", false),
        Case("I'm sorry your broadband has been down since Tuesday.", false),
        Case("I'll fix it now.", false),
    ])
    func apologyOnly(_ c: Case) { expectSignal(c, \.apologyOnly, .apologyOnly) }
}

@Suite("Paraphrase and asking again")
struct ParaphraseTests {
    @Test func genericUnderstandingParaphrasesNothing() {
        let s = analyze("I understand your problem.")
        #expect(s.paraphrasedFacts.isEmpty)
        #expect(s.evidence(for: .paraphrases) == nil)
    }

    @Test func restatedFactsAreParaphrased() {
        let s = analyze("So there's a crackling noise and it's been down since Tuesday, have I got that right?")
        #expect(s.paraphrasedFacts == ["since-tuesday", "crackle"])
        #expect(s.checksUnderstanding)
        #expect(s.evidence.contains { $0.signal == .paraphrases && $0.ref == "crackle" && $0.words == "crackling" })
    }

    @Test func stemmingMeetsDifferentEndings() {
        let context = ReplyContext(customerLine: "It crackles", facts: [Cue(id: "crackle", cues: ["crackle"])],
                                   givenFacts: ["crackle"])
        #expect(analyze("The line keeps crackling.", context).paraphrasedFacts == ["crackle"])
        #expect(analyze("It crackled all night.", context).paraphrasedFacts == ["crackle"])
    }

    @Test func factsAskedForAreNotParaphrased() {
        let s = analyze("What's your postcode?")
        #expect(s.paraphrasedFacts.isEmpty)
        #expect(s.asksAgainFor == ["postcode"])
        #expect(s.evidence(for: .asksAgain)?.ref == "postcode")
    }

    @Test(arguments: [
        ("When did it start?", ["since-tuesday"]),
        ("Since when has it been like this?", ["since-tuesday"]),
        ("Can you tell me your postcode again?", ["postcode"]),
        ("So since Tuesday, right?", []),
        ("Tell me more about the crackle.", []),
        ("When did the crackle start?", ["since-tuesday"]),
        ("I'll book an engineer.", []),
    ])
    func asksAgainFor(reply: String, ids: [String]) {
        #expect(analyze(reply).asksAgainFor == ids)
    }

    @Test func notAskedAgainWhenNotGiven() {
        var context = broadband
        context.givenFacts = []
        context.facts = []
        #expect(analyze("When did it start?", context).asksAgainFor.isEmpty)
    }
}

@Suite("Empty replies")
struct EmptyTests {
    @Test(arguments: [
        Case("", true), Case("   ", true), Case("ok", true), Case("hmm", true), Case("asdf", true), Case("🙂🙂", true),
        Case("Is the router on?", false), Case("I'm sorry.", false), Case("broadband", false),
    ])
    func empty(_ c: Case) {
        #expect(analyze(c.reply).empty == c.fires, "\(c.reply)")
    }
}
