import Analysis
import Correspondence

/// Small corpora written inline for tests: one line per message, bodies given as text.
enum InlineCorpus {
    static func day(_ iso: String) -> Day {
        guard let d = Day(iso: iso) else { preconditionFailure("bad test date \(iso)") }
        return d
    }

    static func ref(_ phrase: String, _ whose: ReferenceOwner, _ relation: ReferenceRelation = .of,
                    _ date: String?, line: Int) -> Reference {
        Reference(phrase: phrase, whose: whose, relation: relation, date: date.map(day), line: line)
    }

    /// A message dated exactly `date`, starting at `line` (its body on `line + 2`).
    static func message(_ id: String, _ sender: String, _ recipients: [String], _ date: String, line: Int,
                        body: String = "", refs: [Reference] = [], classification: String = "") -> Message {
        Message(id: id, kind: .message, sender: sender, recipients: recipients, sentOn: day(date), dated: nil,
                date: HistoricalDate(exactly: day(date), evidence: .sentOn), place: nil,
                classification: classification, body: body, references: refs,
                span: SourceSpan(startLine: line, endLine: line + 4), fieldLines: ["body": line + 2, "sender": line])
    }

    static func corpus(_ messages: [Message]) -> Corpus {
        Corpus(sourceName: "inline.txt", sourceHash: "", messages: messages.sorted(by: Corpus.stableOrder),
               people: PersonTable(people: [
                   Person(id: "Stalin", name: "Joseph Stalin", role: "Chairman"),
                   Person(id: "Churchill", name: "Winston Churchill", role: "Prime Minister"),
                   Person(id: "Roosevelt", name: "Franklin D. Roosevelt", role: "President"),
               ]), issues: [])
    }

    /// A lexicon built in code for tests that need topics but not the bundled file.
    static let lexicon = TopicLexicon(topics: [
        TopicDefinition(id: "poland", label: "Poland", terms: [LexiconTerm("Poland", weight: 4), LexiconTerm("Polish", weight: 2)],
                        threshold: 4),
        TopicDefinition(id: "convoys", label: "Convoys", terms: [LexiconTerm("convoy*", kind: .pattern, weight: 4)], threshold: 4),
    ])
}
