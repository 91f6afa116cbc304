/// One topic of a lexicon: what a historian calls it, the terms that speak for it, the
/// exclusions that speak against it, and the score a message needs to be counted in it.
///
/// Scoring (see `TopicScorer`): every term occurrence in the body is found; an occurrence
/// overlapping an exclusion's occurrence is dropped; an occurrence lying within an occurrence
/// of a heavier (or equally heavy and longer) term of the topic counts only as part of it
/// ("Polish" within "Polish Government"); each distinct term then adds its weight once,
/// half its weight again for a second occurrence and once more for a third or later (so a
/// term counts at most twice its weight); each distinct exclusion subtracts its weight the same
/// way. The message belongs to the topic when the score reaches `threshold`.
public struct TopicDefinition: Sendable, Hashable, Codable {
    /// Stable key used in ids, exports and styles ("second_front").
    public var id: String
    /// Display name for legends ("Second front").
    public var label: String
    /// Phrases and patterns for the topic, with their weights.
    public var terms: [LexiconTerm]
    /// Phrases and patterns that mark text as *not* about the topic: they cancel the topic's
    /// matches they overlap and subtract their weight from the score.
    public var exclusions: [LexiconTerm]
    /// Minimum score for a message to belong to the topic.
    public var threshold: Double
    /// Line of the lexicon file where the topic is defined (0 when built in code).
    public var line: Int

    public init(id: String, label: String, terms: [LexiconTerm], exclusions: [LexiconTerm] = [],
                threshold: Double, line: Int = 0) {
        self.id = id
        self.label = label
        self.terms = terms
        self.exclusions = exclusions
        self.threshold = threshold
        self.line = line
    }
}

/// How covering notes are recognised: a short message that says it forwards another
/// ("I enclose", "copy enclosed") takes the topics of the message it forwards, which is the
/// next entry of the source from the same sender dated within a day.
public struct CoveringNoteRule: Sendable, Hashable, Codable {
    /// Phrases that say the message forwards another.
    public var phrases: [LexiconTerm]
    /// A covering note has at most this many words.
    public var maxWords: Int

    public init(phrases: [LexiconTerm], maxWords: Int) {
        self.phrases = phrases
        self.maxWords = maxWords
    }

    public static let none = CoveringNoteRule(phrases: [], maxWords: 0)
}
