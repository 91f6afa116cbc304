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
        abstract: "Draw a network figure (correspondents, matrix, replies, topics or mentions) as SVG, PNG, PDF or DOT.",
        discussion: """
        correspondents  who wrote to whom: a square per person, its area by messages; arrows by
                        count, in the writer's colour and line style; inferred (cited but lost)
                        incoming messages as dashed arrows with a hollow head. Past the
                        style's budget (graph.budget: nodes, edges) the least involved people
                        are merged into one "others" node and the lightest pairs left out; the
                        title and caption say so. --min-weight N draws only pairs of N or more.
        matrix          who wrote to whom as a table: a row per writer, a column per addressee,
                        each cell the messages, shaded; --order activity (default) or cluster.
        replies         messages by date, left to right, in a lane per correspondent, with the
                        links of what answers what. Past the theme's budget ([graph.replies]
                        marks, default 300 messages) it draws the busiest year, quarter or month
                        of what the filters keep (then the busiest pair in it) and names that
                        slice in its title; messages of a row close in time are one mark with
                        their count. Give --from, --to, --topic or --correspondent to choose.
        topics          who wrote about what: a heat table of topics against correspondents.
        mentions        people named together in the message bodies (pairs named together in at
                        least --min-weight messages; by default the weight that keeps about 20 people).

        The output format follows the extension of -o (.svg, .png at the style's dpi, .pdf, .dot:
        the exact DOT that is rendered). No text is printed smaller than graph.budget.min_text_pt
        at the printed width: a figure that would be shrunk further shows fewer people. A caption sidecar FILE.caption.json is written next to
        the figure: what it shows, message counts, date range, style, input hash.
        """)

    @Argument(help: "Figure: correspondents, matrix, replies, topics or mentions.")
    var kind: GraphFigureKind

    @OptionGroup var input: AnalysisOptions

    @OptionGroup var filters: FilterOptions

    @OptionGroup var style: StyleOptions

    @OptionGroup var figure: FigureOptions

    @Option(name: .long, help: ArgumentHelp("matrix: order people by activity (most involved first) or cluster (those who write to each other together).", valueName: "ORDER"))
    var order: String = "activity"

    @Flag(name: .long, help: "Use the style's wide (double-column) page width.")
    var wide = false

    @Option(name: .long, help: ArgumentHelp("Layout: dot, neato, fdp, sfdp, circo or twopi (default: the figure's own).", valueName: "NAME"))
    var engine: String?

    @Option(name: .long, help: ArgumentHelp("correspondents, mentions: draw only pairs with at least N messages (default: the weight that keeps the figure legible).", valueName: "N"))
    var minWeight: Int?

    @Option(name: .shortAndLong, help: ArgumentHelp("Output file: .svg, .png, .pdf or .dot; repeat to render one layout in several formats.", valueName: "FILE"))
    var output: [String]

    @Flag(name: .long, help: "Print the wall and CPU time, the page faults and the resident memory at the end of each stage (analyse, figure, render and write) to stderr.")
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
        if MatrixOrder(rawValue: order) == nil {
            throw EpistolaryError(.badUsage, "unknown --order \"\(order)\"; use activity or cluster")
        }
    }

    func run() throws {
        try checkUsage()
        var clock = StageClock(enabled: timings, prefix: "graph")
        let (figure, analysis, theme) = try build(clock: &clock)
        let warnings = try figure.write(to: output.map { URL(fileURLWithPath: $0) })
        clock.lap("render")
        if kind == .correspondents, GraphFigure.prefersMatrix(analysis, theme: theme).matrix {
            FileHandle.standardError.write(Data("epistolary: this network has more pairs than a node-link figure draws legibly; `epistolary graph matrix` shows all of it\n".utf8))
        }
        for warning in warnings { StandardError.write("epistolary: graphviz: \(warning)\n") }
    }

    /// Reads, analyses and builds the figure (its DOT), as `run` does before rendering; with the
    /// analysis it was drawn from and the theme. Tests check the DOT through this.
    func build(clock: inout StageClock) throws -> (figure: GraphFigure, analysis: CorpusAnalysis, theme: Theme) {
        let theme = try style.loadTheme()
        let whole = try input.analyse()
        let slice = try filters.slice(for: whole)
        let analysis = try slice.apply(to: whole)
        if let reason = GraphFigure.unavailableReason(kind, analysis: analysis) {
            throw EpistolaryError(.badData, "cannot draw the \(kind.rawValue) figure: \(reason)")
        }
        clock.lap("analyse")
        // Colours follow the whole corpus's ranking, so a person keeps theirs in every slice.
        var context = FigureContext(analysis: analysis, theme: theme, wide: wide, styleSpec: style.style,
                                    filterDescription: slice.description, settings: try figure.settings(people: whole.corpus.people),
                                    people: FigureContext.peopleStyles(ranking: FigureContext.runPeople(whole), theme: theme))
        context.matrixOrder = MatrixOrder(rawValue: order) ?? .activity
        let figure = try GraphFigure.build(kind, context: context, engine: engine.map(LayoutEngine.init), minimumWeight: minWeight)
        clock.lap("figure")
        return (figure, analysis, theme)
    }
}

extension GraphFigureKind: ExpressibleByArgument {}
