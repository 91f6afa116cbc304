import Foundation

/// How a non-ASCII letter is compared: lower case, without its diacritics ("É" and "é" as "e",
/// "ł" as "l", "ß" as "ss", "æ" as "ae"), and combining marks dropped, so that a lexicon matches
/// a text whether either is written with or without accents, precomposed (NFC) or decomposed (NFD).
/// ASCII letters are folded by `WordSequence.folded`, byte by byte, and never reach this type.
enum LetterFolding {
    /// Letters that have no canonical decomposition but a customary base-letter spelling.
    private static let special: [UInt32: String] = [
        0x00DF: "ss", 0x1E9E: "ss", 0x00C6: "ae", 0x00E6: "ae", 0x0152: "oe", 0x0153: "oe",
        0x00D8: "o", 0x00F8: "o", 0x0141: "l", 0x0142: "l", 0x0110: "d", 0x0111: "d",
        0x00D0: "d", 0x00F0: "d", 0x00DE: "th", 0x00FE: "th", 0x0131: "i", 0x013F: "l", 0x0140: "l",
        0x0126: "h", 0x0127: "h", 0x0166: "t", 0x0167: "t",
    ]

    /// Folded UTF-8 of the scalars below U+0600 (Latin, Greek, Cyrillic, Armenian, Hebrew):
    /// built once, shared read-only by the threads that split texts.
    private static let table: [[UInt8]] = (0..<0x600).map { compute(UInt32($0)) }

    /// The folded UTF-8 bytes of one scalar (empty for a combining mark).
    /// - Complexity: O(1) below U+0600, else one decomposition.
    static func fold(_ value: UInt32) -> [UInt8] {
        value < 0x600 ? table[Int(value)] : compute(value)
    }

    private static func compute(_ value: UInt32) -> [UInt8] {
        guard let scalar = Unicode.Scalar(value) else { return [] }
        if let s = special[value] { return Array(s.utf8) }
        if isMark(scalar) { return [] }
        var out: [UInt8] = []
        for part in String(Character(scalar)).decomposedStringWithCanonicalMapping.unicodeScalars where !isMark(part) {
            out += Array(part.properties.lowercaseMapping.utf8)
        }
        return out
    }

    private static func isMark(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
