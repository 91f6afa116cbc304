import Foundation

/// A date format declared for a table whose dates are not ISO 8601 or EDTF: `DD.MM.YYYY`,
/// `D/M/YYYY`, `MM/DD/YYYY`, `DD.MM.YY` is not allowed (a two-digit year is not a year).
///
/// `DD` and `D` stand for the day, `MM` and `M` for the month (one or two digits either way),
/// `YYYY` for the year (one to four digits); anything else must appear as written. A format
/// without `DD` reads months (`MM.YYYY`). The value is turned into its ISO form and read by
/// the one date parser (`DateParser`), so an EDTF qualifier after it (`?`, `~`, `%`) is kept.
public struct CSVDateFormat: Sendable, Equatable, CustomStringConvertible {
    enum Part: Sendable, Equatable {
        case day, month, year
        case literal(Character)
    }

    let parts: [Part]
    public let description: String

    public init(_ format: String) throws(CSVLayoutError) {
        var parts: [Part] = []
        var rest = Substring(format.trimmingCharacters(in: .whitespaces))
        while let c = rest.first {
            if rest.hasPrefix("YYYY") { parts.append(.year); rest = rest.dropFirst(4) }
            else if rest.hasPrefix("DD") { parts.append(.day); rest = rest.dropFirst(2) }
            else if rest.hasPrefix("MM") { parts.append(.month); rest = rest.dropFirst(2) }
            else if c == "D" { parts.append(.day); rest = rest.dropFirst() }
            else if c == "M" { parts.append(.month); rest = rest.dropFirst() }
            else if c == "Y" { throw CSVLayoutError("date_format \"\(format)\": a year is YYYY (two-digit years are not read)") }
            else { parts.append(.literal(c)); rest = rest.dropFirst() }
        }
        let count = { (p: Part) in parts.filter { $0 == p }.count }
        guard count(.year) == 1, count(.month) <= 1, count(.day) <= 1, count(.day) == 0 || count(.month) == 1 else {
            throw CSVLayoutError("date_format \"\(format)\": expected YYYY once, and MM/M and DD/D at most once each (for example DD.MM.YYYY)")
        }
        self.parts = parts
        self.description = format
    }

    /// The ISO form (`1890-05-03`, `1890-05`, `1890`) of a value in this format, with any
    /// trailing EDTF qualifier; nil when the value does not have the format's shape.
    public func iso(_ value: String) -> String? {
        var chars = Substring(value.trimmingCharacters(in: .whitespaces))
        var day: Int?, month: Int?, year: Int?
        func digits(max: Int) -> Int? {
            let run = chars.prefix(while: { $0.isASCII && $0.isNumber }).prefix(max)
            guard !run.isEmpty else { return nil }
            chars = chars.dropFirst(run.count)
            return Int(run)
        }
        for part in parts {
            switch part {
            case .day: guard let d = digits(max: 2) else { return nil }; day = d
            case .month: guard let m = digits(max: 2) else { return nil }; month = m
            case .year: guard let y = digits(max: 4) else { return nil }; year = y
            case .literal(let c): guard chars.first == c else { return nil }; chars = chars.dropFirst()
            }
        }
        let qualifier = String(chars)
        guard ["", "?", "~", "%"].contains(qualifier), let year else { return nil }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        var iso = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        if let month { iso += "-" + two(month) }
        if let day { iso += "-" + two(day) }
        return iso + qualifier
    }
}
