/// The typed values of one exported node or edge, by attribute key: read and written like a
/// dictionary (`values["count"]`, a literal `["count": .int(3)]`), held as two parallel arrays.
/// Why: the replies graph has one node per message with a dozen values each; a dictionary per
/// node took some 700 bytes and a string hash per lookup, five writers looking up each value.
/// Nodes built from one list of keys (`init(keys:values:)`) share that list, so each holds only
/// its values, and a lookup compares a dozen short keys at most.
public struct ExportValues: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    private var keys: [String]
    private var items: [ExportValue?]

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

    public init(dictionaryLiteral elements: (String, ExportValue)...) {
        self.init()
        for (key, value) in elements { self[key] = value }
    }

    /// The value of `key`, nil when the element has none; setting nil removes it.
    /// - Complexity: O(k) in the number of keys (a dozen at most).
    public subscript(key: String) -> ExportValue? {
        get {
            for index in keys.indices where keys[index] == key { return items[index] }
            return nil
        }
        set {
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
        for (key, value) in zip(keys, items) { if let value { result[key] = value } }
        return result
    }

    public var isEmpty: Bool { !items.contains { $0 != nil } }

    public static func == (a: ExportValues, b: ExportValues) -> Bool { a.dictionary == b.dictionary }
    public func hash(into hasher: inout Hasher) { hasher.combine(dictionary) }
}
