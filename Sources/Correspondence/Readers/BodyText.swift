/// Cleans the scanned text of a body: footnote markers (³ ¹⁸ ^{as} ^o), markdown (** and
/// *italics*) and the escaped dollar sign go; page breaks are rejoined ("suc-" + "ceed",
/// "rep-" + "representatives"). Linear scans, no regexes.
enum BodyText {
    static let superscripts: Set<Character> = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]

    /// One paragraph cleaned of markers and markdown.
    static func clean(_ raw: some StringProtocol) -> String {
        var out = ""
        out.reserveCapacity(raw.utf8.count)
        var chars = Array(raw)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if superscripts.contains(c) { i += 1; continue }
            if c == "^" {
                // ^{...} or ^word marker
                if i + 1 < chars.count, chars[i + 1] == "{" {
                    var j = i + 2
                    while j < chars.count, chars[j] != "}" { j += 1 }
                    i = min(j + 1, chars.count)
                    continue
                }
                var j = i + 1
                while j < chars.count, chars[j].isLetter || chars[j].isNumber { j += 1 }
                i = j
                continue
            }
            if c == "*" { i += 1; continue }
            if c == "\\", i + 1 < chars.count, "$*_#[]".contains(chars[i + 1]) {
                out.append(chars[i + 1]); i += 2; continue
            }
            out.append(c)
            i += 1
        }
        chars.removeAll()
        return String(Substring(out).trimmingSpaces())
    }

    /// True when a paragraph stops mid-sentence: a long line ending in a letter, a digit or a
    /// hyphen (short lines are titles, addresses and names).
    static func endsOpen(_ cleaned: String) -> Bool {
        guard cleaned.count > 60, let last = cleaned.last else { return false }
        return last.isLetter || last.isNumber || last == "-" || last == "—"
    }

    /// True when a paragraph starts with a lower-case letter (the rest of a sentence).
    static func startsLower(_ cleaned: String) -> Bool {
        guard let first = cleaned.first(where: { !"\"“‘'(".contains($0) }) else { return false }
        return first.isLowercase
    }

    /// Joins the continuation of a sentence broken by a page break onto its first part.
    static func join(_ first: String, _ rest: String) -> String {
        guard first.hasSuffix("-") else { return first + " " + rest }
        let stem = String(first.dropLast())
        let lastWord = stem.split(separator: " ").last.map(String.init) ?? ""
        let nextWord = rest.split(separator: " ").first.map(String.init) ?? ""
        // "rep-" + "representatives": the syllable was printed twice.
        if lastWord.count >= 2, nextWord.lowercased().hasPrefix(lastWord.lowercased()), nextWord.count > lastWord.count + 2 {
            return String(stem.dropLast(lastWord.count)) + rest
        }
        return stem + rest
    }
}
