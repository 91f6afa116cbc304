/// JSON string literals written by hand, so output bytes do not depend on an encoder's
/// choices: quotes, backslashes and control characters escaped (and U+2028/U+2029, which
/// break JavaScript readers); DEL, C1 controls and non-characters replaced (`UnsafeScalars`); every other character, Cyrillic or Polish, kept as UTF-8.
/// Shared by the message catalogue and every JSON export: the rule works on UTF-8 bytes and
/// writes into a `ByteSink` (`write`); `string` is built on it.
public enum JSONText {
    /// - Complexity: O(n) in the string's length, one pass.
    public static func string(_ s: String) -> String {
        escapes.leavesUnchanged(s) ? "\"" + s + "\"" : ByteSink.text { write(s, to: $0) }
    }

    public static func optional(_ s: String?) -> String { s.map(string) ?? "null" }

    /// Appends `s` as a JSON string literal, quotes included.
    /// - Complexity: O(n) in the UTF-8 length of `s`; runs with nothing to escape are copied whole.
    public static func write(_ s: String, to sink: ByteSink) {
        sink.write(byte: 0x22)
        sink.write(s, escaping: escapes)
        sink.write(byte: 0x22)
    }

    /// Appends `s` as a JSON string literal, or `null`.
    public static func write(optional s: String?, to sink: ByteSink) {
        if let s { write(s, to: sink) } else { sink.write("null" as StaticString) }
    }

    private static let escapes = ByteEscapes(lineSeparators: true) { byte in
        switch Unicode.Scalar(byte) {
        case "\"": return "\\\""
        case "\\": return "\\\\"
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        default:
            if byte < 0x20 {
                let hex = String(byte, radix: 16)
                return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
            return ByteEscapes.isUnsafeASCII(byte) ? String(UnsafeScalars.replacement) : nil
        }
    }
}
