import Foundation
import Testing
@testable import Correspondence

/// Standard input (`--corpus -`) is read as a file is (issue 13: memory): telegram text in
/// blocks after the bytes read to choose its format, a table in blocks from a temporary copy.
/// A pipe, written by another thread as it is read, gives the corpus the file gives.
@Suite struct StdinStreamTests {
    /// The read end of a pipe another thread writes `bytes` into (then closes); the caller closes
    /// the read end.
    static func pipe(_ bytes: [UInt8]) throws -> Int32 {
        var ends: [Int32] = [0, 0]
        try #require(Foundation.pipe(&ends) == 0)
        let writer = ends[1]
        Thread.detachNewThread {
            bytes.withUnsafeBytes { raw in
                var done = 0
                while done < raw.count {
                    let wrote = Foundation.write(writer, raw.baseAddress! + done, min(raw.count - done, 4_093))
                    if wrote < 0, errno == EINTR { continue }
                    guard wrote > 0 else { break }
                    done += wrote
                }
            }
            close(writer)
        }
        return ends[0]
    }

    /// `CorpusLoader.load(path: "-")` with a pipe for standard input.
    static func loadFromPipe(_ bytes: [UInt8], format: CorpusFormat? = nil) throws -> Corpus {
        let input = try pipe(bytes)
        defer { close(input) }
        return try CorpusLoader.load(path: "-", format: format, people: nil, csv: CSVLayout(), standardInput: input)
    }

    func write(_ bytes: [UInt8], name: String) throws -> URL {
        let url = try Fixtures.temporaryFolder().appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    /// Telegram text of more than the bytes sniffed (64 KiB), with a BOM and CR LF: the corpus of
    /// the pipe is that of the file, through the loader and read in small blocks.
    @Test func telegramTextFromAPipeIsReadAsTheFile() throws {
        let text = "\u{FEFF}" + TelegramStreamTests.hostileText(entries: 3_000).replacingOccurrences(of: "\n", with: "\r\n")
        let bytes = Array(text.utf8)
        #expect(bytes.count > 2 * CorpusLoader.sniffedBytes)
        let url = try write(bytes, name: "telegrams.txt")
        let people = try PersonTable.bundled()
        let file = CSVStreamTests.outcome { try TelegramReader.read(contentsOf: url, sourceName: "stdin", path: "stdin", people: people) }
        CSVStreamTests.expectSame(CSVStreamTests.outcome { try Self.loadFromPipe(bytes) }, file, "loader")
        CSVStreamTests.expectSame(CSVStreamTests.outcome { try Self.loadFromPipe(bytes, format: .telegrams) }, file, "loader, format given")
        for (prefix, blockSize) in [(0, 1_000), (7, 64), (CorpusLoader.sniffedBytes, 10_000)] {
            let input = try Self.pipe(Array(bytes.dropFirst(prefix)))
            let piped = CSVStreamTests.outcome {
                try TelegramReader.read(descriptor: input, prefix: Array(bytes.prefix(prefix)), sourceName: "stdin", path: "stdin",
                                        people: people, pieceSize: 300, blockSize: blockSize)
            }
            CSVStreamTests.expectSame(piped, file, "prefix \(prefix), blocks of \(blockSize)")
        }
    }

    /// A table of more than the bytes sniffed, with an unclosed quote late: the corpus of the
    /// pipe is that of the file read in blocks, and of its whole text; a bad byte is reported on
    /// its line, named "stdin".
    @Test func aTableFromAPipeIsReadAsTheFile() throws {
        let text = CSVStreamTests.unclosed(rows: 3_000, at: 2_900)
        let bytes = Array(text.utf8)
        #expect(bytes.count > 2 * CorpusLoader.sniffedBytes)
        let url = try write(bytes, name: "table.csv")
        let file = CSVStreamTests.outcome { try CSVReader.read(contentsOf: url, sourceName: "stdin", path: "stdin", people: .empty) }
        let whole = CSVStreamTests.outcome { try CSVReader.read(text: text, sourceName: "stdin", path: "stdin", people: .empty) }
        CSVStreamTests.expectSame(file, whole, "file")
        CSVStreamTests.expectSame(CSVStreamTests.outcome { try Self.loadFromPipe(bytes) }, file, "loader")
        CSVStreamTests.expectSame(CSVStreamTests.outcome { try Self.loadFromPipe(bytes, format: .csv) }, file, "loader, format given")
        let input = try Self.pipe(Array(bytes.dropFirst(100)))
        defer { close(input) }
        let small = CSVStreamTests.outcome {
            try CSVReader.read(CSVSource.copying(descriptor: input, prefix: Array(bytes.prefix(100)), shownAs: "stdin", blockSize: 50),
                               sourceName: "stdin", people: .empty, layout: CSVLayout())
        }
        CSVStreamTests.expectSame(small, file, "blocks of 50")
        let bad = bytes + [0xFF, 0x0A]
        let lines = bytes.filter { $0 == 0x0A }.count
        guard case .error(let message) = CSVStreamTests.outcome({ try Self.loadFromPipe(bad) }) else {
            Issue.record("a bad byte was read")
            return
        }
        #expect(message == "stdin:\(lines + 1): not UTF-8 text (save the file as UTF-8)")
    }

    /// CMIF from a pipe is still read (whole: the XML parser takes its input as `Data`).
    @Test func cmifFromAPipeIsRead() throws {
        let folder = Fixtures.root.appendingPathComponent("cmif")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".xml") }.sorted().first)
        let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
        let piped = try Self.loadFromPipe(bytes)
        let file = try CMIFReader.read(data: Data(bytes), sourceName: "stdin", shownAs: "stdin", people: .empty)
        #expect(piped.messages == file.messages && !piped.messages.isEmpty)
        #expect(piped.sourceHash == file.sourceHash)
        #expect(piped.sourceName == "stdin" && piped.issues == file.issues && piped.people.people == file.people.people)
    }

    /// CMIF on standard input is read from a temporary copy by its descriptor's path, as a file
    /// is: a document larger than a pipe's buffer and the reader's blocks gives the corpus the
    /// bytes give, and a broken one the same error, naming standard input and the line.
    @Test func cmifFromAPipeIsReadFromACopyWithTheFilesErrors() throws {
        var document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc>"
            + "<titleStmt><title>Piped</title></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc>"
            + "<profileDesc>\n"
        for k in 0..<3_000 {
            document += "<correspDesc><correspAction type=\"sent\"><persName>Writer \(k % 7)</persName><date when=\"18\(10 + k % 80)-0\(1 + k % 9)-1\(k % 10)\"/>"
                + "</correspAction><correspAction type=\"received\"><persName>Reader \(k % 11)</persName></correspAction></correspDesc>\n"
        }
        document += "</profileDesc></teiHeader><text><body><p/></body></text></TEI>\n"
        let bytes = Array(document.utf8)
        #expect(bytes.count > 600_000)
        let piped = try Self.loadFromPipe(bytes)
        let whole = try CMIFReader.read(data: Data(bytes), sourceName: "stdin", shownAs: "stdin", people: .empty)
        #expect(piped.messages.count == 3_000 && piped.messages == whole.messages)
        #expect(piped.sourceHash == whole.sourceHash && piped.issues == whole.issues)
        // Cut off inside a record: the parser's error, naming standard input, as for the bytes.
        let cut = Array(bytes[..<(bytes.count / 2)])
        var pipedError: EpistolaryError?
        do { _ = try Self.loadFromPipe(cut) } catch let error as EpistolaryError { pipedError = error }
        var wholeError: EpistolaryError?
        do { _ = try CMIFReader.read(data: Data(cut), sourceName: "stdin", shownAs: "stdin", people: .empty) } catch let error as EpistolaryError { wholeError = error }
        let p = try #require(pipedError), w = try #require(wholeError)
        #expect(p.description == w.description && p.description.contains("stdin"))
        #expect(p.line == w.line && p.line != nil)
    }
}
