import Foundation
import Progress
import Testing
@testable import XAPI

/// Statements for `calls` calls of three replies each (5 statements a call).
private func statements(calls: Int) throws -> [XAPIStatement] {
    try (0..<calls).flatMap { i in
        StatementBuilder().statements(for: try record(id: "20250301-0915\(String(format: "%02d", i % 60))-sam-jones-\(String(format: "%04x", i))"))
    }
}

/// A sender that never sleeps, recording the waits it would have made.
private final class Waits: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Double] = []
    var all: [Double] { lock.lock(); defer { lock.unlock() }; return values }
    func add(_ v: Double) { lock.lock(); values.append(v); lock.unlock() }
}

private func sender(_ server: LoopbackServer, user: String? = "trainer", password: String? = "s3cret:word", batchSize: Int = 50,
                    attempts: Int = 4, waits: Waits = Waits()) -> LRSSender {
    LRSSender(configuration: LRSConfiguration(endpoint: server.endpoint, user: user, password: password, batchSize: batchSize,
                                              attempts: attempts, backoff: 0.5),
              transport: .live(timeout: 10), wait: { waits.add($0) })
}

@Suite(.serialized) struct SenderTests {
    @Test func postsInBatchesWithTheVersionAuthAndContentTypeHeaders() throws {
        let server = try LoopbackServer { request, _ in .init(status: 200, body: "[\"\(request.statementIDs.joined(separator: "\",\""))\"]") }
        defer { server.stop() }
        let all = try statements(calls: 24)  // 120 statements
        var confirmed: [String] = []
        let report = sender(server).send(all, confirmed: { confirmed += $0 })
        #expect(report.succeeded)
        #expect(report.stored == all.map(\.id))
        #expect(confirmed == all.map(\.id))
        let requests = server.requests
        #expect(requests.map(\.statementIDs.count) == [50, 50, 20])
        #expect(requests.flatMap(\.statementIDs) == all.map(\.id))
        for r in requests {
            #expect(r.method == "POST")
            #expect(r.path == "/xAPI/statements")
            #expect(r.headers["x-experience-api-version"] == "1.0.3")
            #expect(r.headers["content-type"]?.hasPrefix("application/json") == true)
            #expect(r.headers["authorization"] == "Basic " + Data("trainer:s3cret:word".utf8).base64EncodedString())
        }
        #expect(report.batches.map(\.summary) == ["50 statements stored", "50 statements stored", "20 statements stored"])
    }

    @Test func aTrailingSlashOnTheEndpointIsAllowed() throws {
        let server = try LoopbackServer { _, _ in .init(status: 204) }
        defer { server.stop() }
        var s = sender(server)
        s.configuration.endpoint = URL(string: server.endpoint.absoluteString + "/") ?? server.endpoint
        #expect(s.configuration.endpointKey == server.endpoint.absoluteString)
        _ = s.send(try statements(calls: 1))
        #expect(server.requests.map(\.path) == ["/xAPI/statements"])
    }

    @Test func noAuthorizationHeaderWithoutAUser() throws {
        let server = try LoopbackServer { _, _ in .init(status: 200, body: "[]") }
        defer { server.stop() }
        _ = sender(server, user: nil, password: nil).send(try statements(calls: 1))
        #expect(server.requests.first?.headers["authorization"] == nil)
    }

    struct RetryCase: Sendable, CustomTestStringConvertible {
        var status: Int
        var failures: Int
        var testDescription: String { "\(status) \(failures) times" }
    }

    @Test(arguments: [RetryCase(status: 503, failures: 1), RetryCase(status: 500, failures: 3), RetryCase(status: 429, failures: 2),
                      RetryCase(status: 502, failures: 2), RetryCase(status: 408, failures: 1)])
    func transientFailuresAreRetriedWithBackoff(_ c: RetryCase) throws {
        let server = try LoopbackServer { _, n in n < c.failures ? .init(status: c.status, body: "{\"message\":\"busy\"}") : .init(status: 200, body: "[]") }
        defer { server.stop() }
        let waits = Waits()
        let all = try statements(calls: 2)
        var confirmed: [String] = []
        let report = sender(server, waits: waits).send(all, confirmed: { confirmed += $0 })
        #expect(report.succeeded)
        #expect(report.batches.first?.attempts == c.failures + 1)
        #expect(server.requests.count == c.failures + 1)
        #expect(waits.all == Array([0.5, 1.0, 2.0].prefix(c.failures)))
        #expect(confirmed == all.map(\.id))
    }

    @Test func retryAfterIsHonoured() throws {
        let server = try LoopbackServer { _, n in n == 0 ? .init(status: 429, headers: ["Retry-After": "7"]) : .init(status: 200, body: "[]") }
        defer { server.stop() }
        let waits = Waits()
        _ = sender(server, waits: waits).send(try statements(calls: 1))
        #expect(waits.all == [7])
    }

    @Test func aFailureThatDoesNotClearIsReportedUnsentAndNeverConfirmed() throws {
        let server = try LoopbackServer { _, n in n == 0 ? .init(status: 200, body: "[]") : .init(status: 503, body: "{\"detail\":\"down for maintenance\"}") }
        defer { server.stop() }
        let all = try statements(calls: 4)  // 20 statements, batches of 8
        var confirmed: [String] = []
        let report = sender(server, batchSize: 8, attempts: 3).send(all, confirmed: { confirmed += $0 })
        #expect(!report.succeeded)
        #expect(confirmed == Array(all.prefix(8)).map(\.id))
        #expect(report.stored == Array(all.prefix(8)).map(\.id))
        #expect(report.unsent.map(\.id) == Array(all.dropFirst(8)).map(\.id))
        #expect(report.batches[1].summary.contains("down for maintenance"))
        // After the LRS stopped answering, the remaining batch is not tried at all.
        #expect(server.requests.count == 1 + 3)
    }

    @Test func anUnreachableLRSLeavesEverythingUnsent() throws {
        let server = try LoopbackServer { _, _ in .init(status: 200) }
        server.stop()
        Thread.sleep(forTimeInterval: 0.2)
        var confirmed: [String] = []
        let report = sender(server, attempts: 2).send(try statements(calls: 1), confirmed: { confirmed += $0 })
        #expect(confirmed.isEmpty)
        #expect(report.unsent.count == 5)
        #expect(report.stored.isEmpty)
    }

    @Test func aRefusedBatchIsSplitToFindTheBadStatement() throws {
        let all = try statements(calls: 2)
        let bad = all[3].id
        let server = try LoopbackServer { request, _ in
            request.statementIDs.contains(bad)
                ? .init(status: 400, body: "{\"detail\":\"result.response is too long\"}")
                : .init(status: 200, body: "[]")
        }
        defer { server.stop() }
        var confirmed: [String] = []
        let report = sender(server).send(all, confirmed: { confirmed += $0 })
        #expect(report.rejected == [RejectedStatement(id: bad, status: 400, message: "result.response is too long")])
        #expect(Set(confirmed) == Set(all.map(\.id)).subtracting([bad]))
        #expect(!report.succeeded)
        #expect(server.requests.map(\.statementIDs.count) == [10] + Array(repeating: 1, count: 10))
    }

    @Test func conflictsCountAsAlreadyHeld() throws {
        let all = try statements(calls: 1)
        let server = try LoopbackServer { request, _ in
            if request.statementIDs.count > 1 { return .init(status: 409, body: "{\"detail\":\"conflict\"}") }
            if request.statementIDs == [all[0].id] { return .init(status: 409, body: "{\"detail\":\"Statement already exists\"}") }
            if request.statementIDs == [all[1].id] { return .init(status: 400, body: "{\"message\":\"A statement with this id already exists\"}") }
            return .init(status: 200, body: "[]")
        }
        defer { server.stop() }
        var confirmed: [String] = []
        let report = sender(server).send(all, confirmed: { confirmed += $0 })
        #expect(report.succeeded)
        #expect(report.alreadyStored == [all[0].id, all[1].id])
        #expect(report.stored == all.dropFirst(2).map(\.id))
        #expect(confirmed.sorted() == all.map(\.id).sorted())
    }

    @Test func noContentMeansTheLRSAlreadyHadThem() throws {
        let server = try LoopbackServer { _, _ in .init(status: 204) }
        defer { server.stop() }
        let report = sender(server).send(try statements(calls: 1))
        #expect(report.alreadyStored.count == 5 && report.stored.isEmpty && report.succeeded)
    }

    @Test(arguments: [401, 403, 404])
    func authenticationAndAddressFailuresStopTheSending(_ status: Int) throws {
        let server = try LoopbackServer { _, _ in .init(status: status, body: "{\"detail\":\"Invalid authentication credentials\"}") }
        defer { server.stop() }
        var confirmed: [String] = []
        let report = sender(server, batchSize: 2).send(try statements(calls: 1), confirmed: { confirmed += $0 })
        #expect(server.requests.count == 1)
        #expect(confirmed.isEmpty)
        #expect(report.unsent.count == 5)
        #expect(report.rejected.isEmpty)
        #expect(report.batches.count == 3)
    }

    @Test(arguments: [
        ("{\"message\":\"bad verb\"}", "bad verb"),
        ("{\"detail\":[{\"loc\":[\"body\"],\"msg\":\"field required\"}]}", "[{\"loc\":[\"body\"],\"msg\":\"field required\"}]"),
        ("plain\ntext", "plain text"),
        ("", "Bad Request"),
    ])
    func theLRSMessageIsReadFromItsAnswer(_ body: String, _ expected: String) {
        #expect(LRSSender.message(from: Data(body.utf8), status: 400) == expected)
    }
}

@Suite struct LedgerTests {
    @Test func recordsOnlyWhatItIsGivenPerEndpoint() throws {
        try withTemporaryFolder { folder in
            let ledger = SentLedger(storeRoot: folder)
            #expect(ledger.confirmed(endpoint: "https://a/xAPI").ids.isEmpty)
            try ledger.record(["b", "a"], endpoint: "https://a/xAPI")
            try ledger.record(["c", "a"], endpoint: "https://a/xAPI")
            try ledger.record(["z"], endpoint: "https://b/xAPI")
            #expect(ledger.confirmed(endpoint: "https://a/xAPI").ids == ["a", "b", "c"])
            #expect(ledger.confirmed(endpoint: "https://b/xAPI").ids == ["z"])
            let attributes = try FileManager.default.attributesOfItem(atPath: ledger.url.path)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: ledger.url)) as? [String: Any])
            #expect(json["schemaVersion"] as? Int == 1)
        }
    }

    @Test func aDamagedLedgerIsSetAsideNotOverwritten() throws {
        try withTemporaryFolder { folder in
            let ledger = SentLedger(storeRoot: folder)
            try Data("not json".utf8).write(to: ledger.url)
            let (ids, problem) = ledger.confirmed(endpoint: "https://a/xAPI")
            #expect(ids.isEmpty)
            guard case let .damaged(_, _, movedTo)? = problem, let movedTo else {
                Issue.record("expected the ledger to be set aside, got \(String(describing: problem))")
                return
            }
            #expect(try String(contentsOfFile: movedTo, encoding: .utf8) == "not json")
            try ledger.record(["a"], endpoint: "https://a/xAPI")
            #expect(ledger.confirmed(endpoint: "https://a/xAPI").ids == ["a"])
        }
    }

    @Test func onlyConfirmedStatementsReachTheLedger() throws {
        try withTemporaryFolder { folder in
            let all = try statements(calls: 3)  // 15 statements in batches of 5: the second batch always fails
            let server = try LoopbackServer { request, _ in
                request.statementIDs.contains(all[5].id) ? .init(status: 500, body: "{\"detail\":\"disk full\"}") : .init(status: 200, body: "[]")
            }
            defer { server.stop() }
            let ledger = SentLedger(storeRoot: folder)
            let endpoint = server.endpoint.absoluteString
            let report = sender(server, batchSize: 5, attempts: 2).send(all, confirmed: { try? ledger.record($0, endpoint: endpoint) })
            #expect(!report.succeeded)
            #expect(ledger.confirmed(endpoint: endpoint).ids == Set(all.prefix(5).map(\.id)))
            #expect(report.unsent.map(\.id) == all.dropFirst(5).map(\.id))
        }
    }
}
