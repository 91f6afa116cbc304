import EpistolaryTestSupport
import Foundation
import Testing
@testable import Correspondence

/// A table is read in blocks, never whole (issue 13: memory): the corpus and the issues are
/// those the whole decoded text gives (`read(text:)` of `CorpusLoader.decodedText`), errors,
/// lines, ids and hash included, wherever the blocks and the reads fall: an unclosed quote early,
/// late or on a block's edge, a quoted field of many lines across blocks, CR LF and characters of
/// several bytes split between reads (a block size of 1 reads a byte at a time), a BOM, a bad
/// byte in a late block, an empty file.
@Suite struct CSVStreamTests {
    static let blockSizes = [1, 3, 7, 64, 1_000]

    func write(_ bytes: [UInt8], name: String) throws -> URL {
        let url = try Fixtures.temporaryFolder().appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    /// A read's corpus, or its error as printed.
    enum Outcome {
        case corpus(Corpus)
        case error(String)
    }

    static func outcome(_ read: () throws -> Corpus) -> Outcome {
        do { return .corpus(try read()) } catch { return .error("\(error)") }
    }

    /// The table read whole, as before: its decoded text, read by `read(text:)`.
    static func whole(_ url: URL, layout: CSVLayout = CSVLayout()) -> Outcome {
        outcome {
            let text = try CorpusLoader.decodedText(url: url, shownAs: url.path)
            return try CSVReader.read(text: text, sourceName: url.lastPathComponent, path: url.path, people: .empty, layout: layout)
        }
    }

    /// The table read in blocks of at least `blockSize` bytes.
    static func streamed(_ url: URL, blockSize: Int, layout: CSVLayout = CSVLayout()) -> Outcome {
        outcome {
            try CSVReader.read(CSVSource.open(url: url, shownAs: url.path, blockSize: blockSize), sourceName: url.lastPathComponent,
                               people: .empty, layout: layout)
        }
    }

    static func expectSame(_ streamed: Outcome, _ whole: Outcome, _ note: String) {
        switch (streamed, whole) {
        case let (.corpus(s), .corpus(w)):
            #expect(s.messages.count == w.messages.count, "\(note)")
            #expect(s.messages == w.messages, "\(note)")
            #expect(s.issues == w.issues, "\(note)")
            #expect(s.people.people == w.people.people, "\(note)")
            #expect(s.sourceHash == w.sourceHash && !s.sourceHash.isEmpty, "\(note)")
            #expect(s.sourceName == w.sourceName, "\(note)")
        case let (.error(s), .error(w)):
            #expect(s == w, "\(note)")
        case let (.corpus(s), .error(w)):
            Issue.record("\(note): read in blocks gave \(s.messages.count) letters, whole: \(w)")
        case let (.error(s), .corpus(w)):
            Issue.record("\(note): read in blocks failed (\(s)), whole gave \(w.messages.count) letters")
        }
    }

    /// The blocks a file's read hands over, counted (a test that reads in blocks must make many).
    static func blockCount(_ url: URL, blockSize: Int) throws -> Int {
        var count = 0
        try CSVSource.open(url: url, shownAs: url.path, blockSize: blockSize).forEachBlock { _, _ in count += 1 }
        return count
    }

    /// Rows of every kind the reader tells apart: plain, quoted with line breaks and characters
    /// of two, three and four bytes, doubled quotes, a stray quote, text after a closing quote, a
    /// quote that closes two lines on, a wrong number of fields, a blank line, a repeated id, a bad
    /// date, a quoted field of twenty lines. `quoteFree`: only rows without a quote that opens and
    /// closes (the rows after an unclosed quote, which must stay unclosed).
    static func rows(_ range: Range<Int>, quoteFree: Bool = false) -> String {
        var out = ""
        for k in range {
            switch quoteFree ? [0, 2, 5, 6, 7, 8][k % 6] : k % 11 {
            case 0: out += "r\(k),Anna Weber,Karl Meier,1890-01-\(k % 28 + 1),plain\n"
            case 1: out += "r\(k),\"Müller, Jörg\",\"Ström, Åsa;Karl Meier\",1891-02-03,\"line one\nline two 𝔊\nline three — ✓\"\n"
            case 2: out += quoteFree ? "r\(k),He said \"\"hi\"\",Karl,1890,x\n" : "r\(k),\"He said \"\"hi\"\"\",Karl,1890,\"a \"\"b\"\" c\"\n"
            case 3: out += "r\(k),Ann\"a,Karl,1890-03-01,x\n"
            case 4: out += "r\(k),\"Anna\" W,Karl,1890-03-02,y\n"
            case 5: out += "r\(k),Anna,Karl\n"
            case 6: out += "\n"
            case 7: out += "r\(max(0, k - 7)),Anna,Karl,1890-01-01,dup\n"
            case 8: out += "r\(k),Анна,Карл,1890-13-45,ünïcödé ✓ 𝔊\n"
            case 9: out += "r\(k),Anna,Karl,1890-04-04,\"" + (0..<20).map { "paragraph \($0) — ü\n" }.joined() + "end\"\n"
            default: out += "r\(k),\"Anna,Karl,1890\nmore, stuff\nand\" tail,Karl,1890-05-05,z\n"
            }
        }
        return out
    }

    static let header = "id,sender,addressee,date,note\n"

    /// A quoted field opened on row `at` and never closed: every quote after it is doubled.
    static func unclosed(rows count: Int, at: Int) -> String {
        header + rows(0..<at) + "r\(at),\"Anna never closed,Karl,1890-06-06,q\n" + rows(at + 1..<count, quoteFree: true)
    }

    /// The fixtures of `Tests/Fixtures/csv`, read in blocks of every size, are read as whole.
    @Test(arguments: blockSizes)
    func fixturesReadInBlocksAreReadAsWhole(blockSize: Int) throws {
        var mapping = CSVLayout()
        for line in try Fixtures.text("csv/mapping.toml").split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            try mapping.set(parts[0], to: String(parts[1].dropFirst().dropLast()))
        }
        let folder = Fixtures.root.appendingPathComponent("csv")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }.sorted()
        #expect(names.count >= 7)
        for name in names {
            let url = folder.appendingPathComponent(name)
            let layout = name == "mapped-semicolon.csv" ? mapping : CSVLayout()
            let whole = Self.whole(url, layout: layout)
            if case .error(let e) = whole { Issue.record("\(name): \(e)") }
            Self.expectSame(Self.streamed(url, blockSize: blockSize, layout: layout), whole, "\(name), blocks of \(blockSize)")
        }
        #expect(try Self.blockCount(folder.appendingPathComponent("many-people.csv"), blockSize: blockSize) > (blockSize < 100 ? 100 : 10))
    }

    /// A hostile table in every line-end form (LF, BOM, CR LF, CR, no final line end) and with an
    /// unclosed quote early, in the middle and on the last row.
    @Test(arguments: blockSizes)
    func hostileTablesReadInBlocksAreReadAsWhole(blockSize: Int) throws {
        // A header whose first cell holds a line break: its delimiter is read past that line.
        let semicolons = "\"id\nkey\";sender;addressee;date;note\n" + Self.rows(0..<60).replacingOccurrences(of: ",", with: ";")
        // Reads of one byte are slow in a debug build: fewer rows for them.
        let count = blockSize == 1 ? 40 : 120
        let tables = [("mixed", Self.header + Self.rows(0..<count)), ("semicolons", semicolons)]
            + [1, count / 2, count - 1].map { ("unclosed-\($0)", Self.unclosed(rows: count, at: $0)) }
        for (table, text) in tables {
            for (form, change) in TelegramStreamTests.lineEndForms {
                let url = try write(Array(change(text).utf8), name: "\(table)-\(form)-\(blockSize).csv")
                let whole = Self.whole(url)
                guard case .corpus(let corpus) = whole else { Issue.record("\(table) \(form): \(whole)"); continue }
                if table.hasPrefix("unclosed") {
                    #expect(corpus.issues.filter { $0.detail.hasPrefix("a quoted field is never closed") }.count == 1, "\(table) \(form)")
                }
                Self.expectSame(Self.streamed(url, blockSize: blockSize), whole, "\(table) \(form), blocks of \(blockSize)")
            }
        }
    }

    /// An unclosed quote, and a quoted field of many lines, right on a block's edge: the first
    /// block ends at the first line end at or after the block size, so a block size of each
    /// offset around the quote's line puts the edge before it, inside it and after it.
    @Test func aQuoteOnABlocksEdgeIsReadAsWhole() throws {
        for (name, text) in [("unclosed", Self.unclosed(rows: 30, at: 12)), ("closed", Self.header + Self.rows(0..<30))] {
            let url = try write(Array(text.utf8), name: "edge-\(name).csv")
            let whole = Self.whole(url)
            let bytes = Array(text.utf8)
            // Offsets of the quotes that open a field on a line's start or after a delimiter.
            let quotes = bytes.indices.filter { bytes[$0] == 0x22 && $0 > 0 && (bytes[$0 - 1] == 0x2C || bytes[$0 - 1] == 0x0A) }
            #expect(!quotes.isEmpty)
            for quote in quotes.prefix(12) {
                for blockSize in max(1, quote - 3)...(quote + 3) {
                    Self.expectSame(Self.streamed(url, blockSize: blockSize), whole, "\(name): quote at \(quote), blocks of \(blockSize)")
                }
            }
        }
    }

    /// A byte that is not UTF-8, or a NUL, in a late block: the same error, naming the same line;
    /// a NUL anywhere wins over a bad byte anywhere, as for the whole file.
    @Test(arguments: [1, 64, 1_000])
    func aBadByteInALateBlockIsReportedWithItsLine(blockSize: Int) throws {
        let text = Array((Self.header + Self.rows(0..<200)).utf8)
        let lines = text.filter { $0 == 0x0A }.count
        let badUTF8 = text + Array("r-late,Anna,Karl,1890-01-01,".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        let nulAfterBad = Array("r0,Anna,Karl,1890,".utf8) + [0xFF, 0x0A]
        var nulLate = Array((Self.header).utf8) + nulAfterBad + text.dropFirst(Self.header.utf8.count)
        nulLate += Array("late,".utf8) + [0x00, 0x0A]
        for (name, bytes) in [("bad-utf8", badUTF8), ("nul-after-bad", nulLate)] {
            let url = try write(bytes, name: "\(name)-\(blockSize).csv")
            let whole = Self.whole(url)
            guard case .error(let message) = whole else { Issue.record("\(name): read"); continue }
            #expect(message.contains(name == "bad-utf8" ? ":\(lines + 1): not UTF-8" : "binary data"), "\(message)")
            Self.expectSame(Self.streamed(url, blockSize: blockSize), whole, "\(name), blocks of \(blockSize)")
        }
    }

    /// An empty file, one of white space, a header and nothing else, a header without the
    /// columns, a header row of more than a megabyte: the same error.
    @Test func filesThatAreRefusedAreRefusedAlike() throws {
        let longHeader = "sender,addressee,\"note" + String(repeating: "a long header cell\n", count: 60_000) + "\"\nA,B,c\n"
        let cases: [(String, [UInt8], Int)] = [
            ("empty", [], 7), ("white", Array("  \n\t\r\n".utf8), 1), ("header-only", Array("sender,addressee\n".utf8), 3),
            ("no-columns", Array("a,b,c\n1,2,3\n".utf8), 2), ("no-readable-row", Array("sender,addressee\nA,B,C\n\"x\n".utf8), 2),
            ("long-header", Array(longHeader.utf8), 65_536),
        ]
        for (name, bytes, blockSize) in cases {
            let url = try write(bytes, name: "\(name).csv")
            let whole = Self.whole(url)
            guard case .error = whole else { Issue.record("\(name): read"); continue }
            Self.expectSame(Self.streamed(url, blockSize: blockSize), whole, name)
        }
    }

    /// The reader holds one record at a time beyond its block: on a table of many rows no more
    /// than its longest record; an unclosed quote holds the rest of the text (it is known not to
    /// close only at the end), and only once.
    @Test func aTableReadInBlocksHoldsARecordAtATime() throws {
        func mostHeld(_ text: String) throws -> (held: Int, rows: Int) {
            let url = try write(Array(text.utf8), name: "held.csv")
            var scanner = CSVRecordScanner(delimiter: ",")
            var most = 0, rows = 0
            try CSVSource.open(url: url, shownAs: url.path, blockSize: 64).forEachBlock { block, last in
                scanner.add(block, last: last) { _ in rows += 1 }
                most = max(most, scanner.held)
            }
            scanner.finish { _ in rows += 1 }
            return (most, rows)
        }
        let table = Self.header + Self.rows(0..<2_000)
        let longestRecord = Self.rows(9..<10).utf8.count
        let plain = try mostHeld(table)
        #expect(plain.held > 0 && plain.held <= longestRecord, "\(plain.held) bytes held, the longest record has \(longestRecord)")
        #expect(plain.rows == CSVRecords(table).rows.count)
        let text = Self.unclosed(rows: 2_000, at: 100)
        let open = try mostHeld(text)
        let rest = text.utf8.count - (Self.header + Self.rows(0..<100)).utf8.count
        #expect(open.held >= rest - 1 && open.held <= rest, "\(open.held) bytes held for an unclosed quote, \(rest) after it")
        #expect(open.rows == CSVRecords(text).rows.count)
    }

    /// `CSVRecords.scan` of a text is the scanner given the text as one block; given in blocks cut
    /// anywhere after a line end, it hands over the same records (fields, lines, problems) and
    /// finds the same unclosed quotes.
    @Test func recordsCutAfterAnyLineEndAreTheSame() throws {
        for text in [Self.header + Self.rows(0..<40), Self.unclosed(rows: 40, at: 7), "a,\"b\r\nc\"\r\n\"d\"\"\", e\r\n\"open\n"] {
            var whole: [CSVRecords.Row] = []
            let wholeEnd = CSVRecords.scan(text) { whole.append($0) }
            let bytes = Array(text.utf8)
            let lineEnds = bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
            for step in [1, 2, 5] {
                var scanner = CSVRecordScanner(delimiter: ",")
                var rows: [CSVRecords.Row] = []
                var start = 0
                for cut in stride(from: 0, to: lineEnds.count, by: step).map({ lineEnds[$0] }) + [bytes.count] where cut > start {
                    bytes[start..<cut].withUnsafeBufferPointer { scanner.add($0, last: false) { rows.append($0) } }
                    start = cut
                }
                scanner.finish { rows.append($0) }
                #expect(rows.map(\.fields) == whole.map(\.fields), "step \(step)")
                #expect(rows.map { [$0.line, $0.endLine] } == whole.map { [$0.line, $0.endLine] }, "step \(step)")
                #expect(rows.map(\.problem) == whole.map(\.problem), "step \(step)")
                #expect(scanner.end.unclosed == wholeEnd.unclosed, "step \(step)")
            }
        }
    }

    /// Random tables of quotes, delimiters, line ends and characters of several bytes, cut after
    /// random line ends: the scanner hands over the records and finds the unclosed quotes of the
    /// whole text, with a delimiter of one byte and of two.
    @Test func randomTablesCutAfterRandomLineEndsAreTheSame() throws {
        var random = SplitMix64(seed: 28)
        let pieces = ["\"", "\"", "\"\"", ",", ";", "§", "\n", "\n", "\r\n", "\r", "a", "bc", "é", "𝔊", " "]
        for round in 0..<400 {
            let text = (0..<Int.random(in: 0...60, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            for delimiter: Unicode.Scalar in [",", "§"] {
                var whole: [CSVRecords.Row] = []
                let wholeEnd = CSVRecords.scan(text, delimiter: delimiter) { whole.append($0) }
                let bytes = Array(text.utf8)
                let lineEnds = bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }.filter { _ in Bool.random(using: &random) }
                var scanner = CSVRecordScanner(delimiter: delimiter)
                var rows: [CSVRecords.Row] = []
                var start = 0
                for cut in lineEnds + [bytes.count] where cut > start {
                    bytes[start..<cut].withUnsafeBufferPointer { scanner.add($0, last: false) { rows.append($0) } }
                    start = cut
                }
                scanner.finish { rows.append($0) }
                let note = "round \(round), \(delimiter): \(text.debugDescription) cut at \(lineEnds)"
                #expect(rows.map(\.fields) == whole.map(\.fields), "\(note)")
                #expect(rows.map { [$0.line, $0.endLine] } == whole.map { [$0.line, $0.endLine] }, "\(note)")
                #expect(rows.map(\.problem) == whole.map(\.problem), "\(note)")
                #expect(scanner.end.unclosed == wholeEnd.unclosed, "\(note)")
            }
        }
    }
}
