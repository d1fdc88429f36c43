import Dialogue
import Language

/// Checks a scenario's dialogue as a graph: branches that can never be taken, nodes and endings the call
/// can never reach, nodes from which it can never reach an ending, ids declared and never used, and
/// whether each skill the scenario claims can be scored on some path.
///
/// Only branches that can be taken count as ways on: a node reached only through a branch that can never
/// be taken is unreachable. The first ending of kind `hung_up` (reached when patience runs out) and the
/// first of kind `transferred` (reached by `/transfer`) need no `goto:`.
enum GraphChecks {
    /// Tests that react to how well the trainee listens.
    static let listeningTests: Set<String> = ["acknowledged", "asked", "asked_open", "checked", "asked_again",
                                              "calm_down", "blamed", "negative", "apology_only", "small_talk",
                                              "jargon", "paraphrased"]
    /// Tests that react to a next-step explanation.
    static let nextStepTests: Set<String> = ["explained_next_steps", "next_steps", "action", "timescale",
                                             "customer_action", "confirmation", "ownership"]

    /// What the checks found out about one node's branches.
    struct NodeFlow {
        /// For each branch, in order: whether some reply can take it.
        var takeable: [Bool]
    }

    static func check(_ scenario: ParsedScenario, sink: inout DiagnosticSink) {
        var flows: [String: NodeFlow] = [:]
        for node in scenario.nodes {
            flows[node.id.value] = checkBranches(node, scenario: scenario, sink: &sink)
        }
        let reach = checkReachability(scenario, flows: flows, sink: &sink)
        checkDeadEnds(scenario, flows: flows, sink: &sink)
        checkUnused(scenario, sink: &sink)
        checkSkills(scenario, flows: flows, reached: reach, sink: &sink)
    }

    // MARK: - Branches

    private static func solver(for scenario: ParsedScenario, node: String?) -> ConditionSolver {
        ConditionSolver(facts: scenario.factIDs.count, openings: scenario.openingIDs.count,
                        needs: scenario.needIDs.count, node: node)
    }

    /// Where to report a problem with a branch's condition.
    private static func conditionMark(_ branch: ParsedBranch) -> SourcePosition? {
        branch.conditionStart ?? branch.when?.mark ?? branch.mark
    }

    private static func checkBranches(_ node: ParsedNode, scenario: ParsedScenario,
                                      sink: inout DiagnosticSink) -> NodeFlow {
        let solver = solver(for: scenario, node: node.id.value)
        var takeable: [Bool] = []
        var earlier: [(condition: Condition, branch: ParsedBranch)] = []
        var afterCatchAll = false
        for branch in node.branches {
            // After a branch without `when:` nothing is taken; that branch itself is reported.
            if afterCatchAll { takeable.append(false); continue }
            if branch.isCatchAll { afterCatchAll = true }
            guard let condition = branch.condition, let text = branch.when?.value else {
                // No condition (always taken), or one that did not parse (reported already).
                takeable.append(true)
                continue
            }
            if !solver.canHold(condition) {
                sink.warning("this branch can never be taken: `\(oneLine(text))` is never true"
                             + rangeNote(solver.limitedValues(in: condition)), at: conditionMark(branch))
                takeable.append(false)
                continue
            }
            let before = earlier.map(\.condition)
            if !before.isEmpty, !solver.canHold(condition, whileFailing: before) {
                // Name the one earlier branch that covers it, if there is one.
                let covering = earlier.first { !solver.canHold(condition, whileFailing: [$0.condition]) }
                let because: String
                if let covering {
                    let line = covering.branch.mark.map { " (line \($0.line))" } ?? ""
                    because = "the earlier branch `when: \(oneLine(covering.branch.when?.value ?? ""))`\(line) always matches first"
                } else {
                    because = "the branches before it always match first"
                }
                sink.warning("this branch can never be taken: whenever `\(oneLine(text))` is true, \(because)",
                             at: conditionMark(branch))
                takeable.append(false)
                earlier.append((condition, branch))
                continue
            }
            takeable.append(true)
            earlier.append((condition, branch))
        }
        // A node with no branch for "otherwise" leaves some replies unanswered, unless its conditions
        // together cover every reply.
        if !node.branches.isEmpty, !node.branches.contains(where: \.isCatchAll),
           node.branches.allSatisfy({ $0.condition != nil }),
           solver.canHold(nil, whileFailing: node.branches.compactMap(\.condition)) {
            sink.warning("node `\(node.id.value)`: no branch matches every reply; add a last branch without `when:`",
                         at: node.branchesMark)
        }
        return NodeFlow(takeable: takeable)
    }

    /// " (mood is from -5 to 5)" for the limited values a condition reads, or "".
    static func rangeNote(_ values: [(name: String, range: ClosedRange<Int>)]) -> String {
        guard !values.isEmpty else { return "" }
        let parts = values.map { value -> String in
            let r = value.range
            switch value.name {
            case "paraphrased": return "`paraphrased` counts facts, from 0 to \(r.upperBound)"
            case "offered#": return "there \(r.upperBound == 1 ? "is 1 opening" : "are \(r.upperBound) openings") to offer"
            case "anticipated#": return "there \(r.upperBound == 1 ? "is 1 next need" : "are \(r.upperBound) next needs") to pre-empt"
            default:
                if r.upperBound >= ConditionSolver.unbounded.upperBound {
                    return "`\(value.name)` is at least \(r.lowerBound)\(r.lowerBound > 0 && value.name.hasPrefix("visited(") ? " here" : "")"
                }
                return "`\(value.name)` is from \(r.lowerBound) to \(r.upperBound)"
            }
        }
        return " (" + parts.joined(separator: "; ") + ")"
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ").trimmingCharacters(in: .whitespaces)
    }

    // MARK: - Reachability

    /// The endings a call reaches without a `goto:`: the first `hung_up` and the first `transferred`.
    static func implicitEndings(_ scenario: ParsedScenario) -> Set<String> {
        var result = Set<String>()
        if let hungUp = scenario.endings.first(where: { $0.value.kind == .hungUp }) { result.insert(hungUp.value.id) }
        if let transferred = scenario.endings.first(where: { $0.value.kind == .transferred }) {
            result.insert(transferred.value.id)
        }
        return result
    }

    /// The targets a node's takeable branches go to.
    private static func targets(_ node: ParsedNode, flow: NodeFlow?) -> [String] {
        node.branches.enumerated().compactMap { index, branch in
            guard flow?.takeable[index] ?? true else { return nil }
            return branch.goto?.value
        }
    }

    /// Everything reachable from the start along takeable branches.
    private static func reachable(_ scenario: ParsedScenario, flows: [String: NodeFlow]?) -> Set<String> {
        guard let start = scenario.start?.value else { return [] }
        let nodes = Dictionary(scenario.nodes.map { ($0.id.value, $0) }, uniquingKeysWith: { first, _ in first })
        let endingIDs = Set(scenario.endingIDs.map(\.value))
        var reached: Set<String> = [start]
        var queue = [start]
        while let next = queue.popLast() {
            // An id that is both a node and an ending is an ending (and an error reported elsewhere).
            guard !endingIDs.contains(next), let node = nodes[next] else { continue }
            let flow = flows.map { $0[next] } ?? nil
            for target in targets(node, flow: flows == nil ? nil : flow) where reached.insert(target).inserted {
                queue.append(target)
            }
        }
        return reached
    }

    private static func checkReachability(_ scenario: ParsedScenario, flows: [String: NodeFlow],
                                          sink: inout DiagnosticSink) -> Set<String> {
        guard scenario.start != nil else { return [] }
        let reached = reachable(scenario, flows: flows)
        let anyGoto = reachable(scenario, flows: nil)
        func why(_ id: String) -> String {
            anyGoto.contains(id) ? "every branch that leads to it can never be taken"
                : "no `goto:` from the start leads to it"
        }
        for node in scenario.nodeIDs where !reached.contains(node.value) {
            sink.warning("node `\(node.value)` is never reached: \(why(node.value))", at: node.mark)
        }
        let implicit = implicitEndings(scenario)
        for ending in scenario.endingIDs where !reached.contains(ending.value) && !implicit.contains(ending.value) {
            sink.warning("ending `\(ending.value)` is never reached: \(why(ending.value))", at: ending.mark)
        }
        return reached
    }

    // MARK: - Dead ends

    private static func checkDeadEnds(_ scenario: ParsedScenario, flows: [String: NodeFlow],
                                      sink: inout DiagnosticSink) {
        let endingIDs = Set(scenario.endingIDs.map(\.value))
        guard !endingIDs.isEmpty else { return }  // "a scenario needs at least one ending" says it all.
        let nodeIDs = Set(scenario.nodeIDs.map(\.value))
        // Nodes that can reach an ending, found backwards from the endings. A `goto:` to an unknown id is
        // an error of its own and counts as a way out here.
        var edges: [String: [String]] = [:]
        for node in scenario.nodes {
            edges[node.id.value] = targets(node, flow: flows[node.id.value])
        }
        var canEnd = Set<String>()
        var changed = true
        while changed {
            changed = false
            for (node, out) in edges where !canEnd.contains(node) {
                if out.contains(where: { endingIDs.contains($0) || !nodeIDs.contains($0) || canEnd.contains($0) }) {
                    canEnd.insert(node)
                    changed = true
                }
            }
        }
        // Of the nodes that cannot end, report those where the trouble is: groups of nodes that lead only
        // to each other (or nowhere). Nodes that merely lead into such a group are fixed with it.
        let stuck = scenario.nodes.map(\.id.value).filter { !canEnd.contains($0) && !endingIDs.contains($0) }
        let stuckSet = Set(stuck)
        func reach(from start: String) -> Set<String> {
            var seen: Set<String> = [start]
            var queue = [start]
            while let next = queue.popLast() {
                for target in edges[next] ?? [] where stuckSet.contains(target) && seen.insert(target).inserted {
                    queue.append(target)
                }
            }
            return seen
        }
        let reaches = Dictionary(stuck.map { ($0, reach(from: $0)) }, uniquingKeysWith: { first, _ in first })
        var reported = Set<String>()
        for id in stuck where !reported.contains(id) {
            let group = reaches[id] ?? [id]
            // Only a group that nothing leads out of: every node it reaches reaches back.
            guard group.allSatisfy({ reaches[$0]?.contains(id) ?? false }) else { continue }
            reported.formUnion(group)
            // A node with no branches at all is reported as such where it is read.
            if group.count == 1, scenario.nodes.first(where: { $0.id.value == id })?.branches.isEmpty ?? false { continue }
            let members = stuck.filter(group.contains)
            let out = Set(edges[id] ?? [])
            let message: String
            if members.count > 1 {
                message = "nodes \(members.map { "`\($0)`" }.joined(separator: ", ")) are a dead end: their branches "
                    + "lead only to each other, never to an ending, so only the customer hanging up ends the call; "
                    + "add a way out"
            } else if out.isEmpty {
                message = "node `\(id)` is a dead end: none of its branches can be taken, so the call stops here "
                    + "until the customer hangs up; give it a branch that goes on"
            } else {
                message = "node `\(id)` is a dead end: every branch comes back to `\(id)`, so the call can never "
                    + "move on (only the customer hanging up ends it); add a branch that goes to another node or an ending"
            }
            let mark = scenario.nodeIDs.first { $0.value == id }?.mark
            sink.error(message, at: mark)
        }
    }

    // MARK: - Declared and never used

    /// Every `name(...)` test in a condition, with its arguments.
    static func calls(in condition: Condition) -> [(name: String, args: [Condition.Argument])] {
        switch condition {
        case .literal, .number: return []
        case let .call(name, args): return [(name, args)]
        case let .not(c): return calls(in: c)
        case let .and(a, b), let .or(a, b), let .compare(a, _, b): return calls(in: a) + calls(in: b)
        }
    }

    private static func allCalls(_ scenario: ParsedScenario) -> [(name: String, args: [Condition.Argument])] {
        scenario.nodes.flatMap { node in node.branches.compactMap(\.condition).flatMap(calls(in:)) }
    }

    private static func checkUnused(_ scenario: ParsedScenario, sink: inout DiagnosticSink) {
        let given = Set(scenario.nodes.flatMap { $0.facts.map(\.value) })
        for fact in scenario.factIDs where !given.contains(fact.value) {
            sink.warning("fact `\(fact.value)` is never given: no node lists it in `facts:`, so no paraphrase "
                         + "can count it", at: fact.mark)
        }

        // Openings and next needs are always scored; the dialogue need not answer each one, but a
        // scenario that lists them and never reacts to any is probably missing its branches.
        let tested = Set(allCalls(scenario).map(\.name))
        if let first = scenario.openingIDs.first, !tested.contains("offered") {
            let count = scenario.openingIDs.count
            sink.warning("no `when:` tests `offered` or `offered(\(first.value))`, so the customer never answers an offer "
                         + "of \(count == 1 ? "this opening" : "any of the \(count) openings") (offers are still scored)",
                         at: first.mark)
        }
        if let first = scenario.needIDs.first, !tested.contains("anticipated") {
            let count = scenario.needIDs.count
            sink.warning("no `when:` tests `anticipated` or `anticipated(\(first.value))`, so the customer never answers "
                         + "\(count == 1 ? "this next need" : "any of the \(count) next needs") being pre-empted "
                         + "(pre-empting is still scored)", at: first.mark)
        }
        let resolved = Set(scenario.nodes.flatMap { $0.branches.flatMap { $0.resolves.map(\.value) } })
        for issue in scenario.issueIDs where !resolved.contains(issue.value) {
            sink.warning("issue `\(issue.value)` is never resolved: no branch lists it in `resolves:`, so no call "
                         + "can end with every issue resolved", at: issue.mark)
        }
    }

    // MARK: - Skills

    private static func checkSkills(_ scenario: ParsedScenario, flows: [String: NodeFlow], reached: Set<String>,
                                    sink: inout DiagnosticSink) {
        guard scenario.start != nil else { return }
        let nodes = scenario.nodes.filter { reached.contains($0.id.value) }
        let branches = nodes.flatMap { node in
            node.branches.enumerated().filter { flows[node.id.value]?.takeable[$0.offset] ?? true }.map(\.element)
        }
        let tested = Set(branches.compactMap(\.condition).flatMap(calls(in:)).map(\.name))
        for skill in scenario.skills {
            let mark = scenario.skillMarks[skill]
            let problem: String?
            switch skill {
            case .activeListening:
                problem = tested.isDisjoint(with: listeningTests)
                    ? "no branch the call can take reacts to listening; test `acknowledged`, `asked_open`, "
                        + "`asked_again`, `calm_down` or `blamed` on some node"
                    : nil
            case .paraphrasing:
                problem = nodes.contains { !$0.facts.isEmpty } ? nil
                    : "no node the call can reach gives a fact (`facts:`), so there is nothing to paraphrase"
            case .nextSteps:
                let analyzer = ReplyAnalyzer()
                let modelExplains = nodes.contains { node in
                    guard let model = node.model else { return false }
                    let context = ReplyContext(customerLine: node.say.first ?? "")
                    return analyzer.analyze(model, context: context).explainsNextSteps
                }
                problem = !tested.isDisjoint(with: nextStepTests) || modelExplains ? nil
                    : "no branch the call can take tests a next step (`explained_next_steps`, `timescale`, "
                        + "`ownership`, ...) and no model reply on a reachable node explains one"
            case .forwardResolution:
                if scenario.issueIDs.isEmpty {
                    problem = "the scenario has no issues to resolve"
                } else if !branches.contains(where: { !$0.resolves.isEmpty }) {
                    problem = "no branch the call can take resolves an issue (`resolves:`)"
                } else {
                    problem = nil
                }
            }
            if let problem {
                sink.warning("the scenario practises `\(skill.rawValue)`, but \(problem)",
                             at: mark ?? scenario.mappingMark)
            }
        }
    }
}
