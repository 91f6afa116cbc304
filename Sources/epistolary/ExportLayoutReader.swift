import Foundation
import Analysis
import Correspondence
import Export
import GraphRender
import Styling

/// Wires a figure's Graphviz layout into an export (DESIGN: an exporter never lays out a
/// figure, so the command line lays the figure out and hands the exporter plain values).
enum ExportLayoutReader {
    /// The figure that draws the graph of `kind`, with every pair (weight 1) so that every
    /// node the export holds can be placed.
    static func figureKind(for kind: ExportGraphKind) -> GraphFigureKind {
        switch kind {
        case .correspondents: return .correspondents
        case .replies: return .replies
        case .mentions: return .mentions
        }
    }

    /// Lays out the figure of `kind` for `context` and reads its drawing back. The figure is
    /// built to hold every node of the export: every pair drawn (weight 1), and the replies
    /// figure without its budget (it otherwise draws only its busiest period).
    static func layout(_ kind: ExportGraphKind, context: FigureContext, graph: ExportGraph) throws -> ExportLayout {
        try drawing(kind, context: context).layout(for: graph)
    }

    /// The figure of `kind` laid out and read back, before it is fitted to an export's graph.
    struct Drawing {
        var parsed: ParsedGraph
        var marks: [String: String]
        var source: String

        /// The drawing as an `ExportLayout` of `graph` (`exportLayout`).
        /// - Complexity: O(nodes + edges) of the figure and the graph.
        func layout(for graph: ExportGraph) -> ExportLayout {
            ExportLayoutReader.exportLayout(parsed, marks: marks, for: graph, source: source)
        }
    }

    /// Lays out the figure of `kind` for `context` (as `layout` does) without the export's
    /// graph: the gallery lays the figure out first and builds the graph after, so that the
    /// figure's working set (a mark for each of 500,000 messages) and the graph are not held
    /// at once.
    /// - Complexity: that of building the figure (O(n log n) in messages for replies).
    static func drawing(_ kind: ExportGraphKind, context: FigureContext) throws -> Drawing {
        let figureKind = figureKind(for: kind)
        var whole = context
        whole.theme.graph.replies.marks = Int.max
        whole.theme.graph.replies.lanes = Int.max
        let figure = try GraphFigure.build(figureKind, context: whole, minimumWeight: figureKind == .replies ? nil : 1)
        return Drawing(parsed: try figure.layout(), marks: figure.marks,
                       source: "Graphviz \(figure.engine.name) layout of the \(figureKind.rawValue) figure")
    }

    /// Converts a laid-out graph into an `ExportLayout` for the nodes and edges of `graph`.
    /// Nodes the figure leaves out (below its threshold, places in the mentions figure) are
    /// put in rows under the drawing, in the graph's order, marked `inFigure: false`: a file
    /// whose nodes all sit at the origin would be a pile, not a drawing.
    /// - Complexity: O(nodes + edges) of the figure and the graph.
    ///
    /// Messages the figure draws as one counted mark (`marks`) are set in a grid filling that
    /// mark, in its colours, so that none is stacked on another.
    static func exportLayout(_ parsed: ParsedGraph, marks: [String: String] = [:], for graph: ExportGraph, source: String) -> ExportLayout {
        let box = numbers(parsed.attributes["bb"] ?? "")
        let width = box.count == 4 ? box[2] - box[0] : 0
        var height = box.count == 4 ? box[3] - box[1] : 0
        let originX = box.count == 4 ? box[0] : 0, originY = box.count == 4 ? box[1] : 0
        let black = ExportLayout.Color(red: 0, green: 0, blue: 0)
        let grey = ExportLayout.Color(red: 191, green: 191, blue: 191)
        var placed: [String: ExportLayout.Node] = [:]
        for node in parsed.nodes {
            let position = numbers(node.attributes["pos"] ?? "")
            guard position.count >= 2 else { continue }
            let fill = firstColor(node.attributes["fillcolor"]) ?? firstColor(node.attributes["color"]) ?? grey
            // Graphviz fills a shape only with style=filled, and draws plain shapes as their label.
            let shape = (node.attributes["shape"] ?? "").lowercased()
            let filled = (node.attributes["style"] ?? "").lowercased().contains("filled")
            placed[node.name] = ExportLayout.Node(
                x: position[0] - originX, y: position[1] - originY,
                width: (Double(node.attributes["width"] ?? "") ?? 0.5) * 72,
                height: (Double(node.attributes["height"] ?? "") ?? 0.3) * 72,
                fill: fill, stroke: firstColor(node.attributes["color"]) ?? black,
                filled: filled, outlined: !["plain", "plaintext", "none"].contains(shape),
                text: firstColor(node.attributes["fontcolor"]) ?? black)
        }
        // By the graph's node positions (ids read alone: a graph whose nodes are made when read
        // does not make them here), not a dictionary of every id.
        let ids = graph.nodes
        var nodes: [ExportLayout.Node?] = ids.indices.map { placed[ids.id(at: $0)] }
        // The members of each counted mark, by position in the graph's order.
        var members: [String: [Int]] = [:]
        for index in ids.indices where nodes[index] == nil {
            if let mark = marks[ids.id(at: index)], placed[mark] != nil { members[mark, default: []].append(index) }
        }
        for (mark, positions) in members {
            guard let centre = placed[mark] else { continue }
            // A square grid inside the mark's own box: marks do not overlap one another, so
            // neither do their members.
            let side = Int(Double(positions.count).squareRoot().rounded(.up))
            let cell = centre.size / Double(side)
            for (index, position) in positions.enumerated() {
                let row = index / side, column = index % side
                nodes[position] = ExportLayout.Node(x: centre.x + (Double(column) - Double(side - 1) / 2) * cell,
                                                    y: centre.y - (Double(row) - Double(side - 1) / 2) * cell,
                                                    width: cell * 0.85, height: cell * 0.85, fill: centre.fill, stroke: centre.stroke,
                                                    filled: centre.filled, outlined: centre.outlined, text: centre.text)
            }
        }
        let missing = nodes.indices.filter { nodes[$0] == nil }
        if !missing.isEmpty {
            // Rows of cells under the drawing, as wide as the drawing (at least 6 cells).
            let cell = 72.0, gap = 36.0
            let perRow = max(6, Int(width / cell))
            let rows = (missing.count + perRow - 1) / perRow
            let shift = Double(rows) * cell + gap
            for position in nodes.indices { nodes[position]?.y += shift }
            for (index, position) in missing.enumerated() {
                let row = index / perRow, column = index % perRow
                nodes[position] = ExportLayout.Node(x: cell / 2 + Double(column) * cell, y: shift - gap - cell / 2 - Double(row) * cell,
                                                    width: 54, height: 22, fill: grey, stroke: black, inFigure: false)
            }
            height += shift
        }
        var edges: [String: ExportLayout.Edge] = [:]
        for edge in parsed.edges {
            let key = ExportLayout.edgeKey(source: edge.tail, target: edge.head)
            guard edges[key] == nil, edge.attributes["style"] != "invis" else { continue }
            edges[key] = ExportLayout.Edge(color: firstColor(edge.attributes["color"]) ?? black,
                                           width: Double(edge.attributes["penwidth"] ?? "") ?? 1)
        }
        return ExportLayout(nodesInOrder: nodes.map { $0! }, edges: edges, width: width, height: height, source: source)
    }

    /// Numbers in a Graphviz point or box ("12.5,30", "0,0,400,300"); a trailing "!" is ignored.
    static func numbers(_ text: String) -> [Double] {
        text.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: CharacterSet(charactersIn: "! "))) }
    }

    /// The first colour of a Graphviz colour list ("#aabbcc", "#aabbccdd:#..."), if it is hex.
    static func firstColor(_ text: String?) -> ExportLayout.Color? {
        guard let text, let first = text.split(separator: ":").first?.split(separator: ";").first else { return nil }
        return ExportLayout.Color(hex: String(first))
    }
}
