/// A colour as the painter uses it: sRGB components and alpha, each 0...1.
/// Scenes hold plain colours (taken from the theme) so that they can be compared in tests.
public struct PaintColor: Sendable, Hashable {
    public var red: Double
    public var green: Double
    public var blue: Double
    public var alpha: Double

    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    /// Parses `#rrggbb`; nil for anything else.
    public init?(hex: String) {
        guard hex.count == 7, hex.first == "#", let v = Int(hex.dropFirst(), radix: 16) else { return nil }
        self.init(red: Double((v >> 16) & 0xff) / 255, green: Double((v >> 8) & 0xff) / 255, blue: Double(v & 0xff) / 255)
    }

    /// The same colour with another alpha.
    public func withAlpha(_ a: Double) -> PaintColor {
        PaintColor(red: red, green: green, blue: blue, alpha: a)
    }

    /// The colour mixed with white by `amount` (0 = unchanged, 1 = white): light fills for
    /// bands and density strips that stay opaque (and so print the same everywhere).
    public func lightened(_ amount: Double) -> PaintColor {
        PaintColor(red: red + (1 - red) * amount, green: green + (1 - green) * amount,
                   blue: blue + (1 - blue) * amount, alpha: alpha)
    }

    public static let black = PaintColor(red: 0, green: 0, blue: 0)
    public static let white = PaintColor(red: 1, green: 1, blue: 1)
}
