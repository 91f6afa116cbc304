import Drawing

/// Scenes scaled as a whole (a slide's figure laid out on a larger page, then fitted to its
/// page): every coordinate, size, line width, dash and font size times one factor.
extension Scene {
    /// - Complexity: O(n) in the items and marks.
    func scaled(by s: Double) -> Scene {
        guard s != 1 else { return self }
        var out = Scene(width: width * s, height: height * s, background: background)
        out.items = items.map { $0.scaled(by: s) }
        return out
    }
}

extension SceneItem {
    func scaled(by s: Double) -> SceneItem {
        switch self {
        case .line(let l):
            return .line(SceneLine(from: l.from.scaled(s), to: l.to.scaled(s), color: l.color, width: l.width * s, dash: l.dash.map { $0 * s }))
        case .rect(let r):
            return .rect(SceneRect(rect: r.rect.scaled(s), fill: r.fill, stroke: r.stroke, strokeWidth: r.strokeWidth * s,
                                   hatch: r.hatch.map { Hatch(direction: $0.direction, spacing: $0.spacing * s, color: $0.color, width: $0.width * s) }))
        case .mark(let m):
            return .mark(m.scaled(s))
        case .marks(let run):
            return .marks(SceneMarkRun(look: run.look.scaled(s), centers: run.centers.map { $0.scaled(s) }, messageIDs: run.messageIDs))
        case .path(let p):
            let elements = p.elements.map { e -> PathElement in
                switch e {
                case .move(let a): return .move(a.scaled(s))
                case .line(let a): return .line(a.scaled(s))
                case .curve(let a, let b, let c): return .curve(a.scaled(s), b.scaled(s), c.scaled(s))
                case .close: return .close
                }
            }
            return .path(ScenePath(elements: elements, fill: p.fill, stroke: p.stroke, strokeWidth: p.strokeWidth * s, dash: p.dash.map { $0 * s }))
        case .text(let t):
            var font = t.font
            font.size *= s
            return .text(SceneText(text: t.text, origin: t.origin.scaled(s), font: font, color: t.color, quarterTurns: t.quarterTurns,
                                   bounds: t.bounds.scaled(s)))
        }
    }
}

extension SceneMark {
    func scaled(_ s: Double) -> SceneMark {
        SceneMark(center: center.scaled(s), shape: shape, size: size * s, fill: fill, stroke: stroke, strokeWidth: strokeWidth * s, messageID: messageID)
    }
}

extension LegendEntry {
    func scaled(by s: Double) -> LegendEntry {
        guard case .line(let c, let dash, let width) = swatch else { return self }
        return LegendEntry(.line(c, dash: dash.map { $0 * s }, width: width * s), label)
    }
}

extension Point {
    func scaled(_ s: Double) -> Point { Point(x: x * s, y: y * s) }
}

extension Rect {
    func scaled(_ s: Double) -> Rect { Rect(x: x * s, y: y * s, width: width * s, height: height * s) }
}
