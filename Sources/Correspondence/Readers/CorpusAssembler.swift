import Foundation

/// Second pass of the telegram reader: turns drafts into messages with the decisions that
/// need the whole text (principal sender, neighbour bounds, fragment owners, duplicates,
/// references, ids). See `TelegramReader` for the conventions.
struct CorpusAssembler {
    var drafts: [Draft]
    var people: PersonTable
    var issues: [ReadIssue]

    /// What the body of an entry splits into.
    private struct BodyParts: Sendable {
        var address: String?
        var salutation: String?
        var paragraphs: [(text: String, line: Int)] = []
        var signature: [String] = []
    }

    /// How many later messages of the same writer, addressees and day each message is compared
    /// with for duplicates: all of them in any real group, a bound on a repeated block.
    static let duplicateWindow = 16

    /// The drafts as a corpus: people, senders and addressees, dates, fragments, references, ids.
    ///
    /// - Complexity: O(n log n) in drafts (passes over the drafts, hashed lookups, sorted
    ///   indexes for fragment owners and neighbouring dates; duplicates compared within a
    ///   window of `duplicateWindow`).
    mutating func assemble(sourceName: String, sourceHash: String) -> Corpus {
        let matcher0 = PersonMatcher.cached(for: people)
        // New people named in headers, made by the one identity rule (PersonResolver). The
        // surnames of each header's unknown names are read on all cores (each header alone);
        // who is new is settled in one pass in source order, so the same people in the same order.
        var resolver = PersonResolver(table: people)
        var newPeople: [String: String] = [:]
        let surnames = drafts.withUnsafeBufferPointer { buffer in
            let lent = UncheckedDrafts(buffer: buffer)
            // nil: a header without unknown names (or none), which is not read again below.
            return ConcurrentMap.map(count: buffer.count) { k -> [String]? in
                // Read in place: a copy of an entry would retain all its lines.
                guard let h = lent.buffer[k].header, !(h.unknownRecipientSegments.isEmpty && h.unknownSenderSegments.isEmpty) else { return nil }
                return (h.unknownRecipientSegments + h.unknownSenderSegments).compactMap { PersonMatcher.unknownSurname(in: $0) }
            }
        }
        var known = Set<String>()   // surnames the table as given already holds
        for k in surnames.indices {
            for surname in surnames[k] ?? [] where newPeople[surname] == nil && !known.contains(surname) {
                if matcher0.people(in: surname).isEmpty {
                    newPeople[surname] = resolver.resolve(name: surname)
                } else {
                    known.insert(surname)
                }
            }
        }
        people = resolver.table
        // The matcher of the table as given unless headers named someone new.
        let matcher = newPeople.isEmpty ? matcher0 : PersonMatcher(people: people)
        // Headers naming someone new are read again with the extended table. Each distinct
        // header text is read once (the same header repeats many times), on all cores; which
        // entries share one is settled in one pass. Each header is taken out of its draft
        // (moved, not copied: nothing reads it there again).
        var readingOf: [[String]: Int] = [:]
        var distinct: [Int] = []          // the first entry of each distinct header text
        var reading: [Int?] = []          // each entry's distinct header text, when read again
        reading.reserveCapacity(drafts.count)
        for k in drafts.indices {
            guard surnames[k] != nil else {
                reading.append(nil)
                continue
            }
            if let known = readingOf[drafts[k].headerParagraphs] {
                reading.append(known)
            } else {
                readingOf[drafts[k].headerParagraphs] = distinct.count
                reading.append(distinct.count)
                distinct.append(k)
            }
        }
        readingOf = [:]
        let firsts = distinct
        let reread = drafts.withUnsafeBufferPointer { buffer in
            let lent = UncheckedDrafts(buffer: buffer)
            return ConcurrentMap.mapEach(count: firsts.count) { r in
                HeaderText(paragraphs: lent.buffer[firsts[r]].headerParagraphs, matcher: matcher)
            }
        }
        var headers: [HeaderText?] = []
        headers.reserveCapacity(drafts.count)
        for k in drafts.indices {
            let h = drafts[k].header.take()
            headers.append(reading[k].map { reread[$0] } ?? h)
        }

        // The principal: most frequent explicit sender.
        var counts: [String: Int] = [:]
        var order: [String] = []
        // Read in place: a copy of each header (compactMap) cost more than the count.
        for k in headers.indices {
            if let s = headers[k]?.senders.first {
                if counts[s] == nil { order.append(s) }
                counts[s, default: 0] += 1
            }
        }
        // The first of the most frequent, in source order.
        var principal = "unknown"
        var most = 0
        for s in order where counts[s, default: 0] > most {
            principal = s
            most = counts[s, default: 0]
        }

        // Sender and recipients.
        var senders: [String] = []
        var recipients: [[String]] = []
        var notes: [[String]] = drafts.map(\.notes)
        for k in drafts.indices {
            if let h = headers[k] {
                var rs = h.recipients
                for segment in h.unknownRecipientSegments {
                    if let s = PersonMatcher.unknownSurname(in: segment).map({ newPeople[$0] ?? $0 }), !rs.contains(s) { rs.append(s) }
                }
                recipients.append(rs)
                if let s = h.senders.first {
                    senders.append(s)
                    if h.senders.count > 1 {
                        notes[k].append("joint sender with \(h.senders.dropFirst().joined(separator: ", ")); the first named is recorded as sender")
                    }
                } else if let signed = Self.split(drafts[k], lines: drafts[k].lines()).signature.lazy.compactMap({ matcher.people(in: $0).first }).first {
                    senders.append(signed)
                    notes[k].append("the header names no sender; the signature does")
                } else {
                    senders.append(principal)
                    notes[k].append("the header names no sender; the corpus's principal correspondent is assumed")
                }
                if rs.isEmpty {
                    issues.append(ReadIssue(kind: .unreadable, span: SourceSpan(startLine: drafts[k].startLine, endLine: drafts[k].headerLines.last ?? drafts[k].startLine),
                                            detail: "a header with no addressee that can be read"))
                }
            } else {
                senders.append(principal)
                recipients.append([])
            }
        }

        // Own dates.
        var exact: [Day?] = drafts.map { $0.sentOn?.day ?? $0.dated?.day }
        var evidence: [DateEvidence?] = drafts.map { $0.sentOn != nil ? .sentOn : ($0.dated != nil ? .dateLine : nil) }

        // Fragments: owners by a broken-off sentence (lower-case start) or by date.
        let bounds = neighbourBounds(exact: exact)
        var owners = OrphanOwnerIndex(
            truncated: drafts.indices.filter { drafts[$0].kind == .message && drafts[$0].truncated }
                .map { ($0, (exact[$0] ?? mid(bounds[$0]))?.ordinal) },
            dated: drafts.indices.compactMap { k in
                guard drafts[k].kind == .message, let day = exact[k] else { return nil }
                return (k, day.ordinal)
            })
        var continues: [Int?] = Array(repeating: nil, count: drafts.count)
        for k in drafts.indices where drafts[k].kind == .fragment {
            let d = drafts[k]
            let startsLower = d.firstCleaned().map { BodyText.startsLower($0) } ?? false
            if startsLower {
                // The unused broken-off message nearest in time.
                let target = exact[k] ?? bounds[k].map { Day(ordinal: ($0.0.ordinal + $0.1.ordinal) / 2) }
                if let m = owners.takeNearestTruncated(to: target?.ordinal) {
                    senders[k] = senders[m]
                    recipients[k] = recipients[m]
                    continues[k] = m
                    notes[k].append("orphan text: continues the message whose header is at line \(drafts[m].startLine), which breaks off mid-sentence at line \(drafts[m].bodyLines.last?.line ?? drafts[m].endLine)")
                    notes[m].append("its text breaks off mid-sentence; the rest is at lines \(d.startLine)-\(d.endLine)" + (exact[k].map { ", dated \($0.iso)" } ?? ""))
                    if exact[m] == nil, let day = exact[k] {
                        exact[m] = day
                        evidence[m] = .dateLine
                        owners.addDated(m, day: day.ordinal)
                        notes[m].append("its date line \(day.iso) (line \(d.dated?.line ?? d.endLine)) is displaced with the rest of its text and is not its dated field")
                    }
                    continue
                }
            } else if let b = bounds[k] {
                // The tail of a message printed elsewhere, out of its place in time.
                let candidates = owners.datedMessages(from: b.0.ordinal, through: b.1.ordinal)
                    .filter { isOutOfPlace($0, exact: exact) }
                if let m = candidates.max(), candidates.allSatisfy({ senders[$0] == senders[m] && recipients[$0] == recipients[m] }) {
                    senders[k] = senders[m]
                    recipients[k] = recipients[m]
                    continues[k] = m
                    notes[k].append("orphan text: probably the end of the message whose header is at line \(drafts[m].startLine), printed out of place")
                    if exact[k] == nil, let day = exact[m] {
                        exact[k] = day
                        evidence[k] = evidence[m]
                        notes[k].append("dated \(day.iso) by that message")
                    }
                    continue
                }
            }
            notes[k].append("orphan text with no header; its writer and addressee are unknown")
        }

        // Dates with bounds.
        // Bounds come from the entries' own dates only, not from dates lent above.
        let finalBounds = bounds
        var dates: [HistoricalDate] = []
        for k in drafts.indices {
            if let day = exact[k] {
                dates.append(HistoricalDate(exactly: day, evidence: evidence[k] ?? .dateLine))
            } else if let b = finalBounds[k] {
                dates.append(HistoricalDate(notBefore: b.0, notAfter: b.1, precision: .range, evidence: .neighbours))
                notes[k].append("undated: no Sent-on or date line of its own; bounded by its neighbours \(b.0.iso) to \(b.1.iso)")
            } else {
                // Nothing bounds it (no dated message at all): undated, said in the note.
                dates.append(.undated(raw: nil, evidence: .neighbours))
                notes[k].append("undated, and no dated neighbour bounds it")
            }
        }

        // Messages.
        var correspondents = Set(senders)
        for r in recipients { correspondents.formUnion(r) }
        let presidents = Set(people.people.filter { $0.role.lowercased().contains("president") }.map(\.id))
        let finder = ReferenceFinder(matcher: matcher, correspondents: correspondents, presidents: presidents)
        // Each entry's parts and references depend on that entry alone: on all cores. Each task
        // takes its own entry out of the list (`DraftShelf`), so an entry's lines are let go as
        // its message is made, and the calling thread copies nothing.
        let (senderOf, recipientsOf, dateOf, notesOf, headerOf) = (senders, recipients, dates, notes, headers)
        // Each writer's one-person list of senders, made once and shared by all their messages
        // (a list per message was an allocation per message for the same few people).
        var senderLists: [String: [String]] = [:]
        for s in senders where senderLists[s] == nil { senderLists[s] = [s] }
        let sendersOf = senderLists
        var messages = drafts.withUnsafeMutableBufferPointer { buffer in
            let shelf = DraftShelf(buffer: buffer)
            return ConcurrentMap.map(count: buffer.count) { k -> Message in
                // The entry's lines as Strings, made now and let go with the entry.
                let d = shelf.take(k), lines = d.lines(), p = CorpusAssembler.split(d, lines: lines)
                var refs: [Reference] = []
                var seen = Set<Reference.Sameness>()
                for line in lines {
                    for r in finder.references(in: line.raw, lineNumber: line.line, sender: senderOf[k], recipients: recipientsOf[k], anchor: dateOf[k].best)
                    where seen.insert(r.sameness).inserted {
                        refs.append(r)
                    }
                }
                // A message referred to again without a date is listed once: one undated reference
                // per owner, and none for an owner already cited by date.
                var seenOwners = Set(refs.filter { $0.date != nil }.map(\.whose))
                refs = refs.filter { r in
                    guard r.date == nil else { return true }
                    return seenOwners.insert(r.whose).inserted
                }
                // Written straight into the message's compact lines (a dictionary per message
                // first was an allocation and seven hashed keys each).
                var fieldLines = FieldLines()
                if let h = d.headerLines.first { fieldLines["sender"] = h; fieldLines["recipients"] = h; fieldLines["classification"] = h }
                if let s = d.sentOn { fieldLines["sent_on"] = s.line }
                if let t = d.dated { fieldLines["dated"] = t.line; if t.place != nil { fieldLines["place"] = t.line } }
                if let b = p.paragraphs.first { fieldLines["body"] = b.line }
                var message = Message(
                    id: "", kind: d.kind, sender: senderOf[k], senders: sendersOf[senderOf[k]], recipients: recipientsOf[k],
                    sentOn: d.sentOn?.day, dated: d.dated?.day, date: dateOf[k], place: d.dated?.place,
                    classification: headerOf[k]?.classification ?? "", salutation: p.salutation,
                    signature: p.signature.isEmpty ? nil : p.signature.joined(separator: " "),
                    address: p.address, body: p.paragraphs.map(\.text).joinedExactly(separator: "\n\n"),
                    references: refs, span: SourceSpan(startLine: d.startLine, endLine: d.endLine),
                    notes: notesOf[k])
                message.fieldLines = fieldLines
                return message
            }
        }
        // The entries are not needed any more: let go before the rest is made.
        drafts = []

        assignIDs(&messages, people: correspondents)
        for (k, m) in continues.enumerated() { if let m { messages[k].continues = messages[m].id } }

        // Duplicates: same writer, addressees and day, and (nearly) the same words: a message
        // printed twice, possibly from two printings with small differences. Each message is
        // compared with the next `duplicateWindow` of its group, not with all of them: a group
        // of thousands (one block of text repeated) would otherwise take quadratic time and give
        // each message a note per copy.
        // The keys are made on all cores; the groups in one pass, in source order.
        let keys = messages.withUnsafeBufferPointer { buffer in
            let made = UncheckedMessages(buffer: buffer)
            return ConcurrentMap.map(count: buffer.count) { k -> String? in
                let m = made.buffer.baseAddress! + k
                guard m.pointee.kind == .message && m.pointee.date.isExact else { return nil }
                return m.pointee.sender + "|" + m.pointee.recipients.joined(separator: ",") + "|" + (m.pointee.date.best?.iso ?? "")
            }
        }
        // Groups are found on all cores (`EqualKeys`) and compared on all cores (each group
        // alone); the notes are then added in group order, as a sequential pass would.
        let crowded = EqualKeys.crowdedGroups(keys)
        let repeats: [[(Int, Int, Double)]]
        do {
            // A second reference to the messages only while they are compared (else the first
            // note added would copy them all).
            let made = messages
            repeats = ConcurrentMap.map(count: crowded.count) { g in Self.repeats(in: crowded[g], messages: made) }
        }
        for found in repeats {
            for (first, k, similarity) in found {
                let how = similarity == 1 ? "word for word" : "with small differences of wording"
                messages[first].notes.append("printed twice: the same message is repeated at lines \(messages[k].span.startLine)-\(messages[k].span.endLine) (\(messages[k].id))")
                messages[k].notes.append("printed twice: a repeat of lines \(messages[first].span.startLine)-\(messages[first].span.endLine) (\(messages[first].id)), \(how)")
                issues.append(ReadIssue(kind: .duplicate, span: messages[k].span,
                                        detail: "lines \(messages[k].span.startLine)-\(messages[k].span.endLine) repeat lines \(messages[first].span.startLine)-\(messages[first].span.endLine) \(how); both are kept",
                                        messageIDs: [messages[first].id, messages[k].id]))
            }
        }
        for k in messages.indices {
            // Fields are read in place: a copy of each message read costs a retain and a release
            // of every field, and at 500,000 messages tens of thousands are read here.
            guard messages[k].kind == .fragment || (messages[k].sentOn == nil && messages[k].dated == nil) else { continue }
            if messages[k].kind == .fragment {
                issues.append(ReadIssue(kind: .fragment, span: messages[k].span, detail: "text with no header of its own: " + (messages[k].notes.first ?? ""), messageIDs: [messages[k].id]))
            } else {
                let date = messages[k].date
                let detail: String
                if let (a, b) = date.closedBounds, date.evidence == .neighbours {
                    detail = "no Sent-on or date line of its own; bounded by its neighbours \(a.iso) to \(b.iso)"
                } else if let best = date.best {
                    detail = "no Sent-on or date line of its own; dated \(best.iso) by a displaced date line"
                } else {
                    detail = "no Sent-on or date line of its own, and no dated neighbour bounds it: undated"
                }
                issues.append(ReadIssue(kind: .undated, span: messages[k].span, detail: detail, messageIDs: [messages[k].id]))
            }
        }
        // Both sorts go through keys computed once, with the position as the last key (the
        // order of a stable sort): comparing the values themselves copies them and recomputes
        // each best day at every comparison, a large part of the reading time on big corpora.
        let issueKeys = issues.enumerated().map { ($1.span.startLine, $1.kind.rawValue, $0) }
        issues = issueKeys.sorted { $0 < $1 }.map { issues[$0.2] }
        StableOrder.sort(&messages)
        return Corpus(sourceName: sourceName, sourceHash: sourceHash, messages: messages, people: people, issues: issues)
    }

    /// The repeats within one group (same writer, addressees and day): each member with each of
    /// the next `duplicateWindow` members whose words are (nearly) the same, as (first, repeat,
    /// similarity) in the order found.
    /// - Complexity: O(m · duplicateWindow) comparisons for a group of m messages, each of
    ///   constant time when the sketches rule the pair out, else O(words of the two texts).
    private static func repeats(in members: [Int], messages: [Message]) -> [(Int, Int, Double)] {
        var found: [(Int, Int, Double)] = []
        var words: [Set<Substring>?] = Array(repeating: nil, count: members.count)
        // Each member's sketch, made once (nil inside: a text without one, compared in full).
        var sketches: [WordFingerprint??] = Array(repeating: nil, count: members.count)
        for a in members.indices {
            for b in (a + 1)..<min(members.count, a + 1 + Self.duplicateWindow) {
                // Only texts of about the same length can be the same text.
                let la = messages[members[a]].body.utf8.count, lb = messages[members[b]].body.utf8.count
                guard min(la, lb) * 10 >= max(la, lb) * 8 else { continue }
                // Nor can texts whose sketches already differ in too many words (exact: see `WordFingerprint`).
                if sketches[a] == nil { sketches[a] = .some(WordFingerprint.of(messages[members[a]].body)) }
                if sketches[b] == nil { sketches[b] = .some(WordFingerprint.of(messages[members[b]].body)) }
                if let sa = sketches[a]!, let sb = sketches[b]!, !sa.mayReachFourFifths(sb) { continue }
                if words[a] == nil { words[a] = wordSet(messages[members[a]].body) }
                if words[b] == nil { words[b] = wordSet(messages[members[b]].body) }
                guard let wa = words[a], let wb = words[b] else { continue }
                // The shared words counted from the smaller set: |A ∪ B| = |A| + |B| - |A ∩ B|.
                let (small, large) = wa.count <= wb.count ? (wa, wb) : (wb, wa)
                let shared = small.reduce(0) { large.contains($1) ? $0 + 1 : $0 }
                let union = wa.count + wb.count - shared
                guard union > 0 else { continue }
                let similarity = Double(shared) / Double(union)
                guard similarity >= 0.8 else { continue }
                found.append((members[a], members[b], similarity))
            }
        }
        return found
    }

    /// Nearest exact dates before and after each entry in source order (messages only);
    /// dates that run backwards (a block printed out of place) are skipped.
    /// One pass forward keeps the last dated message; entries between the same two dated
    /// messages share their bounds, so the look-ahead runs once per gap, not once per entry.
    private func neighbourBounds(exact: [Day?]) -> [(Day, Day)?] {
        var result: [(Day, Day)?] = Array(repeating: nil, count: exact.count)
        var before: Day?
        var after: Day?
        var afterSearchedFrom = -1
        for k in exact.indices {
            if drafts[k].kind == .message, let d = exact[k] {
                before = d
                afterSearchedFrom = -1
                continue
            }
            guard exact[k] == nil else { continue }
            if afterSearchedFrom < 0 {
                // The first dated message after this gap that does not run backwards.
                after = nil
                var j = k + 1
                while j < exact.count {
                    if drafts[j].kind == .message, let d = exact[j], before.map({ d >= $0 }) ?? true { after = d; break }
                    j += 1
                }
                afterSearchedFrom = k
            }
            switch (before, after) {
            case let (b?, a?): result[k] = (b, a)
            case let (b?, nil): result[k] = (b, b)
            case let (nil, a?): result[k] = (a, a)
            default: result[k] = nil
            }
        }
        return result
    }

    /// True when an entry's date runs against its neighbours in the source (a block printed out of place).
    private func isOutOfPlace(_ k: Int, exact: [Day?]) -> Bool {
        guard let day = exact[k] else { return false }
        var j = k - 1
        while j >= 0 {
            if drafts[j].kind == .message, let d = exact[j] {
                if abs(d.days(to: day)) > 60 { return true }
                break
            }
            j -= 1
        }
        j = k + 1
        while j < exact.count { if drafts[j].kind == .message, let d = exact[j] { return abs(d.days(to: day)) > 60 }; j += 1 }
        return false
    }

    private func mid(_ b: (Day, Day)?) -> Day? { b.map { Day(ordinal: ($0.0.ordinal + $0.1.ordinal) / 2) } }
    private func distance(_ a: Day?, _ b: Day?) -> Int {
        guard let a, let b else { return Int.max / 2 }
        return abs(a.days(to: b))
    }

    /// The distinct words the printed-twice check compares (`normalised`, split at spaces).
    static func wordSet(_ text: String) -> Set<Substring> {
        Set(SpaceSplitter.words(normalised(text)))
    }

    /// Words separated by single spaces, in lower case. ASCII text (without CR) is done in
    /// one pass over its bytes: the general path (split, join, `lowercased()`) costs more than
    /// the rest of the duplicate check on a long body, and gives the same bytes for ASCII.
    ///
    /// Text with other characters takes the same scalar path when each of its spaces stands
    /// between ASCII bytes and it has no CR: every space and line feed is then a Character of
    /// its own (only a combining mark after a space, a prepended mark before it or CR LF make
    /// one Character of two scalars), and `lowercased()` maps each scalar on its own.
    private static func normalised(_ text: String) -> String {
        let bytesOnly = text.utf8.withContiguousStorageIfAvailable { CorpusAssembler.splitsAtBytes($0) }
        guard bytesOnly ?? false else {
            return text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ").lowercased()
        }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for u in text.unicodeScalars {
            let v = u.value
            if v == 0x20 || v == 0x0A {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            if v < 0x80 {
                let b = UInt8(v)
                out.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
            } else {
                out.append(contentsOf: u.properties.lowercaseMapping.utf8)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// True when no CR is present and every space has ASCII bytes (or the text's ends) on both sides.
    private static func splitsAtBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        for i in 0..<n {
            let b = bytes[i]
            if b == 0x0D { return false }
            if b == 0x20, (i > 0 && bytes[i - 1] >= 0x80) || (i + 1 < n && bytes[i + 1] >= 0x80) { return false }
        }
        return true
    }

    /// `1942-07-23-stalin-churchill`, `-b`, `-c` on collision, in source order.
    /// - Complexity: O(n) in messages, on all cores: the bases, their counts (`EqualKeys`), the ids.
    /// `people`: every sender and addressee of the messages.
    private func assignIDs(_ messages: inout [Message], people: Set<String>) {
        // The same few people write and receive every message: each person's slug is made once
        // (from the correspondents already gathered, not by a look at every message).
        var slugs: [String: String] = [:]
        for person in people { slugs[person] = Slug.make(person) }
        let slugOf = slugs
        // The bases depend on each message alone (on all cores); which one gets a suffix
        // depends on the order (one pass). Fields are read in place, not copied out.
        let bases = messages.withUnsafeBufferPointer { buffer in
            let made = UncheckedMessages(buffer: buffer)
            return ConcurrentMap.map(count: buffer.count) { k -> String in
                let m = made.buffer.baseAddress! + k   // read in place: a copy retains every field
                var base = "\(m.pointee.date.best?.iso ?? "undated")-\(slugOf[m.pointee.sender] ?? Slug.make(m.pointee.sender))"
                base += "-" + (m.pointee.recipients.first.map { slugOf[$0] ?? Slug.make($0) } ?? "unknown")
                if m.pointee.kind == .fragment { base += "-fragment" }
                return base
            }
        }
        // How many earlier messages share each base, counted on all cores (`EqualKeys`); each
        // id is then written into its own message on all cores.
        let earlier = EqualKeys.occurrences(bases)
        messages.withUnsafeMutableBufferPointer { buffer in
            let made = UncheckedMutableMessages(buffer: buffer)
            ConcurrentMap.forEach(count: buffer.count) { k in
                let n = earlier[k]
                made.buffer[k].id = n == 0 ? bases[k] : bases[k] + "-" + Message.idSuffix(n)
            }
        }
    }

    /// Address, salutation, paragraphs (page breaks rejoined) and signature of an entry whose
    /// body lines are `lines` (`Draft.lines()`).
    private static func split(_ d: Draft, lines all: [Draft.Line]) -> BodyParts {
        var parts = BodyParts()
        var lines = all[...]
        // Signature and closing at the end.
        var tail: [(String, Int)] = []
        while let last = lines.last, lines.count > 1, isClosing(last.cleaned) {
            tail.insert((last.cleaned, last.line), at: 0)
            lines.removeLast()
        }
        if d.kind == .message, let first = lines.first, lines.count > 1, isAddress(first.cleaned) {
            parts.address = first.cleaned
            lines.removeFirst()
        }
        if let first = lines.first, lines.count > 1, isSalutation(first.cleaned) {
            parts.salutation = first.cleaned
            lines.removeFirst()
        }
        for l in lines {
            if l.continues, let last = parts.paragraphs.last {
                parts.paragraphs[parts.paragraphs.count - 1].text = BodyText.join(last.text, l.cleaned)
            } else {
                parts.paragraphs.append((l.cleaned, l.line))
            }
        }
        parts.signature = tail.map(\.0) + d.afterDate.map(\.cleaned)
        return parts
    }

    private static func isAddress(_ text: String) -> Bool {
        guard text.hasAtMostCharacters(40), let last = text.last, !".!?:,-".contains(last),
              text.split(separator: " ").count <= 5 else { return false }
        return text.contains(where: \.isLowercase) && !isSalutation(text)
    }

    private static func isSalutation(_ text: String) -> Bool {
        guard text.hasAtMostCharacters(50), text.hasSuffix(",") else { return false }
        return text.hasPrefix("My dear") || text.hasPrefix("Dear") || text.hasPrefix("Mr President") || text.hasPrefix("My Dear")
    }

    private static func isClosing(_ text: String) -> Bool {
        guard text.hasAtMostCharacters(40) else { return false }
        let lower = text.lowercased()
        if lower.hasSuffix(",") && (lower.contains("yours") || lower.contains("sincerely") || lower.hasPrefix("truly")) { return true }
        // A name in capitals: "J. STALIN", "STALIN", "CHURCHILL".
        let letters = text.filter(\.isLetter)
        return !letters.isEmpty && letters.allSatisfy(\.isUppercase) && text.hasAtMostCharacters(25) && !text.hasSuffix(".") || (text.hasSuffix(".") && text.hasAtMostCharacters(12) && letters.allSatisfy(\.isUppercase) && !letters.isEmpty)
    }
}

/// The entries handed to the tasks that make their messages: each task takes its own entry
/// (moving it out and leaving an empty one), so no entry is copied and each is let go as soon
/// as its message is made. Each index is taken by one task only, hence `@unchecked Sendable`.
private struct DraftShelf: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Draft>

    /// Entry `k`, leaving an empty entry in its place.
    func take(_ k: Int) -> Draft {
        let slot = buffer.baseAddress! + k
        let d = slot.move()
        slot.initialize(to: Draft(kind: d.kind, startLine: d.startLine, endLine: d.endLine))
        return d
    }
}

/// Entries lent to the tasks that read them (read only, while the array is not changed).
private struct UncheckedDrafts: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<Draft>
}

/// Messages lent to the tasks that read them (read only, while the array is not changed).
private struct UncheckedMessages: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<Message>
}

/// Messages lent to tasks that each change only their own indices.
private struct UncheckedMutableMessages: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Message>
}
