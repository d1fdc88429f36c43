import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 for tests: one request per connection, answered by `respond`.
/// It records every request it receives.
final class LoopbackServer: @unchecked Sendable {
    struct Request {
        var method: String
        var path: String
        /// Header names lowercased.
        var headers: [String: String]
        var body: Data

        /// The statement ids in a POSTed batch.
        var statementIDs: [String] {
            ((try? JSONSerialization.jsonObject(with: body)) as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        }
    }

    struct Response {
        var status: Int
        var body: String = ""
        var headers: [String: String] = [:]
    }

    let port: UInt16
    private let listener: Int32
    private let lock = NSLock()
    private var received: [Request] = []
    private var stopped = false
    private let respond: @Sendable (Request, Int) -> Response

    var requests: [Request] {
        lock.lock()
        defer { lock.unlock() }
        return received
    }

    /// The endpoint to give the sender: `http://127.0.0.1:PORT/xAPI`.
    var endpoint: URL { URL(string: "http://127.0.0.1:\(port)/xAPI") ?? URL(fileURLWithPath: "/") }

    /// `respond` gets each request and its 0-based number.
    init(respond: @escaping @Sendable (Request, Int) -> Response) throws {
        self.respond = respond
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw ServerError.setup("socket") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            close(fd)
            throw ServerError.setup("bind/listen")
        }
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        port = UInt16(bigEndian: addr.sin_port)
        listener = fd
        // The thread holds the server until stop() ends its loop.
        let t = Thread { self.loop() }
        t.start()
    }

    enum ServerError: Error { case setup(String) }

    func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    private func loop() {
        while !isStopped {
            var pfd = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pfd, 1, 100)
            if ready <= 0 { continue }
            let client = accept(listener, nil, nil)
            if client < 0 { if isStopped { return } else { continue } }
            handle(client)
            close(client)
        }
    }

    private func handle(_ fd: Int32) {
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 65536)
        var headerEnd: Int?
        var contentLength = 0
        while true {
            let n = recv(fd, &chunk, chunk.count, 0)
            if n <= 0 { return }
            buffer += chunk[0..<n]
            if headerEnd == nil, let r = find([13, 10, 13, 10], in: buffer) {
                headerEnd = r + 4
                let head = String(decoding: buffer[0..<r], as: UTF8.self)
                for line in head.split(separator: "\r\n").dropFirst() {
                    let parts = line.split(separator: ":", maxSplits: 1)
                    if parts.count == 2, parts[0].lowercased() == "content-length" {
                        contentLength = Int(parts[1].trimmingCharacters(in: .whitespaces)) ?? 0
                    }
                }
            }
            if let h = headerEnd, buffer.count >= h + contentLength { break }
        }
        guard let h = headerEnd else { return }
        let head = String(decoding: buffer[0..<(h - 4)], as: UTF8.self)
        let lines = head.split(separator: "\r\n")
        let requestLine = lines.first?.split(separator: " ") ?? []
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2 { headers[parts[0].lowercased()] = parts[1].trimmingCharacters(in: .whitespaces) }
        }
        let request = Request(method: requestLine.first.map(String.init) ?? "", path: requestLine.count > 1 ? String(requestLine[1]) : "",
                              headers: headers, body: Data(buffer[h..<(h + contentLength)]))
        lock.lock()
        let number = received.count
        received.append(request)
        lock.unlock()
        let response = respond(request, number)
        var text = "HTTP/1.1 \(response.status) X\r\nContent-Length: \(response.body.utf8.count)\r\nConnection: close\r\n"
        if !response.body.isEmpty { text += "Content-Type: application/json\r\n" }
        for (k, v) in response.headers { text += "\(k): \(v)\r\n" }
        text += "\r\n" + response.body
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, LoopbackServer.noSignal) }
            if n <= 0 { return }
            offset += n
        }
    }

    #if os(Linux)
    private static let noSignal = Int32(MSG_NOSIGNAL)
    #else
    private static let noSignal: Int32 = 0
    #endif

    private func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for i in 0...(haystack.count - needle.count) where haystack[i..<(i + needle.count)].elementsEqual(needle) {
            return i
        }
        return nil
    }
}
