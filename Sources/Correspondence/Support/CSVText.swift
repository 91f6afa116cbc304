import Foundation

/// One RFC 4180 field: quoted, with its quotes doubled, when it holds a comma, quote or line
/// break or starts or ends with a space (which spreadsheet imports would trim). Shared by the
/// message catalogue and the CSV exports.
///
/// A cell a spreadsheet would run as a formula (beginning with `=`, `+`, `-`, `@`, a tab or a
/// carriage return, and not a plain number) is neutralised as OWASP recommends: a `'` goes
/// before it, so it is shown as text (`=HYPERLINK(...)` cannot act). `neutralisingFormulas:
/// false` (`--raw-csv`) writes cells as they are, for tools that are not spreadsheets.
/// Control characters and non-characters are replaced (`UnsafeScalars`) either way.
public enum CSVText {
    public static func field(_ s: String) -> String {
        field(s, neutralisingFormulas: true)
    }

    public static func field(_ raw: String, neutralisingFormulas: Bool) -> String {
        var s = UnsafeScalars.replaced(in: raw)
        if neutralisingFormulas && isFormula(s) { s = "'" + s }
        let needsQuotes = s.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || s.hasPrefix(" ") || s.hasSuffix(" ")
        guard needsQuotes else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Whether a spreadsheet would read the cell as a formula: its first character is one of
    /// OWASP's triggers, and it is not a plain number such as `-3` or `+1.5`.
    static func isFormula(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return false }
        if first == "-" || first == "+" {
            let rest = s.unicodeScalars.dropFirst()
            var digits = 0, dots = 0
            for scalar in rest {
                if ("0"..."9").contains(scalar) { digits += 1 } else if scalar == "." { dots += 1 } else { return true }
            }
            return digits == 0 || dots > 1
        }
        return true
    }
}
