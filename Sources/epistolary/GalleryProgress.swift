import Synchronization
import Correspondence
import Foundation

/// Progress of a long gallery run on stderr, one rewritten line, only when stderr is a
/// terminal (a log or CI gets just the closing summary).
final class GalleryProgress: Sendable {
    private let enabled: Bool
    private let count = Mutex(0)

    init(enabled: Bool) { self.enabled = enabled }

    /// Called from the gallery's threads as each file is rendered.
    func report(_ path: String) {
        guard enabled else { return }
        count.withLock { count in
            count += 1
            StandardError.write("\r\u{1B}[K[\(count)] \(path)")
        }
    }

    /// Clears the progress line.
    func finish() {
        guard enabled else { return }
        StandardError.write("\r\u{1B}[K")
    }
}
