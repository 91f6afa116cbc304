/// Sorts 64-bit integers in place, ascending, not stably (equal integers cannot be told apart).
///
/// Why not the standard library's `sort`: it is stable, and its merge buffer and run
/// bookkeeping cost most of its time on the many short arrays of hashes the analysis sorts
/// (`ParallelTexts`' word-pair hashes of every message: 11% of the analysis at 500,000
/// messages, issue 13). Measured on the analysis stage (DESIGN.md); `IntegerSortTests` check
/// it against `sorted()`.
public enum IntegerSort {
    /// Below this many elements a range is finished by insertion.
    static let insertionLimit = 20

    /// Sorts `values` in place.
    /// - Complexity: O(n log n) in the elements, also in the worst case: a quicksort (median of
    ///   three, the smaller side first) that turns to a heapsort past 2 log2 n levels.
    public static func sort(_ values: UnsafeMutableBufferPointer<UInt64>) {
        sort(values, depthLimit: 2 * (Int.bitWidth - values.count.leadingZeroBitCount))
    }

    /// Sorts `values` in place, turning to a heapsort past `depthLimit` levels (0: a heapsort
    /// from the start; the tests reach that path so).
    static func sort(_ values: UnsafeMutableBufferPointer<UInt64>, depthLimit: Int) {
        guard values.count > 1, let base = values.baseAddress else { return }
        quicksort(base, 0, values.count - 1, depth: depthLimit)
    }

    /// `values` sorted, each value once.
    /// - Complexity: O(n log n) in the elements.
    public static func sortedUnique(_ values: consuming [UInt64]) -> [UInt64] {
        var sorted = values
        sorted.withUnsafeMutableBufferPointer { sort($0) }
        var kept = 0
        sorted.withUnsafeMutableBufferPointer { p in
            for k in p.indices where kept == 0 || p[kept - 1] != p[k] {
                p[kept] = p[k]
                kept += 1
            }
        }
        sorted.removeLast(sorted.count - kept)
        return sorted
    }

    private static func quicksort(_ a: UnsafeMutablePointer<UInt64>, _ low: Int, _ high: Int, depth: Int) {
        var low = low, high = high, depth = depth
        while high - low >= insertionLimit {
            if depth == 0 {
                heapsort(a + low, high - low + 1)
                return
            }
            depth -= 1
            // Median of three to a[low]; a Hoare partition around it.
            let mid = low + (high - low) / 2
            if a[mid] < a[low] { swap(a, mid, low) }
            if a[high] < a[low] { swap(a, high, low) }
            if a[high] < a[mid] { swap(a, high, mid) }
            let pivot = a[mid]
            var i = low - 1, j = high + 1
            while true {
                repeat { i += 1 } while a[i] < pivot
                repeat { j -= 1 } while a[j] > pivot
                if i >= j { break }
                swap(a, i, j)
            }
            // The smaller side by recursion, the larger by the loop: the stack stays O(log n).
            if j - low < high - j {
                quicksort(a, low, j, depth: depth)
                low = j + 1
            } else {
                quicksort(a, j + 1, high, depth: depth)
                high = j
            }
        }
        insertion(a, low, high)
    }

    private static func insertion(_ a: UnsafeMutablePointer<UInt64>, _ low: Int, _ high: Int) {
        guard high > low else { return }
        for k in (low + 1)...high {
            let value = a[k]
            var j = k - 1
            while j >= low && a[j] > value {
                a[j + 1] = a[j]
                j -= 1
            }
            a[j + 1] = value
        }
    }

    private static func heapsort(_ a: UnsafeMutablePointer<UInt64>, _ n: Int) {
        func siftDown(_ start: Int, _ end: Int) {
            var root = start
            while 2 * root + 1 < end {
                var child = 2 * root + 1
                if child + 1 < end && a[child] < a[child + 1] { child += 1 }
                guard a[root] < a[child] else { return }
                swap(a, root, child)
                root = child
            }
        }
        for start in stride(from: n / 2 - 1, through: 0, by: -1) { siftDown(start, n) }
        for end in stride(from: n - 1, to: 0, by: -1) {
            swap(a, 0, end)
            siftDown(0, end)
        }
    }

    @inline(__always)
    private static func swap(_ a: UnsafeMutablePointer<UInt64>, _ i: Int, _ j: Int) {
        let t = a[i]; a[i] = a[j]; a[j] = t
    }
}
