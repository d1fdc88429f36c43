import Content
import Dialogue
import Language
import Testing

@Suite struct PersonaParsingTests {
    @Test func validPersonaLoadsIntoTheModel() throws {
        let (loaded, diagnostics) = ContentLoader.parsePersona(yaml: validPersona, id: "dana", file: "Personas/dana.yaml")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        let persona = try #require(loaded)
        #expect(persona == Persona(
            id: "dana", name: "Dana Whitlock", summary: "Freelance bookkeeper who works from home and has no time to lose.",
            style: .driver, temper: .irritated, patience: 4, knowledge: .medium, tier: .B, contactPreference: "text",
            pleasedBy: [.brevity, .specifics], annoyedBy: [.smallTalk, .longReplies],
            reactions: [.ignored: ["Did you hear any of that?", "That's not an answer to what I said."],
                        .hangUp: ["I've wasted enough of my day on this. Goodbye."]]))
    }

    @Test func contactDefaultsToPhone() throws {
        let text = validPersona.replacingOccurrences(of: "contact: text\n", with: "")
        let (persona, diagnostics) = ContentLoader.parsePersona(yaml: text, id: "dana", file: "dana.yaml")
        #expect(diagnostics.isEmpty)
        #expect(try #require(persona).contactPreference == "phone")
    }

    @Test func windowsLineEndingsLoad() throws {
        let text = validPersona.replacingOccurrences(of: "\n", with: "\r\n")
        let (persona, diagnostics) = ContentLoader.parsePersona(yaml: text, id: "dana", file: "dana.yaml")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        #expect(try #require(persona).summary == "Freelance bookkeeper who works from home and has no time to lose.")
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var fixture: Marked
        var message: String
        var exact: Bool
        var testDescription: String { fixture.testDescription }

        /// Replaces `line` of the valid persona with `replacement`, which holds the 👉 marker.
        init(_ name: String, replacing line: String, with replacement: String, _ message: String, exact: Bool = true) {
            fixture = Marked(validPersona.replacingOccurrences(of: line, with: replacement), name)
            self.message = message
            self.exact = exact
        }
    }

    static let cases: [Case] = [
        Case("patience is not a number", replacing: "patience: 4", with: "patience: 👉lots",
             "`patience` should be a whole number from 1 to 10, not `lots`"),
        Case("patience out of range", replacing: "patience: 4", with: "patience: 👉11",
             "`patience` should be a whole number from 1 to 10, not `11`"),
        Case("patience is a list", replacing: "patience: 4", with: "patience: 👉[4]",
             "`patience` should be a whole number from 1 to 10, not a list"),
        Case("unknown style", replacing: "style: driver", with: "style: 👉boss",
             "`style` should be driver, expressive, amiable or analytical, not `boss`"),
        Case("misspelt temper", replacing: "temper: irritated", with: "temper: 👉irritaded",
             "`temper` should be calm, anxious, irritated or angry, not `irritaded`; did you mean `irritated`?"),
        Case("tier in lowercase", replacing: "tier: B", with: "tier: 👉b",
             "`tier` should be A, B or C, not `b`; did you mean `B`?"),
        Case("unknown contact", replacing: "contact: text", with: "contact: 👉fax",
             "`contact` should be phone, email, text or letter, not `fax`"),
        Case("a trait that cannot please", replacing: "pleased_by: [brevity, specifics]",
             with: "pleased_by: [brevity, 👉jargon]",
             "`pleased_by` should be empathy, paraphrase, specifics, personal_touch, brevity, plain_language, "
                + "questions, offers or recognition, not `jargon`"),
        Case("misspelt reaction kind", replacing: "  hang_up:", with: "  👉hangup:",
             "unknown key `hangup`; did you mean `hang_up`?"),
        Case("misspelt top-level key", replacing: "knowledge: medium", with: "👉knowlege: medium",
             "unknown key `knowlege`; did you mean `knowledge`?"),
        Case("missing required key", replacing: "# yaml-language-server: $schema=../schemas/persona.schema.json\nname: Dana Whitlock\n",
             with: "# yaml-language-server: $schema=../schemas/persona.schema.json\n👉",
             "a persona needs `name:`, the customer's name"),
        Case("empty name", replacing: "name: Dana Whitlock", with: "name:👉 ", "`name` is empty; it should be text"),
        Case("duplicate key", replacing: "tier: B", with: "tier: B\n👉tier: C",
             "`tier` appears twice in the same mapping (first at line 10); keep one"),
        Case("trait listed twice", replacing: "  - long_replies", with: "  - long_replies\n  - 👉long_replies",
             "`long_replies` is listed twice in `annoyed_by`"),
    ]

    @Test(arguments: cases)
    func reportsProblemAtItsPosition(_ example: Case) {
        let (persona, diagnostics) = ContentLoader.parsePersona(yaml: example.fixture.text, id: "dana",
                                                                file: "Personas/dana.yaml")
        #expect(persona == nil)
        expectDiagnostic(diagnostics, line: example.fixture.line, column: example.fixture.column, .error,
                         example.message, exact: example.exact)
    }
}
