import Correspondence

/// Resolves every reference of a corpus and draws the reply links between messages.
///
/// **References** (each message, each reference, in stable order):
/// - `other` (a third party's document): left unresolved, reason `third_party`.
/// - `yours`, dated D, relation `of` ("your message of D"): the cited message was written by the
///   citing message's addressee C (the first one when there are several: confidence × 0.7, and
///   the inferred message says its sender is guessed) to its writer S. If the corpus holds a
///   message from C to S of day D, the link goes there (confidence 0.95); otherwise to the
///   inferred message C → S of day D, shared by every message citing it (0.9).
/// - `yours`, relation `received` ("your message reached me on D"): if the corpus holds a message
///   from C to S dated D−7...D, the latest (0.7). Else, if exactly one inferred message C → S is
///   cited by date within D−3...D, that one (the same message named by its date and by its
///   arrival, 0.75). Else an inferred message C → S whose date is bounded: notAfter = D,
///   notBefore = the later of (the date of S's last message to C before D) and D − 30 days, on
///   the reasoning that an incoming telegram usually answers the last one sent and rarely
///   travels a month (0.8).
/// - `yours`, undated: the latest message from C to S in the corpus up to the citing message's
///   date and at most 60 days before it (0.5); with none, unresolved (`undated`).
/// - A dated citation of a message more than 60 days older than the citing message is a reference
///   back rather than an answer: its link keeps half the confidence (see `backReference`).
/// - `mine`, dated D: S's message of day D to one of the citing message's addressees (0.95; with
///   several on that day, the first in the source, confidence divided by their number); else of
///   D ± 1 day (0.6); else S's message of day D to anyone (0.5); else unresolved
///   (`no_such_message`).
/// - `mine`, undated ("my last message"): S's latest earlier message to the first addressee (0.6).
///
/// **Answers** (inferred incoming message I, from C to S, dated D or bounded above by D): among
/// S's messages to C dated before D and at most 90 days before it,
/// 1. one that a message citing I also cites as its own ("my message of ..."), the latest such
///    (0.85): the writer names what the exchange was about;
/// 2. else the latest, when it shares a topic with the messages citing I (0.7);
/// 3. else the latest earlier one that shares such a topic (0.5);
/// 4. else the latest (0.55). With no candidate within 90 days, no `answers` link. Only the
///    latest `answerCandidates` (64) are looked at: more than that in 90 days is a correspondence
///    so dense that an answer further back could not be told apart anyway, and the cap keeps
///    the pass linear however dense a corpus grows.
///
/// **Parallel** texts: see `ParallelTexts`.
struct ReplyChains: Sendable {
    var inferred: [InferredMessage] = []
    var links: [ReplyLink] = []
    var unresolved: [UnresolvedReference] = []

    private struct PairKey: Hashable {
        let from: String
        let to: String
    }

    private struct SenderDay: Hashable {
        let sender: String
        let day: Day
    }

    private struct InferredKey: Hashable, Comparable {
        let sender: String
        let recipient: String
        let day: Day
        let received: Bool

        static func < (a: InferredKey, b: InferredKey) -> Bool {
            if a.day != b.day { return a.day < b.day }
            if a.received != b.received { return !a.received }
            if a.sender != b.sender { return a.sender < b.sender }
            return a.recipient < b.recipient
        }
    }

    private struct Pending {
        var notBefore: Day
        var citations: [InferredMessage.Citation] = []
        var guessed = false
    }

    private struct PendingLink {
        let from: String
        let key: InferredKey
        let confidence: Double
        let evidence: LinkEvidence
    }

    /// Most of a writer's messages looked at as what an inferred message answers.
    static let answerCandidates = 64

    /// `index` maps each message id to its position in `messages`.
    ///
    /// - Complexity: O(n log n + r·b) for n messages, r references and b the largest number of
    ///   messages one writer sent on one day (the bucket a dated reference is looked up in);
    ///   the answers pass looks at most `answerCandidates` messages per inferred message.
    init(messages: [Message], index order: [String: Int], topics: [String: [TopicMatch]]) {
        // Only dated messages can answer or be answered by date: undated ones (which sort last)
        // are left out of both indexes.
        let (outgoing, bySenderDay) = ReplyChains.indexes(messages)
        /// The best day of a message in the indexes above (all dated).
        func when(_ i: Int) -> Day { messages[i].date.best ?? Day(ordinal: Int(Int32.max)) }

        /// Position in `list` of the latest message dated before `day` (strictly), or nil.
        func latestPosition(_ list: ArraySlice<Int>?, before day: Day) -> Int? {
            guard let list else { return nil }
            var lo = list.startIndex, hi = list.endIndex
            while lo < hi {
                let mid = (lo + hi) / 2
                if when(list[mid]) < day { lo = mid + 1 } else { hi = mid }
            }
            return lo > list.startIndex ? lo - 1 : nil
        }
        /// Index of the latest message in `list` dated before `day` (strictly), or nil.
        func latest(_ list: ArraySlice<Int>?, before day: Day) -> Int? {
            latestPosition(list, before: day).flatMap { list?[$0] }
        }

        var pending: [InferredKey: Pending] = [:]
        var pendingLinks: [PendingLink] = []
        var direct: [ReplyLink] = []
        var unresolved: [UnresolvedReference] = []
        var receivedLater: [(index: Int, reference: Reference)] = []

        func cite(_ key: InferredKey, notBefore: Day, from m: Message, _ r: Reference, guessed: Bool,
                  confidence: Double, rule: String) {
            var p = pending[key] ?? Pending(notBefore: notBefore)
            p.notBefore = min(p.notBefore, notBefore)
            p.citations.append(.init(messageID: m.id, phrase: r.phrase, line: r.line, relation: r.relation))
            p.guessed = p.guessed || guessed
            pending[key] = p
            let (confidence, rule) = ReplyChains.backReference(key.day, from: m, confidence: confidence, rule: rule)
            pendingLinks.append(PendingLink(from: m.id, key: key, confidence: confidence,
                                            evidence: LinkEvidence(phrase: r.phrase, line: r.line, rule: rule)))
        }

        // Pass 1: everything but "received on D" (which may name a message also cited by date).
        // By position; a message is copied out only when it has references to resolve (most
        // have none, and a closure over each message copied every one: DESIGN, a pass reads only the fields it uses).
        for i in messages.indices where !messages[i].references.isEmpty {
            let m = messages[i]
            for r in m.references {
                switch r.whose {
                case .other:
                    unresolved.append(UnresolvedReference(messageID: m.id, reference: r, reason: .thirdParty))
                case .yours:
                    guard let c = m.recipients.first else {
                        unresolved.append(UnresolvedReference(messageID: m.id, reference: r, reason: .noCorrespondent))
                        continue
                    }
                    let guessed = Set(m.recipients).count > 1
                    let factor = guessed ? 0.7 : 1.0
                    guard let d = r.date else {
                        if let day = m.date.best, let j = latest(outgoing[PairKey(from: c, to: m.sender)], before: day.adding(days: 1)), j != i,
                           when(j).days(to: day) <= ReplyChains.answerWindow {
                            direct.append(ReplyLink(from: m.id, to: messages[j].id, kind: .inReplyTo, confidence: 0.5 * factor,
                                                    evidence: LinkEvidence(phrase: r.phrase, line: r.line,
                                                                           rule: "undated: the latest message from \(c) in the corpus")))
                        } else {
                            unresolved.append(UnresolvedReference(messageID: m.id, reference: r, reason: .undated))
                        }
                        continue
                    }
                    if r.relation == .received {
                        receivedLater.append((i, r))
                        continue
                    }
                    let held = (bySenderDay[SenderDay(sender: c, day: d)] ?? []).filter {
                        messages[$0].recipients.contains(m.sender) && messages[$0].date.isExact
                    }
                    if let j = held.first {
                        let (confidence, rule) = ReplyChains.backReference(d, from: m, confidence: 0.95 * factor / Double(held.count),
                                                                           rule: "the corpus holds \(c)'s message of \(d.iso)")
                        direct.append(ReplyLink(from: m.id, to: messages[j].id, kind: .inReplyTo, confidence: confidence,
                                                evidence: LinkEvidence(phrase: r.phrase, line: r.line, rule: rule)))
                    } else {
                        cite(InferredKey(sender: c, recipient: m.sender, day: d, received: false), notBefore: d,
                             from: m, r, guessed: guessed, confidence: 0.9 * factor,
                             rule: "cited by date: \(c)'s message of \(d.iso), not in the corpus")
                    }
                case .mine:
                    if let d = r.date {
                        let sameDay = (bySenderDay[SenderDay(sender: m.sender, day: d)] ?? []).filter { $0 != i }
                        let toAddressee = sameDay.filter { !Set(messages[$0].recipients).isDisjoint(with: m.recipients) }
                        let nearby = [d.adding(days: -1), d.adding(days: 1)].flatMap {
                            (bySenderDay[SenderDay(sender: m.sender, day: $0)] ?? []).filter {
                                $0 != i && !Set(messages[$0].recipients).isDisjoint(with: m.recipients)
                            }
                        }
                        let (target, confidence, rule): (Int?, Double, String)
                        if let j = toAddressee.first {
                            (target, confidence, rule) = (j, 0.95 / Double(toAddressee.count),
                                                          "\(m.sender)'s message of \(d.iso) to the same addressee")
                        } else if let j = nearby.first {
                            (target, confidence, rule) = (j, 0.6, "\(m.sender)'s message of a day before or after \(d.iso) to the same addressee")
                        } else if let j = sameDay.first {
                            (target, confidence, rule) = (j, 0.5, "\(m.sender)'s message of \(d.iso), to another addressee")
                        } else {
                            (target, confidence, rule) = (nil, 0, "")
                        }
                        if let j = target {
                            direct.append(ReplyLink(from: m.id, to: messages[j].id, kind: .citesOwn, confidence: confidence,
                                                    evidence: LinkEvidence(phrase: r.phrase, line: r.line, rule: rule)))
                        } else {
                            unresolved.append(UnresolvedReference(messageID: m.id, reference: r, reason: .noSuchMessage))
                        }
                    } else if let c = m.recipients.first,
                              let j = ReplyChains.latestBeforeInSource(outgoing[PairKey(from: m.sender, to: c)], index: i) {
                        direct.append(ReplyLink(from: m.id, to: messages[j].id, kind: .citesOwn, confidence: 0.6,
                                                evidence: LinkEvidence(phrase: r.phrase, line: r.line,
                                                                       rule: "undated: \(m.sender)'s previous message to \(c)")))
                    } else {
                        unresolved.append(UnresolvedReference(messageID: m.id, reference: r, reason: .undated))
                    }
                }
            }
        }

        // Pass 2: "received on D".
        let citedByDate = Set(pending.keys)
        for (i, r) in receivedLater {
            let m = messages[i]
            guard let c = m.recipients.first, let d = r.date else { continue }
            let guessed = Set(m.recipients).count > 1
            let factor = guessed ? 0.7 : 1.0
            let held = (0...7).flatMap { back in
                (bySenderDay[SenderDay(sender: c, day: d.adding(days: -back))] ?? []).filter {
                    messages[$0].recipients.contains(m.sender)
                }
            }
            if let j = held.first {
                direct.append(ReplyLink(from: m.id, to: messages[j].id, kind: .inReplyTo, confidence: 0.7 * factor,
                                        evidence: LinkEvidence(phrase: r.phrase, line: r.line,
                                                               rule: "the latest message from \(c) in the corpus dated up to 7 days before \(d.iso)")))
                continue
            }
            let byDate = (0...3).map { InferredKey(sender: c, recipient: m.sender, day: d.adding(days: -$0), received: false) }
                .filter { citedByDate.contains($0) }
            if byDate.count == 1 {
                cite(byDate[0], notBefore: byDate[0].day, from: m, r, guessed: guessed, confidence: 0.75 * factor,
                     rule: "received on \(d.iso): the only message from \(c) cited by a date up to 3 days earlier")
                continue
            }
            let previous = latest(outgoing[PairKey(from: m.sender, to: c)], before: d).map(when)
            let notBefore = max(previous ?? d.adding(days: -30), d.adding(days: -30))
            cite(InferredKey(sender: c, recipient: m.sender, day: d, received: true), notBefore: notBefore,
                 from: m, r, guessed: guessed, confidence: 0.8 * factor,
                 rule: "received on \(d.iso): \(c)'s message, dated between \(notBefore.iso) and \(d.iso)")
        }

        // Inferred messages, in date order, with ids.
        var ids: [InferredKey: String] = [:]
        var allocator = MessageIDAllocator()
        var inferred: [InferredMessage] = []
        for key in pending.keys.sorted() {
            guard let p = pending[key] else { continue }
            let base = "in-\(key.received ? "by-" : "")\(key.day.iso)-\(Slug.make(key.sender))-\(Slug.make(key.recipient))"
            let id = allocator.id(for: base)
            ids[key] = id
            let citations = p.citations.sorted { (order[$0.messageID] ?? 0, $0.line) < (order[$1.messageID] ?? 0, $1.line) }
            var citers: [String] = []
            for c in citations where citers.last != c.messageID && !citers.contains(c.messageID) { citers.append(c.messageID) }
            let date = key.received
                ? HistoricalDate(notBefore: p.notBefore, notAfter: key.day, precision: p.notBefore == key.day ? .day : .range, evidence: .citation)
                : HistoricalDate(exactly: key.day, evidence: .citation)
            inferred.append(InferredMessage(id: id, sender: key.sender, recipient: key.recipient, date: date,
                                            citedBy: citers, citations: citations, senderIsGuessed: p.guessed))
        }
        // Inferred dates are always closed (a cited day, or a window ending on it).
        inferred.sort { a, b in
            let x = a.date.best?.ordinal ?? Int.max, y = b.date.best?.ordinal ?? Int.max
            return x != y ? x < y : a.id < b.id
        }
        var links = direct
        for p in pendingLinks {
            if let to = ids[p.key] {
                links.append(ReplyLink(from: p.from, to: to, kind: .inReplyTo, confidence: p.confidence, evidence: p.evidence))
            }
        }

        // Answers: each inferred message → the outgoing message it most plausibly answers.
        let ownLinks = links.filter { $0.kind == .citesOwn }
        let ownCited: [String: [String]] = Dictionary(grouping: ownLinks, by: \.from).mapValues { $0.map(\.to) }
        var ownByPair: [PairKey: ReplyLink] = [:]
        for l in ownLinks where ownByPair[PairKey(from: l.from, to: l.to)] == nil { ownByPair[PairKey(from: l.from, to: l.to)] = l }
        for inc in inferred {
            guard let list = outgoing[PairKey(from: inc.recipient, to: inc.sender)] else { continue }
            guard let upper = inc.date.notAfter else { continue }
            let lower = upper.adding(days: -90)
            var window: [Int] = []
            if let position = latestPosition(list, before: upper) {
                var k = position
                while k >= list.startIndex, when(list[k]) >= lower, window.count < ReplyChains.answerCandidates {
                    window.append(list[k])
                    k -= 1
                }
            }
            guard let newest = window.first else { continue }
            let first = inc.citations[0]
            let citerTopics = Set(inc.citedBy.flatMap { (topics[$0] ?? []).map(\.topic) })
            func shares(_ j: Int) -> String? {
                (topics[messages[j].id] ?? []).map(\.topic).first { citerTopics.contains($0) }
            }
            let named = Set(inc.citedBy.flatMap { ownCited[$0] ?? [] })
            let link: ReplyLink
            if let j = window.first(where: { named.contains(messages[$0].id) }) {
                let own = inc.citedBy.lazy.compactMap { ownByPair[PairKey(from: $0, to: messages[j].id)] }.first
                link = ReplyLink(from: inc.id, to: messages[j].id, kind: .answers, confidence: 0.85,
                                 evidence: LinkEvidence(phrase: own?.evidence.phrase ?? first.phrase, line: own?.evidence.line ?? first.line,
                                                        rule: "the answer also cites this message as its own"))
            } else if let topic = shares(newest) {
                link = ReplyLink(from: inc.id, to: messages[newest].id, kind: .answers, confidence: 0.7,
                                 evidence: LinkEvidence(phrase: first.phrase, line: first.line,
                                                        rule: "latest message to \(inc.sender) before \(upper.iso), sharing the topic \(topic)"))
            } else if let j = window.dropFirst().first(where: { shares($0) != nil }), let topic = shares(j) {
                link = ReplyLink(from: inc.id, to: messages[j].id, kind: .answers, confidence: 0.5,
                                 evidence: LinkEvidence(phrase: first.phrase, line: first.line,
                                                        rule: "latest message to \(inc.sender) before \(upper.iso) sharing the topic \(topic)"))
            } else {
                link = ReplyLink(from: inc.id, to: messages[newest].id, kind: .answers, confidence: 0.55,
                                 evidence: LinkEvidence(phrase: first.phrase, line: first.line,
                                                        rule: "latest message to \(inc.sender) before \(upper.iso)"))
            }
            links.append(link)
        }

        self.inferred = inferred
        ReplyChains.sortInLinkOrder(&links)
        self.links = links
        self.unresolved = unresolved
    }

    /// Days after which a citation of an incoming message is a reference back, not an answer.
    static let answerWindow = 60

    /// A citation of a message more than `answerWindow` days older than the citing message
    /// ("the Aide-Mémoire of June 10, 1942" in a letter of 1943) is a reference back: the link
    /// is kept at half the confidence, and latency leaves it out.
    static func backReference(_ cited: Day, from m: Message, confidence: Double, rule: String) -> (Double, String) {
        guard let day = m.date.best else { return (confidence, rule) }
        let gap = cited.days(to: day)
        guard gap > answerWindow else { return (confidence, rule) }
        return (confidence * 0.5, rule + "; cited \(gap) days later: a reference back rather than an answer")
    }

    /// The latest message of `list` standing before `index` in stable order.
    private static func latestBeforeInSource(_ list: ArraySlice<Int>?, index: Int) -> Int? {
        guard let list else { return nil }
        var lo = list.startIndex, hi = list.endIndex
        while lo < hi {
            let mid = (lo + hi) / 2
            if list[mid] < index { lo = mid + 1 } else { hi = mid }
        }
        return lo > list.startIndex ? list[lo - 1] : nil
    }

    /// The dated messages by (writer, addressee) and by (writer, best day), positions in
    /// increasing order within each: two sorted tables (`PositionGroups`) over numbered people,
    /// 16 bytes a message each. Why: a dictionary of arrays had one small array per pair, and
    /// a catalogue of a million letters between thousands of people has nearly a pair a letter
    /// (some 300 MB for the two indexes).
    /// - Complexity: O(n log n) in messages and addressees.
    private static func indexes(_ messages: [Message]) -> (outgoing: PairGroups, bySenderDay: SenderDayGroups) {
        var number: [String: UInt64] = [:]
        // The last message that listed each person as an addressee: a letter's addressees
        // are each indexed once in constant time (searching the letter's own list was
        // quadratic in a letter of thousands of addressees).
        var listedIn: [Int] = []
        func person(_ id: String) -> UInt64 {
            if let k = number[id] { return k }
            let k = UInt64(number.count)
            number[id] = k
            listedIn.append(-1)
            return k
        }
        var pairs: [PositionGroups.Entry] = [], days: [PositionGroups.Entry] = []
        pairs.reserveCapacity(messages.count)
        days.reserveCapacity(messages.count)
        for i in messages.indices {
            guard let day = messages[i].date.best else { continue }
            let sender = person(messages[i].sender)
            for r in messages[i].recipients {
                let addressee = person(r)
                if listedIn[Int(addressee)] != i {
                    listedIn[Int(addressee)] = i
                    pairs.append(.init(key: sender << 32 | addressee, position: i))
                }
            }
            days.append(.init(key: sender << 32 | UInt64(UInt32(bitPattern: Int32(clamping: day.ordinal))), position: i))
        }
        return (PairGroups(number: number, groups: PositionGroups(pairs)),
                SenderDayGroups(number: number, groups: PositionGroups(days)))
    }

    /// Dated messages by writer and addressee (`indexes`).
    private struct PairGroups {
        let number: [String: UInt64]
        let groups: PositionGroups
        subscript(_ key: PairKey) -> ArraySlice<Int>? {
            guard let from = number[key.from], let to = number[key.to] else { return nil }
            return groups[from << 32 | to]
        }
    }

    /// Dated messages by writer and best day (`indexes`).
    private struct SenderDayGroups {
        let number: [String: UInt64]
        let groups: PositionGroups
        subscript(_ key: SenderDay) -> ArraySlice<Int>? {
            guard let sender = number[key.sender] else { return nil }
            return groups[sender << 32 | UInt64(UInt32(bitPattern: Int32(clamping: key.day.ordinal)))]
        }
    }

    /// Sorts `links` into `linkOrder`, keeping the order of equal links (as a stable sort
    /// does): positions are sorted, comparing the links in place, and each link is then moved
    /// once (`StableOrder.permute`). Why: sorting the links themselves copied each one (a
    /// retain and a release per field) at every step of the merge, seconds at 500,000 messages.
    /// - Complexity: O(n log n) comparisons, O(n) moves.
    static func sortInLinkOrder(_ links: inout [ReplyLink]) {
        let order: [Int] = links.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return [] }
            return Array(buffer.indices).sorted { i, j in
                if linkOrder(base[i], base[j]) { return true }
                if linkOrder(base[j], base[i]) { return false }
                return i < j
            }
        }
        StableOrder.permute(&links, into: order)
    }

    /// Stable order of links: evidence line, then from, to and kind.
    static func linkOrder(_ a: ReplyLink, _ b: ReplyLink) -> Bool {
        if a.evidence.line != b.evidence.line { return a.evidence.line < b.evidence.line }
        if a.from != b.from { return a.from < b.from }
        if a.to != b.to { return a.to < b.to }
        return a.kind.rawValue < b.kind.rawValue
    }

}
