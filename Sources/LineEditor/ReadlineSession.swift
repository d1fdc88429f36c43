import CReadline

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// GNU readline keeps its state in C globals, so there is one session per process, driven through
/// readline's callback interface. Everything here runs on the thread that calls `readLine`.
enum ReadlineSession {
    /// What a completion closure receives: the word being completed and the line before it.
    typealias Completer = @Sendable (_ word: String, _ lineBeforeWord: String) -> [String]

    /// The outcome of the line being read, set by the line handler.
    private nonisolated(unsafe) static var finished = false
    private nonisolated(unsafe) static var receivedLine: String?

    /// The completion closure of the editor that is reading.
    nonisolated(unsafe) static var completer: Completer?
    /// Candidates for the completion in progress, handed out one by one to readline.
    private nonisolated(unsafe) static var candidates: [String] = []
    private nonisolated(unsafe) static var nextCandidate = 0

    private nonisolated(unsafe) static var configured = false

    /// Sets readline up once for `inputDescriptor`.
    static func configure(inputDescriptor: Int32, applicationName: String) {
        if configured {
            return
        }
        configured = true
        cr_use_environment_ctype()
        // readline keeps the pointer for the life of the process.
        let name = strdup(applicationName)
        cr_configure(name, readlineAttemptCompletion, inputDescriptor)
        // Read the user's inputrc now, so the settings below win over it.
        rl_initialize()
        cr_disable_bracketed_paste()
        using_history()
        stifle_history(Int32(LineEditor.historyLimit))
    }

    /// Reads one line with editing, history and completion.
    static func readLine(prompt: String, inputDescriptor: Int32) -> LineEditor.Result {
        finished = false
        receivedLine = nil
        Interrupts.begin()
        defer { Interrupts.end() }

        // Settings that must hold on every line, even if a key binding changed them.
        cr_disable_bracketed_paste()
        prompt.withCString { rl_callback_handler_install($0, readlineHandleLine) }

        while !finished {
            if Interrupts.takeInterrupt() {
                cr_abandon_line()
                cr_write_output("\n")
                return .interrupted
            }
            if Interrupts.takeResize() {
                rl_resize_terminal()
            }
            switch Interrupts.wait(for: inputDescriptor) {
            case .readable:
                rl_callback_read_char()
            case .woken:
                continue
            case .failed:
                cr_abandon_line()
                cr_write_output("\n")
                return .endOfInput
            }
        }
        guard let line = receivedLine else {
            cr_write_output("\n")
            return .endOfInput
        }
        return .line(line)
    }

    /// Called by readline with the finished line, or NULL at the end of the input.
    fileprivate static func handleLine(_ pointer: UnsafeMutablePointer<CChar>?) {
        if let pointer {
            ReadlineSession.receivedLine = ReadlineSession.decode(pointer)
            free(pointer)
        } else {
            ReadlineSession.receivedLine = nil
        }
        ReadlineSession.finished = true
        // Stop readline from showing the prompt again; it is installed afresh for each line.
        rl_callback_handler_remove()
    }

    /// readline's completion hook: offers the candidates from the completion closure.
    fileprivate static func attemptCompletion(
        _ text: UnsafePointer<CChar>?, _ start: Int32
    ) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        cr_begin_completion()
        let word = text.map { ReadlineSession.decode($0) } ?? ""
        var before = ""
        if let buffer = cr_line_buffer() {
            let length = min(max(Int(start), 0), strlen(buffer))
            before = buffer.withMemoryRebound(to: UInt8.self, capacity: length) {
                String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
            }
        }
        let offered = ReadlineSession.completer?(word, before) ?? []
        var seen = Set<String>()
        ReadlineSession.candidates = offered.filter { $0.hasPrefix(word) && seen.insert($0).inserted }
        ReadlineSession.nextCandidate = 0
        if ReadlineSession.candidates.isEmpty {
            return nil
        }
        return rl_completion_matches(text, readlineGenerateCandidate)
    }

    /// Hands readline the candidates one at a time; each must be allocated with malloc.
    fileprivate static func generateCandidate(_ state: Int32) -> UnsafeMutablePointer<CChar>? {
        if state == 0 {
            ReadlineSession.nextCandidate = 0
        }
        guard ReadlineSession.nextCandidate < ReadlineSession.candidates.count else {
            return nil
        }
        let candidate = ReadlineSession.candidates[ReadlineSession.nextCandidate]
        ReadlineSession.nextCandidate += 1
        return strdup(candidate)
    }

    private static func decode(_ pointer: UnsafePointer<CChar>) -> String {
        let length = strlen(pointer)
        return pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
    }

    /// Adds `line` to the in-memory history.
    static func addHistory(_ line: String) {
        if let last = cr_last_history_line(), decode(last) == line {
            return
        }
        add_history(line)
    }
}

// readline takes C function pointers, which Swift forms only from global functions.

private func readlineHandleLine(_ line: UnsafeMutablePointer<CChar>?) {
    ReadlineSession.handleLine(line)
}

private func readlineAttemptCompletion(
    _ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    ReadlineSession.attemptCompletion(text, start)
}

private func readlineGenerateCandidate(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
    ReadlineSession.generateCandidate(state)
}
