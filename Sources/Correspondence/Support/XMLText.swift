/// The one rule for putting a string into XML (the XML exports, timeline SVGs): `&`, `<` and
/// `>` escaped everywhere; in an attribute value also both quotes and the whitespace that
/// attribute normalisation would turn into spaces; characters XML 1.0 cannot carry replaced
/// (`UnsafeScalars`). A value escaped here cannot end its element or attribute.
///
/// The rule works on UTF-8 bytes and writes into a `ByteSink` (`write`); the String forms
/// (`content`, `attribute`) are built on it.
public enum XMLText {
    /// `value` as element content.
    public static func content(_ value: String) -> String {
        contentEscapes.leavesUnchanged(value) ? value : ByteSink.text { writeContent(value, to: $0) }
    }

    /// `value` as an attribute value between double or single quotes.
    public static func attribute(_ value: String) -> String {
        attributeEscapes.leavesUnchanged(value) ? value : ByteSink.text { writeAttribute(value, to: $0) }
    }

    /// Appends `value` escaped as element content.
    /// - Complexity: O(n) in the UTF-8 length of `value`.
    public static func writeContent(_ value: String, to sink: ByteSink) {
        sink.write(value, escaping: contentEscapes)
    }

    /// Appends `value` escaped as an attribute value.
    /// - Complexity: O(n) in the UTF-8 length of `value`.
    public static func writeAttribute(_ value: String, to sink: ByteSink) {
        sink.write(value, escaping: attributeEscapes)
    }

    private static let contentEscapes = ByteEscapes { escape($0, attribute: false) }
    private static let attributeEscapes = ByteEscapes { escape($0, attribute: true) }

    private static func escape(_ byte: UInt8, attribute: Bool) -> String? {
        switch Unicode.Scalar(byte) {
        case "&": return "&amp;"
        case "<": return "&lt;"
        case ">": return "&gt;"
        case "\"" where attribute: return "&quot;"
        case "'" where attribute: return "&apos;"
        case "\n" where attribute: return "&#10;"
        case "\r" where attribute: return "&#13;"
        case "\t" where attribute: return "&#9;"
        default: return ByteEscapes.isUnsafeASCII(byte) ? String(UnsafeScalars.replacement) : nil
        }
    }
}
