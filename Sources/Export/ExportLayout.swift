/// The drawing of a graph figure, as plain values an export can carry: where each node sits,
/// its colour and size, and each edge's colour and width. The command line fills it from the
/// figure's Graphviz layout; the exporters only copy it into their format (DESIGN: an exporter
/// never lays out a figure), so Gephi, yEd and Cytoscape open the file looking like the figure.
///
/// Coordinates are Graphviz's points (1/72 inch), y growing upwards, the origin at the lower
/// left of the drawing; writers whose consumer grows y downwards flip it with `height`.
public struct ExportLayout: Sendable, Hashable {
    /// An sRGB colour as 0...255 components (what GEXF's viz:color and GraphML's r, g, b take).
    /// Held as three bytes (a node has three colours, and the replies drawing 600,000 nodes).
    public struct Color: Sendable, Hashable {
        private var r: UInt8
        private var g: UInt8
        private var b: UInt8

        public var red: Int { get { Int(r) } set { r = UInt8(min(max(newValue, 0), 255)) } }
        public var green: Int { get { Int(g) } set { g = UInt8(min(max(newValue, 0), 255)) } }
        public var blue: Int { get { Int(b) } set { b = UInt8(min(max(newValue, 0), 255)) } }

        public init(red: Int, green: Int, blue: Int) {
            r = UInt8(min(max(red, 0), 255))
            g = UInt8(min(max(green, 0), 255))
            b = UInt8(min(max(blue, 0), 255))
        }

        /// Reads `#rrggbb` or `#rrggbbaa` (the alpha is dropped); nil for anything else.
        public init?(hex: String) {
            let digits = hex.hasPrefix("#") ? hex.dropFirst() : Substring(hex)
            guard digits.count == 6 || digits.count == 8, digits.allSatisfy(\.isHexDigit),
                  let value = UInt32(digits.prefix(6), radix: 16) else { return nil }
            self.init(red: Int((value >> 16) & 0xFF), green: Int((value >> 8) & 0xFF), blue: Int(value & 0xFF))
        }

        /// `#rrggbb`, lower case.
        public var hex: String {
            "#" + [red, green, blue].map { $0 < 16 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
        }
    }

    /// How one node is drawn.
    public struct Node: Sendable, Hashable {
        /// Centre, in points.
        public var x: Double
        public var y: Double
        /// Width and height of the node's shape, in points.
        public var width: Double
        public var height: Double
        /// Fill colour.
        public var fill: Color
        /// Outline colour.
        public var stroke: Color
        /// False for a node the figure leaves out (below its weight threshold, say): it is
        /// placed in a row under the drawing so that nothing is stacked.
        public var inFigure: Bool
        /// False when the figure does not fill the node's shape (Graphviz draws no fill unless
        /// `style=filled`): a viewer that can draws it transparent, not in `fill`.
        public var filled: Bool
        /// False when the figure draws the node as its label alone (shapes `plain`, `plaintext`,
        /// `none`): no outline.
        public var outlined: Bool
        /// The label's colour.
        public var text: Color

        public init(x: Double, y: Double, width: Double, height: Double, fill: Color, stroke: Color, inFigure: Bool = true,
                    filled: Bool = true, outlined: Bool = true, text: Color = Color(red: 0, green: 0, blue: 0)) {
            self.x = x
            self.y = y
            self.width = width
            self.height = height
            self.fill = fill
            self.stroke = stroke
            self.inFigure = inFigure
            self.filled = filled
            self.outlined = outlined
            self.text = text
        }

        /// One number for formats with a single size (GEXF viz:size, GraphML `size`): the
        /// larger side, in points.
        public var size: Double { max(width, height) }
    }

    /// How one edge is drawn.
    public struct Edge: Sendable, Hashable {
        public var color: Color
        /// Line width, in points.
        public var width: Double

        public init(color: Color, width: Double) {
            self.color = color
            self.width = width
        }
    }

    /// Nodes by export node id (empty when the layout holds them in order: `nodesInOrder`).
    public var nodes: [String: Node]
    /// How each node of the graph the layout was made for is drawn, in that graph's order of
    /// nodes (`init(nodesInOrder:...)`); empty when the layout gives its nodes by id. Why: the
    /// replies drawing has a node for each of 790,000 messages; by id they took a dictionary of
    /// some 130 MB and a hash of each id by each of four writers.
    public var nodesInOrder: [Node]
    /// Edges by `ExportLayout.edgeKey(source:target:)`: the figure's first line for that pair.
    public var edges: [String: Edge]
    /// Width and height of the drawing, in points (the Graphviz bounding box).
    public var width: Double
    public var height: Double
    /// Where the layout comes from ("Graphviz dot layout of the correspondents figure").
    public var source: String

    public init(nodes: [String: Node], edges: [String: Edge], width: Double, height: Double, source: String) {
        self.nodes = nodes
        nodesInOrder = []
        self.edges = edges
        self.width = width
        self.height = height
        self.source = source
    }

    /// A layout of one graph's nodes in its order (`nodesInOrder`): node i of the graph is drawn
    /// as `nodesInOrder[i]`. Attach it to that graph only.
    public init(nodesInOrder: [Node], edges: [String: Edge], width: Double, height: Double, source: String) {
        nodes = [:]
        self.nodesInOrder = nodesInOrder
        self.edges = edges
        self.width = width
        self.height = height
        self.source = source
    }

    /// The key of a pair in `edges` (for an undirected graph, write both orders or look up both).
    /// - Complexity: O(n) in the ids' length, one allocation (each writer asks for each edge).
    public static func edgeKey(source: String, target: String) -> String {
        var key = ""
        key.reserveCapacity(source.utf8.count + target.utf8.count + 1)
        key += source
        key += "\u{0}"
        key += target
        return key
    }

    /// How node `position` of the graph, whose id is `id`, is drawn (nil: not at all).
    /// - Complexity: O(1) for a layout in order; one lookup of `id` otherwise.
    public func node(at position: Int, id: String) -> Node? {
        if !nodesInOrder.isEmpty { return position < nodesInOrder.count ? nodesInOrder[position] : nil }
        return nodes[id]
    }

    /// How `edge` is drawn, looking up the reverse pair too when the graph is undirected.
    public func edge(_ edge: ExportEdge, directed: Bool) -> Edge? {
        edges[Self.edgeKey(source: edge.source, target: edge.target)]
            ?? (directed ? nil : edges[Self.edgeKey(source: edge.target, target: edge.source)])
    }

    /// A coordinate as short, stable text (two decimals, no trailing zeros past one).
    static func number(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
