/// Which correspondent's lane a message belongs to, seen from the principal: a message the
/// principal wrote goes to each addressee's lane (upper row), any other to its writer's lane
/// (lower row). The same rule serves the swimlanes, the volume stacks and the legends.
struct LaneAssignment {
    let principal: String?

    /// Lanes of `entry`, each with whether the principal wrote it.
    func lanes(of entry: TimelineEntry) -> [(lane: String, fromPrincipal: Bool)] {
        if let p = principal, entry.sender == p {
            let others = uniq(entry.recipients.filter { $0 != p })
            return others.isEmpty ? [(p, true)] : others.map { ($0, true) }
        }
        return [(entry.sender, false)]
    }

    /// The one category a corpus message counts under in stacked totals: its lane when it has
    /// one, `jointKey` when it went to several correspondents at once.
    func category(of entry: TimelineEntry) -> String {
        let l = lanes(of: entry)
        return l.count == 1 ? l[0].lane : LaneAssignment.jointKey
    }

    static let jointKey = "(joint)"

    /// Lane keys ordered by each lane's first message, then by key.
    func orderedLanes(_ entries: [TimelineEntry]) -> [String] {
        var first: [String: Int] = [:]
        for e in entries {
            for l in lanes(of: e) {
                let o = e.date.best.ordinal
                if first[l.lane].map({ o < $0 }) ?? true { first[l.lane] = o }
            }
        }
        return first.keys.sorted { (first[$0]!, $0) < (first[$1]!, $1) }
    }

    private func uniq(_ xs: [String]) -> [String] {
        var seen = Set<String>()
        return xs.filter { seen.insert($0).inserted }
    }
}
