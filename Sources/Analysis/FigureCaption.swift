import Foundation

/// The sidecar written next to every figure (`FIGURE.caption.json`), graph or timeline alike:
/// what it shows, from how many messages, over which dates, in which style, from which input
/// and through which renderer (DESIGN decision 6). No timestamps: the same input gives the
/// same sidecar. It lives here, below both renderers, so that every figure has one form.
public struct FigureCaption: Sendable, Codable, Equatable {
    /// Figure id: "correspondents" for a graph, "timeline-topics" for a timeline.
    public var figure: String
    public var title: String
    /// One or two sentences a caption can start from.
    public var shows: String
    /// Corpus messages drawn on (after filters).
    public var messages: Int
    /// Inferred incoming messages drawn on.
    public var inferredMessages: Int
    /// Messages with no date at all: left out of a figure placed in time (a timeline, the replies
    /// figure), drawn in one that is not (a network). Nil (not written) when there are none.
    public var undatedMessages: Int?
    /// First and last day of the range drawn (ISO), nil when there is nothing to draw.
    public var firstDate: String?
    public var lastDate: String?
    /// The filters applied, in words, "none" when there are none.
    public var filters: String
    /// The style spec the theme was merged from ("paper,colorblind").
    public var style: String
    /// The corpus's display name and the SHA-256 of its source bytes.
    public var corpus: String
    public var inputHash: String
    /// The library that drew it, with its version and layout ("Graphviz 2.43.0, dot layout").
    public var renderer: String
    /// SHA-256 of the DOT that was rendered (graph figures: the DOT a `-o FILE.dot` run exports).
    public var dotHash: String?

    public init(figure: String, title: String, shows: String, messages: Int, inferredMessages: Int,
                firstDate: String?, lastDate: String?, filters: String, style: String, corpus: String,
                inputHash: String, renderer: String, dotHash: String? = nil, undatedMessages: Int = 0) {
        self.figure = figure
        self.title = title
        self.shows = shows
        self.messages = messages
        self.inferredMessages = inferredMessages
        self.undatedMessages = undatedMessages > 0 ? undatedMessages : nil
        self.firstDate = firstDate
        self.lastDate = lastDate
        self.filters = filters.isEmpty ? "none" : filters
        self.style = style
        self.corpus = corpus
        self.inputHash = inputHash
        self.renderer = renderer
        self.dotHash = dotHash
    }

    /// Pretty JSON with sorted keys, ending in a newline.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    /// Where the sidecar of `figure` goes: same folder and name, extension `.caption.json`
    /// (so the SVG, PNG and PDF of one figure share one sidecar).
    public static func sidecarURL(for figure: URL) -> URL {
        figure.deletingPathExtension().appendingPathExtension("caption.json")
    }
}
