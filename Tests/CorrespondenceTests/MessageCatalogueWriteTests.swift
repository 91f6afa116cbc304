import Foundation
import Testing
import Correspondence

/// `MessageCatalogue.write` hands the catalogue over in pieces (the `messages` command streams
/// them): joined, they are `render` byte for byte, in every format.
@Suite struct MessageCatalogueWriteTests {
    @Test func piecesJoinedAreTheRenderedCatalogue() throws {
        // Two copies of the bundled corpus's messages: over a megabyte of JSON Lines, so more than one piece.
        var corpus = try CorpusLoader.load(path: nil)
        let twice = corpus.messages + corpus.messages.map { m -> Message in
            var copy = m
            copy.id += "-again"
            return copy
        }
        corpus.messages = twice
        let catalogue = MessageCatalogue(corpus: corpus, topics: [twice[0].id: ["poland"]])
        for format in MessageCatalogue.Format.allCases {
            var pieces: [String] = []
            catalogue.write(format) { pieces.append($0) }
            #expect(pieces.joined() == catalogue.render(format))
            #expect(pieces.allSatisfy { !$0.isEmpty })
            if format == .jsonl { #expect(pieces.count >= 2) }
        }
    }
}
