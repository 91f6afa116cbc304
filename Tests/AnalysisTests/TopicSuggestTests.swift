import Foundation
import Testing
@testable import Analysis
import Correspondence

/// `topics suggest` on corpora that are not the bundled telegrams: German and French letters
/// with planted threads (`Benchmarks/topics-letters.py`, fixtures in Tests/Fixtures/topics), and
/// on the bundled corpus against its words of the genre.
@Suite struct TopicSuggestTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/topics")

    /// One planted thread: its id in the generator and words only its sentences hold.
    struct Planted: Sendable, CustomStringConvertible {
        var id: String
        var anchors: [String]
        var description: String { id }
    }

    /// A fixture, its planted threads, and words of the genre sentences (thanks, weather,
    /// family, and health, which the generator makes three times as frequent in two years).
    struct Fixture: Sendable, CustomStringConvertible {
        var file: String
        var planted: [Planted]
        var genre: [String]
        var description: String { file }
    }

    static let fixturesWithThreads = [
        Fixture(file: "letters-de.csv", planted: [
            Planted(id: "railway", anchors: ["Köln-Mindener", "Bahnhof", "Deutz", "Schienen", "Lokomotiven", "Streckenbau"]),
            Planted(id: "dictionary", anchors: ["Wörterbuch", "Hirzel", "Buchstaben", "Belegstellen", "Druckbogen", "erste Lieferung"]),
            Planted(id: "cholera", anchors: ["Cholera", "Quarantäne", "Lazarett", "Gesundheitsbehörde", "Sterbefälle", "Chlorkalk"]),
            Planted(id: "parliament", anchors: ["Nationalversammlung", "Paulskirche", "Frankfurter Parlament", "Reichsverfassung", "Grundrechte"]),
            Planted(id: "inheritance", anchors: ["Testament", "Görtz", "Weißkirchen", "Grundstück", "Mühlbach", "Amtsgericht", "Erbteile"]),
        ], genre: ["Gesundheit", "Arzt", "Fieber", "Husten", "Brief", "Wetter", "Kinder", "Grüße", "Grüßen", "Sorge",
                   "Angelegenheit", "Freund", "Familie", "Hoffnung", "Mühe"]),
        Fixture(file: "letters-fr.csv", planted: [
            Planted(id: "railway", anchors: ["Compagnie du Nord", "chemin de fer", "Lyon-Perrache", "Chaumont", "rails", "terrassements"]),
            Planted(id: "dictionary", anchors: ["Dictionnaire", "Hachette", "épreuves", "première livraison", "citations", "fiches"]),
            Planted(id: "cholera", anchors: ["choléra", "Marseille", "quarantaine", "lazaret", "intendance sanitaire", "décès"]),
            Planted(id: "parliament", anchors: ["Assemblée constituante", "Palais-Bourbon", "Constitution", "représentants", "scrutins"]),
            Planted(id: "inheritance", anchors: ["testament", "Gérard", "Ménétrier", "Moulin-Neuf", "Sémur", "héritiers", "créanciers"]),
        ], genre: ["santé", "médecin", "fièvre", "toux", "lettre", "temps", "enfants", "amitié", "affaire", "espoir",
                   "peine", "souci", "famille", "souvenir", "remercie"]),
    ]

    static func load(_ file: String) throws -> [Message] {
        try CorpusLoader.load(path: fixtures.appendingPathComponent(file).path).messages
    }

    /// The words of a term as keys (case and diacritics folded), for comparing with anchors.
    static func keys(_ text: String) -> [String] {
        let seq = WordSequence(text, firstLine: 1)
        return (0..<seq.count).map(seq.key)
    }

    /// True when `term` holds `anchor` as a run of whole words, without case or diacritics.
    static func term(_ term: String, holds anchor: String) -> Bool {
        let t = keys(term), a = keys(anchor)
        guard !a.isEmpty, a.count <= t.count else { return false }
        return (0...(t.count - a.count)).contains { Array(t[$0..<($0 + a.count)]) == a }
    }

    /// The planted thread a suggested thread is about: the one whose anchors its first three
    /// terms hold (nil when none, or more than one).
    static func planted(_ thread: SuggestedThread, among planted: [Planted]) -> String? {
        let lead = thread.terms.prefix(3).map(\.text)
        let hits = planted.filter { p in lead.contains { t in p.anchors.contains { term(t, holds: $0) } } }
        return hits.count == 1 ? hits[0].id : nil
    }

    @Test(arguments: fixturesWithThreads)
    func plantedThreadsAreTheTopThreadsAndTheGenreIsNone(_ fixture: Fixture) throws {
        let messages = try TopicSuggestTests.load(fixture.file)
        #expect(messages.count == 400)
        let threads = try TopicSuggester().suggest(messages)
        #expect(threads.count == 10)
        let top = Array(threads.prefix(fixture.planted.count))
        // Each of the top five is one planted thread, and each planted thread is one of them.
        let found = top.map { TopicSuggestTests.planted($0, among: fixture.planted) }
        #expect(Set(found.compactMap { $0 }) == Set(fixture.planted.map(\.id)), "\(top.map(\.label))")
        // No word of the genre leads any of them: not even health, which crowds into two years
        // (the old ranking put it first).
        for thread in top {
            for t in thread.terms.prefix(3) {
                #expect(!fixture.genre.contains { TopicSuggestTests.term(t.text, holds: $0) }, "\(thread.label)")
            }
        }
        // Each planted thread is dense where the generator made it active.
        let windows = ["railway": 1849...1851, "dictionary": 1852...1855, "cholera": 1855...1857, "parliament": 1848...1849]
        for (thread, id) in zip(top, found) {
            guard let id, let window = windows[id] else { continue }
            let peak = try #require(thread.peakPeriod.flatMap { Int($0) })
            #expect(window.contains(peak), "\(id) peaks in \(peak)")
        }
    }

    @Test func termsKeepTheirDiacriticsAsWritten() throws {
        let threads = try TopicSuggester().suggest(try TopicSuggestTests.load("letters-de.csv"))
        let texts = Set(threads.flatMap { $0.terms.map(\.text) })
        #expect(texts.contains("Köln-Mindener") || texts.contains("Köln-Mindener Bahn") || texts.contains("Köln-Mindener Eisenbahn"))
        #expect(texts.contains { $0.contains("Mühlbach") })
        // Written as in the letters, never folded.
        #expect(!texts.contains { $0.contains("Koln") || $0.contains("Muhlbach") })
        // The starter lexicon written from them parses and matches the accented letters.
        let toml = StarterLexicon.toml(threads, source: "letters-de.csv", messagesWithText: 400)
        let lexicon = try TopicLexicon.parse(toml, file: "starter.toml")
        #expect(lexicon.topics.count == threads.count)
    }

    @Test func suggestIsTheSameWhateverTheOrderOfTheLetters() throws {
        let messages = try TopicSuggestTests.load("letters-fr.csv")
        let a = StarterLexicon.toml(try TopicSuggester().suggest(messages), source: "x", messagesWithText: 400)
        let b = StarterLexicon.toml(try TopicSuggester().suggest(messages.reversed()), source: "x", messagesWithText: 400)
        #expect(a == b)
    }

    /// The bundled telegrams: threads a historian names lead; words of the genre of war
    /// telegrams that are everywhere do not make a thread.
    @Test func bundledTopTenHasTheKnownThreadsAndNoGenericOne() throws {
        let corpus = try CorpusLoader.load(path: nil)
        let threads = try TopicSuggester().suggest(corpus.messages)
        #expect(threads.count == 10)
        func rank(_ anchor: String) -> Int? {
            threads.firstIndex { t in t.terms.prefix(5).contains { TopicSuggestTests.term($0.text, holds: anchor) } }
        }
        #expect(rank("Poland") != nil)
        #expect(rank("second front") != nil)
        #expect(rank("Trieste") != nil)
        #expect(rank("Curzon Line") == nil || rank("Curzon Line") == rank("Poland"), "the Polish question is one thread")
        // The supplies by the northern route (munitions, deliveries, ships) are one of the ten.
        #expect(rank("munitions") != nil || rank("deliveries") != nil || rank("convoys") != nil)
        // Words spread over the whole war ("blow", "enemy", "Hitler", "Army") lead no thread.
        for thread in threads {
            for t in thread.terms.prefix(3) {
                #expect(!["blow", "enemy", "hitler", "army", "germans", "front", "meeting"].contains(t.text.lowercased()), "\(thread.label)")
            }
        }
    }

    // MARK: - term profiles

    @Test func aWordOfTheGenreIsLessSpecificThanANameOrARecurringWord() {
        let sizes = [100.0, 100, 100, 100]
        // Once per letter, evenly over the periods, never capitalised: the genre.
        let genre = TopicTermProfile(messages: 80, occurrences: 82, corpusMessages: 400, periodCounts: [20, 20, 21, 19],
                                     periodSizes: sizes, bond: nil, nameShare: 0)
        // A name, in one period.
        let name = TopicTermProfile(messages: 12, occurrences: 12, corpusMessages: 400, periodCounts: [0, 11, 1, 0],
                                    periodSizes: sizes, bond: nil, nameShare: 0.9)
        // A common noun that recurs within the letters about it.
        let recurring = TopicTermProfile(messages: 20, occurrences: 70, corpusMessages: 400, periodCounts: [5, 5, 5, 5],
                                         periodSizes: sizes, bond: nil, nameShare: 0)
        // A collocation whose words nearly always stand together.
        let bound = TopicTermProfile(messages: 15, occurrences: 18, corpusMessages: 400, periodCounts: [2, 3, 5, 5],
                                     periodSizes: sizes, bond: 0.95, nameShare: 0)
        #expect(genre.evenlySpread)
        #expect(!name.evenlySpread)
        #expect(genre.specificity <= 0.1)
        #expect(name.specificity >= 0.9)
        // Spread evenly, its specificity is halved, still five times the genre's.
        #expect(recurring.evenlySpread && recurring.specificity >= 0.5)
        #expect(bound.specificity >= 0.45)
        #expect(name.periodG2 > 10.83 && genre.periodG2 < 10.83)
        #expect(genre.strength < name.strength && genre.strength < recurring.strength)
        // Without periods nothing is penalised for its spread.
        let undated = TopicTermProfile(messages: 80, occurrences: 82, corpusMessages: 400, periodCounts: [],
                                       periodSizes: [], bond: nil, nameShare: 0)
        #expect(!undated.evenlySpread && undated.periodG2 == 0)
    }

    @Test func chiSquareCriticalValuesFollowTheTable() {
        #expect(abs(TopicTermProfile.chiSquare01(1) - 6.635) < 1e-9)
        #expect(abs(TopicTermProfile.chiSquare01(4) - 13.277) < 1e-9)
        // Wilson–Hilferty beyond the table: χ²(0.99, 20) = 37.566, χ²(0.99, 40) = 63.691.
        #expect(abs(TopicTermProfile.chiSquare01(20) - 37.566) < 0.1)
        #expect(abs(TopicTermProfile.chiSquare01(40) - 63.691) < 0.1)
    }

    /// A passage repeated verbatim in many letters (a formula, a quotation) is one piece of
    /// evidence: it does not outrank a thread discussed in varied words.
    @Test func aRepeatedPassageDoesNotOutrankAThreadInVariedWords() throws {
        var messages: [Message] = []
        let vocabulary = ["Kanal", "Schleuse", "Baggerarbeiten", "Hafenmeister", "Uferbefestigung", "Kanalgesellschaft"]
        for k in 0..<120 {
            var body = "Mit vorzüglicher Hochachtung und ergebenstem Gruß verbleibe ich Ihr gehorsamer Diener. "
            if k % 3 == 0 {
                // Varied words: two of the six, chosen by the letter's number.
                for j in 0..<3 {
                    body += "Die \(vocabulary[(k * 5 + j * 2) % 6]) und die \(vocabulary[(k * 7 + j * 3 + 1) % 6]) beschäftigen uns. "
                }
            }
            body += "Heute \(k)."
            let date = String(format: "18%02d-%02d-%02d", 40 + k % 10, k % 12 + 1, k % 28 + 1)
            messages.append(InlineCorpus.message("m\(k)", "Anna", ["Karl"], date, line: 10 * (k + 1), body: body))
        }
        let threads = try TopicSuggester().suggest(messages)
        let first = try #require(threads.first)
        #expect(first.terms.prefix(3).contains { vocabulary.contains($0.text) }, "\(first.label)")
        for thread in threads {
            #expect(!thread.terms.prefix(3).contains { $0.text.lowercased().contains("hochachtung") }
                    || thread.terms.contains { vocabulary.contains($0.text) }, "\(thread.label)")
        }
    }
}
