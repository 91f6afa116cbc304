/// A fixed open-addressing table from word hashes (already FNV-1a) to small lists of ints.
/// `TermMatcher` looks up every word of every body; `Dictionary` would rehash each key with
/// SipHash, which dominated the analysis of large corpora.
struct WordHashIndex: Sendable {
    /// One slot: the key and where its values lie in `values` (`count == 0`: empty slot).
    struct Slot: Sendable {
        var key: UInt64 = 0
        var start: Int32 = 0
        var count: Int32 = 0
    }

    let slots: [Slot]
    let values: [Int32]
    let shift: UInt64

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
        var slots = Array(repeating: Slot(), count: size)
        var values: [Int32] = []
        for key in order {
            var slot = Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while slots[slot].count > 0 { slot = (slot + 1) & (size - 1) }
            let list = grouped[key] ?? []
            slots[slot] = Slot(key: key, start: Int32(values.count), count: Int32(list.count))
            values.append(contentsOf: list.map { Int32($0) })
        }
        self.slots = slots
        self.values = values
    }

    /// The range in `values` of the values stored for `key` (empty when none), given the slots'
    /// buffer (callers in hot loops bind it once).
    @inline(__always) static func range(for key: UInt64, in slots: UnsafeBufferPointer<Slot>, shift: UInt64) -> Range<Int> {
        let mask = slots.count - 1
        var slot = Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let s = slots[slot]
            if s.count == 0 { return 0..<0 }
            if s.key == key { return Int(s.start)..<(Int(s.start) + Int(s.count)) }
            slot = (slot + 1) & mask
        }
    }
}
