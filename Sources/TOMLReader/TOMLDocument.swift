import Foundation

/// A parsed TOML file: its root table, every key and value keeping the line it is written on.
///
/// The reader is strict (TOML 1.0): duplicate keys, tables defined twice, malformed lines, bad
/// escapes and bad numbers are errors naming file and line. Dates and times are not supported
/// (no caller needs them) and are rejected with a clear message.
public struct TOMLDocument: Sendable, Equatable {
    /// The name given to the parser, repeated in every error.
    public var file: String
    public var root: TOMLTable

    /// Parses `text`; `file` names it in errors (a path, or a label such as `<bundled paper>`).
    public static func parse(_ text: String, file: String) throws -> TOMLDocument {
        var parser = TOMLParser(text: text, file: file)
        return TOMLDocument(file: file, root: try parser.parseDocument())
    }

    /// Reads and parses the file at `path`; an unreadable or non-UTF-8 file is a `TOMLError`.
    public static func load(path: String) throws -> TOMLDocument {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw TOMLError(file: path, line: nil, "cannot read the file (\(Self.reason(error)))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw TOMLError(file: path, line: nil, "the file is not UTF-8 text")
        }
        return try parse(text, file: path)
    }

    private static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError,
           underlying.domain == NSPOSIXErrorDomain,
           let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return code == .ENOENT ? "no such file" : "\(POSIXError(code).localizedDescription)"
        }
        if ns.domain == NSCocoaErrorDomain, ns.code == NSFileReadNoSuchFileError { return "no such file" }
        return ns.localizedDescription
    }
}
