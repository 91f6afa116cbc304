import Foundation

/// An opaque sRGB colour, written `#rrggbb` in sheets. Components are 0...1 for Cairo;
/// `hex` is what Graphviz and SVG take.
public struct RGBColor: Sendable, Hashable, CustomStringConvertible {
    public var red: Double
    public var green: Double
    public var blue: Double

    public init(red: Double, green: Double, blue: Double) {
        self.red = min(max(red, 0), 1)
        self.green = min(max(green, 0), 1)
        self.blue = min(max(blue, 0), 1)
    }

    /// Parses `#rrggbb` (case-insensitive); nil for anything else.
    public init?(hex: String) {
        let scalars = Array(hex.unicodeScalars)
        guard scalars.count == 7, scalars[0] == "#",
              scalars.dropFirst().allSatisfy({ $0.properties.isASCIIHexDigit }),
              let value = UInt32(String(hex.dropFirst()), radix: 16) else { return nil }
        self.init(red: Double((value >> 16) & 0xFF) / 255,
                  green: Double((value >> 8) & 0xFF) / 255,
                  blue: Double(value & 0xFF) / 255)
    }

    /// `#rrggbb`, lower case.
    public var hex: String {
        func byte(_ c: Double) -> String {
            let text = String(Int((c * 255).rounded()), radix: 16)
            return text.count == 1 ? "0" + text : text
        }
        return "#" + byte(red) + byte(green) + byte(blue)
    }

    /// `#rrggbbaa` with the given opacity (0...1), for Graphviz and SVG translucent strokes.
    public func hex(opacity: Double) -> String {
        let alpha = String(Int((min(max(opacity, 0), 1) * 255).rounded()), radix: 16)
        return hex + (alpha.count == 1 ? "0" + alpha : alpha)
    }

    /// WCAG relative luminance (0 black ... 1 white), for contrast checks and greyscale previews.
    public var luminance: Double {
        func linear(_ c: Double) -> Double { c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// CIELAB lightness L* (0 black ... 100 white): how light the colour prints in grey.
    public var greyLightness: Double {
        let y = luminance
        return y > 0.008856 ? 116 * cbrt(y) - 16 : 903.3 * y
    }

    /// WCAG contrast ratio between two colours (1 ... 21).
    public func contrast(with other: RGBColor) -> Double {
        let (a, b) = (luminance, other.luminance)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// This colour mixed with `other`: 0 gives self, 1 gives other (for tints of a category).
    public func mixed(with other: RGBColor, _ amount: Double) -> RGBColor {
        let t = min(max(amount, 0), 1)
        return RGBColor(red: red + (other.red - red) * t,
                        green: green + (other.green - green) * t,
                        blue: blue + (other.blue - blue) * t)
    }

    public var description: String { hex }

    public static let black = RGBColor(red: 0, green: 0, blue: 0)
    public static let white = RGBColor(red: 1, green: 1, blue: 1)
}
