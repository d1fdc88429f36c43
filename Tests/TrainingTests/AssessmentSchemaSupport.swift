import Foundation
import Testing

/// The package folder, which holds schemas/ and docs/.
let assessmentPackageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url
}()

/// A schema file from schemas/records/, as a JSON object.
func assessmentSchema(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
    let url = assessmentPackageRoot.appendingPathComponent("schemas/records/\(name).schema.json")
    return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any],
                        "\(url.path) is not a JSON object", sourceLocation: sourceLocation)
}

/// Checks a JSON value against a draft-07 schema for the keywords our record schemas use: type
/// (one or a list), enum, required, properties, additionalProperties, propertyNames.minLength, items,
/// $ref to #/definitions, minimum, maximum, exclusiveMinimum, oneOf and not. Returns the problems
/// found, each with its path; empty when the value matches.
func assessmentSchemaProblems(_ value: Any, _ schema: [String: Any], root: [String: Any], at path: String = "$") -> [String] {
    var schema = schema
    if let ref = schema["$ref"] as? String, let name = ref.split(separator: "/").last,
       let target = (root["definitions"] as? [String: Any])?[String(name)] as? [String: Any] {
        schema = target
    }
    if let choices = schema["oneOf"] as? [[String: Any]] {
        let matching = choices.filter { assessmentSchemaProblems(value, $0, root: root, at: path).isEmpty }.count
        if matching != 1 { return ["\(path): matches \(matching) of its forms, not one"] }
    }
    if let not = schema["not"] as? [String: Any], assessmentSchemaProblems(value, not, root: root, at: path).isEmpty {
        return ["\(path): matches what it must not (\(not))"]
    }
    let number = value as? NSNumber
    // JSONSerialization gives true and false as NSNumbers of Objective-C type "c".
    let isBool = number.map { String(cString: $0.objCType) == "c" } ?? false
    func isType(_ type: String) -> Bool {
        switch type {
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "integer": return !isBool && (number.map { $0.doubleValue.rounded() == $0.doubleValue } ?? false)
        case "number": return !isBool && number != nil
        case "boolean": return isBool
        case "null": return value is NSNull
        default: return true
        }
    }
    let types = (schema["type"] as? [String]) ?? (schema["type"] as? String).map { [$0] } ?? []
    if !types.isEmpty && !types.contains(where: isType) { return ["\(path): not \(types.joined(separator: " or "))"] }
    var out: [String] = []
    if let allowed = schema["enum"] as? [String], let text = value as? String, !allowed.contains(text) {
        out.append("\(path): \(text) is not one of \(allowed)")
    }
    if let n = number?.doubleValue, !isBool {
        if let min = (schema["minimum"] as? NSNumber)?.doubleValue, n < min { out.append("\(path): below \(min)") }
        if let max = (schema["maximum"] as? NSNumber)?.doubleValue, n > max { out.append("\(path): above \(max)") }
        if let min = (schema["exclusiveMinimum"] as? NSNumber)?.doubleValue, n <= min { out.append("\(path): not above \(min)") }
    }
    if let object = value as? [String: Any] {
        for key in schema["required"] as? [String] ?? [] where object[key] == nil { out.append("\(path): no \(key)") }
        let properties = schema["properties"] as? [String: Any] ?? [:]
        let minKey = ((schema["propertyNames"] as? [String: Any])?["minLength"] as? NSNumber)?.intValue ?? 0
        for (key, child) in object {
            if key.count < minKey { out.append("\(path): a key shorter than \(minKey)") }
            if let childSchema = properties[key] as? [String: Any] {
                out += assessmentSchemaProblems(child, childSchema, root: root, at: "\(path).\(key)")
            } else if schema["additionalProperties"] as? Bool == false {
                out.append("\(path): unexpected \(key)")
            } else if let extra = schema["additionalProperties"] as? [String: Any] {
                out += assessmentSchemaProblems(child, extra, root: root, at: "\(path).\(key)")
            }
        }
    }
    if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
        for (n, item) in array.enumerated() { out += assessmentSchemaProblems(item, items, root: root, at: "\(path)[\(n)]") }
    }
    return out
}

/// True when `python3 -m check_jsonschema` can be run here.
let assessmentValidatorAvailable: Bool = {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-m", "check_jsonschema", "--version"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
}()

/// Runs check-jsonschema on files; returns its exit status and output.
func assessmentValidate(schema: String, files: [URL]) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-m", "check_jsonschema", "--schemafile",
                         assessmentPackageRoot.appendingPathComponent("schemas/records/\(schema).schema.json").path] + files.map(\.path)
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, text)
}

/// A fresh folder, removed after `body`.
func withAssessmentFolder<T>(_ body: (URL) throws -> T) throws -> T {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("calldojo-assessment-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url)
}
