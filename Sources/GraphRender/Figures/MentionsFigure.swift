import Foundation
import Analysis
import Correspondence
import Styling

/// People named together in the message bodies: a person is a node, a line joins two people named in the same messages, as wide as the number of
/// such messages. Only pairs named together in at least `minimumWeight` messages are drawn;
/// by default the smallest weight that keeps the figure to about twenty people, so it stays
/// legible at column width (the caption and title say which weight was used).
///
/// Layout: neato from a fixed seed (`start=1`) with `overlap=vpsc`, which removes overlaps
/// while keeping the figure compact, and lines routed around the people with a margin as wide
/// as the widest line (`routingMargin`, checked by `separatingLines`). (`overlap=voronoi` is also compact but keeps state
/// between layouts in one process: the same graph laid out twice came out differently.)
struct MentionsFigure {
    let context: FigureContext
    let engine: LayoutEngine
    let minimumWeight: Int?
    /// Most people drawn (the figure raises the weight until no more have a line).
    var peopleLimit: Int? = nil
    var style: FigureStyle
    /// The people's nodes and edges of the mentions graph (`MentionGraph.restricted`, without
    /// the messages' lists: `drawnMessages` reads those from the analysis), when the caller has
    /// made it once for every people limit it tries.
    var people: MentionGraph? = nil
    /// Points of routing margin around nodes on top of `routingMargin` (`separatingLines`
    /// raises it when a line still passes too near a person).
    var extraMargin = 0
    /// Where each person stands when a first layout placed them (`separatingLines`): then each
    /// is pinned there (`pos` with `!`, in points) and the layout only routes the lines again,
    /// with a wider margin. (Layout `nop` would do the same, but its routing differs by
    /// hundredths of a point from one run to the next within a process.)
    var pinned: [String: LaidOutStroke.Point]? = nil
    /// The messages naming a drawn pair (`drawnMessages()`), counted for the caption, when
    /// `separatingLines` has found them once for all the layouts it tries: they depend only on
    /// the pairs drawn, which a wider margin does not change, and finding them is a pass over
    /// every message.
    var namedMessages: DrawnMessages? = nil
    /// The pairs drawn (`drawnPairs()`), when `separatingLines` has chosen them once for all the
    /// layouts it tries (choosing the weight is a pass over the pairs per weight tried).
    private var chosenPairs: (graph: MentionGraph, threshold: Int, edges: [MentionGraph.Edge])? = nil

    init(context: FigureContext, engine: LayoutEngine, minimumWeight: Int?, peopleLimit: Int? = nil) {
        self.context = context
        self.engine = engine
        self.minimumWeight = minimumWeight
        self.peopleLimit = peopleLimit
        style = FigureStyle(context: context)
    }

    /// The node shape of a correspondent (legend: a box); people only named are ellipses (a disc).
    static let correspondentShape = "box"

    /// Most people drawn when the weight is chosen automatically.
    static let legiblePeople = 20

    /// The mention graph of people, the weight a pair needs to be drawn, and the pairs drawn.
    private func drawnPairs() -> (graph: MentionGraph, threshold: Int, edges: [MentionGraph.Edge]) {
        if let chosenPairs { return chosenPairs }
        let graph = people ?? context.analysis.mentions.restricted(to: .person, withMessages: false)
        let limit = peopleLimit ?? Self.legiblePeople
        // The weight keeps at most `limit` people; an author's --min-weight may only raise it.
        let threshold = max(minimumWeight ?? 1, Self.automaticWeight(graph, people: limit))
        return (graph, threshold, graph.edges.filter { $0.weight >= threshold })
    }

    /// The messages that name both people of a drawn pair, counted for the caption.
    /// - Complexity: O(Σ k²) for k people named in each message, plus a pass over the messages
    ///   (each read in place, none copied).
    ///   Made once per threshold for all figures sharing `context.parts` (the pairs drawn at a
    ///   threshold are those of the analysis's people, wherever the figure is drawn).
    func drawnMessages() -> DrawnMessages {
        let (_, threshold, edges) = drawnPairs()
        let find = {
            // Each message's mentions from the analysis's whole graph: the pairs drawn are of
            // people only, so the other names a message has are passed over (`graph` holds no lists).
            let named = Self.messagesNaming(edges, in: context.analysis.mentions)
            let messages = context.analysis.messages
            return DrawnMessages(messages, indices: messages.indices.lazy.filter { named.contains(messages[$0].id) })
        }
        return context.parts?.mentionMessages(threshold: threshold, find) ?? find()
    }

    /// The figure's DOT and caption, laid out by Graphviz later.
    /// - Complexity: O(edges + nodes) of the mention graph, plus one pass over the messages
    ///   (`drawnMessages`) unless `namedMessages` holds them already.
    func figure() -> GraphFigure {
        let analysis = context.analysis
        let theme = context.theme
        let (graph, threshold, edges) = drawnPairs()
        var shown = Set<String>()
        for edge in edges { shown.insert(edge.a); shown.insert(edge.b) }
        let nodes = graph.nodes.filter { shown.contains($0.id) }
        var qualifiers = ["in ≥ \(threshold) messages"]
        if !context.filterDescription.isEmpty { qualifiers.append(context.filterDescription) }
        let automatic = "People named together (" + qualifiers.joined(separator: "; ") + ")"
        let title = context.title(automatic: automatic)
        // Only correspondents (people who wrote or received a message of the corpus) with a colour
        // of their own are coloured; everyone named in the text but not a correspondent is grey.
        let correspondents = Set(analysis.correspondents.nodes.filter { $0.sent + $0.received > 0 }.map(\.id))
        let coloured = nodes.filter { correspondents.contains($0.id) && context.people.contains($0.id) }.map(\.id)
        let heaviest = edges.map(\.weight).max() ?? threshold
        let classes = style.lineClasses(maximum: heaviest - threshold + 1)

        var dot = DOTWriter(name: "mentions", directed: false)
        dot.comment("Epistolary mentions figure of \(analysis.corpus.sourceName); sha256 \(analysis.corpus.sourceHash)")
        let routing = Self.routingMargin(widestPen: classes.map(\.widthPt).max() ?? 1) + extraMargin
        // Placed people stay put: no overlap removal (it would move them by `sep` again).
        let placing: DOTAttributes = pinned == nil ? [("overlap", "vpsc"), ("sep", .text("+\(routing + 2)"))]
            : [("overlap", "true"), ("inputscale", .number(72))]
        // Pinned people are routed around by neato, whichever layout placed them.
        let layout = pinned == nil ? engine : LayoutEngine.neato
        dot.graph(style.graphAttributes([("layout", .text(layout.name)), ("start", "1"), ("mode", "major")] + placing
                                        + [("splines", "true"), ("esep", .text("+\(routing)"))])
                  + legend(title: title, threshold: threshold, classes: classes, coloured: coloured).graphAttributes(style: style))
        dot.nodeDefaults(style.nodeDefaults([("shape", "ellipse"), ("style", "filled"), ("margin", "0.02,0.01"),
                                             ("width", .number(0.3)), ("height", .number(0.2))]))
        dot.edgeDefaults(style.edgeDefaults([("color", .text(theme.colors.muted.hex))]))
        let other = context.people.other.color
        for node in nodes {
            let isColoured = coloured.contains(node.id)
            let color = isColoured ? context.people[node.id].color : other
            // A correspondent's short label is the one rule's (`FigureContext.shortName`); a
            // person only named in the text is labelled by the same rule from the name.
            let label = analysis.corpus.people[node.id] != nil || context.settings.labels[node.id] != nil
                ? context.shortName(of: node.id)
                : DisplayText.bounded(Person(id: node.id, name: node.name, refs: []).shortLabel)
            var shape: DOTAttributes = []
            // Correspondents are boxes, people only named are ellipses: told apart by shape as well as colour.
            if isColoured { shape = [("shape", .text(Self.correspondentShape)), ("style", "rounded,filled")] }
            if let at = pinned?[node.id] { shape.append(("pos", .text(DOTWriter.number(at.x) + "," + DOTWriter.number(at.y) + "!"))) }
            dot.node(node.id, shape + [("label", .text(label)), ("fillcolor", .text(style.fill(color).hex)),
                               ("color", .text(isColoured ? color.hex : theme.graph.node.pen.hex)),
                               ("tooltip", .tooltip("\(DisplayText.bounded(node.name)): named in \(node.messages) messages"))])
        }
        for edge in edges {
            // Widths start at the threshold: the thinnest class begins at the weakest pair shown.
            let width = FigureStyle.lineWidth(edge.weight - threshold + 1, classes: classes)
            dot.edge(edge.a, edge.b, [("penwidth", .number(Double(width))), ("len", .number(0.6)),
                                      ("tooltip", .tooltip("named together in \(edge.weight) messages"))])
        }
        var shows = "People named together in the bodies of the messages of \(analysis.corpus.sourceName): a line joins two "
            + "people named in at least \(threshold) of the same messages, wider for more (by class)."
        shows += coloured.isEmpty ? " All are drawn grey." : " Correspondents of the corpus are drawn in their colour; people who are only named are grey."
        var figure = GraphFigure(kind: .mentions, title: title ?? automatic, shows: shows, dot: dot.text, engine: layout, context: context,
                                 drawn: namedMessages ?? drawnMessages(), inferredCount: 0)
        if pinned != nil {
            figure.caption.renderer = "Graphviz \(GraphvizEngine.shared.version), \(engine.name) layout, lines routed again around the placed people by neato"
        }
        return figure
    }

    /// The least gap, in points, between a line's ink and the outline of a person it does not
    /// join (a visible strip of paper at print size).
    static let clearance = 0.5

    /// The margin neato keeps around every node, in whole points, both when it removes
    /// overlaps (`sep`) and when it routes the lines (`esep`): the widest pen and 2 points.
    /// Neato routes lines of no width around nodes grown by `esep`, so with its `+2` of before
    /// a 4-point line passed over the people beside it.
    static func routingMargin(widestPen: Int) -> Int { widestPen + 2 }

    /// The figure with every line at least `clearance` points from every person it does not
    /// join, checked in Graphviz's layout (`LaidOutLabels.grazes`). Laid out once; while a line
    /// passes too near, the people stay where that layout put them and Graphviz routes the
    /// lines again with a margin a point wider (at most six times: once neighbours' margins
    /// touch, Graphviz draws straight lines). Spreading the people first would make every
    /// figure wider, and the column then has room for fewer of them, so only when no routing
    /// around the positions works are the people placed 6 points further apart (twice at
    /// most). If a line still passes too near, the drawing with fewest such lines is kept and
    /// the caption says how many.
    ///
    /// - Complexity: at most 21 layouts of a figure within its budget (18 of them routing only),
    ///   and one pass over the messages to find those naming the drawn pairs.
    func separatingLines() throws -> GraphFigure {
        var best: (figure: GraphFigure, near: Int)?
        var spread = self
        if spread.chosenPairs == nil { spread.chosenPairs = drawnPairs() }
        if spread.namedMessages == nil { spread.namedMessages = drawnMessages() }
        for _ in 0..<3 {
            let placed = spread.figure()
            let laidOut = try LaidOutLabels(json: GraphvizEngine.shared.layoutJSON(placed.dot, engine: placed.engine))
            let nearFirst = Set(laidOut.grazes(margin: Self.clearance).map(\.stroke)).count
            if nearFirst < best?.near ?? .max { best = (placed, nearFirst) }
            if nearFirst == 0 { return placed }
            var current = spread
            current.pinned = Dictionary(laidOut.nodes.map { ($0.tail, LaidOutStroke.Point(x: ($0.minX + $0.maxX) / 2, y: ($0.minY + $0.maxY) / 2)) },
                                        uniquingKeysWith: { a, _ in a })
            for _ in 0..<6 {
                current.extraMargin += 1
                let routed = current.figure()
                let again = try LaidOutLabels(json: GraphvizEngine.shared.layoutJSON(routed.dot, engine: routed.engine))
                let near = Set(again.grazes(margin: Self.clearance).map(\.stroke)).count
                if near < best?.near ?? .max { best = (routed, near) }
                if near == 0 { return routed }
            }
            // No routing around these positions: place the people further apart and try again.
            spread.extraMargin += 6
        }
        guard var kept = best?.figure, let near = best?.near else { return spread.figure() }
        kept.caption.shows += " \(near) line\(near == 1 ? " passes" : "s pass") within \(DOTWriter.number(Self.clearance)) pt of a person they do not join."
        return kept
    }

    /// The ids of the messages that name both people of any of `edges`.
    /// Only the names that have a line are kept of each message, in a buffer reused from one
    /// message to the next: a set and an array made for every message of 500,000 were most of
    /// this pass, and most messages name at most one person who has a line.
    /// - Complexity: O(Σ k²) for k people with a line named in each message (one pass over the
    ///   messages, each pair of them looked up), not O(edges × messages).
    static func messagesNaming(_ edges: [MentionGraph.Edge], in graph: MentionGraph) -> Set<String> {
        struct Pair: Hashable { let a: String; let b: String }
        let drawn = Set(edges.map { Pair(a: $0.a, b: $0.b) })
        guard !drawn.isEmpty else { return [] }
        let withLine = Set(edges.flatMap { [$0.a, $0.b] })
        var named = Set<String>()
        var people: [String] = []
        for (id, mentions) in graph.byMessage {
            people.removeAll(keepingCapacity: true)
            for mention in mentions where withLine.contains(mention.entity) { people.append(mention.entity) }
            guard people.count > 1 else { continue }
            // Each name once (a message may name one person many times).
            if people.count > 16 {
                people = Array(Set(people))
            } else {
                var distinct = 0
                for k in people.indices where !people[..<distinct].contains(people[k]) {
                    people.swapAt(distinct, k)
                    distinct += 1
                }
                people.removeLast(people.count - distinct)
            }
            search: for i in people.indices {
                for j in people.indices where j != i && drawn.contains(Pair(a: people[i], b: people[j])) {
                    named.insert(id)
                    break search
                }
            }
        }
        return named
    }

    /// The smallest weight at which at most `people` people have a line (the heaviest weight
    /// when even its pairs have more).
    ///
    /// The people of the pairs of each weight and above grow as the weight falls, so the pairs
    /// are read once, heaviest first, until there are too many people. Why: trying each weight
    /// from 1 up made the set again for each, and a large corpus's pairs weigh thousands (the
    /// weight for 20 people at 500,000 messages).
    /// - Complexity: O(e log e) for e pairs.
    static func automaticWeight(_ graph: MentionGraph, people limit: Int = legiblePeople) -> Int {
        let heaviest = max(1, graph.edges.map(\.weight).max() ?? 1)
        let edges = graph.edges.filter { $0.weight >= 1 }.sorted { $0.weight > $1.weight }
        var people = Set<String>()
        var k = 0
        while k < edges.count {
            let weight = edges[k].weight
            while k < edges.count, edges[k].weight == weight {
                people.insert(edges[k].a)
                people.insert(edges[k].b)
                k += 1
            }
            // Too many from this weight down: the next weight up is the smallest that keeps few enough.
            if people.count > limit { return min(weight + 1, heaviest) }
        }
        return 1
    }

    private func legend(title: String?, threshold: Int, classes: [FigureStyle.LineClass], coloured: [String]) -> FigureLegend {
        let theme = context.theme
        let muted = theme.colors.muted
        let lines = classes.map { c -> FigureLegend.Entry in
            let lower = c.lower + threshold - 1, upper = c.upper + threshold - 1
            return FigureLegend.Entry(swatch: .bar(muted, widthPt: c.widthPt, style: "solid"), text: lower == upper ? "\(lower)" : "\(lower)–\(upper)")
        }
        // One entry per fill: correspondents whose fills print alike (greyscale) share it, so
        // no two entries look the same.
        var fills: [(fill: RGBColor, names: [String])] = []
        for id in coloured {
            let fill = style.fill(context.people[id].color)
            if let i = fills.firstIndex(where: { $0.fill == fill }) { fills[i].names.append(context.shortName(of: id)) } else { fills.append((fill, [context.shortName(of: id)])) }
        }
        let people = fills.map { FigureLegend.Entry(swatch: .box($0.fill), text: $0.names.joined(separator: ", ")) }
            + [FigureLegend.Entry(swatch: .disc(style.fill(context.people.other.color)), text: coloured.isEmpty ? "people named" : "named, not a correspondent")]
        return FigureLegend(title: title, groups: [[FigureLegend.Entry(swatch: .none, text: "messages naming both:")] + lines, people],
                            notes: ["A line joins two people named in the same messages."])
    }
}
