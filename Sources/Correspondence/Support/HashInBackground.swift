import Synchronization
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The SHA-256 of a text, computed on a thread of its own while the caller does other work
/// (reading the corpus); `value()` waits for it. The hash only names the input in provenance
/// records, so it need not hold up the parse.
///
/// The thread is joined, not merely waited for: when `value()` or `cancel()` returns, the
/// thread has ended and released the input it held, so no work and no memory of a read
/// outlives it (a queue's block would still be letting go after signalling, which
/// LeakSanitizer sees as a leak of every input). A read that fails calls `cancel()`, which
/// stops the hash at its next megabyte.
final class HashInBackground: Sendable {
    private let hex = Mutex<String?>(nil)
    private let stopped = Atomic<Bool>(false)
    /// The running thread, until it is joined (nil once joined, or when it could not start
    /// and the hash was computed in place).
    private let thread = Mutex<ThreadHandle?>(nil)

    /// A `pthread_t` the lock can hold: only joined or detached once, under that lock.
    private struct ThreadHandle: @unchecked Sendable { let id: pthread_t }

    /// The closure a thread runs, passed through `pthread_create`'s context pointer.
    private final class Job {
        let run: () -> Void
        init(_ run: @escaping () -> Void) { self.run = run }
    }

    init(_ text: String) {
        guard text.utf8.count > Self.inPlaceLimit else {
            // A small text hashes in less time than a thread takes to start and join.
            hex.withLock { $0 = SHA256.hex(text.utf8) }
            return
        }
        start { [self] in SHA256.hex(text.utf8, unless: isCancelled) }
    }

    /// Texts of at most this many bytes are hashed in place, at once (about 0.1 ms).
    static let inPlaceLimit = 64 * 1024

    /// The hash of raw bytes (a file mapped in memory), computed the same way.
    init(bytes: Data) {
        start { [self] in bytes.withUnsafeBytes { SHA256.hex($0.bindMemory(to: UInt8.self), unless: isCancelled) } }
    }

    /// The hash of a file, read in chunks on the background thread ("" if it cannot be read).
    init(fileAt path: String) {
        start { [self] in SHA256.hex(fileAt: path, unless: isCancelled) }
    }

    private func start(_ work: @escaping () -> String?) {
        let job = Unmanaged.passRetained(Job { [self] in
            let value = work() ?? ""
            hex.withLock { $0 = value }
        })
        #if canImport(Glibc)
        var id = pthread_t()
        let started = pthread_create(&id, nil, { context in
            Unmanaged<Job>.fromOpaque(context!).takeRetainedValue().run()
            return nil
        }, job.toOpaque()) == 0
        if started { thread.withLock { $0 = ThreadHandle(id: id) } }
        #else
        var id: pthread_t?
        let started = pthread_create(&id, nil, { context in
            Unmanaged<Job>.fromOpaque(context).takeRetainedValue().run()
            return nil
        }, job.toOpaque()) == 0
        if started, let id { thread.withLock { $0 = ThreadHandle(id: id) } }
        #endif
        if !started { job.takeRetainedValue().run() }   // no thread to be had: hash in place
    }

    private func isCancelled() -> Bool { stopped.load(ordering: .relaxed) }

    /// Waits until the thread has ended (once; later calls return at once).
    private func join() {
        guard let handle = thread.withLock({ handle in defer { handle = nil }; return handle }) else { return }
        pthread_join(handle.id, nil)
    }

    /// The hash, waiting for it if it is not finished yet.
    func value() -> String {
        join()
        return hex.withLock { $0 ?? "" }
    }

    /// Stops the hash (within a megabyte) and waits until the thread has ended and released
    /// the input. For a read that failed and will never ask for `value()`.
    func cancel() {
        stopped.store(true, ordering: .relaxed)
        join()
    }

    deinit {
        // Never joined (the thread itself may be running this, as it lets go of `self`):
        // detached, so its resources are freed when it ends.
        if let handle = thread.withLock({ $0 }) { pthread_detach(handle.id) }
    }
}
