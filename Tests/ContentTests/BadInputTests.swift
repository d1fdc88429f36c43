import Content
import Foundation
import Testing

/// Files that are not content at all, or are built to hurt a loader, must give a message and never crash or hang.
@Suite struct BadInputTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var fixture: Marked
        var message: String
        var testDescription: String { fixture.testDescription }
        init(_ name: String, _ marked: String, _ message: String) {
            fixture = Marked(marked, name)
            self.message = message
        }
    }

    static let cases: [Case] = [
        Case("tab", "name: Dana\n👉\tsummary: S\n", "the YAML is not well formed here: found a tab character where indentation was expected"),
        Case("tab after a list", "pleased_by:\n  - brevity\n👉\t- specifics\n", "found a tab character where indentation was expected"),
        Case("alias", "name: &n Dana\nsummary: 👉*n\n", "aliases (*name) are not supported in content files"),
        Case("alias in a list", "name: Dana\npleased_by: &traits [brevity]\nannoyed_by:\n  - 👉*traits\n",
             "aliases (*name) are not supported in content files"),
        Case("undefined alias", "name: 👉*nobody\n", "aliases (*name) are not supported in content files"),
        Case("merge key", "base: &b {name: Dana}\nother:\n  <<: 👉*b\n", "aliases (*name) are not supported"),
        Case("anchor without alias", "name: 👉&n Dana\n", "anchors (&n) are not supported in content files"),
        Case("NUL byte", "name: Da👉\u{0}na\n", "the file looks binary, not text: it has a NUL byte here"),
        Case("control character", "name: \"Da👉\u{1}na\"\n", "the file has a control character here"),
        Case("value after a key on the same line", "name: Dana👉: Whitlock\n", "the YAML is not well formed here: a `:` cannot start a value here"),
        Case("two documents", "name: Dana\n👉---\nname: Eve\n", "a content file holds one YAML document"),
        Case("empty file", "👉", "the file is empty"),
        Case("only a comment", "# nothing here\n👉", "the file is empty"),
        Case("a list, not a mapping", "👉- name: Dana\n", "a persona file should be a mapping of keys such as `name:` and `summary:`, not a list"),
        Case("unclosed quote", "name: \"Dana\n👉", "the file ends inside quoted text; close the quote"),
    ]

    @Test(arguments: cases)
    func badInputGivesAMessageAtItsPosition(_ example: Case) {
        let (persona, diagnostics) = ContentLoader.parsePersona(yaml: example.fixture.text, id: "p", file: "p.yaml")
        #expect(persona == nil)
        let match = diagnostics.first { $0.isError && $0.message.contains(example.message) }
        #expect(match != nil, "\(diagnostics.map(\.description))")
        if let match, example.fixture.line > 0 {
            let column = example.message == "the file is empty" ? 0 : example.fixture.column
            let line = example.message == "the file is empty" ? 1 : example.fixture.line
            #expect(match.line == line && match.column == column, "\(match.description)")
        }
    }

    @Test func billionLaughsIsRefusedQuickly() {
        var text = "a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        for level in 1...30 {
            let previous = "*a\(level - 1)"
            text += "a\(level): &a\(level) [\(Array(repeating: previous, count: 9).joined(separator: ", "))]\n"
        }
        text += "name: *a30\n"
        let clock = ContinuousClock()
        var diagnostics: [Diagnostic] = []
        let elapsed = clock.measure {
            diagnostics = ContentLoader.parseScenario(yaml: text, id: "lol", file: "lol.yaml").1
        }
        #expect(elapsed < .seconds(5))
        // The first alias is on line 2, after `a1: &a1 [`.
        expectDiagnostic(diagnostics, line: 2, column: 10, .error, "aliases (*name) are not supported in content files")
    }

    @Test func billionLaughsAsAMappingKeyIsRefusedQuickly() {
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...40 {
            text += "a\(level): &a\(level) [\(Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", "))]\n"
        }
        text += "keys:\n  ? *a40\n  : boom\n  ? [*a40, *a40]\n  : boom\n"
        let clock = ContinuousClock()
        var diagnostics: [Diagnostic] = []
        let elapsed = clock.measure {
            diagnostics = ContentLoader.parsePersona(yaml: text, id: "lol", file: "lol.yaml").1
        }
        #expect(elapsed < .seconds(5))
        expectDiagnostic(diagnostics, line: 2, column: 10, .error, "aliases (*name) are not supported in content files")
    }

    static let anchorsAndAliases: [Marked] = [
        Marked("name: {first: 👉*f}\n", "alias in a flow mapping"),
        Marked("name: [a, 👉*f]\n", "alias in a flow list"),
        Marked("name: !!str 👉*f\n", "alias after a tag"),
        Marked("name: \"quoted\"\nother: 👉*f\n", "alias after quoted text"),
        Marked("name: |\n  text\nother: 👉*f # comment\n", "alias after a block"),
        Marked("- - 👉*f\n", "alias in a nested list"),
        Marked("? 👉*f\n: value\n", "alias as a complex key"),
        Marked("👉*f : value\n", "alias as a key"),
    ]

    @Test(arguments: anchorsAndAliases)
    func everyAliasIsFound(_ fixture: Marked) {
        let (_, diagnostics) = ContentLoader.parsePersona(yaml: fixture.text, id: "a", file: "a.yaml")
        expectDiagnostic(diagnostics, line: fixture.line, column: fixture.column, .error,
                         "aliases (*name) are not supported in content files")
    }

    static let notAliases: [String] = [
        "say: I *really* mean it & I want it fixed\n",
        "cues: [refund*, \"*sigh*\", 'R&D']\n",
        "say: |\n  *sigh*\n  &more text\n",
        "say: >-\n  Fine.\n\n  *sigh*\nnext: ok\n",
        "say: \"a long\n  *quoted* line\"\n",
        "# *not* an &alias\nsay: Q&A\n",
        "say: 'it''s *fine*'\n",
    ]

    @Test(arguments: notAliases)
    func textThatOnlyLooksLikeAnAliasIsFine(_ text: String) {
        let (_, diagnostics) = ContentLoader.parsePersona(yaml: text, id: "a", file: "a.yaml")
        #expect(!diagnostics.contains { $0.message.contains("not supported") || $0.message.contains("not well formed") },
                "\(diagnostics.map(\.description))")
    }

    @Test(arguments: [63, 64, 100, 990, 5_000])
    func deepNestingIsRefused(lists: Int) {
        // The root mapping is one level; `lists` nested lists sit under it.
        let text = "name: " + String(repeating: "[", count: lists) + String(repeating: "]", count: lists) + "\n"
        let (_, diagnostics) = ContentLoader.parsePersona(yaml: text, id: "deep", file: "deep.yaml")
        let tooDeep = diagnostics.first { $0.message.contains("deeper than 64 levels") }
        if lists + 1 <= 64 {
            #expect(tooDeep == nil)
        } else {
            #expect(tooDeep?.isError == true, "\(diagnostics.map(\.description))")
            #expect(tooDeep?.line == 1)
        }
    }

    @Test func deepBlockNestingIsRefused() {
        var text = ""
        for depth in 0..<80 { text += String(repeating: " ", count: depth) + "k\(depth):\n" }
        let (_, diagnostics) = ContentLoader.parsePersona(yaml: text, id: "deep", file: "deep.yaml")
        // The 65th mapping starts at the key on line 65.
        expectDiagnostic(diagnostics, line: 65, column: 65, .error, "the file nests deeper than 64 levels here")
    }

    @Test func hugeTextIsRefusedBeforeParsing() {
        let text = "name: " + String(repeating: "x", count: 5 * 1024 * 1024) + "\n"
        let (persona, diagnostics) = ContentLoader.parsePersona(yaml: text, id: "huge", file: "huge.yaml")
        #expect(persona == nil)
        #expect(diagnostics.map(\.description)
                == ["huge.yaml:1:0: error: the file is too large to be content (5.0 MB); content files are limited to 5 MB"])
    }

    @Test func hugeFileIsRefused() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("Personas/huge.yaml", Data(repeating: UInt8(ascii: "#"), count: 6 * 1024 * 1024))
        let library = ContentLoader.load(paths: [file])
        #expect(library.personas.isEmpty)
        #expect(library.diagnostics.count == 1)
        #expect(library.diagnostics.first?.message.contains("content files are limited to 5 MB") == true)
        #expect(library.diagnostics.first?.file == file.path)
    }

    @Test func binaryFileIsRefused() throws {
        let folder = try TemporaryFolder()
        var bytes = Data("name: Dana\nsummary: ".utf8)
        bytes.append(contentsOf: [0xFF, 0xFE, 0x00, 0x89, 0x50, 0x4E, 0x47])
        let file = try folder.write("Personas/junk.yaml", bytes)
        let library = ContentLoader.load(paths: [file])
        #expect(library.personas.isEmpty)
        #expect(library.diagnostics.map(\.description) == [
            "\(file.path):2:10: error: the file is not UTF-8 text: it has bytes here that are not letters or symbols; "
                + "save it as UTF-8",
        ])
    }

    @Test func nulBytesInAFileAreRefused() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("Personas/nul.yaml", Data([0x6E, 0x3A, 0x0A, 0x00, 0x00, 0x01]))
        let library = ContentLoader.load(paths: [file])
        #expect(library.diagnostics.map(\.description) == [
            "\(file.path):2:1: error: the file looks binary, not text: it has a NUL byte here",
        ])
    }
}
