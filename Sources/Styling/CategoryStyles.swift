/// A stable style for each key of a run (person ids or topic ids). Built once from the run's
/// full key list ranked by activity, so a key keeps its style in every figure, even figures
/// filtered to a few keys. `palette.capacity` keys are "named": the pinned keys, which take
/// their pinned colour, and the busiest of the others, which take the palette's entries in
/// order, skipping entries whose colour is pinned. Every key after them, and every key not in the list, is "others": one
/// grey look, so a colour never stands for two keys.
public struct CategoryStyles: Sendable, Equatable {
    /// The keys in the order given, without repeats.
    public let keys: [String]
    /// The keys with a look of their own, in rank order (at most the palette's capacity).
    public let named: [String]
    private let styles: [String: CategoryStyle]
    /// The look of every key that is not named ("others").
    public let other: CategoryStyle

    public init(keys: [String], palette: CategoryPalette, pins: [String: RGBColor]) {
        var unique: [String] = []
        var seen: Set<String> = []
        for key in keys where seen.insert(key).inserted { unique.append(key) }
        self.keys = unique

        // Pinned keys are always named and count against the capacity; the busiest unpinned
        // keys fill the rest.
        let capacity = palette.capacity
        let pinnedKeys = unique.filter { pins[$0] != nil }.prefix(capacity)
        var room = capacity - pinnedKeys.count
        let named = unique.filter { key in
            if pinnedKeys.contains(key) { return true }
            guard pins[key] == nil, room > 0 else { return false }
            room -= 1
            return true
        }
        let pinnedColors = Set(pinnedKeys.compactMap { pins[$0] })
        let entries = (0..<capacity).map(palette.entry)
        let free = entries.filter { !pinnedColors.contains($0.color) }

        var styles: [String: CategoryStyle] = [:]
        var nextFree = 0
        for (position, key) in named.enumerated() {
            if let pinned = pins[key] {
                styles[key] = CategoryStyle(color: pinned, dash: entries[position].dash, marker: entries[position].marker)
            } else if nextFree < free.count {
                styles[key] = free[nextFree]
                nextFree += 1
            } else {
                styles[key] = entries[position]
            }
        }
        self.styles = styles
        self.named = named
        self.other = palette.otherStyle
    }

    /// The style of `key`; `other` for a key that is not named.
    public func style(for key: String) -> CategoryStyle {
        styles[key] ?? other
    }

    public subscript(key: String) -> CategoryStyle { style(for: key) }

    /// Whether `key` has a look of its own (is one of `named`).
    public func contains(_ key: String) -> Bool { styles[key] != nil }

    /// Whether `key` is drawn as "others".
    public func isOther(_ key: String) -> Bool { styles[key] == nil }

    /// The keys of `shown` that have their own look, in rank order, and the rest: what a
    /// legend lists (`named`) and folds into one "others" entry (`others`).
    public func split(_ shown: some Sequence<String>) -> (named: [String], others: [String]) {
        let set = Set(shown)
        let rank = Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let named = self.named.filter { set.contains($0) }
        let others = set.filter { styles[$0] == nil }.sorted { (rank[$0] ?? Int.max, $0) < (rank[$1] ?? Int.max, $1) }
        return (named, others)
    }
}
