import Foundation
import Testing
import Correspondence

/// Bad input gives a clear `.badData` error naming the file (and line where there is one);
/// CSV corpora are read with their columns, quoting and date precisions.
@Suite struct CorpusLoaderTests {
    func write(_ bytes: [UInt8], name: String) throws -> String {
        let url = try Fixtures.temporaryFolder().appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    func write(_ text: String, name: String) throws -> String { try write(Array(text.utf8), name: name) }

    func expectBadData(_ path: String, line: Int? = nil, mentioning words: String) {
        do {
            _ = try CorpusLoader.load(path: path)
            Issue.record("expected an error for \(path)")
        } catch let error as EpistolaryError {
            #expect(error.kind == .badData)
            #expect(error.exitCode == 1)
            #expect(error.file == path)
            if let line { #expect(error.line == line) }
            #expect(error.description.contains(words), "\(error)")
            #expect(error.description.hasPrefix(path))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func missingFile() {
        expectBadData("/nonexistent/folder/letters.txt", mentioning: "no such file")
    }

    @Test func emptyFile() throws {
        expectBadData(try write("", name: "empty.txt"), mentioning: "empty")
        expectBadData(try write("  \n\n", name: "blank.txt"), mentioning: "empty")
    }

    @Test func binaryFile() throws {
        expectBadData(try write([0x4A, 0x0A, 0x0A, 0x00, 0x01, 0x02], name: "image.txt"), line: 3, mentioning: "binary")
    }

    @Test func notUTF8() throws {
        // "May 1, 1943" then a Latin-1 é on line 2
        expectBadData(try write(Array("May 1, 1943\n".utf8) + [0x63, 0x61, 0x66, 0xE9, 0x0A], name: "latin1.txt"), line: 2, mentioning: "UTF-8")
    }

    /// The text is read into the string's own storage and validated by the string, which
    /// repairs rather than refuses: a bad sequence of three bytes becomes one U+FFFD of three
    /// bytes, the same length, so the repair is found by counting U+FFFD. A U+FFFD the file
    /// really holds is text.
    @Test func aBadSequenceOfThreeBytesIsFoundAndARealReplacementCharacterIsText() throws {
        let truncated = Array("sender,recipients,date\nAnna,Bernd".utf8) + [0xF0, 0x90, 0x80] + Array(",1850-01-01\n".utf8)
        expectBadData(try write(truncated, name: "truncated.csv"), line: 2, mentioning: "UTF-8")
        let surrogate = Array("sender,recipients,date\n\nAnna,Be".utf8) + [0xED, 0xA0, 0x80] + Array("rnd,1850-01-01\n".utf8)
        expectBadData(try write(surrogate, name: "surrogate.csv"), line: 3, mentioning: "UTF-8")
        let realPath = try write("sender,recipients,date\nAnna,Bernd \u{FFFD},1850-01-01\n", name: "real.csv")
        #expect(try CorpusLoader.load(path: realPath).messages.count == 1)
        #expect(try CorpusLoader.decodedText(url: URL(fileURLWithPath: realPath), shownAs: "real.csv").contains("Bernd \u{FFFD}"))
        // Line ends and the byte order mark, made LF and removed in place.
        for (name, text) in [("crlf.csv", "\u{FEFF}sender,recipients,date\r\nAnna,Bernd,1850-01-01\r\n"), ("cr.csv", "sender,recipients,date\rAnna,Bernd,1850-01-01\r"),
                             ("mixed.csv", "sender,recipients,date\r\nAnna,Bernd,1850-01-01\rBernd,Anna,1850-01-02\n")] {
            let text = try CorpusLoader.decodedText(url: URL(fileURLWithPath: try write(text, name: name)), shownAs: name)
            #expect(!text.unicodeScalars.contains("\r") && !text.unicodeScalars.contains("\u{FEFF}"), "\(name)")
            #expect(text.hasPrefix("sender,recipients,date\nAnna,Bernd,1850-01-01"), "\(name)")
        }
    }

    /// A FIFO has no size: it is read as it comes from the one open (it was opened twice, and
    /// the second reader got nothing: "cannot be read").
    @Test func aCorpusFromANamedPipeIsRead() throws {
        let path = try Fixtures.temporaryFolder().appendingPathComponent("letters-fifo.csv").path
        #expect(mkfifo(path, 0o600) == 0)
        let writer = Thread {
            let handle = FileHandle(forWritingAtPath: path)
            handle?.write(Data("sender,recipients,date\nAnna,Bernd,1850-01-01\n".utf8))
            try? handle?.close()
        }
        writer.start()
        let corpus = try CorpusLoader.load(path: path, format: .csv, people: nil)
        #expect(corpus.messages.count == 1)
    }

    @Test func noRecognisableHeader() throws {
        expectBadData(try write("Dear friend,\n\nThis is a shopping list.\n", name: "notes.txt"), mentioning: "no message header")
    }

    @Test func bundledCorpusLoads() throws {
        let corpus = try CorpusLoader.load(path: nil)
        #expect(corpus.sourceName == "war-telegrams.txt")
        #expect(corpus.messages.filter { $0.kind == .message }.count > 360)
        #expect(corpus.sourceHash.count == 64)
    }

    @Test func telegramFileWithCRLFAndBOM() throws {
        let text = "\u{FEFF}J. V. STALIN TO W. CHURCHILL\r\n\r\nText.\r\n\r\nMay 1, 1943\r\n"
        let corpus = try CorpusLoader.load(path: try write(text, name: "crlf.txt"))
        #expect(corpus.messages.count == 1)
        #expect(corpus.messages[0].dated?.iso == "1943-05-01")
        #expect(corpus.messages[0].span.endLine == 5)
    }

    @Test func csvCorpus() throws {
        let csv = "\u{FEFF}sender,recipients,date,place,classification,text\r\n"
            + "Stalin,Churchill;Roosevelt,1943-12-10,Moscow,Secret,\"Text, with a comma and \"\"quotes\"\"\r\nover two lines\"\r\n"
            + "J. V. STALIN,Charles de Gaulle,1944-12,,,Month only\r\n"
            + "Mary Smith,Stalin,1945,,,Year only\r\n"
        // The user's own person table (here the bundled one, given as `--people` would).
        let corpus = try CorpusLoader.load(path: try write(csv, name: "letters.csv"), people: try PersonTable.bundled())
        #expect(corpus.messages.count == 3)
        let first = try #require(corpus.messages.first { $0.span.startLine == 2 })
        #expect(first.recipients == ["Churchill", "Roosevelt"])
        #expect(first.body == "Text, with a comma and \"quotes\"\nover two lines")
        #expect(first.place == "Moscow" && first.classification == "secret")
        #expect(first.date.isExact && first.date.evidence == .given)
        #expect(first.id == "1943-12-10-stalin-churchill")
        let month = try #require(corpus.messages.first { $0.body == "Month only" })
        #expect(month.sender == "Stalin")
        #expect(month.date.precision == .month && month.date.notAfter?.iso == "1944-12-31")
        let year = try #require(corpus.messages.first { $0.body == "Year only" })
        #expect(year.date.precision == .year && year.sender == "mary-smith")
        #expect(corpus.people["mary-smith"]?.name == "Mary Smith")
    }

    @Test func csvWithBoundsInsteadOfDate() throws {
        let csv = "sender,recipients,not_before,not_after,text\nStalin,Churchill,1943-06-11,1943-06-24,Text\n"
        let corpus = try CorpusLoader.load(path: try write(csv, name: "bounds.csv"))
        #expect(corpus.messages[0].date.precision == .range)
        #expect(corpus.messages[0].date.notBefore?.iso == "1943-06-11" && corpus.messages[0].date.notAfter?.iso == "1943-06-24")
    }

    @Test func csvMissingColumn() throws {
        expectBadData(try write("sender,date,text\nStalin,1943-01-01,Text\n", name: "nocol.csv"), line: 1, mentioning: "recipients")
    }

    @Test func csvBadDateIsKeptUndatedAndListed() throws {
        // Lenient: the record is read, undated with its raw value, and listed as adjusted.
        let path = try write("sender,recipients,date,text\nStalin,Churchill,1943-01-01,ok\nStalin,Churchill,1943-02-30,bad\n", name: "baddate.csv")
        let corpus = try CorpusLoader.load(path: path)
        #expect(corpus.messages.count == 2)
        let bad = try #require(corpus.messages.first { $0.body == "bad" })
        #expect(!bad.date.isDated && bad.date.raw == "1943-02-30")
        let issue = try #require(corpus.issues.first { $0.outcome == .adjusted })
        #expect(issue.file == path && issue.line == 3 && issue.detail.contains("1943-02-30"))
    }

    @Test func csvWrongFieldCountAndOpenQuote() throws {
        expectBadData(try write("sender,recipients,date,text\nStalin,Churchill,1943-01-01\n", name: "short.csv"), line: 2, mentioning: "expected 4 fields")
        expectBadData(try write("sender,recipients,date,text\nStalin,Churchill,1943-01-01,\"never closed\n", name: "open.csv"), line: 2, mentioning: "never closed")
    }

    @Test func catalogueFormatsAreStable() throws {
        let corpus = try CorpusLoader.load(path: try write("sender,recipients,date,text\nStalin,Churchill,1943-01-01,\"a, b\"\n", name: "one.csv"), people: try PersonTable.bundled())
        let catalogue = MessageCatalogue(corpus: corpus, topics: ["1943-01-01-stalin-churchill": ["poland"]])
        #expect(catalogue.jsonLines() == "{\"id\": \"1943-01-01-stalin-churchill\", \"start_line\": 2, \"end_line\": 2, \"kind\": \"message\", \"sender\": \"Stalin\", \"senders\": [\"Stalin\"], \"recipients\": [\"Churchill\"], \"sent_on\": null, \"dated\": \"1943-01-01\", \"date\": \"1943-01-01\", \"not_before\": \"1943-01-01\", \"not_after\": \"1943-01-01\", \"precision\": \"day\", \"certainty\": \"certain\", \"not_before_from\": \"source\", \"not_after_from\": \"source\", \"place\": null, \"classification\": \"\", \"references\": [], \"topics\": [\"poland\"], \"note\": \"\", \"body\": \"a, b\"}\n")
        #expect(catalogue.csv().hasSuffix(",poland,,\"a, b\"\r\n"))
        #expect(catalogue.table().contains("1943-01-01-stalin-churchill"))
    }
}
