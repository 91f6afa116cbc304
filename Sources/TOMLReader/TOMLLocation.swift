/// Where a key, value or table is written: file, 1-based line, and its full dotted key path
/// (empty for the root table). Array elements are written `key[index]`, counting from 0.
///
/// An element keeps its array's path and its index apart, and spells `key[index]` only when
/// asked: an array of a million numbers then shares one path string rather than holding a
/// million copies of it (memory stays linear in the file, not in file × key length).
public struct TOMLLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    /// The path of the table or array this location is in, shared with its siblings.
    private var base: String
    /// The element's index when this is an array element.
    private var index: Int?

    public init(file: String, line: Int, key: String) {
        self.file = file
        self.line = line
        self.base = key
        self.index = nil
    }

    /// The full dotted key path: `lanes.height`, `figures[1].title`, `colors[0]`.
    public var key: String {
        get { index.map { "\(base)[\($0)]" } ?? base }
        set { base = newValue; index = nil }
    }

    /// The location of a child key of this table, written on `line`.
    public func child(_ name: String, line: Int) -> TOMLLocation {
        TOMLLocation(file: file, line: line, key: TOMLKeyPath.appending(name, to: key))
    }

    /// The location of element `index` of this array, written on `line`.
    public func element(_ index: Int, line: Int) -> TOMLLocation {
        var location = self
        location.line = line
        if let own = self.index { location.base = "\(base)[\(own)]" }
        location.index = index
        return location
    }

    public static func == (a: TOMLLocation, b: TOMLLocation) -> Bool {
        a.file == b.file && a.line == b.line && a.key == b.key
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(file)
        hasher.combine(line)
        hasher.combine(key)
    }

    public var description: String { "\(file):\(line)" }
}

/// Spelling of dotted key paths as TOML writes them: bare keys as they are, other keys quoted.
public enum TOMLKeyPath {
    /// `key` as TOML writes it: bare when it only holds `A-Za-z0-9_-`, otherwise a quoted string.
    public static func quoted(_ key: String) -> String {
        if !key.isEmpty && key.unicodeScalars.allSatisfy(isBareKeyScalar) { return key }
        return TOMLStringEscaper.basicString(key)
    }

    /// `parent.key`, or `key` when the parent path is empty.
    public static func appending(_ key: String, to parent: String) -> String {
        parent.isEmpty ? quoted(key) : parent + "." + quoted(key)
    }

    static func isBareKeyScalar(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "A"..."Z", "a"..."z", "0"..."9", "_", "-": return true
        default: return false
        }
    }
}

/// Writes strings as TOML basic strings, escaping what must be escaped. Used for key paths in
/// messages and by callers that write TOML back out (e.g. `styles show`).
public enum TOMLStringEscaper {
    /// `"text"` with `\"`, `\\`, and control characters escaped.
    public static func basicString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
