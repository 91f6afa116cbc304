import Correspondence
import Testing

/// A message is held once per letter for the whole run: at 612,595 telegrams every byte of it
/// is 0.6 MB. The fields most letters leave empty are out of line (`MessageExtras`); setting
/// and reading them through the message must behave as plain fields do.
@Suite struct MessageLayoutTests {
    @Test func theRareFieldsTakeOneReferenceInline() {
        // 408 bytes with the rare fields inline; 320 with them out of line.
        #expect(MemoryLayout<Message>.stride <= 320, "a Message is \(MemoryLayout<Message>.stride) bytes")
    }

    @Test func rareFieldsReadAndWriteAsFields() {
        let day = Day(year: 1801, month: 2, day: 3)!
        var m = Message(id: "a", kind: .message, sender: "p", recipients: ["q"], sentOn: nil, dated: day,
                        date: HistoricalDate(exactly: day, evidence: .given), place: nil, classification: "",
                        body: "", references: [], span: SourceSpan(startLine: 1, endLine: 1))
        let plain = m
        #expect(m.url == nil && m.actions.isEmpty && m.sourceNotes.isEmpty && m.continues == nil)
        m.url = "https://example.org/letter/1"
        m.continues = "b"
        var copy = m
        copy.url = nil
        // A copy changed does not change the original (the out-of-line fields are never shared mutably).
        #expect(m.url == "https://example.org/letter/1" && copy.url == nil && copy.continues == "b")
        #expect(m != plain && copy != m)
        copy.continues = nil
        // Every rare field empty again: equal (and hashed equal) to a message that never had one.
        #expect(copy == plain && copy.hashValue == plain.hashValue)
        m.sourceID = "L1"
        m.edition = "#bibl1"
        m.placeRef = "https://www.geonames.org/2950159"
        #expect(m.sourceID == "L1" && m.edition == "#bibl1" && m.placeRef == "https://www.geonames.org/2950159" && m.continues == "b")
    }
}
