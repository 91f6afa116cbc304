/// JSON string literals written by hand, so output bytes do not depend on an encoder's
/// choices: quotes, backslashes and control characters escaped (and U+2028/U+2029, which
/// break JavaScript readers); every other character, Cyrillic or Polish, kept as UTF-8.
/// Shared by the message catalogue and every JSON export.
public enum JSONText {
    /// - Complexity: O(n) in the string's UTF-8 bytes, one pass; a string with nothing to
    ///   escape is copied whole (the catalogue and exports call this for every message).
    public static func string(_ s: String) -> String {
        var s = s
        return s.withUTF8 { bytes -> String in
            var clean = true
            for (i, b) in bytes.enumerated() where b < 0x20 || b == 0x22 || b == 0x5C
                || (b == 0xE2 && i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9)) {
                clean = false
                break
            }
            if clean { return "\"" + String(decoding: bytes, as: UTF8.self) + "\"" }
            var out: [UInt8] = [0x22]
            out.reserveCapacity(bytes.count + 16)
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                switch b {
                case 0x22: out += [0x5C, 0x22]
                case 0x5C: out += [0x5C, 0x5C]
                case 0x0A: out += [0x5C, 0x6E]
                case 0x0D: out += [0x5C, 0x72]
                case 0x09: out += [0x5C, 0x74]
                case 0..<0x20: out += [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]]
                case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                    out += Array("\\u202".utf8) + [bytes[i + 2] == 0xA8 ? 0x38 : 0x39]
                    i += 2
                default: out.append(b)
                }
                i += 1
            }
            out.append(0x22)
            return String(decoding: out, as: UTF8.self)
        }
    }

    public static func optional(_ s: String?) -> String { s.map(string) ?? "null" }
}
