import Foundation

/// Finds the mentions of other messages by date in a body line: "your message of May 11",
/// "your messages of April 10 and 11" (two), "received on November 25", "Your message of
/// September 8 reached me on September 9" (one `of`, one `received`), "my message of
/// August 7", "in answer to mine of January 11th", "transmitted / handed / delivered /
/// communicated on D" (received), "his March 21 message" (other).
///
/// The year of a date without one is inferred from the message's own date: the latest such
/// day not after it (so a December reference in a January message falls in the year before).
struct ReferenceFinder: Sendable {
    /// Words that name a message or stand for one.
    static let nouns: Set<String> = ["message", "messages", "letter", "letters", "telegram", "telegrams",
                                     "communication", "communications", "reply", "replies", "note", "memorandum",
                                     "mémoire", "memoire", "aide-mémoire", "aide-memoire", "documents", "yours", "mine", "one", "that", "notes"]
    /// Verbs that say when a message arrived.
    static let receiveVerbs: Set<String> = ["received", "receive", "reached", "delivered", "handed", "transmitted",
                                            "communicated", "arrived", "hand", "receipt", "reach"]
    static let sendVerbs: Set<String> = ["wrote", "sent", "write", "written", "despatched", "dispatched"]

    /// People of the table, to tell a third party's message ("Mr Churchill's message") from the
    /// recipient's.
    var matcher: PersonMatcher
    /// Person ids that are correspondents of the corpus (senders or recipients of some message).
    var correspondents: Set<String>
    /// Ids of people whose role is a presidency, for "the President's message".
    var presidents: Set<String>

    private struct Word {
        var text: String      // lower-case letters, apostrophes kept
        var start: Int        // byte offsets in the line
        var end: Int
        /// Which of the word sets the text belongs to (`nounBit`, ...), looked up once when the
        /// word is cut: the clauses test the same words against the sets many times.
        var kind: UInt8 = 0

        var isNoun: Bool { kind & ReferenceFinder.nounBit != 0 }
        var isSingularNoun: Bool { kind & ReferenceFinder.singularBit != 0 }
        var isReceiveVerb: Bool { kind & ReferenceFinder.receiveBit != 0 }
        var isSendVerb: Bool { kind & ReferenceFinder.sendBit != 0 }
    }

    private static let nounBit: UInt8 = 1, singularBit: UInt8 = 2, receiveBit: UInt8 = 4, sendBit: UInt8 = 8
    /// The sets a word of `nouns`, `singularNouns`, `receiveVerbs` or `sendVerbs` belongs to.
    private static let wordKinds: [String: UInt8] = {
        var kinds: [String: UInt8] = [:]
        for w in nouns { kinds[w, default: 0] |= nounBit }
        for w in singularNouns { kinds[w, default: 0] |= singularBit }
        for w in receiveVerbs { kinds[w, default: 0] |= receiveBit }
        for w in sendVerbs { kinds[w, default: 0] |= sendBit }
        return kinds
    }()
    /// First byte and byte length (below 16) of each word of `wordKinds`, at `first * 16 + length`:
    /// a word of another shape is in none of the sets, and is not looked up.
    private static let kindShapes: [Bool] = {
        var shapes = [Bool](repeating: false, count: 256 * 16)
        for w in wordKinds.keys {
            let u = Array(w.utf8)
            precondition(u.count < 16, "a word set member too long for kindShapes")
            shapes[Int(u[0]) * 16 + u.count] = true
        }
        return shapes
    }()

    /// References in one line of a message written by `sender` to `recipients`, dated about `anchor`.
    ///
    /// - Complexity: O(length of the line); called once per body line, so O(corpus size) in all.
    func references(in line: String, lineNumber: Int, sender: String, recipients: [String], anchor: Day?) -> [Reference] {
        var line = line
        return line.withUTF8 { p in
            references(in: p, lineNumber: lineNumber, sender: sender, recipients: recipients, anchor: anchor)
        }
    }

    private func references(in p: UnsafeBufferPointer<UInt8>, lineNumber: Int, sender: String, recipients: [String],
                            anchor: Day?) -> [Reference] {
        guard p.count > 8 else { return [] }
        var mentions: [DateText.Mention] = []
        var nounsAt: [(Int, Int)] = []
        // One pass over the word starts that may matter: a mention starts at a word in capitals
        // followed by a day (none in a line without a digit; after one, the next is looked for
        // past its end); a message noun at a lower-case word of a noun's first letter. Most lines
        // have neither, and are neither copied nor looked at word by word.
        let datesMayBe = ByteScan.containsDigit(p)
        var resume = 0
        ByteScan.forEachWordStart(in: p, selecting: { w in
            ReferenceFinder.possibleNounStarts(w) | (datesMayBe ? ByteScan.asciiCapitals(w) : 0)
        }) { i in
            let b = p[i]
            if b >= 0x61 {
                if let end = ReferenceFinder.singularNounEnd(p, at: i) { nounsAt.append((i, end)) }
                return
            }
            if i >= resume, let m = DateText.mention(in: p, at: i) {
                mentions.append(m)
                // "April 10 and 11", "February 2 and 3"
                var j = m.end
                let andText = ReferenceFinder.andBytes
                if m.year == nil, j + andText.count < p.count, p[j..<(j + andText.count)].elementsEqual(andText) {
                    j += andText.count
                    var day = 0, n = 0
                    while j < p.count, DateText.isDigit(p[j]), n < 3 { day = day * 10 + Int(p[j] - 0x30); j += 1; n += 1 }
                    if n >= 1, n <= 2, j >= p.count || !DateText.isLetter(p[j]) || (j + 1 < p.count && ["st", "nd", "rd", "th"].contains(String(decoding: p[j..<(j + 2)], as: UTF8.self))) {
                        var extra = m
                        extra.start = m.start
                        extra.end = j
                        extra.day = day
                        mentions.append(extra)
                    }
                }
                resume = m.end
            }
        }
        guard !mentions.isEmpty || !nounsAt.isEmpty else { return [] }
        let bytes = Array(p)
        // Words only of the clauses that matter: around each date and each message noun.
        var ranges = mentions.map { ReferenceFinder.clause(bytes, around: $0.start, end: $0.end) }
        ranges += nounsAt.map { ReferenceFinder.clause(bytes, around: $0.0, end: $0.1) }
        ranges.sort { $0.0 < $1.0 }
        var words: [Word] = []
        var covered = 0
        for (lo, hi) in ranges where hi > covered {
            words += ReferenceFinder.words(bytes, from: max(lo, covered), to: hi)
            covered = hi
        }
        var found: [Reference] = []
        var seen = Set<Reference.Sameness>()
        for mention in mentions {
            guard let ref = reference(for: mention, bytes: bytes, words: words, line: lineNumber, sender: sender,
                                      recipients: recipients, anchor: anchor) else { continue }
            if seen.insert(ref.sameness).inserted { found.append(ref) }
        }
        found += undatedReferences(bytes: bytes, words: words, mentions: mentions, line: lineNumber, sender: sender, recipients: recipients)
        return found
    }

    /// Singular nouns for an undated reference ("your message on the Polish question").
    static let singularNouns: Set<String> = ["message", "letter", "telegram", "communication", "reply"]

    /// References without a date, listed only when they point to one message ("your message",
    /// "my previous message", "the message about the Scharnhorst"); plural ones ("both your
    /// messages") and clauses that carry a dated reference are left out. One per clause.
    private func undatedReferences(bytes: [UInt8], words: [Word], mentions: [DateText.Mention], line: Int,
                                   sender: String, recipients: [String]) -> [Reference] {
        var out: [Reference] = []
        var usedClauses = Set<Int>()
        for (i, w) in words.enumerated() where w.isSingularNoun {
            // a determiner naming whose message it is, within three words before
            var k = i - 1
            var determiner: Int?
            while k >= 0, i - k <= 3 {
                let t = words[k].text
                if ["your", "my", "the", "his"].contains(t) || t.hasSuffix("'s") { determiner = k; break }
                if words[k].isNoun || words[k].isReceiveVerb { break }
                k -= 1
            }
            guard let d = determiner else { continue }
            if i + 1 < words.count, words[i + 1].text == "s" { continue }
            let (cStart, cEnd) = ReferenceFinder.clause(bytes, around: w.start, end: w.end)
            guard !usedClauses.contains(cStart) else { continue }
            if ReferenceFinder.hasMention(mentions, within: cStart, cEnd) { continue }
            // "this message", "the message will be recorded": the writer's own text, not a reference
            if words[d].text == "the", i + 1 < words.count, ["will", "is", "was"].contains(words[i + 1].text) { continue }
            usedClauses.insert(cStart)
            let clause = Array(ReferenceFinder.words(words, from: cStart, to: cEnd))
            let before = Array(words[ReferenceFinder.firstWord(words, from: cStart)..<max(i, ReferenceFinder.firstWord(words, from: cStart))])
            var whose = owner(of: words, noun: i, sender: sender, recipients: recipients)
            if whose == nil { whose = clauseOwner(clause, before: Array(before), nounStart: w.start) }
            let received = clause.contains { $0.isReceiveVerb }
            let end = words[i...].prefix { $0.end <= cEnd }.prefix(8).last?.end ?? w.end
            out.append(make(nil, relation: received ? .received : .of, whose: whose ?? .yours, bytes: bytes,
                            start: words[d].start, end: end, line: line, anchor: nil))
        }
        return out
    }

    /// The high bit set in the bytes of `word` that may start a singular message noun
    /// (`singularNounEnd`): m, l, t, c or r, followed by e or o ("message", "letter",
    /// "telegram", "communication", "reply"). The last byte's follower is in the next word, so
    /// the last byte is kept on its first letter alone.
    @inline(__always)
    private static func possibleNounStarts(_ word: UInt64) -> UInt64 {
        let first = ByteScan.bytes(word, equalTo: 0x6D) | ByteScan.bytes(word, equalTo: 0x6C) | ByteScan.bytes(word, equalTo: 0x74)
            | ByteScan.bytes(word, equalTo: 0x63) | ByteScan.bytes(word, equalTo: 0x72)
        let followed = (ByteScan.bytes(word, equalTo: 0x65) | ByteScan.bytes(word, equalTo: 0x6F)) >> 8 | (0x80 << 56)
        return first & followed
    }

    /// The bytes of " and " (in "April 10 and 11").
    private static let andBytes = Array(" and ".utf8)

    /// Where the singular message noun ("message", "letter", "telegram", "communication",
    /// "reply") that starts at word start `start` ends, when the word is one of them; else nil.
    /// The noun must be the whole word: a non-letter (or the end) follows it.
    /// - Complexity: O(1): the first letter picks the one noun it can be; its bytes are compared
    ///   with the noun's static bytes only when the word has the noun's length. No reference
    ///   counting: called at every lower-case word start of every body line (issue 13).
    private static func singularNounEnd(_ p: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        let noun: StaticString
        switch p[start] {
        case 0x6D: noun = "message"
        case 0x6C: noun = "letter"
        case 0x74: noun = "telegram"
        case 0x63: noun = "communication"
        case 0x72: noun = "reply"
        default: return nil
        }
        let length = noun.utf8CodeUnitCount, end = start + length
        guard end <= p.count, end == p.count || !DateText.isLetter(p[end]) else { return nil }
        for k in 1..<length where p[start + k] != noun.utf8Start[k] { return nil }
        return end
    }

    private static func words(_ bytes: [UInt8], from lo: Int = 0, to hi: Int? = nil) -> [Word] {
        let bytes = bytes[..<(hi ?? bytes.count)]
        var out: [Word] = []
        // One buffer for the lower-case bytes of every word (not an array per word).
        var lowered: [UInt8] = []
        lowered.reserveCapacity(32)
        var i = lo
        func isAlnum(_ b: UInt8) -> Bool { DateText.isLetter(b) || DateText.isDigit(b) }
        func isLead(_ k: Int) -> Bool { k + 1 < bytes.count && bytes[k] >= 0xC3 && bytes[k] <= 0xC5 && bytes[k + 1] >= 0x80 && bytes[k + 1] <= 0xBF }
        while i < bytes.count {
            guard isAlnum(bytes[i]) || isLead(i) else { i += 1; continue }
            let start = i
            while i < bytes.count {
                if isAlnum(bytes[i]) { i += 1; continue }
                if isLead(i) { i += 2; continue }
                // inner apostrophe or hyphen followed by a letter
                if (bytes[i] == 0x27 || bytes[i] == 0x2D), i + 1 < bytes.count, isAlnum(bytes[i + 1]) || isLead(i + 1) { i += 1; continue }
                if i + 3 < bytes.count, bytes[i] == 0xE2, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99, isAlnum(bytes[i + 3]) { i += 3; continue }
                break
            }
            lowered.removeAll(keepingCapacity: true)
            var k = start
            while k < i {
                let b = bytes[k]
                if b == 0xE2, k + 2 < i, bytes[k + 1] == 0x80, bytes[k + 2] == 0x99 { lowered.append(0x27); k += 3; continue }
                lowered.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
                k += 1
            }
            let text = String(decoding: lowered, as: UTF8.self)
            let kind = lowered.count < 16 && kindShapes[Int(lowered[0]) * 16 + lowered.count] ? wordKinds[text] ?? 0 : 0
            out.append(Word(text: text, start: start, end: i, kind: kind))
        }
        return out
    }

    private static let abbreviations: Set<String> = ["mr", "mrs", "dr", "st", "messrs", "gen", "col", "no", "u", "s", "a", "v", "m", "r", "i", "d", "f", "j", "h", "c", "w", "e"]
    /// `abbreviations` as their lower-case bytes packed into an integer (`packedWord`), so that
    /// a period's word is looked up without making a String of it (every period of every clause
    /// looked at).
    private static let packedAbbreviations: Set<UInt64> = Set(abbreviations.map { packedWord($0.utf8) })

    /// Up to eight ASCII bytes, lower-cased, packed little end first (a word of letters only).
    @inline(__always)
    private static func packedWord<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var packed: UInt64 = 0, shift: UInt64 = 0
        for b in bytes {
            packed |= UInt64(b >= 0x41 && b <= 0x5A ? b + 0x20 : b) << shift
            shift += 8
        }
        return packed
    }

    /// Index of the first of `words` (in text order, not overlapping) that starts at or after
    /// `position`, by binary search.
    private static func firstWord(_ words: [Word], from position: Int) -> Int {
        var lo = 0, hi = words.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if words[mid].start < position { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The words lying wholly inside `from..<to`: a slice found by binary search, so that each
    /// clause costs its own words, not the paragraph's.
    private static func words(_ words: [Word], from lower: Int, to upper: Int) -> ArraySlice<Word> {
        let first = firstWord(words, from: lower)
        var end = first
        while end < words.count, words[end].end <= upper { end += 1 }
        return words[first..<end]
    }

    /// Whether a date mention lies inside `start..<end`. `mentions` are in text order (by
    /// start), so this is a binary search and a walk through the mentions of one clause, not a
    /// pass over every date of the line (quadratic in a line of thousands of dates).
    static func hasMention(_ mentions: [DateText.Mention], within start: Int, _ end: Int) -> Bool {
        var lo = 0, hi = mentions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if mentions[mid].start < start { lo = mid + 1 } else { hi = mid }
        }
        var k = lo
        while k < mentions.count, mentions[k].start < end {
            if mentions[k].end <= end { return true }
            k += 1
        }
        return false
    }

    /// Longest reach of a clause on either side of what it is around, in bytes: far longer
    /// than any sentence of a letter, and a bound on the work for a paragraph of megabytes
    /// without a full stop (a search per date or noun there was quadratic).
    static let maxClauseReach = 2_000

    /// Byte range of the sentence (or clause after a semicolon) around `position`, at most
    /// `maxClauseReach` bytes either side.
    static func clause(_ bytes: [UInt8], around position: Int, end: Int) -> (Int, Int) {
        func isBoundary(_ k: Int) -> Bool {
            let b = bytes[k]
            if b == 0x3B || b == 0x3F || b == 0x21 { return true }
            guard b == 0x2E else { return false }
            // a period ends a sentence unless it closes an abbreviation or an initial
            var s = k
            while s > 0, k - s < 8, DateText.isLetter(bytes[s - 1]) { s -= 1 }
            if s == k { return false }
            if k - s > 6 { return true }   // longer than any abbreviation
            return !packedAbbreviations.contains(packedWord(bytes[s..<k]))
        }
        var start = position
        while start > 0, position - start < maxClauseReach {
            if isBoundary(start - 1), start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x22 { break }
            start -= 1
        }
        var stop = end
        while stop < bytes.count, stop - end < maxClauseReach {
            if isBoundary(stop), stop + 1 >= bytes.count || bytes[stop + 1] == 0x20 || bytes[stop + 1] == 0x22 { break }
            stop += 1
        }
        return (start, stop)
    }

    private func reference(for m: DateText.Mention, bytes: [UInt8], words: [Word], line: Int, sender: String,
                           recipients: [String], anchor: Day?) -> Reference? {
        let (cStart, cEnd) = ReferenceFinder.clause(bytes, around: m.start, end: m.end)
        let before = Array(ReferenceFinder.words(words, from: cStart, to: m.start))
        let after = Array(ReferenceFinder.words(words, from: m.end, to: cEnd))
        let clauseWords = before + after
        guard !before.isEmpty || !after.isEmpty else { return nil }
        let previous = before.last?.text ?? ""
        let isNoun: (Word) -> Bool = { $0.isNoun }

        var relation: ReferenceRelation
        var ownerNoun: Int?          // index into `before` or encoded after (negative = after)
        var ownerInAfter: Int?
        var phraseStart = m.start
        var phraseEnd = m.end

        if previous == "of" || previous == "dated" {
            // the noun just before "of" (skipping one-letter marker debris such as "^o")
            var k = before.count - 2
            while k >= 0, before[k].text.count == 1 { k -= 1 }
            if previous == "of", k >= 0, isNoun(before[k]) {
                ownerNoun = k
                relation = .of
            } else if previous == "dated", let n = (max(0, k - 6)...max(0, k)).reversed().first(where: { $0 < before.count && $0 >= 0 && isNoun(before[$0]) }) {
                ownerNoun = n
                relation = .of
            } else if let n = before.lastIndex(where: isNoun),
                      before[(n + 1)...].contains(where: { $0.isReceiveVerb }) {
                ownerNoun = n
                relation = .received
            } else {
                return nil
            }
            // a receive verb between the noun and this date makes it the arrival date
            if let n = ownerNoun, before[(n + 1)...].contains(where: { $0.isReceiveVerb }) {
                relation = .received
            }
        } else if previous == "on" || previous == "today" || previous == "until" {
            let verbBefore = before.lastIndex { w in
                // Only a verb can be the one (the cheap test first; the others have no effects).
                guard w.isReceiveVerb || w.isSendVerb else { return false }
                let index = before.firstIndex(where: { $0.start == w.start }) ?? 0
                let distance = before.count - 1 - index
                // no other date between the verb and this one ("did not reach me until April 27, whereas on April 25")
                if before[(index + 1)...].contains(where: { DateText.month($0.text) != nil }) { return false }
                return (w.isReceiveVerb && distance <= 10) || (w.isSendVerb && distance <= 7)
            }
            if let v = verbBefore {
                relation = before[v].isSendVerb ? .of : .received
                ownerNoun = before[(v + 1)...].firstIndex(where: isNoun) ?? before[..<v].lastIndex(where: isNoun)
                if ownerNoun == nil { ownerInAfter = after.firstIndex(where: isNoun) }
                if ownerNoun == nil, ownerInAfter == nil, !before[v].isSendVerb { return nil }
            } else if before.count <= 2, let v = after.firstIndex(where: { $0.isReceiveVerb }) {
                // "On February 12 I received your message ...", "on November 2 Mr X delivered ..."
                relation = .received
                guard let n = after.firstIndex(where: isNoun) else { return nil }
                ownerInAfter = n
                phraseStart = before.first?.start ?? m.start
                phraseEnd = max(after[n].end, after[v].end)
                // A correspondent other than the addressee named as the subject: a third party's message.
                let subject = String(decoding: bytes[m.end..<after[v].start], as: UTF8.self)
                let named = matcher.people(in: subject)
                if named.contains(where: { correspondents.contains($0) && !recipients.contains($0) && $0 != sender }) {
                    return make(m, relation: relation, whose: .other, bytes: bytes, start: phraseStart, end: phraseEnd, line: line, anchor: anchor)
                }
            } else if let v = after.prefix(14).firstIndex(where: { ($0.text == "sent" || $0.text == "wrote") }), v > 0, after[v - 1].text == "i" {
                // "on June 6, in reply to a message from Mr Churchill I sent the following message"
                return make(m, relation: .of, whose: .mine, bytes: bytes, start: before.last?.start ?? m.start, end: after[v].end, line: line, anchor: anchor)
            } else {
                return nil
            }
        } else if let first = after.first, first.start - m.end <= 1, isNoun(first) {
            // "his March 21 message"
            relation = .of
            ownerInAfter = 0
            phraseEnd = first.end
        } else {
            return nil
        }

        // Whose message: the determiner of the noun, then the clause.
        var whose: ReferenceOwner?
        if let n = ownerNoun {
            whose = owner(of: before, noun: n, sender: sender, recipients: recipients)
            phraseStart = min(phraseStart, phraseStartIndex(before, noun: n))
        } else if let n = ownerInAfter {
            whose = owner(of: after, noun: n, sender: sender, recipients: recipients)
            if phraseStart == m.start, let v = before.lastIndex(where: { $0.isReceiveVerb || $0.isSendVerb }) {
                phraseStart = before[max(0, v - 2)].start
            }
        }
        if whose == nil {
            let nounStart = ownerNoun.map { before[$0].start } ?? ownerInAfter.map { after[$0].start }
            whose = clauseOwner(clauseWords, before: before, nounStart: nounStart)
        }
        return make(m, relation: relation, whose: whose ?? .yours, bytes: bytes, start: phraseStart, end: phraseEnd, line: line, anchor: anchor)
    }

    private func phraseStartIndex(_ words: [Word], noun: Int) -> Int {
        var k = noun
        let determiners: Set<String> = ["your", "my", "his", "her", "the", "a", "both", "yours", "mine", "their", "our"]
        var lowest = words[noun].start
        while k >= 0, noun - k <= 3 {
            if determiners.contains(words[k].text) || words[k].text.hasSuffix("'s") { lowest = words[k].start }
            k -= 1
        }
        return lowest
    }

    /// The owner a noun's determiner names: "your" / "yours", "my" / "mine", "his", "X's".
    private func owner(of words: [Word], noun: Int, sender: String, recipients: [String]) -> ReferenceOwner? {
        switch words[noun].text {
        case "yours": return .yours
        case "mine": return .mine
        default: break
        }
        var k = noun - 1
        while k >= 0, noun - k <= 4 {
            let w = words[k].text
            switch w {
            case "your", "yours", "you": return .yours
            case "my", "mine": return .mine
            case "his", "her", "their": return .other
            default:
                if w.hasSuffix("'s") {
                    let name = String(w.dropLast(2))
                    if name.hasSuffix("government") || name == "today" || name == "to-day" { return nil }
                    if name == "president" {
                        return recipients.contains(where: presidents.contains) ? .yours : .other
                    }
                    let named = matcher.people(in: name)
                    if let p = named.first {
                        if recipients.contains(p) { return .yours }
                        if p == sender { return .mine }
                    }
                    return .other
                }
            }
            if words[k].isReceiveVerb || words[k].isSendVerb { break }
            k -= 1
        }
        return nil
    }

    /// Owner from the clause when the noun has no determiner: "from Mr X" (a third party),
    /// "I wrote" (mine), "you wrote" / "from you" (yours).
    private func clauseOwner(_ clause: [Word], before: [Word], nounStart: Int?) -> ReferenceOwner? {
        for (k, w) in clause.enumerated() where (w.text == "by" || w.text == "from") && k + 1 < clause.count && clause[k + 1].text == "you" {
            return .yours
        }
        let nounIndex = nounStart.flatMap { n in clause.firstIndex { $0.start == n } }
        for (k, w) in clause.enumerated() where w.text == "from" && k + 1 < clause.count {
            if let n = nounIndex, abs(n - k) > 4 { continue }
            let next = clause[k + 1].text
            if next == "you" || next == "me" || next == "your" { return .yours }
            return .other
        }
        if let v = before.lastIndex(where: { $0.text == "wrote" || $0.text == "sent" }), v > 0 {
            switch before[v - 1].text {
            case "i", "we": return .mine
            case "you": return .yours
            default: return .other
            }
        }
        return nil
    }

    private func make(_ m: DateText.Mention?, relation: ReferenceRelation, whose: ReferenceOwner, bytes: [UInt8],
                      start: Int, end: Int, line: Int, anchor: Day?) -> Reference {
        let phrase = String(decoding: bytes[max(0, start)..<min(bytes.count, max(end, start))], as: UTF8.self)
        return Reference(phrase: phrase, whose: whose, relation: relation, date: m.flatMap { ReferenceFinder.infer($0, anchor: anchor) }, line: line)
    }

    /// The day a mention names; without a year, the latest such day not after `anchor`.
    static func infer(_ m: DateText.Mention, anchor: Day?) -> Day? {
        if let y = m.year { return Day(year: y, month: m.month, day: m.day) }
        guard let anchor else { return nil }
        if let same = Day(year: anchor.year, month: m.month, day: m.day), same <= anchor { return same }
        return Day(year: anchor.year - 1, month: m.month, day: m.day)
    }
}

extension Reference {
    /// What makes two references found in one message the same (its place aside): listed once.
    struct Sameness: Hashable {
        let whose: ReferenceOwner
        let date: Day?
        let relation: ReferenceRelation
        let phrase: String
    }

    var sameness: Sameness { Sameness(whose: whose, date: date, relation: relation, phrase: phrase) }
}
