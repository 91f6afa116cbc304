import Testing
@testable import Correspondence

/// A draft keeps its body as one block of bytes, not a String per line (issue 13): the lines
/// come back as they went in, cleaned as the segmenter cleaned them, and a read gives the
/// same messages as when every line was a String of its own.
@Suite struct DraftBodyTests {
    @Test func linesComeBackRawAndCleanedWithTheirNumbers() {
        var d = Draft(kind: .message, startLine: 1, endLine: 1)
        d.appendBodyLine("The **books** arrived³", line: 3, continues: false)
        d.appendBodyLine("Überfall – \\$ 5", line: 4, continues: true)
        d.appendBodyLine("x", line: 9, continues: false)
        let lines = d.lines()
        #expect(lines.map(\.raw) == ["The **books** arrived³", "Überfall – \\$ 5", "x"])
        #expect(lines.map(\.cleaned) == ["The books arrived", "Überfall – $ 5", "x"])
        #expect(lines.map(\.line) == [3, 4, 9])
        #expect(lines.map(\.continues) == [false, true, false])
        #expect(d.firstCleaned() == "The books arrived")
        #expect(Draft(kind: .fragment, startLine: 1, endLine: 1).firstCleaned() == nil)
    }

    @Test func trimmingGivesBackTheSlackAndKeepsTheLines() {
        var d = Draft(kind: .message, startLine: 1, endLine: 1)
        for k in 0..<100 { d.appendBodyLine("line number \(k) of the body", line: k + 2, continues: k.isMultiple(of: 2)) }
        let before = d.lines()
        // What a block made for exactly the count holds (the allocator may round it up).
        func exact<T>(_ count: Int, of: T.Type) -> Int { [T](unsafeUninitializedCapacity: count) { _, made in made = 0 }.capacity }
        let exactText = exact(d.bodyText.count, of: UInt8.self), exactLines = exact(d.bodyLines.count, of: Draft.BodyLine.self)
        // Appending grew them past that (else this test would trim nothing).
        #expect(d.bodyText.capacity > exactText)
        #expect(d.bodyLines.capacity > exactLines)
        d.trimBody()
        #expect(d.bodyText.capacity == exactText)
        #expect(d.bodyLines.capacity == exactLines)
        let after = d.lines()
        #expect(after.map(\.raw) == before.map(\.raw))
        #expect(after.map(\.line) == before.map(\.line))
        #expect(after.map(\.continues) == before.map(\.continues))
    }

    /// A byte order mark, CR LF line ends, a line padded with a tab, spaces and a no-break
    /// space, markdown, a superscript, an escaped dollar and a title block: the bodies are the
    /// ones the reader made when each line was a String (checked against that build).
    @Test(arguments: [Int.max, 40])
    func aReadMakesTheBodiesFromTheBlocks(pieceSize: Int) throws {
        let text = "\u{FEFF}FROM ANNA MUSTER TO BERND BEISPIEL\r\n\r\n\t The **books** arrived\u{00A0} \r\nin good order³.\r\n\r\n"
            + "PERSONAL AND SECRET\r\n\r\nMARCH ORDERS OF THE DAY\r\n\r\nWe sail at dawn – with the \\$ 5.\r\n\r\nMarch 1, 1850\r\n"
        let corpus = try TelegramReader.read(text: text, sourceName: "blocks.txt", path: nil, people: .empty, pieceSize: pieceSize)
        #expect(corpus.messages.count == 2)
        #expect(corpus.messages.first?.address == "The books arrived")
        #expect(corpus.messages.first?.body == "in good order.")
        #expect(corpus.messages.last?.body == "MARCH ORDERS OF THE DAY\n\nWe sail at dawn – with the $ 5.")
        #expect(corpus.messages.last?.fieldLines["body"] == 8)
    }
}
