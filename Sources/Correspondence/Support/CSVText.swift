import Foundation

/// One RFC 4180 field: quoted, with its quotes doubled, when it holds a comma, quote or line
/// break or starts or ends with a space (which spreadsheet imports would trim). Shared by the
/// message catalogue and the CSV exports.
public enum CSVText {
    public static func field(_ s: String) -> String {
        let needsQuotes = s.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || s.hasPrefix(" ") || s.hasSuffix(" ")
        guard needsQuotes else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
