/// Whose message a reference points to, seen from the writer of the citing message.
public enum ReferenceOwner: String, Sendable, Codable, CaseIterable {
    /// The recipient's message ("your message of May 11").
    case yours
    /// The writer's own message ("my message of August 7").
    case mine
    /// A third party's document (a memorandum, another leader's message).
    case other
}

/// How the cited date relates to the cited message.
public enum ReferenceRelation: String, Sendable, Codable, CaseIterable {
    /// The date the cited message bears ("your message of D").
    case of
    /// The date it arrived or was handed over ("received on D"): an upper bound on its date.
    case received
}

/// A mention, in a message body, of another message.
public struct Reference: Sendable, Hashable, Codable {
    /// The words of the text, verbatim, on one line.
    public var phrase: String
    public var whose: ReferenceOwner
    public var relation: ReferenceRelation
    /// The cited day, with the year inferred from context; nil for undated references.
    public var date: Day?
    /// The source line the phrase starts on.
    public var line: Int

    public init(phrase: String, whose: ReferenceOwner, relation: ReferenceRelation, date: Day?, line: Int) {
        self.phrase = phrase
        self.whose = whose
        self.relation = relation
        self.date = date
        self.line = line
    }
}
