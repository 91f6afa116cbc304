import Foundation

/// The sidecar written next to every figure (`FIGURE.caption.json`): what it shows, from how
/// many messages, over which dates, in which style, from which input (DESIGN decision 6).
/// No timestamps: the same input gives the same sidecar.
public struct FigureCaption: Sendable, Codable, Equatable {
    public var figure: String
    public var title: String
    /// One or two sentences a caption can start from.
    public var shows: String
    /// Corpus messages drawn on (after filters).
    public var messages: Int
    /// Inferred incoming messages drawn on.
    public var inferredMessages: Int
    /// First and last best date of those messages (ISO), nil when there are none.
    public var firstDate: String?
    public var lastDate: String?
    public var filters: String
    public var style: String
    public var layout: String
    public var corpus: String
    /// SHA-256 of the corpus source bytes.
    public var inputHash: String
    /// SHA-256 of the DOT that was rendered (the DOT a `-o FILE.dot` run exports).
    public var dotHash: String
    public var graphviz: String

    /// Pretty JSON with sorted keys, ending in a newline.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    /// Where the sidecar of `figure` goes: same folder and name, extension `.caption.json`.
    public static func sidecarURL(for figure: URL) -> URL {
        figure.deletingPathExtension().appendingPathExtension("caption.json")
    }
}
