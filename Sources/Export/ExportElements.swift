/// A node or an edge of an `ExportGraph`: what `ExportElements` can look up by position.
public protocol ExportElement: Sendable {
    var id: String { get }
    /// When the element exists; empty means always.
    var spells: [ExportSpell] { get }
}

/// The nodes (or edges) of an `ExportGraph`, in order: held in an array, as most graphs and
/// every caller building a graph by hand give them, or made one at a time from their position
/// when a writer reads them (`init(count:id:make:)`).
///
/// Why: the replies graph has a node for each message. Held, its labels, spells and node
/// records took some 235 MB beside the analysis they are made from, at the very moment the
/// gallery's memory peaks (500,000 messages); made on demand, each writer makes one node,
/// writes it and lets it go, and the graph holds two closures over the analysis.
///
/// Reads like an array (`graph.nodes[i]`, `map`, `first`, `count`); a made collection must
/// make the same element each time it is asked (the writers read each several times).
public struct ExportElements<Element: ExportElement>: RandomAccessCollection, MutableCollection, RangeReplaceableCollection,
                                                      ExpressibleByArrayLiteral, Sendable {
    private var held: [Element]
    private var maker: Maker?

    /// How a collection made on demand makes its elements.
    private final class Maker: Sendable {
        let count: Int
        let id: @Sendable (Int) -> String
        let spells: @Sendable (Int) -> [ExportSpell]
        let make: @Sendable (Int) -> Element

        init(count: Int, id: @escaping @Sendable (Int) -> String, spells: @escaping @Sendable (Int) -> [ExportSpell],
             make: @escaping @Sendable (Int) -> Element) {
            self.count = count
            self.id = id
            self.spells = spells
            self.make = make
        }
    }

    /// The elements of an array, held.
    public init(_ elements: [Element]) {
        held = elements
        maker = nil
    }

    public init(arrayLiteral elements: Element...) {
        self.init(elements)
    }

    public init() {
        self.init([])
    }

    /// `count` elements made when read: `make(i)` is element i, `id(i)` its id and `spells(i)`
    /// its spells, asked alone without making the element (a layout matches the drawing by
    /// ids, a GEXF header spans every spell). All three must give the same result each time.
    public init(count: Int, id: @escaping @Sendable (Int) -> String, spells: @escaping @Sendable (Int) -> [ExportSpell],
                make: @escaping @Sendable (Int) -> Element) {
        held = []
        maker = Maker(count: count, id: id, spells: spells, make: make)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { maker?.count ?? held.count }

    /// Element `position`, made now when the collection makes its elements. Setting an element
    /// of a made collection makes all of them first (it then holds them).
    /// - Complexity: O(1) held; what `make` costs (a node's label and spells) made.
    public subscript(position: Int) -> Element {
        get {
            guard let maker else { return held[position] }
            precondition(position >= 0 && position < maker.count, "index out of range")
            return maker.make(position)
        }
        set {
            holdAll()
            held[position] = newValue
        }
    }

    /// Changes the elements as an array would; a made collection makes all of them first.
    /// - Complexity: O(n) made, as `Array.replaceSubrange` held.
    public mutating func replaceSubrange<C: Collection>(_ subrange: Range<Int>, with elements: C) where C.Element == Element {
        holdAll()
        held.replaceSubrange(subrange, with: elements)
    }

    /// Makes every element and holds it (before a change: a made collection cannot change).
    private mutating func holdAll() {
        guard let maker else { return }
        held = (0..<maker.count).map(maker.make)
        self.maker = nil
    }

    /// The id of element `position`, without making the element.
    public func id(at position: Int) -> String {
        guard let maker else { return held[position].id }
        precondition(position >= 0 && position < maker.count, "index out of range")
        return maker.id(position)
    }

    /// The spells of element `position`, without making the element.
    public func spells(at position: Int) -> [ExportSpell] {
        guard let maker else { return held[position].spells }
        precondition(position >= 0 && position < maker.count, "index out of range")
        return maker.spells(position)
    }

    /// True when the elements are made on demand rather than held.
    public var isMadeOnDemand: Bool { maker != nil }
}

/// The nodes of an `ExportGraph` (`ExportElements`).
public typealias ExportNodes = ExportElements<ExportNode>
/// The edges of an `ExportGraph` (`ExportElements`).
public typealias ExportEdges = ExportElements<ExportEdge>
