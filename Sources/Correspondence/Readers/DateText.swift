import Foundation

/// Reads the date forms of the telegram text: "July 18, 1941", "January 16th, 1945.",
/// "Berlin, July 29, 1945", "Sent on May 12, 1942", and month-day mentions in bodies
/// ("your message of May 11"). Hand-written scanning over UTF-8 bytes: linear, no regexes.
enum DateText {
    static let monthNames = MonthNames.lowercased

    /// The month (1...12) a word names, or nil. Case-insensitive; full names only.
    static func month(_ word: some StringProtocol) -> Int? {
        month(bytes: Array(word.utf8)[...])
    }

    private static let monthBytes: [[UInt8]] = monthNames.map { Array($0.utf8) }

    /// The month an ASCII word names (any case), or nil.
    static func month(bytes: some Collection<UInt8>) -> Int? {
        guard bytes.count >= 3, bytes.count <= 9 else { return nil }
        for (index, name) in monthBytes.enumerated() where name.count == bytes.count {
            var same = true
            for (a, b) in zip(name, bytes) where a != (b >= 0x41 && b <= 0x5A ? b + 0x20 : b) { same = false; break }
            if same { return index + 1 }
        }
        return nil
    }

    /// A month-day(-year) mention found in running text.
    struct Mention {
        /// Offsets in the scanned byte array: first byte of the month name, one past the end.
        var start: Int
        var end: Int
        var month: Int
        var day: Int
        var year: Int?
    }

    /// Parses "Month D[st|nd|rd|th][, YYYY]" starting exactly at `start` of `bytes`.
    static func mention<Bytes: RandomAccessCollection<UInt8>>(in bytes: Bytes, at start: Int) -> Mention? where Bytes.Index == Int {
        var i = start
        while i < bytes.count, isLetter(bytes[i]) { i += 1 }
        // A space and a digit after the word first: most capitalised words of running text are
        // not followed by one, and then the month names need not be compared.
        guard i > start, i + 1 < bytes.count, bytes[i] == 0x20, isDigit(bytes[i + 1]),
              let m = month(bytes: bytes[start..<i]) else { return nil }
        i += 1
        var day = 0, digits = 0
        while i < bytes.count, isDigit(bytes[i]), digits < 3 { day = day * 10 + Int(bytes[i] - 0x30); i += 1; digits += 1 }
        guard digits >= 1, digits <= 2, day >= 1, day <= 31 else { return nil }
        // ordinal suffix
        if i + 1 < bytes.count {
            let pair = String(decoding: bytes[i..<(i + 2)], as: UTF8.self)
            if ["st", "nd", "rd", "th"].contains(pair), i + 2 >= bytes.count || !isLetter(bytes[i + 2]) { i += 2 }
        }
        if i < bytes.count, isLetter(bytes[i]) || isDigit(bytes[i]) { return nil }
        var end = i
        var year: Int?
        // ", YYYY"
        if i < bytes.count, bytes[i] == 0x2C {
            var j = i + 1
            while j < bytes.count, bytes[j] == 0x20 { j += 1 }
            var y = 0, n = 0
            while j < bytes.count, isDigit(bytes[j]), n < 5 { y = y * 10 + Int(bytes[j] - 0x30); j += 1; n += 1 }
            if n == 4, j >= bytes.count || !isDigit(bytes[j]) {
                year = y
                end = j
            }
        }
        return Mention(start: start, end: end, month: m, day: day, year: year)
    }

    /// A whole line that is a date line: "[Place, ]Month D, YYYY[.]". Lines in quotation marks
    /// are quoted dates of quoted messages and are not date lines.
    static func dateLine(_ line: some StringProtocol) -> (day: Day, place: String?)? {
        guard mayHoldYear(line) else { return nil }
        var text = Substring(line).trimmingSpaces()
        text = text.strippingMarkdownBold()
        if text.hasSuffix(".") { text = text.dropLast() }
        guard let first = text.first else { return nil }
        switch first {
        case "\"", "“", "'", "‘": return nil
        default: break
        }
        let bytes = Array(text.utf8)
        // The month is either the first word or follows "Place, ".
        var start = 0
        var place: String?
        if monthOpening(text, bytes: bytes) == nil {
            guard let comma = bytes.firstIndex(of: 0x2C), comma > 0, comma <= 40 else { return nil }
            let candidate = String(decoding: bytes[0..<comma], as: UTF8.self)
            guard candidate.first?.isUppercase == true, !candidate.contains(where: { $0.isNumber }) else { return nil }
            start = comma + 1
            while start < bytes.count, bytes[start] == 0x20 { start += 1 }
            place = candidate
        }
        guard let found = mention(in: bytes, at: start), let year = found.year, found.end == bytes.count,
              let day = Day(year: year, month: found.month, day: found.day) else { return nil }
        return (day, place)
    }

    /// The month named by the text's first word, its leading letters (`Character.isLetter`).
    /// ASCII letters followed by an ASCII byte (or nothing) are that word as they are: the
    /// letter lookup of each Character was most of the time spent on date lines.
    private static func monthOpening(_ text: Substring, bytes: [UInt8]) -> Int? {
        var end = 0
        while end < bytes.count, isLetter(bytes[end]) { end += 1 }
        if end == bytes.count || bytes[end] < 0x80 { return month(bytes: bytes[..<end]) }
        return month(text.prefix { $0.isLetter })
    }

    /// "Sent on Month D, YYYY[.]".
    static func sentOnLine(_ line: some StringProtocol) -> Day? {
        guard mayHoldYear(line) else { return nil }
        let text = Substring(line).trimmingSpaces().strippingMarkdownBold()
        guard text.hasPrefix("Sent on ") else { return nil }
        guard let parsed = dateLine(text.dropFirst(8)), parsed.place == nil else { return nil }
        return parsed.day
    }

    /// A date standing at the start of a header line ("May 4, 1943 **PERSONAL AND SECRET MESSAGE**"):
    /// the day and the rest of the line.
    static func leadingDate(_ line: some StringProtocol) -> (day: Day, rest: Substring)? {
        let text = Substring(line).trimmingSpaces()
        let bytes = Array(text.utf8)
        guard let found = mention(in: bytes, at: 0), let year = found.year, found.end < bytes.count,
              let day = Day(year: year, month: found.month, day: found.day) else { return nil }
        let rest = String(decoding: bytes[found.end...], as: UTF8.self)
        let trimmed = Substring(rest).trimmingSpaces()
        guard !trimmed.isEmpty else { return nil }
        return (day, trimmed)
    }

    /// False when `line` cannot hold the four-digit year of a date line: it has no four digits
    /// in a row, not even once the markdown asterisks (which `dateLine` drops) are removed.
    /// Most lines fail this byte test, which costs far less than reading them as dates.
    static func mayHoldYear(_ line: some StringProtocol) -> Bool {
        func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var run = 0
            for b in bytes where b != 0x2A {
                if isDigit(b) { run += 1; if run == 4 { return true } } else { run = 0 }
            }
            return false
        }
        return line.utf8.withContiguousStorageIfAvailable(scan) ?? Array(line.utf8).withUnsafeBufferPointer(scan)
    }

    /// An ASCII letter: with bit 5 set (upper case folded to lower), the byte lies in a...z
    /// (one comparison: every byte outside the two ranges folds outside a...z).
    @inline(__always)
    static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    /// - Complexity: O(spaces trimmed), by index: `dropLast()` here counted the whole substring
    ///   each time, quadratic in a line ending in many spaces (a black-box telegram case of one
    ///   822,332-character line ran over 88 s).
    func trimmingSpaces() -> Substring {
        func isSpace(_ c: Character) -> Bool { c == " " || c == "\t" || c == "\u{00A0}" }
        var start = startIndex, end = endIndex
        while start < end, isSpace(self[start]) { formIndex(after: &start) }
        while start < end {
            let last = index(before: end)
            guard isSpace(self[last]) else { break }
            end = last
        }
        return self[start..<end]
    }

    /// The text without markdown bold markers.
    func strippingMarkdownBold() -> Substring {
        // In place when contiguous (always, for a native string's slice): `utf8.contains` walks
        // the view one index at a time, and this runs for every line that may hold a date.
        let hasAsterisk = utf8.withContiguousStorageIfAvailable { $0.contains(0x2A) } ?? utf8.contains(0x2A)
        guard hasAsterisk else { return self }
        return Substring(String(decoding: utf8.filter { $0 != 0x2A }, as: UTF8.self)).trimmingSpaces()
    }
}
