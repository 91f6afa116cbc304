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

    /// Calls `body` for each index of `0..<count` on all cores, in chunks as `map(count:_:)`, for
    /// work that writes its own index's slot (through a pointer the caller lends) and returns nothing.
    /// - Complexity: O(count) calls of `body`, spread over the cores.
    public static func forEach(count: Int, _ body: @Sendable (Int) -> Void) {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard count > 256, cores > 1 else { for i in 0..<count { body(i) }; return }
        let chunks = min(count, cores * 8)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            for i in (count * chunk / chunks)..<(count * (chunk + 1) / chunks) { body(i) }
        }
    }

    /// Maps `0..<count` on all cores with every index a task of its own, in order, for a few
    /// large items (the pieces of a long text). Why: `map(count:_:)` keeps 256 items or fewer on
    /// the calling thread, right for cheap items but not for 70 pieces of 8 MB each (the reader's
    /// pieces were segmented one after the other on one core for that reason).
    /// - Complexity: O(count) calls of `transform`, spread over the cores.
    public static func mapEach<T: Sendable>(count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard count > 1, cores > 1 else { return (0..<count).map(transform) }
        return Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            let base = UncheckedPointer(buffer.baseAddress)
            DispatchQueue.concurrentPerform(iterations: count) { i in
                base.pointer?.advanced(by: i).initialize(to: transform(i))
            }
            initialized = count
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

    /// Runs three independent steps on all cores and returns their results; on two cores the
    /// first two start at once and the third goes to whichever core is free first, so the
    /// caller gives the two longest first. The result is the same as running them in turn.
    /// - Complexity: about the longer of `first` and `second` + `third` on two free cores.
    public static func all<A: Sendable, B: Sendable, C: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B,
                                                                 _ third: @Sendable () -> C) -> (A, B, C) {
        guard ProcessInfo.processInfo.activeProcessorCount > 1 else { return (first(), second(), third()) }
        var a: A?
        var b: B?
        var c: C?
        withUnsafeMutablePointer(to: &a) { pa in
            withUnsafeMutablePointer(to: &b) { pb in
                withUnsafeMutablePointer(to: &c) { pc in
                    let slotA = UncheckedPointer(pa), slotB = UncheckedPointer(pb), slotC = UncheckedPointer(pc)
                    DispatchQueue.concurrentPerform(iterations: 3) { k in
                        switch k {
                        case 0: slotA.pointer?.pointee = first()
                        case 1: slotB.pointer?.pointee = second()
                        default: slotC.pointer?.pointee = third()
                        }
                    }
                }
            }
        }
        return (a!, b!, c!)
    }

    /// A pointer handed to the workers; each initialises only its own indices.
    private struct UncheckedPointer<T>: @unchecked Sendable {
        let pointer: UnsafeMutablePointer<T>?
        init(_ pointer: UnsafeMutablePointer<T>?) { self.pointer = pointer }
    }
}
