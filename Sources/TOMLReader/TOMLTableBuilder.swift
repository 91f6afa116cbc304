/// The mutable table tree the parser fills in, with the bookkeeping TOML's redefinition rules
/// need (how each table came to exist); frozen into `TOMLTable` values when parsing ends.
final class TOMLTableBuilder {
    /// How a table came to exist, which decides whether it may be defined or extended again.
    enum Origin {
        /// Created as the parent of a `[a.b.c]` header; a later `[a]` may still define it.
        case implicit
        /// Defined by its own `[header]` or `[[header]]`.
        case header
        /// Created by a dotted key (`a.b = 1`); may be extended by dotted keys, not by `[a]`.
        case dotted
    }

    /// An array of tables from `[[name]]` headers, extended by each new header.
    final class TableArray {
        var tables: [TOMLTableBuilder] = []
        let location: TOMLLocation
        init(location: TOMLLocation) { self.location = location }
    }

    enum Item {
        case value(TOMLValue)
        case table(TOMLTableBuilder)
        case tableArray(TableArray)
    }

    struct Slot {
        var line: Int
        var item: Item
    }

    var origin: Origin
    var location: TOMLLocation
    private(set) var order: [String] = []
    private(set) var slots: [String: Slot] = [:]

    init(origin: Origin, location: TOMLLocation) {
        self.origin = origin
        self.location = location
    }

    subscript(key: String) -> Slot? {
        get { slots[key] }
        set {
            if slots[key] == nil { order.append(key) }
            slots[key] = newValue
        }
    }

    /// The immutable table, keys in written order. Tables nested by headers and dotted keys
    /// are frozen children first from an explicit list, not by recursion.
    /// - Complexity: O(n) in the number of tables and keys below this one.
    func frozen() -> TOMLTable {
        var preorder: [TOMLTableBuilder] = []
        var pending = [self]
        while let builder = pending.popLast() {
            preorder.append(builder)
            for key in builder.order {
                switch builder.slots[key]?.item {
                case .table(let t)?: pending.append(t)
                case .tableArray(let a)?: pending.append(contentsOf: a.tables)
                default: break
                }
            }
        }
        // Reversed preorder puts every table after all the tables below it.
        var done: [ObjectIdentifier: TOMLTable] = [:]
        for builder in preorder.reversed() {
            let entries = builder.order.compactMap { key in
                builder.slots[key].map { TOMLTable.Entry(key: key, line: $0.line, value: Self.value(of: $0.item, done)) }
            }
            done[ObjectIdentifier(builder)] = TOMLTable(entries: entries, location: builder.location)
        }
        return done[ObjectIdentifier(self)]!
    }

    private static func value(of item: Item, _ done: [ObjectIdentifier: TOMLTable]) -> TOMLValue {
        switch item {
        case .value(let v):
            return v
        case .table(let t):
            return TOMLValue(.table(done[ObjectIdentifier(t)]!), at: t.location)
        case .tableArray(let a):
            let elements = a.tables.map { TOMLValue(.table(done[ObjectIdentifier($0)]!), at: $0.location) }
            return TOMLValue(.array(elements), at: a.location)
        }
    }

    /// What kind of thing `item` is, for "already defined as ..." messages.
    static func describe(_ item: Item) -> String {
        switch item {
        case .value(let v): return v.typeDescription
        case .table: return "a table"
        case .tableArray: return "an array of tables"
        }
    }
}
