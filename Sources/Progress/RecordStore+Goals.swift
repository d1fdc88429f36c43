import Dialogue
import Foundation

extension TraineeProfile {
    /// Records when each goal not yet achieved was reached, from the calls in the profile.
    mutating func markAchievedGoals(now: Date) {
        for i in goals.indices where goals[i].achievedAt == nil {
            goals[i].achievedAt = goals[i].standing(sessions: sessions, now: now).achievedAt
        }
    }

    /// The next free goal id: `g` and one more than the highest number in use.
    var nextGoalID: String {
        let highest = goals.compactMap { $0.id.hasPrefix("g") ? Int($0.id.dropFirst()) : nil }.max() ?? 0
        return "g\(highest + 1)"
    }
}

extension RecordStore {
    /// Sets a goal for a trainee and saves it in their profile, under the trainee's lock so a call saved
    /// at the same moment is not lost. A trainee with no profile yet gets one. The target must be 1 to
    /// 100 and the date today or later (see ``Goal/check(target:by:now:)``).
    @discardableResult
    public func addGoal(for trainee: TraineeName, skill: Skill, target: Int, by: Date, note: String? = nil) throws(GoalError) -> Goal {
        let created = now()
        try Goal.check(target: target, by: by, now: created)
        let text = note?.trimmingCharacters(in: " ")
        var goal = Goal(id: "", skill: skill, target: target, by: GoalCalendar.startOfDay(by),
                        note: (text?.isEmpty ?? true) ? nil : text, createdAt: created)
        do {
            try updateProfile(of: trainee) { profile in
                goal.id = profile.nextGoalID
                profile.goals.append(goal)
                return true
            }
        } catch {
            throw .store(error)
        }
        return goal
    }

    /// A trainee's goals, oldest first, and any problem reading their profile.
    public func goals(for trainee: TraineeName) -> ([Goal], [DamagedFile]) {
        let (profile, damaged) = profile(for: trainee)
        return (profile?.goals ?? [], damaged)
    }

    /// Removes a goal from a trainee's profile; returns the goal removed.
    @discardableResult
    public func removeGoal(id: String, for trainee: TraineeName) throws(GoalError) -> Goal {
        var removed: Goal?
        do {
            try updateProfile(of: trainee, createIfMissing: false) { profile in
                guard let i = profile.goals.firstIndex(where: { $0.id == id }) else { return false }
                removed = profile.goals.remove(at: i)
                return true
            }
        } catch {
            throw .store(error)
        }
        guard let removed else { throw .noSuchGoal(id: id, trainee: trainee.display) }
        return removed
    }

    /// Changes a trainee's profile under their lock: read, change (which returns false to leave the
    /// file unchanged), write atomically. A damaged profile
    /// is set aside and rebuilt from the calls first; one written by a newer version, or one that can
    /// be neither read nor set aside, is left as it is and the change fails.
    func updateProfile(of trainee: TraineeName, createIfMissing: Bool = true,
                       _ change: (inout TraineeProfile) -> Bool) throws(StoreError) {
        try withLock(traineeKey: trainee.key) { () throws(StoreError) in
            var (profile, bad) = loadProfile(key: trainee.key)
            if let newer = bad.first(where: { $0.newerSchemaVersion != nil }), let version = newer.newerSchemaVersion {
                throw .newerVersion(path: newer.path, found: version, supported: TraineeProfile.currentSchemaVersion)
            }
            if let stuck = bad.first(where: { $0.movedTo == nil }) {
                throw .cannotWrite(path: stuck.path, reason: "the profile there \(stuck.reason) and is kept as it is")
            }
            if profile == nil && (createIfMissing || !bad.isEmpty || !sessions(key: trainee.key).0.isEmpty) {
                profile = rebuiltProfile(key: trainee.key, name: trainee.display)
            }
            guard var p = profile, change(&p) else { return }
            try writeAtomically(try encode(p, what: "the trainee profile"), to: profileURL(trainee.key))
        }
    }
}

extension RecordStore {
    /// The cohorts file, `cohorts.json` in the store folder.
    public var cohortsFile: URL { root.appendingPathComponent("cohorts.json") }

    private var cohortsLock: URL { root.appendingPathComponent("cohorts.lock") }

    /// Every cohort, sorted by name, and any problem reading the cohorts file (a damaged one is set
    /// aside; one written by a newer version is left as it is).
    public func cohorts() -> ([Cohort], [DamagedFile]) {
        let (list, damaged) = loadCohorts()
        return (list.cohorts, damaged)
    }

    /// The cohort with this name (ignoring case), if there is one, and any problem reading the file.
    public func cohort(named name: String) -> (Cohort?, [DamagedFile]) {
        let (all, damaged) = cohorts()
        return (all.first { $0.isNamed(name) }, damaged)
    }

    /// Adds trainees to a cohort, creating it if there is none of that name. Trainees already in it
    /// stay once. The file is changed under a store-wide lock and written atomically. Returns the
    /// cohort as saved.
    @discardableResult
    public func addToCohort(named rawName: String, trainees: [TraineeName]) throws(CohortError) -> Cohort {
        let name = try Cohort.checkedName(rawName)
        guard !trainees.isEmpty else { throw .noTrainees }
        var saved: Cohort?
        do {
            try withLock(file: cohortsLock) { () throws(StoreError) in
                var (list, bad) = loadCohorts()
                if let newer = bad.first(where: { $0.newerSchemaVersion != nil }), let version = newer.newerSchemaVersion {
                    throw .newerVersion(path: newer.path, found: version, supported: CohortList.currentSchemaVersion)
                }
                if let stuck = bad.first(where: { $0.movedTo == nil }) {
                    throw .cannotWrite(path: stuck.path, reason: "the file there \(stuck.reason) and is kept as it is")
                }
                let at = now()
                var cohort = list.cohorts.first { $0.isNamed(name) } ?? Cohort(name: name, createdAt: at)
                if !cohort.add(trainees).isEmpty { cohort.updatedAt = at }
                list.cohorts.removeAll { $0.isNamed(name) }
                list.cohorts.append(cohort)
                list.cohorts.sort { $0.name.lowercased() < $1.name.lowercased() }
                list.schemaVersion = CohortList.currentSchemaVersion
                try writeAtomically(try encode(list, what: "the cohorts"), to: cohortsFile)
                saved = cohort
            }
        } catch {
            throw .store(error)
        }
        guard let saved else { throw .store(.encoding("the cohorts")) }
        return saved
    }

    private func loadCohorts() -> (CohortList, [DamagedFile]) {
        guard fm.fileExists(atPath: cohortsFile.path) else { return (CohortList(), []) }
        switch read(CohortList.self, at: cohortsFile) {
        case let .success(list): return (list, [])
        case let .failure(d): return (CohortList(), [d])
        }
    }
}
