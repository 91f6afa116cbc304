import Dispatch
import Foundation

/// Maps `0..<count` to values on all cores, keeping the order of the indices, so the result is
/// the same as a sequential map (the per-message work of an analysis is independent).
enum ConcurrentMap {
    /// The output buffer, written at disjoint indices by the workers only.
    private final class Slots<T>: @unchecked Sendable {
        var values: [T?]
        init(count: Int) { values = Array(repeating: nil, count: count) }
    }

    static func map<T: Sendable>(count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard count > 256, cores > 1 else { return (0..<count).map(transform) }
        let slots = Slots<T>(count: count)
        let chunks = min(count, cores * 8)
        slots.values.withUnsafeMutableBufferPointer { buffer in
            let base = UncheckedPointer(buffer.baseAddress)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let lower = count * chunk / chunks, upper = count * (chunk + 1) / chunks
                for i in lower..<upper { base.pointer?.advanced(by: i).pointee = transform(i) }
            }
        }
        return slots.values.map { value in
            guard let value else { preconditionFailure("ConcurrentMap: index left unset") }
            return value
        }
    }

    /// A pointer handed to the workers; each writes only its own indices.
    private struct UncheckedPointer<T>: @unchecked Sendable {
        let pointer: UnsafeMutablePointer<T?>?
        init(_ pointer: UnsafeMutablePointer<T?>?) { self.pointer = pointer }
    }
}
