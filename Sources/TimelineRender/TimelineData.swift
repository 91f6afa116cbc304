import Analysis
import Correspondence

/// One message placed on a timeline: a message of the corpus, or an incoming one inferred
/// from a citation (drawn hollow).
public struct TimelineEntry: Sendable, Hashable {
    public var id: String
    /// The date's bounds: all a timeline reads of it (a whole `HistoricalDate`, with its
    /// wording, made each of 790,000 entries of a 500,000-message gallery 48 bytes larger).
    public var date: DateBounds
    public var sender: String
    public var recipients: [String]
    /// True for a message known only because another message cites it.
    public var inferred: Bool
    /// Topic ids, in lexicon order.
    public var topics: [String]

    public init(id: String, date: HistoricalDate, sender: String, recipients: [String], inferred: Bool, topics: [String] = []) {
        self.id = id
        self.date = date.bounds
        self.sender = sender
        self.recipients = recipients
        self.inferred = inferred
        self.topics = topics
    }
}

extension TimelineEntry {
    /// The day the entry is drawn at: its best day (an open date at its known bound).
    /// `TimelineData` keeps dated entries only; an undated one (never drawn) gives day 0.
    var day: Day { date.best ?? Day(ordinal: 0) }
    /// The days a range mark spans (an open date: its known bound only).
    var span: (from: Day, to: Day) {
        let d = date.drawnBounds ?? (day, day)
        return (d.notBefore, d.notAfter)
    }
}

/// A reply link drawn as an arc: `from` answers (or cites) `to`.
public struct TimelineLink: Sendable, Hashable {
    public var from: String
    public var to: String

    public init(from: String, to: String) {
        self.from = from
        self.to = to
    }
}

/// One measured reply latency: an incoming message, its answer and the days between.
public struct LatencyPoint: Sendable, Hashable {
    public var incoming: Day
    public var answer: Day
    public var days: Int
    /// The writer of the incoming letter (who was answered).
    public var correspondent: String
    /// Id of the answering message, so tests can check every sample has a mark.
    public var answerID: String
    /// The writer of the answer (who answered); "" when unknown.
    public var answerer: String

    public init(incoming: Day, answer: Day, days: Int, correspondent: String, answerID: String, answerer: String = "") {
        self.incoming = incoming
        self.answer = answer
        self.days = days
        self.correspondent = correspondent
        self.answerID = answerID
        self.answerer = answerer
    }
}

/// What the timeline figures draw, as plain values taken from the analysis: the renderer never
/// reads the corpus itself (DESIGN: data flows one way).
public struct TimelineData: Sendable {
    public var sourceName: String
    public var sourceHash: String
    /// Messages of the corpus and inferred incoming ones, in stable order (date, then source).
    public var entries: [TimelineEntry]
    public var links: [TimelineLink]
    /// Topic ids and labels in lexicon order.
    public var topics: [(id: String, label: String)]
    /// Every person id of the run ranked by activity in the whole corpus (the key list of
    /// `CategoryStyles`: the first get colours, the rest are "others").
    public var personKeys: [String]
    public var names: [String: String]
    public var latency: [LatencyPoint]
    /// The range asked for (`--from`/`--to`), when given; otherwise the data's own range.
    public var from: Day?
    public var to: Day?
    /// Fragments of the corpus (text without a header of its own): not letters, so not drawn
    /// or counted; captions say how many were left out.
    public var fragmentCount: Int = 0
    /// Corpus messages left out because they have no date (entries hold dated ones only).
    public var undatedCount = 0
    /// The central person of the slice, if any (`CorpusAnalysis.principal`): lanes, titles and
    /// captions read it, never a copy of the rule.
    public var principal: Principal
    /// Set when the unidentified people are drawn as one (`CorpusAnalysis.groupingUnidentified`).
    public var unidentifiedGroup: UnidentifiedGroup? = nil

    public init(sourceName: String, sourceHash: String, entries: [TimelineEntry], links: [TimelineLink],
                topics: [(id: String, label: String)], personKeys: [String], names: [String: String],
                latency: [LatencyPoint], from: Day? = nil, to: Day? = nil, principal: Principal = .none) {
        self.sourceName = sourceName
        self.sourceHash = sourceHash
        self.entries = entries
        self.links = links
        self.topics = topics
        self.personKeys = personKeys
        self.names = names
        self.latency = latency
        self.from = from
        self.to = to
        self.principal = principal
        leaveOutUndated()
    }

    public func name(_ id: String) -> String { names[id] ?? id }

    /// Keeps the dated entries only (a timeline places messages in time) and counts the corpus
    /// messages left out, for the caption.
    mutating func leaveOutUndated() {
        guard entries.contains(where: { !$0.date.isDated }) else { return }
        undatedCount += entries.reduce(0) { $0 + ($1.date.isDated || $1.inferred ? 0 : 1) }
        entries = entries.filter(\.date.isDated)
    }

    /// Messages of the corpus (not inferred).
    public var corpusEntries: [TimelineEntry] { entries.filter { !$0.inferred } }

    /// The date range drawn: the range asked for, or from the earliest bound to the latest.
    public var range: (from: Day, to: Day)? {
        var lo: Day?, hi: Day?
        for i in entries.indices {
            guard let (a, b) = entries[i].date.drawnBounds else { continue }
            if lo.map({ a < $0 }) ?? true { lo = a }
            if hi.map({ b > $0 }) ?? true { hi = b }
        }
        guard let a = from ?? lo, let b = to ?? hi else { return nil }
        return (min(a, b), max(a, b))
    }
}
