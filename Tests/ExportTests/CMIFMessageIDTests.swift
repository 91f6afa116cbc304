import Correspondence
import Foundation
import Testing

/// Letters without an id of their own get `<date>-<sender>-<recipient>`, then `-b`, `-c`... in
/// document order, from `MessageIDAllocator`: thousands of letters of one date and pair take
/// linear time (the old per-letter search from `-b` on was quadratic).
@Suite struct CMIFMessageIDTests {
    /// A CMIF document of `count` letters, all of one date, sender and addressee, without ids.
    static func sameDayLetters(_ count: Int) -> Data {
        let letter = """
          <correspDesc>
            <correspAction type="sent"><persName>Anna Muster</persName><date when="1850-03-01"/></correspAction>
            <correspAction type="received"><persName>Bernd Beispiel</persName></correspAction>
          </correspDesc>

        """
        let document = """
        <?xml version="1.0" encoding="UTF-8"?>
        <TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>
        <publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc><profileDesc>

        """ + String(repeating: letter, count: count) + "</profileDesc></teiHeader><text><body><p/></body></text></TEI>\n"
        return Data(document.utf8)
    }

    @Test func lettersOfOneDayAndPairGetSuffixesInDocumentOrder() throws {
        let count = 5_000
        let corpus = try CMIFReader.read(data: Self.sameDayLetters(count), sourceName: "same-day.xml", people: PersonTable(people: []))
        #expect(corpus.messages.count == count)
        let ids = corpus.messages.map(\.id)
        #expect(Set(ids).count == count)
        let base = try #require(ids.first)
        #expect(base.hasPrefix("1850-03-01-"))
        // Document order (one date: the reader sorts by line) gives base, base-b, base-c...
        #expect(ids == (0..<count).map { $0 == 0 ? base : base + "-" + Message.idSuffix($0) })
    }
}
