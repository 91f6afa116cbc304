import Foundation

/// The bytes of one rendered figure, with the Graphviz warnings that did not reject the input
/// (for example "Unable to reclaim box space in spline routing", a layout remark).
public struct RenderedGraph: Sendable {
    public var data: Data
    public var format: GraphFormat
    public var warnings: [String]
}
