/// The records of an RFC 4180 table, read leniently: fields separated by a delimiter, a field
/// in double quotes may hold the delimiter, quotes (doubled) and line breaks; LF or CRLF ends.
///
/// What RFC 4180 does not allow is read as well as it can be and said: a quote inside an
/// unquoted field, or text after a closing quote, is kept as written (`problem` says so); a
/// quoted field never closed makes its record unreadable (`unclosed` holds the line), and
/// reading starts again on the next line, so one stray quote does not swallow the file.
///
/// The scan runs over the text's UTF-8 bytes in place: quote, CR and LF are ASCII and never
/// part of a longer UTF-8 sequence, and the delimiter is matched as its whole byte sequence,
/// so the bytes split exactly where the scalars would. Each field becomes a String once.
/// `scan` hands records over one at a time, so a reader never holds the table twice.
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

    /// Every record of `text`, held in `rows`.
    /// - Complexity: O(n) in the length of the text (a record with an unclosed quote is read
    ///   again from its next line).
    public init(_ text: String, delimiter: Unicode.Scalar = ",") {
        var rows: [Row] = []
        unclosed = CSVRecords.scan(text, delimiter: delimiter) { rows.append($0) }
        self.rows = rows
    }

    /// Hands each record of `text` to `visit`, in order, without keeping them; returns the first
    /// lines of the records whose quoted field is never closed.
    /// - Complexity: O(n) in the length of the text, as `init`.
    public static func scan(_ text: String, delimiter: Unicode.Scalar = ",", _ visit: (Row) -> Void) -> [Int] {
        var text = text
        text.makeContiguousUTF8()
        let delimiterBytes = Array(String(delimiter).utf8)
        return text.utf8.withContiguousStorageIfAvailable { bytes -> [Int] in
            var unclosed: [Int] = []
            var start = 0
            var line = 1
            while start < bytes.count {
                let (next, nextLine) = read(bytes, from: start, line: line, delimiter: delimiterBytes, unclosed: &unclosed, visit)
                guard let next else { break }
                start = next
                line = nextLine
            }
            return unclosed
        } ?? []
    }

    /// Reads records from `start` to the end; on an unclosed quote, returns where to go on.
    private static func read(_ s: UnsafeBufferPointer<UInt8>, from start: Int, line firstLine: Int,
                             delimiter: [UInt8], unclosed: inout [Int], _ visit: (Row) -> Void) -> (Int?, Int) {
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
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            atFieldStart = true
            afterQuote = false
        }
        while i < n {
            let c = s[i]
            if inQuotes {
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
        if inQuotes {
            unclosed.append(rowStart)
            // Go on from the line after the record's first line.
            var j = rowStartIndex
            while j < n, s[j] != lf { j += 1 }
            return (j < n ? j + 1 : nil, rowStart + 1)
        }
        if !field.isEmpty || !fields.isEmpty {
            endField()
            visit(Row(fields: fields, line: rowStart, endLine: line, problem: problem))
        }
        return (nil, line)
    }

    /// The delimiter the header row uses: the most frequent of `,`, `;` and tab outside quotes
    /// (`,` on a tie or when there is none).
    static func delimiter(of text: String) -> Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        for c in text.unicodeScalars {
            if c == "\n", !quoted { break }
            if c == "\"" { quoted.toggle() }
            if !quoted, counts[c] != nil { counts[c, default: 0] += 1 }
        }
        let best = counts.max { ($0.value, $1.key.value) < ($1.value, $0.key.value) }!
        return best.value == 0 ? "," : (counts[","]! == best.value ? "," : best.key)
    }
}
