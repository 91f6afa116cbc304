/// The one error type users see: what went wrong, where (file and line when known), and the
/// exit code it maps to (DESIGN decision 8: 1 bad data, 2 bad usage, 3 environment).
public struct EpistolaryError: Error, Sendable, CustomStringConvertible, Equatable {
    public enum Kind: Int32, Sendable {
        case badData = 1
        case badUsage = 2
        case environment = 3
    }

    public var kind: Kind
    public var file: String?
    public var line: Int?
    /// What was expected, or what is missing, in one sentence.
    public var message: String

    public init(_ kind: Kind, file: String? = nil, line: Int? = nil, _ message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.message = message
    }

    public var exitCode: Int32 { kind.rawValue }

    /// `file:line: message`, the form compilers use, so editors can jump to it.
    public var description: String {
        switch (file, line) {
        case let (f?, l?): return "\(f):\(l): \(message)"
        case let (f?, nil): return "\(f): \(message)"
        default: return message
        }
    }
}
