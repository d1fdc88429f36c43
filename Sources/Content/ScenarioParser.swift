import Dialogue
import Yams

/// A branch as read from its file, with the positions the checks report at.
struct ParsedBranch {
    var mark: SourcePosition?
    var when: Located<String>?
    /// Where the condition's first character is, and whether offsets into it map onto columns.
    var conditionStart: SourcePosition?
    var conditionMapsColumns = false
    var condition: Condition?
    var mood = 0
    var patience = 0
    var set: [Located<String>] = []
    var clear: [Located<String>] = []
    var resolves: [Located<String>] = []
    var say: [String] = []
    var goto: Located<String>?

    /// True when the branch always matches: no `when:`, or `when: true`.
    var isCatchAll: Bool { when == nil || condition == .literal(true) }
}

/// A node as read from its file.
struct ParsedNode {
    var id: Located<String>
    var mark: SourcePosition?
    var say: [String] = []
    var facts: [Located<String>] = []
    var raises: [Located<String>] = []
    var key = false
    var keyMark: SourcePosition?
    var model: String?
    var hint: String?
    var branchesMark: SourcePosition?
    var branches: [ParsedBranch] = []
}

/// A scenario as read from its file, before it becomes a ``Scenario``.
struct ParsedScenario {
    var id: String
    var title = ""
    var summary = ""
    var difficulty: Difficulty = .beginner
    var skills: [Skill] = []
    /// Where each skill is listed in `skills:`.
    var skillMarks: [Skill: SourcePosition] = [:]
    var persona: Located<String>?
    var personas: [Located<String>] = []
    var account: [AccountField] = []
    var issues: [Located<Issue>] = []
    var facts: [Located<Fact>] = []
    var openings: [Located<Opening>] = []
    var nextNeeds: [Located<NextNeed>] = []
    var start: Located<String>?
    var nodesMark: SourcePosition?
    var nodes: [ParsedNode] = []
    var endingsMark: SourcePosition?
    var endings: [Located<Ending>] = []
    var mappingMark: SourcePosition?
    /// Every id declared in the file, including those whose entries had errors, so references to them are
    /// not reported a second time.
    var nodeIDs: [Located<String>] = []
    var endingIDs: [Located<String>] = []
    var issueIDs: [Located<String>] = []
    var factIDs: [Located<String>] = []
    var openingIDs: [Located<String>] = []
    var needIDs: [Located<String>] = []

    func model() -> Scenario? {
        guard let persona, let start else { return nil }
        var nodes: [Dialogue.Node] = []
        for node in self.nodes {
            var branches: [Branch] = []
            for branch in node.branches {
                guard let target = branch.goto else { return nil }
                branches.append(Branch(condition: branch.condition, conditionText: branch.when?.value,
                                       mood: branch.mood, patience: branch.patience, set: branch.set.map(\.value),
                                       clear: branch.clear.map(\.value), resolves: branch.resolves.map(\.value),
                                       say: branch.say, target: target.value, position: branch.mark,
                                       targetPosition: target.mark))
            }
            nodes.append(Dialogue.Node(id: node.id.value, say: node.say, facts: node.facts.map(\.value),
                                       raises: node.raises.map(\.value), key: node.key, model: node.model,
                                       hint: node.hint, branches: branches, position: node.id.mark))
        }
        return Scenario(id: id, title: title, summary: summary, difficulty: difficulty, skills: skills,
                        persona: persona.value, personas: personas.map(\.value), account: account,
                        issues: issues.map(\.value), facts: facts.map(\.value), openings: openings.map(\.value),
                        nextNeeds: nextNeeds.map(\.value), start: start.value, nodes: nodes,
                        endings: endings.map(\.value))
    }
}

/// Reads a scenario file's node tree.
enum ScenarioParser {
    static let keys = ["title", "summary", "difficulty", "skills", "persona", "personas", "account", "issues",
                       "facts", "openings", "next_needs", "start", "nodes", "endings"]
    static let nodeKeys = ["say", "facts", "raises", "key", "model", "hint", "branches"]
    static let branchKeys = ["when", "mood", "patience", "set", "clear", "resolves", "say", "goto"]
    static let endingKeys = ["kind", "say", "note"]
    static let endingKinds: [EndingKind] = [.resolved, .callback, .escalated, .transferred, .hungUp]

    static func read(_ root: Yams.Node, id: String, reader: inout NodeReader) -> ParsedScenario? {
        guard let fields = reader.fields(root, what: "a scenario file", allowed: keys, required: [
            ("title", "a scenario needs `title:`, the name trainees pick it by"),
            ("summary", "a scenario needs `summary:`, one line for trainers"),
            ("difficulty", "a scenario needs `difficulty:` (beginner, intermediate or advanced)"),
            ("skills", "a scenario needs `skills:`, the skills it practises"),
            ("persona", "a scenario needs `persona:`, the id of the customer who plays it"),
            ("issues", "a scenario needs `issues:`, what the customer needs sorted"),
            ("facts", "a scenario needs `facts:`, the key facts a paraphrase should carry back"),
            ("start", "a scenario needs `start:`, the id of the first node"),
            ("nodes", "a scenario needs `nodes:`, the points of the call"),
            ("endings", "a scenario needs `endings:`, the ways the call can end"),
        ]) else { return nil }

        var scenario = ParsedScenario(id: id)
        scenario.mappingMark = fields.mark
        if let v = fields.value("title"), let t = reader.text(v, key: "title") { scenario.title = t }
        if let v = fields.value("summary"), let t = reader.text(v, key: "summary") { scenario.summary = t }
        if let v = fields.value("difficulty"), let d: Difficulty = reader.choice(v, key: "difficulty") {
            scenario.difficulty = d
        }
        if let v = fields.value("skills") {
            let listed = skills(v, reader: &reader)
            scenario.skills = listed.map(\.skill)
            for (skill, mark) in listed { if let mark { scenario.skillMarks[skill] = mark } }
        }
        if let v = fields.value("persona") { scenario.persona = reader.id(v, key: "persona", what: "a persona") }
        if let v = fields.value("personas") {
            scenario.personas = reader.ids(v, key: "personas", what: "a persona") ?? []
        }
        if let v = fields.value("account") { scenario.account = account(v, reader: &reader) }
        if let v = fields.value("issues") { scenario.issues = issues(v, declared: &scenario.issueIDs, reader: &reader) }
        if let v = fields.value("facts") {
            scenario.facts = items(v, key: "facts", what: "fact", fieldKeys: ["id", "text", "cues"],
                                   declared: &scenario.factIDs, reader: &reader) { fields, id, reader in
                let text = fields.value("text").flatMap { reader.text($0, key: "text") }
                let cues = fields.value("cues").flatMap { reader.cues($0, key: "cues") }
                guard let text, let cues else { return nil }
                return Fact(id: id, text: text, cues: cues)
            }
        }
        if let v = fields.value("openings") {
            scenario.openings = items(v, key: "openings", what: "opening", fieldKeys: ["id", "source", "cue", "offer"],
                                      declared: &scenario.openingIDs, reader: &reader) { fields, id, reader in
                let source: OpeningSource? = fields.value("source").flatMap { reader.choice($0, key: "source") }
                let cue = fields.value("cue").flatMap { reader.text($0, key: "cue") }
                let offer = fields.value("offer").flatMap { reader.cues($0, key: "offer") }
                guard let source, let cue, let offer else { return nil }
                return Opening(id: id, source: source, cue: cue, offer: offer)
            }
        }
        if let v = fields.value("next_needs") {
            scenario.nextNeeds = items(v, key: "next_needs", what: "next need", fieldKeys: ["id", "text", "cues"],
                                       declared: &scenario.needIDs, reader: &reader) { fields, id, reader in
                let text = fields.value("text").flatMap { reader.text($0, key: "text") }
                let cues = fields.value("cues").flatMap { reader.cues($0, key: "cues") }
                guard let text, let cues else { return nil }
                return NextNeed(id: id, text: text, cues: cues)
            }
        }
        if let v = fields.value("start") { scenario.start = reader.id(v, key: "start", what: "a node") }
        if let v = fields.value("nodes") {
            scenario.nodesMark = fields.keyMark("nodes")
            for (id, value) in reader.idMapping(v, key: "nodes", what: "node") ?? [] {
                scenario.nodeIDs.append(id)
                if let node = node(value, id: id, reader: &reader) { scenario.nodes.append(node) }
            }
        }
        if let v = fields.value("endings") {
            scenario.endingsMark = fields.keyMark("endings")
            for (id, value) in reader.idMapping(v, key: "endings", what: "ending") ?? [] {
                scenario.endingIDs.append(id)
                if let ending = ending(value, id: id, reader: &reader) { scenario.endings.append(ending) }
            }
        }
        return scenario
    }

    // MARK: - Parts

    private static func skills(_ node: Yams.Node, reader: inout NodeReader) -> [(skill: Skill, mark: SourcePosition?)] {
        guard let items = reader.sequence(node, key: "skills", example: "[paraphrasing, next_steps]") else { return [] }
        if items.isEmpty {
            reader.sink.error("`skills` is an empty list; name at least one of "
                              + NodeReader.list(Skill.allCases.map(\.rawValue)), at: node.position)
        }
        var result: [(skill: Skill, mark: SourcePosition?)] = []
        for item in items {
            guard let skill: Skill = reader.choice(item, key: "skills") else { continue }
            if result.contains(where: { $0.skill == skill }) {
                reader.sink.error("`\(skill.rawValue)` is listed twice in `skills`", at: item.position)
            } else {
                result.append((skill, item.position))
            }
        }
        return result
    }

    private static func account(_ node: Yams.Node, reader: inout NodeReader) -> [AccountField] {
        guard case let .mapping(mapping) = node else {
            reader.sink.error("`account` should be a mapping of labels to values, e.g. `Plan: Fibre 500`, "
                              + "not \(NodeReader.describe(node))", at: node.position)
            return []
        }
        var result: [AccountField] = []
        for (key, value) in mapping {
            guard let label = reader.text(key, key: "account") else { continue }
            if let text = reader.text(value, key: label) { result.append(AccountField(label: label, value: text)) }
        }
        return result
    }

    private static func issues(_ node: Yams.Node, declared: inout [Located<String>],
                               reader: inout NodeReader) -> [Located<Issue>] {
        items(node, key: "issues", what: "issue", fieldKeys: ["id", "summary", "cues", "hidden"],
              declared: &declared, reader: &reader) { fields, id, reader in
            let summary = fields.value("summary").flatMap { reader.text($0, key: "summary") }
            let cues = fields.value("cues").flatMap { reader.cues($0, key: "cues") }
            let hidden = fields.value("hidden").map { reader.bool($0, key: "hidden") } ?? false
            guard let summary, let cues, let hidden else { return nil }
            return Issue(id: id, summary: summary, cues: cues, hidden: hidden)
        }
    }

    /// A list of mappings that each have an `id:` (issues, facts, openings, next needs). The keys after
    /// `id` in `fieldKeys` other than `hidden` are required.
    private static func items<T>(_ node: Yams.Node, key: String, what: String, fieldKeys: [String],
                                 declared: inout [Located<String>], reader: inout NodeReader,
                                 make: (Fields, String, inout NodeReader) -> T?) -> [Located<T>] {
        let article = what.first.map { "aeiou".contains($0) } == true ? "an" : "a"
        guard let list = reader.sequence(node, key: key, example: "- id:") else { return [] }
        var result: [Located<T>] = []
        var seen: [String: SourcePosition?] = [:]
        for item in list {
            let required = fieldKeys.filter { $0 != "hidden" }.map { field in
                (key: field, message: "\(article) \(what) needs `\(field):`")
            }
            guard let fields = reader.fields(item, what: "\(article) \(what)", allowed: fieldKeys,
                                             required: required) else { continue }
            guard let idNode = fields.value("id"), let id = reader.id(idNode, key: "id", what: "\(article) \(what)") else {
                continue
            }
            if let first = seen[id.value] {
                let at = first.map { " (first at line \($0.line))" } ?? ""
                reader.sink.error("there are two \(what)s with id `\(id.value)`\(at); ids must differ", at: id.mark)
                continue
            }
            seen[id.value] = id.mark
            declared.append(id)
            if let value = make(fields, id.value, &reader) { result.append(Located(value: value, mark: id.mark)) }
        }
        return result
    }

    private static func node(_ value: Yams.Node, id: Located<String>, reader: inout NodeReader) -> ParsedNode? {
        guard let fields = reader.fields(value, what: "node `\(id.value)`", allowed: nodeKeys, required: [
            ("say", "a node needs `say:`, what the customer says"),
            ("branches", "a node needs `branches:`, the ways the call can go from here"),
        ]) else { return nil }
        var node = ParsedNode(id: id, mark: fields.mark)
        if let v = fields.value("say") { node.say = reader.lines(v, key: "say") ?? [] }
        if let v = fields.value("facts") { node.facts = reader.ids(v, key: "facts", what: "a fact") ?? [] }
        if let v = fields.value("raises") { node.raises = reader.ids(v, key: "raises", what: "an issue") ?? [] }
        if let v = fields.value("key") {
            node.key = reader.bool(v, key: "key") ?? false
            node.keyMark = v.position
        }
        if let v = fields.value("model") { node.model = reader.text(v, key: "model") }
        if let v = fields.value("hint") { node.hint = reader.text(v, key: "hint") }
        if let v = fields.value("branches") {
            node.branchesMark = fields.keyMark("branches")
            if let items = reader.sequence(v, key: "branches", example: "- goto:") {
                if items.isEmpty {
                    reader.sink.error("node `\(id.value)` has no branches; give at least one `- goto:`", at: v.position)
                }
                for item in items {
                    if let branch = branch(item, reader: &reader) { node.branches.append(branch) }
                }
            }
        }
        return node
    }

    private static func branch(_ value: Yams.Node, reader: inout NodeReader) -> ParsedBranch? {
        guard let fields = reader.fields(value, what: "a branch", allowed: branchKeys, required: [
            ("goto", "a branch needs `goto:`, the node or ending the call goes to next"),
        ]) else { return nil }
        var branch = ParsedBranch(mark: fields.mark)
        if let v = fields.value("when"), let text = reader.text(v, key: "when") {
            branch.when = Located(value: text, mark: v.position)
            if case let .scalar(scalar) = v, let mark = v.position {
                switch scalar.style {
                case .singleQuoted, .doubleQuoted:
                    branch.conditionStart = SourcePosition(line: mark.line, column: mark.column + 1)
                    branch.conditionMapsColumns = !text.contains("\n") && !text.contains("\\") && !text.contains("'")
                case .literal, .folded:
                    branch.conditionStart = mark
                default:
                    branch.conditionStart = mark
                    branch.conditionMapsColumns = !text.contains("\n")
                }
            }
            do {
                branch.condition = try ConditionParser.parse(text)
            } catch {
                let column = branch.conditionMapsColumns ? (branch.conditionStart?.column ?? 0) + error.offset
                    : branch.conditionStart?.column ?? 0
                reader.sink.error("in `when:`: \(error.message)",
                                  line: branch.conditionStart?.line ?? 1, column: column)
            }
        }
        if let v = fields.value("mood") { branch.mood = reader.integer(v, key: "mood", range: -10...10) ?? 0 }
        if let v = fields.value("patience") {
            branch.patience = reader.integer(v, key: "patience", range: -10...10) ?? 0
        }
        if let v = fields.value("set") { branch.set = reader.ids(v, key: "set", what: "a flag") ?? [] }
        if let v = fields.value("clear") { branch.clear = reader.ids(v, key: "clear", what: "a flag") ?? [] }
        if let v = fields.value("resolves") {
            branch.resolves = reader.ids(v, key: "resolves", what: "an issue") ?? []
        }
        if let v = fields.value("say") { branch.say = reader.lines(v, key: "say") ?? [] }
        if let v = fields.value("goto") { branch.goto = reader.id(v, key: "goto", what: "a node or ending") }
        return branch
    }

    private static func ending(_ value: Yams.Node, id: Located<String>, reader: inout NodeReader) -> Located<Ending>? {
        guard let fields = reader.fields(value, what: "ending `\(id.value)`", allowed: endingKeys, required: [
            ("kind", "an ending needs `kind:` (resolved, callback, escalated, transferred or hung_up)"),
            ("note", "an ending needs `note:`, what the debrief says about this ending"),
        ]) else { return nil }
        let kind: EndingKind? = fields.value("kind").flatMap { reader.choice($0, key: "kind", allowed: endingKinds) }
        let say = fields.value("say").flatMap { reader.lines($0, key: "say") } ?? []
        let note = fields.value("note").flatMap { reader.text($0, key: "note") }
        guard let kind, let note else { return nil }
        return Located(value: Ending(id: id.value, kind: kind, say: say, note: note, position: id.mark),
                       mark: id.mark)
    }
}
