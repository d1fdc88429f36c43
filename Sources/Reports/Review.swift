import Dialogue
import Foundation
import Progress
import Scoring

/// A list of calls, newest first, for `calldojo history`.
public enum History {
    /// Every call of the given trainees, newest first, with scenario titles where known.
    public static func rows(_ profiles: [TraineeProfile], scenarioTitles: [String: String] = [:], passMark: Int = ReportOptions.defaultPassMark) -> [CallRow] {
        let builder = ReportBuilder(options: ReportOptions(passMark: passMark), scenarioTitles: scenarioTitles)
        return profiles
            .flatMap { p in p.sessions.map { builder.row($0, trainee: p.name, key: p.key) } }
            .sorted { ($0.startedAt, $0.sessionID) > ($1.startedAt, $1.sessionID) }
    }

    /// The calls as aligned text: id, date, trainee (when several), scenario, ending, overall and the
    /// four skills. Long scenario titles are shortened to fit `width`.
    public static func render(_ rows: [CallRow], showTrainee: Bool, width: Int = 80, zone: TimeZone = .current) -> String {
        guard !rows.isEmpty else { return "No calls recorded yet.\n" }
        var head = ["Session id", "When"]
        if showTrainee { head.append("Trainee") }
        head += ["Overall", "Listen", "Para", "Next", "Fwd", "Ending", "Scenario"]
        var table: [[String]] = [head]
        for r in rows {
            var row = [r.sessionID, ReportFormat.dateTime(r.startedAt, in: zone)]
            if showTrainee { row.append(TableReport.fit(r.trainee, 20)) }
            row.append(String(r.overall))
            row += ReportSkills.ids.map { r.skills[$0].map(String.init) ?? "-" }
            row += [r.ending?.title ?? "no ending", r.scenarioTitle]
            table.append(row)
        }
        let first = showTrainee ? 3 : 2
        let lines = TableReport.columns(table, right: Set(first..<(first + 5)))
        let width = max(60, width)
        return lines.map { TableReport.fit($0, max(width, 60)) }.joined(separator: "\n") + "\n"
    }
}

/// A saved call laid out for review, turn by turn, for `calldojo replay`.
public enum Replay {
    /// The call as lines: a heading, then each customer line and each reply with what was heard in it
    /// (each signal and the words that triggered it), the score changes it earned or lost, and the
    /// customer's mood after it; then call-level findings, the ending and the four scores.
    public static func lines(for record: SessionRecord, zone: TimeZone = .current) -> [DebriefLine] {
        var out: [DebriefLine] = []
        out.append(DebriefLine("Call \(record.id): \(record.scenarioTitle)", tone: .heading))
        let seconds = max(0, Int(record.endedAt.timeIntervalSince(record.startedAt).rounded()))
        out.append(DebriefLine("\(record.trainee), \(record.mode.rawValue), \(ReportFormat.dateTime(record.startedAt, in: zone)), \(ReportFormat.duration(seconds)). "
                               + "Customer: \(record.personaName) (\(record.persona)). Scenario: \(record.scenario). Seed \(record.seed).",
                               hanging: "  ", tone: .quiet))
        out.append(DebriefLine(""))
        let evidenceByTurn = Dictionary(grouping: record.score.skills.flatMap { s in s.evidence.map { (s.skill, $0) } }, by: { $0.1.turn })
        var mood = record.moodPath.first
        if let mood { out.append(DebriefLine("Mood at the start: \(moodText(mood))", tone: .quiet)) }
        for entry in record.transcript {
            switch entry.speaker {
            case .customer:
                out.append(DebriefLine("\(record.personaName): \(entry.text)", hanging: "  "))
            case .system:
                out.append(DebriefLine("[\(entry.text)]", hanging: "  ", tone: .quiet))
            case .agent:
                let label = entry.turn > 0 ? "Turn \(entry.turn), \(record.trainee)" : record.trainee
                out.append(DebriefLine("\(label): \(entry.text)", hanging: "  ", tone: .heading))
                if let command = entry.command {
                    out.append(DebriefLine("command: \(command)", indent: "    ", hanging: "  ", tone: .quiet))
                }
                if let signals = entry.signals {
                    let heard = signals.evidence.map { e -> String in
                        var text = e.signal.rawValue
                        if let ref = e.ref { text += " (\(ref))" }
                        if !e.words.isEmpty { text += " \"\(e.words)\"" }
                        return text
                    }
                    out.append(DebriefLine("heard: " + (heard.isEmpty ? "nothing the scoring counts" : heard.joined(separator: "; ")),
                                           indent: "    ", hanging: "  ", tone: .quiet))
                }
                if entry.turn > 0 {
                    for (skill, e) in evidenceByTurn[entry.turn] ?? [] {
                        out.append(evidenceLine(skill, e))
                    }
                }
                if let after = entry.moodAfter {
                    let change = mood.map { after - $0 } ?? 0
                    let move = change == 0 ? "no change" : (change > 0 ? "up \(change)" : "down \(-change)")
                    out.append(DebriefLine("mood after: \(moodText(after)) (\(move))", indent: "    ", tone: .quiet))
                    mood = after
                }
            }
        }
        out.append(DebriefLine(""))
        if let ending = record.ending {
            out.append(DebriefLine("How it ended: \(ending.kind.title). \(ending.note)", hanging: "  ", tone: .heading))
        } else {
            out.append(DebriefLine("The call has no ending recorded.", tone: .heading))
        }
        if !record.issuesRaised.isEmpty {
            let resolved = record.issuesRaised.filter(record.issuesResolved.contains)
            let open = record.issuesRaised.filter { !record.issuesResolved.contains($0) }
            var text = "Issues resolved: \(resolved.count) of \(record.issuesRaised.count)"
            if !open.isEmpty { text += "; still open: \(open.joined(separator: ", "))" }
            out.append(DebriefLine(text + ".", hanging: "  "))
        }
        let callLevel = evidenceByTurn.filter { $0.key <= 0 || $0.key > record.transcript.map(\.turn).max() ?? 0 }
            .sorted { $0.key < $1.key }.flatMap(\.value)
        if !callLevel.isEmpty {
            out.append(DebriefLine("Across the whole call:"))
            for (skill, e) in callLevel { out.append(evidenceLine(skill, e)) }
        }
        out.append(DebriefLine(""))
        out.append(DebriefLine("Overall: \(record.score.overall)/100", tone: .heading))
        for s in record.score.skills {
            let pad = String(repeating: " ", count: max(1, 24 - s.skill.title.count))
            let n = String(s.score)
            out.append(DebriefLine("\(s.skill.title)\(pad)\(String(repeating: " ", count: max(0, 3 - n.count)))\(n)  \(Debrief.bar(s.score))", indent: "  "))
        }
        if !record.notes.isEmpty {
            out.append(DebriefLine(""))
            out.append(DebriefLine("Notes taken during the call:"))
            for note in record.notes { out.append(DebriefLine("- \(note)", indent: "  ", hanging: "  ")) }
        }
        return out
    }

    static func evidenceLine(_ skill: Skill, _ e: ScoreEvidence) -> DebriefLine {
        let sign = e.points >= 0 ? "+" : "-"
        var text = "\(sign)\(abs(e.points)) \(skill.title)"
        if !e.words.isEmpty { text += " \"\(e.words)\"" }
        text += ": \(e.reason)"
        return DebriefLine(text, indent: "    ", hanging: "  ", tone: e.effect == .earned ? .good : .bad)
    }

    /// `-2 (annoyed)`: the number and the word the call itself uses for it.
    static func moodText(_ mood: Int) -> String {
        let words = ["furious", "angry", "very unhappy", "annoyed", "uneasy", "neutral", "calm", "content", "pleased", "happy", "delighted"]
        let word = words[min(10, max(0, mood + 5))]
        return "\(mood > 0 ? "+" : "")\(mood) (\(word))"
    }

    /// Session ids like `id`, closest first, for "did you mean" hints: ids that contain it or that it
    /// contains, then ids within a few edits.
    public static func suggestions(for id: String, among ids: [String], limit: Int = 3) -> [String] {
        let needle = id.lowercased()
        guard !needle.isEmpty else { return [] }
        let containing = ids.filter { $0.lowercased().contains(needle) || (needle.count > 12 && needle.contains($0.lowercased())) }.sorted()
        if !containing.isEmpty { return Array(containing.prefix(limit)) }
        let scored = ids.map { ($0, editDistance($0.lowercased(), needle)) }
            .filter { $0.1 <= max(2, needle.count / 6) }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        return Array(scored.prefix(limit).map(\.0))
    }
}
