import Correspondence
import Testing

/// `joinedExactly(separator:)` is what message bodies are made with: it must give exactly the
/// standard join, for every shape of input, as the catalogue's bytes depend on it.
@Suite struct ExactJoinTests {
    @Test(arguments: [
        [String](),
        [""],
        ["one paragraph"],
        ["", ""],
        ["first", "", "third"],
        ["Première lettre à Genève,", "Grüße aus Köln", "e\u{301}migre\u{301} ☃ 𝄞"],
        [String(repeating: "long paragraph ", count: 40), "short"],
    ])
    func givesTheStandardJoin(parts: [String]) {
        for separator in ["\n\n", "", " ", "—"] {
            let exact = parts.joinedExactly(separator: separator)
            #expect(exact == parts.joined(separator: separator))
            #expect(exact.utf8.count == parts.joined(separator: separator).utf8.count)
        }
    }
}
