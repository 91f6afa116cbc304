/// Which correspondent's lane a message belongs to, seen from the principal: a message the
/// principal wrote goes to each addressee's lane (upper row), any other to its writer's lane
/// (lower row). The same rule serves the swimlanes, the volume stacks and the legends.
struct LaneAssignment {
    let principal: String?

    /// Lanes of `entry`, each with whether the principal wrote it.
    func lanes(of entry: TimelineEntry) -> [(lane: String, fromPrincipal: Bool)] {
        var out: [(lane: String, fromPrincipal: Bool)] = []
        forEachLane(sender: entry.sender, recipients: entry.recipients) { out.append(($0, $1)) }
        return out
    }

    /// Calls `body` with each lane of a message from `sender` to `recipients` (in
    /// `lanes(of:)` order) and whether the principal wrote it, allocating nothing (large
    /// corpora).
    func forEachLane(sender: String, recipients rs: [String], _ body: (String, Bool) -> Void) {
        guard let p = principal, sender == p else { return body(sender, false) }
        if rs.count == 1, rs[0] != p { return body(rs[0], true) }
        var any = false
        for (i, r) in rs.enumerated() where r != p && !rs[..<i].contains(r) {
            body(r, true)
            any = true
        }
        if !any { body(LaneAssignment.unknownKey, true) }
    }

    /// The one category a corpus message counts under in stacked totals: its lane when it has
    /// one, `jointKey` when it went to several correspondents at once.
    func category(of entry: TimelineEntry) -> String {
        let l = lanes(of: entry)
        return l.count == 1 ? l[0].lane : LaneAssignment.jointKey
    }

    static let jointKey = "(joint)"
    /// The lane of the principal's messages whose addressee is not known (fragments).
    static let unknownKey = "(unknown)"

    /// Display name of a lane or category key.
    static func name(_ key: String, in data: TimelineData) -> String {
        switch key {
        case jointKey: return "to several at once"
        case unknownKey: return "addressee unknown"
        default: return data.name(key)
        }
    }

    /// True for the keys that are not people (drawn in the muted colour).
    static func isSpecial(_ key: String) -> Bool { key == jointKey || key == unknownKey }

    /// Lane keys ordered by each lane's first message, then by key; the special keys last.
    func orderedLanes(_ entries: [TimelineEntry]) -> [String] {
        EntryLanes(entries, assignment: self).keys
    }
}
