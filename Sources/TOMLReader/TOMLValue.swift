/// One TOML value with the place it is written. The typed accessors (`string()`, `number()`, ...)
/// throw a `TOMLError` naming the file, line and key when the value has another type, so callers
/// get messages like `paper.toml:12: expected a number for key lanes.height (found a string)`.
public struct TOMLValue: Sendable, Equatable {
    /// The value itself. Arrays of tables (`[[name]]`) are arrays whose elements are tables.
    public enum Kind: Sendable, Equatable {
        case string(String)
        case integer(Int)
        case float(Double)
        case boolean(Bool)
        case array([TOMLValue])
        case table(TOMLTable)
    }

    public var kind: Kind
    /// Where the value starts (for a table: its `[header]`, or the first key that created it).
    public var location: TOMLLocation

    public init(_ kind: Kind, at location: TOMLLocation) {
        self.kind = kind
        self.location = location
    }

    /// The value's type with its article, for messages: "a string", "an integer", "a table".
    public var typeDescription: String {
        switch kind {
        case .string: return "a string"
        case .integer: return "an integer"
        case .float: return "a float"
        case .boolean: return "a boolean"
        case .array: return "an array"
        case .table: return "a table"
        }
    }

    /// The error for a value that is not what the caller expected, e.g. `expected a number`.
    public func typeError(expected: String) -> TOMLError {
        TOMLError(at: location, "expected \(expected) for key \(location.key) (found \(typeDescription))")
    }

    /// An error about this value (a bad colour, a number out of range), naming its file, line and key.
    public func error(_ message: String) -> TOMLError {
        TOMLError(at: location, message)
    }

    public func string() throws -> String {
        if case .string(let s) = kind { return s }
        throw typeError(expected: "a string")
    }

    public func integer() throws -> Int {
        if case .integer(let n) = kind { return n }
        throw typeError(expected: "an integer")
    }

    /// A float or an integer, as a Double: TOML writers often write `2` for `2.0`.
    public func number() throws -> Double {
        switch kind {
        case .float(let x): return x
        case .integer(let n): return Double(n)
        default: throw typeError(expected: "a number")
        }
    }

    public func bool() throws -> Bool {
        if case .boolean(let b) = kind { return b }
        throw typeError(expected: "a boolean (true or false)")
    }

    public func array() throws -> [TOMLValue] {
        if case .array(let a) = kind { return a }
        throw typeError(expected: "an array")
    }

    public func table() throws -> TOMLTable {
        if case .table(let t) = kind { return t }
        throw typeError(expected: "a table")
    }

    /// An array of strings; an element of another type is an error naming its index.
    public func strings() throws -> [String] {
        try array().map { try $0.string() }
    }

    /// An array of numbers (floats or integers).
    public func numbers() throws -> [Double] {
        try array().map { try $0.number() }
    }

    /// An array of tables, e.g. from `[[name]]` headers.
    public func tables() throws -> [TOMLTable] {
        try array().map { try $0.table() }
    }
}
