import Foundation

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

    /// The opaque colour this one shows as over `ground` (alpha compositing).
    public func composited(over ground: PaintColor) -> PaintColor {
        func mix(_ c: Double, _ g: Double) -> Double { c * alpha + g * (1 - alpha) }
        return PaintColor(red: mix(red, ground.red), green: mix(green, ground.green), blue: mix(blue, ground.blue))
    }

    /// WCAG 2.1 relative luminance of the colour's components (alpha ignored).
    public var luminance: Double {
        func linear(_ c: Double) -> Double { c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// WCAG 2.1 contrast ratio (1...21) of the colour as drawn over `ground` against `ground`.
    public func contrast(on ground: PaintColor) -> Double {
        let (a, b) = (composited(over: ground).luminance, ground.luminance)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// The least contrast of a mark or line against the page: WCAG 2.1's 3:1 for graphical
    /// objects (success criterion 1.4.11), so thin marks and translucent bars stay visible.
    public static let minimumGraphicContrast = 3.0

    /// This colour at alpha `alpha`, or more opaque where `alpha` would leave it under
    /// `minimumGraphicContrast` over `ground` (fully opaque when even that is too faint).
    public func translucent(_ alpha: Double, keepingContrastOn ground: PaintColor) -> PaintColor {
        var a = min(max(alpha, 0), 1)
        while a < 1 && withAlpha(a).contrast(on: ground) < Self.minimumGraphicContrast { a = min(1, a + 0.05) }
        return withAlpha(a)
    }

    public static let black = PaintColor(red: 0, green: 0, blue: 0)
    public static let white = PaintColor(red: 1, green: 1, blue: 1)
}
