import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP exchange with a Learning Record Store, as the sender needs it.
public struct LRSRequest: Sendable, Equatable {
    public var url: URL
    public var method: String
    public var headers: [String: String]
    public var body: Data
}

/// What the LRS answered.
public struct LRSResponse: Sendable, Equatable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// How requests reach the LRS: a closure, so tests and other hosts can supply their own.
public struct LRSTransport: Sendable {
    /// Sends a request and waits for the answer; throws when no answer came (network failure, timeout).
    public var send: @Sendable (LRSRequest) throws -> LRSResponse

    public init(send: @escaping @Sendable (LRSRequest) throws -> LRSResponse) {
        self.send = send
    }

    /// Sends over HTTP(S) with URLSession, waiting at most `timeout` seconds for each answer.
    public static func live(timeout: TimeInterval = 30) -> LRSTransport {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout * 2
        configuration.httpCookieAcceptPolicy = .never
        configuration.urlCache = nil
        let session = URLSession(configuration: configuration)
        return LRSTransport { request in
            var r = URLRequest(url: request.url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
            r.httpMethod = request.method
            for (k, v) in request.headers { r.setValue(v, forHTTPHeaderField: k) }
            r.httpBody = request.body
            let box = ResponseBox()
            let done = DispatchSemaphore(value: 0)
            let task = session.dataTask(with: r) { data, response, error in
                box.set(data: data, response: response as? HTTPURLResponse, error: error)
                done.signal()
            }
            task.resume()
            if done.wait(timeout: .now() + timeout * 2 + 5) == .timedOut {
                task.cancel()
                throw LRSTransportError(message: "no answer within \(Int(timeout * 2 + 5)) seconds")
            }
            return try box.result()
        }
    }
}

/// A request that got no HTTP answer.
public struct LRSTransportError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
    public init(message: String) { self.message = message }
}

private final class ResponseBox: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    private var response: HTTPURLResponse?
    private var error: Error?

    func set(data: Data?, response: HTTPURLResponse?, error: Error?) {
        lock.lock()
        defer { lock.unlock() }
        self.data = data
        self.response = response
        self.error = error
    }

    func result() throws -> LRSResponse {
        lock.lock()
        defer { lock.unlock() }
        if let error { throw LRSTransportError(message: error.localizedDescription) }
        guard let response else { throw LRSTransportError(message: "the answer was not HTTP") }
        var headers: [String: String] = [:]
        for (k, v) in response.allHeaderFields {
            if let k = k as? String, let v = v as? String { headers[k.lowercased()] = v }
        }
        return LRSResponse(status: response.statusCode, headers: headers, body: data ?? Data())
    }
}

/// Where and as whom to send statements.
public struct LRSConfiguration: Sendable, Equatable {
    /// The LRS's xAPI endpoint, e.g. `https://lrs.example.org/xAPI`; statements go to `<endpoint>/statements`.
    public var endpoint: URL
    public var user: String?
    public var password: String?
    /// Statements per request.
    public var batchSize: Int
    /// Tries per request for network failures, 408, 429 and 5xx answers, the first included.
    public var attempts: Int
    /// The wait before the first retry, in seconds; it doubles each time (at most 30 s).
    public var backoff: Double

    public init(endpoint: URL, user: String? = nil, password: String? = nil, batchSize: Int = 50, attempts: Int = 4, backoff: Double = 1) {
        self.endpoint = endpoint
        self.user = user
        self.password = password
        self.batchSize = max(1, batchSize)
        self.attempts = max(1, attempts)
        self.backoff = max(0, backoff)
    }

    /// The endpoint as text without a trailing `/`: the key of the sent-statements ledger.
    public var endpointKey: String {
        var s = endpoint.absoluteString
        while s.hasSuffix("/") { s.removeLast() }
        return s
    }

    /// `<endpoint>/statements`.
    public var statementsURL: URL {
        URL(string: endpointKey + "/statements") ?? endpoint.appendingPathComponent("statements")
    }
}

/// A statement the LRS refused, and its reason.
public struct RejectedStatement: Sendable, Equatable {
    public var id: String
    /// The HTTP status, or nil when the statement could not be encoded.
    public var status: Int?
    /// What the LRS said, in its own words where it gave any.
    public var message: String
}

/// A statement that was not sent (the LRS could not be reached, or sending stopped early).
public struct UnsentStatement: Sendable, Equatable {
    public var id: String
    public var reason: String
}

/// What happened to one request.
public struct BatchReport: Sendable, Equatable {
    /// 1-based, in sending order; a batch split to find a refused statement counts each part.
    public var number: Int
    /// Statement ids in the request.
    public var ids: [String]
    /// Stored now.
    public var stored: [String]
    /// The LRS already had them.
    public var alreadyStored: [String]
    public var rejected: [RejectedStatement]
    public var unsent: [UnsentStatement]
    /// Tries made (more than 1 when a transient failure was retried).
    public var attempts: Int
    /// A plain-English line about the request, for the person running the export.
    public var summary: String
}

/// The outcome of sending statements.
public struct SendReport: Sendable, Equatable {
    public var batches: [BatchReport] = []
    /// Skipped because the ledger says the LRS already confirmed them.
    public var skipped: [String] = []

    public var stored: [String] { batches.flatMap(\.stored) }
    public var alreadyStored: [String] { batches.flatMap(\.alreadyStored) }
    public var rejected: [RejectedStatement] { batches.flatMap(\.rejected) }
    public var unsent: [UnsentStatement] { batches.flatMap(\.unsent) }
    /// Every id the LRS confirmed it holds (stored now or before).
    public var confirmed: [String] { stored + alreadyStored }
    /// True when nothing was rejected or left unsent.
    public var succeeded: Bool { rejected.isEmpty && unsent.isEmpty }
}

/// Posts statements to an LRS in batches, as xAPI 1.0.3 asks: `POST <endpoint>/statements` with
/// `X-Experience-API-Version: 1.0.3`, `Content-Type: application/json` and HTTP Basic auth.
///
/// - Network failures and 408, 429 and 5xx answers are retried with a doubling wait.
/// - 200 and 204 mean the whole batch is held by the LRS (204: it already had every statement).
/// - A 409 (conflict), or another 4xx answer, for a batch of several is retried one statement at a
///   time to find which ones; for one statement, a 409 or a message saying it already exists means
///   the LRS already holds it, and anything else means it was rejected.
/// - 401, 403 and 404 stop the sending: every statement not yet sent is reported unsent.
///
/// Only statements the LRS confirmed are passed to `confirmed`, batch by batch, so a ledger kept
/// from it never lists a statement the LRS did not accept.
public struct LRSSender: Sendable {
    public var configuration: LRSConfiguration
    public var transport: LRSTransport
    /// Waits between retries; tests pass one that does not sleep.
    public var wait: @Sendable (Double) -> Void

    public init(configuration: LRSConfiguration, transport: LRSTransport = .live(),
                wait: @escaping @Sendable (Double) -> Void = { Thread.sleep(forTimeInterval: $0) }) {
        self.configuration = configuration
        self.transport = transport
        self.wait = wait
    }

    /// The headers every request carries.
    public var headers: [String: String] {
        var h = ["X-Experience-API-Version": "1.0.3", "Content-Type": "application/json", "Accept": "application/json"]
        if let user = configuration.user {
            let token = Data("\(user):\(configuration.password ?? "")".utf8).base64EncodedString()
            h["Authorization"] = "Basic \(token)"
        }
        return h
    }

    /// Sends `statements`, reporting each request to `progress` as it finishes and each batch's
    /// confirmed ids to `confirmed`.
    public func send(_ statements: [XAPIStatement], progress: (BatchReport) -> Void = { _ in },
                     confirmed: ([String]) -> Void = { _ in }) -> SendReport {
        var report = SendReport()
        var queue: [[XAPIStatement]] = stride(from: 0, to: statements.count, by: configuration.batchSize).map {
            Array(statements[$0..<min($0 + configuration.batchSize, statements.count)])
        }
        var stopReason: String?
        while !queue.isEmpty {
            let batch = queue.removeFirst()
            let ids = batch.map(\.id)
            if let stopReason {
                let b = BatchReport(number: report.batches.count + 1, ids: ids, stored: [], alreadyStored: [], rejected: [],
                                    unsent: ids.map { UnsentStatement(id: $0, reason: stopReason) }, attempts: 0,
                                    summary: "not sent: \(stopReason)")
                report.batches.append(b)
                progress(b)
                continue
            }
            let outcome = post(batch)
            var b = BatchReport(number: report.batches.count + 1, ids: ids, stored: [], alreadyStored: [], rejected: [], unsent: [],
                                attempts: outcome.attempts, summary: "")
            switch outcome.kind {
            case let .stored(already):
                if already {
                    b.alreadyStored = ids
                    b.summary = "\(count(ids.count)) already held by the LRS"
                } else {
                    b.stored = ids
                    b.summary = "\(count(ids.count)) stored"
                }
            case let .refused(status, message, fatal):
                if fatal {
                    stopReason = "the LRS answered \(status): \(message)"
                    b.unsent = ids.map { UnsentStatement(id: $0, reason: stopReason ?? message) }
                    b.summary = "\(count(ids.count)) not sent: \(stopReason ?? message)"
                } else if batch.count > 1 {
                    // Find which statements the LRS objects to by sending them one at a time.
                    queue.insert(contentsOf: batch.map { [$0] }, at: 0)
                    b.summary = "\(count(ids.count)) refused together (\(status): \(message)); sending them one at a time"
                } else if status == 409 || LRSSender.saysAlreadyExists(message) {
                    b.alreadyStored = ids
                    b.summary = "\(count(1)) already held by the LRS (\(status): \(message))"
                } else {
                    b.rejected = ids.map { RejectedStatement(id: $0, status: status, message: message) }
                    b.summary = "\(count(1)) rejected (\(status)): \(message)"
                }
            case let .failed(reason):
                stopReason = "the LRS could not be reached after \(outcome.attempts) tries (\(reason))"
                b.unsent = ids.map { UnsentStatement(id: $0, reason: reason) }
                b.summary = "\(count(ids.count)) not sent after \(outcome.attempts) tries: \(reason)"
            case let .unencodable(reason):
                b.rejected = ids.map { RejectedStatement(id: $0, status: nil, message: reason) }
                b.summary = "\(count(ids.count)) could not be written as JSON: \(reason)"
            }
            let ok = b.stored + b.alreadyStored
            if !ok.isEmpty { confirmed(ok) }
            report.batches.append(b)
            progress(b)
        }
        return report
    }

    private func count(_ n: Int) -> String { n == 1 ? "1 statement" : "\(n) statements" }

    private enum Kind {
        case stored(already: Bool)
        case refused(status: Int, message: String, fatal: Bool)
        case failed(String)
        case unencodable(String)
    }

    private func post(_ batch: [XAPIStatement]) -> (kind: Kind, attempts: Int) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body: Data
        do {
            body = try encoder.encode(batch)
        } catch {
            return (.unencodable("\(error)"), 0)
        }
        let request = LRSRequest(url: configuration.statementsURL, method: "POST", headers: headers, body: body)
        var delay = configuration.backoff
        var lastFailure = ""
        for attempt in 1...configuration.attempts {
            var retryAfter: Double?
            do {
                let response = try transport.send(request)
                switch response.status {
                case 200..<300:
                    return (.stored(already: response.status == 204), attempt)
                case 408, 429, 500...599:
                    lastFailure = "\(response.status): \(LRSSender.message(from: response.body, status: response.status))"
                    retryAfter = response.headers.first { $0.key.lowercased() == "retry-after" }.flatMap { Double($0.value) }
                case 401, 403:
                    return (.refused(status: response.status, message: LRSSender.message(from: response.body, status: response.status)
                                     + " (check --user and --password, and that the account may write statements)", fatal: true), attempt)
                case 404:
                    return (.refused(status: 404, message: "there is no statements resource at \(configuration.statementsURL.absoluteString) (check the LRS URL; it is usually the one ending in /xAPI or /data/xAPI)", fatal: true), attempt)
                default:
                    return (.refused(status: response.status, message: LRSSender.message(from: response.body, status: response.status),
                                     fatal: !(400..<500).contains(response.status)), attempt)
                }
            } catch {
                lastFailure = "\(error)"
            }
            if attempt < configuration.attempts {
                wait(min(30, max(delay, retryAfter ?? 0)))
                delay = min(30, delay * 2)
            }
        }
        return (.failed(lastFailure), configuration.attempts)
    }

    /// The LRS's message from an error body: its `message`, `detail` or `error` field, else the text.
    static func message(from body: Data, status: Int) -> String {
        var text = ""
        if let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] {
            for key in ["message", "detail", "error", "errorMessage"] {
                if let s = object[key] as? String { text = s; break }
                if let value = object[key], let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]) {
                    text = String(decoding: data, as: UTF8.self)
                    break
                }
            }
        }
        if text.isEmpty { text = String(decoding: body, as: UTF8.self) }
        text = text.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespaces)
        if text.isEmpty { text = HTTPURLResponse.localizedString(forStatusCode: status) }
        return text.count > 300 ? String(text.prefix(300)) + "..." : text
    }

    static func saysAlreadyExists(_ message: String) -> Bool {
        let m = message.lowercased()
        return m.contains("already exist") || m.contains("already stored") || m.contains("duplicate")
    }
}
