/// The records of an RFC 4180 table, read leniently: fields separated by a delimiter, a field
/// in double quotes may hold the delimiter, quotes (doubled) and line breaks; LF or CRLF ends.
///
/// What RFC 4180 does not allow is read as well as it can be and said: a quote inside an
/// unquoted field, or text after a closing quote, is kept as written (`problem` says so); a
/// quoted field never closed makes its record unreadable (`unclosed` holds the line), and
/// reading starts again on the line after that quote's, so one stray quote does not swallow
/// the file. (Every quote after a quote that is never closed is one of a doubled pair, so the
/// rest of the file reads without another unclosed field: the whole scan stays linear.)
///
/// The scan runs over the text's UTF-8 bytes in place: quote, CR and LF are ASCII and never
/// part of a longer UTF-8 sequence, and the delimiter is matched as its whole byte sequence,
/// so the bytes split exactly where the scalars would. Each field becomes a String once.
/// `scan` hands records over one at a time, so a reader never holds the table twice; a table
/// read in blocks is scanned by the same rule (`read`), block by block (`CSVRecordScanner`).
public struct CSVRecords: Sendable {
    public struct Row: Sendable {
        public var fields: [String]
        public var line: Int
        public var endLine: Int
        /// What in the row breaks RFC 4180 and how it was read.
        public var problem: String?
    }

    public private(set) var rows: [Row] = []
    /// First lines of records whose quoted field is never closed (not read).
    public private(set) var unclosed: [Int] = []

    /// What a scan found besides the records it handed over.
    public struct ScanEnd: Sendable {
        /// First lines of records whose quoted field is never closed (not read).
        public var unclosed: [Int] = []
        /// Set when the first record ran past `firstRecordLimit` bytes: its first line and the
        /// line the scan had reached. The scan stops there and hands nothing over.
        public var longFirstRecord: (line: Int, reached: Int)?
    }

    /// Every record of `text`, held in `rows`.
    /// - Complexity: O(n) in the length of the text.
    public init(_ text: String, delimiter: Unicode.Scalar = ",") {
        var rows: [Row] = []
        unclosed = CSVRecords.scan(text, delimiter: delimiter) { rows.append($0) }.unclosed
        self.rows = rows
    }

    /// Hands each record of `text` to `visit`, in order, without keeping them. A first record
    /// (a header row) longer than `firstRecordLimit` bytes stops the scan before it is made
    /// into fields: a quote opened in a header and closed, or not, megabytes later would
    /// otherwise make the whole file one record held in memory. The text is the one block of a
    /// `CSVRecordScanner`, the scan a table read in blocks makes.
    /// - Complexity: O(n) in the length of the text, as `init`.
    public static func scan(_ text: String, delimiter: Unicode.Scalar = ",", firstRecordLimit: Int = .max,
                            _ visit: (Row) -> Void) -> ScanEnd {
        var text = text
        text.makeContiguousUTF8()
        var scanner = CSVRecordScanner(delimiter: delimiter, firstRecordLimit: firstRecordLimit)
        text.utf8.withContiguousStorageIfAvailable { scanner.add($0, last: true, visit) }
        return scanner.end
    }

    /// How a run of `read` over some bytes ended.
    enum Stop {
        /// At the end of the bytes, between records (with `final`, the last one handed over);
        /// `line` is the line the next record would start on.
        case end(line: Int)
        /// A quoted field never closed (known only with `final`): reading goes on at `resume`
        /// (nil: nothing is left) on `line`.
        case unclosed(resume: Int?, line: Int)
        /// Without `final`: the bytes end inside the record that starts at `index` on `line`
        /// (`inQuotes`: inside a quoted field). It is read again, whole, with the bytes after.
        case partial(index: Int, line: Int, inQuotes: Bool)
        /// The first record ran past the limit (`end.longFirstRecord` says where).
        case tooLong
    }

    /// Reads records from `start` to the end; on an unclosed quote, returns where to go on.
    /// `limit` bounds the bytes of the next record handed over, and is lifted once one is.
    /// `final`: no bytes come after these. Without it, a record the bytes end inside is not
    /// handed over (`partial`): a record is read from its start to its end in one run, so where
    /// the bytes were cut changes nothing.
    static func read(_ s: UnsafeBufferPointer<UInt8>, from start: Int, line firstLine: Int, final: Bool,
                     delimiter: [UInt8], limit: inout Int, end: inout ScanEnd, _ visit: (Row) -> Void) -> Stop {
        let quote: UInt8 = 0x22, cr: UInt8 = 0x0D, lf: UInt8 = 0x0A
        let n = s.count
        let d0 = delimiter[0]
        let singleByteDelimiter = delimiter.count == 1
        func isDelimiter(at i: Int) -> Bool {
            guard s[i] == d0 else { return false }
            if singleByteDelimiter { return true }
            guard i + delimiter.count <= n else { return false }
            for k in 1..<delimiter.count where s[i + k] != delimiter[k] { return false }
            return true
        }
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var afterQuote = false
        var atFieldStart = true
        var line = firstLine
        var rowStart = firstLine
        var rowStartIndex = start
        var problem: String?
        var i = start
        // The start of the quoted field being read: where an unclosed one began.
        var quoteLine = firstLine
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            atFieldStart = true
            afterQuote = false
        }
        while i < n {
            if i - rowStartIndex > limit {
                end.longFirstRecord = (rowStart, line)
                return .tooLong
            }
            let c = s[i]
            if inQuotes {
                // The run of bytes up to the next quote, CR or LF, at once (a quoted letter's
                // text is most of a large table).
                var j = i
                while j < n {
                    let b = s[j]
                    if b == quote || b == cr || b == lf { break }
                    j += 1
                }
                if j > i {
                    field.append(contentsOf: UnsafeBufferPointer(rebasing: s[i..<j]))
                    i = j
                    continue
                }
                i += 1
                if c == quote {
                    if i < n, s[i] == quote { field.append(quote); i += 1 } else { inQuotes = false; afterQuote = true }
                } else {
                    if c == lf { line += 1 }
                    if c != cr { field.append(c) }
                }
                continue
            }
            if c == quote && atFieldStart {
                i += 1
                inQuotes = true
                quoteLine = line
                atFieldStart = false
            } else if isDelimiter(at: i) {
                i += delimiter.count
                endField()
            } else if c == cr {
                i += 1
            } else if c == lf {
                i += 1
                endField()
                visit(Row(fields: fields, line: rowStart, endLine: line, problem: problem))
                limit = .max
                fields.removeAll(keepingCapacity: true)
                problem = nil
                line += 1
                rowStart = line
                rowStartIndex = i
            } else {
                if c == quote || afterQuote {
                    problem = problem ?? (afterQuote
                        ? "text after a closing quote (RFC 4180 quotes a whole field); kept as written"
                        : "a quote inside an unquoted field (RFC 4180 quotes the whole field and doubles the quote); kept as a character")
                }
                // The run of ordinary bytes up to the next byte that means something, at once.
                var j = i + 1
                while j < n {
                    let b = s[j]
                    if b == quote || b == cr || b == lf || b == d0 { break }
                    j += 1
                }
                field.append(contentsOf: UnsafeBufferPointer(rebasing: s[i..<j]))
                atFieldStart = false
                i = j
            }
        }
        if !final, rowStartIndex < n {
            return .partial(index: rowStartIndex, line: rowStart, inQuotes: inQuotes)
        }
        if inQuotes {
            end.unclosed.append(rowStart)
            // Go on from the line after the one the unclosed quote opened on: the lines before
            // it belong to its record (a quoted field of several lines, closed), and going on
            // from the record's next line could reach that quote again and again.
            var j = rowStartIndex, at = rowStart
            while j < n, at < quoteLine || s[j] != lf {
                if s[j] == lf { at += 1 }
                j += 1
            }
            return .unclosed(resume: j < n ? j + 1 : nil, line: quoteLine + 1)
        }
        if !field.isEmpty || !fields.isEmpty {
            endField()
            visit(Row(fields: fields, line: rowStart, endLine: line, problem: problem))
        }
        return .end(line: line)
    }

    /// The delimiter the header row uses: the most frequent of `,`, `;` and tab outside quotes
    /// (`,` on a tie or when there is none), counted within the first `within` bytes (a header
    /// row is short; a quote never closed in it would otherwise send this to the end).
    /// - Complexity: O(min(n, within)).
    static func delimiter(of text: String, within: Int = .max) -> Unicode.Scalar {
        delimiter(ofBytes: text.utf8, within: within).delimiter
    }

    /// `delimiter(of:within:)` of the text that starts with `bytes`, and how many of its first
    /// bytes decide it (up to the LF that ends the header row outside quotes, or `within`):
    /// nil when `bytes` ends before that, so that more text could change it. A table read in
    /// blocks takes a first block that holds them (`CSVSource`).
    /// - Complexity: O(min(n, within)).
    static func delimiter<Bytes: Collection>(ofBytes bytes: Bytes, within: Int) -> (delimiter: Unicode.Scalar, decidedBy: Int?)
    where Bytes.Element == UInt8 {
        var comma = 0, semicolon = 0, tab = 0
        var quoted = false
        var seen = 0
        var decidedBy: Int?
        for c in bytes {
            if seen == within { decidedBy = seen; break }
            seen += 1
            if c == 0x0A, !quoted { decidedBy = seen; break }
            if c == 0x22 { quoted.toggle() }
            guard !quoted else { continue }
            switch c {
            case 0x2C: comma += 1
            case 0x3B: semicolon += 1
            case 0x09: tab += 1
            default: break
            }
        }
        if decidedBy == nil, seen == within { decidedBy = seen }
        let best = max(comma, semicolon, tab)
        if best == 0 || comma == best { return (",", decidedBy) }
        return (tab == best ? "\t" : ";", decidedBy)
    }
}
