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

    /// The immutable table, keys in written order.
    func frozen() -> TOMLTable {
        let entries = order.compactMap { key in
            slots[key].map { TOMLTable.Entry(key: key, line: $0.line, value: Self.value(of: $0.item)) }
        }
        return TOMLTable(entries: entries, location: location)
    }

    private static func value(of item: Item) -> TOMLValue {
        switch item {
        case .value(let v):
            return v
        case .table(let t):
            return TOMLValue(.table(t.frozen()), at: t.location)
        case .tableArray(let a):
            let elements = a.tables.map { TOMLValue(.table($0.frozen()), at: $0.location) }
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
