/// How one category (a correspondent, a topic) is drawn in every figure of a run: colour,
/// dash pattern and marker shape, so it stays recognisable in colour and in greyscale.
public struct SeriesStyle: Sendable, Hashable {
    public var color: PaintColor
    public var dash: [Double]
    public var shape: MarkShape

    public init(color: PaintColor, dash: [Double], shape: MarkShape) {
        self.color = color
        self.dash = dash
        self.shape = shape
    }
}
