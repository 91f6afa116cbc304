import Foundation

/// The caption sidecar of a figure (`FILE.caption.json`): what it shows, how many messages,
/// the date range, the style and the input's hash, so a figure in a paper can be traced and
/// regenerated.
public struct FigureCaption: Sendable, Codable, Equatable {
    public var figure: String
    public var title: String
    public var caption: String
    public var messages: Int
    public var from: String
    public var to: String
    public var style: String
    public var input_sha256: String

    public init(figure: TimelineFigure, style: String, inputSHA256: String) {
        self.figure = "timeline-\(figure.kind.rawValue)"
        self.title = figure.title
        self.caption = figure.caption
        self.messages = figure.messages
        self.from = figure.from.iso
        self.to = figure.to.iso
        self.style = style
        self.input_sha256 = inputSHA256
    }

    /// Pretty JSON with sorted keys and a final newline: the same caption gives the same bytes.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0a)
        return data
    }
}
