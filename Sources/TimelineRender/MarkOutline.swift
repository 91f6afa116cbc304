import Foundation

/// What receives an outline: the Cairo painter turns it into path calls, the SVG writer into
/// path data, so both draw the same shapes.
protocol OutlineSink {
    mutating func move(_ x: Double, _ y: Double)
    mutating func line(_ x: Double, _ y: Double)
    /// A whole circle, as a sub-path of its own starting at angle 0 (its right-most point).
    mutating func circle(_ x: Double, _ y: Double, radius: Double)
    mutating func close()
}

/// The geometry of a mark's shape and of a hatching's lines, in one place for every format.
enum MarkOutline {
    /// The outline of a mark of `shape`, `size` points wide, centred on `center`. Crosses,
    /// pluses and bars are open strokes; the other shapes are closed.
    static func trace<S: OutlineSink>(_ shape: MarkShape, size: Double, at center: Point, into sink: inout S) {
        let x = center.x, y = center.y, h = size / 2
        switch shape {
        case .circle:
            sink.circle(x, y, radius: h)
        case .square:
            let s = h * 0.89
            sink.move(x - s, y - s)
            sink.line(x + s, y - s)
            sink.line(x + s, y + s)
            sink.line(x - s, y + s)
            sink.close()
        case .triangle:
            sink.move(x, y - h)
            sink.line(x + h, y + h * 0.8)
            sink.line(x - h, y + h * 0.8)
            sink.close()
        case .triangleDown:
            sink.move(x, y + h)
            sink.line(x + h, y - h * 0.8)
            sink.line(x - h, y - h * 0.8)
            sink.close()
        case .diamond:
            sink.move(x, y - h)
            sink.line(x + h, y)
            sink.line(x, y + h)
            sink.line(x - h, y)
            sink.close()
        case .pentagon, .hexagon:
            let n = shape == .pentagon ? 5 : 6
            let start = shape == .pentagon ? -Double.pi / 2 : 0
            for i in 0..<n {
                let a = start + 2 * Double.pi * Double(i) / Double(n)
                if i == 0 { sink.move(x + h * cos(a), y + h * sin(a)) } else { sink.line(x + h * cos(a), y + h * sin(a)) }
            }
            sink.close()
        case .star:
            // Five points on the mark's circle, the inner corners at 0.45 of it, point up.
            for i in 0..<10 {
                let a = -Double.pi / 2 + Double.pi * Double(i) / 5
                let r = i % 2 == 0 ? h : h * 0.45
                if i == 0 { sink.move(x + r * cos(a), y + r * sin(a)) } else { sink.line(x + r * cos(a), y + r * sin(a)) }
            }
            sink.close()
        case .cross:
            let s = h * 0.8
            sink.move(x - s, y - s); sink.line(x + s, y + s)
            sink.move(x + s, y - s); sink.line(x - s, y + s)
        case .plus:
            sink.move(x - h, y); sink.line(x + h, y)
            sink.move(x, y - h); sink.line(x, y + h)
        case .bar:
            sink.move(x, y - h); sink.line(x, y + h)
        }
    }

    /// The lines of hatching `h` over `r`, as segments to be clipped to `r` when stroked.
    static func traceHatch<S: OutlineSink>(_ h: Hatch, over r: Rect, into sink: inout S) {
        let step = max(h.spacing, 0.5)
        let span = r.width + r.height
        var t = step / 2
        while t < span {
            switch h.direction {
            case .horizontal:
                if t < r.height { sink.move(r.minX, r.minY + t); sink.line(r.maxX, r.minY + t) }
            case .vertical:
                if t < r.width { sink.move(r.minX + t, r.minY); sink.line(r.minX + t, r.maxY) }
            case .rising, .cross:
                sink.move(r.minX + t - r.height, r.maxY); sink.line(r.minX + t, r.minY)
                if h.direction == .cross { sink.move(r.minX + t - r.height, r.minY); sink.line(r.minX + t, r.maxY) }
            case .falling:
                sink.move(r.minX + t - r.height, r.minY); sink.line(r.minX + t, r.maxY)
            }
            t += step
        }
    }
}
