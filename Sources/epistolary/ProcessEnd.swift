import Synchronization

/// Values a command leaves to the end of the process instead of freeing them itself.
///
/// Why: after `figures` on 500,000 messages has written its last file, freeing the corpus,
/// the analysis and the gallery object by object took 2 s of its 55 s, on one core, just
/// before the process ended; the kernel takes a process's pages back at once. So the
/// command-line tool (and only it: its `main` turns `shared` on) hands those values here as
/// its last step, and `exit` ends the process with them held. A test or a library caller
/// that runs a command in-process frees them as usual.
final class ProcessEnd: Sendable {
    /// The process's own: on only in the command-line tool.
    static let shared = ProcessEnd()

    private let enabled = Atomic<Bool>(false)
    private let held = Mutex<[AnyObject]>([])

    /// Turns keeping on (the tool's `main`; a test uses an instance of its own).
    func keepUntilExit() {
        enabled.store(true, ordering: .relaxed)
    }

    /// Whether `keep` holds what it is given.
    var isKeeping: Bool { enabled.load(ordering: .relaxed) }

    /// Holds `value` until the process ends when keeping is on; otherwise does nothing, and
    /// `value` is freed when its last owner lets it go.
    func keep<Value>(_ value: Value) {
        guard isKeeping else { return }
        let box = Box(value)
        held.withLock { $0.append(box) }
    }

    /// How many values are held.
    var heldCount: Int { held.withLock { $0.count } }

    /// `shared.keep(value)`.
    static func keep<Value>(_ value: Value) { shared.keep(value) }

    /// One kept value, of any type.
    private final class Box<Value>: @unchecked Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }
}
