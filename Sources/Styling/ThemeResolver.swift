import Correspondence
import TOMLReader

/// Turns complete merged settings into a typed `Theme`: reads each schema key with its type and
/// resolves colour names (`muted`) to the theme's `[colors]`.
struct ThemeResolver {
    let settings: ThemeSettings

    func theme() throws -> Theme {
        if let missing = settings.missingKeys.first {
            throw EpistolaryError(.badData, file: settings.sources.first,
                             "the base sheet does not set \(missing) (and \(settings.missingKeys.count - 1) more keys); the base must be complete")
        }
        let colors = ThemeColors(ink: try rgb("colors.ink"), paper: try rgb("colors.paper"),
                                 muted: try rgb("colors.muted"), faint: try rgb("colors.faint"),
                                 highlight: try rgb("colors.highlight"))
        func color(_ key: String) throws -> RGBColor { try resolve(try setting(key, as: \.colorValue), colors) }
        func font(_ role: String) throws -> FontStyle {
            FontStyle(family: try string("fonts.\(role).family"), sizePt: try number("fonts.\(role).size_pt"),
                      bold: try string("fonts.\(role).weight") == "bold", italic: try bool("fonts.\(role).italic"))
        }
        func palette(_ group: String) throws -> CategoryPalette {
            // Topics are told apart by colour alone (their lanes and rows are labelled; no figure
            // draws a topic's line or mark), so their palette has no dashes or markers.
            let shaped = ThemeSchema.field("palette.\(group).dashes") != nil
            return CategoryPalette(colors: try setting("palette.\(group).colors", as: \.colorsValue).map { try resolve($0, colors) },
                            dashes: shaped ? try setting("palette.\(group).dashes", as: \.dashesValue) : [],
                            markers: shaped ? try setting("palette.\(group).markers", as: \.markersValue) : [],
                            other: try color("palette.\(group).other"), ground: colors.paper)
        }
        func pins(_ entries: [String: ThemeSheet.Entry]) throws -> [String: RGBColor] {
            try entries.mapValues { entry in
                guard let value = entry.value.colorValue else { throw EpistolaryError(.badData, "pin is not a colour") }
                return try resolve(value, colors)
            }
        }

        return Theme(
            sources: settings.sources,
            page: PageStyle(
                widthMM: try number("page.width_mm"), heightMM: try number("page.height_mm"),
                wideWidthMM: try number("page.wide_width_mm"), wideHeightMM: try number("page.wide_height_mm"),
                marginTopMM: try number("page.margin_top_mm"), marginRightMM: try number("page.margin_right_mm"),
                marginBottomMM: try number("page.margin_bottom_mm"), marginLeftMM: try number("page.margin_left_mm"),
                dpi: try setting("page.dpi", as: \.integerValue), showTitle: try bool("page.show_title"),
                exactSize: try bool("page.exact_size")),
            fonts: FontStyles(title: try font("title"), label: try font("label"), tick: try font("tick"),
                              legend: try font("legend"), note: try font("note")),
            lines: LineWidths(hairlinePt: try number("lines.hairline_pt"), thinPt: try number("lines.thin_pt"),
                              regularPt: try number("lines.regular_pt")),
            colors: colors,
            palettes: CategoryPalettes(people: try palette("people"), topics: try palette("topics")),
            pins: CategoryPins(people: try pins(settings.peoplePins), topics: try pins(settings.topicPins)),
            graph: GraphStyle(
                layout: try string("graph.layout"), rankdir: try string("graph.rankdir"),
                ranksepIn: try number("graph.ranksep_in"), nodesepIn: try number("graph.nodesep_in"),
                splines: try string("graph.splines"), overlap: try string("graph.overlap"),
                concentrate: try bool("graph.concentrate"),
                node: GraphNodeStyle(
                    fill: try color("graph.node.fill"), fillByCategory: try bool("graph.node.fill_by_category"),
                    fillTint: try number("graph.node.fill_tint"), pen: try color("graph.node.pen"),
                    penWidthPt: try number("graph.node.pen_width_pt"), maxWidthIn: try number("graph.node.max_width_in")),
                edge: GraphEdgeStyle(
                    color: try color("graph.edge.color"), colorBySender: try bool("graph.edge.color_by_sender"),
                    penWidthPt: try number("graph.edge.pen_width_pt"), maxPenWidthPt: try number("graph.edge.max_pen_width_pt"),
                    arrowSize: try number("graph.edge.arrow_size"), arrowhead: try string("graph.edge.arrowhead"),
                    labelCounts: try bool("graph.edge.label_counts")),
                inferred: GraphInferredStyle(style: try string("graph.inferred.style"), color: try color("graph.inferred.color")),
                links: GraphLinkStyles(answers: try string("graph.links.answers"), inReplyTo: try string("graph.links.in_reply_to"),
                                       citesOwn: try string("graph.links.cites_own"), parallel: try string("graph.links.parallel")),
                budget: GraphBudget(nodes: try setting("graph.budget.nodes", as: \.integerValue),
                                    edges: try setting("graph.budget.edges", as: \.integerValue),
                                    minTextPt: try number("graph.budget.min_text_pt")),
                replies: GraphRepliesBudget(marks: try setting("graph.replies.marks", as: \.integerValue),
                                            lanes: try setting("graph.replies.lanes", as: \.integerValue))),
            timeline: TimelineStyle(
                lane: LaneStyle(
                    heightMM: try number("timeline.lane.height_mm"),
                    labelWidthMM: try number("timeline.lane.label_width_mm"), stripes: try bool("timeline.lane.stripes"),
                    stripe: try color("timeline.lane.stripe"), separator: try color("timeline.lane.separator"),
                    separatorWidthPt: try number("timeline.lane.separator_width_pt")),
                mark: MarkStyle(
                    sizePt: try number("timeline.mark.size_pt"), strokePt: try number("timeline.mark.stroke_pt"),
                    hollowUncertain: try bool("timeline.mark.hollow_uncertain"),
                    rangeWidthPt: try number("timeline.mark.range_width_pt"),
                    rangeOpacity: try number("timeline.mark.range_opacity")),
                arc: ArcStyle(
                    widthPt: try number("timeline.arc.width_pt"), color: try color("timeline.arc.color"),
                    colorBySender: try bool("timeline.arc.color_by_sender"), opacity: try number("timeline.arc.opacity"),
                    heightRatio: try number("timeline.arc.height_ratio"), maxHeightMM: try number("timeline.arc.max_height_mm"),
                    inferredDash: try setting("timeline.arc.inferred_dash", as: \.dashValue)),
                axis: AxisStyle(
                    color: try color("timeline.axis.color"), widthPt: try number("timeline.axis.width_pt"),
                    tickLengthMM: try number("timeline.axis.tick_length_mm"),
                    minorTickLengthMM: try number("timeline.axis.minor_tick_length_mm"),
                    labelGapMM: try number("timeline.axis.label_gap_mm")),
                gridlines: GridlineStyle(
                    show: try bool("timeline.gridlines.show"), color: try color("timeline.gridlines.color"),
                    widthPt: try number("timeline.gridlines.width_pt"),
                    dash: try setting("timeline.gridlines.dash", as: \.dashValue)),
                bands: BandStyle(fill: try color("timeline.bands.fill"), opacity: try number("timeline.bands.opacity"),
                                 labelColor: try color("timeline.bands.label_color")),
                budget: TimelineBudgetStyle(lanes: try setting("timeline.budget.lanes", as: \.integerValue),
                                            legendEntries: try setting("timeline.budget.legend_entries", as: \.integerValue),
                                            marks: try setting("timeline.budget.marks", as: \.integerValue))),
            legend: LegendStyle(swatchMM: try number("legend.swatch_mm"), gapMM: try number("legend.gap_mm"),
                                frame: try bool("legend.frame")),
            settings: settings)
    }

    // MARK: Typed reads

    private func setting<T>(_ key: String, as read: (ThemeSetting) -> T?) throws -> T {
        guard let entry = settings.values[key] else {
            throw EpistolaryError(.badData, "no sheet sets \(key)")
        }
        guard let value = read(entry.value) else {
            throw EpistolaryError(.badData, file: entry.location.file, line: entry.location.line,
                             "key \(key) holds a value of the wrong type")
        }
        return value
    }

    private func number(_ key: String) throws -> Double { try setting(key, as: \.numberValue) }
    private func string(_ key: String) throws -> String { try setting(key, as: \.stringValue) }
    private func bool(_ key: String) throws -> Bool { try setting(key, as: \.boolValue) }

    private func rgb(_ key: String) throws -> RGBColor {
        let value = try setting(key, as: \.colorValue)
        guard case .rgb(let color) = value else {
            throw EpistolaryError(.badData, "key \(key) must be a #rrggbb colour")
        }
        return color
    }

    private func resolve(_ value: ThemeColorValue, _ colors: ThemeColors) throws -> RGBColor {
        switch value {
        case .rgb(let c): return c
        case .named("ink"): return colors.ink
        case .named("paper"): return colors.paper
        case .named("muted"): return colors.muted
        case .named("faint"): return colors.faint
        case .named("highlight"): return colors.highlight
        case .named(let other): throw EpistolaryError(.badData, "unknown theme colour \(other)")
        }
    }
}

extension ThemeSetting {
    var numberValue: Double? {
        switch self {
        case .number(let x): return x
        case .integer(let n): return Double(n)
        default: return nil
        }
    }
    var integerValue: Int? { if case .integer(let n) = self { return n }; return nil }
    var boolValue: Bool? { if case .bool(let b) = self { return b }; return nil }
    var stringValue: String? { if case .string(let s) = self { return s }; return nil }
    var colorValue: ThemeColorValue? { if case .color(let c) = self { return c }; return nil }
    var colorsValue: [ThemeColorValue]? { if case .colors(let c) = self { return c }; return nil }
    var dashValue: DashPattern? { if case .dash(let d) = self { return d }; return nil }
    var dashesValue: [DashPattern]? { if case .dashes(let d) = self { return d }; return nil }
    var markersValue: [MarkerShape]? { if case .markers(let m) = self { return m }; return nil }
}
