import Analysis
import Correspondence
import Styling

/// Who wrote about what, as a heat table: a row per topic, a column per correspondent, each
/// tile the number of messages on that topic the correspondent wrote or received, shaded by
/// class and labelled with its count. Rows keep the lexicon's order; columns run from the most
/// involved correspondent. The central person, when the corpus has one, is left out: every
/// message involves them.
///
/// Why a table and not lines between two columns: a topic-by-person picture with line widths
/// crossed itself into an unreadable weave, and widths cannot be read as numbers; a tile gives
/// the number itself, and its shade lets the eye find the heavy cells first.
///
/// Within budget: past the theme's `graph.budget.nodes` (or fewer, to keep text at the floor)
/// the least involved correspondents are merged into one "others" column.
struct TopicsFigure {
    let context: FigureContext
    var peopleLimit: Int? = nil
    var style: FigureStyle
    /// The counts over all messages, which do not depend on the limit: made once for every
    /// size the figure is tried at.
    let tally: Tally

    init(context: FigureContext, peopleLimit: Int? = nil, tally: Tally? = nil) {
        self.context = context
        self.peopleLimit = peopleLimit
        self.tally = tally ?? Tally(context: context)
        style = FigureStyle(context: context)
    }

    /// Messages per topic and person, over every message with a topic.
    ///
    /// Compact (issue 13): the messages counted are positions in `analysis.messages`, and
    /// each one's topics and people are small numbers in two flat lists; a copy of every
    /// message with a topic and two sets of strings each were 300 MB at 500,000 messages.
    struct Tally {
        var perTopic: [String: [String: Int]] = [:]
        var topicTotals: [String: Int] = [:]
        var involvement: [String: Int] = [:]
        /// The topic and person ids of `taggedTopics` and `taggedPeople`.
        var topicNames: [String] = []
        var personNames: [String] = []
        /// Each message with a topic, in order: its distinct topics and its distinct people
        /// (without the central person), message k's from `topicStarts[k]` and `peopleStarts[k]`
        /// to the next one's.
        var taggedTopics: [Int32] = []
        var taggedPeople: [Int32] = []
        var topicStarts: [Int32] = [0]
        var peopleStarts: [Int32] = [0]
        /// The positions in `analysis.messages` of the messages with a topic, for the caption.
        var counted: [Int32] = []

        /// Topics and people are numbered as they are met and counted by number; the tables by
        /// id are made at the end. Why: a set of each message's people and a count by (topic,
        /// person) in nested tables by id hashed every id of every message several times, a
        /// second of the 500,000-message gallery (issue 13).
        /// - Complexity: O(m · t · p) for m messages with t topics and p people each; one hash
        ///   of each of their ids.
        init(context: FigureContext) {
            let analysis = context.analysis, centre = context.principal
            let messages = analysis.messages
            var people = Tallied(), topics = Tallied()
            // Messages by (topic, person), the topic's number in the high half of the key.
            var pairCounts: [Int: Int] = [:]
            for index in messages.indices {
                guard let matches = analysis.topics[messages[index].id], !matches.isEmpty else { continue }
                let k = Int32(counted.count)
                counted.append(Int32(index))
                func take(_ person: String) {
                    guard !person.isEmpty, person != centre, let id = people.take(person, in: k) else { return }
                    taggedPeople.append(id)
                }
                for recipient in messages[index].recipients { take(recipient) }
                take(messages[index].sender)
                let named = Int(peopleStarts[Int(k)])..<taggedPeople.count
                for match in matches {
                    guard let id = topics.take(match.topic, in: k) else { continue }
                    taggedTopics.append(id)
                    for p in named { pairCounts[Int(id) << 32 | Int(taggedPeople[p]), default: 0] += 1 }
                }
                topicStarts.append(Int32(taggedTopics.count))
                peopleStarts.append(Int32(taggedPeople.count))
            }
            personNames = people.names
            topicNames = topics.names
            for (id, n) in people.counts.enumerated() { involvement[personNames[id]] = n }
            for (id, n) in topics.counts.enumerated() { topicTotals[topicNames[id]] = n }
            for (key, n) in pairCounts { perTopic[topicNames[key >> 32], default: [:]][personNames[key & 0xFFFF_FFFF]] = n }
        }

        /// Ids numbered as they are met, each with the messages it was counted in: one named
        /// twice in a message counts once.
        private struct Tallied {
            var names: [String] = []
            var numbers: [String: Int32] = [:]
            var counts: [Int] = []
            /// The last message (position in `counted`) each was counted in.
            var lastMessage: [Int32] = []

            /// The number of `name`, counted for message `k`; nil when it was counted for `k` already.
            mutating func take(_ name: String, in k: Int32) -> Int32? {
                let id = numbers[name] ?? {
                    let id = Int32(names.count)
                    names.append(name)
                    numbers[name] = id
                    counts.append(0)
                    lastMessage.append(-1)
                    return id
                }()
                guard lastMessage[Int(id)] != k else { return nil }
                lastMessage[Int(id)] = k
                counts[Int(id)] += 1
                return id
            }
        }

        /// Messages on each topic with at least one of `others` (a message naming two counts once).
        /// - Complexity: O(m · (t + p)) for m messages with a topic, with t topics and p people each.
        func withAnyOf(_ others: Set<String>) -> [String: Int] {
            let isOther = personNames.map { others.contains($0) }
            var perTopic = [Int](repeating: 0, count: topicNames.count)
            for k in 0..<counted.count {
                let people = Int(peopleStarts[k])..<Int(peopleStarts[k + 1])
                guard people.contains(where: { isOther[Int(taggedPeople[$0])] }) else { continue }
                for t in Int(topicStarts[k])..<Int(topicStarts[k + 1]) { perTopic[Int(taggedTopics[t])] += 1 }
            }
            var out: [String: Int] = [:]
            for (t, n) in perTopic.enumerated() where n > 0 { out[topicNames[t]] = n }
            return out
        }
    }

    /// - Complexity: O(m · t) for m messages with t topics each (the tally, once).
    func figure() -> GraphFigure {
        let analysis = context.analysis
        let theme = context.theme
        let centre = context.principal
        let perTopic = tally.perTopic, topicTotals = tally.topicTotals, involvement = tally.involvement
        let counted = tally.counted
        let topics = analysis.lexicon.topics.filter { (topicTotals[$0.id] ?? 0) > 0 }
        let ranked = involvement.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
        let limit = max(2, peopleLimit ?? theme.graph.budget.nodes)
        let merging = ranked.count > limit
        let shown = merging ? Array(ranked.prefix(limit - 1)) : ranked
        let others = merging ? Set(ranked.dropFirst(limit - 1)) : []

        // Messages on each topic with at least one of the others (a message naming two counts
        // once), in one pass over the tagged messages for all topics.
        let withOthers = merging ? tally.withAnyOf(others) : [:]
        var counts: [[Int]] = []
        for topic in topics {
            var row = shown.map { perTopic[topic.id]?[$0] ?? 0 }
            if merging { row.append(withOthers[topic.id] ?? 0) }
            counts.append(row)
        }
        var columns = shown.map { context.shortName(of: $0) }
        if merging { columns.append("others (\(others.count))") }
        let table = HeatTable(rowLabels: topics.map { "\($0.label) (\(topicTotals[$0.id] ?? 0))" }, columnLabels: columns,
                              counts: counts, corner: "topic (messages)")

        var qualifiers: [String] = []
        if !context.filterDescription.isEmpty { qualifiers.append(context.filterDescription) }
        if merging { qualifiers.append("top \(shown.count) of \(ranked.count) correspondents") }
        let automatic = "Who wrote about what" + (qualifiers.isEmpty ? "" : " (" + qualifiers.joined(separator: "; ") + ")")
        let title = context.title(automatic: automatic)

        var dot = DOTWriter(name: "topics")
        dot.comment("Epistolary topics figure of \(analysis.corpus.sourceName); sha256 \(analysis.corpus.sourceHash)")
        let legend = FigureLegend(title: title, groups: [[FigureLegend.Entry(swatch: .none, text: "messages:")] + table.legendEntries(theme: theme)],
                                  notes: ["Each tile: messages on the topic written or received by the correspondent"
                                          + (centre.map { " (\(context.fullName(of: $0)), who takes part in " + Self.share(Self.messagesWith($0, in: analysis.messages, at: counted), of: counted.count) + ", has no column)" } ?? "")
                                          + ". A message may belong to several topics."
                                          + (Self.rowsExceedTheirTotals(counts, totals: topics.map { topicTotals[$0.id] ?? 0 })
                                             ? " A message with several correspondents counts in each of their columns, so a row may add up to more than its total."
                                             : "")])
        dot.graph(style.graphAttributes([("layout", "dot")]) + legend.graphAttributes(style: style))
        dot.nodeDefaults(style.nodeDefaults([("shape", "plain")]))
        dot.node("table", [("label", .html(table.html(style: style)))])

        var shows = "Topics of \(analysis.corpus.sourceName) (rows, with their message counts) against the correspondents "
            + "(columns): each tile gives the number of messages on the topic the correspondent wrote or received, shaded by class."
        if let centre {
            shows += " \(context.fullName(of: centre)) takes part in " + Self.share(Self.messagesWith(centre, in: analysis.messages, at: counted), of: counted.count)
                + " with a topic and has no column."
        }
        if merging { shows += " The \(shown.count) most involved of \(ranked.count) correspondents have a column; the other \(others.count) share one." }
        return GraphFigure(kind: .topics, title: title ?? automatic, shows: shows, dot: dot.text, engine: .dot,
                           context: context, drawn: DrawnMessages(analysis.messages, indices: counted.lazy.map { Int($0) }), inferredCount: 0)
    }

    /// Whether a row's tiles add up to more than the row's total: a message with several
    /// correspondents counts once in each of their columns, and the legend must say so, or a
    /// reader adding up a row finds more messages than the topic has.
    static func rowsExceedTheirTotals(_ counts: [[Int]], totals: [Int]) -> Bool {
        zip(counts, totals).contains { row, total in row.reduce(0, +) > total }
    }

    /// How many of the messages at `positions` of `messages` `person` wrote or received: what
    /// the figure says of the central person it gives no column (not "every exchange": a
    /// corpus's centre takes part in most, not all).
    ///
    /// - Complexity: O(m) for m positions.
    static func messagesWith(_ person: String, in messages: [Message], at positions: [Int32]) -> Int {
        positions.count { messages[Int($0)].sender == person || messages[Int($0)].recipients.contains(person) }
    }

    /// "all 249 messages", or "240 of the 249 messages".
    static func share(_ part: Int, of whole: Int) -> String {
        part == whole ? "all \(whole) messages" : "\(part) of the \(whole) messages"
    }
}
