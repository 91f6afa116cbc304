/// Something the reader found that does not fit and reports rather than guessing silently.
public struct ReadIssue: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// Text with no header of its own.
        case fragment
        /// An entry printed twice.
        case duplicate
        /// A message with neither a "Sent on" line nor a date line of its own.
        case undated
        /// A line the reader could not place (a stray date, an unreadable header).
        case unreadable
        /// A date found but not used (quoted, displaced, out of place).
        case displacedDate = "displaced_date"
    }

    public var kind: Kind
    public var span: SourceSpan
    /// One sentence a historian can act on.
    public var detail: String
    /// Ids of the messages concerned, when any.
    public var messageIDs: [String]

    public init(kind: Kind, span: SourceSpan, detail: String, messageIDs: [String] = []) {
        self.kind = kind
        self.span = span
        self.detail = detail
        self.messageIDs = messageIDs
    }
}
