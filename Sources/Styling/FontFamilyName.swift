/// The grammar a theme's font family must follow, checked when the sheet loads.
///
/// The family is written into SVG attributes (`font-family="…"`), into Graphviz's `fontname`
/// and handed to fontconfig. Escaping at each of those places is the output's job; this grammar
/// makes sure a shared sheet cannot smuggle markup, quotes or control characters through any of
/// them in the first place (`x" onload="…`, `</text><script>`): a fontconfig family name is
/// letters and digits (any script), separated by single spaces or `. _ + -`, at most 64 long.
public enum FontFamilyName {
    public static let maxLength = 64

    /// Why `name` is not a valid family name, or nil when it is.
    public static func problem(_ name: String) -> String? {
        let scalars = Array(name.unicodeScalars)
        if scalars.isEmpty || name.allSatisfy(\.isWhitespace) { return "the name is empty" }
        if scalars.count > maxLength { return "the name is longer than \(maxLength) characters" }
        guard let first = scalars.first, isLetterOrDigit(first) else {
            return "the name must begin with a letter or digit"
        }
        if let last = scalars.last, last == " " { return "the name ends with a space" }
        var previous: Unicode.Scalar = first
        for scalar in scalars {
            if isLetterOrDigit(scalar) || "._+-".unicodeScalars.contains(scalar) {
                previous = scalar
                continue
            }
            if scalar == " " {
                if previous == " " { return "the name holds two spaces in a row" }
                previous = scalar
                continue
            }
            return "the character \(describe(scalar)) is not allowed (letters, digits, single spaces and . _ + - only)"
        }
        return nil
    }

    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        let p = scalar.properties
        return p.isAlphabetic || p.numericType == .decimal
    }

    private static func describe(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        if scalar.value < 0x20 || scalar.value == 0x7F || !scalar.properties.isAlphabetic && scalar.properties.generalCategory == .format {
            return code
        }
        return "'\(scalar)' (\(code))"
    }
}
