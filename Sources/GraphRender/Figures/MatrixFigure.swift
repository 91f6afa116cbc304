import Analysis
import Correspondence
import Styling

/// Who wrote to whom as an adjacency matrix: a row per writer, a column per addressee (the
/// same people in the same order), each cell the corpus messages from the row's person to the
/// column's, shaded by class and labelled with the count. A message to several addressees
/// counts once in each of their columns, as on the arrows of the node-link figure.
///
/// Rows are ordered by activity (messages written and received) or by a clustering of who
/// writes to whom (`MatrixOrder`). Within budget: past the theme's `graph.budget.nodes` (or
/// fewer, to keep text at the floor) the least involved people are merged into one "others"
/// row and column. Columns are numbered, each number the row of the same person.
struct MatrixFigure {
    let context: FigureContext
    var peopleLimit: Int? = nil
    var order: MatrixOrder
    var style: FigureStyle

    init(context: FigureContext, peopleLimit: Int? = nil, order: MatrixOrder = .activity) {
        self.context = context
        self.peopleLimit = peopleLimit
        self.order = order
        style = FigureStyle(context: context)
    }

    /// The people (ids, `CorrespondentsFigure.othersID` last when merged) and the counts, row
    /// writer → column addressee, of the corpus messages.
    ///
    /// - Complexity: O(m log m) for m messages, plus O(n³) for clustering n ≤ budget people.
    func matrix() -> (people: [String], counts: [[Int]], merged: Int, total: Int) {
        let analysis = context.analysis
        let ranking = context.ranking
        let limit = max(2, peopleLimit ?? context.theme.graph.budget.nodes)
        let merging = ranking.count > limit
        let kept = merging ? Array(ranking.prefix(limit - 1)) : ranking
        let keep = Set(kept)
        let make = {
            merging
                ? CorrespondentGraph.aggregated(context.letterNumbers, people: analysis.corpus.people, keep: keep,
                                                othersID: CorrespondentsFigure.othersID, othersName: "others", withInferred: false)
                : CorrespondentGraph.build(context.letterNumbers, people: analysis.corpus.people, withInferred: false)
        }
        let graph = context.parts?.matrixGraph(limit: limit, make) ?? make()
        var people = kept
        if order == .cluster { people = Self.clustered(people, graph: graph) }
        if merging { people.append(CorrespondentsFigure.othersID) }
        let index = Dictionary(uniqueKeysWithValues: people.enumerated().map { ($1, $0) })
        var counts = Array(repeating: Array(repeating: 0, count: people.count), count: people.count)
        for edge in graph.edges {
            guard let r = index[edge.from], let c = index[edge.to] else { continue }
            counts[r][c] += edge.count
        }
        return (people, counts, merging ? ranking.count - kept.count : 0, ranking.count)
    }

    /// `people` in the leaf order of an average-linkage clustering, similarity being the
    /// messages exchanged (both ways) over the smaller of the two people's totals.
    static func clustered(_ people: [String], graph: CorrespondentGraph) -> [String] {
        guard people.count > 2 else { return people }
        let index = Dictionary(uniqueKeysWithValues: people.enumerated().map { ($1, $0) })
        let n = people.count
        var weight = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        var total = Array(repeating: 0.0, count: n)
        for edge in graph.edges {
            guard let a = index[edge.from], let b = index[edge.to], a != b else { continue }
            weight[a][b] += Double(edge.count)
            weight[b][a] += Double(edge.count)
            total[a] += Double(edge.count)
            total[b] += Double(edge.count)
        }
        func similarity(_ a: Int, _ b: Int) -> Double {
            let scale = min(total[a], total[b])
            return scale > 0 ? weight[a][b] / scale : 0
        }
        // Clusters as ordered leaf lists; merge the most similar pair (ties: earliest) until one is left.
        var clusters: [[Int]] = (0..<n).map { [$0] }
        while clusters.count > 1 {
            var best = (i: 0, j: 1, value: -1.0)
            for i in 0..<clusters.count {
                for j in (i + 1)..<clusters.count {
                    var sum = 0.0
                    for a in clusters[i] { for b in clusters[j] { sum += similarity(a, b) } }
                    let value = sum / Double(clusters[i].count * clusters[j].count)
                    if value > best.value { best = (i, j, value) }
                }
            }
            // Join so the closest ends meet (ties: as they stand).
            let left = clusters[best.i], right = clusters[best.j]
            let options: [([Int], Double)] = [
                (left + right, similarity(left.last!, right.first!)),
                (left + right.reversed(), similarity(left.last!, right.last!)),
                (left.reversed() + right, similarity(left.first!, right.first!)),
                (left.reversed() + right.reversed(), similarity(left.first!, right.last!)),
            ]
            var joined = options[0]
            for option in options.dropFirst() where option.1 > joined.1 { joined = option }
            clusters[best.i] = joined.0
            clusters.remove(at: best.j)
        }
        return clusters[0].map { people[$0] }
    }

    func figure() -> GraphFigure {
        let analysis = context.analysis
        let theme = context.theme
        let (people, counts, merged, total) = matrix()
        let names = people.map { $0 == CorrespondentsFigure.othersID ? "others (\(merged))" : context.shortName(of: $0) }
        let table = HeatTable(rowLabels: names.enumerated().map { "\($1) \($0 + 1)" }, columnLabels: people.indices.map { "\($0 + 1)" },
                              counts: counts, corner: "from \\ to")

        var qualifiers: [String] = []
        if !context.filterDescription.isEmpty { qualifiers.append(context.filterDescription) }
        if merged > 0 { qualifiers.append("top \(people.count - 1) of \(total) people") }
        let automatic = "Who wrote to whom, as a matrix" + (qualifiers.isEmpty ? "" : " (" + qualifiers.joined(separator: "; ") + ")")
        let title = context.title(automatic: automatic)
        let orderWords = order == .activity ? "by messages written and received, most first" : "by a clustering of who writes to whom"
        let legend = FigureLegend(title: title, groups: [[FigureLegend.Entry(swatch: .none, text: "messages:")] + table.legendEntries(theme: theme)],
                                  notes: ["Row: writer; column: addressee (numbered as the rows). People ordered \(orderWords)."])

        var dot = DOTWriter(name: "matrix")
        dot.comment("Epistolary matrix figure of \(analysis.corpus.sourceName); sha256 \(analysis.corpus.sourceHash)")
        dot.graph(style.graphAttributes([("layout", "dot")]) + legend.graphAttributes(style: style))
        dot.nodeDefaults(style.nodeDefaults([("shape", "plain")]))
        dot.node("matrix", [("label", .html(table.html(style: style)))])

        var shows = "Who wrote to whom in \(analysis.corpus.sourceName) as a matrix: each cell gives the messages from the row's "
            + "person to the column's, shaded by class; people ordered \(orderWords)."
        if merged > 0 { shows += " The \(people.count - 1) most involved of \(total) people have a row; the other \(merged) share the last." }
        return GraphFigure(kind: .matrix, title: title ?? automatic, shows: shows, dot: dot.text, engine: .dot,
                           context: context, drawn: context.everyMessageDrawn, inferredCount: 0)
    }
}
