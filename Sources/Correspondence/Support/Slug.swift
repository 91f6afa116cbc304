import Foundation

/// The one rule that turns a name into a piece of an id: person ids, message ids
/// (`1942-07-23-stalin-churchill`), inferred-message ids and export ids are all made with it,
/// so the same person has the same id everywhere.
///
/// The result is lower case; letters (of any script) and ASCII digits are kept, diacritics are
/// removed from Latin letters (`Mikołajczyk` -> `mikolajczyk`; `й` stays `й`), ligatures spelled out (`Œuvre` -> `oeuvre`,
/// `Straße` -> `strasse`, `ﬁ` -> `fi`), and every run of anything else becomes one hyphen. It is
/// always a valid XML NCName: a result that would not start with a letter gets `n-` before it
/// (`1st Army` -> `n-1st-army`), and an empty one is `unknown`.
public enum Slug {
    public static func make(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        func append(_ s: Unicode.Scalar) {
            if pendingHyphen, !out.isEmpty { out.unicodeScalars.append("-") }
            pendingHyphen = false
            out.unicodeScalars.append(s)
        }
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let v = scalar.value
                if v >= 0x41 && v <= 0x5A { append(Unicode.Scalar(v + 0x20)!) }
                else if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) { append(scalar) }
                else { pendingHyphen = true }
                continue
            }
            for folded in fold(scalar) {
                if folded.isASCII {
                    let v = folded.value
                    if v >= 0x41 && v <= 0x5A { append(Unicode.Scalar(v + 0x20)!) }
                    else if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) { append(folded) }
                    else { pendingHyphen = true }
                } else if folded.properties.isAlphabetic && !isMark(folded) {
                    for lower in folded.properties.lowercaseMapping.unicodeScalars { append(lower) }
                } else if isMark(folded) {
                    continue
                } else {
                    pendingHyphen = true
                }
            }
        }
        if out.isEmpty { return "unknown" }
        if let first = out.unicodeScalars.first, !(first.properties.isAlphabetic && !isMark(first)) {
            out = "n-" + out
        }
        return out
    }

    private static func isMark(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// A scalar as base letters: the table's spelling for letters that do not decompose
    /// (æ, ø, ß, ł...), otherwise its compatibility decomposition (which splits ﬁ, ĳ and
    /// accented letters into base and marks; the marks are then dropped).
    private static func fold(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        if let spelled = spelledOut[scalar] { return Array(spelled.unicodeScalars) }
        let decomposed = Array(String(scalar).decomposedStringWithCompatibilityMapping.unicodeScalars)
        // Only a decomposition into Latin letters is used: й, ё, ά stay letters of their own.
        guard decomposed.allSatisfy({ $0.isASCII || isMark($0) || spelledOut[$0] != nil }) else { return [scalar] }
        return decomposed.flatMap { s -> [Unicode.Scalar] in
            if let spelled = spelledOut[s] { return Array(spelled.unicodeScalars) }
            return [s]
        }
    }

    /// Latin letters without a decomposition, spelled as their usual transcription.
    private static let spelledOut: [Unicode.Scalar: String] = [
        "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ß": "ss", "ẞ": "ss", "ø": "o", "Ø": "o",
        "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th",
        "ı": "i", "ħ": "h", "Ħ": "h", "ŧ": "t", "Ŧ": "t", "ŀ": "l", "Ŀ": "l", "ŉ": "n",
        "ŋ": "ng", "Ŋ": "ng", "ĸ": "k", "ſ": "s",
    ]
}
