/// Message positions grouped under 64-bit keys, as one array sorted by key and then position:
/// what a dictionary of arrays holds, at 16 bytes an entry and no allocation per group.
/// Looking a key up is a binary search.
struct PositionGroups: Sendable {
    struct Entry: Sendable {
        var key: UInt64
        var position: Int
    }

    private let keys: [UInt64]
    private let positions: [Int]

    /// - Complexity: O(n log n) for n entries.
    init(_ entries: [Entry]) {
        let sorted = entries.sorted { $0.key != $1.key ? $0.key < $1.key : $0.position < $1.position }
        keys = sorted.map(\.key)
        positions = sorted.map(\.position)
    }

    /// The positions under `key`, in increasing order; nil when there are none.
    /// - Complexity: O(log n).
    subscript(key: UInt64) -> ArraySlice<Int>? {
        let start = firstIndex(from: 0) { $0 >= key }
        guard start < keys.count, keys[start] == key else { return nil }
        return positions[start..<firstIndex(from: start) { $0 > key }]
    }

    /// The first index from `start` whose key satisfies `isPast` (`keys.count` when none);
    /// `isPast` must be false for a prefix of the keys and true after it.
    private func firstIndex(from start: Int, where isPast: (UInt64) -> Bool) -> Int {
        var lo = start, hi = keys.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if isPast(keys[mid]) { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
