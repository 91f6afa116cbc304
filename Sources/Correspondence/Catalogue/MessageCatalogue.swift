import Foundation

/// Writes the messages of a corpus as a catalogue: JSON Lines (the fields of the gold
/// catalogue plus `id`, `date` and `body`), CSV, or a plain-text table. Same corpus, same
/// bytes: keys in a fixed order, messages in stable order, no timestamps.
public struct MessageCatalogue: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case table, jsonl, csv
    }

    public var corpus: Corpus
    /// The topic ids of a message id (filled by the CLI from Analysis), [] for none. Looked up
    /// a message at a time: a table of every message's topics made for the catalogue was 52 MB
    /// at 500,000 messages.
    public var topicsOf: @Sendable (String) -> [String]
    /// CSV: write formula-like cells as they are (`--raw-csv`) instead of neutralising them.
    public var rawCSV = false

    /// `topics`: topic ids by message id; missing ids get [].
    public init(corpus: Corpus, topics: [String: [String]] = [:]) {
        self.init(corpus: corpus, topicsOf: { topics[$0] ?? [] })
    }

    public init(corpus: Corpus, topicsOf: @escaping @Sendable (String) -> [String]) {
        self.corpus = corpus
        self.topicsOf = topicsOf
    }

    public func render(_ format: Format) -> String {
        switch format {
        case .jsonl: return jsonLines()
        case .csv: return csv()
        case .table: return table()
        }
    }

    /// Writes the catalogue in `format` into `sink`, a message at a time.
    /// - Complexity: O(messages) times the length of each.
    public func write(_ format: Format, to sink: ByteSink) {
        switch format {
        case .jsonl: writeJSONLines(to: sink)
        case .csv: writeCSV(to: sink)
        case .table: sink.write(table())
        }
    }

    /// One JSON object a line: id, start_line, end_line, kind, sender, senders (every writer, in
    /// order), recipients, sent_on, dated, date (null when undated), not_before and not_after (null
    /// when open), precision, certainty, not_before_from and not_after_from ("source" or
    /// "inferred"), place, classification, references (phrase, whose, date, relation),
    /// topics, note, body.
    public func jsonLines() -> String { ByteSink.text(writeJSONLines) }

    /// `jsonLines()` into `sink`.
    /// - Complexity: O(messages) times the length of each.
    public func writeJSONLines(to sink: ByteSink) {
        func string(_ s: String) { JSONText.write(s, to: sink) }
        func optional(_ s: String?) { JSONText.write(optional: s, to: sink) }
        func list(_ items: [String]) {
            sink.write(byte: 0x5B)
            for (index, item) in items.enumerated() {
                if index > 0 { sink.write(", " as StaticString) }
                string(item)
            }
            sink.write(byte: 0x5D)
        }
        // Each message lent, not copied: its fields are read where it is stored (DESIGN: a pass
        // reads only the fields it uses). A `for` loop over the messages copied each whole.
        func write(_ m: borrowing Message) {
            sink.write("{\"id\": " as StaticString); string(m.id)
            sink.write(", \"start_line\": " as StaticString); sink.write(m.span.startLine)
            sink.write(", \"end_line\": " as StaticString); sink.write(m.span.endLine)
            sink.write(", \"kind\": " as StaticString); string(m.kind.rawValue)
            sink.write(", \"sender\": " as StaticString); string(m.sender)
            sink.write(", \"senders\": " as StaticString); list(m.senders)
            sink.write(", \"recipients\": " as StaticString); list(m.recipients)
            sink.write(", \"sent_on\": " as StaticString); optional(m.sentOn?.iso)
            sink.write(", \"dated\": " as StaticString); optional(m.dated?.iso)
            sink.write(", \"date\": " as StaticString); optional(m.date.best?.iso)
            sink.write(", \"not_before\": " as StaticString); optional(m.date.notBefore?.iso)
            sink.write(", \"not_after\": " as StaticString); optional(m.date.notAfter?.iso)
            sink.write(", \"precision\": " as StaticString); string(m.date.precision.rawValue)
            sink.write(", \"certainty\": " as StaticString); string(m.date.certainty.rawValue)
            sink.write(", \"not_before_from\": " as StaticString); optional(m.date.notBefore.map { _ in m.date.notBeforeOrigin.rawValue })
            sink.write(", \"not_after_from\": " as StaticString); optional(m.date.notAfter.map { _ in m.date.notAfterOrigin.rawValue })
            sink.write(", \"place\": " as StaticString); optional(m.place)
            sink.write(", \"classification\": " as StaticString); string(m.classification)
            sink.write(", \"references\": [" as StaticString)
            for (index, r) in m.references.enumerated() {
                if index > 0 { sink.write(", " as StaticString) }
                sink.write("{\"phrase\": " as StaticString); string(r.phrase)
                sink.write(", \"whose\": " as StaticString); string(r.whose.rawValue)
                sink.write(", \"date\": " as StaticString); optional(r.date?.iso)
                sink.write(", \"relation\": " as StaticString); string(r.relation.rawValue)
                sink.write(byte: 0x7D)
            }
            sink.write(byte: 0x5D)
            sink.write(", \"topics\": " as StaticString); list(topicsOf(m.id))
            sink.write(", \"note\": " as StaticString); string((m.sourceNotes.map(\.text) + m.notes).joined(separator: "; "))
            sink.write(", \"body\": " as StaticString); string(m.body)
            sink.write("}\n" as StaticString)
        }
        let messages = corpus.messages
        for index in messages.indices { write(messages[index]) }
    }

    /// RFC 4180 CSV with a header row; recipients and topics joined by ';'.
    public func csv() -> String { ByteSink.text(writeCSV) }

    /// `csv()` into `sink`.
    /// - Complexity: O(messages) times the length of each.
    public func writeCSV(to sink: ByteSink) {
        sink.write("id,start_line,end_line,kind,sender,recipients,sent_on,dated,date,not_before,not_after,precision,evidence,place,classification,references,topics,note,body\r\n" as StaticString)
        // Each message lent, not copied (DESIGN: a pass reads only the fields it uses).
        func write(_ m: borrowing Message) {
            let refs = m.references.map { "\($0.whose.rawValue) \($0.relation.rawValue) \($0.date?.iso ?? "undated")" }.joined(separator: "; ")
            let fields: [String] = [
                m.id, String(m.span.startLine), String(m.span.endLine), m.kind.rawValue, m.sender,
                m.recipients.joined(separator: ";"), m.sentOn?.iso ?? "", m.dated?.iso ?? "", m.date.best?.iso ?? "",
                m.date.notBefore?.iso ?? "", m.date.notAfter?.iso ?? "", m.date.precision.rawValue, m.date.evidence.rawValue,
                m.place ?? "", m.classification, refs, topicsOf(m.id).joined(separator: ";"),
                (m.sourceNotes.map(\.text) + m.notes).joined(separator: "; "), m.body,
            ]
            for (index, field) in fields.enumerated() {
                if index > 0 { sink.write(byte: 0x2C) }
                CSVText.write(field, neutralisingFormulas: !rawCSV, to: sink)
            }
            sink.write("\r\n" as StaticString)
        }
        let messages = corpus.messages
        for index in messages.indices { write(messages[index]) }
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
