/// A candidate topic thread proposed by `TopicSuggester`: terms that occur together in the same
/// letters, with the evidence a user needs to judge them (counts, example lines, the period
/// where the thread is densest).
public struct SuggestedThread: Sendable, Hashable {
    /// One term of the thread as it is written in the corpus ("Murmansk", "second front").
    public struct Term: Sendable, Hashable {
        public var text: String
        /// Messages the term occurs in.
        public var messages: Int
        /// Share of those messages that also contain another term of the thread (0...1).
        public var cohesion: Double
        /// Suggested weight for a lexicon (1...4).
        public var weight: Double
        /// Source lines of its first occurrences (up to three messages).
        public var exampleLines: [Int]
    }

    /// A lexicon id made from the first term ("trade_route" for "trade route").
    public var id: String
    /// The first three terms that repeat no other ("second front, Overlord, cross-Channel").
    public var label: String
    /// Terms, strongest first.
    public var terms: [Term]
    /// Messages that contain at least two of the terms.
    public var messages: Int
    /// The period with most of those messages ("1942", "1944-Q2"; the denser of equals), if the
    /// corpus has several periods.
    public var peakPeriod: String?
    /// Messages of the thread in the peak period, and all messages with text in that period.
    public var peakMessages: Int
    public var peakPeriodMessages: Int
}
