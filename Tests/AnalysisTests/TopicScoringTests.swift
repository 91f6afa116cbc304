import Foundation
import Testing
@testable import Analysis
import Correspondence

@Suite struct TopicScoringTests {
    typealias C = InlineCorpus

    static let toml = """
    [covering_notes]
    max_words = 20
    phrases = ["I enclose"]

    [[topic]]
    id = "second_front"
    label = "Second front"
    threshold = 4
    phrases = [{ text = "second front", weight = 4 }, { text = "Northern France", weight = 2 }, "the Channel"]
    patterns = [{ pattern = "open* ... front", weight = 1 }]
    exclusions = [{ text = "Sicily", weight = 3 }, { pattern = "front in ital*", weight = 1 }]
    """

    func analyse(_ bodies: [String]) throws -> CorpusAnalysis {
        let lexicon = try TopicLexicon.parse(TopicScoringTests.toml, file: "test.toml")
        let messages = bodies.enumerated().map { k, body in
            C.message("m\(k)", "Stalin", ["Churchill"], "1943-06-0\(k + 1)", line: 10 * (k + 1), body: body)
        }
        return CorpusAnalysis(corpus: C.corpus(messages), lexicon: lexicon)
    }

    @Test func scoresCountWeightsWithDiminishingRepeatsAndKeepSpans() throws {
        let a = try analyse(["We need the opening of a\nsecond front in Northern France, a Second Front now.",
                             "Northern France is far."])
        let match = try #require(a.topicMatches(id: "m0").first)
        // "second front" 4 × 1.5 (twice) + "Northern France" 2 + "opening of a second front" 1 = 9.
        #expect(match.score == 9)
        // The analysis keeps scores only; the spans are made again for the one message asked.
        #expect(a.topics["m0"]?.first?.spans.isEmpty == true)
        #expect(match.spans.map(\.phrase) == ["opening of a second front", "second front", "Northern France", "Second Front"])
        #expect(match.spans.map(\.line) == [12, 13, 13, 13])
        #expect(a.topics["m1"] == nil)
        #expect(a.topicScores(id: "m1").first?.score == 2)
        #expect(a.threads(topic: "second_front").messageIDs == ["m0"])
    }

    @Test func exclusionsSubtractAndCancelWhatTheyOverlap() throws {
        let a = try analyse(["The second front in Sicily.", "A front in Italy is no second front; the Channel."])
        // 4 − 3 = 1.
        #expect(a.topics["m0"] == nil)
        #expect(a.topicScores(id: "m0").first?.score == 1)
        // "front in Italy" cancels nothing of weight here but subtracts 1: 4 + 1 − 1 = 4.
        #expect(a.topics["m1"]?.first?.score == 4)
    }

    @Test func coveringNoteTakesTheTopicOfWhatItForwards() throws {
        let a = try analyse(["I enclose my reply to the Prime Minister.", "On the second front and the second front again."])
        let note = try #require(a.topicMatches(id: "m0").first)
        #expect(note.topic == "second_front")
        #expect(note.inheritedFrom == "m1")
        #expect(note.spans.first?.phrase == "I enclose")
    }

    /// A page printed away from its message: the head and the displaced tail are one letter and
    /// share what either part's text gives; a message that only sits next to them takes nothing.
    @Test func displacedPartsOfOneLetterShareTheirTopics() throws {
        let lexicon = try TopicLexicon.parse(TopicScoringTests.toml, file: "test.toml")
        let head = C.message("head", "Stalin", ["Churchill"], "1942-02-18", line: 900, body: "Thank you for the credit.")
        var tail = C.message("tail", "Stalin", ["Churchill"], "1942-02-18", line: 10, body: "the second front, and the second front again.")
        tail.kind = .fragment
        tail.continues = "head"
        let other = C.message("other", "Stalin", ["Churchill"], "1942-02-19", line: 20, body: "Thank you for the credit.")
        let a = CorpusAnalysis(corpus: C.corpus([head, tail, other]), lexicon: lexicon)
        let shared = try #require(a.topicMatches(id: "head").first)
        #expect(shared.topic == "second_front")
        #expect(shared.inheritedFrom == "tail")
        #expect(shared.spans.map(\.line) == [12, 12])
        #expect(a.topics["tail"]?.first?.inheritedFrom == nil)
        #expect(a.topics["other"] == nil)
        let explained = try MessageExplanation(id: "head", analysis: a).text
        #expect(explained.contains("taken from the other part of this letter, tail"))
    }

    @Test func aBadTopicFileNamesFileLineAndKey() throws {
        let bad = """
        [[topic]]
        id = "x"
        label = "X"
        threshold = 4
        phrases = [{ text = "a", wieght = 2 }]
        """
        do {
            _ = try TopicLexicon.parse(bad, file: "mine.toml")
            Issue.record("expected an error")
        } catch let error as EpistolaryError {
            #expect(error.file == "mine.toml")
            #expect(error.line == 5)
            #expect(error.description.contains("wieght"))
            #expect(error.exitCode == 1)
        }
        let badPattern = "[[topic]]\nid = \"y\"\nlabel = \"Y\"\nthreshold = 1\npatterns = [{ pattern = \"* front\", weight = 1 }]\n"
        #expect(throws: EpistolaryError.self) { try TopicLexicon.parse(badPattern, file: "p.toml") }
        let duplicate = "[[topic]]\nid = \"y\"\nlabel = \"Y\"\nthreshold = 1\nphrases = [\"a\"]\n[[topic]]\nid = \"y\"\nlabel = \"Z\"\nthreshold = 1\nphrases = [\"b\"]\n"
        do {
            _ = try TopicLexicon.parse(duplicate, file: "d.toml")
            Issue.record("expected an error")
        } catch let error as EpistolaryError {
            #expect(error.line == 7)
        }
    }

    @Test func theBundledLexiconHasTheTopicsAHistorianExpects() throws {
        let lexicon = try TopicLexicon.bundled()
        let ids = Set(lexicon.topics.map(\.id))
        for id in ["second_front", "poland", "convoys", "far_east", "yugoslavia", "turkey", "france", "italy",
                   "conferences", "supplies", "greetings"] {
            #expect(ids.contains(id), "missing topic \(id)")
        }
    }

    @Test func warshipTransfersAreNotConvoys() throws {
        let lexicon = try TopicLexicon.bundled()
        let messages = [
            C.message("w", "Stalin", ["Churchill"], "1944-01-05", line: 10,
                      body: "We expect the transfer of the Italian battleship, cruiser and destroyers; the Italian merchant ships and merchant tonnage shall follow."),
            C.message("c", "Stalin", ["Churchill"], "1944-01-06", line: 20,
                      body: "The northern convoys must resume: the cargoes delivered to Archangel are badly needed."),
        ]
        let a = CorpusAnalysis(corpus: C.corpus(messages), lexicon: lexicon)
        #expect(!(a.topics["w"] ?? []).contains { $0.topic == "convoys" })
        #expect((a.topics["c"] ?? []).contains { $0.topic == "convoys" })
    }
}
