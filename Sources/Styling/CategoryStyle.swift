/// How one person or topic looks in every figure of a run: its colour, the dash pattern of its
/// lines and the shape of its marks.
public struct CategoryStyle: Sendable, Hashable {
    public var color: RGBColor
    public var dash: DashPattern
    public var marker: MarkerShape

    public init(color: RGBColor, dash: DashPattern, marker: MarkerShape) {
        self.color = color
        self.dash = dash
        self.marker = marker
    }
}
