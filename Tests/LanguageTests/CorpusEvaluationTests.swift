import Foundation
import Testing
@testable import Language

/// Measures the reply analyser against the hand-labelled corpus in Corpus/ (see Corpus/README.md):
/// precision, recall and F1 per signal, on the tuning part and on the hold-out part that is never used
/// for tuning. The test fails when any signal's F1 falls below its floor.
struct CorpusEvaluation {
    struct Row {
        var id: String
        var customer: String
        var reply: String
        var labels: [String: Bool]
    }

    /// The corpus signals and how to read each from ``Signals``.
    static let signals: [(name: String, read: @Sendable (Signals) -> Bool)] = [
        ("acknowledges", { $0.acknowledges }),
        ("paraphrases", { $0.paraphrases }),
        ("checksUnderstanding", { $0.checksUnderstanding }),
        ("asksQuestion", { $0.asksQuestion }),
        ("openQuestion", { $0.asksOpenQuestion }),
        ("action", { $0.nextSteps.action }),
        ("timescale", { $0.nextSteps.timescale }),
        ("customerAction", { $0.nextSteps.customerAction }),
        ("confirmation", { $0.nextSteps.confirmation }),
        ("ownership", { $0.nextSteps.ownership }),
        ("offers", { $0.offers }),
        ("anticipates", { $0.anticipates }),
        ("negativeLanguage", { $0.negativeLanguage }),
        ("blame", { $0.blame }),
        ("jargon", { $0.jargon }),
        ("calmDown", { $0.calmDown }),
        ("hollowCloser", { $0.hollowCloser }),
    ]

    struct Counts {
        var tp = 0, fp = 0, fn = 0, tn = 0
        var precision: Double { tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp) }
        var recall: Double { tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn) }
        var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    static func load(_ name: String) throws -> [Row] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus/\(name)")
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        guard !lines.isEmpty else { return [] }
        let header = lines.removeFirst().split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        func column(_ n: String) -> Int? { header.firstIndex(of: n) }
        guard let id = column("id"), let customer = column("customer"), let reply = column("reply") else { return [] }
        return lines.compactMap { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == header.count else { return nil }
            var labels: [String: Bool] = [:]
            for (name, _) in signals {
                if let i = column(name) { labels[name] = f[i] == "1" }
            }
            return Row(id: f[id], customer: f[customer], reply: f[reply], labels: labels)
        }
    }

    static func evaluate(_ rows: [Row]) -> (counts: [String: Counts], misses: [String: [String]]) {
        let analyzer = ReplyAnalyzer()
        var counts: [String: Counts] = [:]
        var misses: [String: [String]] = [:]
        for row in rows {
            let signals = analyzer.analyze(row.reply, context: ReplyContext.fromCustomerLine(row.customer))
            for (name, read) in Self.signals {
                guard let expected = row.labels[name] else { continue }
                let got = read(signals)
                switch (expected, got) {
                case (true, true): counts[name, default: Counts()].tp += 1
                case (false, true): counts[name, default: Counts()].fp += 1; misses[name, default: []].append("\(row.id) false positive")
                case (true, false): counts[name, default: Counts()].fn += 1; misses[name, default: []].append("\(row.id) missed")
                case (false, false): counts[name, default: Counts()].tn += 1
                }
            }
        }
        return (counts, misses)
    }

    static func table(_ counts: [String: Counts]) -> String {
        var out = "signal                 precision  recall     F1   (tp/fp/fn)\n"
        for (name, _) in signals {
            let c = counts[name] ?? Counts()
            let pad = String(repeating: " ", count: max(1, 22 - name.count))
            out += "\(name)\(pad) \(fmt(c.precision))     \(fmt(c.recall))  \(fmt(c.f1))   (\(c.tp)/\(c.fp)/\(c.fn))\n"
        }
        return out
    }

    static func fmt(_ x: Double) -> String {
        let v = (x * 100).rounded() / 100
        let s = String(v)
        return s.count < 4 ? s + String(repeating: "0", count: 4 - s.count) : s
    }
}

/// The F1 each signal must reach. Raise a floor when the analyser improves; never lower one to make a
/// change pass.
private let tuneFloors: [String: Double] = Dictionary(uniqueKeysWithValues: CorpusEvaluation.signals.map { ($0.name, 0.80) })
/// The hold-out floors are 0.70, except for three signals whose hold-out F1 is lower today, with few
/// labelled examples behind each (anticipates 12, blame 9, jargon 7): their floors sit just below today's
/// figures (0.56, 0.62, 0.67), so the test catches a regression without pretending they are better.
private let holdoutFloors: [String: Double] = Dictionary(uniqueKeysWithValues: CorpusEvaluation.signals.map { ($0.name, 0.70) })
    .merging(["anticipates": 0.50, "blame": 0.55, "jargon": 0.60]) { $1 }

@Suite struct CorpusEvaluationTests {
    @Test func corpusFilesAreWellFormed() throws {
        let tune = try CorpusEvaluation.load("tune.tsv")
        let holdout = try CorpusEvaluation.load("holdout.tsv")
        #expect(tune.count >= 320)
        #expect(holdout.count >= 80)
        #expect(Set(tune.map(\.id)).isDisjoint(with: Set(holdout.map(\.id))))
    }

    @Test func tuningPartMeetsFloors() throws {
        let rows = try CorpusEvaluation.load("tune.tsv")
        let (counts, misses) = CorpusEvaluation.evaluate(rows)
        print("Reply analyser on the tuning corpus (\(rows.count) rows):\n" + CorpusEvaluation.table(counts))
        for (name, floor) in tuneFloors {
            let f1 = counts[name]?.f1 ?? 0
            #expect(f1 >= floor, "\(name): F1 \(CorpusEvaluation.fmt(f1)) is below \(floor); \(misses[name, default: []].prefix(8).joined(separator: ", "))")
        }
    }

    @Test func holdOutPartMeetsFloors() throws {
        let rows = try CorpusEvaluation.load("holdout.tsv")
        let (counts, _) = CorpusEvaluation.evaluate(rows)
        print("Reply analyser on the hold-out corpus (\(rows.count) rows, never tuned on):\n" + CorpusEvaluation.table(counts))
        for (name, floor) in holdoutFloors {
            let f1 = counts[name]?.f1 ?? 0
            #expect(f1 >= floor, "\(name): hold-out F1 \(CorpusEvaluation.fmt(f1)) is below \(floor)")
        }
    }
}
