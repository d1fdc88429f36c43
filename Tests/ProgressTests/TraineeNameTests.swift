import Foundation
import Progress
import Testing

/// A name that must be refused, the reason, and words from the message that tell the trainee what to do.
struct RefusedName: CustomTestStringConvertible, Sendable {
    var raw: String
    var error: TraineeNameError
    var advice: String

    var testDescription: String { raw.debugDescription }
}

private let letters = "use letters, digits, spaces"

private let refusedNames: [RefusedName] = [
    RefusedName(raw: "../x", error: .character("/"), advice: letters),
    RefusedName(raw: "/", error: .character("/"), advice: letters),
    RefusedName(raw: "a/b", error: .character("/"), advice: letters),
    RefusedName(raw: "a\\b", error: .character("\\"), advice: letters),
    RefusedName(raw: "a\0b", error: .control, advice: letters),
    RefusedName(raw: "\0", error: .control, advice: letters),
    RefusedName(raw: "", error: .empty, advice: "type the name"),
    RefusedName(raw: "   ", error: .empty, advice: "type the name"),
    RefusedName(raw: ".", error: .dots, advice: letters),
    RefusedName(raw: "..", error: .dots, advice: letters),
    RefusedName(raw: " .. ", error: .dots, advice: letters),
    RefusedName(raw: String(repeating: "a", count: 65), error: .tooLong(65), advice: "Use a shorter form of the name."),
    RefusedName(raw: "\u{1B}[31mSam", error: .control, advice: letters),
    RefusedName(raw: "Sam\tJones", error: .control, advice: letters),
    RefusedName(raw: "Sam\nJones", error: .control, advice: letters),
    RefusedName(raw: "Sam\rJones", error: .control, advice: letters),
    RefusedName(raw: "Sam\u{7F}", error: .control, advice: letters),
    RefusedName(raw: "Sam\u{200B}Jones", error: .control, advice: letters),
    RefusedName(raw: "Sam\u{202E}senoJ", error: .control, advice: letters),
    RefusedName(raw: ".hidden", error: .leading("."), advice: "start it with a letter or digit"),
    RefusedName(raw: "-rf", error: .leading("-"), advice: "start it with a letter or digit"),
    RefusedName(raw: "<script>", error: .character("<"), advice: letters),
    RefusedName(raw: "Sam*", error: .character("*"), advice: letters),
    RefusedName(raw: "Sam%20", error: .character("%"), advice: letters),
    RefusedName(raw: "~root", error: .character("~"), advice: letters),
    RefusedName(raw: "Sam 🙂", error: .character("🙂"), advice: letters),
]

@Test(arguments: refusedNames)
func unsafeNamesAreRefusedWithAdvice(_ test: RefusedName) {
    #expect(throws: test.error) { try TraineeName(test.raw) }
    #expect(test.error.description.contains(test.advice), "\(test.error.description)")
}

@Test(arguments: [
    TraineeNameError.empty, .tooLong(65), .dots, .character("/"), .control, .leading("."),
])
func everyRefusalSaysWhatToDo(_ error: TraineeNameError) {
    let message = error.description
    #expect(message.hasPrefix("A trainee name "))
    #expect(message.hasSuffix("."))
    let advice = ["type ", "use ", "start it with", "choose "]
    #expect(advice.contains { message.lowercased().contains($0) }, "no advice in: \(message)")
}

@Test func theLongestRefusedNameSaysHowLongItIs() {
    let message = TraineeNameError.tooLong(65).description
    #expect(message.contains("64"))
    #expect(message.contains("65"))
}

/// A name that must be accepted and, where given, the key its records are filed under.
struct AcceptedName: CustomTestStringConvertible, Sendable {
    var raw: String
    var display: String
    var key: String?

    var testDescription: String { raw.debugDescription }
}

@Test(arguments: [
    AcceptedName(raw: "Sam", display: "Sam", key: "sam"),
    AcceptedName(raw: "Sam Jones", display: "Sam Jones", key: "sam-jones"),
    AcceptedName(raw: "sam-jones", display: "sam-jones", key: "sam%2Djones"),
    AcceptedName(raw: "Ana María", display: "Ana María", key: "ana-mar%C3%ADa"),
    AcceptedName(raw: "O'Brien", display: "O'Brien", key: "o%27brien"),
    AcceptedName(raw: "李小龍", display: "李小龍", key: "%E6%9D%8E%E5%B0%8F%E9%BE%8D"),
    AcceptedName(raw: "Jean-Luc", display: "Jean-Luc", key: "jean%2Dluc"),
    AcceptedName(raw: "sam.jones", display: "sam.jones", key: "sam%2Ejones"),
    AcceptedName(raw: "sam_jones", display: "sam_jones", key: "sam%5Fjones"),
    AcceptedName(raw: "  Sam  ", display: "Sam", key: "sam"),
    AcceptedName(raw: "Agent 007", display: "Agent 007", key: "agent-007"),
    AcceptedName(raw: "007", display: "007", key: "007"),
    AcceptedName(raw: "Zoë O'Neill-Smith", display: "Zoë O'Neill-Smith", key: nil),
    AcceptedName(raw: "Ольга", display: "Ольга", key: nil),
    AcceptedName(raw: "محمد", display: "محمد", key: nil),
    AcceptedName(raw: "नमस्ते", display: "नमस्ते", key: nil),
    AcceptedName(raw: String(repeating: "a", count: 64), display: String(repeating: "a", count: 64),
                 key: String(repeating: "a", count: 64)),
])
func safeNamesAreAccepted(_ test: AcceptedName) throws {
    let name = try trainee(test.raw)
    #expect(name.display == test.display)
    #expect(name.description == test.display)
    if let key = test.key {
        #expect(name.key == key)
    }
    #expect(!name.key.isEmpty)
    #expect(!name.key.contains("/"))
    #expect(!name.key.contains("\\"))
    #expect(!name.key.hasPrefix("."))
    #expect(name.key.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 0x20 && $0.value < 0x7F })
}

@Test func namesThatDifferOnlyInCaseShareAKey() throws {
    let keys = try ["Sam Jones", "sam jones", "SAM JONES", "  sam JONES "].map { try trainee($0).key }
    #expect(Set(keys) == ["sam-jones"])
    #expect(try trainee("ANA MARÍA").key == trainee("ana maría").key)
}

@Test func punctuationKeepsNamesApart() throws {
    let raws = ["a b", "a-b", "a_b", "a.b", "a'b", "ab", "a  b", "a--b", "a-2db", "a2Db"]
    let keys = try raws.map { try trainee($0).key }
    #expect(Set(keys).count == raws.count, "\(keys)")
}

/// Every valid name of up to three characters over a small alphabet: names whose lowercase forms
/// differ must have different keys, and keys stay safe as file names.
@Test func keysAreUniqueForDistinctNames() {
    let alphabet: [String] = ["a", "B", "1", " ", "-", "_", ".", "'", "é", "ß", "Ж", "李"]
    var names: [String] = []
    for a in alphabet {
        names.append(a)
        for b in alphabet {
            names.append(a + b)
            for c in alphabet { names.append(a + b + c) }
        }
    }
    var byKey: [String: String] = [:]
    var accepted = 0
    for raw in names {
        guard let name = try? TraineeName(raw) else { continue }
        accepted += 1
        let lowered = name.display.lowercased()
        if let other = byKey[name.key] {
            #expect(other == lowered, "\(other.debugDescription) and \(lowered.debugDescription) share \(name.key)")
        }
        byKey[name.key] = lowered
        #expect(!name.key.contains("/") && !name.key.hasPrefix("."), "\(name.key)")
    }
    #expect(accepted > 1000)
}

@Test func aNameTypedWithCombiningAccentsSharesTheKeyOfTheComposedName() throws {
    let composed = try trainee("Ana Mar\u{ED}a")
    let decomposed = try trainee("Ana Mari\u{301}a")
    #expect(decomposed.key == composed.key)
    #expect(decomposed == composed)
}

/// Records are filed under the key, so the longest file name the store makes from it must stay within
/// the 255 bytes most file systems allow, for the longest name in any script.
@Test(arguments: ["a'", "Ж", "李", "𝒜"])
func keysOfTheLongestNamesFitInAFileName(_ unit: String) throws {
    let raw = String(String(repeating: unit, count: 64).prefix(64))
    let name = try trainee(raw)
    let sessionTemporaryFile = ".20240101-000000-\(name.key)-ffff.json.4194304.4294967295.tmp"
    #expect(sessionTemporaryFile.utf8.count <= 255, "key has \(name.key.utf8.count) bytes")
    #expect(name.key.utf8.count <= 200)
    #expect(!name.key.contains("/") && !name.key.hasPrefix("."))
}

@Test func longNamesThatShareABeginningHaveDifferentKeys() throws {
    let stem = String(repeating: "李", count: 63)
    let keys = try ["李", "小", "龍", "a", "b"].map { try trainee(stem + $0).key }
    #expect(Set(keys).count == 5)
    #expect(try trainee(stem + "A").key == trainee(stem + "a").key)
}

/// Shortened keys are part of the record format: the same long name must always give the same key.
@Test func shortenedKeysAreStable() throws {
    let name = try trainee(String(repeating: "Ж", count: 64))
    #expect(name.key == String(repeating: "%D0%B6", count: 30) + "%D0~9a216b4069f19fa5")
    #expect(try trainee(String(repeating: "ж", count: 64)).key == name.key)
    // Keys up to 200 characters are kept whole.
    let whole = try trainee(String(repeating: "Ж", count: 33))
    #expect(whole.key == String(repeating: "%D0%B6", count: 33))
}
