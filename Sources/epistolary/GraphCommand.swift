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
                        links of what answers what. The whole corpus does not fit a page: with
                        no --topic, --from or --to it shows the topic "poland" (or, for a topic
                        file without it, its largest topic); give filters to choose another slice.
        topics          who wrote about what: topics against correspondents.
        mentions        people named together in the message bodies (pairs named together in at
                        least --min-weight messages; by default the weight that keeps about 20 people).

        The output format follows the extension of -o (.svg, .png at the style's dpi, .pdf, .dot:
        the exact DOT that is rendered). A caption sidecar FILE.caption.json is written next to
        the figure: what it shows, message counts, date range, style, input hash.
        """)

    @Argument(help: "Figure: correspondents, replies, topics or mentions.")
    var kind: GraphFigureKind

    @OptionGroup var corpusOptions: CorpusOptions

    @Option(name: .long, help: ArgumentHelp("Topic lexicon (TOML) instead of the bundled one.", valueName: "FILE"))
    var topics: String?

    @Option(name: .long, help: ArgumentHelp("Style sheets, e.g. paper or paper,colorblind, or a path to a sheet.", valueName: "SPEC"))
    var style: String = ThemeLoader.defaultSpec

    @Flag(name: .long, help: "Use the style's wide (double-column) page width.")
    var wide = false

    @Option(name: .long, help: ArgumentHelp("Layout: dot, neato, fdp, sfdp, circo or twopi (default: the figure's own).", valueName: "NAME"))
    var engine: String?

    @Option(name: .long, help: ArgumentHelp("Only messages dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "DATE"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("Only messages dated on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "DATE"))
    var to: String?

    @Option(name: .long, help: ArgumentHelp("Only messages of this topic id (repeat for several).", valueName: "T"))
    var topic: [String] = []

    @Option(name: .long, help: ArgumentHelp("correspondents, mentions: draw only pairs with at least N messages (default: the weight that keeps the figure legible).", valueName: "N"))
    var minWeight: Int?

    @Option(name: .shortAndLong, help: ArgumentHelp("Output file: .svg, .png, .pdf or .dot.", valueName: "FILE"))
    var output: String

    /// Prints the time of each step to stderr (for Benchmarks/graph-vs-dot.sh).
    @Flag(name: .long, help: .hidden)
    var timing = false

    /// Usage checks, reported as `EpistolaryError(.badUsage)` so they exit with 2 (DESIGN decision 8).
    func checkUsage() throws {
        let url = URL(fileURLWithPath: output)
        guard GraphFormat(fileExtension: url.pathExtension) != nil else {
            throw EpistolaryError(.badUsage, "-o must end in .svg, .png, .pdf or .dot (got \"\(output)\")")
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
        let clock = ContinuousClock()
        var lap = clock.now
        func report(_ step: String) {
            guard timing else { return }
            let elapsed = lap.duration(to: clock.now)
            let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            FileHandle.standardError.write(Data("timing: \(step) \(String(format: "%.1f", milliseconds)) ms\n".utf8))
            lap = clock.now
        }
        do {
            let theme = try ThemeLoader.load(spec: style)
            let corpus = try corpusOptions.loadCorpus()
            report("read")
            let lexicon = try topics.map { try TopicLexicon.load(path: $0) } ?? TopicLexicon.bundled()
            for id in topic where lexicon.topic(id) == nil {
                throw EpistolaryError(.badUsage, "unknown --topic \"\(id)\"; topics: \(lexicon.topics.map(\.id).joined(separator: ", "))")
            }
            let whole = CorpusAnalysis(corpus: corpus, lexicon: lexicon)
            report("analysis")
            let first = try from.map { try Self.day($0, option: "--from", end: false) }
            let last = try to.map { try Self.day($0, option: "--to", end: true) }
            var wanted = topic
            if kind == .replies, wanted.isEmpty, first == nil, last == nil, let fallback = Self.defaultRepliesTopic(whole) {
                wanted = [fallback]
            }
            var filters: [String] = []
            if !wanted.isEmpty { filters.append((wanted.count == 1 ? "topic " : "topics ") + wanted.joined(separator: ", ")) }
            if let from { filters.append("from \(from)") }
            if let to { filters.append("to \(to)") }
            let analysis = (wanted.isEmpty && first == nil && last == nil)
                ? whole : whole.filtered(from: first, to: last, topics: wanted.isEmpty ? nil : wanted)
            guard !analysis.messages.isEmpty else {
                throw EpistolaryError(.badUsage, "no messages match the filters (\(filters.joined(separator: "; ")))")
            }
            let context = FigureContext(analysis: analysis, theme: theme, wide: wide, styleSpec: style,
                                        filterDescription: filters.joined(separator: "; "))
            let figure = try GraphFigure.build(kind, context: context, engine: engine.map(LayoutEngine.init), minimumWeight: minWeight)
            report("figure-dot")
            let warnings = try figure.write(to: URL(fileURLWithPath: output))
            report("graphviz-render-and-write")
            for warning in warnings { FileHandle.standardError.write(Data("epistolary: graphviz: \(warning)\n".utf8)) }
        } catch let error as GraphvizError {
            throw error.epistolaryError
        } catch let error as ThemeError {
            let kind: EpistolaryError.Kind = error.kind == .badUsage ? .badUsage : error.kind == .environment ? .environment : .badData
            throw EpistolaryError(kind, file: error.file, line: error.line, error.message)
        } catch let error as TOMLError {
            throw EpistolaryError(.badData, error.description)
        }
    }

    /// The replies figure's default slice: the topic "poland" (the corpus's best-known
    /// thread) when the lexicon has it, otherwise the topic with the most messages.
    static func defaultRepliesTopic(_ analysis: CorpusAnalysis) -> String? {
        if analysis.lexicon.topic("poland") != nil { return "poland" }
        return analysis.lexicon.topics.max { a, b in
            let x = analysis.threads(topic: a.id).messageIDs.count, y = analysis.threads(topic: b.id).messageIDs.count
            return x != y ? x < y : a.id > b.id
        }?.id
    }

    /// A day from YYYY, YYYY-MM or YYYY-MM-DD: the first day of the period, or its last with `end`.
    static func day(_ text: String, option: String, end: Bool) throws -> Day {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        let bad = EpistolaryError(.badUsage, "\(option) \"\(text)\" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
        guard !parts.isEmpty, parts.count <= 3, parts.allSatisfy({ $0 != nil }), let year = parts[0] else { throw bad }
        let month = parts.count > 1 ? parts[1]! : (end ? 12 : 1)
        guard (1...12).contains(month) else { throw bad }
        let dayOfMonth = parts.count > 2 ? parts[2]! : (end ? Day.daysIn(month: month, year: year) : 1)
        guard let day = Day(year: year, month: month, day: dayOfMonth) else { throw bad }
        return day
    }
}

extension GraphFigureKind: ExpressibleByArgument {}
