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
}
