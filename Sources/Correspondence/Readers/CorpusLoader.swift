import Foundation

/// The corpus formats Epistolary reads.
public enum CorpusFormat: String, Sendable, CaseIterable {
    /// Telegram or letter text, as the bundled corpus (`TelegramReader`).
    case telegrams
    /// A table, RFC 4180 (`CSVReader`).
    case csv
    /// TEI correspondence metadata (`CMIFReader`).
    case cmif
}

/// Opens a corpus and hands it to its reader. The format is the one asked for (`--format`),
/// else the file's extension (`.txt`, `.md`, `.text` telegrams; `.csv`, `.tsv` a table; `.xml`,
/// `.tei` CMIF), else the content (see `sniff`). A path of `-` reads standard input. Without
/// a path it reads the bundled war telegrams.
///
/// People: the table given (a user's `--people FILE`) is used for any corpus. Without one,
/// the bundled person table goes with the bundled corpus's own form, telegram text (the
/// edition the bundled corpus comes from); a CSV or CMIF corpus starts from an empty table,
/// so that nobody in it is taken for one of the telegrams' people.
public enum CorpusLoader {
    /// Reads a corpus; nil reads the bundled one. Throws `.badData` naming the file for a
    /// missing, empty, binary or non-UTF-8 file, or one with nothing recognisable in it.
    public static func load(path: String?, people: PersonTable? = nil) throws -> Corpus {
        try load(path: path, format: nil, people: people)
    }

    /// Reads a corpus in the format given (nil: by extension, else by content); `csv` says how a
    /// table's columns are read.
    public static func load(path: String?, format: CorpusFormat?, people: PersonTable? = nil,
                            csv: CSVLayout = CSVLayout()) throws -> Corpus {
        guard let path else {
            let url = try BundledCorpus.url()
            let text = try decodedText(url: url, shownAs: BundledCorpus.name)
            return try TelegramReader.read(text: text, sourceName: BundledCorpus.name, people: try people ?? PersonTable.bundled())
        }
        let isStdin = path == "-"
        if !isStdin { InputFiles.note(path) }
        let url = URL(fileURLWithPath: path)
        let name = isStdin ? "stdin" : url.lastPathComponent
        let shown = isStdin ? "stdin" : path
        var data: Data?
        if isStdin {
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        let chosen: CorpusFormat
        if let format {
            chosen = format
        } else if !isStdin, let byExtension = formatByExtension[url.pathExtension.lowercased()] {
            chosen = byExtension
        } else {
            let prefix = try data.map { [UInt8]($0.prefix(65_536)) } ?? readPrefix(url: url, shownAs: shown)
            chosen = sniff(prefix)
        }
        switch chosen {
        case .cmif:
            if let data { return try CMIFReader.read(data: data, sourceName: name, shownAs: shown, people: people ?? .empty) }
            return try CMIFReader.read(path: path, people: people ?? .empty)
        case .csv, .telegrams:
            let text = try data.map { try decodedText(data: $0, shownAs: shown) } ?? decodedText(url: url, shownAs: shown)
            if chosen == .csv {
                return try CSVReader.read(text: text, sourceName: name, path: shown, people: people ?? .empty, layout: csv)
            }
            return try TelegramReader.read(text: consume text, sourceName: name, path: shown, people: try people ?? PersonTable.bundled())
        }
    }

    static let formatByExtension: [String: CorpusFormat] = [
        "txt": .telegrams, "md": .telegrams, "text": .telegrams, "csv": .csv, "tsv": .csv, "xml": .cmif, "tei": .cmif,
    ]

    /// The format of a corpus from its first bytes: XML (after a byte order mark and white
    /// space, a `<`) is CMIF; a first line that splits at commas, semicolons or tabs into
    /// fields of which one is a column name a table reader knows (`CSVColumn.knownNames`) is
    /// CSV; anything else is telegram text.
    public static func sniff(_ bytes: [UInt8]) -> CorpusFormat {
        var start = bytes.startIndex
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start += 3 }
        while start < bytes.endIndex, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        guard start < bytes.endIndex else { return .telegrams }
        if bytes[start] == UInt8(ascii: "<") { return .cmif }
        let end = bytes[start...].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) ?? bytes.endIndex
        let firstLine = String(decoding: bytes[start..<end], as: UTF8.self)
        for separator in [",", ";", "\t"] {
            let fields = firstLine.components(separatedBy: separator)
            guard fields.count >= 2 else { continue }
            let names = fields.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")).lowercased() }
            if names.contains(where: { CSVColumn.knownNames.contains(CSVColumn.comparable($0)) }) { return .csv }
        }
        return .telegrams
    }

    /// Up to 64 KiB from the start of a file, for `sniff`.
    private static func readPrefix(url: URL, shownAs shown: String) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw EpistolaryError(.badData, file: shown, "no such file")
        }
        guard !isDirectory.boolValue else { throw EpistolaryError(.badData, file: shown, "is a folder, not a corpus file") }
        guard let handle = try? FileHandle(forReadingFrom: url) else { throw EpistolaryError(.badData, file: shown, "cannot be read") }
        defer { try? handle.close() }
        return [UInt8]((try? handle.read(upToCount: 65_536)) ?? Data())
    }

    /// The file's text: BOM removed, CRLF and CR line ends made LF. Rejects what is not text.
    /// A regular file is read straight into the string's own storage (`decodedText(capacity:)`):
    /// the text is the only copy of the file held, where reading it into `Data` first held two
    /// (a 751 MB table took 1.5 GB before a line of it was read).
    public static func decodedText(url: URL, shownAs shown: String) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw EpistolaryError(.badData, file: shown, "no such file")
        }
        guard !isDirectory.boolValue else { throw EpistolaryError(.badData, file: shown, "is a folder, not a corpus file") }
        let unreadable = EpistolaryError(.badData, file: shown, "cannot be read")
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw unreadable }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw unreadable }
        func wholeFile() throws -> Data {
            do { return try Data(contentsOf: url) } catch { throw unreadable }
        }
        // A FIFO or a device has no size to read into: it is read as it comes, from the one
        // open (a second open of a FIFO would be a second reader).
        guard info.st_mode & S_IFMT == S_IFREG else {
            let data = FileHandle(fileDescriptor: fd, closeOnDealloc: false).readDataToEndOfFile()
            return try decodedText(data: data, shownAs: shown)
        }
        let size = Int(info.st_size)
        return try decodedText(capacity: size, shownAs: shown, reread: wholeFile) { buffer in
            var filled = 0
            while filled < size {
                let got = read(fd, buffer.baseAddress! + filled, size - filled)
                if got < 0, errno == EINTR { continue }
                guard got > 0 else { throw unreadable }
                filled += got
            }
            return filled
        }
    }

    /// Decodes bytes as UTF-8 text (see `decodedText(url:shownAs:)`).
    /// - Complexity: O(n) in the bytes.
    public static func decodedText(data: Data, shownAs shown: String) throws -> String {
        try decodedText(capacity: data.count, shownAs: shown, reread: { data }) { buffer in
            data.copyBytes(to: buffer)
        }
    }

    /// The one rule for every corpus text: `fill` writes the file's bytes into the string's
    /// storage, which is then made text in place (`prepareInPlace`) and validated as UTF-8 by
    /// the string itself. The standard library repairs bad UTF-8 rather than refusing it, so a
    /// repair is detected (a changed length, or more U+FFFD than the bytes held) and only then
    /// are the bytes read again, from `reread`, to name the line of the first bad one.
    /// - Complexity: O(n) in the bytes; the string is the only copy.
    private static func decodedText(capacity: Int, shownAs shown: String, reread: () throws -> Data,
                                    fill: (UnsafeMutableBufferPointer<UInt8>) throws -> Int) throws -> String {
        var problem: Error?
        var count = 0
        var replacements = 0
        let text = String(unsafeUninitializedCapacity: max(capacity, 1)) { buffer in
            do {
                count = try prepareInPlace(buffer, count: fill(buffer), shownAs: shown)
                replacements = replacementCharacters(in: UnsafeBufferPointer(rebasing: buffer[..<count]))
                return count
            } catch {
                problem = error
                return 0
            }
        }
        if let problem { throw problem }
        var check = text
        let repaired = check.withUTF8 { $0.count != count || replacementCharacters(in: $0) != replacements }
        if repaired {
            let data = try reread()
            try data.withUnsafeBytes { raw in try throwAtFirstInvalidByte(raw.bindMemory(to: UInt8.self), shownAs: shown) }
            // The bytes read again were valid (the file changed meanwhile): read them as they are.
            return try decodedText(data: data, shownAs: shown)
        }
        return text
    }

    /// BOM removed, refused if empty or binary, CRLF and CR made LF: in place, within the
    /// first `count` bytes of `buffer`; returns how many bytes are the text.
    /// - Complexity: O(n) in the bytes.
    private static func prepareInPlace(_ buffer: UnsafeMutableBufferPointer<UInt8>, count filled: Int, shownAs shown: String) throws -> Int {
        guard let base = buffer.baseAddress else { throw EpistolaryError(.badData, file: shown, "the file is empty") }
        var n = filled
        if n >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF {
            memmove(base, base + 3, n - 3)
            n -= 3
        }
        let bytes = UnsafeBufferPointer(rebasing: buffer[..<n])
        guard !bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else {
            throw EpistolaryError(.badData, file: shown, "the file is empty")
        }
        if let nulPointer = memchr(base, 0, n) {
            let nul = base.distance(to: nulPointer.assumingMemoryBound(to: UInt8.self))
            let line = bytes[..<nul].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            throw EpistolaryError(.badData, file: shown, line: line, "binary data (a NUL byte), not text")
        }
        guard memchr(base, 0x0D, n) != nil else { return n }
        // CRLF as LF, a lone CR as LF; the write index never passes the read index.
        var written = 0
        for read in 0..<n {
            let b = base[read]
            if b == 0x0D {
                if read + 1 < n, base[read + 1] == 0x0A { continue }
                base[written] = 0x0A
            } else {
                base[written] = b
            }
            written += 1
        }
        return written
    }

    /// How many U+FFFD (EF BF BD) the bytes hold.
    private static func replacementCharacters(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard var at = bytes.baseAddress else { return 0 }
        let end = at + bytes.count
        var found = 0
        while at < end, let hit = memchr(at, 0xEF, end - at) {
            let p = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self))
            if end - p >= 3, p[1] == 0xBF, p[2] == 0xBD { found += 1 }
            at = p + 1
        }
        return found
    }

    /// Names the line of the first byte that is not UTF-8 (lines counted by LF after a BOM, as
    /// the file was given), scalar by scalar: only for a file already known to be bad.
    private static func throwAtFirstInvalidByte(_ all: UnsafeBufferPointer<UInt8>, shownAs shown: String) throws {
        let bytes = all.starts(with: [0xEF, 0xBB, 0xBF]) ? UnsafeBufferPointer(rebasing: all[3...]) : all
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var line = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): if s == "\n" { line += 1 }
            case .emptyInput: return
            case .error: throw EpistolaryError(.badData, file: shown, line: line, "not UTF-8 text (save the file as UTF-8)")
            }
        }
    }
}
