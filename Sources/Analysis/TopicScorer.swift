/// The topics of a lexicon compiled into one matcher, scoring message bodies by the rule
/// documented on `TopicDefinition`. A class, so that the workers scoring messages in parallel
/// share it instead of copying its tables.
final class TopicScorer: Sendable {
    private struct Entry: Sendable {
        let topic: Int
        let isExclusion: Bool
        let term: LexiconTerm
    }

    let lexicon: TopicLexicon
    private let thresholds: [String: Double]
    private let topicIDs: [String]
    private let topicThresholds: [Double]
    private let entries: [Entry]
    /// Per entry, for the hot loop: its weight and whether it is an exclusion.
    private let weights: [Double]
    private let excludes: [Bool]
    private let matcher: TermMatcher
    private let coveringMatcher: TermMatcher
    private let coveringPhrases: [LexiconTerm]

    /// Compiles the lexicon. Terms were validated when the lexicon was built; one that fails to
    /// compile here (a lexicon built in code) is skipped.
    init(lexicon: TopicLexicon) {
        self.lexicon = lexicon
        thresholds = Dictionary(lexicon.topics.map { ($0.id, $0.threshold) }, uniquingKeysWith: { a, _ in a })
        topicIDs = lexicon.topics.map(\.id)
        topicThresholds = lexicon.topics.map(\.threshold)
        var entries: [Entry] = []
        var compiled: [[LexiconTerm.Item]] = []
        for (t, topic) in lexicon.topics.enumerated() {
            for term in topic.terms {
                if case .success(let items) = term.compiled() {
                    entries.append(Entry(topic: t, isExclusion: false, term: term))
                    compiled.append(items)
                }
            }
            for term in topic.exclusions {
                if case .success(let items) = term.compiled() {
                    entries.append(Entry(topic: t, isExclusion: true, term: term))
                    compiled.append(items)
                }
            }
        }
        self.entries = entries
        weights = entries.map(\.term.weight)
        excludes = entries.map(\.isExclusion)
        matcher = TermMatcher(compiled: compiled)
        var coveringPhrases: [LexiconTerm] = []
        var coveringItems: [[LexiconTerm.Item]] = []
        for phrase in lexicon.coveringNotes.phrases {
            if case .success(let items) = phrase.compiled() {
                coveringPhrases.append(phrase)
                coveringItems.append(items)
            }
        }
        self.coveringPhrases = coveringPhrases
        coveringMatcher = TermMatcher(compiled: coveringItems)
    }

    /// Every topic's score for a body, including topics below their threshold (for `explain`),
    /// in lexicon order; topics with no occurrence at all are left out.
    func scores(_ words: WordSequence) -> [TopicMatch] { scores(words, spans: .every) }

    /// Which topics of a score get their spans (whose text costs a string each).
    private enum SpanChoice { case every, atThreshold, none }

    /// Scores, with the spans `spans` asks for.
    private func scores(_ words: WordSequence, spans choice: SpanChoice) -> [TopicMatch] {
        let hits = matcher.hits(in: words)
        guard !hits.isEmpty else { return [] }
        var byTopic: [[TermMatcher.Hit]] = Array(repeating: [], count: topicIDs.count)
        for hit in hits { byTopic[entries[hit.term].topic].append(hit) }
        var out: [TopicMatch] = []
        for (t, topicHits) in byTopic.enumerated() where !topicHits.isEmpty {
            let exclusions = topicHits.filter { excludes[$0.term] }
            var positives = topicHits.filter { hit in
                !excludes[hit.term] && !exclusions.contains { $0.first <= hit.last && hit.first <= $0.last }
            }
            // A match lying within a longer match of the topic's own terms counts only as part of
            // it ("Polish" within "Polish Government"), unless it weighs more ("second front"
            // within "opening a second front" keeps its own weight, and both count).
            positives.sort { a, b in
                let wa = weights[a.term], wb = weights[b.term]
                if wa != wb { return wa > wb }
                if a.last - a.first != b.last - b.first { return a.last - a.first > b.last - b.first }
                return a.first < b.first
            }
            var kept: [TermMatcher.Hit] = []
            for hit in positives where !kept.contains(where: { $0.first <= hit.first && hit.last <= $0.last }) {
                kept.append(hit)
            }
            let counted = (kept + exclusions).sorted { $0.first != $1.first ? $0.first < $1.first : $0.term < $1.term }
            // Each distinct term once, in term order (a fixed order of summation).
            let terms = counted.map(\.term).sorted()
            var score = 0.0
            var k = 0
            while k < terms.count {
                var n = 1
                while k + n < terms.count && terms[k + n] == terms[k] { n += 1 }
                let factor = n == 1 ? 1.0 : (n == 2 ? 1.5 : 2.0)
                score += (excludes[terms[k]] ? -1 : 1) * weights[terms[k]] * factor
                k += n
            }
            let rounded = (score * 1000).rounded() / 1000
            if choice == .none || (choice == .atThreshold && rounded < topicThresholds[t]) {
                out.append(TopicMatch(topic: topicIDs[t], score: rounded, spans: []))
                continue
            }
            let spans = counted.map { hit in
                let entry = entries[hit.term]
                return MatchedSpan(phrase: words.text(from: hit.first, through: hit.last), term: entry.term.text,
                                   weight: entry.isExclusion ? -entry.term.weight : entry.term.weight,
                                   line: words.line(hit.first))
            }
            out.append(TopicMatch(topic: topicIDs[t], score: rounded, spans: spans))
        }
        return out
    }

    /// The topics a body belongs to (score at or above the threshold), in lexicon order.
    func assigned(_ words: WordSequence) -> [TopicMatch] {
        scores(words, spans: .atThreshold).filter { $0.score >= (thresholds[$0.topic] ?? .infinity) }
    }

    /// `assigned(_:)` without the spans: what the analysis keeps for every message
    /// (`CorpusAnalysis.topicMatches(id:)` makes the spans again for one).
    func assignedWithoutSpans(_ words: WordSequence) -> [TopicMatch] {
        scores(words, spans: .none).filter { $0.score >= (thresholds[$0.topic] ?? .infinity) }
    }

    /// The covering-note phrase of a body, if it is short enough to be a covering note.
    func coveringPhrase(_ words: WordSequence) -> MatchedSpan? {
        guard words.count <= lexicon.coveringNotes.maxWords,
              let hit = coveringMatcher.hits(in: words).first else { return nil }
        return MatchedSpan(phrase: words.text(from: hit.first, through: hit.last),
                           term: coveringPhrases[hit.term].text, weight: 0,
                           line: words.line(hit.first))
    }
}
