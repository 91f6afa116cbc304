import Correspondence

/// A figure of the gallery that could not be made, and why: reported on stderr, listed in
/// the manifest under `failed`, and the reason `figures` exits with `partialGalleryExitCode`.
struct GalleryFailure: Encodable, Sendable, Equatable {
    /// The figure's path in the gallery without extension (`timelines/correspondents`).
    var figure: String
    /// The error, as the user would have seen it for this figure alone.
    var reason: String

    init(figure: String, reason: String) {
        self.figure = figure
        self.reason = reason
    }

    init(figure: String, error: Error) {
        self.figure = figure
        self.reason = ErrorTranslation.epistolaryError(error)?.description ?? EpistolaryError.bounded(String(describing: error))
    }

    /// Exit code of a `figures` run that wrote a gallery without some of its figures.
    static let partialGalleryExitCode: Int32 = 4
}
