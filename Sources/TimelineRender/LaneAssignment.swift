import Analysis

/// The lanes of the timeline figures, read from the slice's `Principal` (the one rule in
/// Analysis): a lane per correspondent of the central person (per person when there is none);
/// in a lane, what its person wrote lies above the line and what they received below. The
/// same rule serves the swimlanes, the volume stacks and the legends.
struct LaneAssignment {
    let principal: Principal

    /// Lanes of `entry`, each with whether the lane's person wrote it (above the line).
    func lanes(of entry: TimelineEntry) -> [(lane: String, wroteIt: Bool)] {
        principal.lanes(writer: entry.sender, addressees: entry.recipients).map { ($0.person, $0.wroteIt) }
    }

    /// Calls `body` with each lane of a message (in `lanes(of:)` order) and whether the lane's
    /// person wrote it, allocating nothing (large corpora).
    func forEachLane(sender: String, recipients: [String], _ body: (String, Bool) -> Void) {
        principal.forEachLane(writer: sender, addressees: recipients, body)
    }

    /// The one category a corpus message counts under in stacked totals
    /// (`Principal.counterpart`).
    func category(of entry: TimelineEntry) -> String {
        principal.counterpart(writer: entry.sender, addressees: entry.recipients)
    }

    static let jointKey = Principal.jointCounterpart
    static let unknownKey = Principal.unknownLane

    /// Display name of a lane or category key.
    static func name(_ key: String, in data: TimelineData) -> String {
        switch key {
        case jointKey: return "to several at once"
        case unknownKey: return "addressee unknown"
        default: return data.name(key)
        }
    }

    /// True for the keys that are not people (drawn in the muted colour).
    static func isSpecial(_ key: String) -> Bool { Principal.isPlaceholder(key) }

    /// Lane keys ordered by each lane's first message, then by key; the special keys last.
    func orderedLanes(_ entries: [TimelineEntry]) -> [String] {
        EntryLanes(entries, assignment: self).keys
    }
}
