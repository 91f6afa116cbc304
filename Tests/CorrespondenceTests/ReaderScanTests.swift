import Foundation
import Testing
import Correspondence

/// The readers scan UTF-8 bytes in place (issue 13: reading streams): these pin down that the
/// byte scans cut text exactly where the character rules say, whatever the line ends.
@Suite struct ReaderScanTests {
    // MARK: CSV records

    @Test func quotedFieldsDoubledQuotesAndLineBreaksInQuotes() {
        let records = CSVRecords("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nÄrger,Straße,ü\n")
        #expect(records.unclosed.isEmpty)
        #expect(records.rows.map(\.fields) == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["Ärger", "Straße", "ü"]])
        #expect(records.rows.map(\.line) == [1, 2, 4])
        #expect(records.rows.map(\.endLine) == [1, 3, 4])
        #expect(records.rows.allSatisfy { $0.problem == nil })
    }

    @Test func strayQuotesAreKeptAndSaid() {
        let records = CSVRecords("a,b\nsa\"y,ok\n\"q\"tail,ok\n")
        #expect(records.rows.map(\.fields) == [["a", "b"], ["sa\"y", "ok"], ["qtail", "ok"]])
        #expect(records.rows[1].problem?.contains("quote inside an unquoted field") == true)
        #expect(records.rows[2].problem?.contains("text after a closing quote") == true)
    }

    @Test func anUnclosedQuoteSkipsOnlyItsRecord() {
        let records = CSVRecords("a,b\n\"open,x\nc,d\n")
        #expect(records.unclosed == [2])
        #expect(records.rows.map(\.fields) == [["a", "b"], ["c", "d"]])
        #expect(records.rows.map(\.line) == [1, 3])
    }

    @Test func aDelimiterOutsideASCIIIsMatchedWhole() {
        // "§" is C2 A7; "Â§" holds the same A7 byte inside another character and must not split.
        let records = CSVRecords("a§b\nÂ§x§\"q§r\"\n", delimiter: "§")
        #expect(records.rows.map(\.fields) == [["a", "b"], ["Â", "x", "q§r"]])
        let tabs = CSVRecords("a\tb\n1\t2", delimiter: "\t")
        #expect(tabs.rows.map(\.fields) == [["a", "b"], ["1", "2"]])
    }

    @Test func scanHandsOverTheSameRecordsAsTheTable() {
        let text = "id,sender\n1,\"A, B\"\n\"open\n2,C\n"
        var seen: [[String]] = []
        let unclosed = CSVRecords.scan(text) { seen.append($0.fields) }
        let table = CSVRecords(text)
        #expect(seen == table.rows.map(\.fields))
        #expect(unclosed.unclosed == table.unclosed)
    }

    // MARK: Telegram text

    static let telegram = """
    **PERSONAL AND SECRET FROM PREMIER J. V. STALIN
    TO THE PRIME MINISTER, Mr W. CHURCHILL**

      I received your message of July 20.\t

    The situation at the front is tense.

    July 23, 1941

    J. V. STALIN TO F. ROOSEVELT

    Thank you for your letter.

    August 2, 1941
    """

    @Test func lineEndsAndAByteOrderMarkDoNotChangeWhatIsRead() throws {
        let people = try PersonTable.bundled()
        func read(_ text: String) throws -> [Message] {
            try TelegramReader.read(text: text, sourceName: "inline.txt", people: people).messages
        }
        let lf = try read(Self.telegram)
        #expect(lf.count == 2)
        #expect(lf[0].body == "I received your message of July 20.\n\nThe situation at the front is tense.")
        #expect(lf[0].span == SourceSpan(startLine: 1, endLine: 8))
        #expect(lf[0].references.first?.date?.iso == "1941-07-20")
        #expect(lf[1].span == SourceSpan(startLine: 10, endLine: 14))
        for variant in [Self.telegram.replacingOccurrences(of: "\n", with: "\r\n"),
                        Self.telegram.replacingOccurrences(of: "\n", with: "\r"),
                        "\u{FEFF}" + Self.telegram] {
            #expect(try read(variant) == lf)
        }
    }

    /// The reference finder looks only at the word starts a reference can begin at, eight bytes
    /// at a time (`ByteScan.forEachWordStart(selecting:)`): a noun or month at every offset of
    /// those eight bytes, and at the end of them, is found all the same.
    @Test func referencesAreFoundAtEveryOffsetOfAWord() throws {
        let people = try PersonTable.bundled()
        func references(_ line: String) throws -> [String] {
            let text = "J. V. STALIN TO F. ROOSEVELT\n\n\(line)\n\nAugust 2, 1941\n"
            let message = try #require(TelegramReader.read(text: text, sourceName: "inline.txt", people: people).messages.first)
            return message.references.map { "\($0.relation) \($0.whose) \($0.date?.iso ?? "-")" }
        }
        let dated = "your messages of July 10 and 11 reached me"
        let undated = "I have your letter about the supplies"
        let both = "Your message of 20th reached me, and your telegram on the convoys too"
        let expected = try [dated, undated, both].map { try references("We note that \($0).") }
        #expect(expected[0].count == 2 && expected[1].count == 1)
        for pad in 0..<17 {
            let prefix = String(repeating: "x", count: pad)
            for (line, want) in zip([dated, undated, both], expected) {
                #expect(try references("\(prefix) \(line).") == want, "\(pad): \(line)")
                #expect(try references("\(prefix)\(line) ok") == want, "\(pad): \(line)")
            }
        }
    }
}
