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

    public init(sourceName: String, sourceHash: String, messages: [Message], people: PersonTable, issues: [ReadIssue]) {
        self.sourceName = sourceName
        self.sourceHash = sourceHash
        self.messages = messages
        self.people = people
        self.issues = issues
    }

    /// Messages in stable order: best date, then source line.
    public static func stableOrder(_ a: Message, _ b: Message) -> Bool {
        if a.date.best != b.date.best { return a.date.best < b.date.best }
        return a.span.startLine < b.span.startLine
    }
}
