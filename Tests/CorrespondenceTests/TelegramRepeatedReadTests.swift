import Testing
import Correspondence

/// The telegram reader keeps the indexes of the last person table it was given (so that a
/// caller reading many small texts, as the fuzzer does, does not build them at every call):
/// a read must still see exactly the table it is given, whichever table came before.
@Suite struct TelegramRepeatedReadTests {
    let text = """
    J. V. STALIN TO F. ROOSEVELT

    I have received your message of July 5.

    July 18, 1941
    """

    func sender(with table: PersonTable) throws -> String {
        try TelegramReader.read(text: text, sourceName: "inline.txt", people: table).messages.first { $0.kind == .message }?.sender ?? ""
    }

    @Test func eachReadUsesTheTableItIsGiven() throws {
        let bundled = try PersonTable.bundled()
        let renamed = PersonTable(people: [
            Person(id: "premier", name: "The Premier", role: "", aliases: ["J. V. STALIN"], authorities: [:]),
            Person(id: "president", name: "The President", role: "", aliases: ["F. ROOSEVELT"], authorities: [:]),
        ])
        let first = try sender(with: bundled)
        #expect(first == "Stalin")
        #expect(try sender(with: renamed) == "premier")
        #expect(try sender(with: .empty) != "premier")
        #expect(try sender(with: .empty) != "Stalin")
        // Back to the first table, and a copy of it that is not the same storage.
        #expect(try sender(with: bundled) == first)
        #expect(try sender(with: PersonTable(people: bundled.people.map { $0 })) == first)
    }

    @Test func repeatedReadsGiveTheSameCorpus() throws {
        let table = try PersonTable.bundled()
        let a = try TelegramReader.read(text: text, sourceName: "inline.txt", people: table)
        let b = try TelegramReader.read(text: text, sourceName: "inline.txt", people: table)
        #expect(a.messages.map(\.id) == b.messages.map(\.id))
        #expect(a.messages.map(\.recipients) == b.messages.map(\.recipients))
        #expect(a.sourceHash == b.sourceHash)
        // A small text is hashed in place rather than on a thread of its own: the same hash.
        #expect(a.sourceHash == SHA256.hex(Array(text.utf8)))
    }
}
