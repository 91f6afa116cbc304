import Foundation

/// Recognises and reads message headers of the telegram text in all their forms: bold or
/// plain, one line or several ("PERSONAL AND SECRET MESSAGE / FROM PREMIER J. V. STALIN /
/// TO THE PRIME MINISTER, Mr W. CHURCHILL"), "J. V. STALIN TO W. CHURCHILL",
/// "FOR X FROM Y", "REPLY FROM X TO MESSAGE FROM Y", "TO Mr ..." without a sender, and
/// classification lines standing apart ("MOST SECRET", "COPY. SECRET").
struct HeaderText: Sendable {
    /// Header text with markdown and stray leading punctuation removed, on one line.
    var text: String
    /// Sender names found after FROM (or before TO in "X TO Y"), in order.
    var senders: [String] = []
    /// Addressees after TO / FOR, in header order.
    var recipients: [String] = []
    /// Segments naming someone the table does not know (kept to add them as new people).
    var unknownRecipientSegments: [String] = []
    var unknownSenderSegments: [String] = []
    /// Lower-case classification ("personal and secret"), "" when none.
    var classification: String = ""

    static let classificationWords: Set<String> = ["PERSONAL", "SECRET", "MOST", "AND", "COPY", "MESSAGE",
                                                   "STRICTLY", "CONFIDENTIAL", "TOP", "URGENT"]
    static let keywords: Set<String> = ["FROM", "TO", "FOR"]

    /// Markdown bold and leading stray punctuation removed, whitespace collapsed.
    static func clean(_ raw: some StringProtocol) -> String {
        var out: [UInt8] = []
        for b in raw.utf8 {
            let c: UInt8 = (b == 0x2A || b == 0x09) ? 0x20 : b
            if c == 0x20, out.last == 0x20 || out.isEmpty { continue }
            if out.isEmpty, c == 0x2E { continue }
            out.append(c)
        }
        while out.last == 0x20 { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }

    /// Words of a header, trailing commas and periods removed ("CHURCHILL," -> "CHURCHILL").
    static func words(_ text: String) -> [Substring] {
        SpaceSplitter.words(text).map { w in
            var w = w
            // Byte test first: after an ASCII byte, a final ASCII byte is a Character of its own.
            while let l = w.utf8.last, l == 0x2C || l == 0x2E || l == 0x3B || l == 0x3A {
                let u = w.utf8
                let lastIndex = u.index(before: u.endIndex)
                if lastIndex != u.startIndex, u[u.index(before: lastIndex)] >= 0x80 {
                    guard let c = w.last, c == "," || c == "." || c == ";" || c == ":" else { break }
                }
                w = w.dropLast()
            }
            return w
        }
    }

    /// True for a line such as "PERSONAL AND SECRET", "MOST SECRET", "COPY. SECRET", "MESSAGE".
    static func isClassificationOnly(_ cleaned: String) -> Bool {
        let tokens = PersonMatcher.tokens(cleaned)
        guard !tokens.isEmpty, cleaned.hasAtMostCharacters(60), isMostlyUpper(cleaned) else { return false }
        guard tokens.allSatisfy({ classificationWords.contains($0) }) else { return false }
        return true
    }

    /// Share of upper-case letters among letters; "Mr" and "Mr." count as upper case.
    /// Works on the UTF-8 bytes; letters outside ASCII count as lower case.
    /// Runs on every line of every paragraph: the bytes are read from the text's contiguous
    /// storage, since iterating a generic UTF-8 view costs several times more per byte.
    static func isMostlyUpper(_ text: some StringProtocol) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { isMostlyUpper(bytes: $0) }
            ?? Array(text.utf8).withUnsafeBufferPointer { isMostlyUpper(bytes: $0) }
    }

    static func isMostlyUpper(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var upper = 0, letters = 0
        var previous: UInt8 = 0
        // More lower-case letters than 15% of all bytes: cannot be mostly upper case.
        let limit = bytes.count * 15 / 100 + 1
        for b in bytes {
            if letters - upper > limit { return false }
            if b >= 0x41 && b <= 0x5A {
                upper += 1; letters += 1
            } else if b >= 0x61 && b <= 0x7A {
                letters += 1
                if b == 0x72 && previous == 0x4D { upper += 1 }
            } else if b >= 0xC3 && b <= 0xC5 {
                letters += 1
            }
            previous = b
        }
        return letters > 0 && Double(upper) >= 0.85 * Double(letters)
    }

    /// True when a paragraph reads as (part of) a header: mostly upper case, short, and with
    /// FROM / TO / FOR, or a classification line, or a lone "MESSAGE".
    static func isHeaderLike(_ cleaned: String) -> Bool {
        guard !cleaned.isEmpty, cleaned.utf8.count <= 300, isMostlyUpper(cleaned) else { return false }
        if isClassificationOnly(cleaned) { return true }
        guard isMostlyUpper(cleaned) else { return false }
        // FROM / TO / FOR as whole words in capitals
        return SpaceSplitter.words(cleaned).contains { w in
            let bare = w.utf8.last.map { $0 == 0x2C || $0 == 0x2E } == true ? w.dropLast() : w
            return bare == "FROM" || bare == "TO" || bare == "FOR"
        }
    }

    /// Reads the header paragraphs (already known to be header-like) of one message.
    init(paragraphs: [String], matcher: PersonMatcher) {
        var classifications: [String] = []
        var main: [String] = []
        for p in paragraphs {
            if HeaderText.isClassificationOnly(p) && !HeaderText.words(p).contains(where: { HeaderText.keywords.contains(String($0)) }) {
                classifications.append(p)
            } else {
                main.append(p)
            }
        }
        text = main.joined(separator: " ")
        let ws = HeaderText.words(text)
        // Split into a prefix and keyword segments.
        var prefix: [Substring] = []
        var segments: [(keyword: String, words: [Substring])] = []
        var i = 0
        while i < ws.count {
            let w = String(ws[i])
            if HeaderText.keywords.contains(w) {
                // "TO MESSAGE FROM PRESIDENT ROOSEVELT": the addressee of a reply.
                if w == "TO", i + 2 < ws.count, ws[i + 1] == "MESSAGE", ws[i + 2] == "FROM" {
                    segments.append(("TO", []))
                    i += 3
                    continue
                }
                segments.append((w, []))
            } else if segments.isEmpty {
                prefix.append(ws[i])
            } else {
                segments[segments.count - 1].words.append(ws[i])
            }
            i += 1
        }
        // The raw (unsplit) text of each segment is needed for commas: rebuild from the
        // original words, keeping punctuation.
        let prefixText = prefix.joined(separator: " ")
        let prefixPeople = matcher.people(in: prefixText)
        if !prefixPeople.isEmpty, !segments.isEmpty {
            senders = prefixPeople
        } else {
            classifications.insert(prefixText, at: 0)
        }
        for segment in segments {
            let segmentText = segment.words.joined(separator: " ")
            let people = matcher.people(in: segmentText)
            if segment.keyword == "FROM" {
                if people.isEmpty, !segmentText.isEmpty { unknownSenderSegments.append(segmentText) }
                senders += people.filter { !senders.contains($0) }
            } else {
                if people.isEmpty, !segmentText.isEmpty { unknownRecipientSegments.append(segmentText) }
                recipients += people.filter { !recipients.contains($0) }
            }
        }
        classification = classifications.lazy.map(HeaderText.normalisedClassification).first { !$0.isEmpty } ?? ""
    }

    /// "PERSONAL AND SECRET MESSAGE" -> "personal and secret"; "COPY. SECRET" -> "secret";
    /// "PERSONAL, MOST SECRET" -> "personal, most secret"; "MESSAGE" -> "".
    static func normalisedClassification(_ raw: String) -> String {
        var kept: [String] = []
        for word in SpaceSplitter.words(raw) {
            let bare = PersonMatcher.tokens(word)
            if bare.isEmpty || bare == ["MESSAGE"] || bare == ["REPLY"] || bare == ["COPY"] { continue }
            kept.append(String(word))
        }
        var bytes = Array(kept.joined(separator: " ").utf8).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        while let l = bytes.last, l == 0x2C || l == 0x2E || l == 0x20 || l == 0x3A { bytes.removeLast() }
        while let f = bytes.first, f == 0x2C || f == 0x2E || f == 0x20 { bytes.removeFirst() }
        let s = String(decoding: bytes, as: UTF8.self)
        guard PersonMatcher.tokens(s).allSatisfy({ classificationWords.contains($0) }) else { return "" }
        return s
    }
}
