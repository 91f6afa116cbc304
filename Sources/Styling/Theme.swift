/// Everything a figure needs to look right, fully resolved: sizes in the unit their name says
/// (mm, pt, in), colours as `RGBColor`. Built by `ThemeLoader` from sheets merged over the
/// complete base sheet; renderers read it and never see sheets or TOML.
public struct Theme: Sendable, Equatable {
    /// The sheets merged, left to right after `base`, e.g. ["base", "paper", "colorblind"].
    public var sources: [String]
    public var page: PageStyle
    public var fonts: FontStyles
    public var lines: LineWidths
    public var colors: ThemeColors
    public var categories: CategoryPalette
    /// Colours pinned to person ids and topic ids (`[pins.people]`, `[pins.topics]`).
    public var pins: CategoryPins
    public var graph: GraphStyle
    public var timeline: TimelineStyle
    public var legend: LegendStyle

    /// The merged sheet values this theme was built from, for `styles show` and provenance.
    public var settings: ThemeSettings

    /// Stable styles for the people of a run: pass every person id of the run, in a fixed order
    /// (not just those of one figure), so each person keeps one look across all figures.
    public func peopleStyles(_ ids: [String]) -> CategoryStyles {
        CategoryStyles(keys: ids, palette: categories, pins: pins.people)
    }

    /// Stable styles for the topics of a run (every topic id, in lexicon order).
    public func topicStyles(_ ids: [String]) -> CategoryStyles {
        CategoryStyles(keys: ids, palette: categories, pins: pins.topics)
    }
}

/// Figure size and margins. Graph figures are scaled to fit; timelines are laid out inside.
public struct PageStyle: Sendable, Equatable {
    public var widthMM: Double
    public var heightMM: Double
    public var wideWidthMM: Double
    public var wideHeightMM: Double
    public var marginTopMM: Double
    public var marginRightMM: Double
    public var marginBottomMM: Double
    public var marginLeftMM: Double
    /// PNG resolution.
    public var dpi: Int
    /// Whether the figure carries its own title; journal figures leave it to the caption.
    public var showTitle: Bool
    /// Whether every figure is exactly the page size (slides), its drawing scaled to fit and
    /// centred, rather than as tall as its content within the page.
    public var exactSize: Bool = false

    /// Width and height in mm of the single-column or the wide (double-column) figure.
    public func size(wide: Bool) -> (widthMM: Double, heightMM: Double) {
        wide ? (wideWidthMM, wideHeightMM) : (widthMM, heightMM)
    }
}

/// A font: fontconfig family name (Graphviz `fontname`, Cairo face), size and style.
public struct FontStyle: Sendable, Equatable {
    public var family: String
    public var sizePt: Double
    public var bold: Bool
    public var italic: Bool

    /// The Graphviz/Pango font name, e.g. `DejaVu Serif Bold Italic`.
    public var graphvizName: String {
        family + (bold ? " Bold" : "") + (italic ? " Italic" : "")
    }
}

public struct FontStyles: Sendable, Equatable {
    public var title: FontStyle
    public var label: FontStyle
    public var tick: FontStyle
    public var legend: FontStyle
    public var note: FontStyle
}

/// The theme's four line weights, in points.
public struct LineWidths: Sendable, Equatable {
    public var hairlinePt: Double
    public var thinPt: Double
    public var regularPt: Double
    public var thickPt: Double
}

public struct ThemeColors: Sendable, Equatable {
    public var ink: RGBColor
    public var paper: RGBColor
    public var muted: RGBColor
    public var faint: RGBColor
    public var highlight: RGBColor
}

/// What tells categories (people, topics) apart: colours, dash patterns and marker shapes,
/// each cycled independently; `other` is for whatever is not a named category.
public struct CategoryPalette: Sendable, Equatable {
    public var colors: [RGBColor]
    public var dashes: [DashPattern]
    public var markers: [MarkerShape]
    public var other: RGBColor
}

/// Colours pinned by a sheet to given ids, which then keep them whatever the order of the run.
public struct CategoryPins: Sendable, Equatable {
    /// Person id (`Churchill`) -> colour.
    public var people: [String: RGBColor]
    /// Topic id (`poland`) -> colour.
    public var topics: [String: RGBColor]
}

/// Graphviz figure settings (network and reply-chain graphs).
public struct GraphStyle: Sendable, Equatable {
    /// Layout engine: dot, neato, fdp, sfdp, circo, twopi.
    public var layout: String
    /// TB, LR, BT or RL.
    public var rankdir: String
    public var ranksepIn: Double
    public var nodesepIn: Double
    /// Graphviz `splines` value.
    public var splines: String
    /// Graphviz `overlap` value.
    public var overlap: String
    public var concentrate: Bool
    public var node: GraphNodeStyle
    public var edge: GraphEdgeStyle
    public var inferred: GraphInferredStyle
    public var links: GraphLinkStyles
    public var cluster: GraphClusterStyle
    public var budget: GraphBudget
    public var replies: GraphRepliesBudget
}

/// The replies figure's budget: past it the figure draws a slice chosen from the data.
public struct GraphRepliesBudget: Sendable, Equatable {
    /// Most messages (held and inferred) drawn before the figure takes its busiest period.
    public var marks: Int
    /// Most correspondent lanes; the rest share one "others" lane.
    public var lanes: Int
}

/// How much a network figure may hold before it aggregates: past `nodes` people it keeps the
/// busiest and merges the rest into one "others" node (or row), past `edges` pairs it keeps the
/// heaviest; and no text is printed smaller than `minTextPt` at the figure's printed width.
public struct GraphBudget: Sendable, Equatable {
    public var nodes: Int
    public var edges: Int
    public var minTextPt: Double
}

public struct GraphNodeStyle: Sendable, Equatable {
    /// Graphviz shape: ellipse, box, circle, plaintext, ...
    public var shape: String
    public var rounded: Bool
    public var fill: RGBColor
    public var fillByCategory: Bool
    /// 0 keeps the category colour, 1 turns it into the paper colour; lighter fills keep labels legible.
    public var fillTint: Double
    public var pen: RGBColor
    public var penWidthPt: Double
    public var minWidthIn: Double
    public var minHeightIn: Double
    public var marginIn: Double
    public var sizeByVolume: Bool
    public var maxWidthIn: Double
}

public struct GraphEdgeStyle: Sendable, Equatable {
    public var color: RGBColor
    public var colorBySender: Bool
    /// Width of an edge with one message; widths grow with the count up to `maxPenWidthPt`.
    public var penWidthPt: Double
    public var maxPenWidthPt: Double
    /// Graphviz `arrowsize`.
    public var arrowSize: Double
    /// Graphviz `arrowhead`.
    public var arrowhead: String
    public var labelCounts: Bool
}

/// How inferred (lost, known only from a citation) messages look in graphs.
public struct GraphInferredStyle: Sendable, Equatable {
    /// Graphviz style: solid, dashed, dotted or bold.
    public var style: String
    public var color: RGBColor
}

/// Graphviz line style (solid, dashed, dotted, bold) for each kind of reply link.
public struct GraphLinkStyles: Sendable, Equatable {
    public var answers: String
    public var inReplyTo: String
    public var citesOwn: String
    public var parallel: String
}

public struct GraphClusterStyle: Sendable, Equatable {
    public var pen: RGBColor
    public var fill: RGBColor
    public var penWidthPt: Double
}

/// Cairo timeline settings.
public struct TimelineStyle: Sendable, Equatable {
    public var lane: LaneStyle
    public var mark: MarkStyle
    public var arc: ArcStyle
    public var axis: AxisStyle
    public var gridlines: GridlineStyle
    public var bands: BandStyle
}

public struct LaneStyle: Sendable, Equatable {
    public var heightMM: Double
    public var gapMM: Double
    public var labelWidthMM: Double
    public var stripes: Bool
    public var stripe: RGBColor
    public var separator: RGBColor
    public var separatorWidthPt: Double
}

public struct MarkStyle: Sendable, Equatable {
    public var sizePt: Double
    public var strokePt: Double
    public var hollowUncertain: Bool
    public var rangeWidthPt: Double
    public var rangeOpacity: Double
}

public struct ArcStyle: Sendable, Equatable {
    public var widthPt: Double
    public var color: RGBColor
    public var colorBySender: Bool
    public var opacity: Double
    public var heightRatio: Double
    public var maxHeightMM: Double
    public var arrowSizePt: Double
    public var inferredDash: DashPattern
}

public struct AxisStyle: Sendable, Equatable {
    public var color: RGBColor
    public var widthPt: Double
    public var tickLengthMM: Double
    public var minorTickLengthMM: Double
    public var labelGapMM: Double
    /// bottom, top or both.
    public var position: String
}

public struct GridlineStyle: Sendable, Equatable {
    public var show: Bool
    public var color: RGBColor
    public var widthPt: Double
    public var dash: DashPattern
    /// auto, year, quarter, month or week.
    public var interval: String
}

public struct BandStyle: Sendable, Equatable {
    public var fill: RGBColor
    public var opacity: Double
    public var labelColor: RGBColor
}

public struct LegendStyle: Sendable, Equatable {
    /// right, bottom, top, left, inside_top_left, inside_top_right, inside_bottom_left,
    /// inside_bottom_right or none.
    public var placement: String
    /// 0 lets the renderer choose.
    public var columns: Int
    public var swatchMM: Double
    public var gapMM: Double
    public var frame: Bool
    public var title: Bool
}

/// Unit conversions renderers need: Cairo works in points, Graphviz in inches and points.
public enum ThemeUnits {
    public static let pointsPerMM = 72.0 / 25.4
    public static func points(mm: Double) -> Double { mm * pointsPerMM }
    public static func inches(mm: Double) -> Double { mm / 25.4 }
    public static func mm(points: Double) -> Double { points / pointsPerMM }
}
