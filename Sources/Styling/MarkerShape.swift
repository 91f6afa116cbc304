import Foundation

/// A mark shape that can be drawn filled (a dated message) or hollow (an uncertain or inferred
/// one), so every shape works for both. Sheets spell them in snake case: `triangle_down`.
public enum MarkerShape: String, Sendable, Hashable, CaseIterable {
    case circle
    case square
    case triangle
    case diamond
    case triangleDown = "triangle_down"
    case pentagon
    case hexagon
    /// A five-pointed star: the look of the unidentified people drawn as one
    /// (`CategoryPalette.unidentifiedStyle`); no sheet's palette uses it by default.
    case star

    /// The sheet spelling, e.g. `triangle_down`.
    public var name: String { rawValue }

    /// The Graphviz node shape drawing the same figure.
    public var graphvizShape: String {
        switch self {
        case .circle: return "circle"
        case .square: return "square"
        case .triangle: return "triangle"
        case .diamond: return "diamond"
        case .triangleDown: return "invtriangle"
        case .pentagon: return "pentagon"
        case .hexagon: return "hexagon"
        case .star: return "star"
        }
    }

    /// Vertices of the shape inscribed in a circle of radius 1 centred at the origin, y downward
    /// (Cairo's orientation); empty for `circle`, which is drawn as an arc.
    public var unitPolygon: [(x: Double, y: Double)] {
        func regular(_ n: Int, rotation: Double) -> [(x: Double, y: Double)] {
            (0..<n).map { i in
                let a = rotation + 2 * Double.pi * Double(i) / Double(n)
                return (x: cos(a), y: sin(a))
            }
        }
        switch self {
        case .circle: return []
        case .square: return [(-0.8, -0.8), (0.8, -0.8), (0.8, 0.8), (-0.8, 0.8)].map { (x: $0.0, y: $0.1) }
        case .triangle: return regular(3, rotation: -Double.pi / 2)
        case .triangleDown: return regular(3, rotation: Double.pi / 2)
        case .diamond: return regular(4, rotation: -Double.pi / 2)
        case .pentagon: return regular(5, rotation: -Double.pi / 2)
        case .hexagon: return regular(6, rotation: 0)
        case .star:
            // Outer points on the unit circle, inner ones at 0.45, alternating, point up.
            return (0..<10).map { i in
                let a = -Double.pi / 2 + Double.pi * Double(i) / 5
                let r = i % 2 == 0 ? 1 : 0.45
                return (x: r * cos(a), y: r * sin(a))
            }
        }
    }
}
