@testable import Correspondence
import Testing

/// Inputs the black-box run (`Fuzz/blackbox`) found hanging, kept as ordinary tests.
@Suite struct FuzzRegressionTests {
    /// One message block repeated hundreds of times (a mutated telegram file of 350 kB ran
    /// over 20 s and took 580 MB): every copy is a duplicate of every other, and comparing
    /// all pairs was quadratic, with a note per copy on each message. Each message is now
    /// compared with the next `duplicateWindow` (16) of its writer, addressees and day.
    @Test func aBlockRepeatedTwoThousandTimesIsReadInLinearWork() throws {
        let block = "FROM ANNA MUSTER TO BERND BEISPIEL\n\nThe parcel of books arrived safely, and I thank you for the catalogue.\n\nMarch 1, 1850\n\n"
        let copies = 2_000
        let corpus = try TelegramReader.read(text: String(repeating: block, count: copies), sourceName: "repeated.txt", people: .empty)
        #expect(corpus.messages.count == copies)
        let duplicates = corpus.issues.filter { $0.kind == .duplicate }
        // Pairs within the window: 16 for each message but the last 16.
        #expect(duplicates.count == (copies - 16) * 16 + 16 * 15 / 2)
        let first = try #require(corpus.messages.min { $0.span.startLine < $1.span.startLine })
        #expect(first.notes.filter { $0.hasPrefix("printed twice") }.count == 16)
        // A real pair is still found.
        let pair = try TelegramReader.read(text: String(repeating: block, count: 2), sourceName: "pair.txt", people: .empty)
        #expect(pair.issues.filter { $0.kind == .duplicate }.count == 1)
    }

    /// FuzzCSV, crash-34017136: a header row of cells full of U+0019 and no recipients column.
    /// The message lists the header's cells, and its bound counted the input, not what was
    /// printed: each control character is written as six or more scalars, so the message
    /// printed 2,900. The bound is now on what is printed.
    @Test func anErrorMessageIsBoundedAfterEscaping() throws {
        let cell = String(repeating: "\u{19}", count: 7) + "15"
        let header = (["sender"] + Array(repeating: cell, count: 400)).joined(separator: ", ")
        let text = header + "\nAnna,Bernd\n"
        var thrown: EpistolaryError?
        do { _ = try CSVReader.read(text: text, sourceName: "h.csv", path: "h.csv", people: .empty) } catch let error as EpistolaryError { thrown = error }
        let error = try #require(thrown)
        #expect(error.description.unicodeScalars.count <= EpistolaryError.longestMessage + 100, "\(error.description.unicodeScalars.count)")
        #expect(error.description.hasPrefix("h.csv:1: no column for recipients"))
        #expect(!error.description.unicodeScalars.contains { $0.value < 0x20 })
        let escaped = String(repeating: "\u{1} ", count: 3_000)
        #expect(EpistolaryError.bounded(escaped).unicodeScalars.count <= EpistolaryError.longestMessage + 100)
    }

    /// A run of header-like blocks that never completes ("PERSONAL AND SECRET FROM nt.", each
    /// followed by a date; black-box hang: 16 s and 923 MB for 262 kB): each block re-read the
    /// whole growing header. An unfinished header now gathers at most `maxHeaderParagraphs`
    /// blocks, and the next block starts a new one.
    @Test(.timeLimit(.minutes(1))) func aRunOfUnfinishedHeadersIsReadInLinearWork() throws {
        let block = "**PERSONAL AND SECRET FROM nt.\n\nFebruary 16, 1944\n\n"
        let copies = 10_000
        let corpus = try TelegramReader.read(text: String(repeating: block, count: copies), sourceName: "headers.txt", people: .empty)
        let bound = TelegramSegmenter.maxHeaderParagraphs
        // Each group of `bound` blocks is one unfinished header: a message or an issue naming it.
        let accounted = corpus.messages.count + corpus.issues.filter { $0.kind != .duplicate }.count
        print("unfinished headers: \(corpus.messages.count) messages, \(corpus.issues.count) issues")
        #expect(accounted >= copies / bound)
        #expect(corpus.messages.allSatisfy { $0.span.endLine - $0.span.startLine < 4 * bound })
        // A header of a few blocks still reads whole.
        let split = try TelegramReader.read(text: "FROM ANNA MUSTER\n\nTO BERND BEISPIEL\n\nThe books arrived.\n\nMarch 1, 1850\n", sourceName: "split.txt", people: .empty)
        #expect(split.messages.count == 1)
    }

    /// A paragraph of 800 kB with no full stop and thousands of dates (black-box hang, over
    /// 20 s): each date's clause was searched to the paragraph's ends. A clause now reaches at
    /// most `maxClauseReach` bytes either side.
    @Test func aClauseReachesNoFurtherThanItsBound() throws {
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 100_000)
        let (start, stop) = ReferenceFinder.clause(bytes, around: 50_000, end: 50_010)
        #expect(50_000 - start == ReferenceFinder.maxClauseReach)
        #expect(stop - 50_010 == ReferenceFinder.maxClauseReach)
        // A sentence inside the bound still ends at its full stop.
        let sentence = Array("We received your letter today. Then more.".utf8)
        let period = try #require(sentence.firstIndex(of: UInt8(ascii: ".")))
        #expect(ReferenceFinder.clause(sentence, around: 17, end: 23) == (0, period))

        let paragraph = String(repeating: "I thank you for your message of March 1, 1850 and ", count: 3_000)
        let text = "FROM ANNA MUSTER TO BERND BEISPIEL\n\n" + paragraph + "\n\nMarch 9, 1850\n"
        let corpus = try TelegramReader.read(text: text, sourceName: "long.txt", people: .empty)
        #expect(corpus.messages.count == 1)
        #expect(!(corpus.messages.first?.references.isEmpty ?? true))
    }

    /// One line of thousands of different dated references (found measuring the reader on
    /// growing inputs: 5,000 took 3.1 s and 20,000 took 22 s in a debug build, the same
    /// reference looked up in every one found before, and each undated noun's clause checked
    /// against every date of the line). Each distinct reference is still listed once, in text
    /// order, and a clause holding a date still gives no undated reference.
    @Test(.timeLimit(.minutes(1))) func aLineOfThousandsOfDatedReferencesIsReadInLinearWork() throws {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        func references(clauses: Int) throws -> [Reference] {
            let text = (0..<clauses).map { k in "your message of \(months[k % 12]) \(k % 28 + 1), 1850 and your letter" }
            let body = "FROM ANNA MUSTER TO BERND BEISPIEL\n\nI received " + text.joined(separator: ", ") + ".\n\nMarch 9, 1850\n"
            let corpus = try TelegramReader.read(text: body, sourceName: "refs.txt", people: .empty)
            return try #require(corpus.messages.first).references
        }
        // (k mod 12, k mod 28) repeats every lcm(12, 28) = 84 clauses: 8,000 clauses list the
        // references that two periods list, each once, in the same order.
        let long = try references(clauses: 8_000)
        let short = try references(clauses: 168)
        #expect(long.map(\.phrase) == short.map(\.phrase))
        #expect(long.map(\.date) == short.map(\.date))
        #expect(Set(long.compactMap(\.date)).count >= 80)
        // "your letter" shares each clause with a date: never an undated reference.
        #expect(long.allSatisfy { $0.date != nil })

        let mentions = [(10, 20), (30, 40), (30, 35), (50, 60)].map { DateText.Mention(start: $0.0, end: $0.1, month: 1, day: 1, year: nil) }
        #expect(ReferenceFinder.hasMention(mentions, within: 25, 41))
        #expect(ReferenceFinder.hasMention(mentions, within: 30, 35))
        #expect(!ReferenceFinder.hasMention(mentions, within: 31, 59))
        #expect(!ReferenceFinder.hasMention(mentions, within: 0, 19))
        #expect(!ReferenceFinder.hasMention([], within: 0, 100))
    }

    /// Black-box telegram case 2237 (full-scale rerun): one line of 822,332 characters ran
    /// over 88 s; trimming the spaces of a paragraph counted the whole line for each space.
    @Test(.timeLimit(.minutes(1))) func aLineEndingInManySpacesIsTrimmedInLinearWork() throws {
        let line = Substring("x" + String(repeating: " \t\u{00A0}", count: 200_000) + " y" + String(repeating: " ", count: 400_000))
        #expect(line.trimmingSpaces().count == 1 + 600_000 + 2)
        #expect(Substring("  a b \t").trimmingSpaces() == "a b")
        #expect(Substring(" \u{00A0} ").trimmingSpaces() == "")
        let text = "FROM ANNA MUSTER TO BERND BEISPIEL\n\nThe parcel arrived." + String(repeating: " ", count: 400_000) + "\n\nMarch 1, 1850\n"
        let corpus = try TelegramReader.read(text: text, sourceName: "spaces.txt", people: .empty)
        #expect(corpus.messages.count == 1)
    }
    /// Black-box case csv/01765 (2026-12-06): a mutated CSV of 751 MB whose header row opens
    /// a quote that closes only near the end, so the whole file is one header record of 7,037
    /// cells. Reading it took 62 s of CPU and 2.97 GB: the record was made into fields, every
    /// cell folded for comparison, and the error message copied all of it and kept a run of
    /// megabytes while cutting it. A header row longer than `CSVHeader.longestRow` now stops
    /// the scan before it is made into fields, with an error naming line 1.
    @Test(.timeLimit(.minutes(1))) func aHeaderRowOfMegabytesIsRefusedAtOnce() throws {
        let filler = String(repeating: "\u{19}\u{19}x,y\n", count: 300_000)   // 2.1 MB, quoted
        let text = "sender,\"" + filler + "\",recipients\nAnna,Bernd\n"
        var thrown: EpistolaryError?
        do { _ = try CSVReader.read(text: text, sourceName: "h.csv", path: "h.csv", people: .empty) } catch let error as EpistolaryError { thrown = error }
        let error = try #require(thrown)
        #expect(error.line == 1)
        #expect(error.description.contains("header row is longer than 1 MB"), "\(error.description)")
        #expect(error.description.unicodeScalars.count <= EpistolaryError.longestMessage + 100)
        // Under the limit the same shape reads: a header cell may hold a quoted line break.
        let small = "sender,\"a\nb\",recipients\nAnna,x,Bernd\n"
        #expect(try CSVReader.read(text: small, sourceName: "s.csv", people: .empty).messages.count == 1)
    }

    /// The same case's header cells: a message lists the first `CSVHeader.cellsListed`, each
    /// cut for display, and counts the rest; cells too long to be a column's name are not
    /// folded for comparison.
    @Test func aWideHeaderOfLongCellsIsListedBriefly() throws {
        let cells = ["sender"] + (0..<100).map { "c\($0)" + String(repeating: "\u{19}", count: 5_000) }
        var thrown: EpistolaryError?
        do { _ = try CSVReader.read(text: cells.joined(separator: ",") + "\nAnna,x\n", sourceName: "w.csv", path: "w.csv", people: .empty) } catch let error as EpistolaryError { thrown = error }
        let error = try #require(thrown)
        #expect(error.message.contains("and 61 more"), "\(error.message.prefix(300))")
        #expect(error.message.utf8.count < 10_000)
        #expect(error.description.hasPrefix("w.csv:1: no column for recipients"))
    }

    /// A stray quote after a quoted field of many lines: reading went on from the record's next
    /// line, inside that field, and each of its lines could reach the stray quote again and
    /// read to the end of the file (quadratic). Reading now goes on after the stray quote's
    /// line, once.
    @Test(.timeLimit(.minutes(1))) func aStrayQuoteAfterALongQuotedFieldIsSkippedOnce() throws {
        let records = CSVRecords("a,b\n\"multi\nline\",\"open\nc,d\n")
        #expect(records.unclosed == [2])
        #expect(records.rows.map(\.fields) == [["a", "b"], ["c", "d"]])
        #expect(records.rows.map(\.line) == [1, 4])
        let lines = String(repeating: "x, y\n", count: 20_000)
        let rest = String(repeating: "e,f\n", count: 500_000)   // 2 MB
        let big = CSVRecords("a,b\n\"" + lines + "\",\"open\n" + rest)
        #expect(big.unclosed == [2])
        #expect(big.rows.count == 1 + 500_000)
        #expect(big.rows.last?.fields == ["e", "f"])
    }

    /// `EpistolaryError.bounded` keeps at most the first 101 and the last 20 scalars of a run:
    /// a run of megabytes (escaped control characters: six scalars each) is cut as before
    /// without being held.
    @Test func aRunOfMegabytesIsCutWithoutBeingHeld() {
        let run = "start" + String(repeating: "\u{19}", count: 2_000_000) + "end"
        let cut = EpistolaryError.bounded(run)
        #expect(cut.hasPrefix("start\\u{19}"))
        #expect(cut.hasSuffix("…\\u{19}\\u{19}\\u{19}end") || cut.hasSuffix("{19}end"))
        #expect(cut.unicodeScalars.count == 81)
        // Runs just over and under the bound, as the whole-run cut gave them.
        for length in [99, 100, 101, 102, 110, 121, 122, 130, 400] {
            let text = (0..<length).map { String(UnicodeScalar(UInt8(65 + $0 % 26))) }.joined()
            let scalars = Array(text.unicodeScalars)
            let expected = length > EpistolaryError.longestRun
                ? String(String.UnicodeScalarView(scalars.prefix(60))) + "…" + String(String.UnicodeScalarView(scalars.suffix(20)))
                : text
            #expect(EpistolaryError.bounded(text) == expected, "\(length)")
            #expect(EpistolaryError.bounded("x " + text + " y") == "x " + expected + " y", "\(length)")
        }
    }
}
