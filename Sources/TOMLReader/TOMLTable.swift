/// A TOML table: its keys in the order written, each with the line it is on, and where the table
/// itself is defined. Required values are read with `string(_:)`, `number(_:)`, ...; optional ones
/// with `try table["key"]?.string()`. `rejectUnknownKeys(allowing:)` makes a reader strict.
public struct TOMLTable: Sendable, Equatable {
    /// One key of the table: its name (unquoted), the line of the key, and its value.
    public struct Entry: Sendable, Equatable {
        public var key: String
        public var line: Int
        public var value: TOMLValue

        public init(key: String, line: Int, value: TOMLValue) {
            self.key = key
            self.line = line
            self.value = value
        }
    }

    /// Keys in the order they were first written.
    public private(set) var entries: [Entry]
    /// Where the table is defined; `key` is its full dotted path (empty for the root table).
    public var location: TOMLLocation
    private var indexByKey: [String: Int]

    public init(entries: [Entry], location: TOMLLocation) {
        self.entries = entries
        self.location = location
        var index: [String: Int] = [:]
        for (i, entry) in entries.enumerated() { index[entry.key] = i }
        self.indexByKey = index
    }

    /// The key names in the order written.
    public var keys: [String] { entries.map(\.key) }

    public var isEmpty: Bool { entries.isEmpty }

    /// The value of `key`, or nil when the table has no such key.
    public subscript(key: String) -> TOMLValue? {
        indexByKey[key].map { entries[$0].value }
    }

    /// The entry (with its line) of `key`, or nil.
    public func entry(_ key: String) -> Entry? {
        indexByKey[key].map { entries[$0] }
    }

    /// The full dotted path of a key of this table, for messages.
    public func path(of key: String) -> String {
        TOMLKeyPath.appending(key, to: location.key)
    }

    /// The value of `key`; a missing key is an error naming the table's file and line.
    public func value(_ key: String) throws -> TOMLValue {
        if let value = self[key] { return value }
        let place = location.key.isEmpty ? "" : " in table [\(location.key)]"
        throw TOMLError(file: location.file, line: location.line, key: path(of: key),
                        "missing key \(path(of: key))\(place)")
    }

    public func string(_ key: String) throws -> String { try value(key).string() }
    public func integer(_ key: String) throws -> Int { try value(key).integer() }
    public func number(_ key: String) throws -> Double { try value(key).number() }
    public func bool(_ key: String) throws -> Bool { try value(key).bool() }
    public func array(_ key: String) throws -> [TOMLValue] { try value(key).array() }
    public func table(_ key: String) throws -> TOMLTable { try value(key).table() }
    public func strings(_ key: String) throws -> [String] { try value(key).strings() }
    public func numbers(_ key: String) throws -> [Double] { try value(key).numbers() }
    public func tables(_ key: String) throws -> [TOMLTable] { try value(key).tables() }

    /// Throws for the first key (in written order) that is not in `allowed`, naming its line and
    /// suggesting the nearest allowed key: `unknown key lanes.heigth; did you mean height?`.
    public func rejectUnknownKeys<Keys: Collection<String>>(allowing allowed: Keys) throws {
        let allowedSet = Set(allowed)
        for entry in entries where !allowedSet.contains(entry.key) {
            var message = "unknown key \(path(of: entry.key))"
            if let near = NearestKey.suggestion(for: entry.key, among: allowed) {
                message += "; did you mean \(TOMLKeyPath.quoted(near))?"
            } else if !allowed.isEmpty {
                message += "; expected one of: " + allowed.sorted().map(TOMLKeyPath.quoted).joined(separator: ", ")
            }
            throw TOMLError(file: location.file, line: entry.line, key: path(of: entry.key), message)
        }
    }

    /// Every leaf value (not a table) under this table, depth first in written order, with its
    /// key path relative to this table. Arrays count as leaves, including arrays of tables.
    public var leaves: [(path: [String], value: TOMLValue)] {
        var out: [(path: [String], value: TOMLValue)] = []
        // An explicit stack of (table, its path, next entry), not recursion.
        var stack: [(table: TOMLTable, prefix: [String], next: Int)] = [(self, [], 0)]
        while let top = stack.last {
            guard top.next < top.table.entries.count else { stack.removeLast(); continue }
            stack[stack.count - 1].next += 1
            let entry = top.table.entries[top.next]
            if case .table(let sub) = entry.value.kind {
                stack.append((sub, top.prefix + [entry.key], 0))
            } else {
                out.append((top.prefix + [entry.key], entry.value))
            }
        }
        return out
    }
}
