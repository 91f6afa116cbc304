import Correspondence

/// One file of an export, not yet written: its name within the export (empty for a
/// single-file format, whose caller names the file) and the writer that streams its bytes
/// into a `ByteSink` when asked, so that the caller decides where they go (a gallery file, a
/// temporary file renamed into place, standard output) and no export is held whole in memory.
public struct ExportPart: Sendable {
    public var name: String
    public var write: @Sendable (ByteSink) -> Void

    public init(name: String, write: @escaping @Sendable (ByteSink) -> Void) {
        self.name = name
        self.write = write
    }

    /// The whole file as text (the String conveniences and tests).
    public var text: String { ByteSink.text(write) }
}
