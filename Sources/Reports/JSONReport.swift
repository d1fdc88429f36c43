import Foundation

/// Reports as JSON, for tools: the ``Report`` value with its field names as they are in Swift, keys
/// sorted, dates in ISO 8601 (UTC). A value that is unknown (no calls yet) is left out rather than
/// written as null. docs/REPORTS.md lists every field.
public enum JSONReport {
    /// The report as pretty-printed JSON text, ending in a line break.
    public static func render(_ report: Report) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(report)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
