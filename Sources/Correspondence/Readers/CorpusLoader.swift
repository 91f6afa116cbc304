import Foundation

/// Opens a corpus file, checks it is readable text, and dispatches on its extension:
/// `.txt` / `.md` telegram text (`TelegramReader`), `.csv` a table (`CSVReader`),
/// `.xml` CMIF (`CMIFReader`, added by the export module). Without a path it reads the
/// bundled war telegrams.
public enum CorpusLoader {
    /// Reads a corpus; nil reads the bundled one. Throws `.badData` naming the file for a
    /// missing, empty, binary or non-UTF-8 file, or one with nothing recognisable in it.
    public static func load(path: String?, people: PersonTable? = nil) throws -> Corpus {
        let table = try people ?? PersonTable.bundled()
        guard let path else {
            guard let url = Bundle.module.url(forResource: "war-telegrams", withExtension: "txt", subdirectory: "Resources") else {
                throw EpistolaryError(.environment, "the bundled corpus war-telegrams.txt is missing from the build")
            }
            let text = try decodedText(url: url, shownAs: "war-telegrams.txt")
            return try TelegramReader.read(text: text, sourceName: "war-telegrams.txt", people: table)
        }
        InputFiles.note(path)
        let url = URL(fileURLWithPath: path)
        let ext = url.pathExtension.lowercased()
        let name = url.lastPathComponent
        switch ext {
        case "txt", "md", "text":
            return try TelegramReader.read(text: try decodedText(url: url, shownAs: path), sourceName: name, path: path, people: table)
        case "csv":
            return try CSVReader.read(text: try decodedText(url: url, shownAs: path), sourceName: name, path: path, people: table)
        case "xml":
            return try CMIFReader.read(path: path, people: table)
        default:
            throw EpistolaryError(.badUsage, file: path, "unknown corpus format .\(ext) (expected .txt or .md telegram text, .csv, or .xml CMIF)")
        }
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
    public static func decodedText(data: Data, shownAs shown: String) throws -> String {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard !bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else {
            throw EpistolaryError(.badData, file: shown, "the file is empty")
        }
        if let nul = bytes.firstIndex(of: 0) {
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
        let valid = validated ?? String(decoding: bytes, as: UTF8.self)
        guard bytes.contains(0x0D) else { return valid }
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
