/// A message's membership in one topic, with the evidence: every matched span.
public struct TopicMatch: Sendable, Hashable, Codable {
    /// The topic's id.
    public var topic: String
    public var score: Double
    /// The occurrences that counted (positive and, with negative weight, exclusions), in text order.
    public var spans: [MatchedSpan]
    /// For a covering note, the id of the forwarded message whose topic it takes; for one part
    /// of a letter printed in two places (`Message.continues`), the id of the other part.
    public var inheritedFrom: String?

    public init(topic: String, score: Double, spans: [MatchedSpan], inheritedFrom: String? = nil) {
        self.topic = topic
        self.score = score
        self.spans = spans
        self.inheritedFrom = inheritedFrom
    }
}

/// One occurrence of a lexicon term in a message body.
public struct MatchedSpan: Sendable, Hashable, Codable {
    /// The words as written in the text ("Second Front").
    public var phrase: String
    /// The lexicon term that matched ("second front").
    public var term: String
    /// The term's weight (negative for an exclusion).
    public var weight: Double
    /// Source line of the first word.
    public var line: Int

    public init(phrase: String, term: String, weight: Double, line: Int) {
        self.phrase = phrase
        self.term = term
        self.weight = weight
        self.line = line
    }
}
