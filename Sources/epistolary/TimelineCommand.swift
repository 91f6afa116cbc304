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
        Events of the period (conferences, battles) are shaded; --events FILE replaces them, --no-events leaves them out.
        Next to the figure goes its caption sidecar (figure.svg -> figure.caption.json): what it shows, message counts, date range, filters, style and the input's SHA-256.
        """)

    @Argument(help: "correspondents, topics, volume or latency.")
    var kind: TimelineKind

    @OptionGroup var corpusOptions: CorpusOptions

    @Option(name: .long, help: ArgumentHelp("Topic lexicon (TOML) instead of the bundled one.", valueName: "FILE"))
    var topicsFile: String?

    @Option(name: .long, help: ArgumentHelp("Theme: bundled names and sheet paths joined by commas, e.g. paper,colorblind.", valueName: "SPEC"))
    var style: String = ThemeLoader.defaultSpec

    @Option(name: .long, help: ArgumentHelp("First day drawn (YYYY-MM-DD).", valueName: "DATE"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("Last day drawn (YYYY-MM-DD).", valueName: "DATE"))
    var to: String?

    @Option(name: .long, help: ArgumentHelp("Only messages on these topic ids (comma-separated).", valueName: "T,..."))
    var topics: String?

    @Option(name: .long, help: ArgumentHelp("Only messages from or to these person ids (comma-separated).", valueName: "P,..."))
    var correspondents: String?

    @Option(name: .long, help: ArgumentHelp("Events data file (TOML, [[event]] tables) instead of the bundled one.", valueName: "FILE"))
    var events: String?

    @Flag(name: .long, help: "Draw no event bands.")
    var noEvents = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Output file: .svg, .png or .pdf; repeat to write one layout in several formats.", valueName: "FILE"))
    var output: [String]

    @Flag(name: .long, help: "Print the wall time of each stage (read, analyse, layout, paint, write) to stderr.")
    var timings = false

    func validate() throws {
        if output.isEmpty { throw ValidationError("name an output file with -o FILE.svg|png|pdf") }
        if noEvents && events != nil { throw ValidationError("--events and --no-events exclude each other") }
    }

    func run() throws {
        let formats = try output.map { try DocumentFormat(path: $0) }
        let fromDay = try Self.day(from, option: "--from")
        let toDay = try Self.day(to, option: "--to")
        if let fromDay, let toDay, fromDay > toDay {
            throw EpistolaryError(.badUsage, "--from \(fromDay) lies after --to \(toDay)")
        }
        let theme = try Self.theme(style)
        let lexicon = try topicsFile.map { try TopicLexicon.load(path: $0) } ?? TopicLexicon.bundled()
        var clock = StageClock(enabled: timings)
        let corpus = try corpusOptions.loadCorpus()
        clock.lap("read")
        let wantedTopics = Self.list(topics)
        if let wantedTopics {
            let known = Set(lexicon.topics.map(\.id))
            if let unknown = wantedTopics.first(where: { !known.contains($0) }) {
                throw EpistolaryError(.badUsage, "unknown topic \(unknown); the lexicon has: \(lexicon.topics.map(\.id).joined(separator: ", "))")
            }
        }
        let wantedPeople = Self.list(correspondents)
        if let wantedPeople {
            let known = Set(corpus.people.people.map(\.id)).union(corpus.messages.flatMap { [$0.sender] + $0.recipients })
            if let unknown = wantedPeople.first(where: { !known.contains($0) }) {
                throw EpistolaryError(.badUsage, "unknown correspondent \(unknown); person ids are like \(corpus.people.people.prefix(4).map(\.id).joined(separator: ", "))")
            }
        }
        let full = CorpusAnalysis(corpus: corpus, lexicon: lexicon)
        let analysis = full.filtered(from: fromDay, to: toDay, topics: wantedTopics, correspondents: wantedPeople)
        clock.lap("analyse")
        var data = TimelineData(analysis: analysis, from: fromDay, to: toDay)
        if let wantedTopics {
            // A topic filter also narrows the topic lanes to the topics asked for.
            data.topics = data.topics.filter { wantedTopics.contains($0.id) }
            data.entries = data.entries.map { e in
                var e = e
                e.topics = e.topics.filter { wantedTopics.contains($0) }
                return e
            }
        }
        let categories = kind == .topics ? theme.topicStyles(lexicon.topics.map(\.id)) : theme.peopleStyles(data.personKeys)
        let figureStyle = FigureStyle(theme: theme, categories: categories, name: style)
        let calendar = noEvents ? EventCalendar(events: []) : try events.map { try EventCalendar.load(path: $0) } ?? EventCalendar.bundled()
        let measurer = try TextMeasurer()
        guard measurer.resolves(family: figureStyle.fontFamily) else {
            throw EpistolaryError(.environment, "the font family \(figureStyle.fontFamily) is not installed (apt install fonts-dejavu-core)")
        }
        clock.lap("prepare")
        let figure = try TimelineLayout.layout(kind, data: data, style: figureStyle, events: calendar, measurer: measurer)
        clock.lap("layout")
        let caption = FigureCaption(figure: figure, style: style, filters: filterWords, corpus: corpus.sourceName, inputHash: corpus.sourceHash)
        // Every format is drawn before any file is written: a failure leaves no partial output.
        var documents: [(URL, Data)] = []
        for (path, format) in zip(output, formats) {
            documents.append((URL(fileURLWithPath: path), try ScenePainter.render(figure.scene, as: format, dpi: figureStyle.dpi)))
            clock.lap("paint.\(format.rawValue)")
        }
        for (url, bytes) in documents {
            try AtomicFile.write(bytes, to: url)
            try AtomicFile.write(caption.json(), to: FigureCaption.sidecarURL(for: url))
        }
        clock.lap("write")
    }

    /// The filters of this run in words, for the caption ("" for none).
    var filterWords: String {
        var parts: [String] = []
        if let from { parts.append("from \(from)") }
        if let to { parts.append("to \(to)") }
        if let t = Self.list(topics) { parts.append("topics \(t.joined(separator: ", "))") }
        if let c = Self.list(correspondents) { parts.append("correspondents \(c.joined(separator: ", "))") }
        if noEvents { parts.append("no event bands") } else if let events { parts.append("events from \(events)") }
        return parts.joined(separator: "; ")
    }

    static func day(_ text: String?, option: String) throws -> Day? {
        guard let text else { return nil }
        guard let d = Day(iso: text) else { throw EpistolaryError(.badUsage, "\(option) expects a date YYYY-MM-DD, got \(text)") }
        return d
    }

    static func list(_ text: String?) -> [String]? {
        text.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
    }

    static func theme(_ spec: String) throws -> Theme {
        do {
            return try ThemeLoader.load(spec: spec)
        } catch let e as ThemeError {
            let kind: EpistolaryError.Kind
            switch e.kind {
            case .badUsage: kind = .badUsage
            case .badData: kind = .badData
            case .environment: kind = .environment
            }
            throw EpistolaryError(kind, file: e.file, line: e.line, e.message)
        }
    }
}

extension TimelineKind: ExpressibleByArgument {}

/// Wall and CPU time per stage, printed as `[timing] stage seconds s  cpu seconds s` lines
/// when enabled (the form the Python peer prints, so benchmark scripts read both). CPU time
/// is the steadier figure on a shared machine.
struct StageClock {
    let enabled: Bool
    private var last = DispatchTime.now()
    private var lastCPU = StageClock.cpuSeconds()

    init(enabled: Bool) { self.enabled = enabled }

    mutating func lap(_ stage: String) {
        let now = DispatchTime.now(), cpu = StageClock.cpuSeconds()
        if enabled {
            let seconds = Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9
            let padded = stage.padding(toLength: 12, withPad: " ", startingAt: 0)
            let line = "[timing] timeline.\(padded) \(String(format: "%9.3f", seconds)) s  cpu \(String(format: "%9.3f", cpu - lastCPU)) s\n"
            FileHandle.standardError.write(Data(line.utf8))
        }
        last = now
        lastCPU = cpu
    }

    /// User plus system CPU time of the process so far.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}
