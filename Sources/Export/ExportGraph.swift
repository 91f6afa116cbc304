import Correspondence

/// The kind of value an exported attribute holds. Each writer maps it to its format's type
/// (GraphML `int`/`double`/`boolean`/`string`, GEXF `integer`/`double`/...); dates travel as
/// ISO `YYYY-MM-DD` strings, which every format and every reader accepts.
public enum ExportAttributeType: String, Sendable, CaseIterable {
    case int, double, bool, string, date
}

/// One typed attribute value.
public enum ExportValue: Sendable, Hashable {
    case int(Int)
    case double(Double)
    case bool(Bool)
    case string(String)
    case date(Day)

    /// The value as text, the way every text-based format writes it.
    public var text: String {
        switch self {
        case .int(let i): return String(i)
        case .double(let d): return d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) + ".0" : "\(d)"
        case .bool(let b): return b ? "true" : "false"
        case .string(let s): return s
        case .date(let d): return d.iso
        }
    }

    /// Writes the value as `json` gives it (dates as ISO strings), without building it first.
    public func write(to json: inout JSONWriter) {
        switch self {
        case .int(let i): json.int(i)
        case .double(let d): json.double(d)
        case .bool(let b): json.bool(b)
        case .string(let s): json.string(s)
        case .date(let d): json.string(iso: d)
        }
    }

    /// The value as JSON (dates as ISO strings).
    public var json: JSONValue {
        switch self {
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case .bool(let b): return .bool(b)
        case .string(let s): return .string(s)
        case .date(let d): return .string(d.iso)
        }
    }
}

/// A declared attribute: its key (used in files), a readable title and its type.
public struct ExportAttribute: Sendable, Hashable {
    public var key: String
    public var title: String
    public var type: ExportAttributeType

    public init(_ key: String, _ type: ExportAttributeType, title: String? = nil) {
        self.key = key
        self.type = type
        self.title = title ?? key
    }
}

/// A closed interval of days during which a node or edge exists (a message's date bounds).
public struct ExportSpell: Sendable, Hashable, Comparable {
    public var start: Day
    public var end: Day

    public init(start: Day, end: Day) {
        self.start = min(start, end)
        self.end = max(start, end)
    }

    /// The spell a message's date places it in: its bounds; an open date at its one known bound
    /// (the open side is written as open in the date attributes, not invented here); nil when undated.
    public init?(_ date: HistoricalDate) {
        guard let (a, b) = date.drawnBounds else { return nil }
        self.init(start: a, end: b)
    }

    public static func < (a: ExportSpell, b: ExportSpell) -> Bool {
        a.start != b.start ? a.start < b.start : a.end < b.end
    }

    /// Sorted spells with overlapping ones joined (messages of the same day, or whose date
    /// ranges overlap): Gephi rejects overlapping intervals on one element, and a day covered
    /// twice is still one day. Spells on consecutive days stay apart.
    /// - Complexity: O(n log n) in the spells; O(n) when they come sorted (one per letter, in
    ///   the order of the letters).
    public static func merged(_ spells: [ExportSpell]) -> [ExportSpell] {
        var out: [ExportSpell] = []
        let isSorted = zip(spells, spells.dropFirst()).allSatisfy { !($1 < $0) }
        for spell in isSorted ? spells : spells.sorted() {
            if let last = out.last, spell.start <= last.end {
                out[out.count - 1].end = max(last.end, spell.end)
            } else {
                out.append(spell)
            }
        }
        return out
    }
}

/// A node with its label, typed values and, for dynamic graphs, the spells it exists in.
public struct ExportNode: ExportElement, Hashable {
    public var id: String
    public var label: String
    /// Values by attribute key; keys missing here are left out of the file.
    public var values: ExportValues
    /// When the node exists; empty means always (static).
    public var spells: [ExportSpell]

    public init(id: String, label: String, values: ExportValues = [:], spells: [ExportSpell] = []) {
        self.id = id
        self.label = label
        self.values = values
        self.spells = spells
    }
}

/// An edge with its kind, weight, typed values and time spells.
public struct ExportEdge: ExportElement, Hashable {
    public var id: String
    public var source: String
    public var target: String
    /// What the edge stands for ("correspondence", "answers", "co-mention"...).
    public var kind: String
    public var weight: Double
    public var values: ExportValues
    /// When the edge exists: one spell per message, joined where they overlap.
    public var spells: [ExportSpell]

    public init(id: String, source: String, target: String, kind: String, weight: Double,
                values: ExportValues = [:], spells: [ExportSpell] = []) {
        self.id = id
        self.source = source
        self.target = target
        self.kind = kind
        self.weight = weight
        self.values = values
        self.spells = spells
    }
}

/// A graph ready for export: declared, typed attributes, nodes and edges in a stable order.
/// Built once from the analysis (`ExportGraphBuilder`) and written by every graph writer, so
/// GraphML, GEXF, JSON and CSV carry the same nodes, edges and values.
public struct ExportGraph: Sendable {
    /// Short name ("correspondents", "replies", "mentions").
    public var name: String
    /// One sentence saying what nodes and edges stand for, written into file headers.
    public var description: String
    public var directed: Bool
    public var nodeAttributes: [ExportAttribute]
    public var edgeAttributes: [ExportAttribute]
    /// The nodes, held or made when read (`ExportElements`).
    public var nodes: ExportNodes
    /// The edges, held or made when read (`ExportElements`).
    public var edges: ExportEdges
    /// True when each spell of an edge is one letter (correspondents, mentions), so the
    /// number of spells in a period is the edge's weight then; false when spells only say
    /// from when an element exists (replies).
    public var spellsAreLetters: Bool
    /// The figure's drawing, when the command line laid the figure out for this export.
    public var layout: ExportLayout?

    public init(name: String, description: String, directed: Bool, nodeAttributes: [ExportAttribute],
                edgeAttributes: [ExportAttribute], nodes: [ExportNode], edges: [ExportEdge],
                spellsAreLetters: Bool = true, layout: ExportLayout? = nil) {
        self.init(name: name, description: description, directed: directed, nodeAttributes: nodeAttributes,
                  edgeAttributes: edgeAttributes, nodes: ExportNodes(nodes), edges: ExportEdges(edges),
                  spellsAreLetters: spellsAreLetters, layout: layout)
    }

    /// A graph whose nodes or edges may be made when read (`ExportElements`).
    public init(name: String, description: String, directed: Bool, nodeAttributes: [ExportAttribute],
                edgeAttributes: [ExportAttribute], nodes: ExportNodes, edges: ExportEdges,
                spellsAreLetters: Bool = true, layout: ExportLayout? = nil) {
        self.spellsAreLetters = spellsAreLetters
        self.layout = layout
        self.name = name
        self.description = description
        self.directed = directed
        self.nodeAttributes = nodeAttributes
        self.edgeAttributes = edgeAttributes
        self.nodes = nodes
        self.edges = edges
    }

    /// True when two edges join the same ordered pair (undirected: the same pair).
    /// - Complexity: O(edges).
    public var hasParallelEdges: Bool {
        struct Pair: Hashable { let a: String; let b: String }
        var seen = Set<Pair>(minimumCapacity: edges.count)
        for edge in edges {
            let pair = directed || edge.source <= edge.target ? Pair(a: edge.source, b: edge.target) : Pair(a: edge.target, b: edge.source)
            if !seen.insert(pair).inserted { return true }
        }
        return false
    }

    /// True when any node or edge has a spell.
    /// - Complexity: O(nodes + edges) at most, reading spells only (no node is made).
    public var isDynamic: Bool {
        nodes.indices.contains { !nodes.spells(at: $0).isEmpty } || edges.indices.contains { !edges.spells(at: $0).isEmpty }
    }

    /// The earliest and latest day of all spells, if any.
    /// - Complexity: O(spells), without gathering them.
    public var timeBounds: ExportSpell? {
        var first: Day?, last: Day?
        func see(_ spells: [ExportSpell]) {
            for spell in spells {
                if first.map({ spell.start < $0 }) ?? true { first = spell.start }
                if last.map({ spell.end > $0 }) ?? true { last = spell.end }
            }
        }
        for index in nodes.indices { see(nodes.spells(at: index)) }
        for index in edges.indices { see(edges.spells(at: index)) }
        guard let first, let last else { return nil }
        return ExportSpell(start: first, end: last)
    }
}
