import Correspondence
import Foundation

/// `manifest.json` of a gallery folder: every file with what it shows, its caption, size and
/// SHA-256; the input's hash, the style, and the versions of the tool, Graphviz and Cairo.
/// No timestamps, so the same input gives the same manifest.
struct GalleryManifest: Encodable {
    struct Entry: Encodable, Sendable {
        var path: String
        var kind: GalleryFile.Kind
        var format: String
        var shows: String
        var caption: String?
        var bytes: Int
        var sha256: String
    }

    struct Input: Encodable {
        var corpus: String
        var sha256: String
        var messages: Int
        var topics: String
    }

    struct Versions: Encodable {
        var epistolary: String
        var graphviz: String
        var cairo: String
    }

    var input: Input
    var style: String
    var versions: Versions
    var files: [Entry]
    /// Figures that could not be made (nil, so left out, when there is none).
    var failed: [GalleryFailure]?

    /// `files`: the entries `GalleryStaging` returned as it wrote each file, in gallery order.
    init(files: [Entry], failed: [GalleryFailure] = [], input: Input, style: String, versions: Versions) {
        self.failed = failed.isEmpty ? nil : failed
        self.input = input
        self.style = style
        self.versions = versions
        self.files = files
    }

    /// Pretty JSON with sorted keys, ending in a newline.
    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }
}
