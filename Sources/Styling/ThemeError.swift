/// A style spec or sheet that cannot be used: an unknown style name (usage), a sheet whose
/// content is wrong (data; normally reported as a `TOMLError` with file, line and key instead),
/// or bundled sheets that cannot be found (environment: a broken install).
public struct ThemeError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case badUsage
        case badData
        case environment
    }

    public var kind: Kind
    public var file: String?
    public var line: Int?
    public var message: String

    public init(_ kind: Kind, file: String? = nil, line: Int? = nil, _ message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`, or as much of it as is known.
    public var description: String {
        switch (file, line) {
        case let (f?, l?): return "\(f):\(l): \(message)"
        case let (f?, nil): return "\(f): \(message)"
        default: return message
        }
    }
}
