import Foundation

/// Writes the messages of a corpus as a catalogue: JSON Lines (the fields of the gold
/// catalogue plus `id`, `date` and `body`), CSV, or a plain-text table. Same corpus, same
/// bytes: keys in a fixed order, messages in stable order, no timestamps.
public struct MessageCatalogue: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case table, jsonl, csv
    }

    public var corpus: Corpus
    /// Topic ids by message id (filled by the CLI from Analysis); missing ids get [].
    public var topics: [String: [String]]
    /// CSV: write formula-like cells as they are (`--raw-csv`) instead of neutralising them.
    public var rawCSV = false

    public init(corpus: Corpus, topics: [String: [String]] = [:]) {
        self.corpus = corpus
        self.topics = topics
    }

    public func render(_ format: Format) -> String {
        switch format {
        case .jsonl: return jsonLines()
        case .csv: return csv()
        case .table: return table()
        }
    }

    /// The catalogue in pieces of about a megabyte, each handed to `write` as soon as it is
    /// made: a catalogue of a million letters is never held whole (the table, which needs its
    /// column widths, comes in one piece). The pieces joined are `render(format)`.
    /// - Complexity: O(n) in the messages.
    public func write(_ format: Format, to write: (String) throws -> Void) rethrows {
        guard format != .table else { return try write(table()) }
        var piece = format == .csv ? Self.csvHeader : ""
        for m in corpus.messages {
            piece += format == .csv ? csvRow(m) : jsonLine(m)
            if piece.utf8.count >= 1 << 20 {
                try write(piece)
                piece = ""
            }
        }
        if !piece.isEmpty { try write(piece) }
    }

    /// One JSON object a line: id, start_line, end_line, kind, sender, senders (every writer, in
    /// order), recipients, sent_on, dated, date (null when undated), not_before and not_after (null
    /// when open), precision, certainty, not_before_from and not_after_from ("source" or
    /// "inferred"), place, classification, references (phrase, whose, date, relation),
    /// topics, note, body.
    public func jsonLines() -> String {
        var out = ""
        for m in corpus.messages { out += jsonLine(m) }
        return out
    }

    /// One message's line of `jsonLines()`.
    private func jsonLine(_ m: Message) -> String {
        var o = "{"
        o += "\"id\": \(JSONText.string(m.id))"
        o += ", \"start_line\": \(m.span.startLine)"
        o += ", \"end_line\": \(m.span.endLine)"
        o += ", \"kind\": \(JSONText.string(m.kind.rawValue))"
        o += ", \"sender\": \(JSONText.string(m.sender))"
        o += ", \"senders\": [" + m.senders.map(JSONText.string).joined(separator: ", ") + "]"
        o += ", \"recipients\": [" + m.recipients.map(JSONText.string).joined(separator: ", ") + "]"
        o += ", \"sent_on\": \(JSONText.optional(m.sentOn?.iso))"
        o += ", \"dated\": \(JSONText.optional(m.dated?.iso))"
        o += ", \"date\": \(JSONText.optional(m.date.best?.iso))"
        o += ", \"not_before\": \(JSONText.optional(m.date.notBefore?.iso))"
        o += ", \"not_after\": \(JSONText.optional(m.date.notAfter?.iso))"
        o += ", \"precision\": \(JSONText.string(m.date.precision.rawValue))"
        o += ", \"certainty\": \(JSONText.string(m.date.certainty.rawValue))"
        o += ", \"not_before_from\": \(JSONText.optional(m.date.notBefore.map { _ in m.date.notBeforeOrigin.rawValue }))"
        o += ", \"not_after_from\": \(JSONText.optional(m.date.notAfter.map { _ in m.date.notAfterOrigin.rawValue }))"
        o += ", \"place\": \(JSONText.optional(m.place))"
        o += ", \"classification\": \(JSONText.string(m.classification))"
        o += ", \"references\": [" + m.references.map { r in
            "{\"phrase\": \(JSONText.string(r.phrase)), \"whose\": \(JSONText.string(r.whose.rawValue)), \"date\": \(JSONText.optional(r.date?.iso)), \"relation\": \(JSONText.string(r.relation.rawValue))}"
        }.joined(separator: ", ") + "]"
        o += ", \"topics\": [" + (topics[m.id] ?? []).map(JSONText.string).joined(separator: ", ") + "]"
        o += ", \"note\": \(JSONText.string((m.sourceNotes.map(\.text) + m.notes).joined(separator: "; ")))"
        o += ", \"body\": \(JSONText.string(m.body))"
        o += "}\n"
        return o
    }

    /// RFC 4180 CSV with a header row; recipients and topics joined by ';'.
    public func csv() -> String {
        var out = Self.csvHeader
        for m in corpus.messages { out += csvRow(m) }
        return out
    }

    private static let csvHeader = "id,start_line,end_line,kind,sender,recipients,sent_on,dated,date,not_before,not_after,precision,evidence,place,classification,references,topics,note,body\r\n"

    /// One message's row of `csv()`.
    private func csvRow(_ m: Message) -> String {
        let refs = m.references.map { "\($0.whose.rawValue) \($0.relation.rawValue) \($0.date?.iso ?? "undated")" }.joined(separator: "; ")
        let fields: [String] = [
            m.id, String(m.span.startLine), String(m.span.endLine), m.kind.rawValue, m.sender,
            m.recipients.joined(separator: ";"), m.sentOn?.iso ?? "", m.dated?.iso ?? "", m.date.best?.iso ?? "",
            m.date.notBefore?.iso ?? "", m.date.notAfter?.iso ?? "", m.date.precision.rawValue, m.date.evidence.rawValue,
            m.place ?? "", m.classification, refs, (topics[m.id] ?? []).joined(separator: ";"),
            (m.sourceNotes.map(\.text) + m.notes).joined(separator: "; "), m.body,
        ]
        return fields.map { CSVText.field($0, neutralisingFormulas: !rawCSV) }.joined(separator: ",") + "\r\n"
    }

    /// A readable table: date, lines, sender -> recipients, classification, id.
    public func table() -> String {
        var rows: [[String]] = [["date", "lines", "from", "to", "classification", "id"]]
        for m in corpus.messages {
            let date = m.date.best.map { m.date.isExact ? $0.iso : "~\($0.iso)" } ?? "undated"
            rows.append([date, "\(m.span.startLine)-\(m.span.endLine)", m.sender,
                         m.recipients.joined(separator: ", ") + (m.kind == .fragment ? " (fragment)" : ""),
                         m.classification, m.id])
        }
        var widths = Array(repeating: 0, count: rows[0].count)
        for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
        var out = ""
        for (n, r) in rows.enumerated() {
            out += r.enumerated().map { i, c in i == r.count - 1 ? c : c + String(repeating: " ", count: widths[i] - c.count) }.joined(separator: "  ") + "\n"
            if n == 0 { out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
        }
        out += "\n\(corpus.messages.filter { $0.kind == .message }.count) messages, \(corpus.messages.filter { $0.kind == .fragment }.count) fragments; ~ marks a date known only within bounds\n"
        return out
    }
}
