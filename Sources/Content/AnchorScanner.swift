/// Finds YAML anchors (`&name`) and aliases (`*name`) in raw text, before the text is parsed.
///
/// Aliases must be refused before parsing: the YAML library compares mapping keys by value, so an alias
/// that expands exponentially ("billion laughs") used as a key would hang it. This scanner follows YAML's
/// lexical rules closely enough to find every anchor and alias where a value can start (line starts,
/// after `- `, `? `, `: `, `[`, `{` and `,`), while skipping comments, quoted text and block text (`|`, `>`).
/// It errs on the side of reporting: plain text continued on a new line that begins with `*word` is reported.
struct AnchorScanner {
    struct Found: Equatable {
        var isAlias: Bool
        var name: String
        var line: Int
        var column: Int
    }

    /// The first alias in the text if there is one, else the first anchor, else nil.
    static func scan(_ text: String) -> Found? {
        var scanner = AnchorScanner()
        var lineNumber = 0
        var current: [Unicode.Scalar] = []
        current.reserveCapacity(128)
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                lineNumber += 1
                scanner.scanLine(current, number: lineNumber)
                if scanner.firstAlias != nil { return scanner.firstAlias }
                current.removeAll(keepingCapacity: true)
            } else {
                current.append(scalar)
            }
        }
        scanner.scanLine(current, number: lineNumber + 1)
        return scanner.firstAlias ?? scanner.firstAnchor
    }

    private var firstAlias: Found?
    private var firstAnchor: Found?
    private var flowDepth = 0
    /// Inside a block scalar: lines indented more than this are its text.
    private var blockScalarParent: Int?
    /// Inside quoted text that goes on to the next line: the quote character.
    private var openQuote: Unicode.Scalar?

    private static func isBlank(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\r" }

    private static func isAnchorCharacter(_ c: Unicode.Scalar) -> Bool {
        !isBlank(c) && !["[", "]", "{", "}", ","].contains(c)
    }

    private mutating func scanLine(_ line: [Unicode.Scalar], number: Int) {
        let indent = line.prefix { $0 == " " }.count
        if let parent = blockScalarParent {
            if line.allSatisfy(Self.isBlank) || indent > parent { return }
            blockScalarParent = nil
        }
        var pos = 0
        if let quote = openQuote {
            guard let end = Self.endOfQuote(line, from: 0, quote: quote) else { return }
            openQuote = nil
            pos = end
        } else if line.first == "%" {
            return  // A directive.
        } else if Self.isDocumentMarker(line) {
            pos = 3  // A value may follow the marker.
        }
        var atNodeStart = true
        var lastTokenStart = indent
        while pos < line.count {
            let c = line[pos]
            let next: Unicode.Scalar? = pos + 1 < line.count ? line[pos + 1] : nil
            let nextIsBlank = next.map(Self.isBlank) ?? true
            if Self.isBlank(c) { pos += 1; continue }
            if c == "#", pos == 0 || Self.isBlank(line[pos - 1]) { return }
            if atNodeStart {
                if c == "&" || c == "*", let next, Self.isAnchorCharacter(next) {
                    var end = pos + 1
                    while end < line.count, Self.isAnchorCharacter(line[end]) { end += 1 }
                    let found = Found(isAlias: c == "*", name: String(String.UnicodeScalarView(line[(pos + 1)..<end])),
                                      line: number, column: pos + 1)
                    if found.isAlias {
                        if firstAlias == nil { firstAlias = found }
                        return
                    }
                    if firstAnchor == nil { firstAnchor = found }
                    pos = end
                    continue  // Still at the start of the anchored value.
                }
                if c == "!" {
                    while pos < line.count, !Self.isBlank(line[pos]) { pos += 1 }
                    continue  // A tag; the value follows.
                }
                if c == "\"" || c == "'" {
                    guard let end = Self.endOfQuote(line, from: pos + 1, quote: c) else {
                        openQuote = c
                        return
                    }
                    pos = end
                    atNodeStart = false
                    continue
                }
                if (c == "-" || c == "?") && nextIsBlank {
                    lastTokenStart = pos
                    pos += 1
                    continue
                }
                if (c == "|" || c == ">") && flowDepth == 0 {
                    let header = line[(pos + 1)...].prefix { !Self.isBlank($0) }
                    // With an explicit indentation the text's extent is not tracked: its lines are scanned too.
                    if !header.contains(where: { ("1"..."9").contains($0) }) { blockScalarParent = lastTokenStart }
                    return
                }
                if c == "[" || c == "{" {
                    flowDepth += 1
                    pos += 1
                    continue
                }
                lastTokenStart = pos
            }
            if flowDepth > 0 {
                if c == "[" || c == "{" { flowDepth += 1; pos += 1; atNodeStart = true; continue }
                if c == "]" || c == "}" { flowDepth -= 1; pos += 1; atNodeStart = false; continue }
                if c == "," { pos += 1; atNodeStart = true; continue }
            }
            if c == ":" && (nextIsBlank || flowDepth > 0) {
                pos += 1
                atNodeStart = true
                continue
            }
            atNodeStart = false
            pos += 1
        }
    }

    /// `---` or `...` at the start of a line, alone or followed by a space.
    private static func isDocumentMarker(_ line: [Unicode.Scalar]) -> Bool {
        guard line.count >= 3 else { return false }
        let start = line[0..<3]
        guard start.allSatisfy({ $0 == "-" }) || start.allSatisfy({ $0 == "." }) else { return false }
        return line.count == 3 || isBlank(line[3])
    }

    /// The index after the closing quote, or nil when the quoted text goes on past this line.
    private static func endOfQuote(_ line: [Unicode.Scalar], from start: Int, quote: Unicode.Scalar) -> Int? {
        var i = start
        while i < line.count {
            let c = line[i]
            if quote == "\"" && c == "\\" { i += 2; continue }
            if c == quote {
                if quote == "'", i + 1 < line.count, line[i + 1] == "'" { i += 2; continue }
                return i + 1
            }
            i += 1
        }
        return nil
    }
}
