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
    /// Corpus messages in range dated from one side only (TEI/CMIF notBefore or notAfter
    /// alone), by id: true when the date is open toward later days ("not before" alone).
    var open: [String: Bool] = [:]
    /// Corpus messages in range (each counted once, whatever its topics).
    var shown: Int
    /// Corpus messages left out because they have no date.
    var undated = 0
    /// Whether any message in range carries a topic (a corpus without text has none).
    var anyTopic: Bool { lanes.contains { $0.id != TopicLanes.noTopic } }

    /// Gathers messages into lanes, found by id with a short scan (a lexicon has a few dozen
    /// topics at most: cheaper than hashing the id for every message). Ids are compared only
    /// when their UTF-8 lengths match, which rules out most lanes at the cost of an integer.
    private struct Collector {
        private(set) var ids: [String] = []
        private var lengths: [Int] = []
        var days: [[Int]]
        var names: [[String]]
        var none = -1

        init(known: [(id: String, label: String)]) {
            for t in known where !ids.contains(t.id) {
                ids.append(t.id)
                lengths.append(t.id.utf8.count)
            }
            days = Array(repeating: [], count: ids.count)
            names = Array(repeating: [], count: ids.count)
        }

        mutating func lane(_ t: String) -> Int {
            let n = t.utf8.count
            for i in lengths.indices where lengths[i] == n && ids[i] == t { return i }
            ids.append(t)
            lengths.append(n)
            days.append([])
            names.append([])
            return ids.count - 1
        }

        mutating func add(_ t: String, day: Int, id: String) {
            let i = lane(t)
            days[i].append(day)
            names[i].append(id)
        }

        mutating func addUntopical(day: Int, id: String) {
            if none < 0 { none = lane(TopicLanes.noTopic) }
            days[none].append(day)
            names[none].append(id)
        }
    }

    /// The lanes in drawing order: the lexicon's topics (each once, even if listed twice; an
    /// empty one gets no lane), the others sorted, the no-topic lane last.
    private init(sourceName: String, range: (from: Day, to: Day), known: [(id: String, label: String)], shown: Int, collected c: Collector) {
        var order: [Int] = []
        var laneList: [(id: String, label: String)] = []
        for t in known {
            laneList.append(t)
            order.append(c.ids.firstIndex(of: t.id) ?? 0)
        }
        let listed = Set(known.map(\.id))
        let extra = c.ids.indices.filter { !listed.contains(c.ids[$0]) && c.ids[$0] != Self.noTopic }.sorted { c.ids[$0] < c.ids[$1] }
        for i in extra { laneList.append((c.ids[i], c.ids[i])); order.append(i) }
        if c.none >= 0 { laneList.append((Self.noTopic, "no topic found")); order.append(c.none) }
        self.sourceName = sourceName
        self.range = range
        // A topic with no message in the slice gets no lane: "Second front (0)" says nothing.
        let kept = order.indices.filter { !c.days[order[$0]].isEmpty }
        self.lanes = kept.map { laneList[$0] }
        self.days = kept.map { c.days[order[$0]] }
        self.ids = kept.map { c.names[order[$0]] }
        self.shown = shown
    }

    /// The lanes of figure data (corpus messages whose best day is in `range`).
    init(data: TimelineData, range: (from: Day, to: Day)) {
        let entries = data.entries
        let lo = range.from.ordinal, hi = range.to.ordinal
        var shown: [Int] = []
        var best: [Int] = []
        for i in entries.indices where !entries[i].inferred {
            guard let b = entries[i].date.best?.ordinal else { continue }
            if b >= lo && b <= hi { shown.append(i); best.append(b) }
        }
        var c = Collector(known: data.topics)
        var open: [String: Bool] = [:]
        for (k, i) in shown.enumerated() {
            if entries[i].topics.isEmpty { c.addUntopical(day: best[k], id: entries[i].id) }
            for t in entries[i].topics { c.add(t, day: best[k], id: entries[i].id) }
            if entries[i].date.isOpen { open[entries[i].id] = entries[i].date.notAfter == nil }
        }
        self.init(sourceName: data.sourceName, range: range, known: data.topics, shown: shown.count, collected: c)
        self.open = open
        undated = data.undatedCount
    }

    /// The lanes of an analysis, as `TimelineData(analysis:from:to:)` narrowed to `topics`
    /// would give them; nil when nothing is dated (no range to draw).
    init?(analysis: CorpusAnalysis, from: Day?, to: Day?, topics wanted: [String]?) {
        let messages = analysis.messages, inferred = analysis.inferred
        // The range: the one asked for, or the bounds of every message, inferred ones too.
        var lo = Int.max, hi = Int.min
        var best: [Int] = []
        best.reserveCapacity(messages.count)
        // Only the bounds are read (plain values): copying a whole date would retain its evidence.
        // An open date is placed at its known bound; an undated message gets no day (Int.min,
        // below any range) and is counted.
        var undated = 0
        for i in messages.indices {
            guard let (notBefore, notAfter) = messages[i].date.drawnBounds else {
                undated += 1
                best.append(Int.min)
                continue
            }
            let a = notBefore.ordinal, b = notBefore == notAfter ? a : notAfter.ordinal
            lo = min(lo, a)
            hi = max(hi, b)
            best.append(a == b ? a : (a + b) / 2)
        }
        for i in inferred.indices {
            guard let (a, b) = inferred[i].date.drawnBounds else { continue }
            lo = min(lo, a.ordinal)
            hi = max(hi, b.ordinal)
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
        // Fragments (text without a header) are not letters: not drawn.
        for i in messages.indices where best[i] >= first && best[i] <= last && messages[i].kind != .fragment {
            let key = best[i] << indexBits | i
            if let p = keyed.last, p > key { sorted = false }
            keyed.append(key)
        }
        if !sorted { keyed.sort() }
        let known = analysis.lexicon.topics.map { (id: $0.id, label: $0.label) }.filter { wanted?.contains($0.id) ?? true }
        let assigned = analysis.topics
        var c = Collector(known: known)
        var open: [String: Bool] = [:]
        for key in keyed {
            let i = key & (1 << indexBits - 1), day = key >> indexBits
            let id = messages[i].id
            if messages[i].date.isOpen { open[id] = messages[i].date.notAfter == nil }
            var any = false
            if let matches = assigned[id] {
                // By index: binding each match would copy (retain and release) its spans too.
                for j in matches.indices where wanted?.contains(matches[j].topic) ?? true {
                    c.add(matches[j].topic, day: day, id: id)
                    any = true
                }
            }
            if !any { c.addUntopical(day: day, id: id) }
        }
        self.init(sourceName: analysis.corpus.sourceName, range: range, known: known, shown: keyed.count, collected: c)
        self.open = open
        self.undated = undated
    }
}
