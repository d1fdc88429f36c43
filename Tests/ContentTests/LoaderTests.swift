import Content
import Foundation
import Testing

@Suite struct LoaderTests {
    /// A content root with two personas and the valid scenario (which names `dana` and `arthur`).
    func contentRoot(scenario: String = validScenario) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("Personas/dana.yaml", validPersona)
        try folder.write("Personas/arthur.yml", validPersona.replacingOccurrences(of: "Dana Whitlock", with: "Arthur Bell"))
        try folder.write("Scenarios/broadband-down.yaml", scenario)
        try folder.write("Scenarios/notes.txt", "not content")
        return folder
    }

    @Test func loadsAContentRoot() throws {
        let folder = try contentRoot()
        let library = ContentLoader.load(contentRoot: folder.url)
        #expect(library.diagnostics.isEmpty, "\(library.diagnostics.map(\.description))")
        #expect(library.personas.map(\.id) == ["arthur", "dana"])
        #expect(library.persona("arthur")?.name == "Arthur Bell")
        #expect(library.scenarios.map(\.id) == ["broadband-down"])
        #expect(library.scenario("broadband-down")?.nodes.count == 10)
    }

    @Test func unknownPersonaIsReportedAtItsValue() throws {
        let text = validScenario.replacingOccurrences(of: "personas: [arthur]", with: "personas: [arthr]")
        let folder = try contentRoot(scenario: text)
        let library = ContentLoader.load(contentRoot: folder.url)
        let file = folder.url.appendingPathComponent("Scenarios/broadband-down.yaml").path
        #expect(library.diagnostics.map(\.description) == [
            "\(file):7:12: error: there is no persona called `arthr`; did you mean `arthur`?",
        ])
        #expect(library.scenarios.isEmpty)
        #expect(library.personas.count == 2)
    }

    @Test func unknownDefaultPersona() throws {
        let text = validScenario.replacingOccurrences(of: "persona: dana", with: "persona: zed")
        let folder = try contentRoot(scenario: text)
        let library = ContentLoader.load(contentRoot: folder.url)
        #expect(library.errors.count == 1, "\(library.errors.map(\.description))")
        let error = try #require(library.errors.first)
        #expect(error.line == 6 && error.column == 10 && error.message == "there is no persona called `zed`")
    }

    @Test func personasAreNotCheckedWithoutAnyPersonas() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("Scenarios/broadband-down.yaml", validScenario)
        let library = ContentLoader.load(paths: [file])
        #expect(library.diagnostics.isEmpty)
        #expect(library.scenarios.count == 1)
    }

    @Test func filesOutsideContentFoldersAreTakenByTheirKeys() throws {
        let folder = try TemporaryFolder()
        let scenario = try folder.write("drafts/broadband-down.yaml", validScenario)
        let persona = try folder.write("drafts/dana.yaml", validPersona)
        let other = try folder.write("drafts/arthur.yaml", validPersona)
        let library = ContentLoader.load(paths: [scenario, persona, other])
        #expect(library.scenarios.map(\.id) == ["broadband-down"])
        #expect(library.personas.map(\.id) == ["arthur", "dana"])
        #expect(library.diagnostics.isEmpty)

        let fromFolder = ContentLoader.load(paths: [folder.url.appendingPathComponent("drafts")])
        #expect(fromFolder.scenarios.count == 1 && fromFolder.personas.count == 2)
    }

    @Test func aFolderHoldingContentFoldersIsAContentRoot() throws {
        let folder = try contentRoot()
        let library = ContentLoader.load(paths: [folder.url])
        #expect(library.scenarios.count == 1 && library.personas.count == 2)
    }

    @Test func invalidFileNameIsAnError() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("Personas/Dana Whitlock.yaml", validPersona)
        let library = ContentLoader.load(paths: [folder.url.appendingPathComponent("Personas")])
        #expect(library.personas.isEmpty)
        #expect(library.diagnostics.map(\.description) == [
            "\(file.path):1:0: error: the file name `Dana Whitlock` is not a valid id: name content files with "
                + "lowercase letters, digits, `-` and `_`",
        ])
    }

    @Test func sameIDTwiceIsAnError() throws {
        let folder = try TemporaryFolder()
        try folder.write("Personas/dana.yaml", validPersona)
        let second = try folder.write("Personas/dana.yml", validPersona)
        let library = ContentLoader.load(paths: [folder.url])
        #expect(library.personas.count == 1)
        #expect(library.errors.map(\.file) == [second.path])
        #expect(library.errors.first?.message.hasPrefix("there is already a persona called `dana`") == true)
    }

    @Test func missingPathsAndFolders() throws {
        let folder = try TemporaryFolder()
        let missing = folder.url.appendingPathComponent("nowhere.yaml")
        #expect(ContentLoader.load(paths: [missing]).diagnostics.map(\.message) == ["there is no such file or folder"])
        let root = ContentLoader.load(contentRoot: folder.url)
        #expect(root.errors.map(\.message) == ["there is no Personas folder here", "there is no Scenarios folder here"])
    }

    @Test func diagnosticsAreSortedAndFormatted() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("Personas/dana.yaml", validPersona
            .replacingOccurrences(of: "patience: 4", with: "patience: lots")
            .replacingOccurrences(of: "style: driver", with: "style: boss"))
        let library = ContentLoader.load(contentRoot: folder.url)
        let forFile = library.diagnostics.filter { $0.file == file.path }
        #expect(forFile.map(\.description) == [
            "\(file.path):6:8: error: `style` should be driver, expressive, amiable or analytical, not `boss`",
            "\(file.path):8:11: error: `patience` should be a whole number from 1 to 10, not `lots`",
        ])
    }

    @Test func diagnosticDescriptionAndCoding() throws {
        let warning = Diagnostic(file: "Scenarios/x.yaml", line: 3, column: 7, severity: .warning, message: "careful")
        #expect(warning.description == "Scenarios/x.yaml:3:7: warning: careful")
        let error = Diagnostic(file: "a.yaml", line: 1, column: 0, severity: .error, message: "bad")
        #expect(error.description == "a.yaml:1:0: error: bad")
        let data = try JSONEncoder().encode([warning, error])
        #expect(try JSONDecoder().decode([Diagnostic].self, from: data) == [warning, error])
    }
}
