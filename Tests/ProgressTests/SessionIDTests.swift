import Foundation
import Progress
import Testing

@Test func sessionIdsHaveAFixedFormat() throws {
    let sam = try trainee("Sam Jones")
    #expect(SessionRecord.makeID(trainee: sam, at: utc(2024, 3, 5, 14, 7, 9), random: 0xBEEF) == "20240305-140709-sam-jones-beef")
    #expect(SessionRecord.makeID(trainee: sam, at: utc(2024, 12, 31, 23, 59, 59), random: 7) == "20241231-235959-sam-jones-0007")
    #expect(SessionRecord.makeID(trainee: sam, at: utc(1999, 1, 1), random: 0) == "19990101-000000-sam-jones-0000")
    let ana = try trainee("Ana María")
    #expect(SessionRecord.makeID(trainee: ana, at: utc(2024, 3, 5, 14, 7, 9), random: 0xFFFF) == "20240305-140709-ana-mar%C3%ADa-ffff")
}

@Test(arguments: ["Sam", "sam-jones", "O'Brien", "李小龍", "Agent 007"])
func sessionIdsContainTheTraineeKey(_ raw: String) throws {
    let name = try trainee(raw)
    let date = utc(2025, 11, 30, 8, 5, 1)
    let id = SessionRecord.makeID(trainee: name, at: date)
    let pattern = try Regex("[0-9]{8}-[0-9]{6}-(.+)-[0-9a-f]{4}")
    let match = try #require(id.wholeMatch(of: pattern), "\(id)")
    #expect(match.output[1].substring.map(String.init) == name.key)
    #expect(id.hasPrefix("20251130-080501-\(name.key)-"))
    #expect(!id.contains("/") && !id.hasPrefix("."))

    let record = Fixture.record(name, at: date)
    #expect(record.id.hasPrefix("20251130-080501-\(name.key)-"))
    #expect(record.traineeKey == name.key)
    #expect(record.trainee == name.display)
}

@Test func sessionIdsSortByTime() throws {
    let sam = try trainee("Sam")
    let dates = [
        utc(1999, 12, 31, 23, 59, 59), utc(2023, 12, 31, 23, 59, 59), utc(2024, 1, 1), utc(2024, 1, 1, 0, 0, 9),
        utc(2024, 1, 1, 0, 0, 10), utc(2024, 1, 1, 9, 5, 3), utc(2024, 1, 1, 10), utc(2024, 1, 9), utc(2024, 1, 10),
        utc(2024, 9, 30), utc(2024, 10, 1), utc(2031, 2, 3),
    ]
    // Random parts that fall as time rises must not change the order.
    let ids = dates.enumerated().map { n, date in
        SessionRecord.makeID(trainee: sam, at: date, random: UInt16(0xFFFF - n * 4000))
    }
    #expect(ids.sorted() == ids)
}

@Test func sessionIdsUseUTCWhateverTheTimeZone() throws {
    let sam = try trainee("Sam")
    let date = Date(timeIntervalSince1970: 1_700_000_000) // 2023-11-14 22:13:20 UTC
    #expect(SessionRecord.makeID(trainee: sam, at: date, random: 1) == "20231114-221320-sam-0001")
}

@Test func sessionIdsMadeInTheSameSecondDiffer() throws {
    let sam = try trainee("Sam")
    let date = utc(2024, 1, 1)
    let ids = Set((0..<50).map { _ in SessionRecord.makeID(trainee: sam, at: date) })
    #expect(ids.count > 1)
}

@Test func summariesCarryEachSkillByItsId() throws {
    let record = Fixture.record(try trainee("Sam"), at: utc(2024, 1, 1), overall: 73)
    let summary = record.summary
    #expect(summary.id == record.id)
    #expect(summary.overall == 73)
    #expect(summary.ending == .resolved)
    #expect(summary.skills == ["active_listening": 73, "paraphrasing": 73, "next_steps": 73, "forward_resolution": 73])
    #expect(summary.endedAt.timeIntervalSince(summary.startedAt) == 300)
}
