import Foundation

/// How reports write dates, durations and percentages.
public enum ReportFormat {
    /// `2026-11-22 21:22:30`, in UTC.
    public static func utcStamp(_ date: Date) -> String {
        stamp(date, offset: 0, seconds: true)
    }

    /// `2026-11-22 21:22` in the given time zone.
    public static func dateTime(_ date: Date, in zone: TimeZone) -> String {
        stamp(date, offset: zone.secondsFromGMT(for: date), seconds: false)
    }

    /// `2026-11-22` in the given time zone.
    public static func day(_ date: Date, in zone: TimeZone) -> String {
        String(stamp(date, offset: zone.secondsFromGMT(for: date), seconds: false).prefix(10))
    }

    private static func stamp(_ date: Date, offset: Int, seconds: Bool) -> String {
        let t = Int(date.timeIntervalSince1970.rounded(.down)) + offset
        let days = t >= 0 ? t / 86_400 : (t - 86_399) / 86_400
        let secs = t - days * 86_400
        let (y, m, d) = civil(days)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        var out = "\(y)-\(two(m))-\(two(d)) \(two(secs / 3600)):\(two(secs / 60 % 60))"
        if seconds { out += ":\(two(secs % 60))" }
        return out
    }

    /// Year, month and day from days since 1970-01-01 (proleptic Gregorian calendar).
    static func civil(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// `45 s`, `12 min`, `3 h 05 min`.
    public static func duration(_ seconds: Int) -> String {
        if seconds < 60 { return "\(seconds) s" }
        let minutes = seconds / 60
        if minutes < 60 { return "\(minutes) min" }
        let m = minutes % 60
        return "\(minutes / 60) h \(m < 10 ? "0" : "")\(m) min"
    }

    /// `83%`, or `-` when there is no rate.
    public static func percent(_ share: Double?) -> String {
        guard let share else { return "-" }
        return "\(Int((share * 100).rounded()))%"
    }

    /// An average to one decimal place, or `-`.
    public static func number(_ value: Double?) -> String {
        guard let value else { return "-" }
        return String(format: "%.1f", value)
    }

    /// Reads a `--since` date: `YYYY-MM-DD` (the start of that day in `zone`) or a full ISO 8601
    /// time such as `2026-11-22T09:00:00Z`.
    public static func parseDate(_ text: String, in zone: TimeZone = .current) -> Date? {
        let t = text.trimmingCharacters(in: .whitespaces)
        let parts = t.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
           let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m), (1...31).contains(d) {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            var c = DateComponents(year: y, month: m, day: d)
            c.hour = 0
            guard let date = calendar.date(from: c),
                  calendar.component(.month, from: date) == m, calendar.component(.day, from: date) == d else { return nil }
            return date
        }
        let iso = ISO8601DateFormatter()
        if let date = iso.date(from: t) { return date }
        iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return iso.date(from: t)
    }
}
