/// Every key a theme sheet may set, in the order `styles show` writes them, with its type,
/// its allowed range and one line of help. The base sheet must set all of them; other sheets
/// set any subset. `[pins.people]` and `[pins.topics]` are free-form and handled apart.
public enum ThemeSchema {
    /// What a field holds; numbers carry the range a sensible sheet stays in.
    public enum Kind: Sendable, Equatable {
        case number(ClosedRange<Double>)
        case integer(ClosedRange<Int>)
        case bool
        /// A font family name, checked against `FontFamilyName`'s grammar: it reaches SVG
        /// attributes and Graphviz, so nothing that could end or escape them is accepted.
        case fontFamily
        case choice([String])
        /// `#rrggbb`; `allowsNames` also accepts the names of the `[colors]` keys.
        case color(allowsNames: Bool)
        case colors
        case dash
        case dashes
        case marker
        case markers
    }

    public struct Field: Sendable, Equatable {
        /// The full dotted key, e.g. `timeline.lane.height_mm`.
        public let key: String
        public let kind: Kind
        /// One line for users: what the value controls and its unit.
        public let help: String
    }

    /// The keys allowed at the top level of a sheet besides tables.
    public static let descriptionKey = "description"
    /// The table holding pinned colours for people and topics.
    public static let pinsTable = "pins"
    public static let pinGroups = ["people", "topics"]

    static let graphvizLineStyles = ["solid", "dashed", "dotted", "bold"]
    static let fontWeights = ["normal", "bold"]

    /// All fields, grouped by table, in presentation order.
    public static let fields: [Field] = {
        var out: [Field] = []
        func add(_ key: String, _ kind: Kind, _ help: String) { out.append(Field(key: key, kind: kind, help: help)) }
        let length = Kind.number(0...2000), points = Kind.number(0...200), inches = Kind.number(0...50)
        let unit = Kind.number(0...1)
        let color = Kind.color(allowsNames: true)

        add("page.width_mm", .number(10...2000), "figure width for a single column, in mm")
        add("page.height_mm", .number(10...2000), "figure height: a timeline is laid out to it; a graph is as tall as it needs (up to a journal page) unless exact_size or --height fits it inside, in mm")
        add("page.wide_width_mm", .number(10...2000), "figure width of the wide (double-column) size, in mm")
        add("page.wide_height_mm", .number(10...2000), "figure height for the wide size (graphs: with exact_size), in mm")
        add("page.margin_top_mm", length, "blank margin above the drawing, in mm")
        add("page.margin_right_mm", length, "blank margin right of the drawing, in mm")
        add("page.margin_bottom_mm", length, "blank margin below the drawing, in mm")
        add("page.margin_left_mm", length, "blank margin left of the drawing, in mm")
        add("page.dpi", .integer(36...2400), "PNG resolution, in dots per inch (journals ask 300-600)")
        add("page.show_title", .bool, "draw the title in the figure (journals put it in the caption instead)")
        add("page.exact_size", .bool, "make every figure exactly the page size, its drawing scaled and centred (slides: 16:9)")

        for (role, what) in [("title", "figure titles"), ("label", "node, lane and mark labels"),
                             ("tick", "axis tick labels"), ("legend", "legend entries"),
                             ("note", "small annotations: sources, uncertainty notes")] {
            add("fonts.\(role).family", .fontFamily, "font family for \(what) (fontconfig name: letters, digits, spaces, . _ + - ; at most 64)")
            add("fonts.\(role).size_pt", .number(2...144), "font size for \(what), in points")
            add("fonts.\(role).weight", .choice(fontWeights), "weight for \(what): normal or bold")
            add("fonts.\(role).italic", .bool, "italic for \(what)")
        }

        add("lines.hairline_pt", points, "the thinnest rule: gridlines, separators, in points")
        add("lines.thin_pt", points, "thin lines: ticks, frames, in points")
        add("lines.regular_pt", points, "regular lines: edges, arcs, axes, in points")

        add("colors.ink", .color(allowsNames: false), "text, axes and outlines")
        add("colors.paper", .color(allowsNames: false), "background")
        add("colors.muted", .color(allowsNames: false), "secondary text and lines: inferred messages, minor ticks")
        add("colors.faint", .color(allowsNames: false), "gridlines, lane stripes, bands")
        add("colors.highlight", .color(allowsNames: false), "a colour kept for emphasis: pins and colour keys may name it (`highlight`); no figure uses it by default")

        for (group, what) in [("people", "people"), ("topics", "topics")] {
            add("palette.\(group).colors", .colors, "colours of the busiest \(what), in rank order; the rest are 'others'")
            if group == "people" {
                add("palette.people.dashes", .dashes, "dash pattern of each entry, cycled ([] is solid), in points: timeline lines and, in graphs, arrows in the writer's look")
                add("palette.people.markers", .markers, "marker shape of each entry, cycled: timeline marks and the replies graph's marks")
            }
            add("palette.\(group).other", color, "colour of the \(what) past the palette ('others')")
        }

        add("graph.layout", .choice(["dot", "neato", "fdp", "sfdp", "circo", "twopi"]), "Graphviz layout engine")
        add("graph.rankdir", .choice(["TB", "LR", "BT", "RL"]), "direction of ranks for the dot layout")
        add("graph.ranksep_in", inches, "space between ranks, in inches (Graphviz ranksep)")
        add("graph.nodesep_in", inches, "space between nodes in a rank, in inches (Graphviz nodesep)")
        add("graph.splines", .choice(["true", "false", "line", "polyline", "curved", "ortho", "spline"]), "edge routing (Graphviz splines)")
        add("graph.overlap", .choice(["false", "scale", "prism", "compress", "true"]), "node overlap removal for neato/fdp/sfdp")
        add("graph.concentrate", .bool, "merge parallel edges (Graphviz concentrate)")
        add("graph.node.fill", color, "fill of a person's square (correspondents figure) when not filled by category")
        add("graph.node.fill_by_category", .bool, "fill each person's square with their category colour (the busiest get colours, the rest 'others')")
        add("graph.node.fill_tint", unit, "how far a category fill is lightened toward the paper (0 none, 1 paper)")
        add("graph.node.pen", color, "node outline colour")
        add("graph.node.pen_width_pt", points, "node outline width, in points")
        add("graph.node.max_width_in", .number(0.05...3), "side of the busiest person's square (correspondents figure; area grows with messages), in inches")
        add("graph.edge.color", color, "edge colour when not coloured by sender")
        add("graph.edge.color_by_sender", .bool, "draw each edge in its sender's category colour")
        add("graph.edge.pen_width_pt", points, "width of an edge carrying one message, in points")
        add("graph.edge.max_pen_width_pt", points, "width of the busiest edge (widths scale by count), in points")
        add("graph.edge.arrow_size", .number(0...5), "arrowhead size (Graphviz arrowsize, 1 = default)")
        add("graph.edge.arrowhead", .choice(["normal", "vee", "empty", "open", "dot", "none", "onormal", "inv"]), "arrowhead shape")
        add("graph.edge.label_counts", .bool, "label edges with their message counts")
        add("graph.inferred.style", .choice(graphvizLineStyles), "line style of inferred (lost, cited) messages and their nodes")
        add("graph.inferred.color", color, "colour of inferred messages and their nodes")
        add("graph.links.answers", .choice(graphvizLineStyles), "line style of an explicit answer link")
        add("graph.links.in_reply_to", .choice(graphvizLineStyles), "line style of an 'in reply to' link")
        add("graph.links.cites_own", .choice(graphvizLineStyles), "line style of a link to one's own earlier message")
        add("graph.links.parallel", .choice(graphvizLineStyles), "line style of a parallel (same-day, same-matter) link")
        add("graph.budget.nodes", .integer(2...200), "most people a network figure or matrix shows; the rest become one 'others' node or row")
        add("graph.budget.edges", .integer(1...2000), "most writer-addressee pairs a network figure draws; the lightest are left out, and the caption says so")
        add("graph.budget.min_text_pt", .number(2...72), "smallest text at the printed width; a figure that would shrink below it shows fewer people")
        add("graph.replies.marks", .integer(10...5000), "replies figure: most messages drawn; past it the figure shows the busiest period (or pair)")
        add("graph.replies.lanes", .integer(1...40), "replies figure: most correspondent lanes; the rest share an 'others' lane")

        add("timeline.lane.height_mm", .number(1...500), "least height of one lane (one correspondent or topic), in mm; lanes share the rest of the figure's height")
        add("timeline.lane.label_width_mm", length, "width reserved for lane labels at the left, in mm")
        add("timeline.lane.stripes", .bool, "shade every other lane")
        add("timeline.lane.stripe", color, "colour of shaded lanes")
        add("timeline.lane.separator", color, "colour of the rule between lanes")
        add("timeline.lane.separator_width_pt", points, "width of the rule between lanes (0 for none), in points")
        add("timeline.mark.size_pt", .number(0.5...100), "diameter of a message mark, in points")
        add("timeline.mark.stroke_pt", points, "outline width of marks, in points")
        add("timeline.mark.hollow_uncertain", .bool, "draw marks of uncertain or inferred dates hollow")
        add("timeline.mark.range_width_pt", points, "thickness of the bar showing an uncertain date's range, in points")
        add("timeline.mark.range_opacity", unit, "opacity of that bar (0 transparent, 1 opaque)")
        add("timeline.arc.width_pt", points, "width of reply arcs, in points")
        add("timeline.arc.color", color, "colour of arcs when not coloured by sender")
        add("timeline.arc.color_by_sender", .bool, "draw each arc in its sender's category colour")
        add("timeline.arc.opacity", unit, "opacity of arcs, so dense exchanges stay readable")
        add("timeline.arc.height_ratio", .number(0...2), "arc height as a fraction of the span it covers")
        add("timeline.arc.max_height_mm", length, "cap on arc height, in mm")
        add("timeline.arc.inferred_dash", .dash, "dash pattern of arcs to or from inferred messages, in points")
        add("timeline.axis.color", color, "axis line and tick colour")
        add("timeline.axis.width_pt", points, "axis line width, in points")
        add("timeline.axis.tick_length_mm", length, "major tick length, in mm")
        add("timeline.axis.minor_tick_length_mm", length, "minor tick length (0 for none), in mm")
        add("timeline.axis.label_gap_mm", length, "space between ticks and their labels, in mm")
        add("timeline.gridlines.show", .bool, "draw vertical gridlines at major ticks")
        add("timeline.gridlines.color", color, "gridline colour")
        add("timeline.gridlines.width_pt", points, "gridline width, in points")
        add("timeline.gridlines.dash", .dash, "gridline dash pattern, in points ([] is solid)")
        add("timeline.bands.fill", color, "fill of period bands (conferences, campaigns)")
        add("timeline.bands.opacity", unit, "opacity of period bands")
        add("timeline.bands.label_color", color, "colour of band labels")
        add("timeline.budget.lanes", .integer(1...200), "most lanes of people or topics; the rest share one 'others' lane")
        add("timeline.budget.legend_entries", .integer(1...100), "most people or topics named in a legend; the rest are one 'others' entry")
        add("timeline.budget.marks", .integer(100...10_000_000), "most marks a timeline draws one by one; past it, marks on one spot are drawn once, reply curves are left out and bars count by quarter or year; the correspondents and topics timelines count letters in time bins, the latency chart answers per time bin and band of days (its strips keep box and median, without dots)")

        add("legend.swatch_mm", .number(0.5...100), "size of a legend swatch or line sample, in mm")
        add("legend.gap_mm", length, "space between legend entries, in mm")
        add("legend.frame", .bool, "draw a frame around the legend")
        return out
    }()

    static let fieldsByKey: [String: Field] = Dictionary(uniqueKeysWithValues: fields.map { ($0.key, $0) })

    /// The field at a full dotted key, or nil.
    public static func field(_ key: String) -> Field? { fieldsByKey[key] }

    /// Every table path that holds fields (`page`, `fonts`, `fonts.title`, ...), in order.
    public static let tables: [String] = {
        var out: [String] = []
        var seen: Set<String> = []
        for field in fields {
            let parts = field.key.split(separator: ".").map(String.init)
            for n in 1..<parts.count {
                let table = parts[0..<n].joined(separator: ".")
                if seen.insert(table).inserted { out.append(table) }
            }
        }
        return out
    }()

    static let tableSet = Set(tables)

    /// The names allowed directly inside table `path` ("" for the top level), in order.
    public static func children(of path: String) -> [String] {
        var out: [String] = []
        var seen: Set<String> = []
        let prefix = path.isEmpty ? "" : path + "."
        for key in tables + fields.map(\.key) where key.hasPrefix(prefix) {
            let rest = key.dropFirst(prefix.count)
            guard !rest.isEmpty, !rest.contains(".") else { continue }
            if seen.insert(String(rest)).inserted { out.append(String(rest)) }
        }
        if path.isEmpty { out += [descriptionKey, pinsTable] }
        return out
    }

    public static func isTable(_ path: String) -> Bool { tableSet.contains(path) }
}
