import Correspondence

/// A stable style for each key of a run (person ids or topic ids). Built once from the run's
/// full key list ranked by activity, so a key keeps its style in every figure, even figures
/// filtered to a few keys. `palette.capacity` keys are "named": the pinned keys, which take
/// their pinned colour, and the busiest of the others, which take the palette's entries in
/// order, skipping entries whose colour is pinned. Every key after them, and every key not in the list, is "others": one
/// grey look, so a colour never stands for two keys. The unidentified people drawn as one
/// (`Person.unidentifiedGroupID`) are neither: they take `unidentified`, a look of their own,
/// and spend no palette entry.
public struct CategoryStyles: Sendable, Equatable {
    /// The keys in the order given, without repeats.
    public let keys: [String]
    /// The keys with a look of their own, in rank order (at most the palette's capacity).
    public let named: [String]
    private let styles: [String: CategoryStyle]
    /// The look of every key that is not named ("others").
    public let other: CategoryStyle
    /// The look of the unidentified people drawn as one (`Person.unidentifiedGroupID`): not a
    /// palette entry and not "others" (`CategoryPalette.unidentifiedStyle`).
    public let unidentified: CategoryStyle
    /// The key of the unidentified people drawn as one.
    public static let unidentifiedKey = Person.unidentifiedGroupID

    public init(keys: [String], palette: CategoryPalette, pins: [String: RGBColor]) {
        var unique: [String] = []
        var seen: Set<String> = []
        // The unidentified group never takes a palette entry: it has a look of its own.
        for key in keys where key != Self.unidentifiedKey && seen.insert(key).inserted { unique.append(key) }
        if keys.contains(Self.unidentifiedKey) { unique.append(Self.unidentifiedKey) }
        self.keys = unique

        // Pinned keys are always named and count against the capacity; the busiest unpinned
        // keys fill the rest.
        let capacity = palette.capacity
        let pinnedKeys = unique.filter { pins[$0] != nil }.prefix(capacity)
        var room = capacity - pinnedKeys.count
        let named = unique.filter { key in
            if key == Self.unidentifiedKey { return false }
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
        self.unidentified = palette.unidentifiedStyle
    }

    /// The style of `key`; `unidentified` for the unidentified group, `other` for any other
    /// key that is not named.
    public func style(for key: String) -> CategoryStyle {
        styles[key] ?? (key == Self.unidentifiedKey ? unidentified : other)
    }

    /// Whether `key` is the unidentified people drawn as one.
    public func isUnidentified(_ key: String) -> Bool { key == Self.unidentifiedKey }

    public subscript(key: String) -> CategoryStyle { style(for: key) }

    /// Whether `key` has a look of its own (is one of `named`).
    public func contains(_ key: String) -> Bool { styles[key] != nil }

    /// Whether `key` is drawn as "others" (the unidentified group is not: it has its own look).
    public func isOther(_ key: String) -> Bool { styles[key] == nil && key != Self.unidentifiedKey }

    /// The keys of `shown` that have their own look, in rank order, and the rest: what a
    /// legend lists (`named`) and folds into one "others" entry (`others`). The unidentified
    /// group is in neither: a legend gives it an entry of its own (`unidentified`).
    public func split(_ shown: some Sequence<String>) -> (named: [String], others: [String]) {
        let set = Set(shown)
        let rank = Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let named = self.named.filter { set.contains($0) }
        let others = set.filter { isOther($0) }.sorted { (rank[$0] ?? Int.max, $0) < (rank[$1] ?? Int.max, $1) }
        return (named, others)
    }
}
