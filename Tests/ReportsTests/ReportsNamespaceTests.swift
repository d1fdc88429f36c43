import Testing
@testable import Reports

@Test func namespaceExists() {
    #expect(String(describing: Reports.self) == "Reports")
}
