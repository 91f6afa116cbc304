import Dispatch
import Synchronization

/// Writes a stream's full buffers on a thread of its own, so that the thread making the bytes
/// never waits for the device. Why: a file of this process's own is written past the page cache
/// (`DirectFileWriter`), and a direct write returns only once the device has the block. At
/// 500,000 messages the gallery's writers waited in `write` some 5,900 times, one for each
/// 1 MiB block, and were off the processor for an eighth of the render (`perf record -e
/// sched:sched_switch`: `io_schedule_timeout` under `__iomap_dio_rw`), while only two jobs
/// run at a time on the two cores.
///
/// The sink hands over the full buffer itself (`ByteSink`'s exchange) and gets an empty one
/// back, so nothing is copied. Blocks are written in the order they were handed over, by one
/// serial queue. A failed write is kept; the blocks after it are not written, and `finish()`
/// throws it, as `ByteSink` does with a failure of its destination.
final class WriteBehind: @unchecked Sendable {
    /// Buffers of one stream: the one being filled, one being written, one waiting.
    static let depth = 3

    private let file: DirectFileWriter
    private let queue = DispatchQueue(label: "epistolary.write-behind")
    /// Buffers not being filled nor written.
    private let empty: Mutex<[UnsafeMutableRawPointer]>
    /// Counts the empty buffers: the maker waits on it when both others are still being written.
    private let emptyCount: DispatchSemaphore
    private let failure = Mutex<Error?>(nil)
    /// Every buffer, freed by `finish()`.
    private let buffers: [UnsafeMutableRawPointer]
    private var finished = false

    /// A full buffer on its way to the queue, which alone touches it until it is empty again.
    private struct Block: @unchecked Sendable {
        let start: UnsafeMutableRawPointer
        let count: Int
    }

    /// A writer of `file` in blocks of `bufferSize` bytes aligned to `alignment`.
    init(file: DirectFileWriter, bufferSize: Int, alignment: Int) {
        self.file = file
        buffers = (0..<Self.depth).map { _ in UnsafeMutableRawPointer.allocate(byteCount: bufferSize, alignment: alignment) }
        empty = Mutex(Array(buffers.dropFirst()))
        emptyCount = DispatchSemaphore(value: Self.depth - 1)
    }

    /// The buffer to fill first.
    var first: UnsafeMutableRawPointer { buffers[0] }

    /// Takes `count` bytes of `full` to be written after those handed over before, and returns
    /// the buffer to fill next. After a failure nothing more is written and `full` comes back.
    func exchange(_ full: UnsafeMutableRawPointer, count: Int) -> UnsafeMutableRawPointer {
        if failure.withLock({ $0 != nil }) { return full }
        emptyCount.wait()
        let next = empty.withLock { $0.removeLast() }
        let block = Block(start: full, count: count)
        queue.async { [self] in
            if failure.withLock({ $0 == nil }) {
                do {
                    try file.write(UnsafeRawBufferPointer(start: block.start, count: block.count))
                } catch {
                    failure.withLock { $0 = error }
                }
            }
            empty.withLock { $0.append(block.start) }
            emptyCount.signal()
        }
        return next
    }

    /// Waits until every block handed over is written (or given up after a failure), frees the
    /// buffers, and throws the first failure. Called once, also when the maker failed: the file
    /// must not be closed while a block is still being written to it.
    func finish() throws {
        release()
        if let error = failure.withLock({ $0 }) { throw error }
    }

    /// Waits for the queue, then frees the buffers (once).
    private func release() {
        queue.sync {}
        guard !finished else { return }
        finished = true
        for buffer in buffers { buffer.deallocate() }
    }

    deinit { release() }
}
