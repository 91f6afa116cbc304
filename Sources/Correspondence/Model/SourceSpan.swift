/// The lines of the source a message or claim was read from (1-based, inclusive),
/// so that every claim can be traced back to the text (DESIGN decision 6).
public struct SourceSpan: Sendable, Hashable, Codable {
    public var startLine: Int
    public var endLine: Int

    public init(startLine: Int, endLine: Int) {
        self.startLine = startLine
        self.endLine = max(startLine, endLine)
    }

    public func contains(line: Int) -> Bool { line >= startLine && line <= endLine }
}
