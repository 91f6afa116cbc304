import Foundation

/// One file of the gallery, rendered in memory and not yet written: where it goes, what it
/// is, and what it shows. The manifest lists these.
struct GalleryFile: Sendable {
    enum Kind: String, Encodable, Sendable {
        case figure, caption, export
    }

    /// Path relative to the gallery folder ("graphs/correspondents.svg").
    var path: String
    var kind: Kind
    /// The file format ("svg", "graphml", "jsonl").
    var format: String
    /// What the file holds, in a sentence.
    var shows: String
    /// For figures: the caption sidecar's path.
    var caption: String?
    var data: Data
}
