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
    public static func decodedText(url: URL, shownAs shown: String) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw EpistolaryError(.badData, file: shown, "no such file")
        }
        guard !isDirectory.boolValue else { throw EpistolaryError(.badData, file: shown, "is a folder, not a corpus file") }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw EpistolaryError(.badData, file: shown, "cannot be read")
        }
        return try decodedText(data: data, shownAs: shown)
    }

    /// Decodes bytes as UTF-8 text (see `decodedText(url:shownAs:)`).
    /// The bytes are read in place: the text is the only copy made (two when line ends are CR).
    /// - Complexity: O(n) in the bytes.
    public static func decodedText(data: Data, shownAs shown: String) throws -> String {
        try data.withUnsafeBytes { raw in
            try decodedText(bytes: raw.bindMemory(to: UInt8.self), shownAs: shown)
        }
    }

    private static func decodedText(bytes all: UnsafeBufferPointer<UInt8>, shownAs shown: String) throws -> String {
        let bytes = all.starts(with: [0xEF, 0xBB, 0xBF]) ? UnsafeBufferPointer(rebasing: all[3...]) : all
        guard !bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else {
            throw EpistolaryError(.badData, file: shown, "the file is empty")
        }
        if let base = bytes.baseAddress, let nulPointer = memchr(base, 0, bytes.count) {
            let nul = base.distance(to: nulPointer.assumingMemoryBound(to: UInt8.self))
            let line = bytes[..<nul].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            throw EpistolaryError(.badData, file: shown, line: line, "binary data (a NUL byte), not text")
        }
        // The standard library validates in bulk (where it can: macOS 15 and later, or Linux);
        // only a file that fails is decoded scalar by scalar, to name the line of the bad byte.
        var validated: String?
        if #available(macOS 15, *) { validated = String(validating: bytes, as: UTF8.self) }
        if validated == nil {
            var decoder = UTF8()
            var iterator = bytes.makeIterator()
            var line = 1
            decoding: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let s): if s == "\n" { line += 1 }
                case .emptyInput: break decoding
                case .error: throw EpistolaryError(.badData, file: shown, line: line, "not UTF-8 text (save the file as UTF-8)")
                }
            }
        }
        guard let base = bytes.baseAddress, memchr(base, 0x0D, bytes.count) != nil else {
            return validated ?? String(decoding: bytes, as: UTF8.self)
        }
        validated = nil
        var unified: [UInt8] = []
        unified.reserveCapacity(bytes.count)
        for (i, b) in bytes.enumerated() {
            if b == 0x0D {
                if i + 1 < bytes.count, bytes[i + 1] == 0x0A { continue }
                unified.append(0x0A)
            } else {
                unified.append(b)
            }
        }
        return String(decoding: unified, as: UTF8.self)
    }
}
