import Foundation

/// Turns the walked `correspDesc` records into messages (the rules are listed on `CMIFReader`),
/// listing what it had to adjust.
///
/// Each record becomes its message as soon as it is walked (`add`), and the record is dropped:
/// the reader never holds the file's letters twice. What needs the whole file waits for
/// `finish`: people (resolved together, so that ids do not depend on the order of the records;
/// until then `slots` holds each message's noted names), whether a `@key` is unique, and the
/// message ids made from people. Lists of people repeat across letters (one writer's letters
/// to one addressee): each distinct list is held once.
struct CMIFMessageBuilder {
    let file: String
    private(set) var people: CMIFPeople
    private(set) var issues: [ReadIssue] = []
    /// The messages built, in document order.
    private var messages: [Message] = []
    var count: Int { messages.count }
    /// Per message in document order, its noted people: how many senders and each of them,
    /// how many recipients and each of them, then the same for each of its actions. A person is
    /// a `CMIFPeople.Mention`, or `-2 - i` for the message's i-th recipient (the people of a
    /// received action are its recipients).
    private var slots: [Int32] = []
    /// Lists of person ids, each held once.
    private var lists = Set<[String]>()
    /// Each trimmed `@key` seen: true once a second record has it.
    private var keyRepeated: [String: Bool] = [:]
    /// Place names, place refs and editions repeat across letters: each is held once.
    private var strings = StringInterner()

    /// - Parameter expected: how many records the file holds, as far as known
    ///   (`CMIFRecordCount`): room for that many messages is made at once.
    init(file: String, people table: PersonTable, expected: Int = 0) {
        self.file = file
        people = CMIFPeople(table: table)
        messages.reserveCapacity(expected)
        // A count and a person for the senders and for the recipients, and some co-senders.
        slots.reserveCapacity(expected * 5)
    }

    private mutating func note(_ kind: ReadIssue.Kind, _ outcome: ReadIssue.Outcome, line: Int, _ detail: String) {
        issues.append(ReadIssue(kind: kind, outcome: outcome, file: file, span: SourceSpan(startLine: line, endLine: line), detail: detail))
    }

    /// Makes the record's message, without its people and id (see `finish`).
    /// - Complexity: O(size of the record), amortised.
    mutating func add(_ record: CMIFRecord) {
        let key = record.key?.trimmed ?? ""
        if !key.isEmpty { keyRepeated[key] = keyRepeated[key] != nil }
        var message = message(from: record)
        // Until `finish`: the id holds the trimmed key, `sourceID` the xml:id, and no people.
        message.id = key
        message.senders = []
        messages.append(message)
    }

    /// Resolves people, gives ids and returns the messages in stable order (best date, undated
    /// last, then source line). The builder holds no messages afterwards.
    /// - Complexity: O(m log m) in the m messages (the sort), O(d log d) in the d distinct names.
    mutating func finish() -> [Message] {
        people.prepare()
        var messages = self.messages
        self.messages = []
        var ids = MessageIDAllocator()
        var cursor = 0
        for m in messages.indices { resolve(&messages[m], cursor: &cursor, ids: &ids) }
        slots = []
        keyRepeated = [:]
        strings = StringInterner()
        lists = []
        // Stable order through one key per message, applied in place: sorting the messages
        // themselves would move each large value many times, and mapping them would hold two arrays.
        var keys = messages.indices.map { (messages[$0].date.best?.ordinal ?? Int.max, messages[$0].span.startLine, $0) }
        keys.sort { $0 < $1 }
        Self.permute(&messages, to: keys.map(\.2))
        return messages
    }

    /// Puts `items[order[i]]` at `i`, following each cycle of the permutation.
    /// - Complexity: O(n), one extra value at a time.
    private static func permute(_ items: inout [Message], to order: [Int]) {
        var placed = [Bool](repeating: false, count: items.count)
        for start in items.indices where !placed[start] {
            let first = items[start]
            var i = start
            while true {
                placed[i] = true
                let source = order[i]
                if source == start { items[i] = first; break }
                items[i] = items[source]
                i = source
            }
        }
    }

    /// Fills in a message's people (its slots, in the order they were noted), its source id and its id.
    private mutating func resolve(_ message: inout Message, cursor: inout Int, ids: inout MessageIDAllocator) {
        func list(recipients: [String]) -> [String] {
            let n = Int(slots[cursor])
            var found: [String] = []
            found.reserveCapacity(n)
            for slot in slots[(cursor + 1)..<(cursor + 1 + n)] {
                found.append(slot <= -2 ? recipients[Int(-2 - slot)] : people.id(for: slot))
            }
            cursor += 1 + n
            return lists.insert(found).memberAfterInsert
        }
        let senders = list(recipients: [])
        let recipients = list(recipients: [])
        message.senders = senders
        message.sender = senders[0]
        message.recipients = recipients
        for a in message.actions.indices { message.actions[a].participants = list(recipients: recipients) }
        // The letter's own id: xml:id, else @key when no other record has the same one.
        let key = message.id
        let uniqueKey = !key.isEmpty && keyRepeated[key] == false ? key : nil
        let xmlID = message.sourceID
        message.sourceID = xmlID ?? uniqueKey
        // The message id: the record's key (as CMIF exports write theirs), else its xml:id,
        // else one made from date and correspondents.
        let base = (uniqueKey.flatMap(Self.usableID) ?? xmlID.flatMap(Self.usableID)) ?? Self.generatedID(message)
        message.id = ids.id(for: base)
    }

    /// Notes a list of people: how many, then each (nil: no name at all).
    private mutating func note(people names: some Collection<CMIFRecord.Name?>) {
        slots.append(Int32(names.count))
        for name in names { slots.append(name.map { people.note($0) } ?? CMIFPeople.noName) }
    }

    private mutating func message(from record: CMIFRecord) -> Message {
        let span = SourceSpan(startLine: record.startLine, endLine: record.endLine)
        var notes: [String] = []
        var fieldLines: [String: Int] = [:]
        let sentActions = record.actions.filter { Self.type($0) == CMIFReader.sent }
        let receivedActions = record.actions.filter { Self.type($0) == CMIFReader.received }

        let senders = sentActions.flatMap(\.names)
        note(people: senders.isEmpty ? [nil] : senders.map(Optional.some))
        if senders.isEmpty {
            notes.append("no sender in the source: an unidentified person of its own")
            note(.unsupported, .adjusted, line: sentActions.first?.line ?? record.startLine,
                 "a letter with no sender: read with an unidentified sender of its own")
        }
        let recipients = receivedActions.flatMap(\.names)
        let recipientCount = max(1, recipients.count)
        note(people: recipients.isEmpty ? [nil] : recipients.map(Optional.some))
        if recipients.isEmpty {
            notes.append("no addressee in the source: an unidentified person of its own")
            note(.unsupported, .adjusted, line: receivedActions.first?.line ?? record.startLine,
                 "a letter with no addressee: read with an unidentified addressee of its own")
        }
        if let first = senders.first { fieldLines["sender"] = first.line }
        if let first = recipients.first { fieldLines["recipients"] = first.line }

        // The date of writing: the sent action's. A letter without one stays undated (its
        // receipt, if dated, is kept with the received action, not turned into a bound).
        let sentDate = sentActions.lazy.compactMap(\.date).first { !$0.isEmpty }
        var date: HistoricalDate
        if let sentDate {
            date = self.date(sentDate)
            fieldLines["dated"] = sentDate.line
        } else {
            date = .undated(raw: nil)
            notes.append("undated in the CMIF source")
        }
        if !date.isDated, date.raw != nil { notes.append("its date \"\(date.raw ?? "")\" names no real day: kept undated") }

        let place = sentActions.lazy.compactMap(\.place).first
        if let place { fieldLines["place"] = place.line }

        var actions: [CorrespAction] = []
        for action in record.actions {
            let type = Self.type(action)
            if type == CMIFReader.sent { continue }
            if type == CMIFReader.received, action.date == nil, action.place == nil { continue }
            if action.type == nil {
                note(.unsupported, .adjusted, line: action.line, "a correspAction without @type: kept as an action of no type, its people neither send nor receive")
            }
            if type == CMIFReader.received {
                // The recipients this received action names: its run of the letter's recipients.
                let run = Self.receivedRun(action, actions: receivedActions, recipients: recipientCount)
                slots.append(Int32(run.count))
                for i in run { slots.append(-2 - Int32(i)) }
            } else {
                note(people: action.names.map(Optional.some))
            }
            actions.append(CorrespAction(type: strings.intern(type), participants: [],
                                         place: action.place?.text.nonEmpty.map { strings.intern($0) },
                                         placeRef: action.place?.ref.map { strings.intern($0) },
                                         date: action.date.flatMap { $0.isEmpty ? nil : self.date($0) }))
        }
        for action in record.actions where action.extraDates > 0 || action.extraPlaces > 0 {
            note(.unsupported, .adjusted, line: action.line,
                 "a correspAction with more than one date or place: the first of each is kept")
        }

        return Message(id: "", kind: .message, sender: "", senders: [], recipients: [],
                       sentOn: nil, dated: date.isExact ? date.notBefore : nil, date: date,
                       place: place?.text.nonEmpty.map { strings.intern($0) }, classification: "", body: "", references: [],
                       span: span, fieldLines: fieldLines, notes: notes, actions: actions,
                       sourceID: record.xmlID?.trimmed.nonEmpty, url: record.ref?.trimmed.nonEmpty,
                       edition: record.source?.trimmed.nonEmpty.map { strings.intern($0) },
                       placeRef: place?.ref?.trimmed.nonEmpty.map { strings.intern($0) }, sourceNotes: record.notes)
    }

    /// The positions among the letter's recipients of the names of one received action (the
    /// first received action of its line: the recipients are those of the received actions, in order).
    private static func receivedRun(_ action: CMIFRecord.Action, actions: [CMIFRecord.Action], recipients: Int) -> Range<Int> {
        var offset = 0
        for a in actions {
            if a.line == action.line {
                let start = min(offset, recipients)
                return start..<min(start + a.names.count, recipients)
            }
            offset += a.names.count
        }
        return 0..<0
    }

    /// The action's type, lower-cased and trimmed ("" when missing).
    private static func type(_ action: CMIFRecord.Action) -> String {
        CMIFReader.actionType(action.type)
    }

    /// A `date` element as a date: `@when`, else the bounds; `@cert` and `@evidence` kept. A
    /// value that is no date leaves the date undated with its raw text, and is listed.
    private mutating func date(_ a: CMIFRecord.DateAttributes) -> HistoricalDate {
        var date: HistoricalDate
        if let when = a.when {
            let reading = DateParser.parse(when)
            if let problem = reading.problem {
                note(.invalidDate, .adjusted, line: a.line, "date/@when: \(problem); the letter is kept undated")
                return .undated(raw: when)
            }
            date = reading.date
        } else {
            let lowerText = (a.notBefore ?? a.from)?.trimmed.nonEmpty, upperText = (a.notAfter ?? a.to)?.trimmed.nonEmpty
            let raw = [a.notBefore.map { "notBefore=\($0)" }, a.from.map { "from=\($0)" }, a.notAfter.map { "notAfter=\($0)" },
                       a.to.map { "to=\($0)" }].compactMap { $0 }.joined(separator: " ")
            var lower: DateParser.Point?, upper: DateParser.Point?
            do throws(DateParser.Failure) {
                if let lowerText { lower = try DateParser.point(lowerText) }
                if let upperText { upper = try DateParser.point(upperText) }
            } catch {
                note(.invalidDate, .adjusted, line: a.line, "date bounds: \(error.reason); the letter is kept undated")
                return .undated(raw: raw)
            }
            if let l = lower, let u = upper, u.last < l.first {
                note(.invalidDate, .adjusted, line: a.line,
                     "date bounds: the upper bound \(u.last.iso) lies before the lower \(l.first.iso); the letter is kept undated")
                return .undated(raw: raw)
            }
            let precision: DatePrecision = lowerText == upperText ? (lower?.precision ?? .range)
                : (lower != nil && lower?.first == upper?.last ? .day : .range)
            let certainty = [lower?.certainty, upper?.certainty].compactMap { $0 }.first { $0 != .certain } ?? .certain
            date = HistoricalDate(bounds: lower?.first, upper?.last, precision: precision, evidence: .given, certainty: certainty, raw: raw)
        }
        if date.certainty == .certain, let cert = a.cert?.trimmed.lowercased(), let c = DateCertainty(rawValue: cert),
           [.high, .medium, .low, .unknown].contains(c) {
            date.certainty = c
        }
        date.basis = a.evidence?.trimmed.nonEmpty
        return date
    }

    /// A source id usable as a message id: no white space or control characters, at most 120
    /// characters (ids appear in file names and command lines).
    private static func usableID(_ id: String) -> String? {
        guard id.count <= 120, !id.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0 == "/" }) else { return nil }
        return id
    }

    /// `1890-05-03-sender-recipient`: the date as precisely as known, sender, first recipient.
    private static func generatedID(_ m: Message) -> String {
        let when: String
        switch m.date.precision {
        case .day, .range: when = m.date.best?.iso ?? "undated"
        case .month: when = m.date.notBefore?.isoMonth ?? "undated"
        case .year: when = m.date.notBefore?.isoYear ?? "undated"
        case .undated: when = "undated"
        }
        let parts = [when, Slug.make(m.sender)] + (m.recipients.first.map { [Slug.make($0)] } ?? [])
        return parts.filter { !$0.isEmpty }.joined(separator: "-")
    }
}

fileprivate extension String {
    /// Without white space at either end; the string itself (its storage shared) when it has none.
    var trimmed: String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        guard first.properties.isWhitespace || last.properties.isWhitespace else { return self }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }
    var nonEmpty: String? { isEmpty ? nil : self }
}
