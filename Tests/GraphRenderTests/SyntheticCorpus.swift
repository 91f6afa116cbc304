import Analysis
import Correspondence
import EpistolaryTestSupport
import Foundation

/// Corpora made in process for the figure tests, none of them ours: a network of many writers
/// with no central person (600 people, 50,000 messages), and a catalogue without text (what a
/// CMIF file gives). Names, topics and dates are generated, so nothing of the bundled corpus
/// can leak into what is checked.
enum SyntheticCorpus {
    /// A surname made of letters from `index` (digits are not words to the matchers).
    static func surname(_ index: Int) -> String {
        let consonants = Array("bdfgklmnprstvz"), vowels = Array("aeiou")
        var n = index
        var text = ""
        repeat {
            text.append(consonants[n % consonants.count])
            n /= consonants.count
            text.append(vowels[n % vowels.count])
            n /= vowels.count
        } while n > 0
        return text.prefix(1).uppercased() + text.dropFirst() + "son"
    }

    static let topicWords = ["harvest", "printing", "botany", "travel", "finance", "poetry", "illness", "lawsuit"]

    static var lexicon: TopicLexicon {
        TopicLexicon(topics: topicWords.map { TopicDefinition(id: $0, label: $0.prefix(1).uppercased() + $0.dropFirst(), terms: [LexiconTerm($0)], threshold: 1) },
                     source: "synthetic")
    }

    /// `people` writers, `messages` letters among them, activity falling off with rank (a few
    /// busy writers, a long tail), no one in most of them. Bodies name a topic and two people
    /// unless `withText` is false (then bodies are empty, as from a CMIF catalogue).
    static func corpus(people count: Int, messages total: Int, withText: Bool = true, name: String = "synthetic network") -> Corpus {
        var people: [Person] = []
        for i in 0..<count {
            let surname = surname(i)
            people.append(Person(id: "p\(i)", name: "Anna \(surname)", role: "", aliases: [surname]))
        }
        var generator = SplitMix64(seed: 42)
        func person() -> Int {
            // Zipf-like: rank r with weight 1/(r+1).
            let u = Double(generator.next() % 1_000_000) / 1_000_000
            return min(count - 1, Int(pow(Double(count), u)) - 1)
        }
        var messages: [Message] = []
        messages.reserveCapacity(total)
        let start = Day(year: 1780, month: 1, day: 1)!
        for i in 0..<total {
            let from = person()
            var to = person()
            if to == from { to = (to + 1) % count }
            let day = Day(ordinal: start.ordinal + Int(generator.next() % 7300))
            let body = withText
                ? "Dear \(surname(to)), about the \(topicWords[Int(generator.next() % UInt64(topicWords.count))]) I wrote to \(surname(person())) and \(surname(person()))."
                : ""
            messages.append(Message(id: "m\(i)", kind: .message, sender: "p\(from)", recipients: ["p\(to)"], sentOn: day, dated: day,
                                    date: HistoricalDate(exactly: day, evidence: .given), place: nil, classification: "",
                                    body: body, references: [], span: SourceSpan(startLine: i + 2, endLine: i + 2)))
        }
        return Corpus(sourceName: name, sourceHash: String(repeating: "0", count: 64), messages: messages,
                      people: PersonTable(people: people), issues: [])
    }

    /// The 600-person, 50,000-message network, analysed once for every test that needs it.
    static let large: CorpusAnalysis = CorpusAnalysis(corpus: corpus(people: 600, messages: 50_000), lexicon: lexicon)

    /// `corpus(people:messages:)` where about `perMille` in 1,000 letters answer a letter of
    /// their addressee's and say so, citing its date ("your letter of 1781-03-04", the
    /// reference the readers make of it): the cited day lies 0 to 60 days back, log-uniform,
    /// so that every band of days of the latency chart's axis holds answers.
    /// - Complexity: O(n) in the messages.
    static func answeringCorpus(people count: Int, messages total: Int, perMille: UInt64 = 750, name: String = "synthetic answers") -> Corpus {
        var corpus = corpus(people: count, messages: total, name: name)
        var generator = SplitMix64(seed: 1781)
        for i in corpus.messages.indices {
            guard generator.next() % 1000 < perMille, let day = corpus.messages[i].date.best else { continue }
            let u = Double(generator.next() % 1_000_000) / 1_000_000
            let back = min(60, Int(pow(61, u)) - 1)
            let cited = Day(ordinal: day.ordinal - back)
            let phrase = "your letter of \(cited.iso)"
            corpus.messages[i].body += " In answer to \(phrase)."
            corpus.messages[i].references.append(Reference(phrase: phrase, whose: .yours, relation: .of, date: cited,
                                                           line: corpus.messages[i].span.startLine))
        }
        return corpus
    }

    /// 300 people, 40,000 letters, three in four answering a dated letter: a latency chart far
    /// past the mark budget (two marks per answer), analysed once.
    static let answering: CorpusAnalysis = CorpusAnalysis(corpus: answeringCorpus(people: 300, messages: 40_000), lexicon: lexicon)

    /// 40 people, 2,000 letters answering as in `answering`: a latency chart within the budget.
    static let answeringFew: CorpusAnalysis = CorpusAnalysis(corpus: answeringCorpus(people: 40, messages: 2_000, name: "a few synthetic answers"),
                                                             lexicon: lexicon)

    /// A small network without text (a CMIF catalogue): 40 people, 400 letters.
    static let textless: CorpusAnalysis = CorpusAnalysis(corpus: corpus(people: 40, messages: 400, withText: false, name: "catalogue without text"),
                                                         lexicon: lexicon)
}
