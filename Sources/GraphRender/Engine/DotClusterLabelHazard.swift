internal import CGraphviz

/// The one input that makes Graphviz 2.43's `dot` layout free memory twice: a graph with a
/// cluster and an edge with a `label`. When such an edge ends up flat (both ends on one rank,
/// which clusters can force), `flat_edges` reallocates the rank array that the clusters still
/// point into, and `gvFreeLayout` frees the old block again: AddressSanitizer reports a double
/// free and glibc aborts the process ("corrupted size vs. prev_size"). Found by FuzzDOT; it
/// reproduces with libgvc alone, from C. Whether an edge ends flat is known only inside the
/// layout, so the engine refuses the whole combination before laying out, with a message that
/// says what to change. No figure of ours writes clusters; this guards the public engine.
enum DotClusterLabelHazard {
    /// The message a refused graph gets.
    static let message = "Error: Graphviz 2.43's dot layout crashes on a graph that has both a cluster subgraph and an edge with a label (it frees memory twice when such an edge is drawn within one rank); draw the edge text as xlabel, headlabel or taillabel, or lay the graph out without clusters"

    /// Whether `graph` has a subgraph that Graphviz treats as a cluster (its name begins with
    /// "cluster", in any case, at any depth) and an edge whose `label` (its own or the
    /// default) is not empty.
    ///
    /// - Complexity: O(subgraphs + edges); the subgraph tree is walked with an explicit stack,
    ///   so no input depth drives recursion.
    static func isPresent(in graph: UnsafeMutablePointer<Agraph_t>) -> Bool {
        hasCluster(graph) && hasEdgeLabel(graph)
    }

    private static func hasCluster(_ graph: UnsafeMutablePointer<Agraph_t>) -> Bool {
        var pending: [UnsafeMutablePointer<Agraph_t>] = [graph]
        while let parent = pending.popLast() {
            var sub = agfstsubg(parent)
            while let current = sub {
                if let name = agnameof(UnsafeMutableRawPointer(current)), isClusterName(name) { return true }
                pending.append(current)
                sub = agnxtsubg(current)
            }
        }
        return false
    }

    /// "cluster" as a case-insensitive prefix, as Graphviz tests it.
    private static func isClusterName(_ name: UnsafeMutablePointer<CChar>) -> Bool {
        var index = 0
        for expected in "cluster".utf8 {
            let byte = UInt8(bitPattern: name[index])
            guard byte != 0, byte | 0x20 == expected else { return false }
            index += 1
        }
        return true
    }

    private static func hasEdgeLabel(_ graph: UnsafeMutablePointer<Agraph_t>) -> Bool {
        guard let symbol = epi_agattr_lookup(graph, AGEDGE, "label") else { return false }
        var node = agfstnode(graph)
        while let tail = node {
            var edge = agfstout(graph, tail)
            while let current = edge {
                if let value = agxget(UnsafeMutableRawPointer(current), symbol), value.pointee != 0 { return true }
                edge = agnxtout(graph, current)
            }
            node = agnxtnode(graph, tail)
        }
        return false
    }
}
