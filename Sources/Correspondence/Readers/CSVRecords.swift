/// The records of an RFC 4180 table, read leniently: fields separated by a delimiter, a field
/// in double quotes may hold the delimiter, quotes (doubled) and line breaks; LF or CRLF ends.
///
/// What RFC 4180 does not allow is read as well as it can be and said: a quote inside an
/// unquoted field, or text after a closing quote, is kept as written (`problem` says so); a
/// quoted field never closed makes its record unreadable (`unclosed` holds the line), and
/// reading starts again on the next line, so one stray quote does not swallow the file.
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

    /// - Complexity: O(n) in the length of the text (a record with an unclosed quote is read
    ///   again from its next line).
    public init(_ text: String, delimiter: Unicode.Scalar = ",") {
        let scalars = Array(text.unicodeScalars)
        var start = 0
        var line = 1
        while start < scalars.count {
            let (next, nextLine) = read(scalars, from: start, line: line, delimiter: delimiter)
            guard let next else { break }
            start = next
            line = nextLine
        }
    }

    /// Reads records from `start` to the end; on an unclosed quote, returns where to go on.
    private mutating func read(_ s: [Unicode.Scalar], from start: Int, line firstLine: Int,
                               delimiter: Unicode.Scalar) -> (Int?, Int) {
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var inQuotes = false
        var afterQuote = false
        var atFieldStart = true
        var line = firstLine
        var rowStart = firstLine
        var rowStartIndex = start
        var problem: String?
        var i = start
        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            atFieldStart = true
            afterQuote = false
        }
        while i < s.count {
            let c = s[i]
            i += 1
            if inQuotes {
                if c == "\"" {
                    if i < s.count, s[i] == "\"" { field.append("\""); i += 1 } else { inQuotes = false; afterQuote = true }
                } else {
                    if c == "\n" { line += 1 }
                    if c != "\r" { field.append(c) }
                }
                continue
            }
            switch c {
            case "\"" where atFieldStart:
                inQuotes = true
                atFieldStart = false
            case delimiter:
                endField()
            case "\r":
                continue
            case "\n":
                endField()
                rows.append(Row(fields: fields, line: rowStart, endLine: line, problem: problem))
                fields = []
                problem = nil
                line += 1
                rowStart = line
                rowStartIndex = i
            default:
                if c == "\"" || afterQuote {
                    problem = problem ?? (afterQuote
                        ? "text after a closing quote (RFC 4180 quotes a whole field); kept as written"
                        : "a quote inside an unquoted field (RFC 4180 quotes the whole field and doubles the quote); kept as a character")
                }
                field.append(c)
                atFieldStart = false
            }
        }
        if inQuotes {
            unclosed.append(rowStart)
            // Go on from the line after the record's first line.
            var j = rowStartIndex
            while j < s.count, s[j] != "\n" { j += 1 }
            return (j < s.count ? j + 1 : nil, rowStart + 1)
        }
        if !field.isEmpty || !fields.isEmpty {
            endField()
            rows.append(Row(fields: fields, line: rowStart, endLine: line, problem: problem))
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
