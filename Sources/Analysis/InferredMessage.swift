import Correspondence

/// An incoming message the corpus does not hold but its messages cite ("your message of May 11"):
/// written by the citing message's addressee to its writer. Several citations of the same
/// message (same correspondent, same cited date) share one inferred message.
public struct InferredMessage: Sendable, Hashable, Codable, Identifiable {
    /// `in-1942-07-18-churchill-stalin` for a message cited by its date; `in-by-1942-03-12-...`
    /// for one known only by the day it was received (its date is bounded above by that day).
    public var id: String
    public var sender: String
    public var recipient: String
    /// Evidence `.citation`: exact for "your message of D"; for "received on D" the range from a
    /// lower bound (see `ReplyChains`) to D.
    public var date: HistoricalDate
    /// Ids of the corpus messages citing it, in stable order.
    public var citedBy: [String]
    /// The citing phrases, with their lines, in the same order as `citedBy` (one or more per citer).
    public var citations: [Citation]
    /// True when the citing message had several addressees, so the sender is a best guess (the first).
    public var senderIsGuessed: Bool

    public init(id: String, sender: String, recipient: String, date: HistoricalDate, citedBy: [String],
                citations: [Citation], senderIsGuessed: Bool = false) {
        self.id = id
        self.sender = sender
        self.recipient = recipient
        self.date = date
        self.citedBy = citedBy
        self.citations = citations
        self.senderIsGuessed = senderIsGuessed
    }

    /// One phrase citing an inferred message.
    public struct Citation: Sendable, Hashable, Codable {
        public var messageID: String
        public var phrase: String
        public var line: Int
        public var relation: ReferenceRelation

        public init(messageID: String, phrase: String, line: Int, relation: ReferenceRelation) {
            self.messageID = messageID
            self.phrase = phrase
            self.line = line
            self.relation = relation
        }
    }
}
