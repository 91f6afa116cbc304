/// Cleans the scanned text of a body: footnote markers (³ ¹⁸ ^{as} ^o), markdown (** and
/// *italics*) and the escaped dollar sign go; page breaks are rejoined ("suc-" + "ceed",
/// "rep-" + "representatives"). Linear scans, no regexes.
enum BodyText {
    /// One paragraph cleaned of markers and markdown (a single pass over the UTF-8 bytes).
    static func clean(_ raw: some StringProtocol) -> String {
        // Every body line comes through here and most have nothing to clean: those are
        // returned as they are instead of being copied byte by byte twice.
        if raw.utf8.withContiguousStorageIfAvailable({ needsCleaning($0) }) == false { return String(raw) }
        var out: [UInt8] = []
        var bytes: [UInt8] = Array(raw.utf8)
        out.reserveCapacity(bytes.count)
        let n = bytes.count
        var i = 0
        func isWordByte(_ b: UInt8) -> Bool { DateText.isLetter(b) || DateText.isDigit(b) }
        while i < n {
            let b = bytes[i]
            // superscript digits: ¹ ² ³ (C2 B9/B2/B3), ⁰ ⁴-⁹ (E2 81 B0, B4-B9)
            if b == 0xC2, i + 1 < n, bytes[i + 1] == 0xB9 || bytes[i + 1] == 0xB2 || bytes[i + 1] == 0xB3 { i += 2; continue }
            if b == 0xE2, i + 2 < n, bytes[i + 1] == 0x81, bytes[i + 2] == 0xB0 || (bytes[i + 2] >= 0xB4 && bytes[i + 2] <= 0xB9) { i += 3; continue }
            if b == 0x5E { // ^{...} or ^word
                if i + 1 < n, bytes[i + 1] == 0x7B {
                    var j = i + 2
                    while j < n, bytes[j] != 0x7D { j += 1 }
                    i = min(j + 1, n)
                    continue
                }
                var j = i + 1
                while j < n, isWordByte(bytes[j]) { j += 1 }
                i = j
                continue
            }
            if b == 0x2A { i += 1; continue } // markdown * and **
            if b == 0x5C, i + 1 < n, [0x24, 0x2A, 0x5F, 0x23, 0x5B, 0x5D].contains(bytes[i + 1]) { out.append(bytes[i + 1]); i += 2; continue }
            out.append(b)
            i += 1
        }
        bytes.removeAll()
        var lo = 0, hi = out.count
        while lo < hi, out[lo] == 0x20 || out[lo] == 0x09 { lo += 1 }
        while hi > lo, out[hi - 1] == 0x20 || out[hi - 1] == 0x09 { hi -= 1 }
        return String(decoding: out[lo..<hi], as: UTF8.self)
    }

    /// True when `clean` could change the line: spaces or tabs at either end, a caret,
    /// asterisk or backslash, or the lead bytes of a superscript digit (C2 B9/B2/B3, E2 81).
    /// Every body line is tested: ASCII words without a marker are passed eight bytes at a
    /// time (`ByteScan`); the rest byte by byte from the first word that may hold one.
    /// - Complexity: O(n) in the bytes of the line.
    static func needsCleaning(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = utf8.count
        guard n > 0, let base = utf8.baseAddress else { return false }
        let first = base[0], last = base[n - 1]
        if first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 { return true }
        var i = 0
        while i + 8 <= n {
            let w = ByteScan.word(base, i)
            let marks = ByteScan.bytes(w, equalTo: 0x5E) | ByteScan.bytes(w, equalTo: 0x2A) | ByteScan.bytes(w, equalTo: 0x5C)
            if marks | (w & ByteScan.highBits) != 0 { break }
            i += 8
        }
        // The byte before `i` is ASCII (or there is none): no superscript's lead byte.
        var previous: UInt8 = 0
        while i < n {
            let b = base[i]
            if b == 0x5E || b == 0x2A || b == 0x5C { return true }
            if previous == 0xC2, b == 0xB9 || b == 0xB2 || b == 0xB3 { return true }
            if previous == 0xE2, b == 0x81 { return true }
            previous = b
            i += 1
        }
        return false
    }

    /// True when a paragraph stops mid-sentence: a long line, not in capitals, ending in a
    /// letter, a digit, a comma or a hyphen (short lines are titles, addresses and names).
    static func endsOpen(_ cleaned: String) -> Bool {
        let u = cleaned.utf8
        guard let last = u.last else { return false }
        // A word broken by a hyphen at the end always goes on; other lines only when long.
        if last == 0x2D, u.count > 12, !cleaned.hasSuffix(" -") { return !HeaderText.isMostlyUpper(cleaned) }
        guard u.count > 60 else { return false }
        let open = DateText.isLetter(last) || DateText.isDigit(last) || last == 0x2C || last == 0x2D
            || (last >= 0x80 && last <= 0xBF && !cleaned.hasSuffix("”") && !cleaned.hasSuffix("’"))
        return open && !HeaderText.isMostlyUpper(cleaned)
    }

    /// True when a paragraph starts with a lower-case letter (the rest of a sentence).
    static func startsLower(_ cleaned: String) -> Bool {
        let bytes = Array(cleaned.utf8.prefix(8))
        // "(a) At the Crimea Conference ...": an enumeration, not a continuation.
        if bytes.count >= 3, bytes[0] == 0x28, DateText.isLetter(bytes[1]), bytes[2] == 0x29 { return false }
        for b in bytes {
            if b == 0x22 || b == 0x27 || b == 0x28 || b == 0xE2 || b == 0x80 || b == 0x9C || b == 0x98 { continue }
            return b >= 0x61 && b <= 0x7A
        }
        return false
    }

    /// Words that open a new sentence: after a paragraph that breaks off, a paragraph starting
    /// with one of them is not the rest of that sentence (a capitalised name or a number is).
    static let sentenceOpeners: Set<String> = ["I", "We", "It", "The", "This", "That", "These", "Those", "In", "As", "At",
                                               "On", "My", "Your", "Our", "Thank", "Please", "Allow", "There", "He", "She",
                                               "They", "You", "With", "After", "Since", "If", "When", "Accept", "Let", "May"]

    /// True when a paragraph opens a new sentence with one of `sentenceOpeners`.
    static func opensSentence(_ cleaned: String) -> Bool {
        let first = cleaned.prefix { $0.isLetter }
        return sentenceOpeners.contains(String(first))
    }

    /// Joins the continuation of a sentence broken by a page break onto its first part.
    static func join(_ first: String, _ rest: String) -> String {
        guard first.hasSuffix("-") else { return first + " " + rest }
        let stem = first.dropLast()
        let lastWord = stem.lastIndex(of: " ").map { stem[stem.index(after: $0)...] } ?? stem
        let nextWord = rest.firstIndex(of: " ").map { rest[..<$0] } ?? Substring(rest)
        // "rep-" + "representatives": the syllable was printed twice.
        if lastWord.count >= 2, nextWord.lowercased().hasPrefix(lastWord.lowercased()), nextWord.count > lastWord.count + 2 {
            return String(stem.dropLast(lastWord.count)) + rest
        }
        return String(stem) + rest
    }
}
