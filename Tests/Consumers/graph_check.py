#!/usr/bin/env python3
"""Opens the default graph exports as their readers' users do, with whatever NetworkX (and
igraph) this Python has, and checks that nothing is lost on the way in.

- node-link JSON: `nx.node_link_graph(data)` with the reader's own defaults (NetworkX up to 3.3
  reads `links`, from 3.4 on `edges`); every node and edge arrives, positions included.
- GEXF (the default, 1.2draft): `nx.read_gexf(path)` with its defaults; every node and edge,
  each node's `viz` position and colour, node spells, edge spells.
- GraphML: `nx.read_graphml(path)`; with --igraph also `igraph.Graph.Read_GraphML(path)`;
  every node with x, y, r, g, b.

usage: graph_check.py [--igraph] NODE-LINK.json GRAPH.gexf GRAPH.graphml
"""
import json, sys, warnings
import xml.etree.ElementTree as ET
import networkx as nx


def main():
    args = sys.argv[1:]
    use_igraph = "--igraph" in args
    node_link, gexf, graphml = [a for a in args if not a.startswith("--")]
    problems = []
    report = {"networkx": nx.__version__}

    data = json.load(open(node_link, encoding="utf-8"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        g = nx.node_link_graph(data)
    report["node_link_warnings"] = [str(w.message)[:80] for w in caught]
    if g.number_of_nodes() != len(data["nodes"]) or g.number_of_edges() != len(data["links"]):
        problems.append("node-link: %d nodes, %d edges read; the file has %d, %d" % (
            g.number_of_nodes(), g.number_of_edges(), len(data["nodes"]), len(data["links"])))
    unplaced = [n for n, d in g.nodes(data=True) if "x" not in d or "y" not in d]
    if unplaced:
        problems.append("node-link: %d nodes without x, y" % len(unplaced))
    report["node_link"] = [g.number_of_nodes(), g.number_of_edges()]

    root = ET.parse(gexf).getroot()
    ns = root.tag.split("}")[0] + "}"
    file_nodes = root.findall(".//%snodes/%snode" % (ns, ns))
    file_edges = root.findall(".//%sedges/%sedge" % (ns, ns))
    g = nx.read_gexf(gexf)
    if g.number_of_nodes() != len(file_nodes) or g.number_of_edges() != len(file_edges):
        problems.append("gexf: %d nodes, %d edges read; the file has %d, %d" % (
            g.number_of_nodes(), g.number_of_edges(), len(file_nodes), len(file_edges)))
    no_viz = [n for n, d in g.nodes(data=True) if "position" not in d.get("viz", {}) or "color" not in d.get("viz", {})]
    if no_viz:
        problems.append("gexf: %d nodes without viz position or colour" % len(no_viz))
    positions = {(d["viz"]["position"]["x"], d["viz"]["position"]["y"]) for _, d in g.nodes(data=True) if "viz" in d}
    if len(positions) != g.number_of_nodes():
        problems.append("gexf: %d nodes at %d distinct positions" % (g.number_of_nodes(), len(positions)))
    if not all(d.get("spells") for _, d in g.nodes(data=True)):
        problems.append("gexf: nodes without spells")
    if not all(d.get("spells") for _, _, d in g.edges(data=True)):
        problems.append("gexf: edges without spells")
    report["gexf"] = [g.number_of_nodes(), g.number_of_edges()]

    g = nx.read_graphml(graphml)
    missing = [n for n, d in g.nodes(data=True) if not all(k in d for k in ("x", "y", "r", "g", "b", "size"))]
    if missing:
        problems.append("graphml: %d nodes without x, y, size, r, g, b" % len(missing))
    report["graphml"] = [g.number_of_nodes(), g.number_of_edges()]
    if use_igraph:
        import igraph
        ig = igraph.Graph.Read_GraphML(graphml)
        report["igraph"] = igraph.__version__
        if (ig.vcount(), ig.ecount()) != (g.number_of_nodes(), g.number_of_edges()):
            problems.append("igraph: %d nodes, %d edges; NetworkX read %d, %d" % (
                ig.vcount(), ig.ecount(), g.number_of_nodes(), g.number_of_edges()))
        if not all(isinstance(x, float) for x in ig.vs["x"]) or len({(v["x"], v["y"]) for v in ig.vs}) != ig.vcount():
            problems.append("igraph: positions missing or stacked")
        report["igraph_graph"] = [ig.vcount(), ig.ecount()]
    report["problems"] = problems
    print(json.dumps(report))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
