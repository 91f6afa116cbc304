/// A stable style for each key of a run (person ids or topic ids). Built once from the run's
/// full ordered key list, so a key keeps its style in every figure, even figures filtered to a
/// few keys. Pinned keys take their pinned colour; the others take the palette in order,
/// skipping colours already pinned while the palette has others left. Dash patterns and marker
/// shapes cycle by the key's position, independently of colours: with palette, dash and marker
/// counts that share no factor (e.g. 4, 5, 7), the first 4 x 5 x 7 keys all look different.
public struct CategoryStyles: Sendable, Equatable {
    /// The keys in the order given, without repeats.
    public let keys: [String]
    private let styles: [String: CategoryStyle]
    /// The style for anything outside `keys` ("other"): the palette's `other` colour, solid, circle.
    public let other: CategoryStyle

    public init(keys: [String], palette: CategoryPalette, pins: [String: RGBColor]) {
        var unique: [String] = []
        var seen: Set<String> = []
        for key in keys where seen.insert(key).inserted { unique.append(key) }
        self.keys = unique

        let pinnedColors = Set(unique.compactMap { pins[$0] })
        let free = palette.colors.filter { !pinnedColors.contains($0) }
        let colors = free.isEmpty ? palette.colors : free
        let dashes = palette.dashes.isEmpty ? [DashPattern.solid] : palette.dashes
        let markers = palette.markers.isEmpty ? [MarkerShape.circle] : palette.markers

        var styles: [String: CategoryStyle] = [:]
        var unpinned = 0
        for (position, key) in unique.enumerated() {
            let color: RGBColor
            if let pinned = pins[key] {
                color = pinned
            } else {
                color = colors.isEmpty ? palette.other : colors[unpinned % colors.count]
                unpinned += 1
            }
            styles[key] = CategoryStyle(color: color, dash: dashes[position % dashes.count],
                                        marker: markers[position % markers.count])
        }
        self.styles = styles
        self.other = CategoryStyle(color: palette.other, dash: .solid, marker: .circle)
    }

    /// The style of `key`; `other` for a key not in the run's list.
    public func style(for key: String) -> CategoryStyle {
        styles[key] ?? other
    }

    public subscript(key: String) -> CategoryStyle { style(for: key) }

    /// Whether `key` was in the run's list (and so has its own style).
    public func contains(_ key: String) -> Bool { styles[key] != nil }
}
