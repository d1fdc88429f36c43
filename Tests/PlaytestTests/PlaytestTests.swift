import Testing
@testable import Playtest

@Test func playtestNamespaceExists() {
    #expect(String(describing: Playtest.self) == "Playtest")
}
