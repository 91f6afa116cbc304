import Correspondence

/// The lanes of every entry, worked out once and held as small integers, so that a large
/// corpus is walked once for the lane order, its marks and its reply arcs without hashing a
/// lane's name per mark.
struct EntryLanes {
    /// Lane keys in drawing order: people by their first message (then by key), the special
    /// keys last.
    let keys: [String]
    /// Entry `i`'s lanes are `lane[start[i]..<start[i + 1]]` (indices into `keys`, in
    /// `LaneAssignment.forEachLane` order), each with whether the principal wrote it.
    let lane: [Int32]
    let fromPrincipal: [Bool]
    let start: [Int32]

    init(_ entries: [TimelineEntry], assignment: LaneAssignment) {
        var index: [String: Int32] = [:]
        var seen: [String] = []  // keys by first appearance
        var firstDay: [Int] = []
        var lane: [Int32] = [], fromPrincipal: [Bool] = [], start: [Int32] = [0]
        lane.reserveCapacity(entries.count)
        fromPrincipal.reserveCapacity(entries.count)
        start.reserveCapacity(entries.count + 1)
        for i in entries.indices {
            let day = entries[i].day.ordinal
            assignment.forEachLane(sender: entries[i].sender, recipients: entries[i].recipients) { key, byPrincipal in
                let k: Int32
                if let known = index[key] {
                    k = known
                    if day < firstDay[Int(k)] { firstDay[Int(k)] = day }
                } else {
                    k = Int32(seen.count)
                    index[key] = k
                    seen.append(key)
                    firstDay.append(day)
                }
                lane.append(k)
                fromPrincipal.append(byPrincipal)
            }
            start.append(Int32(lane.count))
        }
        let order = seen.indices.sorted { a, b in
            let sa = LaneAssignment.isSpecial(seen[a]), sb = LaneAssignment.isSpecial(seen[b])
            if sa != sb { return !sa }
            return (firstDay[a], seen[a]) < (firstDay[b], seen[b])
        }
        var rank = [Int32](repeating: 0, count: seen.count)
        for (r, k) in order.enumerated() { rank[k] = Int32(r) }
        keys = order.map { seen[$0] }
        self.lane = lane.map { rank[Int($0)] }
        self.fromPrincipal = fromPrincipal
        self.start = start
    }

    /// Positions in `lane`/`fromPrincipal` of entry `i`'s lanes.
    func slots(of i: Int) -> Range<Int> { Int(start[i])..<Int(start[i + 1]) }
}
