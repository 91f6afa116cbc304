/// The typed values of one exported node or edge, by attribute key: read and written like a
/// dictionary (`values["count"]`, a literal `["count": .int(3)]`), held as two parallel arrays.
/// Why: the replies graph has one node per message with a dozen values each; a dictionary per
/// node took some 700 bytes and a string hash per lookup, five writers looking up each value.
/// Nodes built from one list of keys (`init(keys:values:)`) share that list, so each holds only
/// its values, and a lookup compares a dozen short keys at most.
///
/// A graph of one node per message holds its values as a `Source` and the element's index
/// instead (`init(source:element:)`): each value is made when a writer asks for it, from the
/// analysis the graph was built from, so 600,000 messages do not hold a dozen values each
/// while their four files are written (some 300 MB).
public struct ExportValues: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    private var keys: [String]
    private var items: [ExportValue?]
    /// Where the values come from when they are made on demand (nil: `items` holds them).
    private var source: Source?
    private var element: Int = 0

    /// The values of many elements, made on demand: `value(k, i)` is element i's value of
    /// `keys[k]` (nil where it has none). Must give the same value each time it is asked.
    public final class Source: Sendable {
        let keys: [String]
        let value: @Sendable (_ key: Int, _ element: Int) -> ExportValue?

        public init(keys: [String], value: @escaping @Sendable (_ key: Int, _ element: Int) -> ExportValue?) {
            self.keys = keys
            self.value = value
        }
    }

    public init() {
        keys = []
        items = []
    }

    /// Values for `keys` in order (nil where an element has none); `keys` is shared, not copied.
    public init(keys: [String], values: [ExportValue?]) {
        precondition(keys.count == values.count, "one value (or nil) per key")
        self.keys = keys
        items = values
    }

    /// The values of element `element` of `source`, made when they are read.
    public init(source: Source, element: Int) {
        keys = source.keys
        items = []
        self.source = source
        self.element = element
    }

    /// Every value in key order, made now if they come from a source.
    private var allItems: [ExportValue?] {
        guard let source else { return items }
        return keys.indices.map { source.value($0, element) }
    }

    public init(dictionaryLiteral elements: (String, ExportValue)...) {
        self.init()
        for (key, value) in elements { self[key] = value }
    }

    /// The value of `key`, nil when the element has none; setting nil removes it.
    /// - Complexity: O(k) in the number of keys (a dozen at most).
    public subscript(key: String) -> ExportValue? {
        get {
            for index in keys.indices where keys[index] == key { return source.map { $0.value(index, element) } ?? items[index] }
            return nil
        }
        set {
            if source != nil {
                items = allItems
                source = nil
            }
            if let index = keys.firstIndex(of: key) {
                items[index] = newValue
            } else if let newValue {
                keys.append(key)
                items.append(newValue)
            }
        }
    }

    /// The values present, by key.
    public var dictionary: [String: ExportValue] {
        var result: [String: ExportValue] = [:]
        for (key, value) in zip(keys, allItems) { if let value { result[key] = value } }
        return result
    }

    public var isEmpty: Bool { !allItems.contains { $0 != nil } }

    /// Reads the values of many elements for one list of declared attributes, in that order:
    /// the writers' loop. Where elements share their list of keys (built from one list, or made
    /// by one `Source`), the position of each attribute in it is found once, not by comparing
    /// a dozen keys for each attribute of each element.
    public struct Reader {
        private let wanted: [String]
        /// The keys `positions` were found in (held, so that their storage is not reused).
        private var keys: [String] = []
        private var found = false
        /// For each wanted attribute, its position in `keys` (-1: not there).
        private var positions: [Int] = []

        public init(_ attributes: [ExportAttribute]) {
            wanted = attributes.map(\.key)
        }

        /// Calls `body` with the index of each wanted attribute `values` has, and its value, in
        /// the order of the attributes.
        /// - Complexity: O(attributes) when `values` shares its keys with the last values read,
        ///   O(attributes × keys) otherwise.
        public mutating func forEach(_ values: ExportValues, _ body: (_ attribute: Int, _ value: ExportValue) -> Void) {
            if !found || !Self.sameStorage(keys, values.keys) {
                keys = values.keys
                positions = wanted.map { key in keys.firstIndex(of: key) ?? -1 }
                found = true
            }
            for (attribute, position) in positions.enumerated() where position >= 0 {
                if let value = values.value(at: position) { body(attribute, value) }
            }
        }

        /// True when both arrays are one storage (one list of keys shared).
        private static func sameStorage(_ a: [String], _ b: [String]) -> Bool {
            a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress && a.count == b.count } }
        }
    }

    /// The value at `position` of `keys`.
    @inline(__always)
    private func value(at position: Int) -> ExportValue? {
        if let source { return source.value(position, element) }
        return items[position]
    }

    public static func == (a: ExportValues, b: ExportValues) -> Bool { a.dictionary == b.dictionary }
    public func hash(into hasher: inout Hasher) { hasher.combine(dictionary) }
}
