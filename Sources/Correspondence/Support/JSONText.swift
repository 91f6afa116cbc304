/// JSON string literals written by hand, so output bytes do not depend on an encoder's
/// choices: quotes, backslashes and control characters escaped (and U+2028/U+2029, which
/// break JavaScript readers); DEL, C1 controls and non-characters replaced (`UnsafeScalars`); every other character, Cyrillic or Polish, kept as UTF-8.
/// Shared by the message catalogue and every JSON export.
public enum JSONText {
    /// - Complexity: O(n) in the string's length, one pass; a string of plain ASCII with
    ///   nothing to escape is copied whole (the catalogue and exports call this for every message).
    public static func string(_ s: String) -> String {
        var copy = s
        let plain = copy.withUTF8 { bytes in
            !bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 >= 0x7F }
        }
        if plain { return "\"" + s + "\"" }
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else if UnsafeScalars.isUnsafe(u) {
                    out.unicodeScalars.append(UnsafeScalars.replacement)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    public static func optional(_ s: String?) -> String { s.map(string) ?? "null" }
}
