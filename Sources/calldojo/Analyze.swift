import ArgumentParser
import Foundation
import Language

struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what the analyser hears in a reply, with the words behind each signal.",
        discussion: """
        Examples:
          calldojo analyze --customer "Down since Monday" --reply "Since Monday?"
          calldojo analyze --batch replies.tsv --json > signals.jsonl
          calldojo analyze --batch - --json < replies.tsv

        A batch file is tab-separated with a header row. The columns named customer and reply are used, in \
        any order; an id column, if there is one, is copied into the output; other columns are ignored. \
        Fields are taken as they are (no quoting). With --json, one JSON object is printed per row, in \
        order (JSON Lines); without it, one short line per row. A row with too few fields is reported as \
        FILE:LINE and skipped, and the command exits 1 at the end.

        JSON keys, always in this order: id (with an id column), acknowledges, paraphrases, \
        paraphrasedFacts, checksUnderstanding, asksQuestion, openQuestion, nextSteps {action, timescale, \
        customerAction, confirmation, ownership}, offers, anticipates, negativeLanguage, blame, jargon, \
        calmDown, hollowCloser, smallTalk, apologyOnly, suggestsTransfer, empty, evidence [{signal, words, \
        ref}].

        With no scenario, the customer's own words are the facts a paraphrase should restate: numbers, \
        days and times, names and other specific words.
        """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("What the customer said, the line the reply answers.", valueName: "text"))
    var customer: String?

    @Option(help: ArgumentHelp("The trainee's reply to analyse.", valueName: "text"))
    var reply: String?

    @Option(help: ArgumentHelp("Analyse every row of a tab-separated file with customer and reply columns (- for standard input).",
                               valueName: "file"))
    var batch: String?

    @Flag(help: "Print JSON: one object, or with --batch one object per row (JSON Lines).")
    var json = false

    func validate() throws {
        if batch != nil {
            if customer != nil || reply != nil {
                throw ValidationError("--batch reads the customer and reply from the file; leave out --customer and --reply, or leave out --batch to analyse one reply.")
            }
        } else if reply == nil {
            throw ValidationError("give the reply to analyse: --customer TEXT --reply TEXT, or --batch FILE --json for a tab-separated file of customer and reply columns.")
        }
    }

    func run() throws {
        if let batch {
            try BatchAnalysis(path: batch, json: json, console: Console(noColor: global.noColor)).run()
            return
        }
        let customerLine = LineSanitizer.sanitize(customer ?? "").text
        let replyText = LineSanitizer.sanitize(reply ?? "").text
        guard !replyText.isEmpty else {
            throw UserFacingError(message: "the reply is empty. Give the words to analyse: --reply \"I'm sorry to hear that...\".")
        }
        let signals = ReplyAnalyzer().analyze(replyText, context: .fromCustomerLine(customerLine))
        if json {
            var out = ByteWriter(fd: STDOUT_FILENO)
            SignalsJSON.write(signals, id: nil, to: &out.bytes)
            out.bytes.append(0x0A)
            out.flush()
        } else {
            SignalsReport(console: Console(noColor: global.noColor)).print(signals, customer: customerLine)
        }
    }
}

// MARK: - One reply, for people

/// The analysis of one reply written for a trainee or trainer: what was heard, with the words.
struct SignalsReport {
    let console: Console

    /// The skills a good reply shows, in the order a trainer reads them.
    static var strengths: [(label: String, name: SignalName, fired: (Signals) -> Bool)] { [
        ("Acknowledges the customer", .acknowledges, \.acknowledges),
        ("Restates the customer's details", .paraphrases, \.paraphrases),
        ("Checks understanding", .checksUnderstanding, \.checksUnderstanding),
        ("Asks a question", .asksQuestion, \.asksQuestion),
        ("Asks an open question", .asksOpenQuestion, \.asksOpenQuestion),
        ("Makes an offer", .offers, \.offers),
        ("Pre-empts the next need", .anticipates, \.anticipates),
    ] }

    /// The five parts of a next-step explanation, as a trainee would ask about them.
    static var nextSteps: [(label: String, name: SignalName, fired: (NextSteps) -> Bool)] { [
        ("what will be done", .action, \.action),
        ("when", .timescale, \.timescale),
        ("what the customer must do", .customerAction, \.customerAction),
        ("how it will be confirmed", .confirmation, \.confirmation),
        ("who owns it", .ownership, \.ownership),
    ] }

    /// Things that cost points.
    static var cautions: [(label: String, name: SignalName, fired: (Signals) -> Bool)] { [
        ("Negative wording", .negativeLanguage, \.negativeLanguage),
        ("Blame", .blame, \.blame),
        ("Jargon", .jargon, \.jargon),
        ("Tells the customer to calm down", .calmDown, \.calmDown),
        ("Hollow closer", .hollowCloser, \.hollowCloser),
        ("Small talk", .smallTalk, \.smallTalk),
        ("An apology with nothing done", .apologyOnly, \.apologyOnly),
        ("Suggests a transfer", .suggestsTransfer, \.suggestsTransfer),
    ] }

    func print(_ signals: Signals, customer: String) {
        if signals.empty {
            console.say("The analyser heard nothing it recognises in this reply: no acknowledgement, question, restated detail or next step.", .yellow)
            return
        }
        console.line(console.paint("What the reply does", .bold))
        var missing: [String] = []
        for item in Self.strengths {
            guard item.fired(signals) else {
                if item.name != .asksOpenQuestion || signals.asksQuestion { missing.append(item.label.lowercased()) }
                continue
            }
            console.say("\(item.label): \(quoted(signals, item.name))", .green, first: "  + ", rest: "      ")
        }
        if signals.evidence.allSatisfy({ !Self.strengths.map(\.name).contains($0.signal) }) {
            console.say("(none of the listening or resolution skills)", first: "  ", rest: "  ")
        }

        console.line()
        console.line(console.paint("Next steps: \(signals.nextSteps.count) of 5 parts", .bold))
        for part in Self.nextSteps {
            if part.fired(signals.nextSteps) {
                console.say("\(part.label): \(quoted(signals, part.name))", .green, first: "  [x] ", rest: "      ")
            } else {
                console.say(part.label, first: "  [ ] ", rest: "      ")
            }
        }

        let cautions = Self.cautions.filter { $0.fired(signals) }
        if !cautions.isEmpty {
            console.line()
            console.line(console.paint("To avoid", .bold))
            for item in cautions {
                console.say("\(item.label): \(quoted(signals, item.name))", .red, first: "  - ", rest: "      ")
            }
        }
        if !missing.isEmpty {
            console.line()
            let facts = customer.isEmpty ? " (no --customer line was given, so there were no details to restate)" : ""
            console.say("Not heard: \(missing.joined(separator: ", "))\(facts).", .dim)
        }
    }

    /// The evidence words for a signal, quoted; a paraphrase lists each detail it restated.
    private func quoted(_ signals: Signals, _ name: SignalName) -> String {
        let items = signals.evidence.filter { $0.signal == name }
        if name == .paraphrases || name == .offers || name == .anticipates {
            let withRef = items.filter { $0.ref != nil }
            if !withRef.isEmpty {
                return withRef.map { "\"\($0.words)\"" }.joined(separator: ", ")
            }
        }
        guard let first = items.first else { return "" }
        return "\"\(first.words)\""
    }
}

// MARK: - Many replies

/// Analyses a tab-separated file row by row, streaming: one analyser, output through one buffer.
struct BatchAnalysis {
    let path: String
    let json: Bool
    let console: Console

    /// Lines longer than this are reported and skipped rather than held in memory.
    static let maxLineBytes = 1 << 20

    /// How many customer lines' facts are kept for reuse; past this the store starts again.
    static let contextCacheSize = 4_096

    func run() throws {
        let name = path == "-" ? "<stdin>" : path
        let fd = try openInput()
        defer { if fd != STDIN_FILENO { close(fd) } }

        var reader = LineReader(fd: fd, maxLineBytes: Self.maxLineBytes)
        var out = ByteWriter(fd: STDOUT_FILENO)
        var problems = 0
        func report(_ line: Int, _ message: String) {
            out.flush()
            console.error("\(name):\(line): \(message)")
        }

        // The header.
        var header: [String]?
        while header == nil {
            switch reader.next() {
            case .end:
                if let error = reader.error { throw UserFacingError(message: "\(name): cannot read: \(error).") }
                throw UserFacingError(message: "\(name) is empty. Give a tab-separated file whose first row names the columns, with customer and reply among them.")
            case .tooLong:
                throw UserFacingError(message: "\(name):\(reader.lineNumber): the header row is longer than \(Self.maxLineBytes / 1024) KiB; is this a tab-separated file?")
            case let .line(bytes):
                let text = Self.decode(bytes, bom: true).text
                if text.isEmpty { continue }
                header = text.split(separator: "\t", omittingEmptySubsequences: false).map {
                    $0.trimmingCharacters(in: .whitespaces).lowercased()
                }
            }
        }
        let columns = header ?? []
        let headerLine = reader.lineNumber
        guard let customerColumn = columns.firstIndex(of: "customer"), let replyColumn = columns.firstIndex(of: "reply") else {
            let absent = ["customer", "reply"].filter { !columns.contains($0) }.joined(separator: " and ")
            let found = columns.map { $0.isEmpty ? "(blank)" : $0 }.joined(separator: ", ")
            var hint = ""
            if columns.count == 1, columns[0].contains(",") {
                hint = " The header has no tabs but has commas: the file must be tab-separated, not comma-separated."
            }
            throw UserFacingError(message: "\(name):\(headerLine): no \(absent) column. The header row names: \(found).\(hint) Name the columns customer and reply (any order, tab-separated).")
        }
        let idColumn = columns.firstIndex(of: "id")
        let needed = max(customerColumn, replyColumn, idColumn ?? 0) + 1

        let analyzer = ReplyAnalyzer()
        // Files of replies usually answer a few customer lines many times: find each line's facts once.
        var contexts: [String: ReplyContext] = [:]
        var fields: [Range<Int>] = []
        fields.reserveCapacity(columns.count + 1)
        var rows = 0
        reading: while !out.closed {
            switch reader.next() {
            case .end:
                break reading
            case .tooLong:
                problems += 1
                report(reader.lineNumber, "this line is longer than \(Self.maxLineBytes / 1024) KiB; skipped it.")
                continue
            case let .line(bytes):
                if bytes.isEmpty || bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                Self.split(bytes, into: &fields)
                guard fields.count >= needed else {
                    problems += 1
                    let which = replyColumn >= fields.count ? "reply" : customerColumn >= fields.count ? "customer" : "id"
                    report(reader.lineNumber, "this row has \(fields.count) field\(fields.count == 1 ? "" : "s") but the \(which) column is field \((columns.firstIndex(of: which) ?? 0) + 1) of \(columns.count); skipped it. Separate the fields with tabs.")
                    continue
                }
                let customer = Self.decode(bytes[fields[customerColumn]], bom: false)
                let reply = Self.decode(bytes[fields[replyColumn]], bom: false)
                let id = idColumn.map { Self.decode(bytes[fields[$0]], bom: false) }
                if !customer.valid || !reply.valid || id?.valid == false {
                    report(reader.lineNumber, "warning: this row is not valid UTF-8; the bad bytes were read as \u{FFFD}.")
                }
                let customerText = Self.sanitize(customer.text)
                let replyText = Self.sanitize(reply.text)
                let context: ReplyContext
                if let known = contexts[customerText] {
                    context = known
                } else {
                    context = .fromCustomerLine(customerText)
                    if contexts.count >= Self.contextCacheSize { contexts.removeAll(keepingCapacity: true) }
                    contexts[customerText] = context
                }
                let signals = analyzer.analyze(replyText, context: context)
                rows += 1
                if json {
                    SignalsJSON.write(signals, id: id?.text, to: &out.bytes)
                    out.bytes.append(0x0A)
                } else {
                    out.append(Self.summary(signals, line: reader.lineNumber, id: id?.text))
                }
                if out.bytes.count >= ByteWriter.flushSize { out.flush() }
            }
        }
        out.flush()
        if let error = reader.error {
            throw UserFacingError(message: "\(name): reading stopped at line \(reader.lineNumber): \(error).")
        }
        if problems > 0 {
            throw UserFacingError(message: "\(problems) line\(problems == 1 ? " was" : "s were") skipped (listed above); \(rows) row\(rows == 1 ? " was" : "s were") analysed.")
        }
    }

    /// Opens the file (or standard input for `-`), with a message that says what to do when it cannot.
    private func openInput() throws -> Int32 {
        if path == "-" { return STDIN_FILENO }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw UserFacingError(message: "\(path): no such file. Give a tab-separated file with customer and reply columns, or - to read standard input.")
        }
        if isDirectory.boolValue {
            throw UserFacingError(message: "\(path) is a folder. Give a tab-separated file with customer and reply columns.")
        }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw UserFacingError(message: "\(path): cannot open: \(String(cString: strerror(errno))).")
        }
        return fd
    }

    /// The byte ranges of the tab-separated fields of a line.
    static func split(_ bytes: ArraySlice<UInt8>, into fields: inout [Range<Int>]) {
        fields.removeAll(keepingCapacity: true)
        var start = bytes.startIndex
        var end = bytes.endIndex
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        var i = start
        while i < end {
            if bytes[i] == 0x09 {
                fields.append(start..<i)
                start = i + 1
            }
            i += 1
        }
        fields.append(start..<end)
    }

    /// Text from bytes, with a carriage return at the end and (optionally) a byte order mark at the
    /// start removed; invalid UTF-8 becomes U+FFFD and is reported.
    static func decode(_ bytes: ArraySlice<UInt8>, bom: Bool) -> (text: String, valid: Bool) {
        var slice = bytes
        if bom, slice.starts(with: [0xEF, 0xBB, 0xBF]) { slice = slice.dropFirst(3) }
        if slice.last == 0x0D { slice = slice.dropLast() }
        if let text = String(validating: slice, as: UTF8.self) { return (text, true) }
        return (String(decoding: slice, as: UTF8.self), false)
    }

    /// The text as ``LineSanitizer`` leaves it, taking a quick look first: most fields are already
    /// clean, and then the text is returned as it is.
    static func sanitize(_ text: String) -> String {
        isClean(text) ? text : LineSanitizer.sanitize(text).text
    }

    /// True when ``LineSanitizer/sanitize(_:maxLength:)`` would return the text unchanged: no control,
    /// format or line-separator characters, no space at either end, and short enough.
    static func isClean(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard utf8.count <= LineSanitizer.maxLength else { return false }
        guard let first = utf8.first, let last = utf8.last else { return true }
        if first == 0x20 || last == 0x20 { return false }
        var ascii = true
        for b in utf8 {
            if b < 0x20 || b == 0x7F { return false }
            if b >= 0x80 { ascii = false }
        }
        if ascii { return true }
        if text.first?.isWhitespace == true || text.last?.isWhitespace == true { return false }
        for s in text.unicodeScalars where s.value >= 0x80 {
            if s.value <= 0x9F || s.value == 0x2028 || s.value == 0x2029 { return false }
            let category = s.properties.generalCategory
            if category == .control || (category == .format && s.value != 0x200D) { return false }
        }
        return true
    }

    /// One readable line for a row: the line number, id, what was heard and the next-step parts.
    static func summary(_ s: Signals, line: Int, id: String?) -> String {
        var heard: [String] = []
        for item in SignalsReport.strengths where item.fired(s) && !(item.name == .asksQuestion && s.asksOpenQuestion) {
            heard.append(item.label.lowercased())
        }
        let parts = SignalsReport.nextSteps.filter { $0.fired(s.nextSteps) }.map(\.name.rawValue)
        let avoid = SignalsReport.cautions.filter { $0.fired(s) }.map { $0.label.lowercased() }
        var text = "\(line)"
        if let id { text += " [\(id)]" }
        text += ": " + (s.empty ? "nothing recognised" : heard.isEmpty ? "no listening skills" : heard.joined(separator: ", "))
        text += "; next steps \(parts.count)/5" + (parts.isEmpty ? "" : " (\(parts.joined(separator: ", ")))")
        if !avoid.isEmpty { text += "; avoid: " + avoid.joined(separator: ", ") }
        return text + "\n"
    }
}

// MARK: - JSON

/// Writes ``Signals`` as one line of JSON by hand: fast, and with the keys always in the same order.
///
/// Keys: `id` (when given), `acknowledges`, `paraphrases`, `paraphrasedFacts`, `checksUnderstanding`,
/// `asksQuestion`, `openQuestion`, `nextSteps` {`action`, `timescale`, `customerAction`, `confirmation`,
/// `ownership`}, `offers`, `anticipates`, `negativeLanguage`, `blame`, `jargon`, `calmDown`,
/// `hollowCloser`, `smallTalk`, `apologyOnly`, `suggestsTransfer`, `empty`, `evidence` [{`signal`,
/// `words`, and `ref` when the evidence is about one fact}]. Evidence signal names are the key names
/// above, and the next-step part names for next steps.
enum SignalsJSON {
    static func write(_ s: Signals, id: String?, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        if let id {
            key("id", &out)
            string(id, &out)
            out.append(UInt8(ascii: ","))
        }
        bool("acknowledges", s.acknowledges, &out)
        bool("paraphrases", s.paraphrases, &out)
        key("paraphrasedFacts", &out)
        out.append(UInt8(ascii: "["))
        for (k, fact) in s.paraphrasedFacts.enumerated() {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            string(fact, &out)
        }
        raw("],", &out)
        bool("checksUnderstanding", s.checksUnderstanding, &out)
        bool("asksQuestion", s.asksQuestion, &out)
        bool("openQuestion", s.asksOpenQuestion, &out)
        key("nextSteps", &out)
        out.append(UInt8(ascii: "{"))
        bool("action", s.nextSteps.action, &out)
        bool("timescale", s.nextSteps.timescale, &out)
        bool("customerAction", s.nextSteps.customerAction, &out)
        bool("confirmation", s.nextSteps.confirmation, &out)
        bool("ownership", s.nextSteps.ownership, &out, last: true)
        raw("},", &out)
        bool("offers", s.offers, &out)
        bool("anticipates", s.anticipates, &out)
        bool("negativeLanguage", s.negativeLanguage, &out)
        bool("blame", s.blame, &out)
        bool("jargon", s.jargon, &out)
        bool("calmDown", s.calmDown, &out)
        bool("hollowCloser", s.hollowCloser, &out)
        bool("smallTalk", s.smallTalk, &out)
        bool("apologyOnly", s.apologyOnly, &out)
        bool("suggestsTransfer", s.suggestsTransfer, &out)
        bool("empty", s.empty, &out)
        key("evidence", &out)
        out.append(UInt8(ascii: "["))
        for (k, e) in s.evidence.enumerated() {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "{"))
            key("signal", &out)
            string(name(e.signal), &out)
            out.append(UInt8(ascii: ","))
            key("words", &out)
            string(e.words, &out)
            if let ref = e.ref {
                out.append(UInt8(ascii: ","))
                key("ref", &out)
                string(ref, &out)
            }
            out.append(UInt8(ascii: "}"))
        }
        raw("]}", &out)
    }

    /// The evidence name for a signal, matching the key it explains.
    static func name(_ signal: SignalName) -> String {
        signal == .asksOpenQuestion ? "openQuestion" : signal.rawValue
    }

    private static func raw(_ text: StaticString, _ out: inout [UInt8]) {
        text.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    private static func key(_ name: StaticString, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        raw(name, &out)
        out.append(UInt8(ascii: "\""))
        out.append(UInt8(ascii: ":"))
    }

    private static func bool(_ name: StaticString, _ value: Bool, _ out: inout [UInt8], last: Bool = false) {
        key(name, &out)
        raw(value ? "true" : "false", &out)
        if !last { out.append(UInt8(ascii: ",")) }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// A JSON string: quotes, backslashes and control characters escaped; everything else as UTF-8.
    static func string(_ text: String, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        let utf8 = text.utf8
        if !utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F }) {
            // Nothing to escape: copy the bytes as they are.
            out.append(contentsOf: utf8)
            out.append(UInt8(ascii: "\""))
            return
        }
        for b in utf8 {
            switch b {
            case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case 0x0A: out.append(contentsOf: "\\n".utf8)
            case 0x0D: out.append(contentsOf: "\\r".utf8)
            case 0x09: out.append(contentsOf: "\\t".utf8)
            case 0..<0x20, 0x7F:
                out.append(contentsOf: "\\u00".utf8)
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 0xF)])
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

// MARK: - Input and output

/// Reads a file descriptor line by line in large blocks, never holding more than one line and one block.
struct LineReader {
    enum Item {
        case line(ArraySlice<UInt8>)
        /// A line longer than the limit; its bytes were dropped.
        case tooLong
        case end
    }

    let fd: Int32
    let maxLineBytes: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    /// The 1-based number of the line last returned.
    private(set) var lineNumber = 0
    /// Why reading stopped early, if it did.
    private(set) var error: String?

    static let blockSize = 1 << 16

    init(fd: Int32, maxLineBytes: Int) {
        self.fd = fd
        self.maxLineBytes = maxLineBytes
        buffer.reserveCapacity(Self.blockSize * 2)
    }

    mutating func next() -> Item {
        var searchFrom = start
        var skipping = false
        while true {
            if let newline = buffer[searchFrom...].firstIndex(of: 0x0A) {
                let line = buffer[start..<newline]
                start = newline + 1
                lineNumber += 1
                return skipping ? .tooLong : .line(line)
            }
            if atEnd {
                guard start < buffer.count else { return skipping ? endOfSkipped() : .end }
                let line = buffer[start...]
                start = buffer.count
                lineNumber += 1
                return skipping ? .tooLong : .line(line)
            }
            if buffer.count - start > maxLineBytes {
                // Drop what there is of this line and look for its end.
                skipping = true
                buffer.removeAll(keepingCapacity: true)
                start = 0
            }
            // Move the unfinished line to the front, then read another block after it.
            if start > 0 {
                buffer.removeSubrange(0..<start)
                start = 0
            }
            searchFrom = buffer.count
            let old = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: Self.blockSize))
            let n = buffer.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                while true {
                    let r = read(fd, base + old, Self.blockSize)
                    if r < 0 && errno == EINTR { continue }
                    return r
                }
            }
            if n < 0 {
                error = String(cString: strerror(errno))
                buffer.removeSubrange(old...)
                atEnd = true
            } else {
                buffer.removeSubrange((old + n)...)
                if n == 0 { atEnd = true }
            }
        }
    }

    private mutating func endOfSkipped() -> Item {
        lineNumber += 1
        return .tooLong
    }
}

/// Collects output bytes and writes them in large pieces. A closed pipe stops the output quietly.
struct ByteWriter {
    static let flushSize = 1 << 16

    let fd: Int32
    var bytes: [UInt8] = []
    private(set) var closed = false

    init(fd: Int32) {
        self.fd = fd
        bytes.reserveCapacity(Self.flushSize + 4096)
    }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func flush() {
        defer { bytes.removeAll(keepingCapacity: true) }
        guard !closed else { return }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return write(fd, base + offset, raw.count - offset)
            }
            if n < 0 {
                if errno == EINTR { continue }
                closed = true
                return
            }
            offset += n
        }
    }
}
