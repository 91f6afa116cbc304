/// Something the reader found that does not fit and reports rather than guessing silently.
/// Readers are lenient: a record they cannot read is skipped and listed here, one they had to
/// change is adjusted and listed, and the corpus goes on; `--strict` turns either into exit 1.
public struct ReadIssue: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// Text with no header of its own.
        case fragment
        /// An entry printed twice.
        case duplicate
        /// A message with no date of its own (none in the source, or none the reader could use).
        case undated
        /// A line or record the reader could not read (a stray date, an unreadable header, a
        /// record without the parts it needs).
        case unreadable
        /// A date found but not used (quoted, displaced, out of place).
        case displacedDate = "displaced_date"
        /// A date value that names no real day (`1931-02-30`), or is not a date form at all:
        /// the message is kept undated with the raw value.
        case invalidDate = "invalid_date"
        /// A part of a record the model does not hold, or a value the reader had to change.
        case unsupported
    }

    /// What became of the record.
    public enum Outcome: String, Sendable, Codable, CaseIterable {
        /// Not read: the record is not in the corpus.
        case skipped
        /// Read, but something in it was changed or left out (the detail says what).
        case adjusted
        /// Read as it is; the issue is worth knowing (a fragment, a duplicate).
        case info
    }

    public var kind: Kind
    public var outcome: Outcome
    /// The file the record is in, as the user named it (nil for the bundled corpus).
    public var file: String?
    public var span: SourceSpan
    /// The reason, in one sentence a historian can act on.
    public var detail: String
    /// Ids of the messages concerned, when any.
    public var messageIDs: [String]

    public init(kind: Kind, outcome: Outcome = .info, file: String? = nil, span: SourceSpan, detail: String,
                messageIDs: [String] = []) {
        self.kind = kind
        self.outcome = outcome
        self.file = file
        self.span = span
        self.detail = detail
        self.messageIDs = messageIDs
    }

    /// The first line of the record.
    public var line: Int { span.startLine }

    /// `file:line: detail`, for stderr and `report`.
    public var located: String { "\(file.map { $0 + ":" } ?? "")\(line): \(detail)" }
}
