import Analysis
import ArgumentParser
import Correspondence
import Foundation
import GraphRender
import Styling
import TOMLReader

/// `epistolary graph KIND -o FILE`: one network figure, rendered in process by Graphviz.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Draw a network figure (correspondents, replies, topics or mentions) as SVG, PNG, PDF or DOT.",
        discussion: """
        correspondents  who wrote to whom: people sized by messages, arrows by count, inferred
                        (cited but lost) incoming messages as dashed arrows (pairs with at least
                        --min-weight messages; by default the weight that keeps 30 pairs at most).
        replies         messages by date, left to right, in a lane per correspondent, with the
                        links of what answers what. Past the theme's budget ([graph.replies]
                        marks, default 300 messages) it draws the busiest year, quarter or month
                        of what the filters keep (then the busiest pair in it) and names that
                        slice in its title; messages of a row close in time are one mark with
                        their count. Give --from, --to, --topic or --correspondent to choose.
        topics          who wrote about what: topics against correspondents.
        mentions        people named together in the message bodies (pairs named together in at
                        least --min-weight messages; by default the weight that keeps about 20 people).

        The output format follows the extension of -o (.svg, .png at the style's dpi, .pdf, .dot:
        the exact DOT that is rendered). A caption sidecar FILE.caption.json is written next to
        the figure: what it shows, message counts, date range, style, input hash.
        """)

    @Argument(help: "Figure: correspondents, replies, topics or mentions.")
    var kind: GraphFigureKind

    @OptionGroup var input: AnalysisOptions

    @OptionGroup var filters: FilterOptions

    @OptionGroup var style: StyleOptions

    @Flag(name: .long, help: "Use the style's wide (double-column) page width.")
    var wide = false

    @Option(name: .long, help: ArgumentHelp("Layout: dot, neato, fdp, sfdp, circo or twopi (default: the figure's own).", valueName: "NAME"))
    var engine: String?

    @Option(name: .long, help: ArgumentHelp("correspondents, mentions: draw only pairs with at least N messages (default: the weight that keeps the figure legible).", valueName: "N"))
    var minWeight: Int?

    @Option(name: .shortAndLong, help: ArgumentHelp("Output file: .svg, .png, .pdf or .dot; repeat to render one layout in several formats.", valueName: "FILE"))
    var output: [String]

    @Flag(name: .long, help: "Print the wall and CPU time and the page faults of each stage (analyse, figure, render and write) to stderr.")
    var timings = false

    /// Usage checks, reported as `EpistolaryError(.badUsage)` so they exit with 2 (DESIGN decision 8).
    func checkUsage() throws {
        for path in output where GraphFormat(fileExtension: URL(fileURLWithPath: path).pathExtension) == nil {
            throw EpistolaryError(.badUsage, "-o must end in .svg, .png, .pdf or .dot (got \"\(path)\")")
        }
        if let engine, !LayoutEngine.supported.map(\.name).contains(engine) {
            throw EpistolaryError(.badUsage, "unknown --engine \"\(engine)\"; use one of \(LayoutEngine.supported.map(\.name).joined(separator: ", "))")
        }
        if let minWeight, minWeight < 1 { throw EpistolaryError(.badUsage, "--min-weight must be at least 1") }
        if minWeight != nil, kind != .mentions, kind != .correspondents {
            throw EpistolaryError(.badUsage, "--min-weight applies to the correspondents and mentions figures only")
        }
    }

    func run() throws {
        try checkUsage()
        var clock = StageClock(enabled: timings, prefix: "graph")
        let theme = try style.loadTheme()
        let whole = try input.analyse()
        let slice = try filters.slice(for: whole)
        let analysis = try slice.apply(to: whole)
        clock.lap("analyse")
        let context = FigureContext(analysis: analysis, theme: theme, wide: wide, styleSpec: style.style,
                                    filterDescription: slice.description)
        let figure = try GraphFigure.build(kind, context: context, engine: engine.map(LayoutEngine.init), minimumWeight: minWeight)
        clock.lap("figure")
        let warnings = try figure.write(to: output.map { URL(fileURLWithPath: $0) })
        clock.lap("render")
        for warning in warnings { StandardError.write("epistolary: graphviz: \(warning)\n") }
    }
}

extension GraphFigureKind: ExpressibleByArgument {}
