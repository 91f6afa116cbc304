import EpistolaryTestSupport
import Testing
@testable import Correspondence

/// `IntegerSort` orders as the standard library's `sorted()` does, on the shapes that break
/// quicksorts (sorted, reversed, all equal, few distinct values, organ pipes), by each of its
/// paths (insertion below the limit, the partitions, the heapsort past the depth limit).
@Suite struct IntegerSortTests {
    static func shapes(_ n: Int, seed: UInt64) -> [(String, [UInt64])] {
        var random = SplitMix64(seed: seed)
        let values = (0..<n).map { _ in random.next() }
        let few = (0..<n).map { _ in random.next() % 3 }
        return [
            ("random", values), ("few distinct", few), ("sorted", values.sorted()), ("reversed", values.sorted().reversed()),
            ("all equal", [UInt64](repeating: 7, count: n)),
            ("organ pipes", (0..<n).map { UInt64(min($0, n - $0)) }),
            ("extremes", (0..<n).map { $0.isMultiple(of: 2) ? UInt64.max : 0 }),
        ]
    }

    @Test(arguments: [0, 1, 2, 3, 19, 20, 21, 64, 255, 1_000, 20_000])
    func ordersAsTheStandardSortDoes(count: Int) {
        for (shape, values) in Self.shapes(count, seed: UInt64(count)) {
            for depthLimit in [Int.max, 0, 1] {
                var sorted = values
                sorted.withUnsafeMutableBufferPointer { IntegerSort.sort($0, depthLimit: depthLimit) }
                #expect(sorted == values.sorted(), "\(shape), \(count) values, depth limit \(depthLimit)")
            }
            var sorted = values
            sorted.withUnsafeMutableBufferPointer { IntegerSort.sort($0) }
            #expect(sorted == values.sorted(), "\(shape), \(count) values")
            #expect(IntegerSort.sortedUnique(values) == Array(Set(values)).sorted(), "\(shape), \(count) values")
        }
    }
}
