// The analyser's phrase lists. The pattern syntax is described on `Lexicon`.
// Words are compared by stem after normalisation, so list one form of a word ("book" also finds
// "booked" and "booking"), write contractions either way ("i'll" is "i will"), and use the American
// spelling only where British and American differ ("apologize" also finds "apologise").

enum LexiconData {
    /// Phrases a macro (`$NAME`) stands for.
    static let macros: [String: [String]] = [
        // The agent committing to do something.
        "IWILL": ["i will", "i shall", "i am going to", "i can", "i will be able to", "i am able to"],
        // A personal commitment, not an offer to do something now ("I can check that").
        "IOWN": ["i will", "i shall", "i am going to"],
        "WEWILL": ["i will", "i shall", "i am going to", "we will", "we shall", "we are going to",
                   "i can", "we can", "i will be able to", "we will be able to", "i am able to"],
        "IHAVE": ["i have", "we have", "i have gone ahead and", "we have gone ahead and", "i went ahead and",
                  "i did", "i had", "we did"],
        "IAM": ["i am", "we are", "i am currently", "we are currently"],
        "LETME": ["let me", "let us", "allow me to", "i could", "i would like to", "i would be happy to",
                  "i am happy to", "i will be happy to", "i need to", "i want to", "i would", "we would",
                  "i will need to", "i will have to", "i am about to", "i will go ahead and", "i will just go and",
                  "i will quickly", "i have to", "i can go ahead and", "i will get", "i am getting"],
        "ADV": ["", "just", "also", "now", "personally", "then", "definitely", "immediately", "actually",
                "happily", "gladly", "quickly", "already", "certainly", "straight", "right", "now go ahead and",
                "go ahead and", "quickly go ahead and", "just go ahead and", "also go ahead and", "be",
                "get", "make sure i", "make sure we", "also make sure i"],
        "SORRY": ["sorry", "apologize", "apology", "apologies"],
        "FEEL": ["frustrating", "frustrated", "annoying", "annoyed", "difficult", "hard", "stressful", "stressed",
                 "worrying", "worried", "upsetting", "upset", "awful", "inconvenient", "inconvenience",
                 "horrible", "terrible", "maddening", "infuriating", "disappointing", "disappointed",
                 "exasperating", "irritating", "a pain", "a nightmare", "a hassle", "a worry", "rubbish",
                 "unacceptable", "not good enough", "not on", "not ideal", "not good", "no good", "tough",
                 "concerning", "confusing", "a real pain", "so annoying", "angry", "a headache", "draining",
                 "exhausting", "scary", "frightening", "terrifying", "alarming", "a shock", "distressing", "rough", "bad", "not fair", "unfair"],
        "ME": ["i", "we"],
        "TIMEUNIT": ["minutes", "minute", "hours", "hour", "days", "day", "weeks", "week", "months", "month",
                     "working days", "business days", "working day", "business day", "working hours",
                     "business hours", "calendar days", "days or so", "hours or so"],
        "CLOCK": ["am", "pm", "o clock", "oclock", "this afternoon", "this evening", "this morning", "tonight",
                  "tomorrow", "sharp", "thirty", "fifteen", "forty five", "at the latest", "latest"],
        "WHEN": ["today", "tonight", "tomorrow", "this afternoon", "this evening", "this morning",
                 "the morning", "the afternoon", "the evening"],
        "AUXQ": ["is", "are", "was", "were", "do", "does", "did", "have", "has", "had", "can", "could", "would",
                 "will", "should", "shall", "may", "might", "am"],
        "NOTCLOSER": ["wrong/happening/going/broken/affected/playing/acting/odd/strange/unusual/not/different/that/about/on/connected/plugged/showing/flashing/making"],
        "INFO": ["number", "numbers", "postcode", "post code", "zip", "zip code", "code", "name", "names", "address",
                 "email", "email address", "date", "date of birth", "dob", "birthday", "reference", "username",
                 "user name", "password", "pin", "id", "time to call", "time to reach", "time to ring",
                 "number to reach", "number to call", "surname", "first name", "last name", "details",
                 "account", "landline", "mobile", "model", "serial", "make", "sort code", "postal code",
                 "contact number", "phone number", "best number", "best time", "best way to reach", "reading", "readings",
                 "balance", "amount", "size", "title", "job title", "location", "destination", "flight number", "total"],
        "NOTCHAT": ["finding/getting/with/managing/coping/paying/using/on/for/connected/able/in/calling/still/having/trying/going/doing/keeping/setting/after/about/placed/planning/looking/hoping/wanting/thinking/to/that/which/affected/get/find/manage/cope/pay/use/call/have/try/plan/look/want/think/the/your/it/that/this"],
        "YOUREQ": ["you", "you please", "you just", "you possibly", "you quickly"],
    ]

    /// Question words.
    static let openWords: Set<String> = ["what", "how", "why", "when", "where", "which", "who"]
    /// Question words that can make a question open: "when", "where", "which" and "who" ask for one
    /// detail, as do "how much" or "what's your postcode" (see ``closedAsk``).
    static let openLeads: Set<String> = ["what", "how", "why"]

    /// Common words that say nothing about the subject of a reply.
    static let stopWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "if", "so", "to", "of", "in", "on", "at", "by", "for", "with", "from",
        "up", "down", "out", "off", "over", "into", "about", "as", "is", "am", "are", "was", "were", "be", "been",
        "being", "do", "does", "did", "have", "has", "had", "will", "would", "shall", "should", "can", "could",
        "may", "might", "must", "i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she",
        "her", "it", "its", "they", "them", "their", "this", "that", "these", "those", "there", "here", "what",
        "which", "who", "whom", "how", "why", "when", "where", "not", "no", "yes", "ok", "oh", "um", "uh", "erm",
        "hmm", "hm", "well", "right", "just", "really", "very", "too", "also", "then", "now", "all", "any",
        "some", "more", "most", "much", "many", "such", "only", "own", "same", "than", "get", "got", "go", "going",
        "okay", "yeah", "yep", "sure", "fine", "thing", "things", "something", "anything", "nothing", "lol",
        "please", "thanks", "thank", "hello", "hi", "hey", "bye", "good", "great", "nice", "like", "know", "see",
        "say", "said", "let", "make", "one", "way", "again", "still", "even", "back", "cool",
    ]

    /// Word classes (`@name`), compared by stem.
    static let classes: [String: [String]] = [
        "act": [
            "book", "raise", "send", "sent", "reset", "refund", "arrange", "escalate", "check", "log", "schedule",
            "credit", "replace", "fix", "cancel", "canceled", "update", "process", "apply", "issue", "organize",
            "sort", "look", "investigate", "contact", "email", "text", "call", "ring", "rang", "phone", "chase",
            "add", "remove", "change", "switch", "restart", "reboot", "run", "test", "dispatch", "order",
            "post", "waive", "upgrade", "follow", "note", "record", "open", "submit", "request", "set",
            "activate", "unlock", "reconnect", "reactivate", "get", "got", "put", "make", "made", "keep", "kept",
            "monitor", "refresh", "reissue", "resend", "correct", "adjust", "reverse", "cover", "compensate",
            "repair", "restore", "review", "verify", "report", "flag", "amend", "unblock", "release", "approve",
            "authorize", "expedite", "prioritize", "return", "collect", "deliver", "ship", "courier", "visit",
            "attend", "take", "took", "handle", "deal", "dealt", "resolve", "clear", "reduce", "lower",
            "discount", "give", "gave", "block", "freeze", "stop", "suspend", "pause", "port", "migrate", "move",
            "speak", "spoke", "talk", "ask", "find", "found", "work", "push", "install", "configure", "pay", "paid",
            "match", "extend", "renew", "downgrade", "swap", "exchange", "confirm", "forward", "share", "mark",
            "reopen", "close", "diagnose", "troubleshoot", "trace", "track", "locate", "recover", "retrieve",
            "reinstate", "rebook", "reschedule", "edit", "write", "wrote", "document", "double", "do", "done",
            "pull", "bring", "load", "top", "refund", "honor", "ping", "drop",
            "recheck", "rerun", "reprocess", "resend", "split", "spread", "waive", "divert", "redirect", "pick",
            "link", "merge", "enable", "disable", "watch", "resubmit", "attach",
            // Irregular past participles the stemmer does not bring back to the verb.
            "taken", "given", "written", "spoken", "brought", "shown", "gotten", "chosen", "withdrawn", "undone",
        ],
        "custverb": [
            "restart", "reboot", "unplug", "plug", "switch", "turn", "send", "check", "try", "keep", "pop", "pay",
            "post", "return", "reply", "upload", "email", "text", "call", "ring", "log", "click", "go", "visit",
            "fill", "sign", "bring", "take", "hold", "leave", "wait", "press", "tap", "open", "install",
            "download", "update", "reset", "look", "forward", "print", "scan", "photograph", "track", "make",
            "remove", "insert", "put", "move", "charge", "connect", "disconnect", "enter", "type", "select",
            "choose", "follow", "read", "allow", "give", "let", "contact", "drop", "pack", "box", "note",
            "write", "sign", "keep", "save", "delete", "clear", "close", "quit", "power", "hang", "head",
            "pick", "collect", "bring", "check", "come", "stay", "use", "set", "change", "confirm", "verify",
            "hand", "claim", "apply", "renew", "view", "book", "register", "report", "cancel", "run", "stop",
            "get", "submit", "complete", "attach", "bear", "snap", "order",
        ],
        // What a polite instruction asks the customer to do (not to tell: "could you tell me...").
        "instruct": [
            "restart", "reboot", "unplug", "plug", "switch", "turn", "send", "check", "try", "pop", "pay", "post",
            "return", "upload", "email", "text", "click", "go", "visit", "fill", "sign", "bring", "take", "hold",
            "leave", "wait", "press", "tap", "open", "install", "download", "update", "reset", "forward", "print",
            "scan", "photograph", "remove", "insert", "put", "move", "charge", "connect", "disconnect", "enter",
            "type", "select", "choose", "follow", "pack", "box", "save", "delete", "clear", "close", "power",
            "pick", "collect", "stay", "keep", "log", "run", "hang", "drop", "attach", "snap", "complete",
        ],
        "weekday": ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
                    "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "weekend"],
        "month": ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                  "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                  "sept", "oct", "nov", "dec"],
        "ordinal": ["st", "nd", "rd", "th"],
        "wh": ["what", "how", "why", "when", "where", "which", "who", "whose", "whom"],
        "openwh": ["what", "how", "why", "when", "where", "which", "who"],
        "pron": ["you", "it", "they", "we", "i", "there", "the", "that", "this", "your", "he", "she", "everything",
                 "anything", "anyone", "someone", "things", "my", "our", "its", "these", "those", "a", "an", "any",
                 "somebody", "anybody", "me", "us", "them"],
        "aux": ["is", "are", "was", "were", "do", "does", "did", "have", "has", "had", "can", "could", "would",
                "will", "should", "shall", "may", "might", "am", "must"],
        "negator": ["not", "never", "no", "unable", "nothing", "without", "neither", "nor", "nobody", "none"],
    ]

    /// The customer verbs exactly as written: the plain form an instruction starts with.
    static let customerVerbs: Set<String> = Set(classes["custverb"] ?? [])

    /// The stems of each word class, computed once.
    static let classStems: [String: Set<String>] = {
        var out: [String: Set<String>] = [:]
        for (name, words) in classes {
            var set = Set<String>()
            // A class holds single words; a phrase would wrongly add each of its words.
            for w in words {
                let tokens = TokenizedText(w).tokens
                if tokens.count == 1 { set.insert(tokens[0].stem) }
            }
            out[name] = set
        }
        return out
    }()

    /// Every category's default flags and phrases.
    static let lists: [(Category, PatternFlags, [String])] = [
        (.acknowledge, [], acknowledge),
        (.apology, [], apology),
        (.check, [], check),
        (.questionStart, [.anchored], questionStart),
        (.openStarter, [], openStarter),
        (.requestForm, [.question], requestForm),
        (.timeAsk, [.question], timeAsk),
        (.closedAsk, [.question], closedAsk),
        (.action, [.negatable], action),
        (.timescale, [.negatable, .future], timescale),
        (.customerAction, [.negatable], customerAction),
        (.confirmation, [.negatable], confirmation),
        (.ownership, [.negatable], ownership),
        (.offer, [.negatable], offer),
        (.offerProposal, [.negatable], offerProposal),
        (.offerThing, [], offerThing),
        (.anticipate, [], anticipate),
        (.negative, [], negative),
        (.mask, [], mask),
        (.blame, [], blame),
        (.jargon, [], jargon),
        (.calmDown, [.negatable], calmDown),
        (.hollowCloser, [], hollowCloser),
        (.smallTalk, [], smallTalk),
        (.transfer, [.negatable], transfer),
        (.refusal, [], refusal),
        (.notAsking, [.anchored], notAsking),
        (.notConfirming, [], notConfirming),
        (.offerFollowUp, [.question], offerFollowUp),
    ]

    // MARK: - Active listening

    /// Apologies: they acknowledge the customer and, alone, make an apology with no action.
    static let apology = [
        "$ME am (so/really/very/truly/terribly/awfully/genuinely/incredibly) sorry",
        "$ME are (so/really/very/truly/terribly) sorry",
        "(so/really/very/terribly/awfully) sorry (to/about/for/that/this/you)",
        "^ sorry !what/can/could/i/which/who/where/how/did/come/pardon/say/repeat/do/would/is/was/when",
        "^ so sorry", "^ really sorry", "^ very sorry",
        "$ME (do/sincerely/really/truly) apologize", "(my/our) (sincere) (apologies/apology)", "^ apologies",
        "apologies for", "apologize for", "sorry to hear", "sorry you have", "sorry that you", "sorry this has",
        "sorry about (that/this/the/all)", "sorry for the", "sorry for (all) (the) trouble",
        "$ME [let you down/got this wrong/got it wrong/got that wrong/messed up/dropped the ball/should have done better]",
    ]

    /// Empathy and thanks that are not apologies.
    static let acknowledge = [
        "(that/this/it) must be/have been/feel (so/really/very/incredibly/extremely/pretty/quite) $FEEL",
        "that/this/it sounds/sound/sounded/seems/is/looks/feels (so/really/very/incredibly/extremely/pretty/quite/absolutely/genuinely/totally/just) $FEEL",
        "that/this/it has been (so/really/very/incredibly/pretty/quite) $FEEL",
        "how/what a frustrating/annoying/pain/nightmare/hassle/shame/worry/awful/horrible/terrible/stressful", "how frustrating/annoying/awful/infuriating/stressful/upsetting/horrible/maddening/worrying",
        "$ME can understand/imagine/appreciate", "$ME can see/hear/tell [why/how/that/what/you are/this is/it is/just how/you have]",
        "$ME can only imagine", "$ME (completely/totally/fully/really/absolutely/do/definitely) understand",
        "$ME understand (how/why/that/this/your/you/what/it/where)", "^ $ME understand",
        "$ME hear you", "$ME hear what you", "$ME hear that", "i get it/that/why/how/you",
        "[thanks/thank you/thank you so/thank you very] (much) for (explaining/telling/letting/your/bearing/waiting/holding/calling/that/this/getting/being/bringing/giving/going/sharing/contacting/flagging/raising/the/all/reaching/taking/walking/talking/clarifying/confirming/coming/spending/sticking)",
        "[thanks/thank you] for your patience/time/understanding", "appreciate your (patience/time/understanding)",
        "$ME (really/do/totally) appreciate (that/this/how/it/you/your)",
        "i would be/feel (just/exactly/really/very/so) (as) [frustrated/annoyed/upset/angry/worried/fed up/the same/livid/furious]",
        "anyone would be", "i would feel the same", "you have every right", "understandably", "of course you are",
        "i know how (frustrating/annoying/hard/difficult/stressful/worrying/upsetting/inconvenient/important)",
        "i know (this/that/it) (is/has been/must be) $FEEL",
        "that makes (total/complete/perfect) sense", "makes sense that you", "that is (a) shame", "what a shame", "oh no", "oh dear", "poor you",
        "that/this/it is a (serious/big/real/huge/massive/nasty|horrible) [hit/blow/shock/knock/worry/setback] (for you)", "i feel for you", "i realize (how/that/this/why)", "$ME take/understand this/that/it (very) seriously",
        "not what you (need/needed/want/wanted/expect/expected)", "not the (service/experience) you",
        "i am (really/so/very) (glad/pleased) you (called/rang/told/got)",
        "must have been (so/really/very) $FEEL", "this/that has (clearly) (really) caused/been (a lot of/so much) stress/trouble/hassle/inconvenience",
        "sympathize", "i see what you mean", "i see why", "fair enough", "you are (absolutely/completely/quite) right to",
        "you are right (to/that)", "no wonder you are", "must be (so/really/very/incredibly/extremely/pretty/quite) $FEEL",
    ]

    static let check = [
        "have/did $ME got/get/understood/understand/heard/caught that/this/it/everything/all/you (right/correct/correctly/properly)",
        "have/did $ME got/get/understood/understand/heard/caught the/your (details/facts/problem|issue) (right/correct/correctly/properly)",
        "do $ME have/understand that/this/it/everything (right/correctly) (correct)",
        "do $ME understand (you/that/this) correctly", "have $ME understood (you/that/this) (correctly/right)",
        "is/was that/this/it/everything/all (about/all) right/correct/accurate/fair", "would that/this/it be (about) right/correct/accurate/fair",
        "does/do/would/will that/this/it/everything/all sound/seem (about/all) right/correct/accurate",
        "is/was that/this (a) fair/accurate/good/correct summary/description/picture/reflection",
        "is/was that/this what happened/you/is/has/was", "does/would that sum/cover (it/everything/things) (up)",
        "just to [confirm/check/clarify/recap/summarize/summarise/be clear/make sure/double check/play back/read back]",
        "just so i/we [understand/am clear/have got/know i/get]", "to make sure i/we (have/am/have got) understand/understood/got/get/clear/heard/read",
        "[let me/can i/could i/i will/i just want to/i want to/let me just/i will just/i would like to] [check/confirm/recap/summarize/repeat/play back/read back] (that|what|to) i/we (have/am) [understood/understand/heard/got/get/read/have understood/have got]",
        "[let me/can i/could i/i will/i just want to/i want to/let me just/so i can/i will just] [check/make sure] i/we have/understand/understood/got/heard",
        "[let me/can i/could i/i will/i just want to/i want to/just/let me just/i will just/i would like to] [recap/summarize/sum up/play back/read back]",
        "if i have/am understood/understanding (you) (correctly/right)", "if i understand (you/that/this) (correctly/right)",
        "if i have got this/that/it/you right", "(so) what you are saying is", "what i am hearing is", "so you are saying",
        "am i right/correct", "have/did i miss/missed/left/leave/forget/forgot/overlook/overlooked anything/something", "have/did i left/leave (anything/something) out",
        "is there anything i (have) [missed/left out/got wrong/forgotten]", "correct me if", "fair to say", "would it be fair",
        "did/have i hear/heard that/you right/correctly", "tell me if i have/am got/missing/missed/wrong",
        "sound/sounds (about) right", "i want to make sure i have/understand/understood/got",
        "make sure i have understood/got that/this/everything/it/you", "anything i have missed", "did i hear that right",
        "let me (just) make sure i (have/am) (understand/understood/got/get/clear)",
    ]

    static let questionStart = [
        "@wh $AUXQ", "how long/many/much/often/soon/far/come/quickly/old/big/bad/frequently",
        "what time/day/date/kind/sort/type/happens/happened/exactly/else/colour/model/make/number/speed/error/message",
        "which one/way/option/day/time/of/number/device/account/address/service", "who is/was/did/do/should/can",
        "@aux $YOUREQ", "@aux it/they/we/i/there/the/that/this/your/he/she/everything/anything/anyone/someone/things/my/our/its/any/these/those",
        "-:i was wondering", "-:i wondered", "-:may i ask", "-:can i ask", "-:could i ask", "-:i would like to know",
        "-:do you mind", "-:would you mind", "-:any idea", "-:anything else", "-:any luck/joy/change/difference",
    ]

    /// Clauses that end with a question mark but ask nothing: a polite instruction, a rhetorical tag
    /// after a feeling, a promise with a stray question mark.
    static let notAsking = [
        "could/can/would/will you (please/kindly/just/possibly/quickly/also/then) @instruct",
        "$FEEL (is not it/is it not/is not that/right)", "is not it/that $",
        "i/we will (just/definitely/certainly) [see/try/do/look/get/sort/call/ring/send/check]",
    ]

    static let openStarter = [
        "^ tell me [what/how/why/when/where/which/more/about/exactly/a bit/everything/all/who]",
        "^ talk/walk/take me through", "^ describe", "^ explain (to me) what/how/why/when/where",
        "@aux you (please/just) tell/talk/walk/take/say (me/us) [through/what/how/why/more/about/exactly/a bit/everything/all]",
        "@aux i ask (you) [what/how/why/the reason/about]", "^ i would like to know/hear [what/how/why/more/about]",
        "@aux you (please/just) describe/explain", "help me understand", "i would (like/love) to (hear|understand|know) (more/what/how/why/about)",
        "what/how do/would you mean/describe/say", "in your own words", "what seems/seemed (to be)", "what happens/happened when/after/if/next/then",
        "what did/do/does/have/has/had/is/are/was/were/would/could/can/will you/it/they/the/that/this/your",
        "how did/do/does/have/has/had/is/are/was/were/would/could/can/will you/it/they/the/that/this/your",
        "why did/do/does/have/has/had/is/are/was/were/would/could/can/will you/it/they/the/that/this/your",
    ]

    static let requestForm = [
        "@aux $YOUREQ tell/give/send/remind/read/spell (me/us) (again)",
        "@aux $YOUREQ let (me/us) know", "@aux $YOUREQ remind me", "@aux i have/get/take/grab/ask (for) your/the/what/when",
        "@aux i ask (you)", "@aux you remember/recall/know", "what is/was/are/were your/the",
        "when did/was/were/is/does/has/have", "since when", "how long", "how many", "what time/day/date",
        "where did/is/was/were/are", "what did (you/it)", "who did/was/is", "^ tell/remind me", "which day/date/time/one",
        "what happened/happens",
    ]

    static let timeAsk = [
        "since when", "when did .. (start/begin/happen/stop/first/go/break/drop/fail/notice/cut/appear)",
        "when was the first time", "when did you first", "how long (has/have/had/is/was/ago) (it/this/that/the/you)",
        "how long ago", "how long (has/have) (it/this/that) been", "what day/time/date did", "when did (this/it/that) (all) start",
        "when (is/was) the first time", "when did you (first) (notice/see/spot/realize|start)",
        "how long have you (had/been/noticed)", "what day (was/did) (it/this/that)",
    ]

    /// Requests for one piece of information ("what's your postcode?"): questions, but closed ones.
    static let closedAsk = [
        "what/which is/was/are/were (your/the/her/his/their/its) (best/full/correct/current/registered/new/old/main/preferred/usual/exact/right/billing/delivery/home/work/business/mobile/contact/account/customer/email/phone/telephone/reference/order/case/ticket/serial/model/membership/router/meter/electricity/gas/job) $INFO",
        "what/which $INFO (is/are/was/were/do/did/should/can/would) (it/that/this/you/we/i)",
        "what/which is/was your/the _ [number/reference/code/date/name|address|postcode]",
        "what/which time/date/day/size/colour/model/make/number/postcode/amount/version/percentage",
        "how much/many/old/big", "what is/was [a good/the best/a convenient/a better] day/time/date/number",
        "what/which !exactly/else/actually/really/then/is/was/are/were/do/does/did/has/have/had/will/would/can/could _ do/does/did/would/will/should you/it/they/he/she/the/your",
        "what/which would [be easier/be better/be best/suit/work/you prefer/you like/be more]",
    ]

    // MARK: - Next steps

    static let action = [
        "$WEWILL $ADV @act", "$IHAVE $ADV @act", "$IAM $ADV @act", "$LETME $ADV @act",
        "(has/have/had) (now/just/already/also) been @act", "(is/are) (now) being @act", "is/are now @act",
        "will (now/also/then) be @act", "(it/this/that/they/the/your) will (now/also) be @act",
        "engineer/technician/courier/someone/somebody/specialist/team/colleague/manager/supervisor/driver/installer/person/engineers [will/is going to/is coming/are coming/should] (now/also/then) @act/come/visit/arrive/attend/be/pop",
        "refund/credit/replacement/engineer/parcel/order/payment/router/letter/card/package/box/device/kit/part/visit/appointment/booking/technician is/has/have/are (been) [on its way/on the way/booked/arranged/scheduled/sent/confirmed/approved/processed/dispatched/raised/logged/issued/applied/posted/ordered]",
        "i/we will get/have that/this/it/everything [sorted/fixed/done/booked/sent/arranged/resolved/replaced/refunded/credited/changed/switched/moved/canceled/reset/sorted out]",
        "$LETME get/have that/this/it/everything sorted/fixed/done/booked/sent/arranged/resolved",
        "i/we will/can [sort/take care of/look after/deal with] that/this/it/everything/your",
        "^ done", "^ all done", "leave it with me", "i am on it", "i am onto it", "consider it done", "i am putting (that/this/it/you)",
        "i am booking", "i am sending", "i am raising", "i am arranging", "that is (now) [done/sorted/booked/sent/raised/fixed/arranged/booked in]",
        "[all/it is/it has been/that has been/everything is/that is all/you are all] sorted/done/fixed/booked/arranged/reset/refunded/credited/processed/resolved",
        "you are (now/all) (been) [booked/sorted/set up/switched/moved/upgraded/credited/refunded]",
    ]

    static let timescale = [
        "today", "tonight", "tomorrow", "this afternoon", "this evening", "this morning", "later today", "later on today",
        "first thing", "end of (the) day/week/month/play/business/today/tomorrow", "close of play/business",
        "by/before/at/around/from/after/until/till/between/for/about/roughly/approximately/approx # [am/pm/oclock/o clock/thirty/fifteen/forty five/in the morning/in the afternoon/in the evening/tonight/tomorrow/today/this afternoon/this evening/at the latest]",
        "# [am/pm/oclock/o clock]", "# and # am/pm", "# # am/pm", "noon", "midday", "lunchtime", "midnight", "by/before/at/around/after lunch",
        "by/before/at/around/until/till #",
        "within/in/under/inside (the next/the/a/an/about/around/roughly/just/less than/no more than/up to) (#) (#) $TIMEUNIT",
        "within/in/under/inside the/an/a hour/day/week", "in a/an [hour/day/week/minute/few minutes/couple of days/couple of hours/few days/few hours/moment/sec/second/tick]",
        "within/in/over/for the next (#) (#) (few/couple of/couple) $TIMEUNIT", "within/in/over a [few/couple of] $TIMEUNIT",
        "up to # (#) $TIMEUNIT", "# to # $TIMEUNIT", "# or # $TIMEUNIT", "# working/business/calendar days/day/hours",
        "take (up to/about/around/roughly/approximately/approx/around about/no more than/less than) # $TIMEUNIT",
        "next # $TIMEUNIT", "in/within/over/after/take/about/around/roughly [the next/a/the/just a|only a] couple/few (of) (working/business) days/hours/weeks/minutes",
        "[on/by/this/next/until/till/before/from/this coming/coming] @weekday", "@weekday [morning/afternoon/evening/night/at/by/between/before/after/first thing/am/pm]",
        "next week/month/weekend/year", "this week/weekend/month", "over the weekend", "by the weekend", "at the weekend",
        "right now", "straight away", "right away", "immediately", "while (we are/you are/i am) (still) on the (call/phone/line)",
        "in the next/coming (few) minutes/hours/days/weeks", "in the morning", "in the afternoon", "in the evening",
        "# @month", "@month #", "the # @ordinal", "# @ordinal (of) (@month)", "on the # @ordinal", "(on/by/before) #",
        "(the) same day", "overnight", "by return", "as of today", "from today",
        "as of tomorrow", "from tomorrow", "no later than", "on/in your next bill/statement",
        "half an hour", "# minutes/hours [from now/time]", "# minutes/hours time",
    ]

    static let customerAction = [
        "s:you (will/would/may/might/just/also/then) need to !be", "s:you need to !be", "s:you (will/would) have to", "s:you have to",
        "you need/have to be home/in/there/available/present/at", "s:you (just/simply) have to", "s:you must", "all you (need/have) to do",
        "what i need you to do", "the next step for you", "your next step", "(i/we) (will/would) need you to", "(i/we) need you to",
        "i would like you to", "i would ask you to", "could/can/would/will you please/kindly",
        "could/can/would/will you (just) @instruct",
        "please (just/also/then/now/could you/can you|do|kindly) @custverb", "please make sure", "please [do not forget/remember]",
        "please do not/never @custverb", "^ do not/never @custverb",
        "if you can/could/would (please) (just) @custverb/send/email/text/let/pop/give/ring/call",
        "if/once/when/after you [send/return/post/upload/email/forward/bring/fill/sign/complete/submit/pop/drop/give me/give us/text/ring/call] (it/them/this/that/us/me/in/the/a/an/your)",
        "make sure (that) you", "keep an eye (out) (for/on)", "look out for", "watch/keep out for",
        "try @custverb", "you can (just/also/then/now) @custverb", "you should (just/also/then/now) @custverb",
        "s:you (will/would) want to", "it would help if you", "what you (will) need to do", "^ (just) @custverb !you/yourself",
        "do not forget to", "remember to", "when you get/receive (the/a/an/it/that/this) (..) (please) (just) @custverb",
        "you are welcome/free to", "feel free to", "if you want to @custverb", "you are able to @custverb",
        "you may want to", "you might want to", "i would (suggest/recommend/advise) (that) you",
        "(the) best thing (for you) (to do) (is|would be) to", "i would like you to",
        "(the) first/next/best thing (to do) is (to)", "(the) first/next step is (to/for you)",
        "she/he/they (will/would) need to", "i would (also/first/definitely) call/ring/contact/tell/report/check/change/cancel your",
        "i/we (will/would) need [a/an/the/your/some/proof/evidence/a copy/copies/photos/a photo] !to",
        "you can (just/also/then/now) do it/that/this/so", "^ do it/that/this",
    ]

    /// How the outcome will be confirmed: something sent to the customer (an email, a text, a letter)
    /// or a reference they can quote. The words alone are not enough: "the one you press for your
    /// emails" and "a new ticket" confirm nothing.
    static let confirmation = [
        "[i/we/they/someone/the team/the pharmacy/the depot] (will/shall/can/are going to/am going to/will also/will then) (also/then/just) [email/text/message/sms] you",
        "[i/we/they] (will/would) (also) [email/text/message/post/send] (it/that/this/them/everything) (over) to you",
        "[i/we] have (just/also/already) [emailed/texted/messaged] (you/it/that/this/them) (to you/over)",
        "[i am/we are] (now/just/also) [emailing/texting/messaging] (you/it/that/this/them/over)",
        "[send/post/sent/posted/sending/posting] (you/out) (a/an/the/your) (written/full/updated/new) [letter/email/text/confirmation/receipt/reference/summary/copy]",
        "[text/email] and [text/email]",
        "[emailed/texted/sent/posted] (it/that/this/them) to you", "[email/text/send/post] (it/that/this/them) to you",
        "you will (also/then/now) [get/receive/have/be sent/hear] (back) (from/by) (..) [email/text/letter/confirmation/sms/message/reference/claim number/ticket number/incident number/case number/reference number/receipt/e mail/written confirmation/tracking number/writing]",
        "(will/should) [come/arrive/go out/be sent] (to you) (..) [by/via/in/through the] [email/text/post/letter/sms]",
        "by/via/over [email/text/sms/letter/post/e mail]", "in writing", "in the post", "on its way to your [email/inbox/phone]",
        "to your email/inbox",
        "confirmation (number/email/text/letter/message|code)", "[email/text/letter/message] (to) [confirming/to confirm/with the confirmation|with confirmation]",
        "(a/an/the/your) [email/text/sms/letter] confirmation", "to confirm (that/it/this) (in writing/by email/by text)",
        "reference/ref number", "ticket number", "case number", "case reference", "booking reference", "booking number",
        "order number", "claim number", "job number", "incident number", "tracking number", "complaint number", "tracking link",
        "(your/the) [claim/case/booking/complaint/incident/job/ticket/crime/order] (reference/ref/number) is", "your reference/ref is",
        "reference/ref (is) (#/_) #", "give you the/a/your [reference/ref/claim number/ticket number/case number]",
        "@act (you) a/the copy/summary/confirmation", "email/text/message you (the/a/your) details/confirmation/summary/reference/copy",
        "written confirmation", "in a letter", "a letter [confirming/explaining/with/to confirm]",
    ]

    /// Things sent to the customer that do not confirm an outcome: a link, a code, a password, an
    /// alert or a warning before a visit.
    static let notConfirming = [
        "(email/text/sms/message) (you/me) (a/an/the/your) (new/temporary/one time/security/verification/login/qr/secure) link/code/password/pin/invite/invitation/passcode",
        "[with/containing/for] (a/an/the/your) (new/temporary/one time/security/verification/login/qr/secure) code/link/password/pin/invite/invitation/passcode/rates",
        "email/text/sms [alert/alerts/invite/invitation/reminder/reminders]", "text/email [the code/the link/a code/a link]",
        "[text/call/ring/message] you (about/around/roughly) # (#) minutes/mins/hours before", "welcome text/email",
        "get/receive/make texts/calls", "by text message alert", "number (that) [i will text/i am texting/i will send/we will text/i text] you",
    ]

    static let ownership = [
        "$IWILL $ADV (call/ring/phone/contact/bell) you (back)", "$IWILL $ADV message/text/email you back",
        "and (then/also/personally) [call/ring/phone] you [back/to/with/on/at/by/tomorrow/today/when/once/if/after/first]",
        "^ (please) (just) [call/ring/phone/contact/text] me (back) [on/at/directly/anytime/any time/back/here]",
        "i will [sort/deal with/handle/chase/fix/look into/check/do] (it/this/that/everything) (out) personally",
        "$IOWN $ADV [check/chase/monitor/track/watch] .. myself",
        "i will get/have [my/a/the/our] (..) to [call/ring/contact/phone] you", "put my name on (it/this/that/the|your) (case/ticket/complaint/job)", "$IWILL $ADV give you a (call/ring/bell|buzz)",
        "$IWILL $ADV be in touch", "$IWILL $ADV get back to you", "$IWILL $ADV come back to you",
        "$IWILL $ADV follow (this/that/it/your case/everything) up", "$IWILL $ADV follow up", "$IWILL $ADV keep an eye on",
        "$IWILL $ADV keep (you) (updated/posted/informed/in the loop)", "$IWILL $ADV update you", "$IWILL $ADV let you know",
        "$IWILL $ADV make sure", "$IWILL personally", "$IOWN $ADV check [back/in/on/that/tomorrow/with you/myself/again/later/at/with the/with them|first thing]", "$IWILL $ADV chase",
        "$IWILL $ADV own", "$IWILL $ADV take ownership", "$IWILL $ADV look after", "$IWILL $ADV monitor",
        "$IWILL $ADV stay on", "$IWILL $ADV see (it/this/that) through", "$IWILL $ADV handle (this/that/it/your)",
        "$IWILL $ADV take care of", "$IWILL $ADV see to it", "i am going to personally", "i personally",
        "i will be your (point/single point) of contact", "i am your (point/single point) of contact", "my direct (line/number/email|extension)",
        "my extension", "you can (reach/contact/call/ring/email) me", "call me directly", "ask for me", "leave it with me",
        "i take (full) responsibility/ownership", "i will (keep/stay) on (top of|it|this|the case)", "i will stay with you",
        "$IWILL $ADV keep/hold the/your case/ticket/complaint open", "i own (this/it)", "i am (personally) [looking after/handling/dealing with/taking care of/owning]",
        "i will not (stop/rest|close) until", "i will (stay/be) on the (line/call|phone) (with you)",
        "[i/we] [will not/am not going to/are not going to/do not want to/would not/am not/are not] (be) [transfer/transferring/pass/passing/hand/handing/put/putting/send/sending/bounce/bouncing] you",
        "no (more) [transfer/transfers/transferring/passing you on/passing you around/being passed around/being transferred/handoffs/hand offs]",
        "you will stay/be with me", "you are staying with me", "(you) stay with me", "i am staying with you",
        "i am (now) [taking ownership/taking responsibility/taking this on/taking it on/keeping this/keeping it/keeping the case/keeping your case/picking this up/picking it up/owning this/handling this/dealing with this/looking after this]",
        "$IWILL $ADV [take this on/take it on/pick this up/pick it up/keep this/keep it/keep the case|keep your case]",
        "this/it is (all) mine (now)", "i am your (main/single/personal/only) (point of) contact",
        "[i am/i will be/i will stay] (the/your) (named/case/ticket/complaint/fault|single) owner", "i am (the/your) (case/ticket|fault) manager",
        "[$IWILL/i am going to/i am/we will] $ADV [sort/fix/deal with/handle/resolve/do/chase/take care of/look into/see to|pick up] (this/it/that/everything) (out) (for you) myself",
    ]

    // MARK: - Forward resolution

    static let offer = [
        "i/we could also", "would you like a/an/our/some/one/the/any", "would you like to add/upgrade/switch/try/hear/know/look/take/consider/get/go/move/have/change/join/save/sign/see",
        "[would you like/do you want/want/shall i/should i] (me/us) (to) [book/add/set up/arrange/order/sign you up/put you on/switch you/upgrade/quote/get you a quote/check if you qualify/check whether you qualify/book you in] !it/that/this/them/one",
        "do you want a/an/our/some", "[would you like/do you want/want/shall i] (me/us) (to) set you up (with)",
        "[we have/we have got/there is/we offer/we do] a/an/our .. (..) that [would/could/will/can/might] [help/cover/give/sort/fix/save/suit/get/let/work|boost|stop|protect]", "(check) if/whether you [qualify/are eligible/would qualify/would be eligible]",
        "[you could/you might/you may/you could also/you might also/you may also] be [eligible/entitled] (for/to)",
        "would it be (useful/helpful/worth/a good idea) (it) to [add/switch/move/upgrade/put/set up/have/get/take]",
        "our (..) [tariff/plan/pass/scheme/bundle/package/cover/protection/membership/subscription/railcard/travel card/saver/insurance|add on]",
        "i/we can/could also [send/arrange/add/set up/book/get/give/offer/include/provide/put/cover/supply]",
        "i/we [can/could/might/may/might be able to/may be able to/could also/can also] [supply/set up/cover/insure/connect/include/add/look after] .. .. [too/as well]",
        "if you [need/want/would like/would prefer/are interested in] (..) (..) i/we [can/could]", "if you would like to [add/take/upgrade/get/have/bring/switch]",
        "[it is/it would be/it will be/that is/that would be/it costs/costs/starts from/starts at/from just|from only] %",
        "% [to add/for the/for a/per night/per person/extra]", "% [a month/a year/per month/per year/a week/per week] !charge/fee/fine/penalty/cost/admin",
        "i/we can/could (also) add it/one/that/them for %",
        "gets/get/save you (a/an) (#/third/quarter/half) off", "you can buy/order/get/add it/one/them", "[buy/order/add/get] it on/in/through our",
        "[i/we] can/could [bring/get/take/knock] (it/the price/your premium/your bill/the cost) down", "for/with the/our [priority/premium/express/fast track/fast-track/upgraded] (service/option/delivery/plan)",
        "would you be interested", "you/they might/may (be) interested/like/want/prefer/find/benefit", "might/may/could be worth",
        "i/we can/could offer", "i/we can/could (also) [give/add/include/throw in/set you up with/get you] (you) (a/an/the) discount/upgrade/deal/plan/bundle/booster/credit/month/free/better/cheaper/faster/new/extra/loyalty",
        "i/we offer", "[there is/we have/there are/we have got/we do] a/an/some [plan/option/deal/offer/package/bundle/tariff/promotion/discount/upgrade/add on/product/service/cheaper/better/faster/new/special] !to",
        "special offer", "upgrade", "have you [considered/thought about/looked at/heard of/heard about]", "how about a/an/adding/switching/upgrading/moving/the/we",
        "what about a/an/adding/switching/upgrading/the", "i/we can/could recommend/suggest", "i would recommend/suggest", "i recommend",
        "if you are interested", "if you (would) like/want i/we can/could", "a better deal", "better plan/package/tariff/value/option/deal",
        "save you (some) money", "save (some) money", "cheaper plan/package/tariff/option/deal", "bundle",
        "add on", "loyalty offer/discount/deal", "free upgrade/month/trial/booster", "(you) qualify for", "you are eligible for",
        "i/we can/could switch/move/upgrade you", "would it/that help [if/to have]",
    ]

    /// The agent proposing to do or provide something. Alone this is only an action ("I can check
    /// that for you"); with something additional in the same sentence (``offerThing``) it is an offer.
    static let offerProposal = [
        "i/we can/could (also/just/easily/even/actually/always) [switch on/turn on/activate/enable/add/include/throw in/set up/set you up/put you on/put you onto/move you/switch you/upgrade/swap you/get you/give you/divert/forward/redirect/send you/send out/pop/apply/sort you out with/offer/arrange/reroute/re route]",
        "i/we can/could (also/just/easily/even/actually/always) [ask/get/have] (the/our/a/an/my) .. .. to [switch on/turn on/activate/enable/add/apply/set up/move/switch/upgrade/divert/forward/redirect/reroute/re route/route]",
        "i/we would (be happy to/love to/like to) (also) [switch on/turn on/activate/enable/add/include/set you up/put you on/move you/switch you/upgrade/divert/send you]",
        "[we have/we have also got/we have got/we also have/we do/there is/there is also/there are/we offer/we now have/we now offer] (also) a/an/some/our/another",
        "[would you like/do you want/want/shall i/should i/how about i/why do not i] (me/us) (to) [switch on/turn on/activate/enable/add/include/set you up/put you on/move you/switch you/upgrade/divert/forward/send you]",
        "i/we might/may (be able to) [switch on/turn on/activate/enable/add/include/set you up/put you on/move you/switch you/upgrade/match/get you/give you]",
        "would it be (useful/helpful/worth) (it) to [add/switch/move/upgrade/put/set up/have/get]",
        "you could/might/may (also) be [eligible/entitled] (to/for)",
    ]

    /// A question that takes up an offer made in the sentence before: "I can add a booster for £5.
    /// Shall I add it?"
    static let offerFollowUp = [
        "[shall/should] i/we (go ahead and) [add/book/set up/switch/do/put/order/arrange/sort] (it/that/this/one/them) (on/for you)",
        "would you like it/that/one/them/this", "do you want it/that/one/them/this", "want me to [add/book/do/set up|order] it/that/one",
    ]

    /// Something additional a customer could have: a product, service, plan change, upgrade or extra.
    static let offerThing = [
        "plan !to", "tariff", "bundle", "deal", "discount", "upgrade", "add on", "addon", "extra", "extras", "kit",
        "booster", "extender", "mesh", "protect", "protection", "feature", "insurance", "package", "boost", "offer",
        "promotion", "promo", "trial", "for free", "free of charge", "at no (extra/additional) (cost/charge)",
        "no extra charge", "free [upgrade/trial/month/months/booster/boost/data/minutes/texts/gift/add on/extra/extras]", "subscription", "sim only", "allowance", "data", "unlimited", "roaming pass",
        "priority", "premium", "loyalty", "reward", "voucher", "perk", "divert", "diversion", "call forwarding",
        "caller display", "spam", "scam", "blocker", "parental controls", "antivirus", "security suite",
        "faster", "cheaper", "better value", "service", "cap", "alert", "pass", "railcard", "quote", "saver",
        "social tariff", "[wi fi/wifi/wireless] calling",
    ]

    /// Pre-empting the next need or the next contact: what the customer will see, get or need next,
    /// what is normal, what to do if something happens again.
    static let anticipate = [
        "sf:[when/once/after/as soon as] the/your/it/they/that/this/you (..) [arrive/arrives/come through/comes through/delivered/is delivered/installed/is installed/plugged in/turned on/switched on/land/lands/activated/is activated/goes live/is live/is connected/is set up/turns up/get it/receive it/get the/receive the/gets to you/reaches you/first bill/new bill/is back on/comes back on]",
        "you may/might/could (also) [notice/see/get/receive/find/hear/want/need/be asked/spot/feel/experience/lose]",
        "you will (probably/likely) [notice/find/hear a/be asked/spot/experience/lose]", "you will also need/notice",
        "that/this/it is (completely/perfectly/totally/quite/entirely/absolutely/just) [normal/expected/nothing to worry/our record|safe to]",
        "do not [worry/panic/be alarmed/be concerned] if/when/about", "do not be alarmed",
        "so/and you [do not/will not/would not] have/need to call/ring/phone/contact/chase/come (us) (back/again)",
        "you/there [will not/should not/do not] need/have to call/ring/phone/contact/chase (us) (back/again)",
        "no need to call/ring/phone/contact/chase (us) (back/again)", "in case",
        "if that/this/it [happens again/keeps happening/comes back/happens/does it again]", "if anything changes",
        "if there is [any problem/a problem/any issue/an issue/any delay/a delay/anything wrong]",
        "if the problem/issue/fault [comes back/happens again/returns/persists/continues]", "if the/your [first one/original/old one/original one] [turns up/arrives/comes]",
        "if you [do not/have not/still do not] get/receive/hear/see", "should you need", "next time", "going forward", "in (the) future",
        "to avoid/prevent/stop this/that/it (from) (happening)", "so this/that/it [will not/does not/can not/would not] happen again",
        "heads up", "bear in mind", "worth knowing", "keep in mind", "one/another thing to [note/know/mention/be aware]",
        "what to expect", "you can expect", "expect a/an/the/your/to/some", "^ expect", "pro rata", "prorated",
        "before you ask/wonder", "you might be wondering", "you may be wondering", "in the meantime", "meanwhile",
        "for peace of mind", "that way you", "so that you [do not/will not/can/know/are not/have]", "so you [know/do not/will not/can still|won't]",
        "until then you can still", "keeps working until", "keep your (same/existing/current) number",
        "nothing (more/else) to pay/do", "so you are [covered/protected/still covered/not left]",
        "[will not/do not/would not] need to [come in/be home/be in/come inside/come into/be there]",
        "will [call/ring/text/phone] you [the day/the week/the evening/the night/the morning] before",
        "[the moment/as soon as] it/they [turns up/turn up/arrives/arrive/comes in/come in/is found/is handed in/are handed in]",
        "next month/week/year/time if", "when (..) (is/are) on the/their way", "anything else you are [unsure/worried/wondering/concerned/not sure] about",
        "you can (always/still) [switch/change/go/move] back",
        "i can see (that) your [contract/plan/renewal/warranty/deal/fixed tariff/fix] [ends/expires/runs out/renews/is due/is ending|finishes]",
        "your contract/plan/warranty/renewal/subscription/card/fixed tariff/deal [ends/expires/runs out/renews/is due/is ending]",
        "do not be surprised if/when", "no need to worry if/when/about", "so there are no surprises", "no surprises",
        "so you are not caught out", "so you do not get caught out", "you will (also) notice", "you might (also) notice",
        "if anything (else) comes up", "if you [ever need/have any more trouble/have any more problems/have any more issues|have any trouble]",
        "should anything [change/happen/go wrong/come up]", "if it ever happens again", "so it/this/that does not happen again",
        "[it/this/that] is (completely/perfectly/totally) [normal/expected/nothing to worry about] (for/when/after/if)",
        "you will see a (small/temporary/pending/one off/holding) [charge/payment/credit/hold/refund]",
        "[they/he/she/the engineer/the driver/the courier/the team/the technician|someone] will [call/ring/text/phone/message] you (about/around/roughly) (#) (#) [minutes/mins/hours/when they are on their way/before/the evening/the day/the night/on the way|on their way|as they leave]",
        "you will (also) get/receive a/an [text/email/call/message] (..) [the evening before/the day before/the night before/before they arrive/with a/when they are on the way|when they are on their way|on the day]",
        "you/they [do not/will not/would not/should not] need (to) [be home/be in/be there/come in/tell us/tell/call/do anything/bring/your/to be/to come|to do|to tell]",
        "nothing (else/more) for you to do", "you do not have to do anything",
        "might/may/could [look/seem/appear/drop/flicker/go off/restart/be slow|show|feel|cut out|reboot|take a]",
        "you will (also) need [photo/proof/id/to register/to activate/to set up a]",
        "just so you know", "for your information", "[lots of/a lot of/most/many] people [forget/find/miss/ask|get caught]", "catches (a lot of/loads of/lots of/many) people out",
        "you will not be charged (twice/again/for it|for that)", "drop/drops off [by itself/on its own/automatically/after/within]",
    ]

    // MARK: - Things to avoid

    /// Telling the customer what can't be done. Bare modal negations ("can't", "won't") only count
    /// with the agent, the company or the customer as subject ("I can't", "we won't be able to", "you
    /// can't"): "so it can't happen again" and "the website won't load" refuse nothing.
    static let negative = [
        "can not", "could not", "will not", "would not", "am not able", "are not able", "not able", "unable", "unless",
        "unfortunately", "not allowed", "not possible", "impossible", "nothing (i/we) can (do)",
        "nothing (more/else) (i/we) can", "no way", "i am afraid", "i'm afraid", "not sure", "do not know", "no idea",
        "not my/our [responsibility/problem/department/fault/job/network/area/remit/decision/policy]", "not responsible",
        "there is nothing/not much (more/else) (i/we) can", "there is nothing i/we", "not permitted", "not authorized",
        "we do not (offer/provide/do/allow/have/support|cover|accept|give|deal)",
        "i do not (know/have the/have any/have access)", "we never", "i/we [have/had/am/are] (to) [reject/rejecting/decline/declining/refuse/refusing/deny/denying]",
        "not in a position", "out of my hands", "nothing to do with", "not how it works", "that is how it is",
        "the system [will not/does not/can not] let/allow", "the rules", "according to (our/the) policy/rules/terms",
        "computer says no", "i have no (way|control|power|access)", "not going to be possible", "no longer available/possible/offer",
        "out of (my|our) control", "not something (we|i) (can|do)", "our/company/bank/store policy", "policy [is/says/states/excludes/does not]",
        "against (our/the) policy", "[policy/cover/insurance/it/this/that/warranty|guarantee] excludes", "does/do/will not apply/cover/include", "[is/are/was/were] not [covered/included/eligible/valid/refundable|in your contract|available]",
        "[is/are] only [valid/available/possible/for]", "(i/we) can/could only", "not always [accurate/reliable/right/correct/possible]",
        "outside (of) (our/the/your) (..) [scope/remit/policy/control|terms]", "we have no", "will not be [available/possible/able]",
        "can not/could not be [guaranteed/combined/refunded/changed/done/reversed/canceled/transferred/offered/given/accepted/processed/exchanged/returned/made/helped/fixed/sorted/waived/removed/backdated/extended|issued]",
    ]

    /// Phrases with negative words that are positive in sense ("no problem", "don't worry").
    static let mask = [
        "no wonder", "no (extra/additional) app", "i/we [will not/do not/can not] [accept/tolerate] (being/that/this/abuse)", "not (be) your fault", "[was not/is not/were not/was never] your fault",
        "no fault of your own", "you have not done anything wrong", "you did not do anything wrong", "nothing you did (wrong)",
        "you have done nothing wrong", "not because of anything you did", "you did (absolutely) nothing wrong",
        "in/during (the) (wet/bad/cold/hot/stormy/windy/damp/rainy/heavy/warm/freezing) weather/rain/storms/storm/wind/snow/heat",
        "[when/whenever/if/while/after/every time/each time/once] (it/there) (is/gets/has been/has) (a/very/really) [rain/rains/raining/rained/wet/snows/snowing/windy/stormy/damp/hot/cold/storm]",
        "weather related", "the rain/damp/water [gets/got/is getting]", "wet weather", "bad weather", "damp weather",
        "[while/when/if/whilst] you are (away) (on holiday/on vacation/abroad/travelling)", "holiday abroad",
        "no problem", "not a problem", "no worries", "do not worry", "not to worry", "never mind", "do not hesitate",
        "no extra/additional/further charge/cost/fee", "no charge/cost", "at no extra/additional cost", "will not [be charged/cost]",
        "[will not/do not/not] need/have to", "no longer have/need to", "no need", "why not", "no matter", "no doubt",
        "not only", "no later than", "not long", "nothing to worry", "no trouble", "would not want (you)", "can not wait",
        "can not thank", "not at all", "not for long", "do not panic", "do not be alarmed/concerned",
        "if you [did not/have not/do not]", "in case you [did not/have not]", "unless you did not",
        "[if/in case/should] that/this/it [does not/is not/did not]", "if the/your (..) [does not/is not]",
        "not been charged/billed", "will not [lose/miss/be left/be out of pocket/happen again]", "should not happen/take",
        "can/could not [be happier/agree more/imagine/believe/thank you enough|wait]", "not that i [know/am aware]", "not/never have/need to call/ring/chase",
    ]

    /// Wording that turns the customer down: a sentence with it restates nothing for them.
    static let refusal = [
        "unfortunately", "i am afraid", "not allowed", "not permitted", "not responsible", "our/company policy",
        "policy [is that/says/states/does not]", "against (our/the) policy",
        "i/we [can not/am not able to/are not able to/will not be able to/are unable to/am unable to/do not/will not]",
        "not something (we|i) (can|do)", "does/do not apply/cover/include", "nothing (i/we) can (do)",
    ]

    /// Putting the fault on the customer ("if you'd paid on time", "it's in the terms you agreed to",
    /// "are you sure?") or passing it to someone else ("that's done by the finance team", "the
    /// installers are contractors, take it up with them"). Restating what the customer said ("you
    /// were told a week") and owning a mistake are not blame.
    static let blame = [
        "you should have !been", "you should not have", "you ought to have", "you need/needed to have", "your (own) fault/mistake/error",
        "you forgot", "you failed to", "you must have", "you were supposed/meant to", "you were warned/advised/informed",
        "you clearly/obviously did/have/are/were/should", "if you had/would (just/only) [read/checked/called/followed/listened/paid/done/told/set/updated/looked/rung|contacted]",
        "as i (already/just) [said/told you/explained/mentioned]", "like i (already/just) said", "i already/just told you", "i have already told/explained/said",
        "other/that department/team [messed/made/got/did/should/is to blame/screwed/mucked/dropped/failed/forgot]",
        "messed it/this/that/things up", "messed up", "mucked up", "screwed up", "cocked up", "dropped the ball",
        "their fault/mistake/error", "not my department/fault/job/problem/responsibility/area/team", "not our fault/problem/responsibility/department/mistake",
        "nothing to do with me/us/my/our", "not down to me/us", "(the) billing/sales/technical/tech/other/previous team/department/agent/person [got it wrong/made a mistake/messed/should have/did not/failed/forgot]",
        "blame the/them/your/it/that", "to blame", "whoever you spoke to", "the last/previous person/agent/advisor/adviser/colleague [you spoke to/should/did/got/made/gave/told]",
        "my colleague [should/got/made/did/messed/gave/told you wrong/was wrong]", "they should have", "someone/somebody else (s) fault/mistake/problem",
        "you did/have not read/checked/followed/listened/set/updated/sent/returned/bother/bothered", "user error",
        "s:you did not [restart/reboot/read/check/pay/call/follow/set/update/send/return/reply/register/tell/cancel/submit/fill/sign/activate/turn/switch|plug|save|back]",
        "you keep/kept missing/forgetting/getting", "you are/were wrong/mistaken/confused", "you have (got) it/that wrong",
        "(the) engineer [messed/did not/failed/forgot/got it wrong]",
        // Passing it to someone else.
        "[is/are/was/were] (all) [done/made/handled/operated/run/employed/calculated/set/determined/managed/decided/dealt with|controlled|owned] by (a/an/the/your/our) (..) [team/department/partner/employer/agency/contractor/contractors/company/system/supplier/provider/third party/consultant/installer/courier/garage/council/bank/airline/landlord/hospital/surgery/retailer/manufacturer/insurer|subcontractor|computer]",
        "[is/are/was] a/an (different/separate/independent/external/third party/outside) [department/team/company/garage/business/contractor/agency/organization/partner|firm|supplier]",
        "are contractors/subcontractors", "is/are not us", "not to us", "not us $", "[is/are] responsible for",
        "(you will/you would/you) (need/have) to [claim/check/take that up/take it up/raise it/raise that/complain/speak/talk/sort it out|deal] (..) [with/from/to] them",
        "need to go to them", "take that/it up with them/the", "[chase/contact/ring/call] [his/her/their] (..) [secretary/team/office|department|manager]",
        "[centre/center/team/department/office/engineer/driver/courier/warehouse/contractor/contractors/installer/installers/technician/store/branch/depot|agent|colleague] should have !been",
        "must have .. the wrong", "not being [removed/fitted/done/installed/checked/tightened|set up]", "i (just/only) do [appointments/bookings/billing/sales|payments|the]",
        "i do not set/decide/make/control them/the/that/it", "i only deal with/handle",
        // The customer's doing.
        "[clearly/all] [stated/explained/written/shown/set out|laid out|mentioned] (in/on) (the/our/your)", "[stated/explained/written/set out/mentioned] in the [terms/t/policy/contract/small print/agreement|conditions]",
        "it says on/in the", "it is (all/clearly) in the [terms/t/small print/contract/agreement/policy wording|conditions]", "terms you agreed/signed/accepted",
        "did you (even) read the/your/our", "your responsibility", "are you sure", "you need/should to be more careful", "should be more careful",
        "the way you are [typing/entering/doing/using/putting/filling]", "the way you think", "not how you think", "you (have) misunderstood",
        "customers (often/sometimes) [do not/did not/forget/fail]", "when/if customers/people [do not/did not/forget/fail]",
        "we advise customers/people (not) to", "did you (..) (..) by mistake/accident", "did you [break/damage/spill/sit on|knock]",
        "did you drop it/them !at/off/in/round/into/to/back", "you [authorized/approved/agreed to/signed up to|accepted] (the/this/it) (..) so",
        "if you wanted/needed .. (it/that) should have",
        "you were supposed/meant/expected to", "you are supposed/meant/expected to",
        "you [missed/ignored/overlooked/chose/picked/opted for/entered/typed/gave us/sent us] the wrong", "you [did not/never] tell/told us",
        "you [did not/never] let us know", "you (would) have known", "that is on you", "you agreed to [the/our/these/those] (..) [terms/conditions/t]",
        "[in/under/as per/according to] the [terms and conditions/t and cs/small print/terms of your]", "read the [terms/small print/t and cs/letter/email|contract]",
        "that is (the) [courier/supplier/manufacturer/landlord/bank/retailer/council/installer/airline/hotel/insurer|network] (fault/problem/responsibility/issue|job)",
        "[it is/that is] a [manufacturer/supplier/courier/bank/retailer/network/third party|landlord] [issue/problem/fault/matter]",
        "that is (a matter) for (the/your) [bank/supplier/manufacturer/courier/landlord/employer/council/insurer/retailer|airline]",
        "that is down to (the/your) [bank/supplier/manufacturer/courier/landlord/employer/council/insurer/retailer/airline|installer|engineer]",
        "(you will) (need/have) to [speak/talk/complain/go] to (the/your) [bank/supplier/manufacturer/courier/landlord/employer/council/insurer/retailer/airline] (directly)",
        "[we are/we are only/we are just] (the) [middleman/middle man/reseller|agent|broker]", "on their end/side", "at their end", "their system",
        "they [messed/mucked/got it wrong/made a mistake/lost|forgot/failed|did not bother]", "[someone/somebody] [messed/got it wrong/made a mistake|forgot]",
        "you must be mistaken", "are you certain", "did you [actually/even/definitely/really] [check/read/send/pay/call/do/try]",
        "did you remember to", "have you [actually/even] [checked/read/tried]", "you probably [did/forgot/missed/entered/typed|deleted]",
        "maybe/perhaps you [did/forgot/missed/entered/typed/deleted|clicked]",
    ]

    static let jargon = [
        "dns", "dns server", "ip", "ip address", "ipv4", "ipv6", "firmware", "router firmware", "ont", "optical network terminal",
        "sim provisioning", "provisioning", "provision", "reprovision", "re provision", "mfa", "2fa", "two factor", "multi factor",
        "packet loss", "packets", "dhcp", "escalation matrix", "sla", "slas", "service level agreement", "ticket triage", "triage",
        "latency", "jitter", "ping (test/time/rate/times)", "bandwidth", "throughput", "mac address", "ssid", "wpa", "wpa2", "wpa3",
        "wep", "subnet", "subnet mask", "default gateway", "gateway", "port forwarding", "vlan", "fttc", "fttp", "ftth", "adsl",
        "vdsl", "dsl", "dslam", "line sync", "sync speed", "resync", "snr", "noise margin", "attenuation", "lan", "wan", "isp", "apn",
        "imei", "imsi", "iccid", "puk", "pac code", "stac", "otp", "sso", "vpn", "browser cache", "cache", "ttl", "bgp", "nat",
        "qos", "backhaul", "mtu", "docsis", "olt", "gpon", "pon", "dbm", "tcp", "udp", "ssl", "tls", "api", "oauth", "backend",
        "back end", "tier (2/two/3/three)", "second line support", "second line team", "l2", "l3", "third line", "3 rd line",
        "2 nd line", "crm", "kyc", "aml", "chargeback", "rca", "root cause analysis", "aht", "fcr", "nps", "csat", "ivr", "acd",
        "wrap code", "disposition code", "work order", "fault code", "mpls", "sip", "voip", "pbx", "pstn", "ethernet backhaul",
        "powerline adapter", "bridge mode", "reflash", "the exchange side", "ntp", "ntcp", "layer (2/3/two/three)", "l1", "pppoe",
        "ppp", "authentication token", "auth token", "the node", "cmts", "fault ticket", "ticket id", "routing", "kernel", "rtt",
        "mbps", "megabits", "upstream", "downstream", "sync rate", "dlm", "dynamic line management", "interleaving", "fast path",
        "line profile", "ssid broadcast", "dual band", "beamforming", "channel width", "mesh node", "wan port", "lan port",
        "hlr", "msisdn", "esim profile", "volte", "wifi calling provisioning", "number port", "number porting", "pac", "imap", "smtp",
        "pop3", "exchange server", "two step verification", "totp", "biometric", "tokenization", "3ds",
        "3d secure", "bacs", "chaps", "iban", "bic", "direct debit indemnity", "pro rata", "pre auth", "pre authorization",
        "arrears", "escalation path", "queue", "backlog", "level 2", "level 3", "ops team", "noc", "field ops", "openreach",
        "notification of loss", "ground handling", "pricing algorithm", "claims inflation", "risk factors", "turbidity",
        "regulatory limits", "yield management", "mandatory reconsideration", "mid term adjustment", "product information document",
        "soft decline", "acquirer", "auth", "maintenance window", "maintenance windows", "pairing", "re commission", "recommission",
        "intune", "pathway", "apportioned", "re presentment", "representment", "settlement", "card not present", "scheme rules",
        "power cycle", "power cycled", "resolver", "adapter settings", "portal", "re register", "tenant level", "tenant",
        "network re registration", "smets", "smets1", "smets2", "mpan", "mprn", "duos", "tnuos", "kyc", "3ds", "chargeback",
        "subrogation", "indemnity", "underwriting", "underwriter", "sum insured", "exclusion clause",
        "amortization", "accrual", "accrued", "remittance", "reconciliation", "clearing cycle", "merchant acquirer",
        "authorization hold", "pre authorization", "tokenized", "escrow", "secondary care", "primary care", "tertiary care",
        "contraindicated", "referral pathway", "network operator", "meter point", "commissioning", "backflow", "chlorination",
        "line card", "dns propagation", "propagation", "group policy", "active directory", "conditional access", "endpoint",
        "certificate chain", "cname", "mx record", "dkim", "spf record", "dmarc", "codeshare",
        "interline", "fare basis", "open jaw", "backorder", "drop ship", "fulfilment center", "fulfillment center",
        "sku", "rma", "pnr", "apis", "fnol", "ipid", "mdt", "dno", "rdp", "ccj",
    ]

    /// Single-word jargon entries, as written: a one-word match must be one of these or a plain
    /// inflection of one ("provisioned"), so "lane" is not "LAN".
    static let jargonWords: Set<String> = Set(jargon.filter { !$0.contains(" ") && !$0.contains("(") })

    /// Capitalised abbreviations every customer knows: not jargon when an agent uses them.
    static let everydayAbbreviations: Set<String> = [
        "id", "pin", "qr", "gp", "tv", "sim", "esim", "nhs", "ok", "us", "usa", "uk", "eu", "mri", "bbc", "itv", "atm", "sms",
        "pdf", "usb", "mot", "vat", "hmrc", "dvla", "dwp", "am", "pm", "faq", "asap", "it", "hr", "pc", "ups", "dpd", "dhl",
        "bt", "ee", "o2", "rac", "aa", "isa", "ceo", "dr", "mr", "mrs", "ms", "gb", "tb", "mb", "kb", "ghz", "mhz", "mbps",
        "kwh", "kg", "km", "mph", "cv", "wifi", "ni", "po", "ae", "tsb", "hsbc", "rbs", "ev", "ai", "dob", "cctv", "gps",
        "app", "ii", "iii", "iv", "vi", "ps", "nb", "eta", "ref", "no", "lol", "omg", "btw", "fyi", "ty", "thx", "pls",
        "p45", "p60", "a", "i", "fm", "dvd", "cd", "uht", "mp", "mps", "gcse", "rspca", "ons", "dla", "pip",
        "apr", "payg", "4g", "5g", "3g", "hdmi", "url", "ios", "jpg", "mms", "rrp", "gmt", "bst", "tba", "tbc", "dd", "uc",
        "nct", "nus", "tfl", "rsvp", "www", "led", "lcd", "dab", "bbq", "diy", "vip", "sos", "bmw", "vw", "ikea", "edf", "sse",
        "ovo", "ba", "klm", "ppi", "iou", "aka", "ie", "eg", "st", "rd",
    ]

    static let calmDown = [
        "calm down", "calm yourself", "stay calm", "keep calm", "be calm", "relax", "no need to [shout/yell/scream/swear/get upset/get angry/be upset/be angry/be rude/raise your voice/get worked up/get aggressive/be aggressive/take that tone/be like that/get so/be so]",
        "stop shouting/yelling/screaming/swearing", "do not [shout/yell/scream/raise your voice/take that tone/get angry/get upset/be rude]",
        "lower your voice", "take a (deep) breath", "settle down", "chill", "chill out", "watch your language/tone/mouth", "mind your language/tone",
        "you are [overreacting/over reacting/being unreasonable/being rude/being aggressive/being hysterical/being dramatic/being silly/being ridiculous]", "overreacting",
        "you need to calm", "simmer down", "cool down", "cool it", "there is no need for that", "no need for that", "get a grip",
        "if you keep/continue shouting/being",
        "take it easy", "deep breaths",
    ]

    static let hollowCloser = [
        "anything else (i/we) can (help/do/assist|sort)", "is there anything else !$NOTCLOSER", "anything else [today/for you/you need/at all/i can/we can/on your mind/you want/you would like]",
        "(can/could/may) (i/we) (help/assist) (you) with anything else", "help (you) with anything (else/further)", "anything further",
        "anything more (i/we) can", "is there something else", "what else can (i/we) (do/help|assist)", "any other questions/queries/issues/problems/concerns",
        "will that be all", "will there be anything else", "is that everything (today|for today|for now)", "is that all (for today|today|for now)",
        "is there anything more !$NOTCLOSER", "^ anything else !$NOTCLOSER",
    ]

    static let smallTalk = [
        "weather", "sunny", "raining", "rainy", "snowing", "hot today/out/outside/there", "cold today/out/outside/there", "lovely day",
        "nice day [out/today/for it]", "beautiful day", "your/good/nice/lovely/the/a weekend plans/was/been/go", "your/good/nice/lovely/great weekend",
        "plans for the weekend", "doing anything nice", "how is/has/was your day/weekend/week/morning/afternoon (going/been)",
        "having a good/nice/great/lovely day", "how are you (doing/keeping) (today/this morning/this afternoon/this evening) $",
        "how are things !$NOTCHAT", "how is it going !$NOTCHAT", "how is life", "been away", "going/gone/go/been on (a/your/their) holiday/holidays/vacation",
        "your/a nice/a lovely/a good [holiday/holidays/vacation]", "booked a/your/any holiday",
        "football", "the match", "the game [last night/yesterday/at the weekend]",
        "did you watch/see/catch the [match/game/football/rugby/cricket/tennis/final/race/news/show/grand prix/derby/fight/boxing/golf/olympics/world cup/euros/bake off/strictly/big game/weather/snow/rain/storm]",
        "christmas plans", "any (nice/exciting/big/fun/good/special) plans !$NOTCHAT",
        "any (nice/exciting/big/fun/good/special) plans for the/this/tonight/later/christmas/easter/summer/holiday/holidays/weekend/half/new",
        "what a/an day/week/year", "the traffic", "nice name", "lovely name", "great name", "your accent", "where [are you/abouts are you] (calling) from",
        "where are you based", "bake off", "[easter/summer/christmas/half term] plans/holidays/break",
        "your/the kids/family/dog/cat/pets well/ok/doing", "been/going anywhere nice", "lovely weather", "nice weather", "terrible weather",
    ]

    static let transfer = [
        "transfer [you/your call/the call/this call]", "transferring [you/your call/the call]", "put you through", "putting you through",
        "another department", "another team", "a/the different department/team/area/number", "the other department/team", "pass you over/on/to/across/back",
        "passing you over/on/to/across", "hand you over", "hand you to/on", "handing you over/on", "redirect [your call/you]", "connect you to/with",
        "the right/relevant/correct/appropriate/specialist/dedicated department/team/people/person", "[you/you will] need/have to [call/ring/contact/phone/speak to/talk to/email] [them/the/another/a different/our]",
        "call the other number", "speak to someone else",
        "get/have you [transferred/put through/passed over/passed on/passed across]", "[transferred/put through] (over/across/back) to", "put you on to", "i will get someone else", "not me/us you need", "get you over to",
        "put you over/across to", "they can/could/will/would deal/help with this/that/it better", "best placed to", "send you over to",
    ]
}
