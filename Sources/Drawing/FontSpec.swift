/// A font as the toy text API selects it: a family (DejaVu from the theme), a size in points,
/// and weight and slant.
public struct FontSpec: Sendable, Hashable {
    public var family: String
    public var size: Double
    public var bold: Bool
    public var italic: Bool

    public init(family: String, size: Double, bold: Bool = false, italic: Bool = false) {
        self.family = family
        self.size = size
        self.bold = bold
        self.italic = italic
    }
}
