import Dialogue
import Language
import Yams

/// Reads a persona file's node tree into a ``Persona``.
enum PersonaParser {
    static let keys = ["name", "summary", "style", "temper", "patience", "knowledge", "tier", "contact",
                       "pleased_by", "annoyed_by", "reactions"]
    static let contactChoices = ["phone", "email", "text", "letter"]
    static let pleasingTraits: [Trait] = [.empathy, .paraphrase, .specifics, .personalTouch, .brevity,
                                          .plainLanguage, .questions, .offers, .recognition]
    static let annoyingTraits: [Trait] = [.jargon, .smallTalk, .negativeLanguage, .hold, .longReplies, .offers]

    static func read(_ root: Yams.Node, id: String, reader: inout NodeReader) -> Persona? {
        guard let fields = reader.fields(root, what: "a persona file", allowed: keys, required: [
            ("name", "a persona needs `name:`, the customer's name"),
            ("summary", "a persona needs `summary:`, one line for trainers"),
            ("style", "a persona needs `style:` (driver, expressive, amiable or analytical)"),
            ("temper", "a persona needs `temper:` (calm, anxious, irritated or angry)"),
            ("patience", "a persona needs `patience:`, a whole number from 1 to 10"),
            ("knowledge", "a persona needs `knowledge:` (low, medium or high)"),
            ("tier", "a persona needs `tier:` (A, B or C)"),
        ]) else { return nil }

        let name = fields.value("name").flatMap { reader.text($0, key: "name") }
        let summary = fields.value("summary").flatMap { reader.text($0, key: "summary") }
        let style: Style? = fields.value("style").flatMap { reader.choice($0, key: "style") }
        let temper: Temper? = fields.value("temper").flatMap { reader.choice($0, key: "temper") }
        let patience = fields.value("patience").flatMap { reader.integer($0, key: "patience", range: 1...10) }
        let knowledge: Knowledge? = fields.value("knowledge").flatMap { reader.choice($0, key: "knowledge") }
        let tier: Tier? = fields.value("tier").flatMap { reader.choice($0, key: "tier") }

        var contact = "phone"
        if let node = fields.value("contact") {
            if case let .scalar(scalar) = node, contactChoices.contains(scalar.string) {
                contact = scalar.string
            } else {
                var message = "`contact` should be \(NodeReader.list(contactChoices)), not \(NodeReader.describe(node))"
                if case let .scalar(scalar) = node {
                    message += NodeReader.suggestion(for: scalar.string, in: contactChoices)
                }
                reader.sink.error(message, at: node.position)
            }
        }
        let pleasedBy = fields.value("pleased_by").map { traits($0, key: "pleased_by", allowed: pleasingTraits, reader: &reader) } ?? []
        let annoyedBy = fields.value("annoyed_by").map { traits($0, key: "annoyed_by", allowed: annoyingTraits, reader: &reader) } ?? []
        let reactions = fields.value("reactions").map { self.reactions($0, reader: &reader) } ?? [:]

        guard !reader.sink.hasErrors, let name, let summary, let style, let temper, let patience, let knowledge,
              let tier else { return nil }
        return Persona(id: id, name: name, summary: summary, style: style, temper: temper, patience: patience,
                       knowledge: knowledge, tier: tier, contactPreference: contact, pleasedBy: pleasedBy,
                       annoyedBy: annoyedBy, reactions: reactions)
    }

    private static func traits(_ node: Yams.Node, key: String, allowed: [Trait], reader: inout NodeReader) -> [Trait] {
        guard let items = reader.sequence(node, key: key, example: "[\(allowed[0].rawValue), \(allowed[1].rawValue)]") else {
            return []
        }
        var result: [Trait] = []
        for item in items {
            guard let trait: Trait = reader.choice(item, key: key, allowed: allowed) else { continue }
            if result.contains(trait) {
                reader.sink.error("`\(trait.rawValue)` is listed twice in `\(key)`", at: item.position)
            } else {
                result.append(trait)
            }
        }
        return result
    }

    private static func reactions(_ node: Yams.Node, reader: inout NodeReader) -> [ReactionKind: [String]] {
        let kinds = ReactionKind.allCases.map(\.rawValue)
        guard let fields = reader.fields(node, what: "`reactions`", allowed: kinds, required: []) else { return [:] }
        var result: [ReactionKind: [String]] = [:]
        for name in fields.order {
            guard let kind = ReactionKind(rawValue: name), let value = fields.value(name) else { continue }
            if let lines = reader.lines(value, key: name) { result[kind] = lines }
        }
        return result
    }
}
