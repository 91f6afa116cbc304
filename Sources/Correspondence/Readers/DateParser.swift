/// The one parser for structured date values, shared by the CMIF reader, the CSV reader and the
/// command line's `--from`/`--to`. It reads, by the standards that define them:
/// - ISO 8601 / xs:date calendar dates at year, month or day precision (`1890`, `1890-05`,
///   `1890-05-03`), with years below 1000 and before year 0 (`-0044-03-15`, astronomical
///   numbering as ISO 8601 and EDTF use) and an optional zone (`1890-05-03Z`);
/// - xs:dateTime (`1922-06-08T10:30:00`, with fractions and zone): the day is the date, the time is
///   kept as written;
/// - EDTF levels 0 and 1: qualifiers `?` (uncertain), `~` (approximate), `%` (both); unspecified
///   digits (`1890-05-XX`, `1890-XX`, `189X`, `18XX`); seasons (`1890-21`...`1890-24`); long years
///   (`Y-12000`); intervals `1890/1891`, with open (`..`) or unknown (empty) ends
///   (`../1681-06-23`, `1681-06-23/..`);
/// - the usual marks of an undated record (empty, `s.d.`, `n.d.`, `o.D.`, `undated`...).
///
/// A value that has the shape of a date but names no real day (`1931-02-30`, month 13) is
/// `.impossible`; anything else is `.unreadable`. Both keep the raw text. Hand-written scanning
/// over bytes: linear in the length of the text, no regular expressions.
public enum DateParser {
    /// What a date value says.
    public enum Reading: Sendable, Hashable {
        /// A date, open at one end or not.
        case dated(HistoricalDate)
        /// The value says there is no date (empty, `s.d.`).
        case undated(raw: String)
        /// The shape of a date, but no real day (`1931-02-30`): the reason says why.
        case impossible(raw: String, reason: String)
        /// Not a date form the parser knows: the reason says what was expected.
        case unreadable(raw: String, reason: String)

        /// The date to keep on the message: the date itself, or an undated date keeping the raw text.
        public var date: HistoricalDate {
            switch self {
            case .dated(let d): return d
            case .undated(let raw), .impossible(let raw, _), .unreadable(let raw, _):
                return .undated(raw: raw.isEmpty ? nil : raw)
            }
        }

        /// Why the value could not be used as a date, when it could not (nil for dates and for
        /// values that say "undated").
        public var problem: String? {
            switch self {
            case .dated, .undated: return nil
            case .impossible(_, let reason), .unreadable(_, let reason): return reason
            }
        }
    }

    /// One point of time as a span of days: a day, a month, a year, a season, a decade...
    public struct Point: Sendable, Hashable {
        public var first: Day
        public var last: Day
        public var precision: DatePrecision
        public var certainty: DateCertainty
        /// The time of an xs:dateTime, as written after the `T`.
        public var time: String?
    }

    /// Why a value is not a date.
    public struct Failure: Error, Sendable, Hashable {
        /// True when the value had the shape of a date but names no real day.
        public var impossible: Bool
        public var reason: String
    }

    /// The forms the parser reads, for error messages.
    public static let expected = "YYYY, YYYY-MM, YYYY-MM-DD, an xs:dateTime or an EDTF date (1890?, 1890-05-XX, 1890/1891, ../1890-05-03)"

    /// Marks that say a record has no date, compared lower-cased without spaces.
    static let undatedMarks: Set<String> = ["", "s.d.", "sd", "[sd]", "[s.d.]", "s.d", "n.d.", "nd", "[nd]", "[n.d.]", "n.d",
                                            "o.d.", "[o.d.]", "o.j.", "[o.j.]", "undated", "[undated]", "unknown", "unbekannt",
                                            "ohnedatum", "sinedato", "sansdate", "?", "[?]", "xxxx", "../..", "/"]

    /// Reads a whole value: one date, an interval, or an undated mark.
    /// - Complexity: O(n) in the length of `text`.
    public static func parse(_ text: String, evidence: DateEvidence = .given) -> Reading {
        let raw = text
        let value = trimmed(Substring(text))
        let folded = String(value.lowercased().filter { $0 != " " })
        if undatedMarks.contains(folded) { return .undated(raw: raw) }
        do {
            if let slash = value.firstIndex(of: "/") {
                let start = value[..<slash], end = value[value.index(after: slash)...]
                guard !end.contains("/") else {
                    return .unreadable(raw: raw, reason: "\"\(bounded(raw))\" has more than one '/'; expected \(expected)")
                }
                let a = try intervalEnd(start), b = try intervalEnd(end)
                if let a, let b, b.last < a.first {
                    return .impossible(raw: raw, reason: "\"\(bounded(raw))\" ends (\(b.last.iso)) before it starts (\(a.first.iso))")
                }
                let certainty = [a?.certainty, b?.certainty].compactMap { $0 }.first { $0 != .certain } ?? .certain
                let precision: DatePrecision = a != nil && b != nil && a!.first == b!.last ? .day : .range
                return .dated(HistoricalDate(bounds: a?.first, b?.last, precision: precision, evidence: evidence,
                                             certainty: certainty, time: nil, raw: raw))
            }
            let p = try point(value)
            return .dated(HistoricalDate(bounds: p.first, p.last, precision: p.precision, evidence: evidence,
                                         certainty: p.certainty, time: p.time, raw: raw))
        } catch {
            return error.impossible ? .impossible(raw: raw, reason: error.reason) : .unreadable(raw: raw, reason: error.reason)
        }
    }

    /// One end of an EDTF interval: nil when open (`..`) or unknown (empty).
    private static func intervalEnd(_ text: Substring) throws(Failure) -> Point? {
        let t = trimmed(text)
        if t.isEmpty || t == ".." { return nil }
        return try point(t)
    }

    /// Reads one point (no interval): `[-]YYYY[-MM[-DD]][Ttime][zone][?~%]`, `Y[-]digits`, with
    /// EDTF's unspecified digits and seasons.
    /// - Complexity: O(n) in the length of `text`.
    public static func point(_ text: some StringProtocol) throws(Failure) -> Point {
        let value = trimmed(Substring(text))
        var bytes = Array(value.utf8)[...]
        let shown = bounded(String(value))
        let unreadable = Failure(impossible: false, reason: "\"\(shown)\" is not a date; expected \(expected)")
        var certainty = DateCertainty.certain
        if let last = bytes.last {
            switch last {
            case UInt8(ascii: "?"): certainty = .uncertain
            case UInt8(ascii: "~"): certainty = .approximate
            case UInt8(ascii: "%"): certainty = .uncertainApproximate
            default: break
            }
            if certainty != .certain { bytes = bytes.dropLast() }
        }
        // EDTF long year: Y followed by a signed number, year precision.
        if bytes.first == UInt8(ascii: "Y") {
            bytes = bytes.dropFirst()
            let negative = bytes.first == UInt8(ascii: "-")
            if negative { bytes = bytes.dropFirst() }
            guard !bytes.isEmpty, bytes.count <= 7, bytes.allSatisfy(isDigit), let n = Int(String(decoding: bytes, as: UTF8.self)) else { throw unreadable }
            let year = negative ? -n : n
            guard let first = Day(year: year, month: 1, day: 1), let last = Day(year: year, month: 12, day: 31) else {
                throw Failure(impossible: true, reason: "\"\(shown)\" lies beyond the years a date can hold")
            }
            return Point(first: first, last: last, precision: .year, certainty: certainty, time: nil)
        }
        // Time of an xs:dateTime.
        var time: String?
        if let t = bytes.firstIndex(of: UInt8(ascii: "T")) {
            let timeBytes = bytes[(t + 1)...]
            guard validTime(timeBytes) else {
                throw Failure(impossible: false, reason: "\"\(shown)\" has a time that is not hh:mm[:ss][zone]; expected \(expected)")
            }
            time = String(decoding: timeBytes, as: UTF8.self)
            bytes = bytes[..<t]
        } else {
            bytes = droppingZone(bytes)
        }
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { bytes = bytes.dropFirst() }
        let parts = bytes.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 7,
              parts.dropFirst().allSatisfy({ $0.count == 2 }) else { throw unreadable }
        // Year, with trailing X digits for a decade or century.
        let yearDigits = parts[0]
        let unspecified = yearDigits.reversed().prefix { $0 == UInt8(ascii: "X") }.count
        let known = yearDigits.dropLast(unspecified)
        guard !known.isEmpty, known.allSatisfy(isDigit), let leading = Int(String(decoding: known, as: UTF8.self)) else { throw unreadable }
        var scale = 1
        for _ in 0..<unspecified { scale *= 10 }
        let yearLow = negative ? -(leading * scale + scale - 1) : leading * scale
        let yearHigh = negative ? -(leading * scale) : leading * scale + scale - 1
        if unspecified > 0 {
            guard parts.count == 1 || parts.dropFirst().allSatisfy({ $0.allSatisfy { $0 == UInt8(ascii: "X") } }) else { throw unreadable }
            guard let first = Day(year: yearLow, month: 1, day: 1), let last = Day(year: yearHigh, month: 12, day: 31) else {
                throw Failure(impossible: true, reason: "\"\(shown)\" lies beyond the years a date can hold")
            }
            return Point(first: first, last: last, precision: .range, certainty: certainty, time: time)
        }
        let year = yearLow
        guard let yearFirst = Day(year: year, month: 1, day: 1), let yearLast = Day(year: year, month: 12, day: 31) else {
            throw Failure(impossible: true, reason: "\"\(shown)\" lies beyond the years a date can hold")
        }
        if parts.count == 1 {
            guard time == nil else { throw unreadable }
            return Point(first: yearFirst, last: yearLast, precision: .year, certainty: certainty, time: nil)
        }
        let monthText = parts[1]
        if monthText.allSatisfy({ $0 == UInt8(ascii: "X") }) {
            guard parts.count == 2 || parts[2].allSatisfy({ $0 == UInt8(ascii: "X") }), time == nil else { throw unreadable }
            return Point(first: yearFirst, last: yearLast, precision: .year, certainty: certainty, time: nil)
        }
        guard monthText.allSatisfy(isDigit), let month = Int(String(decoding: monthText, as: UTF8.self)) else { throw unreadable }
        if parts.count == 2, (21...24).contains(month), time == nil {
            // EDTF seasons: spring, summer, autumn, winter, as the three months they name in the
            // northern hemisphere (winter runs into the next year).
            let startMonth = [21: 3, 22: 6, 23: 9, 24: 12][month]!
            let endYear = month == 24 ? year + 1 : year, endMonth = month == 24 ? 2 : startMonth + 2
            guard let first = Day(year: year, month: startMonth, day: 1),
                  let last = Day(year: endYear, month: endMonth, day: Day.daysIn(month: endMonth, year: endYear)) else {
                throw Failure(impossible: true, reason: "\"\(shown)\" lies beyond the years a date can hold")
            }
            return Point(first: first, last: last, precision: .range, certainty: certainty, time: nil)
        }
        guard (1...12).contains(month) else {
            throw Failure(impossible: true, reason: "\"\(shown)\" names month \(month), which does not exist (expected 01 to 12)")
        }
        let monthFirst = Day(year: year, month: month, day: 1)!
        let monthLast = Day(year: year, month: month, day: Day.daysIn(month: month, year: year))!
        if parts.count == 2 {
            guard time == nil else { throw unreadable }
            return Point(first: monthFirst, last: monthLast, precision: .month, certainty: certainty, time: nil)
        }
        let dayText = parts[2]
        if dayText.allSatisfy({ $0 == UInt8(ascii: "X") }) {
            guard time == nil else { throw unreadable }
            return Point(first: monthFirst, last: monthLast, precision: .month, certainty: certainty, time: nil)
        }
        guard dayText.allSatisfy(isDigit), let dayNumber = Int(String(decoding: dayText, as: UTF8.self)) else { throw unreadable }
        guard let day = Day(year: year, month: month, day: dayNumber) else {
            throw Failure(impossible: true, reason: "\"\(shown)\" is not a day: \(MonthNames.full[month - 1]) \(year) has \(Day.daysIn(month: month, year: year)) days")
        }
        return Point(first: day, last: day, precision: .day, certainty: certainty, time: time)
    }

    /// `hh:mm[:ss[.f+]][Z|±hh:mm]`, hours 00-24, minutes 00-59, seconds 00-60.
    private static func validTime(_ bytes: ArraySlice<UInt8>) -> Bool {
        let clock = droppingZone(bytes)
        let fields = clock.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        guard (2...3).contains(fields.count) else { return false }
        func number(_ f: ArraySlice<UInt8>, max: Int) -> Bool {
            f.count == 2 && f.allSatisfy(isDigit) && Int(String(decoding: f, as: UTF8.self))! <= max
        }
        guard number(fields[0], max: 24), number(fields[1], max: 59) else { return false }
        if fields.count == 3 {
            let seconds = fields[2].split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
            guard number(seconds[0], max: 60) else { return false }
            if seconds.count == 2 { guard !seconds[1].isEmpty, seconds[1].allSatisfy(isDigit) else { return false } }
        }
        return true
    }

    /// The value without a trailing zone (`Z`, `+01:00`, `-05:00`).
    private static func droppingZone(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        if bytes.last == UInt8(ascii: "Z") { return bytes.dropLast() }
        if bytes.count > 6 {
            let zone = bytes.suffix(6)
            let z = Array(zone)
            // A date's own "-MM-DD" ends in "-DD", never "-hh:mm": the colon tells them apart.
            if z[0] == UInt8(ascii: "+") || z[0] == UInt8(ascii: "-"), isDigit(z[1]), isDigit(z[2]), z[3] == UInt8(ascii: ":"),
               isDigit(z[4]), isDigit(z[5]) {
                return bytes.dropLast(6)
            }
        }
        return bytes
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    private static func trimmed(_ s: Substring) -> Substring {
        var s = s
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return s
    }

    /// The value cut to 60 characters for an error message, control characters shown as `?`.
    static func bounded(_ s: String) -> String {
        let cut = s.count > 60 ? String(s.prefix(60)) + "…" : s
        return String(cut.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0) })
    }
}
