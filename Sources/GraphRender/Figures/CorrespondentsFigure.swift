import Analysis
import Correspondence
import Foundation
import Styling

/// Who wrote to whom. Each person is a square whose area grows with the messages they wrote
/// and received (the label beside it gives the count, so the label never sets the size); an
/// arrow runs from writer to addressee, its width one of a few classes of message counts and
/// its label the count. Incoming messages the corpus lacks, known only because a message
/// cites them, are drawn apart as dashed arrows with their own count.
///
/// Within budget (`graph.budget` of the theme): past `nodes` people the figure keeps the most
/// involved and merges everyone else into one "others (k people, n messages)" node; past
/// `edges` pairs it keeps the heaviest. Only the people with a colour of their own (the first
/// of the run's ranking, as many as the palette holds) are coloured; the rest are grey. The
/// title and caption say whenever people are merged or pairs left out.
struct CorrespondentsFigure {
    let context: FigureContext
    let engine: LayoutEngine
    let minimumWeight: Int?
    /// Most people drawn as themselves (the others node comes on top); nil for the theme's budget.
    var peopleLimit: Int? = nil
    /// The direction of ranks instead of the theme's (`GraphFigure.build` tries top to bottom
    /// when left to right would merge people to keep the text legible).
    var rankdir: String? = nil
    var style: FigureStyle
    /// Where each arrow's count goes, by `labelKey`: Graphviz's edge label unless listed
    /// (`separatingLabels` moves counts that overlap another to an external label, then drops them).
    var labelPlacement: [String: LabelPlacement] = [:]
    /// Where the counts not in `labelPlacement` go.
    var unlistedPlacement: LabelPlacement = .inline

    /// Where an arrow's count is printed.
    enum LabelPlacement: Equatable {
        /// Beside the arrow, in space dot sets aside for it (`label`).
        case inline
        /// Placed by Graphviz after the layout, where it overlaps no node and no other label
        /// if it can (`xlabel`).
        case external
        /// Beside the arrowhead (`headlabel`), where the arrow meets its addressee.
        case atHead
        /// Not printed: no place apart from the other counts was found.
        case dropped
    }

    init(context: FigureContext, engine: LayoutEngine, minimumWeight: Int?, peopleLimit: Int? = nil) {
        self.context = context
        self.engine = engine
        self.minimumWeight = minimumWeight
        self.peopleLimit = peopleLimit
        style = FigureStyle(context: context)
    }

    /// The id of the merged node; not a valid person id of any reader (it has a space).
    static let othersID = "others (merged)"

    /// Side of a person's square in points for `volume` messages when the busiest has
    /// `largest`: area proportional to messages, whole points (as HTML-like cells are sized),
    /// never under 3 points.
    static func side(_ volume: Int, largest: Int, maxSide: Int) -> Int {
        guard largest > 0 else { return 3 }
        return max(3, Int((Double(maxSide) * (Double(volume) / Double(largest)).squareRoot()).rounded()))
    }

    /// The smallest weight at which at most `limit` pairs remain (and at least `floor`).
    static func weightThreshold(_ weights: [Int], limit: Int, floor: Int) -> Int {
        let sorted = weights.sorted(by: >)
        guard sorted.count > limit, limit >= 0 else { return floor }
        // Pairs with weight > sorted[limit] number at most `limit`.
        return max(floor, sorted[limit] + 1)
    }

    /// The people drawn and the graph with everyone else merged, for one people limit: passes
    /// over every message, so worked out once (`merged`) and shared by every layout
    /// `separatingLabels` tries, not once per try.
    struct Merged: Sendable {
        var ranking: [String]
        var kept: [String]
        var others: [String]
        var othersMessages: Int
        var othersName: String
        var full: CorrespondentGraph
        var merging: Bool { !others.isEmpty }
    }

    /// Set by `separatingLabels` (and by `GraphFigure.build` for the ranking) so that the
    /// passes over every message run once per figure, not once per layout tried.
    var merged: Merged? = nil
    /// The corpus's ranking of correspondents, when the caller has it already.
    var ranking: [String]? = nil

    /// `Merged` for this figure's people limit.
    /// - Complexity: O(m log m) for m messages (counting, then `CorrespondentGraph.aggregated`
    ///   of the letters numbered once, `FigureContext.letterNumbers`).
    func merge() -> Merged {
        let analysis = context.analysis
        let ranking = self.ranking ?? context.ranking
        let limit = peopleLimit ?? context.theme.graph.budget.nodes
        let merging = ranking.count > limit
        let kept = merging ? Array(ranking.prefix(max(1, limit - 1))) : ranking
        let keptSet = Set(kept)
        let others = merging ? ranking.filter { !keptSet.contains($0) } : []
        // By number: each person's id is looked up once, not once per letter naming them.
        let letters = merging ? context.letterNumbers : nil
        let othersSet = Set(others)
        let othersMessages = letters.map { $0.messagesNaming($0.ids.map(othersSet.contains)) } ?? 0
        let othersName = "others (\(others.count) people, \(othersMessages) messages)"
        let full = letters.map {
            CorrespondentGraph.aggregated($0, people: analysis.corpus.people, keep: keptSet, othersID: Self.othersID, othersName: othersName)
        } ?? analysis.correspondents
        return Merged(ranking: ranking, kept: kept, others: others, othersMessages: othersMessages, othersName: othersName, full: full)
    }

    func figure() -> GraphFigure {
        let analysis = context.analysis
        let theme = context.theme
        let merged = self.merged ?? merge()
        let ranking = merged.ranking, merging = merged.merging, kept = merged.kept, others = merged.others
        let othersMessages = merged.othersMessages, othersName = merged.othersName, full = merged.full
        let loops = full.edges.filter { $0.from == $0.to }
        let pairs = full.edges.filter { $0.from != $0.to }
        let threshold = Self.weightThreshold(pairs.map { $0.count + $0.inferredCount }, limit: theme.graph.budget.edges,
                                             floor: minimumWeight ?? 1)
        let keptEdges = pairs.filter { $0.count + $0.inferredCount >= threshold }
        let graph = CorrespondentGraph(nodes: full.nodes, edges: keptEdges)
        let showsInferred = keptEdges.contains { $0.inferredCount > 0 }
        // When the writers' arrows differ in line style, a line style cannot also mean
        // "inferred": the inferred arrows are then outlined (a hollow shaft), as inferred marks
        // are hollow in every figure, and keep their hollow head.
        let outlined = showsInferred && keptEdges.contains { $0.count > 0 && edgeLook(writer: $0.from).style != "solid" }

        var qualifiers: [String] = []
        if !context.filterDescription.isEmpty { qualifiers.append(context.filterDescription) }
        if merging { qualifiers.append("top \(kept.count) of \(ranking.count) people") }
        if keptEdges.count < pairs.count { qualifiers.append("pairs with ≥ \(threshold) messages") }
        let automatic = "Who wrote to whom" + (qualifiers.isEmpty ? "" : " (" + qualifiers.joined(separator: "; ") + ")")
        let title = context.title(automatic: automatic)

        // A message whose writer and addressee are one node (two of the merged others) is one
        // message written and received, not two: the others node said "808 messages" in its
        // name and 1,212 under it.
        let selfLoops = Dictionary(loops.map { ($0.from, (count: $0.count, inferred: $0.inferredCount)) }, uniquingKeysWith: { a, b in (a.count + b.count, a.inferred + b.inferred) })
        let messagesOf = { (node: CorrespondentGraph.Node) in node.sent + node.received - (selfLoops[node.id]?.count ?? 0) }
        let inferredOf = { (node: CorrespondentGraph.Node) in node.inferredSent + node.inferredReceived - (selfLoops[node.id]?.inferred ?? 0) }
        let volume = { (node: CorrespondentGraph.Node) in messagesOf(node) + inferredOf(node) }
        let largest = graph.nodes.map(volume).max() ?? 1
        let maxSide = Self.maxSide(theme: theme)
        let classes = style.lineClasses(maximum: max(1, keptEdges.map { max($0.count, $0.inferredCount) }.max() ?? 1), outlined: outlined)
        let countPadding = Self.countPadding(classes)

        var dot = DOTWriter(name: "correspondents")
        dot.comment("Epistolary correspondents figure of \(analysis.corpus.sourceName); sha256 \(analysis.corpus.sourceHash)")
        dot.graph(style.graphAttributes([
            ("layout", .text(engine.name)),
            ("rankdir", .text(rankdir ?? theme.graph.rankdir)),
            ("ranksep", .number(theme.graph.ranksepIn)),
            ("nodesep", .number(max(0.08, theme.graph.nodesepIn * 0.5))),
            ("splines", .text(theme.graph.splines)),
            ("overlap", .text(theme.graph.overlap)),
            ("concentrate", .text(theme.graph.concentrate ? "true" : "false")),
        ]) + legend(title: title, largest: largest, maxSide: maxSide, classes: classes, showsInferred: showsInferred, outlined: outlined,
                    writers: writers(keptEdges)).graphAttributes(style: style))
        dot.nodeDefaults(style.nodeDefaults([("shape", "plain")]))
        dot.edgeDefaults(style.edgeDefaults())

        for person in graph.nodes {
            let isOthers = person.id == Self.othersID
            let color = !theme.graph.node.fillByCategory ? theme.graph.node.fill
                : isOthers ? context.people.other.color : context.people[person.id].color
            let side = Self.side(volume(person), largest: largest, maxSide: maxSide)
            var detail = "\(messagesOf(person))"
            let inferred = inferredOf(person)
            if inferred > 0 { detail += " +\(inferred)" }
            let name = isOthers ? othersName : DisplayText.bounded(context.shortName(of: person.id))
            let label = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"0\"><TR>"
                + FigureStyle.fixedBox(width: side, height: side, "BGCOLOR=\"\(color.hex)\"")
                + "<TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">" + FigureStyle.html(name, font: style.labelFont, color: theme.colors.ink.hex)
                + "<BR ALIGN=\"LEFT\"/>" + FigureStyle.html(detail, font: style.noteFont, color: theme.colors.muted.hex) + "</TD></TR></TABLE>"
            let person_ = analysis.corpus.people[person.id]
            let tooltip = isOthers ? othersName : DisplayText.bounded(person_.map { $0.role.isEmpty ? $0.name : $0.name + ", " + $0.role } ?? person.name)
            dot.node(person.id, [("label", .html(label)), ("tooltip", .tooltip(tooltip))])
        }
        for edge in graph.edges {
            let look = edgeLook(writer: edge.from)
            if edge.count > 0 {
                let width = Double(FigureStyle.lineWidth(edge.count, classes: classes))
                var attributes: DOTAttributes = [("color", .text(look.color.hex)), ("penwidth", .number(width)),
                                                 ("arrowsize", .number(style.arrowSize(penWidth: width, outlined: outlined)))]
                if look.style != "solid" { attributes.append(("style", .text(look.style))) }
                if theme.graph.edge.labelCounts { attributes += countLabel(edge.count, key: Self.labelKey(edge.from, edge.to, inferred: false), padding: countPadding) }
                dot.edge(edge.from, edge.to, attributes)
            }
            if edge.inferredCount > 0 {
                // A hollow arrowhead as well as the inferred line style: a writer's own dash may be that style.
                // The head grows with the pen so that its opening stays open (`FigureStyle.arrowSize`).
                let width = Double(FigureStyle.lineWidth(edge.inferredCount, classes: classes))
                let inferredColor = theme.graph.inferred.color.hex
                var attributes: DOTAttributes = outlined
                    // Parallel lines (Graphviz draws a colour list without fractions so), the
                    // outer two in the colour and those between invisible: a hollow shaft exactly
                    // as wide overall as the class's solid line (`FigureStyle.outlineWidths`).
                    ? [("color", .text(FigureStyle.outlineColors(theme.graph.inferred.color, width: Int(width)))),
                       ("penwidth", .number(FigureStyle.outlineWall))]
                    : [("color", .text(inferredColor)), ("style", .text(theme.graph.inferred.style)), ("penwidth", .number(width))]
                attributes += [("arrowhead", .text(Self.inferredArrowhead)), ("arrowsize", .number(style.arrowSize(penWidth: width, outlined: outlined)))]
                if theme.graph.edge.labelCounts { attributes += countLabel(edge.inferredCount, key: Self.labelKey(edge.from, edge.to, inferred: true), padding: countPadding) }
                dot.edge(edge.from, edge.to, attributes)
            }
        }
        var shows = "Correspondents of \(analysis.corpus.sourceName): each person a square whose area grows with the messages "
            + "they wrote and received; arrows from writer to addressee, width by class of message count, labelled with the count."
        if showsInferred {
            shows += outlined ? " Outlined arrows (a hollow shaft) with a hollow head count incoming messages known only from citations (inferred)."
                : " Arrows with a hollow head count incoming messages known only from citations (inferred)."
        }
        if theme.graph.edge.colorBySender { shows += " An arrow takes its writer's colour and line style (grey: not among the coloured people)." }
        let dropped = unlistedPlacement == .dropped ? keptEdges.count { $0.count > 0 } + keptEdges.count { $0.inferredCount > 0 }
            : labelPlacement.values.count { $0 == .dropped }
        if theme.graph.edge.labelCounts, dropped > 0 {
            shows += " \(dropped) arrow\(dropped == 1 ? " carries" : "s carry") no count: no place apart from the other counts was found (the width gives the class)."
        }
        if merging {
            shows += " The \(kept.count) most involved of \(ranking.count) people are drawn; the other \(others.count) are merged into one "
                + "node (\(othersMessages) messages)"
            if let loop = loops.first { shows += ", \(loop.count) of them among themselves" }
            shows += "."
        }
        if keptEdges.count < pairs.count {
            shows += " Only the \(keptEdges.count) of \(pairs.count) writer-addressee pairs with at least \(threshold) messages are drawn."
        }
        var figure = GraphFigure(kind: .correspondents, title: title ?? automatic, shows: shows, dot: dot.text,
                                 engine: engine, context: context,
                                 drawn: context.everyMessageDrawn, inferredCount: analysis.inferred.count)
        figure.peopleDrawn = kept.count
        return figure
    }

    /// The key of an arrow's count in `labelPlacement`: writer, addressee and kind.
    static func labelKey(_ from: String, _ to: String, inferred: Bool) -> String {
        from + "\u{1}" + to + (inferred ? "\u{1}inferred" : "\u{1}corpus")
    }

    /// The room in whole points around an arrow's count: half the widest arrow's pen and a
    /// point. Graphviz keeps a label apart from the lines it routes, but routes them as lines of
    /// no width, so a count beside a 4-point arrow had half of it over the count.
    static func countPadding(_ classes: [FigureStyle.LineClass]) -> Int {
        Int((Double(classes.map(\.widthPt).max() ?? 1) / 2).rounded(.up)) + 1
    }

    /// The attributes printing `count` on an arrow, as `labelPlacement` says for `key`, in a
    /// cell with `padding` points of room around it (`countPadding`).
    private func countLabel(_ count: Int, key: String, padding: Int) -> DOTAttributes {
        let text = DOTValue.html("<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"\(padding)\"><TR><TD>"
            + FigureStyle.html("\(count)", font: style.noteFont, color: context.theme.colors.muted.hex) + "</TD></TR></TABLE>")
        switch labelPlacement[key] ?? unlistedPlacement {
        case .inline: return [("label", text)]
        case .external: return [("xlabel", text)]
        case .atHead: return [("headlabel", text), ("labeldistance", .number(1.6)), ("labelangle", .number(-35))]
        case .dropped: return []
        }
    }

    /// The figure with every arrow's count apart from every other count, every person and
    /// the ink of every other arrow (`LaidOutLabels.overlapping`):
    /// laid out, the counts that overlap are moved to external labels (Graphviz places those
    /// after the layout, where they overlap nothing if it can), then beside the arrowhead, and
    /// those still overlapping are dropped; the
    /// caption counts the arrows left without a count. At most a few layouts, each of a
    /// figure already within its budget.
    func separatingLabels() throws -> GraphFigure {
        var current = self
        if current.merged == nil { current.merged = merge() }
        for _ in 0..<5 {
            let figure = current.figure()
            guard context.theme.graph.edge.labelCounts else { return figure }
            let labels = try LaidOutLabels(json: GraphvizEngine.shared.layoutJSON(figure.dot, engine: figure.engine))
            let key = { (box: LaidOutLabels.Box) in
                Self.labelKey(box.tail, box.head, inferred: box.attributes["arrowhead"] == Self.inferredArrowhead)
            }
            var changed = false
            for box in labels.unplaced where current.labelPlacement[key(box)] != .dropped {
                current.labelPlacement[key(box)] = .dropped
                changed = true
            }
            for later in labels.overlapping {
                // The later of the two (cgraph's order: stable for one DOT) gives way.
                let k = key(labels.boxes[later])
                let next: LabelPlacement
                switch current.labelPlacement[k, default: .inline] {
                case .inline: next = .external
                case .external: next = .atHead
                default: next = .dropped
                }
                if current.labelPlacement[k] != next { current.labelPlacement[k] = next; changed = true }
            }
            if !changed { return figure }
        }
        // Still overlapping after every pass: no counts rather than counts on top of each other.
        current.unlistedPlacement = .dropped
        for key in current.labelPlacement.keys { current.labelPlacement[key] = .dropped }
        return current.figure()
    }

    /// The largest square side in whole points: the theme's `graph.node.max_width_in`.
    static func maxSide(theme: Theme) -> Int {
        max(6, Int((theme.graph.node.maxWidthIn * 72).rounded()))
    }

    /// Legend samples of square sizes: the busiest person's count, then about a quarter and a
    /// twentieth of it, rounded to one significant digit, each at the size it is drawn.
    static func sizeSamples(largest: Int) -> [Int] {
        var samples = [largest]
        for fraction in [0.25, 0.04] {
            let raw = Double(largest) * fraction
            guard raw >= 1 else { continue }
            let magnitude = pow(10, floor(log10(raw)))
            let value = Int((raw / magnitude).rounded() * magnitude)
            if value >= 1, !samples.contains(value) { samples.append(value) }
        }
        return samples.sorted()
    }

    /// The arrowhead of inferred messages: hollow, as inferred marks are in every figure.
    static let inferredArrowhead = "empty"

    /// How an arrow by `writer` is drawn: in the writer's colour and line style (their palette
    /// entry's dash as Graphviz's nearest style) when the theme colours arrows by writer, so
    /// that people whose colours print alike in grey still differ; else the theme's edge colour.
    func edgeLook(writer: String) -> (color: RGBColor, style: String) {
        let edge = context.theme.graph.edge
        guard edge.colorBySender else { return (edge.color, "solid") }
        // The people's styles decide: a named writer's look, the unidentified group's own, else others'.
        let people = context.people
        let look = people.contains(writer) || people.isUnidentified(writer) ? people[writer] : people.other
        return (look.color, look.dash.graphvizStyle)
    }

    /// The writers of `edges` with a look of their own, in the run's colour order: the legend's
    /// arrow samples (only when arrows are drawn by writer).
    private func writers(_ edges: [CorrespondentGraph.Edge]) -> (named: [String], others: Bool, unidentified: Bool) {
        guard context.theme.graph.edge.colorBySender else { return ([], false, false) }
        let writers = edges.filter { $0.count > 0 }.map(\.from)
        let split = context.people.split(writers)
        return (split.named, !split.others.isEmpty, writers.contains { context.people.isUnidentified($0) })
    }

    private func legend(title: String?, largest: Int, maxSide: Int, classes: [FigureStyle.LineClass], showsInferred: Bool, outlined: Bool,
                        writers: (named: [String], others: Bool, unidentified: Bool)) -> FigureLegend {
        let theme = context.theme
        let muted = theme.colors.muted
        let sizes = Self.sizeSamples(largest: largest).map {
            FigureLegend.Entry(swatch: .square(muted, sidePt: Self.side($0, largest: largest, maxSide: maxSide)), text: "\($0)")
        }
        let lines = classes.map { FigureLegend.Entry(swatch: .bar(muted, widthPt: $0.widthPt, style: "solid"), text: $0.label) }
        let sample = classes.first?.widthPt ?? 1
        var kinds: [FigureLegend.Entry] = []
        if !writers.named.isEmpty || writers.unidentified {
            kinds.append(FigureLegend.Entry(swatch: .none, text: "arrows by:"))
            for writer in writers.named {
                let look = edgeLook(writer: writer)
                kinds.append(FigureLegend.Entry(swatch: .bar(look.color, widthPt: sample, style: look.style), text: context.shortName(of: writer)))
            }
            if writers.others {
                let look = (context.people.other.color, context.people.other.dash.graphvizStyle)
                kinds.append(FigureLegend.Entry(swatch: .bar(look.0, widthPt: sample, style: look.1), text: "others"))
            }
            if writers.unidentified {
                let look = context.people.unidentified
                kinds.append(FigureLegend.Entry(swatch: .bar(look.color, widthPt: sample, style: look.dash.graphvizStyle), text: "unidentified"))
            }
        }
        if showsInferred {
            // The two kinds of arrow as drawn: line, width and head.
            let head = 10 * style.arrowSize(penWidth: Double(sample), outlined: outlined)
            kinds.append(FigureLegend.Entry(swatch: .arrow(muted, widthPt: sample, style: "solid", hollow: false, headPt: head),
                                            text: "in the corpus (filled head)"))
            kinds.append(FigureLegend.Entry(swatch: .arrow(theme.graph.inferred.color, widthPt: sample, style: outlined ? FigureLegend.outlinedStyle : theme.graph.inferred.style,
                                                           hollow: true, headPt: head),
                                            text: outlined ? "inferred from citations (outlined, hollow head)" : "inferred from citations (hollow head)"))
        }
        let notes = ["Square area and number: messages written and received" + (showsInferred ? " (+ inferred)" : "") + ". Arrows: writer to addressee"
                     + (theme.graph.edge.colorBySender ? ", in the writer’s colour and line style" : "")
                     + "; width by number of messages."]
        return FigureLegend(title: title, groups: [sizes.isEmpty ? [] : [FigureLegend.Entry(swatch: .none, text: "messages:")] + sizes,
                                                   [FigureLegend.Entry(swatch: .none, text: "per arrow:")] + lines,
                                                   kinds],
                            notes: notes)
    }
}
