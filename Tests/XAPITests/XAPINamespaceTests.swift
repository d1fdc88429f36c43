import Testing
@testable import XAPI

@Test func namespaceExists() {
    #expect(String(describing: XAPI.self) == "XAPI")
}
