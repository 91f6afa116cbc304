import Foundation

/// Reads a user's own corpus kept as a table (RFC 4180 CSV: comma-separated, fields with
/// commas, quotes or line breaks in double quotes, `""` for a quote inside one; a UTF-8 BOM
/// and CRLF line ends are fine).
///
/// The first row names the columns, in any order, case-insensitively:
///
/// | column | required | content |
/// |---|---|---|
/// | `sender` | yes | the writer: a person id or any alias of the person table ("J. V. STALIN"), or a new name |
/// | `recipients` | yes | addressees separated by `;`, in order |
/// | `date` | one of date or both bounds | `YYYY-MM-DD` (day), `YYYY-MM` (month) or `YYYY` (year) |
/// | `not_before`, `not_after` | instead of `date` | `YYYY-MM-DD` bounds for a date known only as a range |
/// | `place` | no | where the message was written |
/// | `classification` | no | e.g. "personal and secret" (stored lower-case) |
/// | `text` | yes | the body |
/// | `id` | no | a stable id; otherwise `<date>-<sender>-<first recipient>` as for the telegrams |
///
/// People the table does not know are added to it (id and name as written). A row with a
/// missing column, a bad date or the wrong number of fields is an error naming file and line.
public enum CSVReader {
    public static func read(text: String, sourceName: String, path: String? = nil, people: PersonTable) throws -> Corpus {
        let file = path ?? sourceName
        let rows = try parse(text, file: file)
        guard let header = rows.first else { throw EpistolaryError(.badData, file: file, "the file is empty") }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func column(_ name: String) -> Int? { names.firstIndex(of: name) }
        for required in ["sender", "recipients", "text"] where column(required) == nil {
            throw EpistolaryError(.badData, file: file, line: header.line, "missing column \"\(required)\" (columns: sender, recipients, date or not_before/not_after, place, classification, text)")
        }
        let dateColumn = column("date"), lowColumn = column("not_before"), highColumn = column("not_after")
        guard dateColumn != nil || (lowColumn != nil && highColumn != nil) else {
            throw EpistolaryError(.badData, file: file, line: header.line, "missing column \"date\" (or both \"not_before\" and \"not_after\")")
        }
        var resolver = PersonResolver(table: people)
        func person(_ raw: String, line: Int) throws -> String {
            let name = raw.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { throw EpistolaryError(.badData, file: file, line: line, "an empty name in sender or recipients") }
            return resolver.resolve(name: name)
        }
        var messages: [Message] = []
        for row in rows.dropFirst() {
            if row.fields.count == 1, row.fields[0].trimmingCharacters(in: .whitespaces).isEmpty { continue }
            guard row.fields.count == names.count else {
                throw EpistolaryError(.badData, file: file, line: row.line, "expected \(names.count) fields as in the header row, found \(row.fields.count)")
            }
            func value(_ c: Int?) -> String { c.map { row.fields[$0].trimmingCharacters(in: .whitespaces) } ?? "" }
            let sender = try person(value(column("sender")), line: row.line)
            let recipients = try value(column("recipients")).split(separator: ";").map { try person(String($0), line: row.line) }
            guard !recipients.isEmpty else { throw EpistolaryError(.badData, file: file, line: row.line, "no recipients (separate several with ';')") }
            let date: HistoricalDate
            let given = value(dateColumn)
            if !given.isEmpty {
                guard let d = parseDate(given) else {
                    throw EpistolaryError(.badData, file: file, line: row.line, "bad date \"\(given)\" (expected YYYY-MM-DD, YYYY-MM or YYYY)")
                }
                date = d
            } else {
                let low = value(lowColumn), high = value(highColumn)
                guard let a = Day(iso: low), let b = Day(iso: high), a <= b else {
                    throw EpistolaryError(.badData, file: file, line: row.line, "no date: give \"date\" or both \"not_before\" and \"not_after\" as YYYY-MM-DD, not_before first")
                }
                date = HistoricalDate(notBefore: a, notAfter: b, precision: a == b ? .day : .range, evidence: .given)
            }
            let place = value(column("place"))
            messages.append(Message(
                id: value(column("id")), kind: .message, sender: sender, recipients: recipients,
                sentOn: nil, dated: date.isExact ? date.notBefore : nil, date: date,
                place: place.isEmpty ? nil : place, classification: value(column("classification")).lowercased(),
                body: value(column("text")), references: [],
                span: SourceSpan(startLine: row.line, endLine: row.endLine),
                fieldLines: ["sender": row.line, "recipients": row.line, "dated": row.line, "body": row.line]))
        }
        guard !messages.isEmpty else { throw EpistolaryError(.badData, file: file, "a header row but no messages") }
        // Ids where none was given, as for the telegrams.
        var used: [String: Int] = [:]
        for m in messages where !m.id.isEmpty { used[m.id, default: 0] += 1 }
        for k in messages.indices where messages[k].id.isEmpty {
            let m = messages[k]
            let base = "\(m.date.best?.iso ?? "undated")-\(Slug.make(m.sender))-\(Slug.make(m.recipients[0]))"
            let n = used[base, default: 0]
            used[base] = n + 1
            messages[k].id = n == 0 ? base : base + "-" + Message.idSuffix(n)
        }
        messages.sort(by: Corpus.stableOrder)
        return Corpus(sourceName: sourceName, sourceHash: SHA256.hex(Array(text.utf8)), messages: messages, people: resolver.table, issues: [])
    }

    /// A date column's value, read by the one date parser (`DateParser`): ISO and EDTF forms.
    /// Nil when the value is not a date.
    static func parseDate(_ text: String) -> HistoricalDate? {
        if case .dated(let date) = DateParser.parse(text) { return date }
        return nil
    }

    /// One RFC 4180 record with the lines it starts and ends on.
    public struct Row: Sendable {
        public var fields: [String]
        public var line: Int
        public var endLine: Int
    }

    /// RFC 4180 records with the line each starts and ends on (shared with the other tables
    /// users give, such as the places table of `export --places`).
    public static func parse(_ text: String, file: String) throws -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var rowStart = 1
        var quoteLine = 1
        var atFieldStart = true
        var chars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar?
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return chars.next()
        }
        while let c = next() {
            if inQuotes {
                if c == "\"" {
                    if let n = next() {
                        if n == "\"" { field.unicodeScalars.append("\""); continue }
                        inQuotes = false
                        pending = n
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where atFieldStart:
                inQuotes = true
                quoteLine = line
                atFieldStart = false
            case ",":
                fields.append(field); field = ""; atFieldStart = true
            case "\r":
                continue
            case "\n":
                fields.append(field); field = ""; atFieldStart = true
                rows.append(Row(fields: fields, line: rowStart, endLine: line))
                fields = []
                line += 1
                rowStart = line
            default:
                if c == "\"" {
                    throw EpistolaryError(.badData, file: file, line: line, "a quote inside an unquoted field (quote the whole field and double the quote)")
                }
                field.unicodeScalars.append(c)
                atFieldStart = false
            }
        }
        if inQuotes { throw EpistolaryError(.badData, file: file, line: quoteLine, "a quoted field is never closed") }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            rows.append(Row(fields: fields, line: rowStart, endLine: line))
        }
        return rows
    }
}
