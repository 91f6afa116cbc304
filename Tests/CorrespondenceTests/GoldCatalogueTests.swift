import Foundation
import Testing
import Correspondence

/// The reader against the hand-verified gold catalogue of lines 1-2394 of the bundled corpus,
/// through the same jsonl the `messages` command writes.
@Suite struct GoldCatalogueTests {
    static let corpus: Corpus? = try? CorpusLoader.load(path: nil)

    func score() throws -> CatalogueScore {
        let corpus = try #require(GoldCatalogueTests.corpus)
        let predicted = try CatalogueScore.rows(jsonl: MessageCatalogue(corpus: corpus).jsonLines())
        let gold = try CatalogueScore.rows(jsonl: Fixtures.text("gold/messages-1941-1944.jsonl"))
        return CatalogueScore(gold: gold, predicted: predicted, lines: 1...2394)
    }

    @Test func segmentationFindsEveryMessage() throws {
        let s = try score()
        #expect(s.f1 >= 0.99, "segmentation F1 \(s.f1), missed \(s.missed)")
        #expect(s.recall == 1, "missed gold starts \(s.missed)")
    }

    @Test func senderAndRecipients() throws {
        let s = try score()
        #expect(s.sender >= 0.99)
        #expect(s.recipients >= 0.99)
    }

    @Test func dates() throws {
        let s = try score()
        #expect(s.sentOn >= 0.98)
        #expect(s.dated >= 0.98)
        #expect(s.bestDate >= 0.98)
    }

    @Test func classification() throws {
        #expect(try score().classification >= 0.97)
    }

    @Test func datedReferences() throws {
        #expect(try score().referenceF1 >= 0.95)
    }

    @Test func hardCasesOfTheGoldNotes() throws {
        let corpus = try #require(GoldCatalogueTests.corpus)
        func at(_ line: Int) -> Message? { corpus.messages.first { $0.span.startLine == line } }
        // 316: a date line before a header belongs to the next message.
        #expect(at(306)?.dated == nil)
        #expect(at(318)?.dated?.iso == "1942-03-29")
        // 1250: a date fused to the first header line.
        #expect(at(1250)?.dated?.iso == "1943-05-04")
        // 1790: a quoted date is not the message's own.
        #expect(at(1790)?.dated == nil)
        #expect(at(1790)?.span.endLine == 1804)
        // 2265: a signature after the date line.
        #expect(at(2265)?.dated?.iso == "1944-04-29")
        #expect(at(2265)?.span.endLine == 2275)
        // 285 and 298: orphan fragments, owners found elsewhere in the corpus.
        #expect(at(285)?.kind == .fragment)
        #expect(at(285)?.recipients == ["Truman"])
        #expect(at(298)?.kind == .fragment)
        #expect(at(298)?.recipients == ["Roosevelt"])
        // 2102 / 2115: printed twice, both kept and cross-referenced.
        #expect(at(2102)?.notes.contains { $0.contains("2115") } == true)
        #expect(at(2115)?.notes.contains { $0.contains("2102") } == true)
        #expect(corpus.issues.contains { $0.kind == .duplicate && $0.span.startLine == 2115 })
        // Undated messages are bounded by their neighbours and reported.
        let undated = try #require(at(1310))
        #expect(undated.date.evidence == .neighbours)
        #expect(undated.date.notBefore?.iso == "1943-06-11" && undated.date.notAfter?.iso == "1943-06-24")
        #expect(corpus.issues.contains { $0.kind == .undated && $0.span.startLine == 1310 })
        // Address lines are kept apart, not read as a place.
        #expect(at(897)?.address == "The White House, Washington")
        #expect(at(897)?.place == nil)
        // Page-break hyphenation and a duplicated syllable rejoined; markers removed.
        #expect(at(76)?.body.contains("will succeed in mastering") == true)
        #expect(at(1755)?.body.contains("French representatives on") == true)
        #expect(at(2128)?.body.contains("³") == false)
    }

    @Test func laterPartOfTheCorpus() throws {
        let corpus = try #require(GoldCatalogueTests.corpus)
        func at(_ line: Int) -> Message? { corpus.messages.first { $0.span.startLine == line } }
        #expect(at(4485)?.place == "Berlin")
        #expect(at(4485)?.address == "Berlin")
        #expect(at(4485)?.dated?.iso == "1945-07-29")
        #expect(at(3341)?.sender == "Churchill")
        #expect(at(3341)?.dated?.iso == "1945-01-16")
        #expect(at(3537)?.sender == "Antonov")
        #expect(at(3537)?.recipients == ["Deane"])
        #expect(at(4702)?.classification == "most secret")
        #expect(at(2962)?.sentOn?.iso == "1944-11-09")
        #expect(at(2994)?.dated?.iso == "1944-11-20")
        #expect(at(4113)?.body.hasPrefix("MESSAGE TO THE ARMED FORCES") == true)
        #expect(at(4298)?.kind == .fragment)
    }

    @Test func idsAreStableReadableAndUnique() throws {
        let corpus = try #require(GoldCatalogueTests.corpus)
        let ids = corpus.messages.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids.contains("1942-07-23-stalin-churchill"))
        #expect(ids.contains("1944-03-03-stalin-churchill-b"))
        #expect(ids.allSatisfy { $0.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") } })
        let again = try CorpusLoader.load(path: nil)
        #expect(MessageCatalogue(corpus: again).jsonLines() == MessageCatalogue(corpus: corpus).jsonLines())
    }

    @Test func messagesAreInStableOrder() throws {
        let corpus = try #require(GoldCatalogueTests.corpus)
        for (a, b) in zip(corpus.messages, corpus.messages.dropFirst()) {
            #expect(!Corpus.stableOrder(b, a), "\(a.id) before \(b.id)")
        }
    }
}
