import Analysis
import Correspondence

extension TimelineData {
    /// The figures' input from an analysis (already filtered by the caller): corpus messages
    /// with their topics, inferred incoming messages, reply links (a cited message and its
    /// answer), latency samples, the run's person keys and names.
    public init(analysis: CorpusAnalysis, from: Day? = nil, to: Day? = nil) {
        var entries = analysis.messages.map { m in
            TimelineEntry(id: m.id, date: m.date, sender: m.sender, recipients: m.recipients, inferred: false,
                          topics: (analysis.topics[m.id] ?? []).map(\.topic))
        }
        entries += analysis.inferred.map { i in
            TimelineEntry(id: i.id, date: i.date, sender: i.sender, recipients: [i.recipient], inferred: true)
        }
        // Stable order: best date, then corpus before inferred, then the analysis's own order
        // (date, then source line), compared as integers.
        let order = entries.enumerated().map { (day: $1.date.best.ordinal, inferred: $1.inferred, index: $0) }
            .sorted { ($0.day, $0.inferred ? 1 : 0, $0.index) < ($1.day, $1.inferred ? 1 : 0, $1.index) }
        entries = order.map { entries[$0.index] }
        let links = analysis.links.compactMap { l -> TimelineLink? in
            switch l.kind {
            case .inReplyTo, .answers: return TimelineLink(from: l.from, to: l.to)
            case .citesOwn, .parallel: return nil
            }
        }
        let people = analysis.corpus.people.people
        var keys = people.map(\.id)
        let known = Set(keys)
        for e in entries {
            for p in [e.sender] + e.recipients where !known.contains(p) && !keys.contains(p) { keys.append(p) }
        }
        var names: [String: String] = [:]
        for p in keys { names[p] = analysis.corpus.people.name(of: p) }
        let latency = analysis.latency.samples.map {
            LatencyPoint(incoming: $0.incoming, answer: $0.answer, days: $0.days, correspondent: $0.correspondent, answerID: $0.answerID)
        }
        self.init(sourceName: analysis.corpus.sourceName, sourceHash: analysis.corpus.sourceHash, entries: entries, links: links,
                  topics: analysis.lexicon.topics.map { ($0.id, $0.label) }, personKeys: keys, names: names,
                  latency: latency, from: from, to: to)
    }
}
