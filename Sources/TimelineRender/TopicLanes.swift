import Analysis
import Correspondence

/// What the topics figure draws, and nothing more: the lanes (lexicon topics, then topics the
/// lexicon does not list, sorted, then messages with no topic) and, per lane, the best day
/// (as an ordinal) and id of each of its messages in stable order (date, then source). Built
/// straight from an analysis, it skips the entries, links and latency of `TimelineData`, which
/// a large corpus would pay for without drawing them.
struct TopicLanes {
    static let noTopic = "(no topic)"

    var sourceName: String
    var range: (from: Day, to: Day)
    /// Lane ids and labels, in drawing order.
    var lanes: [(id: String, label: String)]
    /// Per lane: day ordinals of its messages, in stable order.
    var days: [[Int]]
    /// Per lane: ids of its messages, parallel to `days`.
    var ids: [[String]]
    /// Corpus messages in range (each counted once, whatever its topics).
    var shown: Int

    /// Collects the lanes from messages given in stable order as (day ordinal, id, topics).
    /// `known` are the lexicon's topics (already narrowed to those asked for, if any).
    private init(sourceName: String, range: (from: Day, to: Day), known: [(id: String, label: String)],
                 count: Int, message: (Int) -> (day: Int, id: String, topics: [String])) {
        var laneOf: [String: Int] = [:]
        laneOf.reserveCapacity(known.count + 1)
        for (i, t) in known.enumerated() where laneOf[t.id] == nil { laneOf[t.id] = i }
        var ids: [String] = known.map(\.id)
        var days = Array(repeating: [Int](), count: ids.count)
        var names = Array(repeating: [String](), count: ids.count)
        func lane(_ t: String) -> Int {
            if let i = laneOf[t] { return i }
            ids.append(t)
            days.append([])
            names.append([])
            laneOf[t] = ids.count - 1
            return ids.count - 1
        }
        var none = -1
        for k in 0..<count {
            let m = message(k)
            if m.topics.isEmpty {
                if none < 0 { none = lane(Self.noTopic) }
                days[none].append(m.day)
                names[none].append(m.id)
            }
            for t in m.topics {
                let i = lane(t)
                days[i].append(m.day)
                names[i].append(m.id)
            }
        }
        // Drawing order: the lexicon's topics (each once, even if listed twice), the others
        // sorted, the no-topic lane last; an empty lexicon topic keeps its lane.
        var order: [Int] = []
        var seen = Set<String>()
        var laneList: [(id: String, label: String)] = []
        for t in known {
            laneList.append(t)
            order.append(laneOf[t.id] ?? 0)
            seen.insert(t.id)
        }
        let extra = ids.indices.filter { !seen.contains(ids[$0]) && ids[$0] != Self.noTopic }.sorted { ids[$0] < ids[$1] }
        for i in extra { laneList.append((ids[i], ids[i])); order.append(i) }
        if none >= 0 { laneList.append((Self.noTopic, "no topic found")); order.append(none) }
        self.sourceName = sourceName
        self.range = range
        self.lanes = laneList
        self.days = order.map { days[$0] }
        self.ids = order.map { names[$0] }
        self.shown = count
    }

    /// The lanes of figure data (corpus messages whose best day is in `range`).
    init(data: TimelineData, range: (from: Day, to: Day)) {
        let entries = data.entries
        let lo = range.from.ordinal, hi = range.to.ordinal
        var shown: [Int] = []
        var best: [Int] = []
        for i in entries.indices where !entries[i].inferred {
            let b = entries[i].date.best.ordinal
            if b >= lo && b <= hi { shown.append(i); best.append(b) }
        }
        self.init(sourceName: data.sourceName, range: range, known: data.topics, count: shown.count) { k in
            let e = entries[shown[k]]
            return (best[k], e.id, e.topics)
        }
    }

    /// The lanes of an analysis, as `TimelineData(analysis:from:to:)` narrowed to `topics`
    /// would give them; nil when nothing is dated (no range to draw).
    init?(analysis: CorpusAnalysis, from: Day?, to: Day?, topics wanted: [String]?) {
        let messages = analysis.messages, inferred = analysis.inferred
        // The range: the one asked for, or the bounds of every message, inferred ones too.
        var lo = Int.max, hi = Int.min
        var best: [Int] = []
        best.reserveCapacity(messages.count)
        for i in messages.indices {
            let d = messages[i].date
            let a = d.notBefore.ordinal, b = d.notAfter.ordinal
            lo = min(lo, a)
            hi = max(hi, b)
            best.append(a == b ? a : (a + b) / 2)
        }
        for i in inferred.indices {
            lo = min(lo, inferred[i].date.notBefore.ordinal)
            hi = max(hi, inferred[i].date.notAfter.ordinal)
        }
        let dataFrom = lo <= hi ? Day(ordinal: lo) : nil, dataTo = lo <= hi ? Day(ordinal: hi) : nil
        guard let a = from ?? dataFrom, let b = to ?? dataTo else { return nil }
        let range = (from: min(a, b), to: max(a, b))
        // Messages whose best day is in range, in stable order: best day, then the analysis's
        // order (one packed integer key each; sorted only when not already in that order).
        let first = range.from.ordinal, last = range.to.ordinal
        let indexBits = 28
        var keyed: [Int] = []
        keyed.reserveCapacity(messages.count)
        var sorted = true
        for i in messages.indices where best[i] >= first && best[i] <= last {
            let key = best[i] << indexBits | i
            if let p = keyed.last, p > key { sorted = false }
            keyed.append(key)
        }
        if !sorted { keyed.sort() }
        let known = analysis.lexicon.topics.map { (id: $0.id, label: $0.label) }.filter { wanted?.contains($0.id) ?? true }
        let assigned = analysis.topics
        self.init(sourceName: analysis.corpus.sourceName, range: range, known: known, count: keyed.count) { k in
            let i = keyed[k] & (1 << indexBits - 1)
            let id = messages[i].id
            var topics = assigned[id].map { $0.map(\.topic) } ?? []
            if let wanted { topics = topics.filter { wanted.contains($0) } }
            return (keyed[k] >> indexBits, id, topics)
        }
    }
}
