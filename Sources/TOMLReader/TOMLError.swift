/// A TOML file that cannot be read or does not hold what its reader expects: the file, the line
/// and the key concerned, and what was expected. Printed as `file:line: message`, like a compiler.
///
/// TOMLReader depends on nothing, so it has its own error; callers map it to their own error type.
public struct TOMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file name given to the parser (a path or a label such as `<bundled>`).
    public var file: String
    /// The 1-based line, or nil when the error concerns the whole file (e.g. it cannot be read).
    public var line: Int?
    /// The full dotted key concerned (`lanes.height`, `figures[1].title`), when there is one.
    public var key: String?
    /// What went wrong or what was expected, in one sentence.
    public var message: String

    /// True only when the file could not be read at all (missing, a folder, no permission):
    /// the caller's usage or environment, not the file's data. Everything else, a file too
    /// large or not UTF-8 included, is bad data (exit 1), whether or not it has a line.
    public var unreadable: Bool

    public init(file: String, line: Int?, key: String? = nil, _ message: String, unreadable: Bool = false) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
        self.unreadable = unreadable
    }

    /// An error at a known place in a document.
    public init(at location: TOMLLocation, _ message: String) {
        self.init(file: location.file, line: location.line, key: location.key.isEmpty ? nil : location.key, message)
    }

    /// `file:line: message` (or `file: message` when no line is known).
    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
