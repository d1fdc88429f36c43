import Foundation

/// A trainee in a cohort.
public struct CohortMember: Codable, Sendable, Equatable, Hashable {
    /// The trainee's name as it was typed when they were added.
    public var name: String
    /// The key their records are filed under (see ``TraineeName/key``).
    public var key: String

    public init(_ trainee: TraineeName) {
        name = trainee.display
        key = trainee.key
    }
}

/// A group of trainees a trainer reports on together, such as one intake or one team.
public struct Cohort: Codable, Sendable, Equatable {
    /// The cohort's name as the trainer typed it; names are matched ignoring case.
    public var name: String
    /// When the cohort was created.
    public var createdAt: Date
    /// When trainees were last added.
    public var updatedAt: Date
    /// The trainees, in the order they were added, each once.
    public var members: [CohortMember]

    public init(name: String, createdAt: Date) {
        self.name = name
        self.createdAt = createdAt
        updatedAt = createdAt
        members = []
    }

    /// The members' record keys, to match against ``TraineeProfile/key``.
    public var traineeKeys: Set<String> { Set(members.map(\.key)) }

    /// Adds trainees not already in the cohort; returns those added.
    @discardableResult
    public mutating func add(_ trainees: [TraineeName]) -> [TraineeName] {
        var added: [TraineeName] = []
        for t in trainees where !members.contains(where: { $0.key == t.key }) {
            members.append(CohortMember(t))
            added.append(t)
        }
        return added
    }

    /// A cohort name as typed, checked: 1 to 64 characters, no control characters, not only spaces.
    public static func checkedName(_ raw: String) throws(CohortError) -> String {
        let name = raw.trimmingCharacters(in: " ")
        guard !name.isEmpty else { throw .emptyName }
        guard name.count <= TraineeName.maxLength else { throw .nameTooLong(name.count) }
        for scalar in name.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator: throw .controlInName
            default: continue
            }
        }
        return name
    }

    /// True when `other` names this cohort (ignoring case and surrounding spaces).
    public func isNamed(_ other: String) -> Bool {
        name.lowercased().precomposedStringWithCanonicalMapping
            == other.trimmingCharacters(in: " ").lowercased().precomposedStringWithCanonicalMapping
    }
}

/// The store's cohorts, `cohorts.json`.
public struct CohortList: Codable, Sendable, Equatable, VersionedRecord {
    /// The newest cohorts schema this version of CallDojo reads and writes.
    public static let currentSchemaVersion = 1
    /// The schema version the file was written with.
    public var schemaVersion: Int = CohortList.currentSchemaVersion
    /// Every cohort, sorted by name.
    public var cohorts: [Cohort]

    public init(cohorts: [Cohort] = []) {
        self.cohorts = cohorts
    }
}

/// Why a cohort could not be changed.
public enum CohortError: Error, Sendable, Equatable, CustomStringConvertible {
    case emptyName
    case nameTooLong(Int)
    case controlInName
    case noTrainees
    /// The cohorts file could not be read or written.
    case store(StoreError)

    public var description: String {
        switch self {
        case .emptyName: return "A cohort name cannot be empty."
        case let .nameTooLong(n):
            return "A cohort name can be at most \(TraineeName.maxLength) characters; this one has \(n)."
        case .controlInName: return "A cohort name cannot contain control characters."
        case .noTrainees: return "Name at least one trainee to add to the cohort."
        case let .store(error): return error.description
        }
    }
}
