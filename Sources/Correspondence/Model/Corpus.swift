/// A read corpus: its messages in stable order (best date, then source line), the people
/// they involve, and what the reader could not fit.
public struct Corpus: Sendable {
    /// Display name of the source (a file name, or "war-telegrams.txt" for the bundled corpus).
    public var sourceName: String
    /// SHA-256 of the source bytes, hex, for provenance sidecars.
    public var sourceHash: String
    public var messages: [Message]
    public var people: PersonTable
    public var issues: [ReadIssue]
    /// The file's own description (a CMIF `teiHeader`), kept for re-export; nil when the source has none.
    public var header: CorpusHeader?

    public init(sourceName: String, sourceHash: String, messages: [Message], people: PersonTable, issues: [ReadIssue],
                header: CorpusHeader? = nil) {
        self.sourceName = sourceName
        self.sourceHash = sourceHash
        self.messages = messages
        self.people = people
        self.issues = issues
        self.header = header
    }

    /// Messages in stable order: best date (undated messages last), then source line.
    public static func stableOrder(_ a: Message, _ b: Message) -> Bool {
        switch (a.date.best, b.date.best) {
        case let (x?, y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return a.span.startLine < b.span.startLine
        }
    }

    /// Messages that can be placed in time (at least one date bound), in corpus order.
    public var datedMessages: [Message] { messages.filter(\.date.isDated) }

    /// How many messages have no date at all (left out of dated figures, counted in their captions).
    public var undatedCount: Int { messages.reduce(0) { $0 + ($1.date.isDated ? 0 : 1) } }
}
