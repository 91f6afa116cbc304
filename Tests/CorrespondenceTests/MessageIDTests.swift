import Correspondence
import Testing

@Suite("Message ids that collide get letters")
struct MessageIDTests {
    @Test("suffixes run b...z, then ba, bb...")
    func suffixes() {
        #expect((1...4).map(Message.idSuffix) == ["b", "c", "d", "e"])
        #expect(Message.idSuffix(25) == "z")
        #expect(Message.idSuffix(26) == "ba")
        #expect(Message.idSuffix(27) == "bb")
    }

    @Test("an id is kept when free, and otherwise takes the first free suffix")
    func uniqueIDs() {
        #expect(Message.uniqueID("1943-11-28-stalin-churchill", among: []) == "1943-11-28-stalin-churchill")
        #expect(Message.uniqueID("x", among: ["x", "x-b"]) == "x-c")
        // Past z: thirty collisions give thirty distinct ids (letters only, no punctuation).
        var used = Set<String>()
        for _ in 0..<30 { used.insert(Message.uniqueID("x", among: used)) }
        #expect(used.count == 30)
        #expect(used.contains("x-ba") && used.contains("x-bd") && !used.contains("x-be"))
        #expect(used.allSatisfy { $0.allSatisfy { $0.isLetter || $0 == "-" } })
    }

    @Test("the allocator gives uniqueID's ids, skipping ids given elsewhere")
    func allocatorMatchesUniqueID() {
        var allocator = MessageIDAllocator(used: ["x-c"])
        var used: Set<String> = ["x-c"]
        for base in ["x", "x", "y", "x", "x", "y"] {
            let expected = Message.uniqueID(base, among: used)
            used.insert(expected)
            #expect(allocator.id(for: base) == expected)
        }
        #expect(used.contains("x-e") && !used.contains("x-f"))
    }

    @Test("CSV rows of one date and pair get -b, -c... in row order")
    func csvRowsOfOneDayAndPair() throws {
        let count = 3_000
        let text = "sender,recipient,date\n" + String(repeating: "Anna Muster,Bernd Beispiel,1850-03-01\n", count: count)
        let corpus = try CSVReader.read(text: text, sourceName: "same-day.csv", people: .empty)
        let ids = corpus.messages.map(\.id)
        let base = try #require(ids.first)
        #expect(ids == (0..<count).map { $0 == 0 ? base : base + "-" + Message.idSuffix($0) })
    }
}
