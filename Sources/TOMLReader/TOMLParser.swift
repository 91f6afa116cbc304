/// Parser of the TOML subset `TOMLDocument` documents, over the text's Unicode scalars,
/// counting lines as it goes.
///
/// The input cannot drive the work or the stack without bound: nothing recurses (arrays and
/// inline tables are kept on an explicit stack), they nest at most `maxNesting` deep together
/// with the dotted parts of their keys, one key holds at most `maxKeyLength` scalars and a full dotted path at most
/// `maxPathLength`; each limit is an error naming the line.
/// - Complexity: O(n) in the length of the text.
struct TOMLParser {
    /// Deepest nesting of tables, dotted key parts, arrays and inline tables.
    static let maxNesting = 100
    /// Longest single key (one part of a dotted key), in Unicode scalars.
    static let maxKeyLength = 256
    /// Longest full dotted key path (`a.b.c` including the table's own path), in Unicode scalars.
    static let maxPathLength = 1024

    private let scalars: [Unicode.Scalar]
    private let file: String
    private var index = 0
    private var line = 1

    init(text: String, file: String) {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        self.scalars = scalars
        self.file = file
    }

    // MARK: Document and lines

    mutating func parseDocument() throws -> TOMLTable {
        let root = TOMLTableBuilder(origin: .header, location: TOMLLocation(file: file, line: 1, key: ""))
        var current = root
        var currentDepth = 0
        while true {
            skipSpaces()
            guard let c = peek() else { break }
            if c == "#" || c == "\n" || c == "\r" {
                try finishLine(after: nil)
                continue
            }
            if c == "[" {
                (current, currentDepth) = try parseHeader(root: root)
                try finishLine(after: "the table header")
            } else {
                let keyLine = line
                let keys = try parseKey(depth: currentDepth)
                skipSpaces()
                guard peek() == "=" else {
                    throw error(key: keys.map(\.name).joined(separator: "."),
                                "expected '=' after the key \(keyPathText(keys))")
                }
                advance()
                skipSpaces()
                let location = try keyLocation(keys, in: current.location, line: keyLine)
                let value = try parseValue(at: location, depth: currentDepth + keys.count)
                try insert(keys, value: value, into: current)
                try finishLine(after: "the value of \(location.key)")
            }
        }
        return root.frozen()
    }

    /// After an item: optional spaces, an optional comment, then a newline or the end of the text.
    private mutating func finishLine(after what: String?) throws {
        skipSpaces()
        if peek() == "#" { try skipComment() }
        guard let c = peek() else { return }
        if c == "\n" { advance(); line += 1; return }
        if c == "\r", peek(1) == "\n" { index += 2; line += 1; return }
        if let what {
            throw error("unexpected \(describe(c)) after \(what); expected the end of the line")
        }
        throw error("unexpected \(describe(c)); expected a key, a [table] or a comment")
    }

    private mutating func skipComment() throws {
        while let c = peek(), c != "\n" {
            if c == "\r", peek(1) == "\n" { return }
            if isControl(c) && c != "\t" { throw error("control character \(describe(c)) in a comment") }
            advance()
        }
    }

    // MARK: Keys

    private struct KeyPart { var name: String; var line: Int }

    /// A simple or dotted key: `a`, `"quoted key"`, `a.'b'.c`, inside a table `depth` deep.
    private mutating func parseKey(depth: Int) throws -> [KeyPart] {
        var parts: [KeyPart] = []
        while true {
            if depth + parts.count >= Self.maxNesting {
                throw error("the key nests deeper than \(Self.maxNesting) levels (tables, dotted keys, arrays and inline tables together)")
            }
            skipSpaces()
            let partLine = line
            guard let c = peek() else { throw error("expected a key, found the end of the file") }
            let name: String
            if c == "\"" {
                advance()
                name = try parseBasicString()
            } else if c == "'" {
                advance()
                name = try parseLiteralString()
            } else {
                var bare = ""
                var length = 0
                while let s = peek(), TOMLKeyPath.isBareKeyScalar(s) {
                    length += 1
                    if length > Self.maxKeyLength { throw error("a key longer than \(Self.maxKeyLength) characters") }
                    bare.unicodeScalars.append(s)
                    advance()
                }
                if bare.isEmpty {
                    throw error("expected a key, found \(describe(c))")
                }
                name = bare
            }
            if name.unicodeScalars.count > Self.maxKeyLength {
                throw error("a key longer than \(Self.maxKeyLength) characters")
            }
            parts.append(KeyPart(name: name, line: partLine))
            skipSpaces()
            if peek() == "." { advance() } else { return parts }
        }
    }

    private func keyPathText(_ keys: [KeyPart]) -> String {
        keys.map { TOMLKeyPath.quoted($0.name) }.joined(separator: ".")
    }

    private func keyLocation(_ keys: [KeyPart], in table: TOMLLocation, line: Int) throws -> TOMLLocation {
        var key = table.key
        for part in keys { key = TOMLKeyPath.appending(part.name, to: key) }
        try checkPathLength(key, line: line)
        return TOMLLocation(file: file, line: line, key: key)
    }

    private func checkPathLength(_ key: String, line: Int) throws {
        if key.unicodeScalars.count > Self.maxPathLength {
            throw TOMLError(file: file, line: line, "a dotted key path longer than \(Self.maxPathLength) characters")
        }
    }

    // MARK: Headers and tables

    /// `[a.b]` or `[[a.b]]`; returns the table that the following keys go into, and its depth.
    private mutating func parseHeader(root: TOMLTableBuilder) throws -> (TOMLTableBuilder, Int) {
        let headerLine = line
        advance()
        let isArray = peek() == "["
        if isArray { advance() }
        let keys = try parseKey(depth: 0)
        try checkPathLength(keys.map { TOMLKeyPath.quoted($0.name) }.joined(separator: "."), line: headerLine)
        skipSpaces()
        let closing = isArray ? "]]" : "]"
        guard peek() == "]", !isArray || peek(1) == "]" else {
            throw error("expected '\(closing)' to close the table header [\(keyPathText(keys))")
        }
        advance()
        if isArray { advance() }

        var table = root
        for part in keys.dropLast() {
            let location = table.location.child(part.name, line: headerLine)
            switch table[part.name]?.item {
            case nil:
                let created = TOMLTableBuilder(origin: .implicit, location: location)
                table[part.name] = .init(line: headerLine, item: .table(created))
                table = created
            case .table(let existing)?:
                table = existing
            case .tableArray(let array)?:
                guard let last = array.tables.last else { throw error("empty array of tables") }
                table = last
            case .value(let v)?:
                throw error(key: location.key,
                            alreadyValue(location.key, v))
            }
        }
        guard let last = keys.last else { throw error("expected a table name") }
        let location = table.location.child(last.name, line: headerLine)
        let existing = table[last.name]
        if isArray {
            switch existing?.item {
            case nil:
                let array = TOMLTableBuilder.TableArray(location: location)
                let element = TOMLTableBuilder(origin: .header, location: location.element(0, line: headerLine))
                array.tables.append(element)
                table[last.name] = .init(line: headerLine, item: .tableArray(array))
                return (element, keys.count)
            case .tableArray(let array)?:
                let element = TOMLTableBuilder(origin: .header,
                                               location: location.element(array.tables.count, line: headerLine))
                array.tables.append(element)
                return (element, keys.count)
            case let item?:
                throw error(key: location.key,
                            "[[\(location.key)]] is already defined as \(TOMLTableBuilder.describe(item)) on line \(existing?.line ?? headerLine)")
            }
        }
        switch existing?.item {
        case nil:
            let created = TOMLTableBuilder(origin: .header, location: location)
            table[last.name] = .init(line: headerLine, item: .table(created))
            return (created, keys.count)
        case .table(let t)? where t.origin == .implicit:
            t.origin = .header
            t.location = location
            table[last.name] = .init(line: headerLine, item: .table(t))
            return (t, keys.count)
        case .table(let t)?:
            throw error(key: location.key, "table [\(location.key)] is defined twice (first on line \(t.location.line))")
        case .tableArray(let array)?:
            throw error(key: location.key,
                        "[\(location.key)] is an array of tables (line \(array.location.line)); write [[\(location.key)]]")
        case .value(let v)?:
            throw error(key: location.key,
                        alreadyValue(location.key, v))
        }
    }

    /// Puts `value` at the (possibly dotted) key inside `table`, creating dotted tables on the way.
    private func insert(_ keys: [KeyPart], value: TOMLValue, into table: TOMLTableBuilder) throws {
        var table = table
        for part in keys.dropLast() {
            let location = table.location.child(part.name, line: part.line)
            switch table[part.name]?.item {
            case nil:
                let created = TOMLTableBuilder(origin: .dotted, location: location)
                table[part.name] = .init(line: part.line, item: .table(created))
                table = created
            case .table(let existing)? where existing.origin == .dotted:
                table = existing
            case .table(let existing)?:
                throw TOMLError(file: file, line: part.line, key: location.key,
                                "table \(location.key) is defined by a [header] (line \(existing.location.line)); it cannot be extended with dotted keys")
            case .tableArray(let array)?:
                throw TOMLError(file: file, line: part.line, key: location.key,
                                "key \(location.key) is an array of tables (line \(array.location.line)); it cannot be extended with dotted keys")
            case .value(let v)?:
                throw TOMLError(file: file, line: part.line, key: location.key,
                                alreadyValue(location.key, v))
            }
        }
        guard let last = keys.last else { return }
        if let existing = table[last.name] {
            let key = table.location.child(last.name, line: last.line).key
            throw TOMLError(file: file, line: last.line, key: key,
                            "duplicate key \(key) (first defined on line \(existing.line))")
        }
        table[last.name] = .init(line: last.line, item: .value(value))
    }

    /// Why a key that already holds a value cannot be used as a table.
    private func alreadyValue(_ key: String, _ value: TOMLValue) -> String {
        if case .table = value.kind {
            return "\(key) is an inline table (line \(value.location.line)); it cannot be defined again or extended"
        }
        return "key \(key) already holds \(value.typeDescription) (line \(value.location.line)); it cannot also be a table"
    }

    // MARK: Values

    /// An array or inline table whose closing bracket has not been read yet: one level of the
    /// explicit stack `parseValue` keeps instead of recursing.
    private struct OpenContainer {
        enum Kind {
            case array(elements: [TOMLValue])
            /// `keys` is the key whose value is being read.
            case inlineTable(TOMLTableBuilder, keys: [KeyPart])
        }
        var kind: Kind
        /// Where the container starts (its key and line).
        let location: TOMLLocation
        /// How deep its own values are.
        let depth: Int
    }

    /// What the innermost open container asks for next.
    private enum Step {
        /// A value for `location`, `depth` levels deep.
        case value(at: TOMLLocation, depth: Int)
        /// The container closed; this is its value.
        case closed(TOMLValue)
    }

    /// A value `depth` levels deep. Arrays and inline tables go one level deeper, and no value
    /// may be `maxNesting` deep. Nesting is kept on an explicit stack (`OpenContainer`), not
    /// the call stack, so no input can drive recursion.
    /// - Complexity: O(n) in the length of the value's text.
    private mutating func parseValue(at location: TOMLLocation, depth: Int) throws -> TOMLValue {
        var open: [OpenContainer] = []
        var slot = location
        var slotDepth = depth
        while true {
            var step: Step
            let here = TOMLLocation(file: file, line: line, key: slot.key)
            guard let c = peek() else { throw error(key: slot.key, "expected a value for key \(slot.key)") }
            switch c {
            case "\"":
                if peek(1) == "\"", peek(2) == "\"" {
                    index += 3
                    step = .closed(TOMLValue(.string(try parseMultilineBasicString()), at: here))
                } else {
                    advance()
                    step = .closed(TOMLValue(.string(try parseBasicString()), at: here))
                }
            case "'":
                if peek(1) == "'", peek(2) == "'" {
                    index += 3
                    step = .closed(TOMLValue(.string(try parseMultilineLiteralString()), at: here))
                } else {
                    advance()
                    step = .closed(TOMLValue(.string(try parseLiteralString()), at: here))
                }
            case "[", "{":
                if slotDepth >= Self.maxNesting {
                    throw error(key: slot.key, "arrays and inline tables nest deeper than \(Self.maxNesting) levels (key \(slot.key))")
                }
                advance()
                let kind: OpenContainer.Kind = c == "["
                    ? .array(elements: [])
                    : .inlineTable(TOMLTableBuilder(origin: .header, location: here), keys: [])
                open.append(OpenContainer(kind: kind, location: here, depth: slotDepth + 1))
                step = try resume(&open, afterValue: false)
            case "\n", "\r", "#":
                throw error(key: slot.key, "expected a value for key \(slot.key)")
            default:
                step = .closed(try parseScalarToken(at: here))
            }
            // Hand each finished value to the container around it, until one asks for another.
            while case .closed(let value) = step {
                guard !open.isEmpty else { return value }
                let last = open.count - 1
                switch open[last].kind {
                case .array(var elements):
                    open[last].kind = .array(elements: [])   // so the append below does not copy
                    elements.append(value)
                    open[last].kind = .array(elements: elements)
                case .inlineTable(let table, let keys):
                    try insert(keys, value: value, into: table)
                }
                step = try resume(&open, afterValue: true)
            }
            if case .value(let location, let depth) = step {
                slot = location
                slotDepth = depth
            }
        }
    }

    /// Reads the innermost open container on from where its last value ended (or from just
    /// after its opening bracket): up to the next value it needs, or to its closing bracket,
    /// which pops it off `open`.
    private mutating func resume(_ open: inout [OpenContainer], afterValue: Bool) throws -> Step {
        let container = open[open.count - 1]
        let location = container.location
        switch container.kind {
        case .array(let elements):
            if afterValue {
                try skipSpacesNewlinesAndComments()
                guard let next = peek() else { throw TOMLError(at: location, "unterminated array for key \(location.key); expected ']'") }
                if next == "]" {
                    advance()
                    open.removeLast()
                    return .closed(TOMLValue(.array(elements), at: location))
                }
                guard next == "," else {
                    throw error(key: location.key, "expected ',' or ']' in the array for key \(location.key), found \(describe(next))")
                }
                advance()
            }
            try skipSpacesNewlinesAndComments()
            guard let c = peek() else { throw TOMLError(at: location, "unterminated array for key \(location.key); expected ']'") }
            if c == "]" {
                advance()
                open.removeLast()
                return .closed(TOMLValue(.array(elements), at: location))
            }
            let parent = TOMLLocation(file: file, line: location.line, key: location.key)
            return .value(at: parent.element(elements.count, line: line), depth: container.depth)

        case .inlineTable(let table, _):
            // `{ a = 1, b.c = "x" }` on one line (TOML 1.0); inline tables are closed to later additions.
            skipSpaces()
            if afterValue {
                guard let next = peek() else {
                    throw TOMLError(at: location, "unterminated inline table for key \(location.key); expected '}'")
                }
                if next == "}" {
                    advance()
                    open.removeLast()
                    return .closed(TOMLValue(.table(table.frozen()), at: location))
                }
                if next == "\n" || next == "\r" {
                    throw error(key: location.key, "an inline table must be on one line (key \(location.key)); use a [table] instead")
                }
                guard next == "," else {
                    throw error(key: location.key, "expected ',' or '}' in the inline table \(location.key), found \(describe(next))")
                }
                advance()
                skipSpaces()
                if peek() == "}" { throw error(key: location.key, "trailing ',' in the inline table for key \(location.key)") }
            } else if peek() == "}" {
                advance()
                open.removeLast()
                return .closed(TOMLValue(.table(table.frozen()), at: location))
            }
            let keyLine = line
            let keys = try parseKey(depth: container.depth)
            skipSpaces()
            guard peek() == "=" else {
                throw error(key: location.key, "expected '=' after the key \(keyPathText(keys)) in the inline table \(location.key)")
            }
            advance()
            skipSpaces()
            let valueLocation = try keyLocation(keys, in: location, line: keyLine)
            open[open.count - 1].kind = .inlineTable(table, keys: keys)
            return .value(at: valueLocation, depth: container.depth + keys.count)
        }
    }

    /// Booleans and numbers (and dates, which are rejected): a run of token characters.
    private mutating func parseScalarToken(at location: TOMLLocation) throws -> TOMLValue {
        var token = ""
        while let c = peek(), isTokenScalar(c) {
            token.unicodeScalars.append(c)
            advance()
        }
        // A date-time such as `1943-11-28 12:00` stops at the space; its date part is reported below.
        if token.isEmpty {
            throw error(key: location.key, "expected a value for key \(location.key), found \(describe(peek() ?? " "))")
        }
        if token == "true" { return TOMLValue(.boolean(true), at: location) }
        if token == "false" { return TOMLValue(.boolean(false), at: location) }
        if looksLikeDateOrTime(token) {
            throw TOMLError(at: location, "dates and times are not supported (key \(location.key)); write the date as a string, e.g. \"\(shown(token))\"")
        }
        if let number = TOMLNumber.parse(token) {
            switch number {
            case .integer(let n): return TOMLValue(.integer(n), at: location)
            case .float(let x): return TOMLValue(.float(x), at: location)
            case .outOfRange: throw TOMLError(at: location, "integer \(shown(token)) is out of range (key \(location.key))")
            }
        }
        if token.first?.isLetter == true {
            throw TOMLError(at: location, "expected a value for key \(location.key), found \(shown(token)); strings must be quoted (\"\(shown(token))\")")
        }
        throw TOMLError(at: location, "malformed number \(shown(token)) for key \(location.key)")
    }

    /// A token as echoed in a message: cut after 40 characters, so a megabyte of digits is not
    /// printed back (tokens hold only `A-Za-z0-9_+-.:`, nothing to escape).
    private func shown(_ token: String) -> String {
        token.unicodeScalars.count <= 40 ? token : String(token.unicodeScalars.prefix(32)) + "…"
    }

    private func isTokenScalar(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "A"..."Z", "a"..."z", "0"..."9", "_", "+", "-", ".", ":": return true
        default: return false
        }
    }

    private func looksLikeDateOrTime(_ token: String) -> Bool {
        let s = Array(token.unicodeScalars)
        func digits(_ range: Range<Int>) -> Bool {
            range.upperBound <= s.count && range.allSatisfy { ("0"..."9").contains(s[$0]) }
        }
        if digits(0..<4), s.count > 4, s[4] == "-" { return true }   // 1943-11-28
        if digits(0..<2), s.count > 2, s[2] == ":" { return true }   // 12:30:00
        return false
    }

    // MARK: Strings

    /// After the opening `"`: up to the closing `"` on the same line, with escapes.
    private mutating func parseBasicString() throws -> String {
        let startLine = line
        var out = ""
        while true {
            guard let c = peek(), c != "\n", c != "\r" else {
                throw TOMLError(file: file, line: startLine, "unterminated string; expected a closing '\"' on the same line (use \"\"\" for text on several lines)")
            }
            advance()
            if c == "\"" { return out }
            if c == "\\" {
                out.unicodeScalars.append(try parseEscape())
            } else if isControl(c) && c != "\t" {
                throw error("control character \(describe(c)) in a string; write it as an escape")
            } else {
                out.unicodeScalars.append(c)
            }
        }
    }

    /// After the opening `"""`: a newline right after it is dropped; a `\` at the end of a line
    /// drops the newline and the leading whitespace of the next line.
    private mutating func parseMultilineBasicString() throws -> String {
        let startLine = line
        _ = try consumeNewline()   // a newline right after the opening quotes is not part of the string
        var out = ""
        while true {
            guard let c = peek() else {
                throw TOMLError(file: file, line: startLine, "unterminated multi-line string; expected '\"\"\"'")
            }
            if c == "\"", peek(1) == "\"", peek(2) == "\"" {
                var quotes = 3
                while peek(quotes) == "\"" { quotes += 1 }
                if quotes > 5 { throw error("too many '\"' at the end of a multi-line string") }
                for _ in 0..<(quotes - 3) { out += "\"" }
                index += quotes
                return out
            }
            if try consumeNewline() { out += "\n"; continue }
            advance()
            if c == "\\" {
                // Line-ending backslash: whitespace, then a newline, then any whitespace and newlines.
                var probe = index
                while probe < scalars.count, scalars[probe] == " " || scalars[probe] == "\t" { probe += 1 }
                if probe < scalars.count, scalars[probe] == "\n" || (scalars[probe] == "\r" && probe + 1 < scalars.count && scalars[probe + 1] == "\n") {
                    index = probe
                    while let n = peek() {
                        if n == " " || n == "\t" { advance() } else if try !consumeNewline() { break }
                    }
                    continue
                }
                out.unicodeScalars.append(try parseEscape())
            } else if isControl(c) && c != "\t" {
                throw error("control character \(describe(c)) in a string; write it as an escape")
            } else {
                out.unicodeScalars.append(c)
            }
        }
    }

    /// After the opening `'`: everything up to the closing `'`, taken literally.
    private mutating func parseLiteralString() throws -> String {
        let startLine = line
        var out = ""
        while true {
            guard let c = peek(), c != "\n", c != "\r" else {
                throw TOMLError(file: file, line: startLine, "unterminated literal string; expected a closing \"'\" on the same line")
            }
            advance()
            if c == "'" { return out }
            if isControl(c) && c != "\t" { throw error("control character \(describe(c)) in a string") }
            out.unicodeScalars.append(c)
        }
    }

    private mutating func parseMultilineLiteralString() throws -> String {
        let startLine = line
        _ = try consumeNewline()   // a newline right after the opening quotes is not part of the string
        var out = ""
        while true {
            guard let c = peek() else {
                throw TOMLError(file: file, line: startLine, "unterminated multi-line literal string; expected \"'''\"")
            }
            if c == "'", peek(1) == "'", peek(2) == "'" {
                var quotes = 3
                while peek(quotes) == "'" { quotes += 1 }
                if quotes > 5 { throw error("too many \"'\" at the end of a multi-line literal string") }
                for _ in 0..<(quotes - 3) { out += "'" }
                index += quotes
                return out
            }
            if try consumeNewline() { out += "\n"; continue }
            advance()
            if isControl(c) && c != "\t" { throw error("control character \(describe(c)) in a string") }
            out.unicodeScalars.append(c)
        }
    }

    /// After a backslash in a basic string.
    private mutating func parseEscape() throws -> Unicode.Scalar {
        guard let c = peek() else { throw error("unterminated escape at the end of the file") }
        advance()
        switch c {
        case "b": return "\u{08}"
        case "t": return "\t"
        case "n": return "\n"
        case "f": return "\u{0C}"
        case "r": return "\r"
        case "e": return "\u{1B}"
        case "\"": return "\""
        case "\\": return "\\"
        case "u", "U":
            let count = c == "u" ? 4 : 8
            var hex = ""
            for _ in 0..<count {
                guard let h = peek(), h.properties.isASCIIHexDigit else {
                    throw error("\\\(c) must be followed by \(count) hexadecimal digits")
                }
                hex.unicodeScalars.append(h)
                advance()
            }
            guard let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else {
                throw error("\\\(c)\(hex) is not a Unicode scalar value")
            }
            return scalar
        default:
            // A control character (an end of line) is named, not printed into the message.
            let what = isControl(c) ? "a backslash before \(describe(c))" : "unknown escape \\\(c)"
            throw error("\(what) in a string (valid: \\b \\t \\n \\f \\r \\e \\\" \\\\ \\uXXXX \\UXXXXXXXX)")
        }
    }

    // MARK: Scanning

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private mutating func advance() { index += 1 }

    private mutating func skipSpaces() {
        while let c = peek(), c == " " || c == "\t" { advance() }
    }

    /// Consumes LF or CRLF and counts the line; a lone CR is an error.
    private mutating func consumeNewline() throws -> Bool {
        if peek() == "\n" { advance(); line += 1; return true }
        if peek() == "\r" {
            guard peek(1) == "\n" else { throw error("a carriage return must be followed by a newline") }
            index += 2
            line += 1
            return true
        }
        return false
    }

    private mutating func skipSpacesNewlinesAndComments() throws {
        while true {
            skipSpaces()
            if peek() == "#" { try skipComment() }
            if try !consumeNewline() { return }
        }
    }

    private func isControl(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x20 || c.value == 0x7F
    }

    private func describe(_ c: Unicode.Scalar) -> String {
        switch c {
        case "\n", "\r": return "end of line"
        case "\t": return "a tab"
        default:
            if isControl(c) { return "U+" + String(c.value, radix: 16, uppercase: true) }
            return "'\(c)'"
        }
    }

    private func error(key: String? = nil, _ message: String) -> TOMLError {
        TOMLError(file: file, line: line, key: key, message)
    }
}
