import TOMLReader

/// A colour as a sheet writes it: `#rrggbb`, or the name of one of the theme's own colours
/// (`ink`, `paper`, `muted`, `faint`, `highlight`), so a sheet that changes `[colors]` (e.g.
/// `dark`) changes every element drawn in those colours.
public enum ThemeColorValue: Sendable, Hashable, CustomStringConvertible {
    case rgb(RGBColor)
    case named(String)

    /// The names a colour value may refer to: the keys of `[colors]`.
    public static let names = ["ink", "paper", "muted", "faint", "highlight"]

    public var description: String {
        switch self {
        case .rgb(let c): return c.hex
        case .named(let n): return n
        }
    }
}

/// One validated value of a sheet, of the type its schema field requires.
public enum ThemeSetting: Sendable, Hashable {
    case number(Double)
    case integer(Int)
    case bool(Bool)
    case string(String)
    case color(ThemeColorValue)
    case colors([ThemeColorValue])
    case dash(DashPattern)
    case dashes([DashPattern])
    case marker(MarkerShape)
    case markers([MarkerShape])

    /// The value as TOML writes it, for `styles show`.
    public var tomlText: String {
        let quoted = TOMLStringEscaper.basicString
        switch self {
        case .number(let x): return ThemeNumberFormat.text(x)
        case .integer(let n): return String(n)
        case .bool(let b): return b ? "true" : "false"
        case .string(let s): return quoted(s)
        case .color(let c): return quoted(c.description)
        case .colors(let cs): return "[" + cs.map { quoted($0.description) }.joined(separator: ", ") + "]"
        case .dash(let d): return d.description
        case .dashes(let ds): return "[" + ds.map(\.description).joined(separator: ", ") + "]"
        case .marker(let m): return quoted(m.name)
        case .markers(let ms): return "[" + ms.map { quoted($0.name) }.joined(separator: ", ") + "]"
        }
    }
}

/// Numbers as sheets write them: `12`, `0.75`, never `12.0` or exponent noise.
enum ThemeNumberFormat {
    static func text(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e12 { return String(Int(x)) }
        return String(x)
    }
}
