internal import CGraphviz

/// A graph as cgraph read it back from DOT: names, attributes, edges and subgraphs. Tests use
/// it to prove that `DOTWriter` output means what it says (DESIGN decision 1).
public struct ParsedGraph: Sendable, Equatable {
    public struct Node: Sendable, Equatable {
        public var name: String
        /// Every declared node attribute with its value for this node (defaults included).
        public var attributes: [String: String]
    }

    public struct Edge: Sendable, Equatable {
        public var tail: String
        public var head: String
        public var attributes: [String: String]
    }

    public struct Subgraph: Sendable, Equatable {
        public var name: String
        public var attributes: [String: String]
        /// Names of the nodes directly or indirectly in this subgraph, in cgraph's order.
        public var nodes: [String]
        public var subgraphs: [Subgraph]
    }

    public var name: String
    public var isDirected: Bool
    public var isStrict: Bool
    public var attributes: [String: String]
    public var nodes: [Node]
    public var edges: [Edge]
    public var subgraphs: [Subgraph]

    /// Reads a graph; the caller holds the engine lock.
    init(reading graph: UnsafeMutablePointer<Agraph_t>) {
        name = agnameof(UnsafeMutableRawPointer(graph)).map { String(cString: $0) } ?? ""
        isDirected = agisdirected(graph) != 0
        isStrict = agisstrict(graph) != 0
        attributes = Self.attributes(of: UnsafeMutableRawPointer(graph), kind: AGRAPH, in: graph)
        var nodes: [Node] = []
        var edges: [Edge] = []
        var node = agfstnode(graph)
        while let current = node {
            nodes.append(Node(name: Self.name(current), attributes: Self.attributes(of: UnsafeMutableRawPointer(current), kind: AGNODE, in: graph)))
            var edge = agfstout(graph, current)
            while let out = edge {
                edges.append(Edge(tail: Self.name(epi_agtail(out)), head: Self.name(epi_aghead(out)),
                                  attributes: Self.attributes(of: UnsafeMutableRawPointer(out), kind: AGEDGE, in: graph)))
                edge = agnxtout(graph, out)
            }
            node = agnxtnode(graph, current)
        }
        self.nodes = nodes
        self.edges = edges
        subgraphs = Self.subgraphs(of: graph, root: graph)
    }

    /// The node named `name`, if present.
    public func node(_ name: String) -> Node? { nodes.first { $0.name == name } }

    /// Every subgraph at any depth, parents before children.
    public var allSubgraphs: [Subgraph] {
        func flatten(_ list: [Subgraph]) -> [Subgraph] { list.flatMap { [$0] + flatten($0.subgraphs) } }
        return flatten(subgraphs)
    }

    private static func name(_ node: UnsafeMutablePointer<Agnode_t>?) -> String {
        guard let node, let text = agnameof(UnsafeMutableRawPointer(node)) else { return "" }
        return String(cString: text)
    }

    private static func attributes(of object: UnsafeMutableRawPointer, kind: Int32, in graph: UnsafeMutablePointer<Agraph_t>) -> [String: String] {
        var result: [String: String] = [:]
        let root = agroot(UnsafeMutableRawPointer(graph))
        var symbol = agnxtattr(root, kind, nil)
        while let current = symbol {
            if let key = current.pointee.name, let value = agxget(object, current) {
                result[String(cString: key)] = String(cString: value)
            }
            symbol = agnxtattr(root, kind, current)
        }
        return result
    }

    private static func subgraphs(of graph: UnsafeMutablePointer<Agraph_t>, root: UnsafeMutablePointer<Agraph_t>) -> [Subgraph] {
        var result: [Subgraph] = []
        var sub = agfstsubg(graph)
        while let current = sub {
            var members: [String] = []
            var node = agfstnode(current)
            while let n = node {
                members.append(name(n))
                node = agnxtnode(current, n)
            }
            let subName = agnameof(UnsafeMutableRawPointer(current)).map { String(cString: $0) } ?? ""
            result.append(Subgraph(name: subName, attributes: attributes(of: UnsafeMutableRawPointer(current), kind: AGRAPH, in: root),
                                   nodes: members, subgraphs: subgraphs(of: current, root: root)))
            sub = agnxtsubg(current)
        }
        return result
    }
}
