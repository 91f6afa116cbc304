import Analysis
import Correspondence

extension TimelineData {
    /// The figures' input from an analysis (already filtered by the caller): corpus messages
    /// with their topics, inferred incoming messages, reply links (a cited message and its
    /// answer), latency samples, the run's person keys and names. Only the topics figure reads
    /// the entries' topics: the others pass `topics: false` and a large corpus skips looking
    /// them up.
    /// - Complexity: O(n log n) in messages and inferred messages (one sort of packed keys),
    ///   each message read in place by index.
    public init(analysis: CorpusAnalysis, from: Day? = nil, to: Day? = nil, topics withTopics: Bool = true) {
        // Every unidentified person is drawn as one lane or series (exports keep them apart).
        let analysis = analysis.groupingUnidentified()
        // Stable order: best date, then corpus before inferred, then the analysis's own order
        // (date, then source line), compared as one integer key each. Entries are made once,
        // field by field, in that order: a large corpus is not copied message by message.
        // Timelines place messages in time: undated ones are left out and counted for the caption.
        // Messages are read in place by index (no message is copied).
        let messages = analysis.messages, inferred = analysis.inferred
        var undated = 0
        // Key: (best day, inferred, index) packed in one integer (the index in the low 28 bits).
        let indexBits = 28
        var keyed: [Int] = []
        keyed.reserveCapacity(messages.count + inferred.count)
        var fragments = 0
        for i in messages.indices {
            guard messages[i].date.isDated else { undated += 1; continue }
            // Fragments (text without a header) are not letters: not drawn, not counted.
            if messages[i].kind == .fragment { fragments += 1; continue }
            keyed.append(((messages[i].date.best?.ordinal ?? 0) &* 2) << indexBits | i)
        }
        for i in inferred.indices {
            guard inferred[i].date.isDated else { continue }
            keyed.append(((inferred[i].date.best?.ordinal ?? 0) &* 2 &+ 1) << indexBits | (messages.count + i))
        }
        keyed.sort()
        var entries: [TimelineEntry] = []
        entries.reserveCapacity(keyed.count)
        for key in keyed {
            let k = key & (1 << indexBits - 1)
            if k < messages.count {
                let id = messages[k].id
                entries.append(TimelineEntry(id: id, date: messages[k].date, sender: messages[k].sender, recipients: messages[k].recipients,
                                             inferred: false, topics: withTopics ? analysis.topics[id].map { $0.map(\.topic) } ?? [] : []))
            } else {
                let i = k - messages.count
                entries.append(TimelineEntry(id: inferred[i].id, date: inferred[i].date, sender: inferred[i].sender,
                                             recipients: [inferred[i].recipient], inferred: true))
            }
        }
        let links = analysis.links.compactMap { l -> TimelineLink? in
            switch l.kind {
            case .inReplyTo, .answers: return TimelineLink(from: l.from, to: l.to)
            case .citesOwn, .parallel: return nil
            }
        }
        var keys = analysis.ranking.people
        let known = Set(keys)
        var added = Set<String>()
        var last = ""  // most messages share their writer: one comparison instead of a hash
        func note(_ p: String) {
            if p == last { return }
            last = p
            if !known.contains(p), added.insert(p).inserted { keys.append(p) }
        }
        for i in entries.indices {
            note(entries[i].sender)
            for r in entries[i].recipients { note(r) }
        }
        var names: [String: String] = [:]
        for p in keys { names[p] = analysis.corpus.people.displayName(of: p) }
        let latency = analysis.latency.samples.map {
            LatencyPoint(incoming: $0.incoming, answer: $0.answer, days: $0.days, correspondent: $0.correspondent, answerID: $0.answerID,
                         answerer: analysis.messagePosition(id: $0.answerID).map { analysis.messages[$0].sender } ?? "")
        }
        self.init(sourceName: analysis.corpus.sourceName, sourceHash: analysis.corpus.sourceHash, entries: entries, links: links,
                  topics: analysis.lexicon.topics.map { ($0.id, $0.label) }, personKeys: keys, names: names,
                  latency: latency, from: from, to: to, principal: analysis.principal)
        fragmentCount = fragments
        unidentifiedGroup = analysis.unidentifiedGroup
        undatedCount += undated
    }

    /// The dates an analysis spans (every message's bounds), or nil when nothing is dated.
    /// - Complexity: O(n) in messages.
    public static func span(of analysis: CorpusAnalysis) -> (from: Day, to: Day)? {
        var lo: Day?, hi: Day?
        let messages = analysis.messages
        for i in messages.indices {   // by position: only the date is read (DESIGN: a pass reads only the fields it uses)
            guard let (a, b) = messages[i].date.drawnBounds else { continue }
            if lo.map({ a < $0 }) ?? true { lo = a }
            if hi.map({ b > $0 }) ?? true { hi = b }
        }
        guard let lo, let hi else { return nil }
        return (lo, hi)
    }
}
