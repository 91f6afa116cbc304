import Foundation
import Correspondence

/// Everything the figures and exports draw from a corpus: the correspondent graph, reply chains
/// with inferred incoming messages, topics and their threads, mentions and reply latency.
/// A pure function of the corpus, the topic lexicon and the alias table; every collection is in
/// a stable order (best date, then source line), so the same input gives the same output.
public struct CorpusAnalysis: Sendable {
    public private(set) var corpus: Corpus
    public private(set) var lexicon: TopicLexicon
    public private(set) var mentionTable: MentionTable
    /// Messages in stable order: best date, then source line.
    public private(set) var messages: [Message]
    /// Incoming messages known only from citations, by date then id.
    public private(set) var inferred: [InferredMessage]
    /// Reply links (rules in `ReplyChains` and `ParallelTexts`), by evidence line, then ids.
    public private(set) var links: [ReplyLink]
    /// Topics assigned to each message id (only messages with at least one topic), in lexicon order,
    /// each with its score but without its spans: `topicMatches(id:)` gives one message's with them.
    public private(set) var topics: [String: [TopicMatch]]
    public private(set) var correspondents: CorrespondentGraph
    public private(set) var mentions: MentionGraph
    public private(set) var latency: ReplyLatency
    /// References that resolve to no message, in stable order of their messages.
    public private(set) var unresolvedReferences: [UnresolvedReference]
    /// The central person of these messages, if any (decided again for each filter, from the
    /// whole corpus's: `Principal.decide(_:within:)`).
    public private(set) var principal: Principal
    /// The whole corpus's central person, kept through filters.
    public let corpusPrincipal: Principal
    /// People and topics by activity in the whole corpus (kept through filters): the order
    /// in which they get colours.
    public private(set) var ranking: CategoryRanking
    /// Set when figures draw this analysis with every unidentified person as one
    /// (`groupingUnidentified()`); nil for the analysis as read.
    public private(set) var unidentifiedGroup: UnidentifiedGroup? = nil

    private let scorer: TopicScorer
    private var messageIndex: [String: Int]
    private var inferredIndex: [String: Int]

    /// Analyses `corpus` with `lexicon` and the alias table (`MentionTable.bundled` by default).
    ///
    /// - Complexity: O(n log n) in messages (the stable sort; per-message word, topic and
    ///   mention passes on all cores; reply chains, parallels, graphs and latency, each
    ///   O(n log n) as their own comments say). What needs the topics (reply chains, ranking)
    ///   runs beside what does not (parallel texts, mentions graph, central person), on two cores.
    public init(corpus: Corpus, lexicon: TopicLexicon, mentionTable: MentionTable? = nil) {
        let table = mentionTable ?? (try? MentionTable.bundled(people: corpus.people))
            ?? MentionTable(entities: [], people: corpus.people)
        let messages = CorpusAnalysis.inStableOrder(corpus.messages)
        let messageIndex = CorpusAnalysis.positions(of: messages)
        let scorer = TopicScorer(lexicon: lexicon)
        let finder = MentionFinder(table: table)

        // Each message's words are made, used and dropped in one task: holding the words of every
        // message at once would take several times the corpus in memory.
        // Topics are kept without their spans (the evidence `explain` shows, made again for one
        // message by `topicMatches(id:)`): at 500,000 messages they were 140 MB held to the end.
        // The same words give the parallel-text search its shingle sketches (`ParallelTexts.Sketch`),
        // for the messages that share their writer and day with another.
        struct PerMessage: Sendable {
            let topics: [TopicMatch]
            let mentions: [Mention]
            /// Whether a short message has a covering-note phrase ("I enclose").
            let isCoveringNote: Bool
            let sketch: ParallelTexts.Sketch
        }
        let crowds = ParallelTexts.Crowds(messages)
        let perMessage = ConcurrentMap.map(count: messages.count) { i -> PerMessage in
            let w = WordSequence(bodyOf: messages[i])
            return PerMessage(topics: scorer.assignedWithoutSpans(w), mentions: finder.mentions(w), isCoveringNote: scorer.coveringPhrase(w) != nil,
                              sketch: crowds.contains[i] ? ParallelTexts.sketch(w) : .empty)
        }
        // Three independent strands on the cores, longest first: what depends on the topics
        // (reply chains, the ranking) with the central person; the parallel texts; the mentions
        // graph, on whichever core is free first (at 500,000 messages the mentions graph ran
        // after the parallel texts, alone on one core, for 1.3 s). Each strand's result is
        // what it would be alone.
        let ((topics, chains, ranking, principal, latency), parallels, mentions) = ConcurrentMap.all({
            var topics: [String: [TopicMatch]] = [:]
            // By message position, only where there is one.
            var coveringNotes = Set<Int>()
            // Sized once: growing it rehashed every id several times over.
            topics.reserveCapacity(perMessage.count { !$0.topics.isEmpty })
            for (i, result) in perMessage.enumerated() {
                if !result.topics.isEmpty { topics[messages[i].id] = result.topics }
                if result.isCoveringNote { coveringNotes.insert(i) }
            }
            CorpusAnalysis.shareTopicsOfDisplacedParts(messages: messages, lexicon: lexicon, topics: &topics)
            CorpusAnalysis.inheritCoveringNotes(messages: messages, notes: coveringNotes, scorer: scorer, topics: &topics)
            let chains = ReplyChains(messages: messages, index: messageIndex, topics: topics)
            let ranking = CategoryRanking(messages: messages, people: corpus.people, topicIDs: lexicon.topics.map(\.id), topics: topics)
            // The latency reads only the answers (`inReplyTo`), which are the chains' own links, in
            // any order (the first answer is the earliest by position): measured here, it no longer
            // waits for the parallel texts and runs beside the other strands instead of after them.
            let latency = ReplyLatency.measure(messages: messages, index: messageIndex, inferred: chains.inferred, links: chains.links)
            return (topics, chains, ranking, Principal.decide(messages), latency)
        }, {
            ParallelTexts.links(messages: messages, crowds: crowds, sketches: perMessage.map(\.sketch))
        }, {
            // By index: a key path over the lazy array copied each message's whole result.
            MentionGraph.build(perMessage.indices.lazy.map { (messages[$0].id, perMessage[$0].mentions) }, table: table)
        })
        let inferred = chains.inferred
        let (correspondents, links) = ConcurrentMap.both({
            CorrespondentGraph.build(messages: messages, inferred: inferred, people: corpus.people)
        }, { () -> [ReplyLink] in
            var sorted = chains.links + parallels
            ReplyChains.sortInLinkOrder(&sorted)
            return sorted
        })

        self.corpus = corpus
        self.lexicon = lexicon
        self.mentionTable = table
        self.messages = messages
        self.inferred = chains.inferred
        self.links = links
        self.topics = topics
        self.unresolvedReferences = chains.unresolved
        self.scorer = scorer
        self.principal = principal
        self.corpusPrincipal = principal
        self.ranking = ranking
        self.correspondents = correspondents
        self.latency = latency
        self.mentions = mentions
        self.messageIndex = messageIndex
        self.inferredIndex = Dictionary(chains.inferred.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        // The words' results, sketches and tables made on the way are freed now, in small blocks
        // between what is kept: a large analysis gives their pages back (as a large read does),
        // else the 500,000-message gallery started its figures with 1,553 to 1,765 MB resident
        // for the same data, as the two threads' blocks happened to interleave.
        if messages.count >= FreedMemory.largeRun { FreedMemory.release() }
    }

    /// True when `messages` and `corpus.messages` are one buffer (the corpus was read in stable
    /// order): a filter or regrouping then makes one new buffer for both, not two.
    private var sharesMessages: Bool {
        messages.withUnsafeBufferPointer { a in
            corpus.messages.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress && a.count == b.count }
        }
    }

    /// Each message's position by id (the first, should two share one). Read by position:
    /// `enumerated()` copied every message (each of its strings retained and released).
    /// - Complexity: O(n) in messages.
    static func positions(of messages: [Message]) -> [String: Int] {
        var index = [String: Int](minimumCapacity: messages.count)
        // Backwards, so that the first of two with one id is the one written last.
        for position in messages.indices.reversed() { index[messages[position].id] = position }
        return index
    }

    /// `messages` in `Corpus.stableOrder`. The readers give them in that order already: the
    /// array is then shared with the corpus (one buffer of messages, not two), as a stable sort
    /// of sorted messages would leave them.
    /// - Complexity: O(n) when already in order, else O(n log n).
    static func inStableOrder(_ messages: [Message]) -> [Message] {
        for k in messages.indices.dropFirst() where Corpus.stableOrder(messages[k], messages[k - 1]) {
            return messages.sorted(by: Corpus.stableOrder)
        }
        return messages
    }

    /// A fragment printed away from its message (`Message.continues`, found by the reader) and
    /// that message are one letter: each takes the topics the other's text has, with the other's
    /// evidence, so a letter's topics do not depend on which page its subject falls on.
    /// - Complexity: O(n) in messages.
    private static func shareTopicsOfDisplacedParts(messages: [Message], lexicon: TopicLexicon,
                                                    topics: inout [String: [TopicMatch]]) {
        let ids = Set(messages.map(\.id))
        let order = Dictionary(lexicon.topics.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let own = topics
        for i in messages.indices {   // by position: only the fields used are read (DESIGN: a pass reads only the fields it uses)
            guard let head = messages[i].continues else { continue }
            let id = messages[i].id
            guard head != id, ids.contains(head) else { continue }
            for (to, from) in [(head, id), (id, head)] {
                var mine = topics[to] ?? []
                for match in own[from] ?? [] where match.inheritedFrom == nil && !mine.contains(where: { $0.topic == match.topic }) {
                    mine.append(TopicMatch(topic: match.topic, score: match.score, spans: match.spans, inheritedFrom: from))
                }
                if !mine.isEmpty { topics[to] = mine.sorted { (order[$0.topic] ?? 0) < (order[$1.topic] ?? 0) } }
            }
        }
    }

    /// A covering note (a short message with a phrase such as "I enclose") takes the topics of the
    /// message it forwards: the next entry of the source from the same sender, dated within a day.
    /// `notes`: the positions of the messages that have a covering phrase (`TopicScorer.coveringPhrase`).
    /// - Complexity: O(n log n) in messages (sorted by source line once).
    private static func inheritCoveringNotes(messages: [Message], notes: Set<Int>, scorer: TopicScorer,
                                             topics: inout [String: [TopicMatch]]) {
        guard !scorer.lexicon.coveringNotes.phrases.isEmpty else { return }
        let bySource = messages.indices.sorted { messages[$0].span.startLine < messages[$1].span.startLine }
        let order = Dictionary(scorer.lexicon.topics.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (k, i) in bySource.enumerated() where k + 1 < bySource.count {
            guard notes.contains(i) else { continue }
            let note = messages[i], next = messages[bySource[k + 1]]
            guard next.sender == note.sender, let day = note.date.best,
                  let (nextFirst, nextLast) = next.date.closedBounds,
                  day >= nextFirst.adding(days: -1), day <= nextLast.adding(days: 1),
                  let forwarded = topics[next.id] else { continue }
            var own = topics[note.id] ?? []
            for match in forwarded where match.inheritedFrom == nil && !own.contains(where: { $0.topic == match.topic }) {
                own.append(TopicMatch(topic: match.topic, score: match.score, spans: [], inheritedFrom: next.id))
            }
            topics[note.id] = own.sorted { (order[$0.topic] ?? 0) < (order[$1.topic] ?? 0) }
        }
    }

    // MARK: - Lookups

    public func message(id: String) -> Message? { messageIndex[id].map { messages[$0] } }
    public func inferredMessage(id: String) -> InferredMessage? { inferredIndex[id].map { inferred[$0] } }
    /// The position of message `id` in `messages` (the first, should two share it), nil for none:
    /// a lookup by id without copying the message or building a table of every id again.
    public func messagePosition(id: String) -> Int? { messageIndex[id] }
    /// The position of inferred message `id` in `inferred`, nil for none.
    public func inferredPosition(id: String) -> Int? { inferredIndex[id] }

    /// Topic ids per message id, for catalogues (`MessageCatalogue`'s `topics:`).
    public var topicAssignments: [String: [String]] { topics.mapValues { $0.map(\.topic) } }

    /// The topic ids of one message, in lexicon order ([] for none): `MessageCatalogue`'s
    /// `topicsOf:`, looked up as each message is written rather than tabled for all first.
    public var topicIDs: @Sendable (String) -> [String] {
        let topics = self.topics
        return { id in topics[id]?.map(\.topic) ?? [] }
    }

    /// The topics assigned to one message (`topics[id]`) with their evidence: the spans that
    /// counted in its own text; for a topic taken from the other part of a displaced letter, that
    /// part's spans; for a covering note's topic, its covering phrase ("I enclose"). Made again
    /// from the text, as the analysis keeps no spans (they were 140 MB at 500,000 messages, held
    /// for the one message `explain` shows).
    public func topicMatches(id: String) -> [TopicMatch] {
        guard let kept = topics[id], let m = message(id: id) else { return [] }
        let words = WordSequence(bodyOf: m)
        let mine = scorer.assigned(words)
        return kept.map { match in
            var out = match
            if let from = match.inheritedFrom {
                if isOtherPart(from, of: m) {
                    out.spans = message(id: from).flatMap { scorer.assigned(WordSequence(bodyOf: $0)).first { $0.topic == match.topic }?.spans } ?? []
                } else {
                    out.spans = scorer.coveringPhrase(words).map { [$0] } ?? []
                }
            } else {
                out.spans = mine.first { $0.topic == match.topic }?.spans ?? []
            }
            return out
        }
    }

    /// Whether `other` is the other part of the letter `m` is one part of (`Message.continues`,
    /// either way): what a topic taken from it was taken from, rather than a forwarded message.
    public func isOtherPart(_ other: String, of m: Message) -> Bool {
        m.continues == other || message(id: other)?.continues == m.id
    }

    /// Every topic's score for one message, including topics below their threshold (for `explain`).
    public func topicScores(id: String) -> [TopicMatch] {
        guard let m = message(id: id) else { return [] }
        return scorer.scores(WordSequence(bodyOf: m))
    }

    /// The thread of one topic.
    ///
    /// - Complexity: O(n) in messages.
    public func threads(topic: String) -> TopicThread {
        var ids: [String] = []
        var byCorrespondent: [String: [String]] = [:]
        for m in messages where topics[m.id]?.contains(where: { $0.topic == topic }) == true {
            ids.append(m.id)
            var people = [m.sender]
            var listed: Set<String> = [m.sender]
            for r in m.recipients where listed.insert(r).inserted { people.append(r) }
            for p in people { byCorrespondent[p, default: []].append(m.id) }
        }
        return TopicThread(topic: topic, messageIDs: ids, byCorrespondent: byCorrespondent)
    }

    /// Links leaving a message (what it answers or cites), in stable order.
    public func links(from id: String) -> [ReplyLink] { links.filter { $0.from == id } }
    /// Links arriving at a message (what answers or cites it), in stable order.
    public func links(to id: String) -> [ReplyLink] { links.filter { $0.to == id } }

    /// The chain above a message: what it answers, what that answered, and so on (no parallels),
    /// breadth first, each link once.
    public func chainUp(from id: String) -> [ReplyLink] { walk(id, up: true) }
    /// The chain below a message: what answers or cites it, and so on (no parallels).
    public func chainDown(from id: String) -> [ReplyLink] { walk(id, up: false) }

    private func walk(_ start: String, up: Bool) -> [ReplyLink] {
        let chainLinks = links.filter { $0.kind != .parallel }
        let index = Dictionary(grouping: chainLinks, by: { up ? $0.from : $0.to })
        var seen: Set<String> = [start]
        var queue = [start]
        var out: [ReplyLink] = []
        while !queue.isEmpty {
            let id = queue.removeFirst()
            for link in index[id] ?? [] {
                out.append(link)
                let next = up ? link.to : link.from
                if seen.insert(next).inserted { queue.append(next) }
            }
        }
        return out
    }

    // MARK: - Filtering

    /// The analysis restricted to messages whose best date lies in `from...to`, that carry one of
    /// `topics` and involve one of `correspondents` (as writer or addressee); nil means no
    /// restriction. Links, inferred messages, graphs and latency keep only what the kept messages
    /// support; nothing is re-resolved, so a chain is never re-attached to a different message.
    ///
    /// - Parameters:
    ///   - excludingTopics: leave out messages that carry any of these topics.
    ///   - between: keep only messages from one of the two people to the other.
    /// - Complexity: O(n log n) in messages and links (filters with hashed sets, the graphs
    ///   and latency rebuilt over what is kept).
    public func filtered(from: Day? = nil, to: Day? = nil, topics wanted: [String]? = nil,
                         correspondents: [String]? = nil, excludingTopics: [String]? = nil,
                         between: (String, String)? = nil) -> CorpusAnalysis {
        let wantedTopics = wanted.map(Set.init)
        let wantedPeople = correspondents.map(Set.init)
        let unwantedTopics = Set(excludingTopics ?? [])
        var copy = self
        copy.messages = messages.filter { m in
            // A date slice keeps only messages placed in it: undated ones are left out.
            if from != nil || to != nil {
                guard let day = m.date.best else { return false }
                if let from, day < from { return false }
                if let to, day > to { return false }
            }
            if let wantedTopics, !(topics[m.id] ?? []).contains(where: { wantedTopics.contains($0.topic) }) { return false }
            if !unwantedTopics.isEmpty, (topics[m.id] ?? []).contains(where: { unwantedTopics.contains($0.topic) }) { return false }
            if let wantedPeople, !wantedPeople.contains(m.sender), wantedPeople.isDisjoint(with: m.recipients) { return false }
            if let (a, b) = between, !((m.sender == a && m.recipients.contains(b)) || (m.sender == b && m.recipients.contains(a))) { return false }
            return true
        }
        let kept = Set(copy.messages.map(\.id))
        // One buffer for both when the corpus's messages are the analysis's (`inStableOrder`).
        copy.corpus.messages = sharesMessages ? copy.messages : corpus.messages.filter { kept.contains($0.id) }
        copy.inferred = inferred.compactMap { inc in
            var inc = inc
            inc.citedBy = inc.citedBy.filter { kept.contains($0) }
            inc.citations = inc.citations.filter { kept.contains($0.messageID) }
            if let (a, b) = between, Set([inc.sender, inc.recipient]) != Set([a, b]) { return nil }
            return inc.citedBy.isEmpty ? nil : inc
        }
        let keptInferred = Set(copy.inferred.map(\.id))
        let present = kept.union(keptInferred)
        copy.links = links.filter { present.contains($0.from) && present.contains($0.to) }
        // Looked up by the messages kept, not filtered from every message's entry: a slice of a
        // large corpus (the replies figure's busiest period) keeps few of them.
        copy.topics = Self.entries(of: self.topics, for: copy.messages)
        copy.unresolvedReferences = unresolvedReferences.filter { kept.contains($0.messageID) }
        copy.principal = Principal.decide(copy.messages, within: corpusPrincipal)
        copy.correspondents = CorrespondentGraph.build(messages: copy.messages, inferred: copy.inferred, people: corpus.people)
        copy.messageIndex = CorpusAnalysis.positions(of: copy.messages)
        copy.latency = ReplyLatency.measure(messages: copy.messages, index: copy.messageIndex, inferred: copy.inferred, links: copy.links)
        copy.mentions = MentionGraph.build(copy.messages.lazy.compactMap { [mentions] m in mentions.byMessage[m.id].map { (m.id, $0) } },
                                           table: mentionTable)
        copy.inferredIndex = Dictionary(copy.inferred.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        return copy
    }

    /// The entries of `table` (by message id) of `messages`.
    /// - Complexity: O(k) for k messages, whatever the size of `table`.
    private static func entries<Value>(of table: [String: Value], for messages: [Message]) -> [String: Value] {
        var kept: [String: Value] = [:]
        kept.reserveCapacity(min(messages.count, table.count))
        for index in messages.indices {
            let id = messages[index].id
            if let value = table[id] { kept[id] = value }
        }
        return kept
    }
}

extension CorpusAnalysis {
    /// This analysis as figures draw it: every unidentified person (a placeholder such as
    /// "Unbekannt" or "N.N.", or a letter with no name: each a person of its own in the corpus
    /// and in exports, never merged there) becomes one person, `UnidentifiedGroup.id`, named
    /// "unidentified (n letters)", so that a corpus with many of them does not draw each as a
    /// node or lane of its own. The graphs and latency are rebuilt, and the group takes the
    /// place in the colour ranking its letters give it; the central person stays. Returns the analysis
    /// unchanged when no unidentified person takes part, or when it is grouped already.
    ///
    /// - Complexity: O(m + i + p) for m messages, i inferred messages and p people, plus the
    ///   rebuilt graph and latency (O(m log m)).
    public func groupingUnidentified() -> CorpusAnalysis {
        guard unidentifiedGroup == nil else { return self }
        let placeholders = Set(corpus.people.people.filter(\.unidentified).map(\.id))
        guard !placeholders.isEmpty else { return self }
        let group = UnidentifiedGroup.id
        var taking = Set<String>()
        var letters = 0
        func map(_ id: String) -> String {
            guard placeholders.contains(id) else { return id }
            taking.insert(id)
            return group
        }
        func regrouped(_ m: Message) -> Message {
            var copy = m
            copy.senders = m.senders.map(map)
            copy.sender = map(m.sender)
            copy.recipients = m.recipients.map(map)
            return copy
        }
        var copy = self
        copy.messages = messages.map { m in
            let r = regrouped(m)
            if r.senders.contains(group) || r.recipients.contains(group) { letters += 1 }
            return r
        }
        guard !taking.isEmpty else { return self }
        // One buffer for both when the corpus's messages are the analysis's: a second copy of
        // every message was a third of the memory of a large catalogue's figures.
        copy.corpus.messages = sharesMessages ? copy.messages : corpus.messages.map(regrouped)
        copy.inferred = inferred.map { inc in
            var inc = inc
            inc.sender = map(inc.sender)
            inc.recipient = map(inc.recipient)
            return inc
        }
        let summary = UnidentifiedGroup(people: taking.count, letters: letters)
        copy.corpus.people.add(Person(id: group, name: summary.label, refs: [], short: summary.label))
        copy.unidentifiedGroup = summary
        copy.ranking = ranking.grouping(placeholders, into: group, letters: letters)
        copy.correspondents = CorrespondentGraph.build(messages: copy.messages, inferred: copy.inferred, people: copy.corpus.people)
        copy.latency = ReplyLatency.measure(messages: copy.messages, index: copy.messageIndex, inferred: copy.inferred, links: copy.links)
        return copy
    }
}
