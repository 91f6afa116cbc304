import Foundation

/// Reads a user's corpus kept as a table (RFC 4180, read by `CSVRecords`): one letter a row,
/// columns named by the first row. The presets of `CSVColumn` read the CMIF producers' CSV
/// and Palladio-style tables as published; any other header is mapped with a `CSVLayout`.
///
/// - People: several in one cell are separated by the layout's separator (`;` by default),
///   their ids (any authority URIs) in the id column in the same order. Each is resolved by the
///   one identity rule (`PersonResolver`); all of a file's people are made before its letters,
///   so that another row order gives the same people and ids. An empty sender or addressee is
///   an unidentified person (the record is adjusted).
/// - Dates: ISO, xs:dateTime and EDTF levels 0 and 1, through the one date parser
///   (`DateParser`); a declared format (`DD.MM.YYYY`) first when the layout has one. Empty,
///   "s.d.", "[sd]", "o.D." and the like mean undated, kept. A value that is no date or no
///   real day keeps its raw text, the letter is undated, and the record is adjusted.
///   `not_before`/`not_after` columns give a range, open at either end.
/// - Lenient: a row that cannot be read (wrong number of fields, an unclosed quote, an id used
///   by an earlier row) is skipped and listed as a `ReadIssue` with file, line and reason;
///   reading goes on. Only a table with no header, no sender and recipient columns, or no
///   readable row at all is an error.
public enum CSVReader {
    /// A record as a row of cells, or why it cannot be read.
    private enum RecordReading {
        case row(CSVRow)
        case unreadable(ReadIssue)
    }

    public static func read(text: String, sourceName: String, path: String? = nil, people: PersonTable,
                            layout: CSVLayout = CSVLayout()) throws -> Corpus {
        try read(CSVSource(text: text, shownAs: path ?? sourceName), sourceName: sourceName, people: people, layout: layout)
    }

    /// Reads a table file in blocks (`CSVSource`), never holding its whole text: the corpus and
    /// the issues are those `read(text:)` makes of the file's decoded text
    /// (`CorpusLoader.decodedText`), errors too. `path` names the file in errors.
    /// - Complexity: as `read(text:)`; the text held at once is about a block
    ///   (`CSVSource.defaultBlockSize`) and the record being read (`CSVRecordScanner`).
    public static func read(contentsOf url: URL, sourceName: String, path: String, people: PersonTable,
                            layout: CSVLayout = CSVLayout()) throws -> Corpus {
        try read(CSVSource.open(url: url, shownAs: path), sourceName: sourceName, people: people, layout: layout)
    }

    /// Reads what is left of an open descriptor (standard input; not closed) after `prefix`, the
    /// bytes already read from it, as `read(contentsOf:)` reads a file (copied to a temporary
    /// file first, `CSVSource.copying`, to be read twice).
    public static func read(descriptor: Int32, prefix: [UInt8], sourceName: String, path: String, people: PersonTable,
                            layout: CSVLayout = CSVLayout()) throws -> Corpus {
        try read(CSVSource.copying(descriptor: descriptor, prefix: prefix, shownAs: path), sourceName: sourceName, people: people, layout: layout)
    }

    /// The one reading of a table, whatever holds its text: two passes over its records, each
    /// scanned from its blocks (`CSVRecordScanner`), as they come.
    /// - Complexity: O(n log n) in the bytes and rows; two scans of the text.
    static func read(_ text: CSVSource, sourceName: String, people: PersonTable, layout: CSVLayout) throws -> Corpus {
        do {
            return try readRecords(text, sourceName: sourceName, people: people, layout: layout)
        } catch {
            // The hash of a text in memory is not waited for.
            text.cancel()
            throw error
        }
    }

    private static func readRecords(_ text: CSVSource, sourceName: String, people: PersonTable, layout: CSVLayout) throws -> Corpus {
        let file = text.shown
        // The delimiter is known from the first block (it holds the header row's first bytes).
        var delimiter = layout.delimiter.flatMap { $0.unicodeScalars.first }
        var separator = ";"
        var header: CSVRecords.Row?
        var columns: CSVHeader?
        var headerError: Error?

        // Two passes over the records, one record at a time: no table is held, not as records
        // and not as rows. The first finds the header and every mention of a person (counted:
        // the people are made from all of them at once, whatever the order of the rows); the
        // second reads each row again and makes its letter.
        /// A record's cells, or nil (a blank record) or why it cannot be read.
        func parsedRow(_ row: CSVRecords.Row, columns: CSVHeader) -> RecordReading? {
            if row.fields.allSatisfy({ CSVRow.trimmed($0, in: .whitespaces).isEmpty }) { return nil }
            let span = SourceSpan(startLine: row.line, endLine: row.endLine)
            let extraAreEmpty = row.fields.count > columns.count
                && row.fields[columns.count...].allSatisfy { CSVRow.trimmed($0, in: .whitespaces).isEmpty }
            guard row.fields.count == columns.count || extraAreEmpty else {
                return .unreadable(ReadIssue(kind: .unreadable, outcome: .skipped, file: file, span: span,
                                             detail: "expected \(columns.count) fields as in the header row, found \(row.fields.count): the record is not read"))
            }
            var parsed = CSVRow(fields: row.fields.count == columns.count ? row.fields : Array(row.fields.prefix(columns.count)),
                                span: span, columns: columns, separator: separator)
            if let problem = row.problem { parsed.adjustments.append(problem) }
            return .row(parsed)
        }

        /// Scans the text's records, handing each to `visit`; `stop()` true leaves the rest
        /// unscanned (the text is still read to its end: its errors come first, as for the whole text).
        func scan(firstRecordLimit: Int = .max, stop: () -> Bool = { false }, _ visit: (CSVRecords.Row) -> Void) throws -> CSVRecords.ScanEnd {
            var scanner: CSVRecordScanner?
            try text.forEachBlock { block, last in
                if scanner == nil {
                    let chosen = delimiter ?? CSVRecords.delimiter(ofBytes: block, within: CSVHeader.longestRow).delimiter
                    delimiter = chosen
                    separator = layout.peopleSeparator ?? (chosen == ";" ? "|" : ";")
                    scanner = CSVRecordScanner(delimiter: chosen, firstRecordLimit: firstRecordLimit)
                }
                guard !stop() else { return }
                scanner!.add(block, last: last, visit)
            }
            if !stop() { scanner?.finish(visit) }
            return scanner?.end ?? CSVRecords.ScanEnd()
        }

        var mentionCounts: [PersonMention: Int] = [:]
        var records = 0
        let scanned = try scan(firstRecordLimit: CSVHeader.longestRow, stop: { headerError != nil }) { row in
            guard headerError == nil else { return }
            guard let columns else {
                header = row
                do { columns = try CSVHeader(row.fields, layout: layout, file: file, line: row.line) } catch { headerError = error }
                return
            }
            records += 1
            guard case .row(let parsed) = parsedRow(row, columns: columns) else { return }
            for mention in parsed.senders { mentionCounts[mention, default: 0] += 1 }
            for mention in parsed.recipients { mentionCounts[mention, default: 0] += 1 }
        }
        if let headerError { throw headerError }
        if let long = scanned.longFirstRecord {
            throw EpistolaryError(.badData, file: file, line: long.line,
                                  "the header row is longer than \(CSVHeader.longestRow / 1_048_576) MB and still not finished on line \(long.reached): a quote opened in it is not closed where it should be, or the file is not a table with a header row")
        }
        let unclosed = scanned.unclosed
        guard let header, let columns else {
            throw EpistolaryError(.badData, file: file, "the file is empty")
        }

        // People first, all at once (order-independent ids: `prepare` counts forms and joins
        // URIs whatever the order it is given them in), then the letters.
        var resolver = PersonResolver(table: people)
        resolver.prepare(weighted: mentionCounts.lazy.map { ($0.key, $0.value) })
        mentionCounts = [:]
        // Room for every record counted above: an array grown by doubling held its old and new
        // buffers at once (a million letters: some 640 MB at that moment).
        var messages: [Message] = []
        messages.reserveCapacity(records)
        var firstLineOfID: [String: Int] = [:]
        var rowIssues: [ReadIssue] = []
        var letterIssues: [ReadIssue] = []
        var afterHeader = false
        _ = try scan { record in
            guard afterHeader else { afterHeader = true; return }
            guard let parsed = parsedRow(record, columns: columns) else { return }
            var row: CSVRow
            switch parsed {
            case .unreadable(let issue):
                rowIssues.append(issue)
                return
            case .row(let read):
                row = read
            }
            if let id = row.value(.id), !id.isEmpty {
                if let earlier = firstLineOfID[id] {
                    letterIssues.append(ReadIssue(kind: .duplicate, outcome: .skipped, file: file, span: row.span,
                                                  detail: "the id \"\(id)\" is already the id of the record on line \(earlier): this record is not read (ids must be unique)"))
                    return
                }
                firstLineOfID[id] = row.span.startLine
            }
            let senders = row.people(\.senders, role: "sender", resolver: &resolver)
            let recipients = row.people(\.recipients, role: "addressee", resolver: &resolver)
            let date = row.date(layout: layout)
            var actions: [CorrespAction] = []
            let receivedDate = row.value(.receivedDate).map { row.dateValue($0, column: .receivedDate, layout: layout) }
            let receivedPlace = row.value(.receivedPlace)
            if receivedDate?.isDated == true || receivedPlace != nil {
                actions.append(CorrespAction(type: "received", participants: recipients, place: receivedPlace,
                                             placeRef: row.value(.receivedPlaceID), date: receivedDate?.isDated == true ? receivedDate : nil))
            }
            let line = row.span.startLine
            // The table's own note is the source's word (written back by exports), not a diagnostic.
            let sourceNotes = row.value(.note).map { [SourceNote(text: $0)] } ?? []
            let message = Message(
                id: row.value(.id) ?? "", kind: .message, sender: senders[0], senders: senders, recipients: recipients,
                sentOn: nil, dated: date.isExact ? date.notBefore : nil, date: date, place: row.value(.place),
                classification: (row.value(.classification) ?? "").lowercased(), body: row.value(.text) ?? "", references: [],
                span: row.span, fieldLines: ["sender": line, "recipients": line, "dated": line, "place": line, "body": line],
                actions: actions, sourceID: row.value(.id), edition: row.value(.edition), placeRef: row.value(.placeID),
                sourceNotes: sourceNotes)
            messages.append(message)
            for problem in row.adjustments {
                letterIssues.append(ReadIssue(kind: .unsupported, outcome: .adjusted, file: file, span: row.span, detail: problem))
            }
            for problem in row.dateProblems {
                letterIssues.append(ReadIssue(kind: .invalidDate, outcome: .adjusted, file: file, span: row.span, detail: problem))
            }
            if !date.isDated && row.dateProblems.isEmpty {
                letterIssues.append(ReadIssue(kind: .undated, outcome: .info, file: file, span: row.span,
                                              detail: "undated in the source (\(date.raw.map { "\"\($0)\"" } ?? "no date given")), kept undated"))
            }
        }
        // In the order they were always listed in: unclosed records, rows that cannot be read, then each letter's.
        var issues: [ReadIssue] = unclosed.map {
            ReadIssue(kind: .unreadable, outcome: .skipped, file: file, span: SourceSpan(startLine: $0, endLine: $0),
                      detail: "a quoted field is never closed: the record is not read (reading goes on at the next line)")
        }
        issues += rowIssues
        issues += letterIssues
        guard !messages.isEmpty else {
            let first = issues.min { $0.span.startLine < $1.span.startLine }
            throw EpistolaryError(.badData, file: file, line: first?.span.startLine ?? header.line,
                                  first.map { "no record could be read; the first: \($0.detail)" } ?? "a header row but no letters")
        }
        assignIDs(&messages, among: Set(firstLineOfID.keys))
        // Each issue names the letters of its span (a hashed lookup: issues times letters would be quadratic).
        // Only the spans that have an issue are looked at: a table per letter was 80 bytes a letter.
        let issueSpans = Set(issues.map(\.span))
        var idsBySpan: [SourceSpan: [String]] = [:]
        for m in messages where issueSpans.contains(m.span) { idsBySpan[m.span, default: []].append(m.id) }
        for k in issues.indices {
            issues[k].messageIDs = idsBySpan[issues[k].span] ?? []
        }
        StableOrder.sort(&messages)
        issues.sort { ($0.span.startLine, $0.kind.rawValue) < ($1.span.startLine, $1.kind.rawValue) }
        return Corpus(sourceName: sourceName, sourceHash: text.hash(), messages: messages,
                      people: resolver.table, issues: issues)
    }

    /// The records of a small table read strictly (a places file, a person list): the first
    /// record that breaks RFC 4180 is an error naming its line.
    public static func parse(_ text: String, file: String) throws -> [CSVRecords.Row] {
        let records = CSVRecords(text)
        if let line = records.unclosed.first {
            throw EpistolaryError(.badData, file: file, line: line, "a quoted field is never closed")
        }
        if let bad = records.rows.first(where: { $0.problem != nil }), let problem = bad.problem {
            throw EpistolaryError(.badData, file: file, line: bad.line, problem.replacingOccurrences(of: "; kept as written", with: "").replacingOccurrences(of: "; kept as a character", with: ""))
        }
        return records.rows
    }

    /// `<date>-<sender>-<first recipient>` (as for the telegrams; `undated` for an undated
    /// letter) where the table gives no id, `-b`, `-c`... on collision, in row order.
    /// - Complexity: O(m) in the m messages (`MessageIDAllocator`), also when all share one base.
    private static func assignIDs(_ messages: inout [Message], among given: Set<String>) {
        var ids = MessageIDAllocator(used: given)
        for k in messages.indices where messages[k].id.isEmpty {
            let m = messages[k]
            let base = "\(m.date.best?.iso ?? "undated")-\(Slug.make(m.sender))-\(m.recipients.first.map(Slug.make) ?? "unknown")"
            messages[k].id = ids.id(for: base)
        }
    }
}

/// Which field of a row holds which column, from the header row.
struct CSVHeader {
    var index: [CSVColumn: Int] = [:]
    var count: Int

    /// Longest header row read, in bytes: past it the file is refused before the row is made
    /// into fields (`CSVRecords.scan`'s first-record limit).
    static let longestRow = 1 << 20
    /// Longest header cell compared with column names, in bytes: no column is named by a
    /// longer one, and folding case in a cell of megabytes would cost time in its length.
    static let longestName = 1_000
    /// Header cells an error message lists, each cut for display.
    static let cellsListed = 40

    /// - Complexity: O(c + b) for c cells and b bytes of the header row.
    init(_ fields: [String], layout: CSVLayout, file: String, line: Int) throws {
        count = fields.count
        // nil for a cell too long to be a column's name.
        let names: [String?] = fields.map { $0.utf8.count <= Self.longestName ? CSVColumn.comparable($0) : nil }
        for column in CSVColumn.allCases {
            if let wanted = layout.columns[column] {
                guard let at = names.firstIndex(of: CSVColumn.comparable(wanted)) else {
                    throw EpistolaryError(.badData, file: file, line: line,
                                          "the mapping names the column \"\(wanted)\" for \(column.rawValue), but the header row has: \(Self.listed(fields))")
                }
                index[column] = at
            } else if let at = names.firstIndex(where: { $0.map(column.presetNames.contains) ?? false }), !layout.columns.values.contains(where: { CSVColumn.comparable($0) == names[at] }) {
                index[column] = at
            }
        }
        for required in [CSVColumn.senders, .recipients] where index[required] == nil {
            throw EpistolaryError(.badData, file: file, line: line,
                                  "no column for \(required.rawValue) (known headers: \(required.presetNames.joined(separator: ", ")); the header row has: \(Self.listed(fields)); map another with --csv-map \(required.rawValue)=HEADER)")
        }
    }
}

extension CSVHeader {
    /// The header cells for an error message: the first `cellsListed`, each cut for display,
    /// and how many more there are. The message is bounded when printed as well; this keeps a
    /// header of megabytes from being copied into it first.
    static func listed(_ fields: [String]) -> String {
        let shown = fields.prefix(cellsListed).map { DisplayText.bounded($0, limit: 60) }.joined(separator: ", ")
        return fields.count > cellsListed ? shown + " and \(fields.count - cellsListed) more" : shown
    }
}

/// One row's cells, read by column, with what had to be changed to read it.
struct CSVRow {
    var fields: [String]
    var span: SourceSpan
    var columns: CSVHeader
    var separator: String
    var senders: [PersonMention] = []
    var recipients: [PersonMention] = []
    var adjustments: [String] = []
    var dateProblems: [String] = []

    init(fields: [String], span: SourceSpan, columns: CSVHeader, separator: String) {
        self.fields = fields
        self.span = span
        self.columns = columns
        self.separator = separator
        senders = mentions(names: .senders, ids: .senderIDs, role: "sender")
        recipients = mentions(names: .recipients, ids: .recipientIDs, role: "addressee")
    }

    /// The trimmed value of a column; nil when the table has no such column or the cell is empty.
    func value(_ column: CSVColumn) -> String? {
        guard let i = columns.index[column] else { return nil }
        let v = CSVRow.trimmed(fields[i], in: .whitespacesAndNewlines)
        return v.isEmpty ? nil : v
    }

    /// `text.trimmingCharacters(in: set)` for Foundation's `.whitespaces` or
    /// `.whitespacesAndNewlines` (`CSVCellParts.trimmed`).
    static func trimmed(_ text: String, in set: CharacterSet) -> String {
        CSVCellParts.trimmed(text, in: set)
    }

    /// The parts of a column's cell (none when the table has no such column or the cell is empty).
    private func parts(_ column: CSVColumn) -> CSVCellParts {
        guard let v = value(column) else { return CSVCellParts() }
        return CSVCellParts(v, separator: separator)
    }

    /// The people of a names column with the ids of its id column, in the same order. Empty
    /// places between separators name nobody: with no names, each id that is given is one
    /// person (a run of empty ids is not a run of unidentified people).
    /// - Complexity: O(n) in the length of the two cells.
    private mutating func mentions(names: CSVColumn, ids: CSVColumn, role: String) -> [PersonMention] {
        let nameParts = parts(names).texts
        let idParts = parts(ids)
        if idParts.filled.isEmpty {
            return nameParts.map { PersonMention(name: $0) }
        }
        if nameParts.isEmpty {
            return idParts.filled.map { PersonMention(name: nil, refs: [$0.text]) }
        }
        if idParts.count == nameParts.count {
            return zip(nameParts, idParts.all).map { PersonMention(name: $0, refs: $1.isEmpty ? [] : [$1]) }
        }
        if nameParts.count == 1 {
            return [PersonMention(name: nameParts[0], refs: idParts.texts)]
        }
        adjustments.append("\(nameParts.count) \(role)s but \(idParts.count) ids in \(ids.rawValue) (separated by \"\(separator)\"): the ids are not attached, as it is not clear whose they are")
        return nameParts.map { PersonMention(name: $0) }
    }

    /// Person ids for a side of the letter; an unidentified person when the row names nobody.
    mutating func people(_ side: KeyPath<CSVRow, [PersonMention]>, role: String, resolver: inout PersonResolver) -> [String] {
        let list = self[keyPath: side]
        if list.isEmpty {
            adjustments.append("no \(role) given: an unidentified person stands for the \(role)")
            return [resolver.resolve(name: nil)]
        }
        return list.map { resolver.resolve($0) }
    }

    /// The letter's date: the date column, else the `not_before`/`not_after` columns; undated
    /// when none is given.
    mutating func date(layout: CSVLayout) -> HistoricalDate {
        if let given = value(.date) { return dateValue(given, column: .date, layout: layout) }
        let low = value(.notBefore).map { dateValue($0, column: .notBefore, layout: layout) }
        let high = value(.notAfter).map { dateValue($0, column: .notAfter, layout: layout) }
        guard low?.notBefore != nil || high?.notAfter != nil else {
            return .undated(raw: columns.index[.date] == nil && low == nil && high == nil ? nil : (value(.date) ?? ""))
        }
        let a = low?.notBefore, b = high?.notAfter
        return HistoricalDate(bounds: a, b, precision: a != nil && a == b ? .day : .range, evidence: .given,
                              certainty: [low?.certainty, high?.certainty].compactMap { $0 }.first { $0 != .certain } ?? .certain,
                              raw: [value(.notBefore), value(.notAfter)].map { $0 ?? ".." }.joined(separator: "/"))
    }

    /// One date cell: the declared format first, then ISO and EDTF; what cannot be read keeps
    /// its raw text and leaves the date undated.
    mutating func dateValue(_ text: String, column: CSVColumn, layout: CSVLayout) -> HistoricalDate {
        let reading: DateParser.Reading
        if let format = layout.dateFormat, let iso = format.iso(text) {
            var parsed = DateParser.parse(iso)
            if case .dated(var d) = parsed { d.raw = text; parsed = .dated(d) }
            reading = parsed
        } else {
            reading = DateParser.parse(text)
        }
        if let problem = reading.problem {
            dateProblems.append("\(column.rawValue) \"\(text)\": \(problem); the letter is kept undated with the raw value"
                                + (layout.dateFormat == nil ? " (a day-first table declares its format, e.g. date_format=DD.MM.YYYY)" : ""))
        }
        return reading.date
    }
}
