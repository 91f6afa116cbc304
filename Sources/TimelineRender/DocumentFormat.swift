import Correspondence

/// The document formats a timeline figure is written in.
public enum DocumentFormat: String, Sendable, CaseIterable {
    case svg, png, pdf

    /// The format named by a file's extension (`figure.pdf`), or a usage error naming the file.
    public init(path: String) throws {
        let ext = path.split(separator: "/").last.flatMap { name in
            name.contains(".") ? name.split(separator: ".").last.map { $0.lowercased() } : nil
        }
        guard let ext, let format = DocumentFormat(rawValue: ext) else {
            throw EpistolaryError(.badUsage, file: path, "expected an output file ending in .svg, .png or .pdf")
        }
        self = format
    }
}
