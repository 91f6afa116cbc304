import Foundation
import Testing
@testable import Correspondence

/// A telegram file is read in blocks, never whole (issue 13: memory): the blocks are exactly the
/// whole file's decoded text, and the corpus made of them is the one `read(text:)` makes of that
/// text, hash and errors included, wherever the blocks and the chunks read fall (CR LF, a
/// character of several bytes, a header, a bad byte on a block's edge).
@Suite struct TelegramStreamTests {
    func write(_ bytes: [UInt8], name: String) throws -> URL {
        let url = try Fixtures.temporaryFolder().appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    /// The blocks of a file, copied out, read with `blockSize` as the telegram reader reads.
    func blocks(of url: URL, blockSize: Int) throws -> [[UInt8]] {
        var source = try TextBlocks(url: url, shownAs: url.lastPathComponent, blockSize: blockSize)
        var result: [[UInt8]] = []
        while let block = try source.next(end: TelegramSegmenter.blockEnd) { result.append(Array(block)) }
        return result
    }

    /// The whole-text reading of a file: its decoded text, read in one pass.
    func wholeRead(_ url: URL, people: PersonTable) throws -> Corpus {
        let text = try CorpusLoader.decodedText(url: url, shownAs: url.path)
        return try TelegramReader.read(text: text, sourceName: url.lastPathComponent, path: url.path, people: people, pieceSize: Int.max)
    }

    func expectSame(_ streamed: Corpus, _ whole: Corpus, _ note: String) {
        #expect(streamed.messages.count == whole.messages.count, "\(note)")
        #expect(streamed.messages == whole.messages, "\(note)")
        #expect(streamed.issues == whole.issues, "\(note)")
        #expect(streamed.people.people == whole.people.people, "\(note)")
        #expect(streamed.sourceHash == whole.sourceHash, "\(note)")
    }

    /// Entries of every kind the segmenter tells apart, some with characters of two, three and
    /// four bytes, joined by blank lines.
    static func hostileText(entries: Int = 300) -> String {
        var blocks: [String] = []
        for k in 0..<entries {
            switch k % 8 {
            case 0: blocks.append("PERSONAL AND SECRET FROM\n\nJuly \(k % 28 + 1), 1942")
            case 1: blocks.append("Sent on March \(k % 28 + 1), 1943\n\nJ. V. STALIN TO W. CHURCHILL\n\nThank you for your message of March 3 — Überfall, café, 𝔊.")
            case 2: blocks.append("J. V. STALIN TO F. ROOSEVELT\n\nYour message arrived.\nIt was read at once.\n\nAugust \(k % 28 + 1), 1941")
            case 3: blocks.append("and the rest of a sentence that broke off — ‘quoted’ ¹.")
            case 4: blocks.append("June 5, 1944\n\nMOST SECRET")
            case 5: blocks.append("FROM W. CHURCHILL TO J. V. STALIN\n\nI agree ✓ with the plan.\n\nJ. STALIN")
            case 6: blocks.append("  \t\n   \nFROM ANNA MUSTER TO BERND BEISPIEL\n\nDie Bücher sind angekommen.\n\nMay \(k % 28 + 1), 1850")
            default: blocks.append("PERSONAL AND SECRET FROM PREMIER J. V. STALIN\nTO THE PRIME MINISTER, Mr W. CHURCHILL")
            }
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    static let lineEndForms: [(String, @Sendable (String) -> String)] = [
        ("lf", { $0 }),
        ("bom", { "\u{FEFF}" + $0 }),
        ("crlf", { $0.replacingOccurrences(of: "\n", with: "\r\n") }),
        ("cr", { $0.replacingOccurrences(of: "\n", with: "\r") }),
        ("bom-crlf-no-final-end", { "\u{FEFF}" + String($0.dropLast()).replacingOccurrences(of: "\n", with: "\r\n") }),
    ]

    /// The blocks put together are the whole decoded text, for every line-end form, with chunks
    /// of a few bytes (a CR LF and a character of several bytes split between two reads), and
    /// each block after the first starts after a blank line.
    @Test(arguments: [1, 7, 64, 1_000])
    func blocksAreTheWholeDecodedText(blockSize: Int) throws {
        for (name, form) in Self.lineEndForms {
            let url = try write(Array(form(Self.hostileText(entries: 60)).utf8), name: "blocks-\(name)-\(blockSize).txt")
            let whole = Array(try CorpusLoader.decodedText(url: url, shownAs: url.path).utf8)
            let blocks = try blocks(of: url, blockSize: blockSize)
            let joined = Array(blocks.joined())
            #expect(joined == whole ? true : false, "\(name): the blocks (\(joined.count) bytes) are not the whole text (\(whole.count) bytes)")
            #expect(blocks.count > (blockSize < 100 ? 20 : 3), "\(name): \(blocks.count) blocks")
            var offset = 0
            for block in blocks.dropLast() {
                offset += block.count
                // The byte before a block's start is the LF ending a blank line.
                #expect(whole[offset - 1] == 0x0A)
                var k = offset - 2
                while k >= 0, whole[k] == 0x20 || whole[k] == 0x09 { k -= 1 }
                #expect(k < 0 || whole[k] == 0x0A, "\(name): a block starts inside a paragraph at \(offset)")
            }
        }
    }

    /// The streamed corpus is the whole text's, for every line-end form, block size and piece
    /// size (pieces inside blocks, and blocks of one piece).
    @Test(arguments: [(7, 50), (333, 100), (2_000, 600), (5_000, 1_000_000)])
    func streamedCorpusIsTheWholeTextCorpus(blockSize: Int, pieceSize: Int) throws {
        let people = try PersonTable.bundled()
        for (name, form) in Self.lineEndForms {
            let url = try write(Array(form(Self.hostileText()).utf8), name: "stream-\(name)-\(blockSize)-\(pieceSize).txt")
            let streamed = try TelegramReader.read(contentsOf: url, sourceName: url.lastPathComponent, path: url.path, people: people,
                                                   pieceSize: pieceSize, blockSize: blockSize)
            expectSame(streamed, try wholeRead(url, people: people), "\(name) blocks of \(blockSize), pieces of \(pieceSize)")
        }
    }

    /// The reader sizes its list of entries by the file's size: a file has one, a pipe none
    /// (and the corpus read either way is the same: `streamedCorpusIsTheWholeTextCorpus`,
    /// `StdinStreamTests`).
    @Test func aFileHasASizeAndAPipeNone() throws {
        let bytes = Array(Self.hostileText().utf8)
        let url = try write(bytes, name: "sized.txt")
        #expect(try TextBlocks(url: url, shownAs: url.lastPathComponent, blockSize: 1_000).fileSize == bytes.count)
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        close(ends[1])
        let piped = TextBlocks(descriptor: ends[0], prefix: [], shownAs: "pipe", blockSize: 1_000)
        #expect(piped.fileSize == nil)
    }

    /// The bundled corpus in blocks, headers on the blocks' edges: the same corpus and hash as
    /// the whole text, and the same as `CorpusLoader.load` (which streams it).
    @Test(arguments: [(1_500, 700), (20_000, 7_919), (100_000, 40_000)])
    func bundledCorpusInBlocks(blockSize: Int, pieceSize: Int) throws {
        let people = try PersonTable.bundled()
        let url = try BundledCorpus.url()
        let whole = try wholeRead(url, people: people)
        let streamed = try TelegramReader.read(contentsOf: url, sourceName: url.lastPathComponent, path: url.path, people: people,
                                               pieceSize: pieceSize, blockSize: blockSize)
        expectSame(streamed, whole, "bundled, blocks of \(blockSize)")
        #expect(try blocks(of: url, blockSize: blockSize).count > 3)
        #expect(try CorpusLoader.load(path: nil).sourceHash == whole.sourceHash)
    }

    /// The error of the whole text, or nil.
    func error(_ body: () throws -> Any) -> EpistolaryError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error as? EpistolaryError
        }
    }

    /// A bad byte far into the file (in the third block or later) is reported with its line in
    /// the whole file, as the whole-text decoding reports it, by the blocks and by `load`.
    @Test(arguments: ["lf", "crlf", "bom"])
    func aBadByteInALateBlockNamesItsLine(form: String) throws {
        let text = Self.lineEndForms.first { $0.0 == form }!.1(Self.hostileText(entries: 200))
        var bytes = Array(text.utf8)
        // Just after the start of a line about three quarters in.
        var at = bytes.count * 3 / 4
        while bytes[at - 1] != 0x0A { at += 1 }
        bytes.insert(contentsOf: [0x63, 0xE9, 0x20], at: at)
        let url = try write(bytes, name: "late-bad-\(form).txt")
        let line = bytes[..<at].filter { $0 == 0x0A }.count + 1
        let whole = try #require(error { try CorpusLoader.decodedText(url: url, shownAs: url.path) })
        #expect(whole.line == line)
        #expect(whole.description.contains("not UTF-8"))
        let streamed = try #require(error { try TelegramReader.read(contentsOf: url, sourceName: "late.txt", path: url.path, people: .empty,
                                                                     pieceSize: 300, blockSize: 500) })
        #expect(streamed.description == whole.description)
        #expect(streamed.line == line && streamed.exitCode == 1)
        let loaded = try #require(error { try CorpusLoader.load(path: url.path) })
        #expect(loaded.description == whole.description)
        // The blocks before the bad one are given; the error comes in the third or a later one.
        var source = try TextBlocks(url: url, shownAs: url.path, blockSize: 500)
        var given = 0
        #expect(throws: EpistolaryError.self) {
            while try source.next(end: TelegramSegmenter.blockEnd) != nil { given += 1 }
        }
        #expect(given >= 2)
    }

    /// A bad byte, then a NUL in a later block: the NUL is reported, as by the whole text
    /// (which looked for a NUL before it decoded). A multi-byte character cut off by the end of
    /// the file is bad UTF-8 at its line.
    @Test func aNulAfterABadByteIsReportedFirstAndATruncatedCharacterAtTheEnd() throws {
        var bytes = Array(Self.hostileText(entries: 100).utf8)
        bytes.insert(0xFF, at: 200)
        bytes.insert(0x00, at: bytes.count - 100)
        let url = try write(bytes, name: "nul-after-bad.txt")
        let whole = try #require(error { try CorpusLoader.decodedText(url: url, shownAs: url.path) })
        #expect(whole.description.contains("binary"))
        let streamed = try #require(error { try TelegramReader.read(contentsOf: url, sourceName: "n.txt", path: url.path, people: .empty,
                                                                     pieceSize: 100, blockSize: 200) })
        #expect(streamed.description == whole.description)
        let cut = try write(Array(Self.hostileText(entries: 40).utf8) + [0xE2, 0x80], name: "cut-at-end.txt")
        let cutWhole = try #require(error { try CorpusLoader.decodedText(url: cut, shownAs: cut.path) })
        let cutStreamed = try #require(error { try TelegramReader.read(contentsOf: cut, sourceName: "c.txt", path: cut.path, people: .empty,
                                                                        pieceSize: 100, blockSize: 64) })
        #expect(cutStreamed.description == cutWhole.description && cutWhole.description.contains("UTF-8"))
    }

    /// Empty and blank files (blank over many blocks too), a BOM alone and binary data are
    /// refused as the whole text refuses them.
    @Test func emptyBlankAndBinaryFilesAsTheWholeText() throws {
        let cases: [(String, [UInt8])] = [
            ("empty.txt", []), ("bom-only.txt", [0xEF, 0xBB, 0xBF]),
            ("blank.txt", Array(String(repeating: " \t\n\r\n", count: 500).utf8)),
            ("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]),
            ("late-nul.txt", Array(Self.hostileText(entries: 50).utf8) + [0x00]),
        ]
        for (name, bytes) in cases {
            let url = try write(bytes, name: name)
            let whole = try #require(error { try CorpusLoader.decodedText(url: url, shownAs: url.path) }, "\(name)")
            let streamed = try #require(error { try TelegramReader.read(contentsOf: url, sourceName: name, path: url.path, people: .empty,
                                                                         pieceSize: 50, blockSize: 100) }, "\(name)")
            #expect(streamed.description == whole.description, "\(name)")
            #expect(streamed.kind == .badData && streamed.exitCode == 1, "\(name)")
        }
    }

    /// A FIFO has no size and no second open: it is read in blocks as it comes, with reads
    /// that return what the writer has given so far, and gives the file's corpus.
    @Test func aNamedPipeIsReadInBlocks() throws {
        let people = try PersonTable.bundled()
        let bytes = Array(("\u{FEFF}" + Self.hostileText(entries: 120)).replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let file = try write(bytes, name: "piped.txt")
        let path = try Fixtures.temporaryFolder().appendingPathComponent("piped-fifo.txt").path
        #expect(mkfifo(path, 0o600) == 0)
        let writer = Thread {
            let handle = FileHandle(forWritingAtPath: path)
            // In small writes, so that reads end anywhere.
            var at = 0
            while at < bytes.count {
                let end = min(at + 97, bytes.count)
                handle?.write(Data(bytes[at..<end]))
                at = end
            }
            try? handle?.close()
        }
        writer.start()
        let piped = try TelegramReader.read(contentsOf: URL(fileURLWithPath: path), sourceName: "piped.txt", path: file.path, people: people,
                                            pieceSize: 200, blockSize: 500)
        expectSame(piped, try wholeRead(file, people: people), "fifo")
    }

    /// A text with no likely header for far longer than a block still ends its blocks at
    /// paragraphs (`urgent`), and one with no blank line at all is one block: both read as the
    /// whole text.
    @Test func blocksEndAtParagraphsWithoutHeadersAndAFileWithoutBlankLinesIsOneBlock() throws {
        let prose = (0..<400).map { "the letter number \($0) went on at some length about the weather." }
        let text = "FROM ANNA MUSTER TO BERND BEISPIEL\n\n" + prose.joined(separator: "\n\n") + "\n"
        let url = try write(Array(text.utf8), name: "prose.txt")
        #expect(try blocks(of: url, blockSize: 500).count > 10)
        expectSame(try TelegramReader.read(contentsOf: url, sourceName: "prose.txt", path: url.path, people: .empty, pieceSize: 300, blockSize: 500),
                   try wholeRead(url, people: .empty), "prose")
        let dense = "FROM ANNA MUSTER TO BERND BEISPIEL\n\n" + prose.joined(separator: "\n") + "\n"
        let denseURL = try write(Array(dense.utf8), name: "dense.txt")
        #expect(try blocks(of: denseURL, blockSize: 500).count == 1)
        expectSame(try TelegramReader.read(contentsOf: denseURL, sourceName: "dense.txt", path: denseURL.path, people: .empty, pieceSize: 300, blockSize: 500),
                   try wholeRead(denseURL, people: .empty), "dense")
    }

    /// The reader segments a block while the next one is read (`TextBlocks.next` in the job run
    /// beside the pieces): a block handed out must stay as it was through the next call, whose
    /// reading and decoding (CR LF made LF, the bytes after the block moved) must not touch it.
    @Test func aBlockStaysAsItWasThroughTheNextCall() throws {
        let text = Self.hostileText(entries: 400).replacingOccurrences(of: "\n", with: "\r\n")
        let url = try write(Array(text.utf8), name: "kept.txt")
        let expected = try blocks(of: url, blockSize: 700)
        #expect(expected.count > 20)
        var source = try TextBlocks(url: url, shownAs: url.path, blockSize: 700)
        var previous = try #require(try source.next(end: TelegramSegmenter.blockEnd))
        var k = 0
        while true {
            let following = try source.next(end: TelegramSegmenter.blockEnd)
            #expect(Array(previous) == expected[k], "block \(k) changed by the next call")
            k += 1
            guard let following else { break }
            previous = following
        }
        #expect(k == expected.count)
    }
}
