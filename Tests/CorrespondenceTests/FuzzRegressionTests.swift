import Correspondence
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
}
