import Foundation

/// A calendar day in the proleptic Gregorian calendar, without time or zone.
/// Historical dates never need hours; a plain value keeps comparisons and
/// day arithmetic exact and output byte-stable (no `Date`, no time zones).
/// Held as its day number: four bytes, compared and sorted without arithmetic (a 50,000-
/// message corpus holds hundreds of thousands of days); year, month and day are worked out
/// when asked for.
public struct Day: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before), for arithmetic and scales. Visible to the
    /// inlined accessors below: comparing or placing a day in another module is then a few
    /// instructions, not a call that makes the caller copy the message the day is in.
    @usableFromInline let number: Int32

    /// Creates a day, or nil when the month or day is out of range (or the year beyond
    /// five million years from now).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year),
              abs(year) < 5_000_000 else {
            return nil
        }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        number = Int32(era * 146097 + doe - 719468)
    }

    public var year: Int { civil.year }
    public var month: Int { civil.month }
    public var day: Int { civil.day }

    /// Parses `YYYY-MM-DD`, with a leading `-` for years before year 0 (astronomical years, as
    /// ISO 8601 and EDTF write them: `-0044-03-15`) and more than four digits allowed.
    public init?(iso: String) {
        var text = Substring(iso)
        let negative = text.first == "-"
        if negative { text = text.dropFirst() }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count >= 4, parts[0].count <= 7, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: negative ? -y : y, month: m, day: d)
    }

    /// `YYYY-MM-DD`; years before year 0 as `-YYYY-MM-DD` (ISO 8601 astronomical years), so the
    /// text sorts and reads back the same day.
    public var iso: String {
        let (year, month, day) = civil
        // Years 0-9999, all a corpus holds: the ten bytes written into a small string (no
        // allocation). Every message's id, key and export row spells its days: the general
        // path below made five strings per day, a tenth of making the ids at 500,000 messages.
        if year >= 0 && year <= 9999 {
            return String(unsafeUninitializedCapacity: 10) { b in
                b[0] = 0x30 &+ UInt8(year / 1000); b[1] = 0x30 &+ UInt8(year / 100 % 10)
                b[2] = 0x30 &+ UInt8(year / 10 % 10); b[3] = 0x30 &+ UInt8(year % 10)
                b[4] = 0x2D; b[5] = 0x30 &+ UInt8(month / 10); b[6] = 0x30 &+ UInt8(month % 10)
                b[7] = 0x2D; b[8] = 0x30 &+ UInt8(day / 10); b[9] = 0x30 &+ UInt8(day % 10)
                return 10
            }
        }
        let y = String(abs(year)), m = month < 10 ? "0\(month)" : "\(month)", d = day < 10 ? "0\(day)" : "\(day)"
        return "\(year < 0 ? "-" : "")\(String(repeating: "0", count: max(0, 4 - y.count)))\(y)-\(m)-\(d)"
    }

    /// `YYYY` (`-YYYY` before year 0), padded as in `iso`.
    public var isoYear: String { String(iso.dropLast(6)) }

    /// `YYYY-MM`, padded as in `iso`.
    public var isoMonth: String { String(iso.dropLast(3)) }

    public var description: String { iso }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (negative before), for arithmetic and scales.
    @inlinable public var ordinal: Int { Int(number) }

    /// The day with the given ordinal (inverse of `ordinal`).
    @inlinable public init(ordinal: Int) {
        number = Int32(clamping: ordinal)
    }

    /// Year, month and day of the day number (Howard Hinnant's civil_from_days), worked out
    /// once for all three (`year`, `month` and `day` each work it out again).
    public var civil: (year: Int, month: Int, day: Int) {
        let z = Int(number) + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    @inlinable public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// Whole days from `self` to `other` (positive when `other` is later).
    @inlinable public func days(to other: Day) -> Int { other.ordinal - ordinal }

    @inlinable public static func < (a: Day, b: Day) -> Bool { a.number < b.number }

    @inlinable public static func == (a: Day, b: Day) -> Bool { a.number == b.number }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let d = Day(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "expected YYYY-MM-DD, got \(text)"))
        }
        self = d
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}
