import Foundation
import Testing
import Correspondence

/// `FieldLines` holds the readers' seven fields as numbers and reads like the dictionary it replaced.
@Suite struct FieldLinesTests {
    @Test func readsAndWritesLikeADictionary() throws {
        var lines: FieldLines = ["sender": 3, "body": 5]
        #expect(lines["sender"] == 3 && lines["body"] == 5 && lines["dated"] == nil)
        lines["dated"] = 9
        lines["sender"] = nil
        lines["folio"] = 12                       // a key no reader gives
        lines["place"] = Int(Int32.max) + 1       // a line past Int32 goes to the dictionary
        #expect(lines.dictionary == ["body": 5, "dated": 9, "folio": 12, "place": Int(Int32.max) + 1])
        #expect(lines == FieldLines(lines.dictionary))
        lines["place"] = 4
        #expect(lines.dictionary == ["body": 5, "dated": 9, "folio": 12, "place": 4])
        #expect(lines == FieldLines(["place": 4, "folio": 12, "dated": 9, "body": 5]))
        #expect(!lines.isEmpty && FieldLines().isEmpty)
    }

    @Test func isWrittenAndReadAsADictionary() throws {
        let lines: FieldLines = ["recipients": 2, "classification": 2, "sent_on": 7]
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(lines), as: UTF8.self)
        #expect(json == #"{"classification":2,"recipients":2,"sent_on":7}"#)
        #expect(try JSONDecoder().decode(FieldLines.self, from: Data(json.utf8)) == lines)
    }
}
