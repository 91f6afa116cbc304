import Drawing

extension TextMeasurer {
    /// A `SceneText` with its measured box: `x` is the left end, `baseline` the baseline, or,
    /// for `anchor` `.center`/`.end`, the middle or right end.
    public func text(_ s: String, x: Double, baseline: Double, font: FontSpec, color: PaintColor,
                     anchor: TextAnchor = .start) -> SceneText {
        let m = measure(s, font: font)
        let left: Double
        switch anchor {
        case .start: left = x
        case .center: left = x - m.width / 2
        case .end: left = x - m.width
        }
        return SceneText(text: s, origin: Point(x: left, y: baseline), font: font, color: color,
                         bounds: Rect(x: left, y: baseline - m.ascent, width: m.width, height: m.height))
    }

    /// A text turned a quarter anticlockwise (reading upwards), centred on `centerY`, with its
    /// baseline at `x` (the glyphs lie to the left of it).
    public func verticalText(_ s: String, baselineX x: Double, centerY: Double, font: FontSpec, color: PaintColor) -> SceneText {
        let m = measure(s, font: font)
        let bottom = centerY + m.width / 2
        return SceneText(text: s, origin: Point(x: x, y: bottom), font: font, color: color, quarterTurns: 1,
                         bounds: Rect(x: x - m.ascent, y: bottom - m.width, width: m.height, height: m.width))
    }
}

/// Which point of a text its x coordinate names.
public enum TextAnchor: Sendable {
    case start, center, end
}
