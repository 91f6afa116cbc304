/// The one rule for putting a string into XML (the XML exports, timeline SVGs): `&`, `<` and
/// `>` escaped everywhere; in an attribute value also both quotes and the whitespace that
/// attribute normalisation would turn into spaces; characters XML 1.0 cannot carry replaced
/// (`UnsafeScalars`). A value escaped here cannot end its element or attribute.
public enum XMLText {
    /// `value` as element content.
    public static func content(_ value: String) -> String { escape(value, attribute: false) }

    /// `value` as an attribute value between double or single quotes.
    public static func attribute(_ value: String) -> String { escape(value, attribute: true) }

    /// - Complexity: O(n) in the length of `value`.
    private static func escape(_ value: String, attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in UnsafeScalars.replaced(in: value).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "'" where attribute: out += "&apos;"
            case "\n" where attribute: out += "&#10;"
            case "\r" where attribute: out += "&#13;"
            case "\t" where attribute: out += "&#9;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
