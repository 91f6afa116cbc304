import Foundation

/// The edge labels of a laid-out graph, read from Graphviz's JSON (`GraphvizEngine.layoutJSON`):
/// each placed label's box in points, from its position and the width Graphviz measured for
/// its text. Figures check that no two labels overlap (and move or drop the ones that do);
/// tests read the same boxes.
public struct LaidOutLabels: Sendable {
    /// Which of an edge's labels a box belongs to.
    public enum Kind: String, Sendable { case label, xlabel, headlabel, taillabel }

    /// One placed label.
    public struct Box: Sendable, Equatable {
        public var tail: String
        public var head: String
        /// The edge's attributes as Graphviz wrote them (style, arrowhead, ...), to tell apart
        /// two edges between the same people.
        public var attributes: [String: String]
        public var kind: Kind
        public var text: String
        public var minX, minY, maxX, maxY: Double
        /// For a label, the index into `strokes` of its own edge (nil when it drew none).
        public var edge: Int? = nil

        public func overlaps(_ other: Box) -> Bool {
            minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
        }
    }

    /// Every placed edge label.
    public var boxes: [Box]
    /// Every node's box (its drawn outline's bounding box: for a `plain` node, its label),
    /// with the node's attributes (its `shape`).
    public var nodes: [Box] = []
    /// Every edge's ink, in Graphviz's order.
    public var strokes: [LaidOutStroke] = []
    /// Edges that ask for an external label (`xlabel`) Graphviz did not place (with
    /// `forcelabels=false` it leaves out any that would overlap).
    public var unplaced: [Box]

    /// Reads Graphviz's JSON of a laid-out graph.
    public init(json: Data) throws {
        guard let root = try JSONSerialization.jsonObject(with: json) as? [String: Any] else {
            throw GraphvizError(.render, messages: ["Graphviz's JSON is not an object"])
        }
        var names: [Int: String] = [:]
        var nodes: [Box] = []
        for object in root["objects"] as? [[String: Any]] ?? [] {
            guard let id = object["_gvid"] as? Int, let name = object["name"] as? String else { continue }
            names[id] = name
            // Nodes have a position and a size in inches; clusters and subgraphs do not.
            guard let pos = object["pos"] as? String, let width = (object["width"] as? String).flatMap(Double.init),
                  let height = (object["height"] as? String).flatMap(Double.init) else { continue }
            let parts = pos.split(separator: ",").compactMap { Double($0) }
            guard parts.count == 2 else { continue }
            var attributes: [String: String] = [:]
            for (key, value) in object { if let text = value as? String { attributes[key] = text } }
            nodes.append(Box(tail: name, head: name, attributes: attributes, kind: .label, text: name,
                             minX: parts[0] - width * 36, minY: parts[1] - height * 36, maxX: parts[0] + width * 36, maxY: parts[1] + height * 36))
        }
        self.nodes = nodes
        var boxes: [Box] = []
        var unplaced: [Box] = []
        var strokes: [LaidOutStroke] = []
        for edge in root["edges"] as? [[String: Any]] ?? [] {
            let tail = (edge["tail"] as? Int).flatMap { names[$0] } ?? ""
            let head = (edge["head"] as? Int).flatMap { names[$0] } ?? ""
            var attributes: [String: String] = [:]
            for (key, value) in edge { if let text = value as? String { attributes[key] = text } }
            var strokeIndex: Int?
            if let stroke = LaidOutStroke(tail: tail, head: head, attributes: attributes) {
                strokeIndex = strokes.count
                strokes.append(stroke)
            }
            let kinds: [(Kind, String, String, String)] = [(.label, "label", "lp", "_ldraw_"), (.xlabel, "xlabel", "xlp", "_xldraw_"),
                                                           (.headlabel, "headlabel", "head_lp", "_hldraw_"),
                                                           (.taillabel, "taillabel", "tail_lp", "_tldraw_")]
            for (kind, attribute, position, drawing) in kinds {
                guard let asked = attributes[attribute], !asked.isEmpty else { continue }
                guard let pos = attributes[position] else {
                    unplaced.append(Box(tail: tail, head: head, attributes: attributes, kind: kind, text: asked, minX: 0, minY: 0, maxX: 0, maxY: 0))
                    continue
                }
                let parts = pos.split(separator: ",").compactMap { Double($0) }
                guard parts.count == 2 else { continue }
                let operations = edge[drawing] as? [[String: Any]] ?? []
                let texts = operations.filter { $0["op"] as? String == "T" }
                let size = operations.last { $0["op"] as? String == "F" }.flatMap { $0["size"] as? Double } ?? 8
                let width = texts.compactMap { $0["width"] as? Double }.max() ?? size
                let lines = Double(max(1, texts.count))
                let text = texts.compactMap { $0["text"] as? String }.joined(separator: " ")
                // A label's box: its measured width and an em (the font size) per line, about its centre.
                boxes.append(Box(tail: tail, head: head, attributes: attributes, kind: kind, text: text,
                                 minX: parts[0] - width / 2, minY: parts[1] - 0.5 * size * lines,
                                 maxX: parts[0] + width / 2, maxY: parts[1] + 0.5 * size * lines, edge: strokeIndex))
            }
        }
        self.boxes = boxes
        self.unplaced = unplaced
        self.strokes = strokes
    }

    /// Indices into `boxes` of the labels that overlap a node or an earlier label, or come
    /// within `labelGap` of another edge's ink: the ones that must move for every label to
    /// stand apart and to be read as its own arrow's.
    public var overlapping: [Int] {
        let crossing = Set(crossings().map(\.label))
        var result: [Int] = []
        for i in boxes.indices where crossing.contains(i) || nodes.contains(where: { $0.overlaps(boxes[i]) })
            || boxes[..<i].contains(where: { $0.overlaps(boxes[i]) }) {
            result.append(i)
        }
        return result
    }

    /// The least gap, in points, a label keeps from the ink of an edge that is not its own.
    public static let labelGap = 0.5

    /// Labels (indices into `boxes`) closer than `gap` to the ink of another edge (indices into
    /// `strokes`), with the gap found (negative: the ink runs over the label).
    ///
    /// - Complexity: O(labels × edge pieces).
    public func crossings(gap: Double = labelGap) -> [(label: Int, stroke: Int, gap: Double)] {
        var result: [(label: Int, stroke: Int, gap: Double)] = []
        for (i, box) in boxes.enumerated() {
            let outline = LaidOutStroke.box(minX: box.minX, minY: box.minY, maxX: box.maxX, maxY: box.maxY)
            for (j, stroke) in strokes.enumerated() where j != box.edge && stroke.mayReach(outline, gap: gap) {
                let found = stroke.clearance(to: outline)
                if found < gap { result.append((i, j, found)) }
            }
        }
        return result
    }

    /// The outline of node `index` as drawn: an ellipse for the ellipse shapes, else its box.
    public func outline(ofNode index: Int) -> [LaidOutStroke.Point] {
        let node = nodes[index]
        switch node.attributes["shape"] ?? "ellipse" {
        case "ellipse", "oval", "circle", "doublecircle", "point":
            return LaidOutStroke.ellipse(x: (node.minX + node.maxX) / 2, y: (node.minY + node.maxY) / 2,
                                         rx: (node.maxX - node.minX) / 2, ry: (node.maxY - node.minY) / 2)
        default:
            return LaidOutStroke.box(minX: node.minX, minY: node.minY, maxX: node.maxX, maxY: node.maxY)
        }
    }

    /// Edges (indices into `strokes`) whose ink comes within `margin` points of the outline
    /// (and its pen) of a node (index into `nodes`) they do not join, with the gap found.
    ///
    /// - Complexity: O(edge pieces × nodes near each edge).
    public func grazes(margin: Double) -> [(stroke: Int, node: Int, gap: Double)] {
        var result: [(stroke: Int, node: Int, gap: Double)] = []
        let outlines = nodes.indices.map { outline(ofNode: $0) }
        for (j, stroke) in strokes.enumerated() {
            let reach = (stroke.segments.map(\.halfWidth).max() ?? 0) + margin + 1
            let xs = stroke.segments.flatMap { [$0.a.x, $0.b.x] }, ys = stroke.segments.flatMap { [$0.a.y, $0.b.y] }
            guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() else { continue }
            for (k, node) in nodes.enumerated() where node.tail != stroke.tail && node.tail != stroke.head {
                guard node.maxX > minX - reach, node.minX < maxX + reach, node.maxY > minY - reach, node.minY < maxY + reach else { continue }
                let pen = (Double(node.attributes["penwidth"] ?? "") ?? 1) / 2
                let gap = stroke.clearance(to: outlines[k]) - pen
                if gap < margin { result.append((j, k, gap)) }
            }
        }
        return result
    }

    /// Pairs of boxes (indices into `boxes`) that overlap.
    public var overlaps: [(Int, Int)] {
        var pairs: [(Int, Int)] = []
        for i in boxes.indices {
            for j in boxes.indices where j > i && boxes[i].overlaps(boxes[j]) { pairs.append((i, j)) }
        }
        return pairs
    }
}
