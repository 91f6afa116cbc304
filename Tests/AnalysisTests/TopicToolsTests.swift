import Foundation
import Testing
@testable import Analysis
import Correspondence

/// Matching without case or diacritics, `topics suggest` and `topics check`.
@Suite struct TopicToolsTests {
    typealias C = InlineCorpus

    static func analyse(_ toml: String, _ bodies: [String], years: [Int]? = nil) throws -> CorpusAnalysis {
        let lexicon = try TopicLexicon.parse(toml, file: "test.toml")
        let messages = bodies.enumerated().map { k, body in
            C.message("m\(k)", "Stalin", ["Churchill"], "\(years?[k] ?? 1943)-06-\(String(format: "%02d", k % 28 + 1))",
                      line: 10 * (k + 1), body: body)
        }
        return CorpusAnalysis(corpus: C.corpus(messages), lexicon: lexicon)
    }

    static let european = """
    [[topic]]
    id = "people"
    label = "People"
    threshold = 4
    phrases = [{ text = "Mikołajczyk", weight = 4 }, { text = "émigré government", weight = 4 },
               { text = "Straße", weight = 4 }, { text = "città", weight = 4 }, { text = "Übergabe", weight = 4 }]
    patterns = [{ pattern = "Gaull*", weight = 4 }]
    """

    @Test func matchingIgnoresCaseDiacriticsAndNormalisationForm() throws {
        let a = try TopicToolsTests.analyse(TopicToolsTests.european, [
            "MIKOLAJCZYK arrived.",                          // no diacritic, upper case
            "The e\u{301}migre\u{301} Government met.",      // NFD: e + combining acute
            "In der Strasse stand er.",                      // ß written ss
            "La citta e bella.",                             // à written a
            "Die UBERGABE fand statt.",                      // Ü written U
            "Général de GAULLE.",                            // pattern over a word with accents around it
            "Mikolaj came, and the government of emigres.",  // near misses: other words
        ])
        for k in 0..<6 {
            #expect(a.topics["m\(k)"]?.first?.topic == "people", "message \(k)")
        }
        #expect(a.topics["m6"] == nil)
        // The span keeps the text as written, the term as the lexicon writes it.
        let span = try #require(a.topicMatches(id: "m1").first?.spans.first)
        #expect(span.phrase == "e\u{301}migre\u{301} Government")
        #expect(span.term == "émigré government")
    }

    @Test func lexiconWrittenWithoutAccentsMatchesAccentedText() throws {
        let toml = """
        [[topic]]
        id = "p"
        label = "P"
        threshold = 4
        phrases = [{ text = "Mikolajczyk", weight = 4 }, { text = "Subasic", weight = 4 }]
        """
        let a = try TopicToolsTests.analyse(toml, ["Mr Mikołajczyk left.", "Dr. Šubašić came.", "Mr Mikola left."])
        #expect(a.topics["m0"] != nil)
        #expect(a.topics["m1"] != nil)
        #expect(a.topics["m2"] == nil)
    }

    @Test func thereIsNoStemming() throws {
        let toml = """
        [[topic]]
        id = "c"
        label = "C"
        threshold = 4
        phrases = [{ text = "convoy", weight = 4 }]
        """
        let a = try TopicToolsTests.analyse(toml, ["The convoys sailed.", "The convoy sailed."])
        #expect(a.topics["m0"] == nil)
        #expect(a.topics["m1"] != nil)
    }

    @Test func termsThatMatchTheSameWordsAreRejectedNamingBothLines() throws {
        let toml = """
        [[topic]]
        id = "p"
        label = "P"
        threshold = 4
        phrases = [
          { text = "Mikołajczyk", weight = 3 },
          { text = "MIKOLAJCZYK", weight = 3 },
        ]
        """
        #expect {
            _ = try TopicLexicon.parse(toml, file: "dup.toml")
        } throws: { error in
            let text = "\(error)"
            return text.contains("dup.toml:7") && text.contains("line 6") && text.contains("diacritics")
        }
    }

    @Test func theBundledLexiconParsesWithoutDuplicateTerms() throws {
        let lexicon = try TopicLexicon.bundled()
        #expect(lexicon.topic("poland")?.terms.contains { $0.text == "Mikołajczyk" } == true)
    }

    // MARK: - suggest

    /// Two subjects in two periods, each with its own vocabulary, plus letters about nothing much.
    static func twoThreadCorpus() -> [Message] {
        var messages: [Message] = []
        var line = 10
        func add(_ date: String, _ body: String) {
            messages.append(C.message("m\(messages.count)", "Anna", ["Karl"], date, line: line, body: body))
            line += 10
        }
        for k in 0..<12 {
            add("1850-0\(k % 9 + 1)-10", "The grain shipments reached Odessa harbour. The harbour master counts the grain shipments; Odessa waits. Weather \(k).")
            add("1853-0\(k % 9 + 1)-12", "The railway bridge needs engineers. Our engineers inspected the railway bridge again near Lemberg; Lemberg pays. Health \(k).")
            add("1851-0\(k % 9 + 1)-14", "I write to you about the family and the garden, and send you my regards. Letter \(k).")
            add("1852-0\(k % 9 + 1)-16", "Thank you for your kind letter; the children are well and the garden is green. Note \(k).")
        }
        return messages
    }

    @Test func suggestFindsTheThreadsThatCoOccurAndWritesALexiconThatParses() throws {
        let messages = TopicToolsTests.twoThreadCorpus()
        let threads = try TopicSuggester().suggest(messages)
        #expect(threads.count >= 2)
        let harbour = try #require(threads.first { t in t.terms.contains { $0.text.lowercased() == "grain shipments" } })
        let railway = try #require(threads.first { t in t.terms.contains { $0.text.lowercased() == "railway bridge" } })
        let harbourTerms = Set(harbour.terms.map { $0.text.lowercased() })
        let railwayTerms = Set(railway.terms.map { $0.text.lowercased() })
        #expect(harbourTerms.contains { $0.contains("odessa") })
        #expect(railwayTerms.contains { $0.contains("engineers") })
        // A collocation never spans punctuation.
        #expect(!harbourTerms.contains { $0.contains(";") })
        #expect(harbourTerms.isDisjoint(with: railwayTerms))
        // Function words are never terms.
        for t in threads { for term in t.terms { #expect(!["the", "and", "you", "your", "about"].contains(term.text.lowercased())) } }
        #expect(harbour.peakPeriod == "1850")
        #expect(railway.peakPeriod == "1853")
        #expect(harbour.messages == 12)

        // A source name with a line break (before a combining mark, one grapheme with it) or a
        // control character stays inside its comment line.
        let toml = StarterLexicon.toml(threads, source: "in\n\u{301}line\r\u{1}.txt", messagesWithText: messages.count)
        #expect(toml.hasPrefix("# Starter topic lexicon written by `epistolary topics suggest` for in \u{301}line \u{FFFD}.txt\n"))
        #expect(toml.contains("# 12 messages (100% with another term here), e.g. lines"))
        let lexicon = try TopicLexicon.parse(toml, file: "starter.toml")
        #expect(lexicon.topics.count == threads.count)
        let analysis = CorpusAnalysis(corpus: C.corpus(messages), lexicon: lexicon)
        let first = analysis.threads(topic: harbour.id).messageIDs
        #expect(first.count == 12)
        #expect(analysis.threads(topic: railway.id).messageIDs.count == 12)
        #expect(Set(first).isDisjoint(with: analysis.threads(topic: railway.id).messageIDs))
    }

    @Test func suggestOnTheBundledCorpusFindsThreadsAHistorianKnows() throws {
        let corpus = try CorpusLoader.load(path: nil)
        let threads = try TopicSuggester().suggest(corpus.messages)
        #expect(threads.count == 10)
        func thread(with term: String) -> SuggestedThread? {
            threads.first { $0.terms.contains { $0.text.lowercased() == term } }
        }
        // The Polish question and the second front are found without any lexicon, each in a thread
        // of its own, the Polish one densest after 1943.
        let poland = try #require(thread(with: "poland"))
        let front = try #require(thread(with: "second front"))
        #expect(poland.id != front.id)
        #expect(poland.terms.contains { $0.text == "Polish Government" })
        #expect((poland.peakPeriod ?? "") >= "1944")
        // The Curzon Line belongs to the Polish question, not to a thread of its own.
        #expect(thread(with: "curzon line") == nil || thread(with: "curzon line")?.id == poland.id)
        // A word that stands only as the first half of hyphenated compounds ("Anglo" in
        // "Anglo-American") is no term of its own, and a word that mostly stands in a collocation
        // of its thread ("second" in "second front") is left to the collocation.
        #expect(thread(with: "anglo") == nil)
        #expect(!front.terms.contains { $0.text.lowercased() == "second" })
    }

    @Test func suggestNeedsText() throws {
        let messages = [C.message("m0", "Anna", ["Karl"], "1850-01-01", line: 1, body: "  ")]
        #expect(throws: EpistolaryError.self) { _ = try TopicSuggester().suggest(messages) }
    }

    @Test func suggestIsTheSameForTheSameInput() throws {
        let messages = TopicToolsTests.twoThreadCorpus()
        let a = StarterLexicon.toml(try TopicSuggester().suggest(messages), source: "x", messagesWithText: 48)
        let b = StarterLexicon.toml(try TopicSuggester().suggest(messages.reversed()), source: "x", messagesWithText: 48)
        #expect(a == b)
    }

    // MARK: - check

    @Test func checkCountsMessagesPerTermAndFlagsOverreach() throws {
        let toml = """
        [[topic]]
        id = "harbour"
        label = "Harbour"
        threshold = 4
        phrases = [{ text = "grain shipments", weight = 4 }, { text = "weather", weight = 1 }, { text = "zeppelin", weight = 4 }]
        exclusions = [{ text = "garden", weight = 1 }]
        """
        let messages = TopicToolsTests.twoThreadCorpus() + [
            C.message("w1", "Anna", ["Karl"], "1854-01-01", line: 900, body: "Bad weather."),
            C.message("w2", "Anna", ["Karl"], "1854-01-02", line: 910, body: "Good weather."),
            C.message("w3", "Anna", ["Karl"], "1854-01-03", line: 920, body: "Weather again."),
            C.message("w4", "Anna", ["Karl"], "1854-01-04", line: 930, body: "Weather, weather."),
        ]
        let lexicon = try TopicLexicon.parse(toml, file: "h.toml")
        let analysis = CorpusAnalysis(corpus: C.corpus(messages), lexicon: lexicon)
        let check = TermCheck(messages: analysis.messages, lexicon: lexicon, assigned: analysis.topicAssignments)
        let grain = try #require(check.rows.first { $0.term.text == "grain shipments" })
        #expect(grain.messages == 12 && grain.inTopic == 12 && !grain.overreaches)
        #expect(grain.exampleLines == [12, 52, 92])
        let weather = try #require(check.rows.first { $0.term.text == "weather" })
        #expect(weather.messages == 16 && weather.inTopic == 12 && !weather.overreaches)
        let zeppelin = try #require(check.rows.first { $0.term.text == "zeppelin" })
        #expect(zeppelin.messages == 0)
        let garden = try #require(check.rows.first { $0.term.text == "garden" })
        #expect(garden.isExclusion && garden.messages == 24 && garden.inTopic == 0 && !garden.overreaches)
        #expect(check.topicMessages["harbour"] == 12)
        let text = check.text
        #expect(text.contains("harbour (Harbour): threshold 4, 12 messages"))
        #expect(text.contains("  0  zeppelin"))
        #expect(text.contains("- garden"))

        // A weight so high that a common word decides alone: flagged.
        let loose = try TopicLexicon.parse(toml.replacingOccurrences(of: "{ text = \"weather\", weight = 1 }", with: "{ text = \"weather\", weight = 4 }"), file: "h.toml")
        let a2 = CorpusAnalysis(corpus: C.corpus(messages), lexicon: loose)
        let overreaching = TermCheck(messages: a2.messages, lexicon: loose, assigned: a2.topicAssignments)
        #expect(overreaching.rows.first { $0.term.text == "weather" }?.overreaches == false)
        let lonely = try TopicLexicon.parse(toml.replacingOccurrences(of: "threshold = 4", with: "threshold = 5"), file: "h.toml")
        let a3 = CorpusAnalysis(corpus: C.corpus(messages), lexicon: lonely)
        let strict = TermCheck(messages: a3.messages, lexicon: lonely, assigned: a3.topicAssignments)
        // With threshold 5 only letters with grain shipments and weather pass: weather's 4 other letters stay out.
        #expect(strict.rows.first { $0.term.text == "weather" }?.messages == 16)
        #expect(strict.rows.first { $0.term.text == "weather" }?.inTopic == 12)
    }

    @Test func checkFlagsATermWhoseMessagesTheTopicMostlyRejects() throws {
        let toml = """
        [[topic]]
        id = "t"
        label = "T"
        threshold = 4
        phrases = [{ text = "harbour master", weight = 4 }, { text = "letter", weight = 1 }]
        """
        let messages = TopicToolsTests.twoThreadCorpus()
        let lexicon = try TopicLexicon.parse(toml, file: "t.toml")
        let analysis = CorpusAnalysis(corpus: C.corpus(messages), lexicon: lexicon)
        let check = TermCheck(messages: analysis.messages, lexicon: lexicon, assigned: analysis.topicAssignments)
        let letter = try #require(check.rows.first { $0.term.text == "letter" })
        // "letter" is in the 12 family letters and 12 thank-you letters, none of which is kept.
        #expect(letter.messages == 24 && letter.inTopic == 0 && letter.overreaches)
        #expect(check.text.contains("  !  letter"))
    }
}
