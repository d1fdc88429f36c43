import Dialogue
import Yams

/// Checks a parsed scenario as a whole: references between its parts, conditions, flags, branch order,
/// the dialogue as a graph (``GraphChecks``) and the minimum shape of shipped content.
enum ScenarioChecks {
    /// Shipped scenarios have at least this many endings and nodes.
    static let minimumEndings = 3
    static let minimumNodes = 10

    static func check(_ scenario: ParsedScenario, sink: inout DiagnosticSink) {
        let nodeIDs = scenario.nodeIDs.map(\.value)
        let endingIDs = scenario.endingIDs.map(\.value)
        let targets = nodeIDs + endingIDs

        // Node and ending ids must differ.
        let nodeSet = Set(nodeIDs)
        for ending in scenario.endingIDs where nodeSet.contains(ending.value) {
            sink.error("`\(ending.value)` is both a node and an ending; give them different ids", at: ending.mark)
        }

        // Where the call goes.
        if let start = scenario.start, !targets.contains(start.value) {
            sink.error("`start: \(start.value)` goes nowhere: there is no node or ending called `\(start.value)`"
                       + NodeReader.suggestion(for: start.value, in: targets), at: start.mark)
        }
        for node in scenario.nodes {
            for branch in node.branches {
                if let goto = branch.goto, !targets.contains(goto.value) {
                    sink.error("`goto: \(goto.value)` goes nowhere: there is no node or ending called `\(goto.value)`"
                               + NodeReader.suggestion(for: goto.value, in: targets), at: goto.mark)
                }
            }
        }

        checkReferences(scenario, sink: &sink)
        checkFlags(scenario, sink: &sink)
        checkNodes(scenario, sink: &sink)
        GraphChecks.check(scenario, sink: &sink)
        checkShape(scenario, sink: &sink)
    }

    // MARK: - Ids used in lists and conditions

    private static func checkReferences(_ scenario: ParsedScenario, sink: inout DiagnosticSink) {
        let facts = scenario.factIDs.map(\.value)
        let issues = scenario.issueIDs.map(\.value)
        let hidden = Set(scenario.issues.filter { $0.value.hidden }.map(\.value.id))
        let known = Set(scenario.issues.map(\.value.id))

        for node in scenario.nodes {
            for fact in node.facts where !facts.contains(fact.value) {
                sink.error("`facts` names `\(fact.value)`, but there is no fact called `\(fact.value)` in `facts:`"
                           + NodeReader.suggestion(for: fact.value, in: facts), at: fact.mark)
            }
            for issue in node.raises {
                if !issues.contains(issue.value) {
                    sink.error("`raises` names `\(issue.value)`, but there is no issue called `\(issue.value)` in `issues:`"
                               + NodeReader.suggestion(for: issue.value, in: issues), at: issue.mark)
                } else if known.contains(issue.value), !hidden.contains(issue.value) {
                    sink.error("`raises` names `\(issue.value)`, which is not a hidden issue; only issues with "
                               + "`hidden: true` are raised at a node (the others are there from the start)",
                               at: issue.mark)
                }
            }
            for branch in node.branches {
                for issue in branch.resolves where !issues.contains(issue.value) {
                    sink.error("`resolves` names `\(issue.value)`, but there is no issue called `\(issue.value)` in `issues:`"
                               + NodeReader.suggestion(for: issue.value, in: issues), at: issue.mark)
                }
                checkCondition(branch, scenario: scenario, sink: &sink)
            }
        }

        // Hidden issues that never surface cannot be resolved.
        let raised = Set(scenario.nodes.flatMap { $0.raises.map(\.value) })
        for issue in scenario.issues where issue.value.hidden && !raised.contains(issue.value.id) {
            sink.warning("hidden issue `\(issue.value.id)` is never raised: no node lists it in `raises:`",
                         at: issue.mark)
        }
    }

    private static func checkCondition(_ branch: ParsedBranch, scenario: ParsedScenario, sink: inout DiagnosticSink) {
        guard let condition = branch.condition, let text = branch.when?.value else { return }
        for (predicate, argument) in condition.references {
            guard let entry = Vocabulary.entries[predicate] else { continue }
            let kind: Vocabulary.IDKind
            switch entry.argument {
            case let .id(k), let .countOrID(k): kind = k
            case .none, .texts: continue
            }
            let candidates: [String]
            let what: String
            switch kind {
            case .fact: candidates = scenario.factIDs.map(\.value); what = "fact"
            case .opening: candidates = scenario.openingIDs.map(\.value); what = "opening"
            case .need: candidates = scenario.needIDs.map(\.value); what = "next need"
            case .issue: candidates = scenario.issueIDs.map(\.value); what = "issue"
            case .node: candidates = scenario.nodeIDs.map(\.value); what = "node"
            case .flag: continue  // Flags are checked against `set:` in checkFlags.
            }
            if !candidates.contains(argument) {
                sink.error("`\(predicate)(\(argument))`: there is no \(what) called `\(argument)`"
                           + NodeReader.suggestion(for: argument, in: candidates),
                           at: mark(of: argument, after: predicate, in: text, branch: branch))
            }
        }
    }

    /// Where an argument of a predicate is in the file, when the condition maps onto columns; else the start
    /// of the condition.
    static func mark(of argument: String, after predicate: String, in text: String, branch: ParsedBranch) -> SourcePosition? {
        guard let start = branch.conditionStart else { return branch.when?.mark }
        guard branch.conditionMapsColumns, let offset = offset(of: argument, after: predicate, in: text) else {
            return start
        }
        return SourcePosition(line: start.line, column: start.column + offset)
    }

    /// The character offset of `argument` inside `predicate( ... )` in a condition's text.
    static func offset(of argument: String, after predicate: String, in text: String) -> Int? {
        let chars = Array(text)
        let name = Array(predicate), arg = Array(argument)
        func isNameChar(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" || c == "-" }
        var i = 0
        while i + name.count <= chars.count {
            let before = i == 0 || !isNameChar(chars[i - 1])
            guard before, Array(chars[i..<i + name.count]) == name else { i += 1; continue }
            var j = i + name.count
            while j < chars.count, chars[j].isWhitespace { j += 1 }
            guard j < chars.count, chars[j] == "(" else { i += 1; continue }
            j += 1
            while j < chars.count, chars[j] != ")" {
                if j + arg.count <= chars.count, Array(chars[j..<j + arg.count]) == arg,
                   !isNameChar(chars[j - 1]), j + arg.count == chars.count || !isNameChar(chars[j + arg.count]) {
                    return j
                }
                j += 1
            }
            i += 1
        }
        return nil
    }

    // MARK: - Flags

    private static func checkFlags(_ scenario: ParsedScenario, sink: inout DiagnosticSink) {
        var setFlags: [Located<String>] = []
        var usedFlags: [(flag: String, mark: SourcePosition?)] = []
        var clearedFlags: [Located<String>] = []
        for node in scenario.nodes {
            for branch in node.branches {
                setFlags += branch.set
                clearedFlags += branch.clear
                guard let condition = branch.condition, let text = branch.when?.value else { continue }
                for (predicate, argument) in condition.references where predicate == "flag" {
                    usedFlags.append((argument, mark(of: argument, after: predicate, in: text, branch: branch)))
                }
            }
        }
        let setNames = Set(setFlags.map(\.value))
        let usedNames = Set(usedFlags.map(\.flag))
        var reported = Set<String>()
        for use in usedFlags where !setNames.contains(use.flag) && reported.insert(use.flag).inserted {
            sink.warning("`flag(\(use.flag))` is never set: no branch has `set: [\(use.flag)]`, so this test is "
                         + "always false" + NodeReader.suggestion(for: use.flag, in: setNames.sorted()), at: use.mark)
        }
        reported = []
        for flag in setFlags where !usedNames.contains(flag.value) && reported.insert(flag.value).inserted {
            sink.warning("flag `\(flag.value)` is set but no `when:` tests `flag(\(flag.value))`", at: flag.mark)
        }
        reported = []
        for flag in clearedFlags where !setNames.contains(flag.value) && reported.insert(flag.value).inserted {
            sink.warning("`clear` names flag `\(flag.value)`, which no branch sets"
                         + NodeReader.suggestion(for: flag.value, in: setNames.sorted()), at: flag.mark)
        }
    }

    // MARK: - Nodes and branches

    private static func checkNodes(_ scenario: ParsedScenario, sink: inout DiagnosticSink) {
        for node in scenario.nodes {
            if node.key, node.model == nil {
                sink.warning("node `\(node.id.value)` is a key moment (`key: true`) but has no `model:` reply "
                             + "for the debrief", at: node.keyMark)
            }
            guard !node.branches.isEmpty else { continue }
            for (index, branch) in node.branches.enumerated() where branch.isCatchAll && index < node.branches.count - 1 {
                let later = node.branches.count - 1 - index
                let what = branch.when == nil ? "has no `when:`" : "has `when: true`"
                sink.warning("this branch \(what), so it always matches and the \(later == 1 ? "branch" : "\(later) branches") "
                             + "after it can never be taken", at: branch.mark)
            }
        }
    }

    private static func checkShape(_ scenario: ParsedScenario, sink: inout DiagnosticSink) {
        guard let endingsMark = scenario.endingsMark else { return }
        let endings = scenario.endingIDs.count
        if endings == 0 {
            sink.error("a scenario needs at least one ending", at: endingsMark)
        } else if endings < minimumEndings {
            sink.warning("only \(endings) ending\(endings == 1 ? "" : "s"); shipped scenarios have at least "
                         + "\(minimumEndings) (for example resolved, callback and hung_up)", at: endingsMark)
        }
        if let nodesMark = scenario.nodesMark, scenario.nodeIDs.count < minimumNodes {
            sink.warning("only \(scenario.nodeIDs.count) node\(scenario.nodeIDs.count == 1 ? "" : "s"); shipped scenarios "
                         + "have at least \(minimumNodes)", at: nodesMark)
        }
    }
}
