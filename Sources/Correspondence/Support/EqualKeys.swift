/// Which indices of a list hold equal keys, counted on all cores: the keys are dealt into
/// shards by hash, and each shard's dictionary is built by one task, its indices in order.
///
/// Why: the reader counts ids (`2042-01-01-a-b`, `-b`, `-c`...) and groups messages of the same
/// writer, addressees and day over every message; one dictionary of 600,000 string keys on the
/// calling thread was a second of reading at 500,000 messages while the other core waited.
/// Equal keys share a hash, hence a shard, and each shard goes through its indices in
/// ascending order, so the result is the one sequential pass's, whatever the number of shards.
enum EqualKeys {
    /// For each index, how many earlier indices hold an equal key (0 for the first of its kind).
    /// - Complexity: O(n) hashed lookups, spread over the cores.
    static func occurrences<Key: Hashable & Sendable>(_ keys: [Key]) -> [Int] {
        let shards = shardIndices(keys.count) { keys[$0].hashValue }
        return Array(unsafeUninitializedCapacity: keys.count) { buffer, initialized in
            let slots = Slots(base: buffer.baseAddress)
            _ = ConcurrentMap.mapEach(count: shards.count) { s -> Bool in
                var seen: [Key: Int] = [:]
                seen.reserveCapacity(shards[s].count)
                for k in shards[s] {
                    let n = seen[keys[k], default: 0]
                    seen[keys[k]] = n + 1
                    (slots.base! + k).initialize(to: n)
                }
                return true
            }
            initialized = keys.count
        }
    }

    /// The groups of two or more indices whose keys are equal (nil keys belong to none), each
    /// in ascending order, the groups in the order of their first index.
    /// - Complexity: O(n) hashed lookups spread over the cores, plus O(g log g) for g groups.
    static func crowdedGroups<Key: Hashable & Sendable>(_ keys: [Key?]) -> [[Int]] {
        let shards = shardIndices(keys.count) { keys[$0]?.hashValue }
        let found = ConcurrentMap.mapEach(count: shards.count) { s -> [[Int]] in
            var groups: [Key: [Int]] = [:]
            groups.reserveCapacity(shards[s].count)
            for k in shards[s] { groups[keys[k]!, default: []].append(k) }
            return groups.values.filter { $0.count > 1 }
        }
        return found.joined().sorted { $0[0] < $1[0] }
    }

    /// The indices of `0..<count` dealt into shards by `hash` (nil: into none), each ascending.
    private static func shardIndices(_ count: Int, hash: @Sendable (Int) -> Int?) -> [[Int]] {
        let shardCount = count < 4096 ? 1 : 32
        let hashes = ConcurrentMap.map(count: count, hash)
        var shards = [[Int]](repeating: [], count: shardCount)
        for s in shards.indices { shards[s].reserveCapacity(count / shardCount + 16) }
        for (k, h) in hashes.enumerated() {
            guard let h else { continue }
            // The high bits: a dictionary of the shard uses the low ones.
            shards[Int(UInt(bitPattern: h) >> 59) & (shardCount - 1)].append(k)
        }
        return shards
    }

    /// The result's storage handed to the shard tasks; each initialises only its own indices.
    private struct Slots: @unchecked Sendable {
        let base: UnsafeMutablePointer<Int>?
    }
}
