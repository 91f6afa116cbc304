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
/// `.tei` CMIF), else the content (see `sniff`). A path of `-` reads standard input (telegram
/// text in blocks as a file; a table and CMIF from a temporary copy, `TemporaryCopy`). Without
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
        try load(path: path, format: format, people: people, csv: csv, standardInput: STDIN_FILENO)
    }

    /// `load(path:format:people:csv:)` with `standardInput` the descriptor `-` reads (tests
    /// give a pipe; it is not closed).
    static func load(path: String?, format: CorpusFormat?, people: PersonTable?, csv: CSVLayout,
                     standardInput: Int32) throws -> Corpus {
        guard let path else {
            return try TelegramReader.read(contentsOf: try BundledCorpus.url(), sourceName: BundledCorpus.name, path: BundledCorpus.name,
                                           people: try people ?? PersonTable.bundled())
        }
        let isStdin = path == "-"
        if !isStdin { InputFiles.note(path) }
        let url = URL(fileURLWithPath: path)
        let name = isStdin ? "stdin" : url.lastPathComponent
        let shown = isStdin ? "stdin" : path
        // Standard input's first bytes are read to choose its format, then handed to the reader
        // with the rest (it cannot be read from its start again).
        let prefix = isStdin && format == nil ? try readPrefix(descriptor: standardInput, shownAs: shown) : []
        let chosen: CorpusFormat
        if let format {
            chosen = format
        } else if !isStdin, let byExtension = formatByExtension[url.pathExtension.lowercased()] {
            chosen = byExtension
        } else {
            chosen = sniff(isStdin ? prefix : try readPrefix(url: url, shownAs: shown))
        }
        switch chosen {
        case .cmif:
            guard isStdin else { return try CMIFReader.read(path: path, people: people ?? .empty) }
            // Copied as it comes to an unlinked temporary file, which the XML parser, the hash
            // and the record count read by its descriptor's path, as they read a file: never
            // whole in memory. Where no temporary file can be made, read whole as `Data`.
            // (Linux: opening /dev/fd/N opens the file anew, at its start, for each reader.)
            #if os(Linux)
            if let copy = try TemporaryCopy.make(of: standardInput, prefix: prefix, shownAs: shown) {
                defer { close(copy) }
                return try CMIFReader.read(path: "/dev/fd/\(copy)", sourceName: name, shownAs: shown, people: people ?? .empty)
            }
            #endif
            var data = Data(prefix)
            data.append(FileHandle(fileDescriptor: standardInput, closeOnDealloc: false).readDataToEndOfFile())
            return try CMIFReader.read(data: data, sourceName: name, shownAs: shown, people: people ?? .empty)
        case .telegrams:
            // Read in blocks, never whole (`TextBlocks`); a FIFO given by its path too.
            guard isStdin else {
                return try TelegramReader.read(contentsOf: url, sourceName: name, path: shown, people: try people ?? PersonTable.bundled())
            }
            let own = dup(standardInput)
            guard own >= 0 else { throw EpistolaryError(.badData, file: shown, "cannot be read") }
            return try TelegramReader.read(descriptor: own, prefix: prefix, sourceName: name, path: shown,
                                           people: try people ?? PersonTable.bundled())
        case .csv:
            // Read in blocks, never whole (`CSVSource`); standard input and a FIFO are copied to a
            // temporary file first, to be read twice.
            guard isStdin else {
                return try CSVReader.read(contentsOf: url, sourceName: name, path: shown, people: people ?? .empty, layout: csv)
            }
            return try CSVReader.read(descriptor: standardInput, prefix: prefix, sourceName: name, path: shown,
                                      people: people ?? .empty, layout: csv)
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

    /// Bytes `sniff` looks at, at most.
    static let sniffedBytes = 65_536

    /// Up to `sniffedBytes` from an open descriptor (standard input), for `sniff`: read until
    /// there are that many or the input ends (a pipe gives what it has at each read).
    /// - Complexity: O(`sniffedBytes`).
    static func readPrefix(descriptor: Int32, shownAs shown: String) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: sniffedBytes)
        var filled = 0
        while filled < sniffedBytes {
            let got = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, sniffedBytes - filled) }
            if got < 0, errno == EINTR { continue }
            guard got >= 0 else { throw EpistolaryError(.badData, file: shown, "cannot be read") }
            if got == 0 { break }
            filled += got
        }
        bytes.removeLast(sniffedBytes - filled)
        return bytes
    }

    /// Up to `sniffedBytes` from the start of a file, for `sniff`.
    private static func readPrefix(url: URL, shownAs shown: String) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw EpistolaryError(.badData, file: shown, "no such file")
        }
        guard !isDirectory.boolValue else { throw EpistolaryError(.badData, file: shown, "is a folder, not a corpus file") }
        guard let handle = try? FileHandle(forReadingFrom: url) else { throw EpistolaryError(.badData, file: shown, "cannot be read") }
        defer { try? handle.close() }
        return [UInt8]((try? handle.read(upToCount: sniffedBytes)) ?? Data())
    }

    /// The file's text: BOM removed, CRLF and CR line ends made LF (`CorpusTextDecoder`).
    /// Rejects what is not text. A regular file is read straight into the string's own storage
    /// (`decodedText(capacity:)`): the text is the only copy of the file held, where reading it
    /// into `Data` first held two (a 751 MB table took 1.5 GB before a line of it was read).
    /// A telegram file and a table are not read whole at all (`TextBlocks`, `CSVSource`).
    public static func decodedText(url: URL, shownAs shown: String) throws -> String {
        let file = try openCorpusFile(url: url, shownAs: shown)
        defer { close(file.descriptor) }
        // A FIFO or a device has no size to read into: it is read as it comes, from the one
        // open (a second open of a FIFO would be a second reader).
        guard let size = file.size else {
            let data = FileHandle(fileDescriptor: file.descriptor, closeOnDealloc: false).readDataToEndOfFile()
            return try decodedText(data: data, shownAs: shown)
        }
        let unreadable = EpistolaryError(.badData, file: shown, "cannot be read")
        return try decodedText(capacity: size, shownAs: shown) { buffer in
            var filled = 0
            while filled < size {
                let got = read(file.descriptor, buffer.baseAddress! + filled, size - filled)
                if got < 0, errno == EINTR { continue }
                guard got > 0 else { throw unreadable }
                filled += got
            }
            return filled
        }
    }

    /// An open corpus file: its descriptor (the caller closes it) and, for a regular file, its size
    /// (nil for a FIFO or a device, read as it comes).
    struct OpenFile {
        let descriptor: Int32
        let size: Int?
    }

    /// Opens a corpus file for reading, once. Throws `.badData` naming it when it is missing, a
    /// folder, or cannot be read.
    static func openCorpusFile(url: URL, shownAs shown: String) throws -> OpenFile {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw EpistolaryError(.badData, file: shown, "no such file")
        }
        guard !isDirectory.boolValue else { throw EpistolaryError(.badData, file: shown, "is a folder, not a corpus file") }
        let unreadable = EpistolaryError(.badData, file: shown, "cannot be read")
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw unreadable }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            close(fd)
            throw unreadable
        }
        return OpenFile(descriptor: fd, size: info.st_mode & S_IFMT == S_IFREG ? Int(info.st_size) : nil)
    }

    /// Decodes bytes as UTF-8 text (see `decodedText(url:shownAs:)`).
    /// - Complexity: O(n) in the bytes.
    public static func decodedText(data: Data, shownAs shown: String) throws -> String {
        try decodedText(capacity: data.count, shownAs: shown) { buffer in
            data.copyBytes(to: buffer)
        }
    }

    /// The whole file as one text: `fill` writes the file's bytes into the string's storage,
    /// which is then made text in place by the one rule (`CorpusTextDecoder`, given the file as
    /// a single chunk). The string validates its UTF-8 again, and finds it valid.
    /// - Complexity: O(n) in the bytes; the string is the only copy.
    private static func decodedText(capacity: Int, shownAs shown: String,
                                    fill: (UnsafeMutableBufferPointer<UInt8>) throws -> Int) throws -> String {
        var problem: Error?
        let text = String(unsafeUninitializedCapacity: max(capacity, 1)) { buffer in
            do {
                var decoder = CorpusTextDecoder(shownAs: shown)
                let count = try decoder.decode(buffer.baseAddress!, count: fill(buffer), last: true)
                try decoder.finish()
                return count
            } catch {
                problem = error
                return 0
            }
        }
        if let problem { throw problem }
        return text
    }
}
