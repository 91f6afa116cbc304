/// One RFC 4180 field: quoted, with its quotes doubled, when it holds a comma, quote or line
/// break or starts or ends with a space (which spreadsheet imports would trim). Shared by the
/// message catalogue and the CSV exports.
///
/// A cell a spreadsheet would run as a formula (beginning with `=`, `+`, `-`, `@`, a tab or a
/// carriage return, and not a plain number) is neutralised as OWASP recommends: a `'` goes
/// before it, so it is shown as text (`=HYPERLINK(...)` cannot act). `neutralisingFormulas:
/// false` (`--raw-csv`) writes cells as they are, for tools that are not spreadsheets.
/// Control characters and non-characters are replaced (`UnsafeScalars`) either way.
///
/// The rule works on UTF-8 bytes and writes into a `ByteSink` (`write`); `field` is built on it.
public enum CSVText {
    public static func field(_ s: String) -> String {
        field(s, neutralisingFormulas: true)
    }

    public static func field(_ raw: String, neutralisingFormulas: Bool) -> String {
        ByteSink.text { write(raw, neutralisingFormulas: neutralisingFormulas, to: $0) }
    }

    /// Appends `raw` as one field.
    /// - Complexity: O(n) in the UTF-8 length of `raw`: one pass to decide, one to write.
    public static func write(_ raw: String, neutralisingFormulas: Bool = true, to sink: ByteSink) {
        let (quoted, formula) = ByteSink.withUTF8(raw) { bytes -> (Bool, Bool) in
            (needsQuotes(bytes, raw), neutralisingFormulas && isFormula(bytes))
        }
        if quoted { sink.write(byte: 0x22) }
        if formula { sink.write(byte: 0x27) }
        sink.write(raw, escaping: escapes)
        if quoted { sink.write(byte: 0x22) }
    }

    /// Quotes doubled (they only occur in quoted fields), unsafe characters replaced.
    private static let escapes = ByteEscapes { byte in
        byte == 0x22 ? "\"\"" : ByteEscapes.isUnsafeASCII(byte) ? String(UnsafeScalars.replacement) : nil
    }

    /// A comma, quote or line break anywhere, or a space that is the first or last character.
    private static func needsQuotes(_ bytes: UnsafeBufferPointer<UInt8>, _ text: String) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        if bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) { return true }
        // A space followed (or preceded) by a non-ASCII scalar may be part of a larger
        // character (a combining mark after it): then it is not a leading or trailing space.
        if first == 0x20 && (bytes.count == 1 || bytes[1] < 0x80 || text.hasPrefix(" ")) { return true }
        if last == 0x20 && bytes.count > 1 && (bytes[bytes.count - 2] < 0x80 || text.hasSuffix(" ")) { return true }
        return false
    }

    /// Whether a spreadsheet would read the cell as a formula: its first character is one of
    /// OWASP's triggers, and it is not a plain number such as `-3` or `+1.5`.
    static func isFormula(_ s: String) -> Bool {
        ByteSink.withUTF8(s) { isFormula($0) }
    }

    private static func isFormula(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        switch first {
        case 0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D: break   // = + - @ tab, carriage return
        default: return false
        }
        if first == 0x2D || first == 0x2B {
            var digits = 0, dots = 0
            for byte in bytes.dropFirst() {
                if byte >= 0x30 && byte <= 0x39 { digits += 1 } else if byte == 0x2E { dots += 1 } else { return true }
            }
            return digits == 0 || dots > 1
        }
        return true
    }
}
