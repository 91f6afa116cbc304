import Analysis
import ArgumentParser
import Correspondence
import Foundation
import Styling
import TimelineRender

/// `epistolary timeline KIND`: a dated figure of the corpus drawn with Cairo (SVG, PNG or PDF
/// by the output's extension), with a caption sidecar `FILE.caption.json`.
struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Draw a timeline figure: correspondents, topics, volume or latency.",
        discussion: """
        correspondents: a lane per correspondent; corpus messages filled, inferred incoming ones hollow, uncertain dates as ranges, curves from a cited message to its answer.
        topics: a lane per topic, a tick per message over its messages per month.
        volume: messages per month stacked by correspondent.
        latency: days from a cited incoming message to its answer, per correspondent.
        Events are drawn only from an events file that fits the corpus: the bundled one (1941-1945) for the bundled corpus, or --events FILE; --no-events leaves them out. At most five are drawn, each labelled.
        --width/--height size the figure (89mm, 183mm, N mm, N in); --title TEXT or --no-title choose its title.
        Next to the figure goes its caption sidecar (figure.svg -> figure.caption.json): what it shows, message counts, date range, filters, style and the input's SHA-256.
        """)

    @Argument(help: "correspondents, topics, volume or latency.")
    var kind: TimelineKind

    @OptionGroup var input: AnalysisOptions

    @OptionGroup var filters: FilterOptions

    @OptionGroup var style: StyleOptions

    @OptionGroup var size: FigureSizeOptions

    @Option(name: .long, help: ArgumentHelp("Events data file (TOML, [[event]] tables) instead of the bundled one.", valueName: "FILE"))
    var events: String?

    @Flag(name: .long, help: "Draw no event bands.")
    var noEvents = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Output file: .svg, .png or .pdf; repeat to write one layout in several formats.", valueName: "FILE"))
    var output: [String]

    @Flag(name: .long, help: "Print the wall and CPU time, the page faults and the resident memory at the end of each stage (read, analyse, layout, paint, write) to stderr.")
    var timings = false

    func validate() throws {
        if noEvents && events != nil { throw ValidationError("--events and --no-events exclude each other") }
    }

    func run() throws {
        let formats = try output.map { try DocumentFormat(path: $0) }
        var clock = StageClock(enabled: timings, prefix: "timeline")
        let (figure, caption, maker) = try layout(clock: &clock)
        // Every format is drawn before any file is written: a failure leaves no partial output.
        var documents: [(URL, Data)] = []
        for (path, format) in zip(output, formats) {
            documents.append((URL(fileURLWithPath: path), try maker.render(figure, as: format)))
            clock.lap("paint.\(format.rawValue)")
        }
        // Every figure and caption in one batch: all of them are written, or none.
        var batch = OutputBatch()
        for (url, bytes) in documents {
            batch.add(bytes, to: url)
            if !OutputBatch.isStream(url.path) { batch.add(try caption.json(), to: FigureCaption.sidecarURL(for: url)) }
        }
        try batch.commit()
        clock.lap("write")
    }

    /// Reads, analyses and lays the figure out, as `run` does before painting: the figure (its
    /// `Scene`), its caption and the maker that paints it. Tests check the scene through this.
    func layout(clock: inout StageClock) throws -> (figure: TimelineFigure, caption: FigureCaption, maker: TimelineFigureMaker) {
        let theme = try style.loadTheme()
        let whole = try input.analyse()
        let slice = try filters.slice(for: whole)
        let analysis = try slice.apply(to: whole)
        clock.lap("analyse")
        let span = TimelineData.span(of: analysis)
        let calendar = noEvents ? EventCalendar(events: []) : try events.map { try EventCalendar.load(path: $0) }
            ?? EventCalendar.defaultCalendar(corpusHash: whole.corpus.sourceHash, from: slice.from ?? span?.from, to: slice.to ?? span?.to)
        var words = slice.description
        if noEvents { words += (words.isEmpty ? "" : "; ") + "no event bands" } else if let events { words += (words.isEmpty ? "" : "; ") + "events from \(events)" }
        let maker = try TimelineFigureMaker(theme: theme, styleName: style.style, events: calendar, widthMM: try size.widthMM(),
                                            heightMM: try size.heightMM(), title: size.title, showTitle: size.showTitle)
        clock.lap("prepare")
        let (figure, caption) = try maker.figure(kind, analysis: analysis, from: slice.from, to: slice.to,
                                                 topics: slice.topics, filters: words)
        clock.lap("layout")
        return (figure, caption, maker)
    }
}

extension TimelineKind: ExpressibleByArgument {}
