import Foundation

/// The caption sidecar of a figure (`FIGURE.caption.json`, next to the figure): what it shows,
/// from how many messages, over which dates, in which style, from which input, so a figure in a
/// paper can be traced and regenerated. The same keys as the graph figures' sidecars where they
/// apply; no timestamps, so the same input gives the same sidecar.
public struct FigureCaption: Sendable, Codable, Equatable {
    public var figure: String
    public var title: String
    /// What the figure shows and how to read it; a caption can start from it.
    public var shows: String
    /// Corpus messages drawn (after filters).
    public var messages: Int
    /// Inferred incoming messages drawn.
    public var inferredMessages: Int
    /// First and last day of the range drawn (ISO).
    public var firstDate: String
    public var lastDate: String
    /// The filters applied, in words ("from 1943-01-01; topics poland"), "" for none.
    public var filters: String
    public var style: String
    /// The corpus's display name.
    public var corpus: String
    /// SHA-256 of the corpus source bytes.
    public var inputHash: String
    /// The Cairo library that drew it.
    public var cairo: String

    public init(figure: TimelineFigure, style: String, filters: String, corpus: String, inputHash: String) {
        self.figure = "timeline-\(figure.kind.rawValue)"
        self.title = figure.title
        self.shows = figure.caption
        self.messages = figure.messages
        self.inferredMessages = figure.inferredMessages
        self.firstDate = figure.from.iso
        self.lastDate = figure.to.iso
        self.filters = filters
        self.style = style
        self.corpus = corpus
        self.inputHash = inputHash
        self.cairo = ScenePainter.cairoVersion
    }

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
