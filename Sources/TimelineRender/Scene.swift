import Drawing
import Foundation

/// The shape of a message mark. Shapes (with fill) keep categories apart in greyscale print.
public enum MarkShape: String, Sendable, Hashable, CaseIterable {
    case circle, square, triangle, diamond, triangleDown, pentagon, hexagon, star, cross, plus, bar

    /// Maps a theme's marker name ("circle", "triangle-down", "x"...) to a shape; circle
    /// when the name is unknown.
    public init(themeName: String) {
        switch themeName.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "square", "box", "rect": self = .square
        case "triangle", "triangle-up", "up": self = .triangle
        case "diamond", "rhombus": self = .diamond
        case "triangle-down", "invtriangle", "down": self = .triangleDown
        case "pentagon": self = .pentagon
        case "hexagon": self = .hexagon
        case "star": self = .star
        case "cross", "x": self = .cross
        case "plus", "+": self = .plus
        case "bar", "tick", "line": self = .bar
        default: self = .circle
        }
    }
}

/// A straight line segment.
public struct SceneLine: Sendable, Hashable {
    public var from: Point
    public var to: Point
    public var color: PaintColor
    public var width: Double
    /// Dash lengths in points; empty for a solid line.
    public var dash: [Double]

    public init(from: Point, to: Point, color: PaintColor, width: Double, dash: [Double] = []) {
        self.from = from
        self.to = to
        self.color = color
        self.width = width
        self.dash = dash
    }

    public var bounds: Rect {
        Rect(x: min(from.x, to.x), y: min(from.y, to.y), width: abs(to.x - from.x), height: abs(to.y - from.y))
    }
}

/// A filled and/or stroked rectangle (bars, bands, density cells, legend swatches).
public struct SceneRect: Sendable, Hashable {
    public var rect: Rect
    public var fill: PaintColor?
    public var stroke: PaintColor?
    public var strokeWidth: Double
    /// Lines drawn over the fill, inside the rectangle, to tell apart categories whose colours
    /// look alike in greyscale.
    public var hatch: Hatch?

    public init(rect: Rect, fill: PaintColor?, stroke: PaintColor? = nil, strokeWidth: Double = 0, hatch: Hatch? = nil) {
        self.rect = rect
        self.fill = fill
        self.stroke = stroke
        self.strokeWidth = strokeWidth
        self.hatch = hatch
    }
}

/// A hatching: the direction of its lines, their spacing, colour and width.
public struct Hatch: Sendable, Hashable {
    public enum Direction: Int, Sendable, Hashable, CaseIterable {
        case horizontal, vertical, rising, falling, cross
    }

    public var direction: Direction
    public var spacing: Double
    public var color: PaintColor
    public var width: Double

    public init(direction: Direction, spacing: Double, color: PaintColor, width: Double) {
        self.direction = direction
        self.spacing = spacing
        self.color = color
        self.width = width
    }
}

/// The mark of one message (or an inferred one): a shape centred on a point, filled for a
/// message of the corpus and hollow for one known only by citation.
public struct SceneMark: Sendable, Hashable {
    public var center: Point
    public var shape: MarkShape
    /// Width and height of the shape's box, in points.
    public var size: Double
    public var fill: PaintColor?
    public var stroke: PaintColor
    public var strokeWidth: Double
    /// The message drawn (nil for legend samples), so tests can check every message has a mark.
    public var messageID: String?

    public init(center: Point, shape: MarkShape, size: Double, fill: PaintColor?, stroke: PaintColor,
                strokeWidth: Double, messageID: String? = nil) {
        self.center = center
        self.shape = shape
        self.size = size
        self.fill = fill
        self.stroke = stroke
        self.strokeWidth = strokeWidth
        self.messageID = messageID
    }

    /// True when the two marks look the same wherever they are.
    public func sameLook(as other: SceneMark) -> Bool {
        shape == other.shape && size == other.size && fill == other.fill && stroke == other.stroke && strokeWidth == other.strokeWidth
    }

    public var bounds: Rect {
        let h = size / 2 + strokeWidth / 2
        return Rect(x: center.x - h, y: center.y - h, width: 2 * h, height: 2 * h)
    }
}

/// One step of a path.
public enum PathElement: Sendable, Hashable {
    case move(Point)
    case line(Point)
    case curve(Point, Point, Point)
    case close
}

/// A free path: reply arcs, density areas, leader lines with bends.
public struct ScenePath: Sendable, Hashable {
    public var elements: [PathElement]
    public var fill: PaintColor?
    public var stroke: PaintColor?
    public var strokeWidth: Double
    public var dash: [Double]

    public init(elements: [PathElement], fill: PaintColor?, stroke: PaintColor?, strokeWidth: Double, dash: [Double] = []) {
        self.elements = elements
        self.fill = fill
        self.stroke = stroke
        self.strokeWidth = strokeWidth
        self.dash = dash
    }

    /// The box of every point of the path (control points included, so it may be generous).
    public var bounds: Rect {
        var xs: [Double] = [], ys: [Double] = []
        for e in elements {
            switch e {
            case .move(let p), .line(let p): xs.append(p.x); ys.append(p.y)
            case .curve(let a, let b, let c): xs += [a.x, b.x, c.x]; ys += [a.y, b.y, c.y]
            case .close: break
            }
        }
        guard let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() else {
            return Rect(x: 0, y: 0, width: 0, height: 0)
        }
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }
}

/// A piece of text, measured through Cairo when laid out: `origin` is the left end of the
/// baseline before rotation, `bounds` the page box the text occupies (after rotation).
public struct SceneText: Sendable, Hashable {
    public var text: String
    public var origin: Point
    public var font: FontSpec
    public var color: PaintColor
    /// Rotation in quarter turns anticlockwise (1 for a vertical axis title), 0 for none.
    public var quarterTurns: Int
    public var bounds: Rect

    public init(text: String, origin: Point, font: FontSpec, color: PaintColor, quarterTurns: Int = 0, bounds: Rect) {
        self.text = text
        self.origin = origin
        self.font = font
        self.color = color
        self.quarterTurns = quarterTurns
        self.bounds = bounds
    }
}

/// One drawable thing, in paint order. Rectangles and texts, few but the largest values, are
/// held indirectly so that every item of a large corpus's scene (marks, lines, arcs) takes
/// less room.
public enum SceneItem: Sendable, Hashable {
    case line(SceneLine)
    indirect case rect(SceneRect)
    case mark(SceneMark)
    /// Marks of one look, painted as consecutive `mark`s of that look would be.
    case marks(SceneMarkRun)
    case path(ScenePath)
    indirect case text(SceneText)
}

/// A laid-out figure: plain values on a page of `width` x `height` points, painted in order.
/// Tests check the scene itself (DESIGN decision 4); the painter only draws it.
public struct Scene: Sendable, Hashable {
    public var width: Double
    public var height: Double
    public var background: PaintColor
    public var items: [SceneItem]

    public init(width: Double, height: Double, background: PaintColor, items: [SceneItem] = []) {
        self.width = width
        self.height = height
        self.background = background
        self.items = items
    }

    public var page: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public var texts: [SceneText] {
        items.compactMap { if case .text(let t) = $0 { return t } else { return nil } }
    }

    /// Every mark, runs expanded, in paint order.
    public var marks: [SceneMark] {
        items.flatMap { item -> [SceneMark] in
            switch item {
            case .mark(let m): return [m]
            case .marks(let run): return run.marks
            default: return []
            }
        }
    }

    /// Ids of the messages that have a mark.
    public var markedMessageIDs: Set<String> { Set(marks.compactMap(\.messageID)) }

    /// The page box of an item.
    public static func bounds(of item: SceneItem) -> Rect {
        switch item {
        case .line(let l): return l.bounds
        case .rect(let r): return r.rect
        case .mark(let m): return m.bounds
        case .marks(let run): return run.bounds
        case .path(let p): return p.bounds
        case .text(let t): return t.bounds
        }
    }

    /// Pairs of texts whose boxes overlap (empty for a good layout). Boxes that touch do not
    /// overlap, also when a scaled scene's rounding puts them a millionth of a point apart.
    public func overlappingTexts() -> [(SceneText, SceneText)] {
        func inner(_ r: Rect) -> Rect { Rect(x: r.x + 1e-6, y: r.y + 1e-6, width: r.width - 2e-6, height: r.height - 2e-6) }
        let ts = texts.sorted { $0.bounds.minX < $1.bounds.minX }
        var out: [(SceneText, SceneText)] = []
        for i in ts.indices {
            var j = i + 1
            while j < ts.count, ts[j].bounds.minX < ts[i].bounds.maxX {
                if inner(ts[i].bounds).intersects(inner(ts[j].bounds)) { out.append((ts[i], ts[j])) }
                j += 1
            }
        }
        return out
    }

    /// Items that do not lie wholly on the page.
    public func itemsOffPage() -> [SceneItem] {
        items.filter { !page.contains(Scene.bounds(of: $0)) }
    }
}
