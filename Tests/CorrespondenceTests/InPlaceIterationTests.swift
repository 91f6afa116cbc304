import Correspondence
import Testing

@Suite struct InPlaceIterationTests {
    @Test("forEachInPlace visits every element once, in order, and passes errors on")
    func visitsEveryElementInOrder() throws {
        let words = (0..<1_000).map { "word \($0) " + String(repeating: "x", count: $0 % 40) }
        var seen: [String] = []
        words.forEachInPlace { seen.append($0) }
        #expect(seen == words)
        struct Stop: Error {}
        var count = 0
        #expect(throws: Stop.self) {
            try words.forEachInPlace { _ in
                count += 1
                if count == 10 { throw Stop() }
            }
        }
        #expect(count == 10)
        var none = 0
        [String]().forEachInPlace { _ in none += 1 }
        #expect(none == 0)
    }
}
