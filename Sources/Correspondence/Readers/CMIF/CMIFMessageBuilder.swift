import Foundation

/// Turns the walked `correspDesc` records into messages (the rules are listed on `CMIFReader`),
/// listing what it had to adjust.
struct CMIFMessageBuilder {
    let file: String
    private(set) var people: CMIFPeople
    private(set) var issues: [ReadIssue] = []

    init(file: String, people table: PersonTable) {
        self.file = file
        people = CMIFPeople(table: table)
    }

    /// Consumes `records` (each is freed once its message is made, so the two are not all held
    /// at once).
    /// - Complexity: O(m log m) in the m records (the final sort).
    mutating func messages(from records: inout [CMIFRecord]) -> [Message] {
        people.prepare(records)
        // The letter's own id: xml:id, else @key when no other record has the same one.
        var keyCount: [String: Int] = [:]
        for r in records { if let k = r.key?.trimmed, !k.isEmpty { keyCount[k, default: 0] += 1 } }
        var ids = MessageIDAllocator()
        var messages: [Message] = []
        messages.reserveCapacity(records.count)
        // Taken from the end of the reversed list: document order, each record freed after use.
        records.reverse()
        while let record = records.popLast() {
            let uniqueKey = record.key?.trimmed.nonEmpty.flatMap { keyCount[$0] == 1 ? $0 : nil }
            let xmlID = record.xmlID?.trimmed.nonEmpty
            var message = message(from: record, sourceID: xmlID ?? uniqueKey)
            // The message id: the record's key (as CMIF exports write theirs), else its xml:id,
            // else one made from date and correspondents.
            let base = (uniqueKey.flatMap(Self.usableID) ?? xmlID.flatMap(Self.usableID)) ?? Self.generatedID(message, people: people.table)
            message.id = ids.id(for: base)
            messages.append(message)
        }
        // Stable order (best date, undated last, then source line) through one key per message:
        // sorting the messages themselves would move each large value many times.
        let keys = messages.indices.map { (messages[$0].date.best?.ordinal ?? Int.max, messages[$0].span.startLine, $0) }
        return keys.sorted { $0 < $1 }.map { messages[$0.2] }
    }

    private mutating func note(_ kind: ReadIssue.Kind, _ outcome: ReadIssue.Outcome, line: Int, _ detail: String) {
        issues.append(ReadIssue(kind: kind, outcome: outcome, file: file, span: SourceSpan(startLine: line, endLine: line), detail: detail))
    }

    private mutating func message(from record: CMIFRecord, sourceID: String?) -> Message {
        let span = SourceSpan(startLine: record.startLine, endLine: record.endLine)
        var notes: [String] = []
        var fieldLines: [String: Int] = [:]
        let sentActions = record.actions.filter { Self.type($0) == CMIFReader.sent }
        let receivedActions = record.actions.filter { Self.type($0) == CMIFReader.received }

        var senders = sentActions.flatMap(\.names).map { people.id(for: $0) }
        if senders.isEmpty {
            senders = [people.id(for: nil)]
            notes.append("no sender in the source: an unidentified person of its own")
            note(.unsupported, .adjusted, line: sentActions.first?.line ?? record.startLine,
                 "a letter with no sender: read with an unidentified sender of its own")
        }
        var recipients = receivedActions.flatMap(\.names).map { people.id(for: $0) }
        if recipients.isEmpty {
            recipients = [people.id(for: nil)]
            notes.append("no addressee in the source: an unidentified person of its own")
            note(.unsupported, .adjusted, line: receivedActions.first?.line ?? record.startLine,
                 "a letter with no addressee: read with an unidentified addressee of its own")
        }
        if let first = sentActions.flatMap(\.names).first { fieldLines["sender"] = first.line }
        if let first = receivedActions.flatMap(\.names).first { fieldLines["recipients"] = first.line }

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
            let participants = type == CMIFReader.received ? [] : action.names.map { people.id(for: $0) }
            actions.append(CorrespAction(type: type, participants: type == CMIFReader.received ? receivedIDs(action, all: recipients, actions: receivedActions) : participants,
                                         place: action.place?.text.nonEmpty, placeRef: action.place?.ref,
                                         date: action.date.flatMap { $0.isEmpty ? nil : self.date($0) }))
        }
        for action in record.actions where action.extraDates > 0 || action.extraPlaces > 0 {
            note(.unsupported, .adjusted, line: action.line,
                 "a correspAction with more than one date or place: the first of each is kept")
        }

        return Message(id: "", kind: .message, sender: senders[0], senders: senders, recipients: recipients,
                       sentOn: nil, dated: date.isExact ? date.notBefore : nil, date: date,
                       place: place?.text.nonEmpty, classification: "", body: "", references: [],
                       span: span, fieldLines: fieldLines, notes: notes, actions: actions,
                       sourceID: sourceID, url: record.ref?.trimmed.nonEmpty, edition: record.source?.trimmed.nonEmpty,
                       placeRef: place?.ref?.trimmed.nonEmpty, sourceNotes: record.notes)
    }

    /// The recipients named in one received action (already resolved in `all`, in order).
    private func receivedIDs(_ action: CMIFRecord.Action, all: [String], actions: [CMIFRecord.Action]) -> [String] {
        var offset = 0
        for a in actions {
            if a.line == action.line { return Array(all.dropFirst(offset).prefix(a.names.count)) }
            offset += a.names.count
        }
        return []
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
    private static func generatedID(_ m: Message, people: PersonTable) -> String {
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
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
    var nonEmpty: String? { isEmpty ? nil : self }
}
