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

    /// Maps `0..<count` a block of `block` indices at a time, each block on all cores, into one
    /// array made once (no block is copied into it afterwards). `transformOf` is called on the
    /// calling thread before each block with the block's indices and returns the transform for
    /// them: it can copy out the block's inputs and let go of the caller's, so that the inputs
    /// and the results are never both held whole.
    /// - Complexity: O(count) calls of the transforms, spread over the cores.
    public static func map<T: Sendable>(count: Int, block: Int,
                                        _ transformOf: (Range<Int>) -> @Sendable (Int) -> T) -> [T] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        return Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            let base = UncheckedPointer(buffer.baseAddress)
            for lower in stride(from: 0, to: count, by: max(block, 1)) {
                let upper = min(lower + max(block, 1), count)
                let transform = transformOf(lower..<upper)
                let size = upper - lower
                guard size > 256, cores > 1 else {
                    for i in lower..<upper { base.pointer?.advanced(by: i).initialize(to: transform(i)) }
                    initialized = upper
                    continue
                }
                let chunks = min(size, cores * 8)
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    for i in (lower + size * chunk / chunks)..<(lower + size * (chunk + 1) / chunks) {
                        base.pointer?.advanced(by: i).initialize(to: transform(i))
                    }
                }
                initialized = upper
            }
        }
    }

    /// Runs `first` and `second` at the same time (one on each of two cores when there are two)
    /// and returns both results. For independent steps that are each sequential: the result is
    /// the same as running them one after the other.
    /// - Complexity: the larger of the two, on a machine with two cores free.
    public static func both<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
        guard ProcessInfo.processInfo.activeProcessorCount > 1 else { return (first(), second()) }
        var a: A?
        var b: B?
        withUnsafeMutablePointer(to: &a) { pa in
            withUnsafeMutablePointer(to: &b) { pb in
                let slotA = UncheckedPointer(pa), slotB = UncheckedPointer(pb)
                DispatchQueue.concurrentPerform(iterations: 2) { k in
                    if k == 0 { slotA.pointer?.pointee = first() } else { slotB.pointer?.pointee = second() }
                }
            }
        }
        return (a!, b!)
    }

    /// A pointer handed to the workers; each initialises only its own indices.
    private struct UncheckedPointer<T>: @unchecked Sendable {
        let pointer: UnsafeMutablePointer<T>?
        init(_ pointer: UnsafeMutablePointer<T>?) { self.pointer = pointer }
    }
}
