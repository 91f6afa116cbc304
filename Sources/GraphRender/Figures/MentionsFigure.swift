import Analysis
import Correspondence
import Styling

/// People named together in the message bodies: a person is a node, a line joins two people named in the same messages, as wide as the number of
/// such messages. Only pairs named together in at least `minimumWeight` messages are drawn;
/// by default the smallest weight that keeps the figure to about twenty people, so it stays
/// legible at column width (the caption and title say which weight was used).
///
/// Layout: neato from a fixed seed (`start=1`) with `overlap=vpsc`, which removes overlaps
/// while keeping the figure compact. (`overlap=voronoi` is also compact but keeps state
/// between layouts in one process: the same graph laid out twice came out differently.)
struct MentionsFigure {
    let context: FigureContext
    let engine: LayoutEngine
    let minimumWeight: Int?

    /// Most people drawn when the weight is chosen automatically.
    static let legiblePeople = 20

    func figure() -> GraphFigure {
        let analysis = context.analysis
        let theme = context.theme
        let style = FigureStyle(theme: theme, wide: context.wide)
        let graph = analysis.mentions.restricted(to: .person)
        let threshold = minimumWeight ?? Self.automaticWeight(graph)
        let edges = graph.edges.filter { $0.weight >= threshold }
        var shown = Set<String>()
        for edge in edges { shown.insert(edge.a); shown.insert(edge.b) }
        let nodes = graph.nodes.filter { shown.contains($0.id) }
        let title = "People named together (in ≥ \(threshold) messages)" + (context.filterDescription.isEmpty ? "" : " (\(context.filterDescription))")

        var dot = DOTWriter(name: "mentions", directed: false)
        dot.comment("Epistolary mentions figure of \(analysis.corpus.sourceName); sha256 \(analysis.corpus.sourceHash)")
        dot.graph(style.graphAttributes([("layout", .text(engine.name)), ("start", "1"), ("mode", "major"), ("overlap", "vpsc"), ("sep", "+6"),
                                         ("splines", "true"), ("esep", "+2")])
                  + legend(title: title, threshold: threshold, heaviest: edges.map(\.weight).max() ?? threshold).graphAttributes(style: style))
        dot.nodeDefaults(style.nodeDefaults([("shape", "ellipse"), ("style", "filled"), ("margin", "0.02,0.01"),
                                             ("width", .number(0.3)), ("height", .number(0.2))]))
        dot.edgeDefaults(style.edgeDefaults())
        for node in nodes {
            // A correspondent of the run keeps their colour; anyone else is drawn in the theme's `other` colour.
            let color = context.people.contains(node.id) ? context.people[node.id].color : context.people.other.color
            let entity = analysis.mentionTable.entities.first { $0.id == node.id }
            let label = FigureContext.shortForm(name: node.name, aliases: entity?.aliases ?? [])
            dot.node(node.id, [("label", .text(label)), ("fillcolor", .text(style.fill(color).hex)),
                               ("color", .text(color.hex)),
                               ("tooltip", .text("\(DisplayText.bounded(node.name)): named in \(node.messages) messages"))])
        }
        let heaviest = edges.map(\.weight).max() ?? 1
        for edge in edges {
            // Widths start at the threshold: the thinnest line drawn is the weakest pair shown.
            let width = style.penWidth(edge.weight - threshold + 1, maximum: heaviest - threshold + 1)
            dot.edge(edge.a, edge.b, [("penwidth", .number(width)), ("len", .number(0.6)),
                                      ("tooltip", .text("named together in \(edge.weight) messages"))])
        }
        let shows = "People named together in the bodies of the messages of \(analysis.corpus.sourceName): a line joins two "
            + "people named in at least \(threshold) of the same messages, wider for more; the outline of a person grows with "
            + "the messages naming them."
        let named = Set(edges.flatMap { edge in
            graph.byMessage.filter { $0.value.contains { $0.entity == edge.a } && $0.value.contains { $0.entity == edge.b } }.map(\.key)
        })
        return GraphFigure(kind: .mentions, title: title, shows: shows, dot: dot.text, engine: engine, context: context,
                           messages: analysis.messages.filter { named.contains($0.id) }, inferredCount: 0)
    }

    /// The smallest weight at which at most `legiblePeople` people have a line.
    static func automaticWeight(_ graph: MentionGraph) -> Int {
        let heaviest = graph.edges.map(\.weight).max() ?? 1
        for weight in 1...max(1, heaviest) {
            var people = Set<String>()
            for edge in graph.edges where edge.weight >= weight { people.insert(edge.a); people.insert(edge.b) }
            if people.count <= legiblePeople { return weight }
        }
        return heaviest
    }

    private func legend(title: String, threshold: Int, heaviest: Int) -> FigureLegend {
        let muted = context.theme.colors.muted
        return FigureLegend(title: title, groups: [[
            FigureLegend.Entry(swatch: .line(muted, style: "solid", heavy: false), text: "in \(threshold) messages"),
            FigureLegend.Entry(swatch: .line(muted, style: "solid", heavy: true), text: "in \(heaviest) messages"),
        ]], notes: ["A line joins two people named in the same messages. "
                    + "Correspondents in their colour, others grey."])
    }
}
