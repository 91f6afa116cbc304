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
    /// Looks for people and for topics (`[palette.people]`, `[palette.topics]`).
    public var palettes: CategoryPalettes
    /// Colours pinned to person ids and topic ids (`[pins.people]`, `[pins.topics]`).
    public var pins: CategoryPins
    public var graph: GraphStyle
    public var timeline: TimelineStyle
    public var legend: LegendStyle

    /// The merged sheet values this theme was built from, for `styles show` and provenance.
    public var settings: ThemeSettings

    /// Stable styles for the people of a run. Pass every person id of the run ranked by
    /// activity in the whole corpus (`CorpusAnalysis.ranking.people`), not just those of one
    /// figure: the busiest get the people palette's looks, the rest are "others", and each
    /// person keeps one look across all figures.
    public func peopleStyles(_ ranked: [String]) -> CategoryStyles {
        CategoryStyles(keys: ranked, palette: palettes.people, pins: pins.people)
    }

    /// Stable styles for the topics of a run, ranked (`CorpusAnalysis.ranking.topics`), from
    /// the topic palette.
    public func topicStyles(_ ranked: [String]) -> CategoryStyles {
        CategoryStyles(keys: ranked, palette: palettes.topics, pins: pins.topics)
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

/// The theme's three line weights, in points.
public struct LineWidths: Sendable, Equatable {
    public var hairlinePt: Double
    public var thinPt: Double
    public var regularPt: Double
}

public struct ThemeColors: Sendable, Equatable {
    public var ink: RGBColor
    public var paper: RGBColor
    public var muted: RGBColor
    public var faint: RGBColor
    public var highlight: RGBColor
}

/// What tells categories apart, as a list of looks: entry i is colour i with marker and dash
/// pattern i (markers and dashes cycle when shorter). Only the first `capacity` entries are
/// used, so no two categories of a figure look alike, in colour or printed in grey; every
/// category past them is drawn as "others" in the `other` colour.
public struct CategoryPalette: Sendable, Equatable {
    public var colors: [RGBColor]
    public var dashes: [DashPattern]
    public var markers: [MarkerShape]
    public var other: RGBColor
    /// The page the looks are drawn on (`colors.paper`), which marks must stand out from.
    public var ground: RGBColor

    public init(colors: [RGBColor], dashes: [DashPattern], markers: [MarkerShape], other: RGBColor, ground: RGBColor = .white) {
        self.colors = colors
        self.dashes = dashes
        self.markers = markers
        self.other = other
        self.ground = ground
    }

    /// The look of entry `i` (i < colors.count).
    public func entry(_ i: Int) -> CategoryStyle {
        CategoryStyle(color: colors[i], dash: dashes.isEmpty ? .solid : dashes[i % dashes.count],
                      marker: markers.isEmpty ? .circle : markers[i % markers.count])
    }

    /// The look of "others": the `other` colour, solid, and the first marker shape no entry
    /// uses (a circle when all are used), so "others" differ from every entry in grey too.
    public var otherStyle: CategoryStyle {
        CategoryStyle(color: other, dash: .solid,
                      marker: MarkerShape.allCases.first { !markers.contains($0) && $0 != Self.unidentifiedMarker } ?? .circle)
    }

    /// The marker of the unidentified people drawn as one, unless the entries use it.
    public static let unidentifiedMarker = MarkerShape.star
    /// The dash pattern of the unidentified people's lines and outlines: dotted.
    public static let unidentifiedDash = DashPattern([1, 1.5])

    /// The look of the unidentified people drawn as one ("unidentified (n letters)"): the one
    /// rule every figure uses. They are not a person one could name, so never a palette entry,
    /// and not the people past the palette either, so not "others": the `other` colour moved
    /// `2 × minimumGreyStep` in grey lightness, away from the page first (darker on white), so
    /// it prints apart from "others" in grey and keeps `minimumGroundContrast` against the page
    /// (moved toward the page only when that is the way to both); dotted lines; and a star
    /// marker (or the first shape neither the entries nor "others" use, when a sheet gives
    /// entries stars).
    public var unidentifiedStyle: CategoryStyle {
        let step = 2 * Self.minimumGreyStep
        let away: RGBColor = ground.greyLightness >= 50 ? .black : .white
        func moved(towards: RGBColor) -> RGBColor? {
            var color = other
            var amount = 0.0
            while abs(color.greyLightness - other.greyLightness) < step {
                guard amount < 1 else { return nil }
                amount = min(1, amount + 0.02)
                color = other.mixed(with: towards, amount)
            }
            return color
        }
        let candidates = [moved(towards: away), moved(towards: away == .black ? .white : .black)].compactMap { $0 }
        let color = candidates.first { $0.contrast(with: ground) >= Self.minimumGroundContrast }
            ?? candidates.max { $0.contrast(with: ground) < $1.contrast(with: ground) } ?? away
        let others = otherStyle.marker
        let marker = !markers.contains(Self.unidentifiedMarker) ? Self.unidentifiedMarker
            : MarkerShape.allCases.first { !markers.contains($0) && $0 != others } ?? others
        return CategoryStyle(color: color, dash: Self.unidentifiedDash, marker: marker)
    }

    /// The least contrast (WCAG ratio) of a drawn look against the page: WCAG 2.1's 3:1 for
    /// graphical objects, so thin marks and dotted lines stay visible.
    public static let minimumGroundContrast = 3.0

    /// How many categories get a look of their own: the longest run of leading entries that
    /// are told apart from each other and from "others" both in colour and printed in grey.
    /// - Complexity: O(c²) in the palette's colours.
    ///
    /// A palette without dashes or markers (topics: every topic's lane and row is labelled,
    /// and no figure draws a topic's line or mark) tells its entries apart by colour alone.
    public var capacity: Int {
        let colourOnly = dashes.isEmpty && markers.isEmpty
        func apart(_ a: CategoryStyle, _ b: CategoryStyle) -> Bool { colourOnly ? a.color != b.color : Self.distinct(a, b) }
        var n = 0
        while n < colors.count {
            let candidate = entry(n)
            let clash = (0..<n).contains { !apart(entry($0), candidate) } || !apart(otherStyle, candidate)
            if clash { break }
            n += 1
        }
        return n
    }

    /// The least CIELAB lightness difference (0-100) at which two greys are told apart in print.
    public static let minimumGreyStep = 15.0

    /// Whether two looks are told apart both in colour and in grey: in colour they differ in
    /// colour, marker or dash; in grey their lightness differs by `minimumGreyStep`, or their
    /// marker or dash differs.
    public static func distinct(_ a: CategoryStyle, _ b: CategoryStyle) -> Bool {
        let shapeDiffers = a.marker != b.marker || a.dash != b.dash
        let inColour = a.color != b.color || shapeDiffers
        let inGrey = abs(a.color.greyLightness - b.color.greyLightness) >= minimumGreyStep || shapeDiffers
        return inColour && inGrey
    }
}

/// The two palettes of a theme: people and topics never share colours, so a colour means one
/// kind of thing in every figure.
public struct CategoryPalettes: Sendable, Equatable {
    public var people: CategoryPalette
    public var topics: CategoryPalette
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
    /// Fill of a person's square when not filled by category.
    public var fill: RGBColor
    public var fillByCategory: Bool
    /// 0 keeps the category colour, 1 turns it into the paper colour; lighter fills keep labels legible.
    public var fillTint: Double
    public var pen: RGBColor
    public var penWidthPt: Double
    /// Side of the busiest person's square in the correspondents figure (area grows with messages).
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

/// Cairo timeline settings.
public struct TimelineStyle: Sendable, Equatable {
    public var lane: LaneStyle
    public var mark: MarkStyle
    public var arc: ArcStyle
    public var axis: AxisStyle
    public var gridlines: GridlineStyle
    public var bands: BandStyle
    public var budget: TimelineBudgetStyle
}

/// How much a timeline may hold before it aggregates into "others" (and says so).
public struct TimelineBudgetStyle: Sendable, Equatable {
    public var lanes: Int
    public var legendEntries: Int
    public var marks: Int
}

public struct LaneStyle: Sendable, Equatable {
    public var heightMM: Double
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
    public var inferredDash: DashPattern
}

public struct AxisStyle: Sendable, Equatable {
    public var color: RGBColor
    public var widthPt: Double
    public var tickLengthMM: Double
    public var minorTickLengthMM: Double
    public var labelGapMM: Double
}

public struct GridlineStyle: Sendable, Equatable {
    public var show: Bool
    public var color: RGBColor
    public var widthPt: Double
    public var dash: DashPattern
}

public struct BandStyle: Sendable, Equatable {
    public var fill: RGBColor
    public var opacity: Double
    public var labelColor: RGBColor
}

/// The legend under a timeline: swatch size, space between entries, and an optional frame.
public struct LegendStyle: Sendable, Equatable {
    public var swatchMM: Double
    public var gapMM: Double
    public var frame: Bool
}

/// Unit conversions renderers need: Cairo works in points, Graphviz in inches and points.
public enum ThemeUnits {
    public static let pointsPerMM = 72.0 / 25.4
    public static func points(mm: Double) -> Double { mm * pointsPerMM }
    public static func inches(mm: Double) -> Double { mm / 25.4 }
    public static func mm(points: Double) -> Double { points / pointsPerMM }
}
