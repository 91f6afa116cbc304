import Testing
@testable import Correspondence

/// The readings of header paragraphs by their bytes (`HeaderParagraphReadings`): each distinct
/// paragraph is read once for the whole text, whichever piece meets it first and wherever its
/// bytes stand, and a paragraph that is no header is remembered as such.
@Suite struct HeaderParagraphReadingsTests {
    @Test func eachDistinctParagraphIsReadOnceForAllPieces() {
        let shared = HeaderParagraphReadings.Shared()
        var first = HeaderParagraphReadings(), second = HeaderParagraphReadings()
        var reads: [String] = []
        func look(_ text: String, in table: inout HeaderParagraphReadings) -> String? {
            // Each lookup from bytes of its own (another address each time).
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { p in
                table.reading(of: p, shared: shared) {
                    reads.append(text)
                    return text.hasPrefix("FROM") ? .init(cleaned: text.lowercased(), fused: nil) : nil
                }?.cleaned
            }
        }
        #expect(look("FROM A TO B", in: &first) == "from a to b")
        #expect(look("FROM A TO B", in: &first) == "from a to b")
        #expect(look("FROM A TO B", in: &second) == "from a to b")       // another piece: the shared table
        #expect(look("FROM A TO C", in: &second) == "from a to c")       // same length, other bytes
        #expect(look("FROM A\nTO B", in: &first) == "from a\nto b")      // a line break is part of the key
        #expect(look("NOT A HEADER", in: &first) == nil)
        #expect(look("NOT A HEADER", in: &second) == nil)
        #expect(reads == ["FROM A TO B", "FROM A TO C", "FROM A\nTO B", "NOT A HEADER"])
        // A long paragraph that is no header is not kept (a body typed in capitals): read each time.
        let long = String(repeating: "NOT A HEADER ", count: 6)
        #expect(long.utf8.count > HeaderParagraphReadings.longestKeptNonHeader)
        #expect(look(long, in: &first) == nil && look(long, in: &first) == nil)
        let longHeader = "FROM " + long
        #expect(look(longHeader, in: &first) != nil && look(longHeader, in: &second) != nil)
        #expect(reads.count == 7)
    }
}
