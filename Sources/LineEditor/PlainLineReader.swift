#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from a file descriptor without any line editing: no prompt, no echo, no escape codes.
///
/// This is what ``LineEditor`` uses when its input is not a terminal (a pipe or a file), so calls
/// can be scripted and tested. Bytes are decoded as UTF-8; invalid bytes become U+FFFD, and NUL
/// bytes are kept as they are. A line ends at `"\n"`; a `"\r"` just before it is removed. The last
/// line does not need a newline.
///
/// A line longer than ``maximumLineBytes`` is returned in pieces of at most that many bytes, so
/// endless input without a newline cannot exhaust memory.
public final class PlainLineReader {
    /// The longest line, in bytes, returned in one piece: 4 MiB.
    public static let maximumLineBytes = 4 * 1024 * 1024

    private let fileDescriptor: Int32
    private let maximumLineBytes: Int
    private var buffer: [UInt8] = []
    /// Start of the unread bytes in `buffer`.
    private var start = 0
    /// Bytes from `start` already known to hold no newline.
    private var scanned = 0
    private var reachedEnd = false

    /// The process's reader for `fileDescriptor`, made on first use. Everything that reads plain lines
    /// from one input should share it, because a reader reads ahead of the line it returns. Input is
    /// read from one thread at a time.
    public static func shared(for fileDescriptor: Int32) -> PlainLineReader {
        if let reader = sharedReaders[fileDescriptor] { return reader }
        let reader = PlainLineReader(fileDescriptor: fileDescriptor)
        sharedReaders[fileDescriptor] = reader
        return reader
    }

    nonisolated(unsafe) private static var sharedReaders: [Int32: PlainLineReader] = [:]

    /// Creates a reader for `fileDescriptor`. The reader does not close it.
    ///
    /// - Parameters:
    ///   - fileDescriptor: Where to read from; standard input by default.
    ///   - maximumLineBytes: The longest line returned in one piece (at least 4 bytes).
    public init(fileDescriptor: Int32 = 0, maximumLineBytes: Int = PlainLineReader.maximumLineBytes) {
        self.fileDescriptor = fileDescriptor
        self.maximumLineBytes = max(4, maximumLineBytes)
    }

    /// Returns the next line without its line ending, or `nil` at the end of the input
    /// (or when the input cannot be read).
    public func readLine() -> String? {
        while true {
            let unread = buffer.count - start
            let newline = buffer[(start + scanned)...].firstIndex(of: UInt8(ascii: "\n"))
            if let newline, newline - start <= maximumLineBytes {
                return takeLine(upTo: newline, consuming: newline + 1, isWholeLine: true)
            }
            scanned = unread
            if unread > maximumLineBytes {
                let end = start + pieceLength()
                return takeLine(upTo: end, consuming: end, isWholeLine: false)
            }
            if reachedEnd {
                if unread == 0 {
                    return nil
                }
                return takeLine(upTo: buffer.count, consuming: buffer.count, isWholeLine: true)
            }
            fill()
        }
    }

    /// Reads more bytes into the buffer, or records the end of the input.
    private func fill() {
        if start > 0 && start >= buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
        let chunk = 64 * 1024
        let oldCount = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: chunk))
        var received = 0
        while true {
            received = buffer.withUnsafeMutableBytes { bytes -> Int in
                guard let base = bytes.baseAddress else { return -1 }
                return read(fileDescriptor, base + oldCount, chunk)
            }
            if received < 0 && errno == EINTR {
                continue
            }
            break
        }
        buffer.removeLast(chunk - max(received, 0))
        if received <= 0 {
            reachedEnd = true
        }
    }

    /// The length of a piece of an overlong line, ending on a UTF-8 character boundary when possible.
    /// Only called when more than `maximumLineBytes` bytes are unread.
    private func pieceLength() -> Int {
        var length = maximumLineBytes
        // Step back over at most three continuation bytes so a character is not cut in two.
        var steps = 0
        while steps < 3 && length > 1 && buffer[start + length] & 0xC0 == 0x80 {
            length -= 1
            steps += 1
        }
        if buffer[start + length] & 0xC0 == 0x80 {
            return maximumLineBytes
        }
        return length
    }

    private func takeLine(upTo end: Int, consuming next: Int, isWholeLine: Bool) -> String {
        var lineEnd = end
        if isWholeLine && lineEnd > start && buffer[lineEnd - 1] == UInt8(ascii: "\r") {
            lineEnd -= 1
        }
        let line = String(decoding: buffer[start..<lineEnd], as: UTF8.self)
        start = next
        scanned = 0
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: buffer.count <= 1024 * 1024)
            start = 0
        }
        return line
    }
}
