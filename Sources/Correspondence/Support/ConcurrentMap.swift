import Dispatch
import Foundation

/// Maps `0..<count` to values on all cores, keeping the order of the indices, so the result is
/// the same as a sequential map (the per-message work of a reader or an analysis is independent).
/// In `Correspondence` so that the readers and `Analysis` share it.
public enum ConcurrentMap {
    /// - Complexity: O(count) calls of `transform`, spread over the cores. Each value is
    ///   written once into the result's own storage (no optional slots copied afterwards).
    public static func map<T: Sendable>(count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard count > 256, cores > 1 else { return (0..<count).map(transform) }
        let chunks = min(count, cores * 8)
        return Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            let base = UncheckedPointer(buffer.baseAddress)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let lower = count * chunk / chunks, upper = count * (chunk + 1) / chunks
                for i in lower..<upper { base.pointer?.advanced(by: i).initialize(to: transform(i)) }
            }
            initialized = count
        }
    }

    /// A pointer handed to the workers; each initialises only its own indices.
    private struct UncheckedPointer<T>: @unchecked Sendable {
        let pointer: UnsafeMutablePointer<T>?
        init(_ pointer: UnsafeMutablePointer<T>?) { self.pointer = pointer }
    }
}
