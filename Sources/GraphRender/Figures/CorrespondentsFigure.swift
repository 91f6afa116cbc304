import Analysis
import Correspondence
import Styling

/// Who wrote to whom. People are boxes sized by the messages they wrote and received, labelled
/// with those counts; an arrow runs from writer to addressee, as wide as the messages on it
/// and labelled with their number. Incoming messages the corpus lacks, known only because a
/// message cites them, are drawn apart as dashed arrows with their own count.
///
/// A large network is not legible at column width (and `dot` takes minutes on hundreds of
/// labelled edges: 9 minutes for the 972 pairs of a synthetic 5,000-message corpus): only
/// pairs exchanging at least `minimumWeight` messages (corpus and inferred together) are
/// drawn, by default the smallest weight that keeps at most `legibleEdges` pairs; the title
/// says so whenever pairs are left out.
struct CorrespondentsFigure {
    let context: FigureContext
    let engine: LayoutEngine
    let minimumWeight: Int?

    /// Most writer → addressee pairs drawn when the weight is chosen automatically.
    static let legibleEdges = 30

    /// The smallest weight at which at most `legibleEdges` pairs remain.
    static func automaticWeight(_ graph: CorrespondentGraph) -> Int {
        let weights = graph.edges.map { $0.count + $0.inferredCount }
        for weight in 1...max(1, weights.max() ?? 1) where weights.filter({ $0 >= weight }).count <= legibleEdges {
            return weight
        }
        return weights.max() ?? 1
    }

    func figure() -> GraphFigure {
        let analysis = context.analysis
        let full = analysis.correspondents
        let threshold = minimumWeight ?? Self.automaticWeight(full)
        let keptEdges = full.edges.filter { $0.count + $0.inferredCount >= threshold }
        let keptPeople = Set(keptEdges.flatMap { [$0.from, $0.to] })
        let graph = CorrespondentGraph(nodes: full.nodes.filter { keptPeople.contains($0.id) || keptEdges.isEmpty }, edges: keptEdges)
        let style = FigureStyle(theme: context.theme, wide: context.wide)
        let theme = context.theme
        var qualifiers: [String] = []
        if !context.filterDescription.isEmpty { qualifiers.append(context.filterDescription) }
        if keptEdges.count < full.edges.count { qualifiers.append("pairs with ≥ \(threshold) messages") }
        let title = "Who wrote to whom" + (qualifiers.isEmpty ? "" : " (" + qualifiers.joined(separator: "; ") + ")")

        var dot = DOTWriter(name: "correspondents")
        dot.comment("Epistolary correspondents figure of \(analysis.corpus.sourceName); sha256 \(analysis.corpus.sourceHash)")
        dot.graph(style.graphAttributes([
            ("layout", .text(engine.name)),
            ("rankdir", .text(theme.graph.rankdir)),
            ("ranksep", .number(min(theme.graph.ranksepIn, 0.45))),
            ("nodesep", .number(max(0.08, theme.graph.nodesepIn * 0.5))),
            ("splines", .text(theme.graph.splines)),
        ]) + legend(title: title).graphAttributes(style: style))
        dot.nodeDefaults(style.nodeDefaults([("shape", .text(theme.graph.node.shape)), ("style", .text(style.nodeStyle)),
                                             ("margin", .number(theme.graph.node.marginIn))]))
        dot.edgeDefaults(style.edgeDefaults())

        let volume = { (node: CorrespondentGraph.Node) in node.sent + node.received }
        let largest = graph.nodes.map(volume).max() ?? 1
        let node = theme.graph.node
        for person in graph.nodes {
            let share = largest > 0 ? (Double(volume(person)) / Double(largest)).squareRoot() : 0
            var lines = [DisplayText.bounded(person.name), "\(person.sent) sent, \(person.received) received"]
            let inferred = person.inferredSent + person.inferredReceived
            if inferred > 0 { lines.append("+\(inferred) inferred") }
            dot.node(person.id, [
                ("label", .text(lines.joined(separator: "\n"))),
                ("fillcolor", .text(style.fill(context.people[person.id].color).hex)),
                // Area grows with messages, up to the theme's widest node less a quarter, leaving the
                // column room for the arrows and their counts.
                ("width", .number(node.minWidthIn + (node.maxWidthIn * 0.75 - node.minWidthIn) * share)),
                ("height", .number(node.minHeightIn * (1 + share))),
                ("tooltip", .text(DisplayText.bounded(person.role.isEmpty ? person.name : person.name + ", " + person.role))),
            ])
        }
        let heaviest = graph.edges.map { max($0.count, $0.inferredCount) }.max() ?? 1
        for edge in graph.edges {
            let color = theme.graph.edge.colorBySender ? context.people[edge.from].color : theme.graph.edge.color
            if edge.count > 0 {
                var attributes: DOTAttributes = [("color", .text(color.hex)), ("penwidth", .number(style.penWidth(edge.count, maximum: heaviest)))]
                if theme.graph.edge.labelCounts { attributes.append(("label", .text("\(edge.count)"))) }
                dot.edge(edge.from, edge.to, attributes)
            }
            if edge.inferredCount > 0 {
                var attributes: DOTAttributes = [("color", .text(theme.graph.inferred.color.hex)), ("style", .text(theme.graph.inferred.style)),
                                                 ("penwidth", .number(style.penWidth(edge.inferredCount, maximum: heaviest)))]
                if theme.graph.edge.labelCounts { attributes.append(("label", .text("\(edge.inferredCount)"))) }
                dot.edge(edge.from, edge.to, attributes)
            }
        }
        var shows = "Correspondents of \(analysis.corpus.sourceName) as boxes sized by messages written and received; "
            + "arrows from writer to addressee, width and label by message count; dashed arrows count incoming messages "
            + "known only from citations (inferred)."
        if keptEdges.count < full.edges.count {
            shows += " Only the \(keptEdges.count) of \(full.edges.count) writer-addressee pairs with at least \(threshold) messages are drawn"
                + " (\(graph.nodes.count) of \(full.nodes.count) people)."
        }
        return GraphFigure(kind: .correspondents, title: title, shows: shows, dot: dot.text,
                           engine: engine, context: context,
                           messages: analysis.messages, inferredCount: analysis.inferred.count)
    }

    private func legend(title: String) -> FigureLegend {
        let theme = context.theme
        let lines = [
            FigureLegend.Entry(swatch: .line(theme.graph.edge.color, style: "solid", heavy: false), text: "messages in the corpus"),
            FigureLegend.Entry(swatch: .line(theme.graph.inferred.color, style: theme.graph.inferred.style, heavy: false),
                               text: "inferred from citations"),
        ]
        let notes = ["Arrows run from writer to addressee in the writer’s colour; width and label give the number of messages. "
                     + "Box size grows with messages written and received."]
        return FigureLegend(title: title, groups: [lines], notes: notes)
    }
}
