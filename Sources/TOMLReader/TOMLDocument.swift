import Foundation

extension String {
    /// The text of `bytes` when they are valid UTF-8, nil otherwise (no replacement characters).
    init?<Bytes: Collection>(validatingUTF8Bytes bytes: Bytes) where Bytes.Element == UInt8 {
        var result = ""
        result.reserveCapacity(bytes.count)
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): result.unicodeScalars.append(scalar)
            case .emptyInput: self = result; return
            case .error: return nil
            }
        }
    }
}

/// A parsed TOML file: its root table, every key and value keeping the line it is written on.
///
/// The subset of TOML 1.0 it reads, exactly:
/// - keys: bare, quoted ("…") and literal ('…'), dotted (`a.b.c`), with TOML's rules on
///   duplicate keys and on extending tables defined by headers or dotted keys;
/// - tables `[a.b]`, arrays of tables `[[a]]`, inline tables `{ a = 1 }` on one line;
/// - values: basic, literal and both multi-line strings (all TOML 1.0 escapes, plus `\e`),
///   integers (decimal, `0x`, `0o`, `0b`, with `_`), floats (with `inf` and `nan`), booleans,
///   arrays (mixed types allowed);
/// - comments, LF and CRLF line ends, a leading byte order mark.
///
/// Not read, each an error naming the line: offset date-times, local date-times, local dates
/// and local times (no caller needs them; write a date as a string).
///
/// Limits, each an error naming the line, so that no input drives the work, the stack or the
/// memory without bound: nesting at most 100 deep (tables, dotted keys, arrays and inline
/// tables together), one key at most 256 characters, a dotted path at most 1,024, a file at
/// most `maxFileBytes`. Strict: duplicate keys, tables defined twice, malformed lines, bad
/// escapes, invalid UTF-8 and bad numbers are errors naming file and line.
public struct TOMLDocument: Sendable, Equatable {
    /// Largest file `load(path:)` reads: theme sheets and topic files are kilobytes; this
    /// bounds the memory a hostile file can take (about 100 bytes a value).
    public static let maxFileBytes = 4 << 20

    /// The name given to the parser, repeated in every error.
    public var file: String
    public var root: TOMLTable

    /// Parses `text`; `file` names it in errors (a path, or a label such as `<bundled paper>`).
    public static func parse(_ text: String, file: String) throws -> TOMLDocument {
        var parser = TOMLParser(text: text, file: file)
        return TOMLDocument(file: file, root: try parser.parseDocument())
    }

    /// Reads and parses the file at `path`; an unreadable or non-UTF-8 file is a `TOMLError`.
    public static func load(path: String) throws -> TOMLDocument {
        try parse(text(ofFile: path), file: path)
    }

    /// The text of the file at `path`, for readers that parse it themselves. A file that cannot
    /// be read is a `TOMLError` marked `unreadable` (line nil); one larger than `maxFileBytes`
    /// (line nil) or not UTF-8 (the line of the first bad byte) is a data error. At most
    /// `maxFileBytes` + 1 bytes are read, so a huge file or an endless pipe takes no more memory.
    public static func text(ofFile path: String) throws -> String {
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            data = try handle.read(upToCount: maxFileBytes + 1) ?? Data()
        } catch {
            throw TOMLError(file: path, line: nil, "cannot read the file (\(Self.reason(error)))", unreadable: true)
        }
        if data.count > maxFileBytes {
            throw TOMLError(file: path, line: nil, "the file is larger than \(maxFileBytes) bytes, the most a TOML file of settings may hold")
        }
        guard let text = String(validatingUTF8Bytes: data) else {
            throw TOMLError(file: path, line: Self.lineOfInvalidUTF8(data), "invalid UTF-8 on this line; the file must be UTF-8 text")
        }
        return text
    }

    /// The 1-based line of the first byte sequence that is not valid UTF-8.
    static func lineOfInvalidUTF8(_ data: Data) -> Int {
        var line = 1
        var lineStart = data.startIndex
        for (offset, byte) in zip(data.indices, data) where byte == 0x0A {
            // Each line is checked once, when its end is reached: linear in the file.
            if String(validatingUTF8Bytes: data[lineStart..<offset]) == nil { return line }
            line += 1
            lineStart = offset + 1
        }
        return line
    }

    private static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError,
           underlying.domain == NSPOSIXErrorDomain,
           let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return code == .ENOENT ? "no such file" : "\(POSIXError(code).localizedDescription)"
        }
        if ns.domain == NSCocoaErrorDomain, ns.code == NSFileReadNoSuchFileError { return "no such file" }
        return ns.localizedDescription
    }
}
