import Correspondence
import Foundation

/// Progress of a long gallery run on stderr, one rewritten line, only when stderr is a
/// terminal (a log or CI gets just the closing summary).
final class GalleryProgress: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var count = 0

    init(enabled: Bool) { self.enabled = enabled }

    /// Called from the gallery's threads as each file is rendered.
    func report(_ path: String) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        count += 1
        StandardError.write("\r\u{1B}[K[\(count)] \(path)")
    }

    /// Clears the progress line.
    func finish() {
        guard enabled else { return }
        StandardError.write("\r\u{1B}[K")
    }
}
