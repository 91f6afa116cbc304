import Synchronization
import Dispatch
import Foundation

/// The SHA-256 of a text, computed on a background thread while the caller does other work
/// (reading the corpus); `value()` waits for it. The hash only names the input in provenance
/// records, so it need not hold up the parse.
final class HashInBackground: Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let hex = Mutex("")

    init(_ text: String) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let value = SHA256.hex(text.utf8)
            hex.withLock { $0 = value }
            done.signal()
        }
    }

    /// The hash of raw bytes (a file mapped in memory), computed the same way.
    init(bytes: Data) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let value = bytes.withUnsafeBytes { SHA256.hex($0.bindMemory(to: UInt8.self)) }
            hex.withLock { $0 = value }
            done.signal()
        }
    }

    /// The hash of a file, read in chunks on the background thread ("" if it cannot be read).
    init(fileAt path: String) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let value = SHA256.hex(fileAt: path) ?? ""
            hex.withLock { $0 = value }
            done.signal()
        }
    }

    /// The hash, waiting for it if it is not finished yet.
    func value() -> String {
        done.wait()
        return hex.withLock { $0 }
    }
}
