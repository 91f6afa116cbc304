import Analysis
import Correspondence

/// Which graph of the analysis an export holds.
public enum ExportGraphKind: String, Sendable, CaseIterable {
    /// People as nodes; one directed edge per writer → addressee pair, weighted by messages,
    /// with one time spell per message.
    case correspondents
    /// Messages (held and inferred) as nodes; reply links as directed edges.
    case replies
    /// People and places named in the texts; undirected co-mention edges.
    case mentions
}

/// Builds the `ExportGraph` of each kind from a `CorpusAnalysis`, so every graph format
/// writes the same nodes, edges and values. Orders follow the analysis (stable), ids are
/// derived from the data, never from memory addresses or hash order.
public enum ExportGraphBuilder {
    /// - Complexity: O(n log n) in messages (and their recipients, mentions and links).
    public static func graph(_ kind: ExportGraphKind, from analysis: CorpusAnalysis) -> ExportGraph {
        switch kind {
        case .correspondents: return correspondents(analysis)
        case .replies: return replies(analysis)
        case .mentions: return mentions(analysis)
        }
    }

    // MARK: - Correspondents

    /// - Complexity: O(messages × writers × recipients), plus O(s log s) to bound each edge's spells.
    static func correspondents(_ analysis: CorpusAnalysis) -> ExportGraph {
        let people = analysis.corpus.people
        struct Pair: Hashable { let from: String; let to: String }
        // What each edge needs of its letters' dates, gathered as they come (not the dates themselves:
        // a date is some eighty bytes, its spell eight).
        var dates: [Pair: EdgeDates] = [:]
        var personDates: [String: Lifetime] = [:]
        // Every writer (co-senders too, as `CorrespondentGraph` counts them) to every addressee.
        // By index: each message read in place, not copied.
        let messages = analysis.messages
        for index in messages.indices {
            let date = messages[index].date
            let writers = Set(messages[index].senders.filter { !$0.isEmpty })
            for recipient in Set(messages[index].recipients) {
                for writer in writers { dates[Pair(from: writer, to: recipient), default: EdgeDates()].add(date) }
                personDates[recipient, default: Lifetime()].add(date)
            }
            for writer in writers { personDates[writer, default: Lifetime()].add(date) }
        }
        for inferred in analysis.inferred {
            dates[Pair(from: inferred.sender, to: inferred.recipient), default: EdgeDates()].add(inferred.date)
            personDates[inferred.sender, default: Lifetime()].add(inferred.date)
            personDates[inferred.recipient, default: Lifetime()].add(inferred.date)
        }
        let nodes = analysis.correspondents.nodes.map { node -> ExportNode in
            var values: ExportValues = [
                "role": .string(node.role), "sent": .int(node.sent), "received": .int(node.received),
                "inferred_sent": .int(node.inferredSent), "inferred_received": .int(node.inferredReceived),
            ]
            if let uri = people[node.id]?.authorityURI { values["authority"] = .string(uri) }
            return ExportNode(id: node.id, label: node.name, values: values, spells: personDates[node.id]?.spells ?? [])
        }
        let edges = analysis.correspondents.edges.enumerated().map { index, edge -> ExportEdge in
            let onEdge = dates[Pair(from: edge.from, to: edge.to)] ?? EdgeDates()
            var values: ExportValues = [
                "count": .int(edge.count), "inferred_count": .int(edge.inferredCount),
            ]
            values["first"] = edge.first.map { .date($0) }
            values["last"] = edge.last.map { .date($0) }
            // The edge's bounds: open when any message on it is open on that side.
            if onEdge.anyDated {
                if !onEdge.lowerOpen, let lower = onEdge.lower { values["not_before"] = .date(lower) }
                if !onEdge.upperOpen, let upper = onEdge.upper { values["not_after"] = .date(upper) }
            }
            values["uncertain_dates"] = .int(onEdge.uncertain)
            return ExportEdge(id: "c\(index + 1)", source: edge.from, target: edge.to, kind: "correspondence",
                              weight: Double(edge.count + edge.inferredCount), values: values, spells: onEdge.spells)
        }
        return ExportGraph(
            name: "correspondents",
            description: "Correspondents of \(analysis.corpus.sourceName): people as nodes, present from their first letter to their last; one edge per writer and addressee; weight = messages held + inferred; one time spell per message (notBefore to notAfter), the dynamic weight counting the letters of each spell.",
            directed: true,
            nodeAttributes: [ExportAttribute("role", .string), ExportAttribute("authority", .string),
                             ExportAttribute("sent", .int), ExportAttribute("received", .int),
                             ExportAttribute("inferred_sent", .int), ExportAttribute("inferred_received", .int)],
            edgeAttributes: [ExportAttribute("count", .int), ExportAttribute("inferred_count", .int),
                             ExportAttribute("first", .date), ExportAttribute("last", .date),
                             ExportAttribute("not_before", .date), ExportAttribute("not_after", .date),
                             ExportAttribute("uncertain_dates", .int)],
            nodes: nodes, edges: edges)
    }

    // MARK: - Replies

    /// The graph of reply links: a node for each message, then for each inferred message; an
    /// edge for each link between two of them.
    ///
    /// Nothing per node is held: each node (its label, values and spell) and each edge is made
    /// from the analysis when a writer reads it (`ExportElements`, `ExportValues.Source`), so
    /// that 790,000 nodes are not held beside the messages they are made from (some 235 MB at
    /// 500,000 messages). Which links have both ends in the graph, and from when each edge
    /// exists, are found once by the analysis's own index of ids, and held as four bytes a link.
    /// - Complexity: O(messages + inferred + links) to build (each message's topics looked up
    ///   once, `TopicIDsByPosition`); O(1) per node or edge made (a node's recipients and
    ///   topics, a lookup of each name).
    static func replies(_ analysis: CorpusAnalysis) -> ExportGraph {
        let people = analysis.corpus.people
        let all = analysis.messages, inferredMessages = analysis.inferred
        let held = all.count
        let end = (all.indices.compactMap { all[$0].date.drawnBounds?.notAfter } + inferredMessages.compactMap(\.date.drawnBounds?.notAfter)).max()
        @Sendable func spell(from day: Day?) -> [ExportSpell] {
            guard let end, let day else { return [] }
            return [ExportSpell(start: day, end: max(day, end))]
        }
        /// The earliest possible day of node `i` (messages first, then inferred ones).
        @Sendable func start(_ i: Int) -> Day? {
            i < held ? all[i].date.drawnBounds?.notBefore : inferredMessages[i - held].date.drawnBounds?.notBefore
        }
        // Each node's values are made when a writer reads them (`ExportValues.Source`), from the
        // messages themselves: the same values as a list per node, without holding 600,000 lists.
        // Open bounds and undated dates leave their attributes out (open), never filled in.
        @Sendable func dateValue(_ key: Int, _ date: HistoricalDate) -> ExportValue? {
            switch key {
            case 0: return .string(date.precision.rawValue)
            case 1: return .string(date.evidence.rawValue)
            case 2: return date.best.map { .date($0) }
            case 3: return date.notBefore.map { .date($0) }
            default: return date.notAfter.map { .date($0) }
            }
        }
        // One list of keys for every message (and one for every inferred letter), shared by their nodes.
        let dateKeys = ["precision", "evidence", "date", "not_before", "not_after"]
        let messageKeys = dateKeys + ["kind", "sender", "recipients", "place", "classification", "topics", "first_line"]
        let inferredKeys = dateKeys + ["kind", "sender", "recipients", "cited_by"]
        // Each message's topics by position, looked up once for the four files (not by id in each).
        let topics = TopicIDsByPosition(analysis)
        let messageValues = ExportValues.Source(keys: messageKeys) { key, i in
            switch key {
            case 0..<5: return dateValue(key, all[i].date)
            case 5: return .string(all[i].kind == .fragment ? "fragment" : "message")
            case 6: return .string(all[i].sender)
            case 7: return .string(all[i].recipients.joined(separator: "; "))
            case 8: return all[i].place.map { .string($0) }
            case 9: return .string(all[i].classification)
            case 10: return .string(topics.joined(at: i, separator: "; "))
            default: return .int(all[i].span.startLine)
            }
        }
        let inferredValues = ExportValues.Source(keys: inferredKeys) { key, i in
            switch key {
            case 0..<5: return dateValue(key, inferredMessages[i].date)
            case 5: return .string("inferred")
            case 6: return .string(inferredMessages[i].sender)
            case 7: return .string(inferredMessages[i].recipient)
            default: return .string(inferredMessages[i].citedBy.joined(separator: "; "))
            }
        }
        /// "Writer to Addressee, Addressee, 1942-07-18" ("Fragment, ..." for a fragment, "... (inferred)").
        @Sendable func label(_ i: Int) -> String {
            var label = ""
            label.reserveCapacity(80)
            if i < held {
                if all[i].kind == .fragment {
                    label += "Fragment"
                } else {
                    label += people.name(of: all[i].sender)
                    label += " to "
                    for (k, recipient) in all[i].recipients.enumerated() {
                        if k > 0 { label += ", " }
                        label += people.name(of: recipient)
                    }
                }
                label += ", "
                appendDateLabel(all[i].date, to: &label)
            } else {
                let inferred = i - held
                label += people.name(of: inferredMessages[inferred].sender)
                label += " to "
                label += people.name(of: inferredMessages[inferred].recipient)
                label += ", "
                appendDateLabel(inferredMessages[inferred].date, to: &label)
                label += " (inferred)"
            }
            return label
        }
        let nodes = ExportNodes(
            count: held + inferredMessages.count,
            id: { $0 < held ? all[$0].id : inferredMessages[$0 - held].id },
            spells: { spell(from: start($0)) },
            make: { i in
                ExportNode(id: i < held ? all[i].id : inferredMessages[i - held].id, label: label(i),
                           values: i < held ? ExportValues(source: messageValues, element: i)
                                            : ExportValues(source: inferredValues, element: i - held),
                           spells: spell(from: start(i)))
            })

        // The links with both ends in the graph, each with the day its edge starts (the later of
        // its ends' earliest days; `noStart` when neither is dated). An id is looked up as the
        // graph would find it: an inferred message before a held one of the same id.
        @Sendable func position(_ id: String) -> Int? {
            analysis.inferredPosition(id: id).map { held + $0 } ?? analysis.messagePosition(id: id)
        }
        let links = analysis.links
        let noStart = Int32.min
        let (kept, starts) = { () -> ([Int32], [Int32]) in
            var kept: [Int32] = [], starts: [Int32] = []
            kept.reserveCapacity(links.count)
            starts.reserveCapacity(links.count)
            for index in links.indices {
                guard let from = position(links[index].from), let to = position(links[index].to) else { continue }
                kept.append(Int32(index))
                let later = [start(from), start(to)].compactMap { $0 }.max()
                starts.append(later.map { Int32($0.ordinal) } ?? noStart)
            }
            return (kept, starts)
        }()
        let linkKeys = ["confidence", "evidence", "evidence_line", "rule"]
        let linkValues = ExportValues.Source(keys: linkKeys) { key, i in
            switch key {
            case 0: return .double(links[i].confidence)
            case 1: return .string(links[i].evidence.phrase)
            case 2: return .int(links[i].evidence.line)
            default: return .string(links[i].evidence.rule)
            }
        }
        @Sendable func edgeSpells(_ i: Int) -> [ExportSpell] {
            starts[i] == noStart ? [] : spell(from: Day(ordinal: Int(starts[i])))
        }
        let edges = ExportEdges(
            count: kept.count,
            id: { "r\($0 + 1)" },
            spells: edgeSpells,
            make: { i in
                let link = Int(kept[i])
                return ExportEdge(id: "r\(i + 1)", source: links[link].from, target: links[link].to, kind: links[link].kind.rawValue,
                                  weight: links[link].confidence, values: ExportValues(source: linkValues, element: link),
                                  spells: edgeSpells(i))
            })
        return ExportGraph(
            name: "replies",
            description: "Reply links of \(analysis.corpus.sourceName): messages (held, and inferred from citations) as nodes, links from a message to what it answers or cites; weight = confidence; each element present from its earliest possible date on.",
            directed: true,
            nodeAttributes: [ExportAttribute("kind", .string), ExportAttribute("sender", .string),
                             ExportAttribute("recipients", .string), ExportAttribute("date", .date),
                             ExportAttribute("not_before", .date), ExportAttribute("not_after", .date),
                             ExportAttribute("precision", .string), ExportAttribute("evidence", .string),
                             ExportAttribute("place", .string), ExportAttribute("classification", .string),
                             ExportAttribute("topics", .string), ExportAttribute("first_line", .int),
                             ExportAttribute("cited_by", .string)],
            edgeAttributes: [ExportAttribute("confidence", .double), ExportAttribute("evidence", .string),
                             ExportAttribute("evidence_line", .int), ExportAttribute("rule", .string)],
            nodes: nodes, edges: edges, spellsAreLetters: false)
    }

    // MARK: - Mentions

    /// - Complexity: O(messages × m²) in the m distinct names of a message, plus the graph's nodes and edges.
    static func mentions(_ analysis: CorpusAnalysis) -> ExportGraph {
        let graph = analysis.mentions
        // Each name's first and last letter, and each pair's spells (eight bytes a letter, not its date).
        // Names are counted by number (their place in the id order): a set, a sort and a hash of
        // two strings for each name and pair of each message were most of this pass at 500,000
        // messages. Names that are not nodes of the graph are in no node and no edge.
        let byRank = graph.nodes.indices.sorted { graph.nodes[$0].id < graph.nodes[$1].id }
        var rankOf: [String: Int] = [:]
        rankOf.reserveCapacity(byRank.count)
        for (rank, node) in byRank.enumerated() where rankOf[graph.nodes[node].id] == nil { rankOf[graph.nodes[node].id] = rank }
        let count = byRank.count
        var lifetimes = [Lifetime](repeating: Lifetime(), count: count)
        /// Spells of the pair of ranks (a, b), a < b, at `a * count + b`.
        var pairSpells: [Int: [ExportSpell]] = [:]
        var distinct: [Int] = []
        let messages = analysis.messages
        for index in messages.indices {
            guard let found = graph.byMessage[messages[index].id] else { continue }
            let date = messages[index].date
            distinct.removeAll(keepingCapacity: true)
            for mention in found { if let rank = rankOf[mention.entity] { distinct.append(rank) } }
            distinct.sort()
            var kept = 0   // each name once
            for k in distinct.indices where kept == 0 || distinct[k] != distinct[kept - 1] {
                distinct[kept] = distinct[k]
                kept += 1
            }
            distinct.removeLast(distinct.count - kept)
            for rank in distinct { lifetimes[rank].add(date) }
            guard distinct.count > 1, let spell = ExportSpell(date) else { continue }
            for i in distinct.indices {
                for j in distinct.indices where j > i {
                    pairSpells[distinct[i] * count + distinct[j], default: []].append(spell)
                }
            }
        }
        let nodes = graph.nodes.map { node in
            ExportNode(id: node.id, label: node.name,
                       values: ["kind": .string(node.kind.rawValue), "messages": .int(node.messages),
                                "occurrences": .int(node.occurrences)],
                       spells: rankOf[node.id].map { lifetimes[$0].spells } ?? [])
        }
        let edges = graph.edges.enumerated().map { index, edge in
            // As a pair was keyed: its names in id order (an edge named the other way round has none).
            let spells: [ExportSpell]
            if let a = rankOf[edge.a], let b = rankOf[edge.b], a < b {
                spells = pairSpells[a * count + b] ?? []
            } else {
                spells = []
            }
            return ExportEdge(id: "m\(index + 1)", source: edge.a, target: edge.b, kind: "co-mention", weight: Double(edge.weight),
                              values: ["messages": .int(edge.weight)], spells: spells)
        }
        return ExportGraph(
            name: "mentions",
            description: "People and places named in the texts of \(analysis.corpus.sourceName): an edge joins two named in the same message; weight = such messages; one time spell per message.",
            directed: false,
            nodeAttributes: [ExportAttribute("kind", .string), ExportAttribute("messages", .int),
                             ExportAttribute("occurrences", .int)],
            edgeAttributes: [ExportAttribute("messages", .int)],
            nodes: nodes, edges: edges)
    }

    /// When a correspondent (or a name) is present in the network: one spell from the earliest
    /// possible day of the first letter to the latest of the last (open dates at their known
    /// bound, undated letters left out), gathered one date at a time.
    struct Lifetime {
        var first: Day?
        var last: Day?

        mutating func add(_ date: HistoricalDate) {
            guard let (a, b) = date.drawnBounds else { return }
            if first.map({ a < $0 }) ?? true { first = a }
            if last.map({ b > $0 }) ?? true { last = b }
        }

        /// The one spell: none when no letter is dated.
        var spells: [ExportSpell] {
            guard let first, let last else { return [] }
            return [ExportSpell(start: first, end: last)]
        }
    }

    /// What a correspondents edge writes of its letters' dates: their spells, whether any is
    /// dated, the earliest lower and latest upper bound (and whether a dated letter leaves
    /// either open), and how many are not exact to the day.
    struct EdgeDates {
        var spells: [ExportSpell] = []
        var anyDated = false
        var lower: Day?
        var lowerOpen = false
        var upper: Day?
        var upperOpen = false
        var uncertain = 0

        mutating func add(_ date: HistoricalDate) {
            if let spell = ExportSpell(date) { spells.append(spell) }
            if !date.isExact { uncertain += 1 }
            guard date.isDated else { return }
            anyDated = true
            if let a = date.notBefore {
                if lower.map({ a < $0 }) ?? true { lower = a }
            } else {
                lowerOpen = true
            }
            if let b = date.notAfter {
                if upper.map({ b > $0 }) ?? true { upper = b }
            } else {
                upperOpen = true
            }
        }
    }

    /// "1942-07-18", "1942-07", "1943", or "1942-07-29/1942-08-06" for a range, with EDTF's ".."
    /// for an open end ("../1681-06-23"), "undated" when there is no date.
    static func dateLabel(_ date: HistoricalDate) -> String {
        var label = ""
        appendDateLabel(date, to: &label)
        return label
    }

    /// `dateLabel` appended to `label`, the days written in place (a node label is made each
    /// time a writer reads the node).
    static func appendDateLabel(_ date: HistoricalDate, to label: inout String) {
        guard let (a, b) = date.closedBounds else {
            guard date.isDated else { label += "undated"; return }
            if let lower = date.notBefore { ExportText.append(iso: lower, to: &label) } else { label += ".." }
            label += "/"
            if let upper = date.notAfter { ExportText.append(iso: upper, to: &label) } else { label += ".." }
            return
        }
        switch date.precision {
        case .day where a == b: ExportText.append(iso: a, to: &label)
        case .month where TimelineJSWriter.coversMonth(date): ExportText.append(isoMonth: a, to: &label)
        case .year where TimelineJSWriter.coversYear(date): ExportText.append(isoYear: a, to: &label)
        default:
            ExportText.append(iso: a, to: &label)
            label += "/"
            ExportText.append(iso: b, to: &label)
        }
    }
}
