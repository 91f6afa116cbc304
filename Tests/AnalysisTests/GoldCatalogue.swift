import Foundation
import Correspondence

/// The hand-verified reference catalogue of lines 1-2394 (Tests/Fixtures/gold) turned into
/// messages whose bodies are the source lines of each entry, so topic scoring can be checked
/// against the gold without depending on the reader.
struct GoldCatalogue {
    struct Entry: Decodable {
        let start_line: Int
        let end_line: Int
        let kind: String
        let sender: String
        let recipients: [String]
        let sent_on: String?
        let dated: String?
        let topics: [String]
    }

    let entries: [Entry]
    let corpus: Corpus

    static var fixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
    }

    static var corpusText: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/Correspondence/Resources/war-telegrams.txt")
    }

    init() throws {
        let jsonl = try String(contentsOf: GoldCatalogue.fixtures.appendingPathComponent("gold/messages-1941-1944.jsonl"), encoding: .utf8)
        let decoder = JSONDecoder()
        entries = try jsonl.split(separator: "\n").map { try decoder.decode(Entry.self, from: Data($0.utf8)) }
        let lines = try String(contentsOf: GoldCatalogue.corpusText, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var messages: [Message] = []
        var lastDay = Day(year: 1941, month: 7, day: 1)!
        for e in entries {
            let day = (e.sent_on ?? e.dated).flatMap(Day.init(iso:)) ?? lastDay
            lastDay = day
            let body = lines[(e.start_line - 1)..<min(e.end_line, lines.count)].joined(separator: "\n")
            messages.append(Message(id: "gold-\(e.start_line)", kind: e.kind == "fragment" ? .fragment : .message,
                                    sender: e.sender, recipients: e.recipients, sentOn: nil, dated: nil,
                                    date: HistoricalDate(exactly: day, evidence: .dateLine), place: nil,
                                    classification: "", body: body, references: [],
                                    span: SourceSpan(startLine: e.start_line, endLine: e.end_line),
                                    fieldLines: ["body": e.start_line]))
        }
        corpus = Corpus(sourceName: "war-telegrams.txt", sourceHash: "", messages: messages,
                        people: PersonTable(people: []), issues: [])
    }
}
