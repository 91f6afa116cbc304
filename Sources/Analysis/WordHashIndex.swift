/// A fixed open-addressing table from word hashes (already FNV-1a) to small lists of ints.
/// `TermMatcher` looks up every word of every body; `Dictionary` would rehash each key with
/// SipHash, which dominated the analysis of large corpora.
struct WordHashIndex: Sendable {
    private var keys: [UInt64]
    private var used: [Bool]
    private var starts: [Int32]
    private var counts: [Int32]
    private var values: [Int32]
    private let shift: UInt64

    /// Builds the table from (key, value) pairs; values of one key keep their order.
    init(_ pairs: [(key: UInt64, value: Int)]) {
        var grouped: [UInt64: [Int]] = [:]
        var order: [UInt64] = []
        for p in pairs {
            if grouped[p.key] == nil { order.append(p.key) }
            grouped[p.key, default: []].append(p.value)
        }
        var bits: UInt64 = 4
        while (1 << bits) < max(16, order.count * 3) { bits += 1 }
        let size = 1 << Int(bits)
        shift = 64 - bits
        keys = Array(repeating: 0, count: size)
        used = Array(repeating: false, count: size)
        starts = Array(repeating: 0, count: size)
        counts = Array(repeating: 0, count: size)
        values = []
        for key in order {
            var slot = Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while used[slot] { slot = (slot + 1) & (size - 1) }
            used[slot] = true
            keys[slot] = key
            starts[slot] = Int32(values.count)
            let list = grouped[key] ?? []
            counts[slot] = Int32(list.count)
            values.append(contentsOf: list.map { Int32($0) })
        }
    }

    var isEmpty: Bool { values.isEmpty }

    /// The range in `storage` of the values stored for `key` (empty when none).
    @inline(__always) func range(for key: UInt64) -> Range<Int> {
        let mask = keys.count - 1
        var slot = Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while used[slot] {
            if keys[slot] == key {
                let s = Int(starts[slot])
                return s..<(s + Int(counts[slot]))
            }
            slot = (slot + 1) & mask
        }
        return 0..<0
    }

    /// All values, addressed by `range(for:)`.
    var storage: [Int32] { values }
}
