import Analysis
import Correspondence
import Dispatch
import Export
import Foundation
import Synchronization
import GraphRender
import Styling
import TimelineRender

/// Every figure and export of one corpus: the graph figures (Graphviz), the timelines (Cairo)
/// and the exports, each family on its own thread since Graphviz work is serialised anyway
/// and the machine has cores to spare. Each file is written to the staging folder as soon as
/// it is made and only its manifest entry is kept; the command swaps the folder in at the end.
///
/// A figure that cannot be made (too large for Cairo, a Graphviz failure) does not take the
/// gallery with it: it is left out and reported as a `GalleryFailure` (which figure, why),
/// and everything else is rendered; `figures` then writes a partial gallery and says so in
/// its exit code.
struct Gallery {
    let analysis: CorpusAnalysis
    let theme: Theme
    let styleSpec: String
    let formats: [DocumentFormat]
    /// Where each file goes as it is made.
    let staging: GalleryStaging

    /// Wall time of each family, for `--timings`.
    struct Timings {
        var graphs = 0.0
        var timelines = 0.0
        var exports = 0.0
        /// Wall time and CPU time of each export job (the CPU of the thread that ran it, so
        /// not inflated by other work on the machine), by name.
        var exportJobs: [(name: String, seconds: Double, cpu: Double)] = []
        /// Every job (families and exports) in the order they ended, with the resident memory
        /// then and the process's peak so far, in MB: which job raised the peak.
        var memory: [(name: String, resident: Int, peak: Int)] = []
    }

    /// What a render produced: the manifest entries of the files written, in a stable order
    /// (graphs, timelines, exports; each in its order), the figures that could not be made,
    /// and the time each family took.
    struct Rendered {
        var files: [GalleryManifest.Entry]
        var failures: [GalleryFailure]
        var timings: Timings
    }

    /// `timeMemory`: read the resident memory as each job ends (for `--timings`).
    func render(timeMemory: Bool = false, progress given: @escaping @Sendable (String) -> Void) throws -> Rendered {
        let analysis = self.analysis, theme = self.theme, styleSpec = self.styleSpec, formats = self.formats
        let staging = self.staging
        let results = ResultSlots(count: 0)
        // With `timeMemory`, each file made is noted with the memory then, as each job is.
        let noting: @Sendable (String) -> Void = { path in
            results.ended(path, resident: StageClock.residentMegabytes() ?? 0, peak: StageClock.peakMegabytes() ?? 0)
            given(path)
        }
        let progress = timeMemory ? noting : given
        // The exports are several independent jobs, so that both cores stay busy at any size.
        // The figures' passes over every message (ranking, merged people, the mentions of
        // people) are made once for the gallery's figures and the exports' drawings both.
        let parts = FigureParts()
        let exportJobs = Self.exportJobs(analysis: analysis, theme: theme, styleSpec: styleSpec, parts: parts, staging: staging, progress: progress)
        let jobs: [@Sendable () throws -> Family] = [
            { try Self.graphs(analysis: analysis, theme: theme, styleSpec: styleSpec, formats: formats, parts: parts, staging: staging, progress: progress) },
            { try Self.timelines(analysis: analysis, theme: theme, styleSpec: styleSpec, formats: formats, staging: staging, progress: progress) },
        ] + exportJobs.map { job in { Family(files: try job.run()) } }
        results.reset(count: jobs.count)
        let names = ["graphs", "timelines"] + exportJobs.map(\.name)
        let order = Self.schedule(names)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { turn in
            let index = order[turn]
            let start = DispatchTime.now().uptimeNanoseconds, cpu = Self.threadCPUSeconds()
            let outcome = Result { try jobs[index]() }
            results.store(index, outcome, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9,
                          cpu: Self.threadCPUSeconds() - cpu)
            if timeMemory {
                results.ended("job " + names[index], resident: StageClock.residentMegabytes() ?? 0, peak: StageClock.peakMegabytes() ?? 0)
            }
        }
        var files: [GalleryManifest.Entry] = [], failures: [GalleryFailure] = []
        for index in 0..<jobs.count {
            let family = try results.outcome(index).get()
            files += family.files
            failures += family.failures
        }
        return Rendered(files: files, failures: failures,
                        timings: Timings(graphs: results.seconds(0), timelines: results.seconds(1),
                                         exports: (2..<jobs.count).map(results.seconds).reduce(0, +),
                                         exportJobs: exportJobs.indices.map { (exportJobs[$0].name, results.seconds($0 + 2), results.cpu($0 + 2)) },
                                         memory: results.memory()))
    }

    /// The order in which the jobs named `names` are started (their files still come in the
    /// order of `names`). Two things decide it, at 500,000 messages:
    /// - memory: a graph export's graph and drawing (`SharedPart`, hundreds of MB for the
    ///   replies) live from its first file to its last, so the files of one graph follow one
    ///   another and the next graph is made only once the one before is let go; the gallery's
    ///   figures (whose mentions and matrix figures pass over every message) start once the
    ///   replies graph is let go, beside jobs that stream (the CMIF, TimelineJS): beside the
    ///   replies graph they made the 500,000-message gallery's peak (1,890 MiB);
    /// - time: the first file of a graph (which makes the graph and lays it out) is followed by
    ///   a long job of something else, so that the other core has work meanwhile instead of
    ///   waiting for the graph; the short jobs come last, so that no long job runs alone at the end;
    /// - waiting: a graph export's drawing takes its figure's shared parts (`FigureParts`), which
    ///   the gallery's figures make, so the mentions exports start after TimelineJS: started
    ///   beside the figures, the mentions export waited half a second for the mentions figure's
    ///   messages with a core idle (`perf record`, 500,000 messages).
    /// Unknown names last.
    static func schedule(_ names: [String]) -> [Int] {
        let preferred = ["replies.graphml", "catalogue", "replies.gexf", "replies.node-link.json", "replies.cyjs",
                         "cmif", "graphs", "timelinejs", "mentions.graphml", "gexf1.3+csv", "mentions.gexf", "mentions.node-link.json",
                         "mentions.cyjs", "correspondents.graphml", "timelines", "correspondents.gexf", "correspondents.node-link.json",
                         "correspondents.cyjs", "report"]
        let rank = Dictionary(preferred.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        return names.indices.sorted { (rank[names[$0]] ?? preferred.count, $0) < (rank[names[$1]] ?? preferred.count, $1) }
    }

    /// CPU time of the calling thread so far (a job runs on one thread).
    static func threadCPUSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// Figures named in `EPISTOLARY_FAIL_FIGURES` (comma-separated, e.g. `timelines/volume`)
    /// fail as a figure that cannot be made does: fault injection, so that the partial-gallery
    /// path is tested on the real binary although no bundled input makes a figure fail.
    static let injectedFailures: Set<String> = Set(
        (ProcessInfo.processInfo.environment["EPISTOLARY_FAIL_FIGURES"] ?? "").split(separator: ",").map(String.init))

    static func failIfInjected(_ figure: String) throws {
        if injectedFailures.contains(figure) {
            throw EpistolaryError(.environment, "\(figure) failed on request (EPISTOLARY_FAIL_FIGURES)")
        }
    }

    /// One family's files (written, as manifest entries) and the figures of it that failed.
    struct Family: Sendable {
        var files: [GalleryManifest.Entry] = []
        var failures: [GalleryFailure] = []
    }

    /// The four graph figures in each format, their DOT and caption sidecars.
    /// A figure that cannot be made is a failure of the family; a file that cannot be written
    /// (a full disk) ends the run.
    static func graphs(analysis: CorpusAnalysis, theme: Theme, styleSpec: String, formats: [DocumentFormat], parts: FigureParts? = nil,
                       staging: GalleryStaging, progress: @Sendable (String) -> Void) throws -> Family {
        var family = Family()
        // Who wrote to whom: nodes and links, or a matrix when the network is too dense; the caption says which and why.
        let network = GraphFigure.prefersMatrix(analysis, theme: theme)
        // Colours and shapes follow the corpus's palette order, as in the timelines: the same in every figure.
        let people = FigureContext.peopleStyles(ranking: FigureContext.runPeople(analysis), theme: theme)
        for kind in GraphFigureKind.allCases where kind != (network.matrix ? .correspondents : .matrix) {
            // A figure with nothing to show on this corpus (topics without text; replies without
            // text or links) is skipped with its reason, not drawn empty.
            if let reason = GraphFigure.unavailableReason(kind, analysis: analysis, inGallery: true) {
                FileHandle.standardError.write(Data("epistolary: skipped graphs/\(kind.rawValue): \(reason)\n".utf8))
                continue
            }
            let made: [GalleryFile]
            do {
                made = try graph(kind, analysis: analysis, theme: theme, styleSpec: styleSpec, formats: formats, people: people, parts: parts,
                                 note: kind == .correspondents || kind == .matrix ? network.reason : nil, progress: progress)
            } catch {
                family.failures.append(GalleryFailure(figure: "graphs/\(kind.rawValue)", error: error))
                continue
            }
            family.files += try made.map(staging.write)
        }
        return family
    }

    /// One graph figure in each format, its DOT and its caption sidecar.
    static func graph(_ kind: GraphFigureKind, analysis: CorpusAnalysis, theme: Theme, styleSpec: String, formats: [DocumentFormat],
                      people: CategoryStyles? = nil, parts: FigureParts? = nil, note: String? = nil,
                      progress: @Sendable (String) -> Void) throws -> [GalleryFile] {
        var files: [GalleryFile] = []
        try failIfInjected("graphs/\(kind.rawValue)")
        // The replies figure chooses its own slice when the corpus is past its budget.
        var context = FigureContext(analysis: analysis, theme: theme, styleSpec: styleSpec, people: people)
        context.parts = parts
        var figure = try GraphFigure.build(kind, context: context)
        if let note { figure.caption.shows += " " + note }
        let base = "graphs/\(kind.rawValue)"
        let captionPath = base + ".caption.json"
        let graphFormats = formats.map { format -> GraphFormat in
            switch format {
            case .svg: return .svg
            case .png: return .png
            case .pdf: return .pdf
            }
        }
        let rendered = try figure.render(formats: graphFormats)
        for (format, graphFormat) in zip(formats, graphFormats) {
            guard let output = rendered[graphFormat] else {
                throw EpistolaryError(.environment, "Graphviz rendered no \(format.rawValue) for \(base)")
            }
            files.append(GalleryFile(path: "\(base).\(format.rawValue)", kind: .figure, format: format.rawValue,
                                     shows: figure.title, caption: captionPath, data: output.data))
            progress("\(base).\(format.rawValue)")
        }
        files.append(GalleryFile(path: base + ".dot", kind: .export, format: "dot",
                                 shows: "The Graphviz DOT of the figure \(figure.title.lowercased()), exactly as rendered",
                                 caption: captionPath, data: Data(figure.dot.utf8)))
        files.append(GalleryFile(path: captionPath, kind: .caption, format: "json",
                                 shows: "Caption sidecar of \(base)", data: try figure.caption.json()))
        return files
    }

    /// The four timelines in each format and their caption sidecars.
    static func timelines(analysis: CorpusAnalysis, theme: Theme, styleSpec: String, formats: [DocumentFormat],
                          staging: GalleryStaging, progress: @Sendable (String) -> Void) throws -> Family {
        var family = Family()
        let maker: TimelineFigureMaker
        do {
            // Events only for the corpus they belong to (the bundled calendar for the bundled corpus).
            let span = TimelineData.span(of: analysis)
            let events = try EventCalendar.defaultCalendar(corpusHash: analysis.corpus.sourceHash, from: span?.from, to: span?.to)
            maker = try TimelineFigureMaker(theme: theme, styleName: styleSpec, events: events)
        } catch {
            family.failures = TimelineKind.allCases.map { GalleryFailure(figure: "timelines/\($0.rawValue)", error: error) }
            return family
        }
        let available = TimelineKind.allCases.filter { kind in
            // A figure that needs text is skipped, with its reason, on a corpus without any (a
            // CMIF file): not drawn empty, not counted as a failure.
            guard let reason = kind.unavailableReason(analysis: analysis) else { return true }
            progress("timelines/\(kind.rawValue) skipped: \(reason)")
            return false
        }
        // The figures of people share one figure data (a pass and a sort over every message),
        // drawn one after the other and let go before the topics figure, which reads its own
        // lighter lanes; the files and failures still come in the kinds' order.
        var made: [TimelineKind: Family] = [:]
        var people = available.contains { $0 != .topics } ? TimelineFigureMaker.figureData(analysis) : nil
        for kind in available.filter({ $0 != .topics }) + available.filter({ $0 == .topics }) {
            if kind == .topics { people = nil }
            let files: [GalleryFile]
            do {
                files = try timeline(kind, maker: maker, analysis: analysis, data: people, formats: formats, progress: progress)
            } catch {
                made[kind] = Family(failures: [GalleryFailure(figure: "timelines/\(kind.rawValue)", error: error)])
                continue
            }
            // A file that cannot be written (a full disk) ends the run.
            made[kind] = Family(files: try files.map(staging.write))
        }
        for kind in available {
            family.files += made[kind]?.files ?? []
            family.failures += made[kind]?.failures ?? []
        }
        return family
    }

    /// One timeline in each format and its caption sidecar.
    /// `data`: the figure data of the figures of people, when the caller made it for several.
    static func timeline(_ kind: TimelineKind, maker: TimelineFigureMaker, analysis: CorpusAnalysis, data: TimelineData? = nil,
                         formats: [DocumentFormat], progress: @Sendable (String) -> Void) throws -> [GalleryFile] {
        var files: [GalleryFile] = []
        try failIfInjected("timelines/\(kind.rawValue)")
        let (figure, caption) = try maker.figure(kind, analysis: analysis, data: data)
        let base = "timelines/\(kind.rawValue)"
        let captionPath = base + ".caption.json"
        for format in formats {
            files.append(GalleryFile(path: "\(base).\(format.rawValue)", kind: .figure, format: format.rawValue,
                                     shows: figure.title, caption: captionPath, data: try maker.render(figure, as: format)))
            progress("\(base).\(format.rawValue)")
        }
        files.append(GalleryFile(path: captionPath, kind: .caption, format: "json",
                                 shows: "Caption sidecar of \(base)", data: try caption.json()))
        return files
    }

    /// Every export, and the message catalogue and corpus report as read, as independent jobs
    /// (their files in this order), each file written to `staging` as soon as it is made.
    ///
    /// The graph exports carry the drawing of their figure and the TimelineJS file its short
    /// headlines and eras, as `export` writes them; the CMIF is published on the day of
    /// SOURCE_DATE_EPOCH, or on a fixed day, never today (the gallery is compared byte for byte).
    ///
    /// - Complexity: each job is O(n) (or O(n log n)) in messages.
    static func exportJobs(analysis: CorpusAnalysis, theme: Theme, styleSpec: String, parts: FigureParts? = nil, staging: GalleryStaging,
                           progress: @escaping @Sendable (String) -> Void) -> [(name: String, run: @Sendable () throws -> [GalleryManifest.Entry])] {
        var shared = FigureContext(analysis: analysis, theme: theme, styleSpec: styleSpec)
        shared.parts = parts
        let context = shared
        /// The exporter of `kind` with its drawing, and the graph it draws (built once). The
        /// figure is laid out before the graph is built, so that its working set is let go first.
        @Sendable func drawn(_ kind: ExportGraphKind) -> (Exporter, ExportGraph) {
            var exporter = Exporter(graphKind: kind)
            let drawing = try? ExportLayoutReader.drawing(kind, context: context)
            let graph = exporter.graph(analysis)
            exporter.layout = drawing?.layout(for: graph)
            return (exporter, graph)
        }
        /// Streams one file of an export into the staging folder as it is made.
        @Sendable func file(_ path: String, _ format: String, _ shows: String, _ write: (ByteSink) -> Void) throws -> GalleryManifest.Entry {
            progress("exports/\(path)")
            return try staging.write(path: "exports/\(path)", kind: .export, format: format, shows: shows, produce: write)
        }
        /// The one file of a single-file export (its parts one after the other, should a writer hand it in parts).
        @Sendable func whole(_ parts: [ExportPart]) -> (ByteSink) -> Void {
            { sink in for part in parts { part.write(sink) } }
        }
        let graphs: [(ExportGraphKind, String)] = [
            (.correspondents, "people and who wrote to whom, one edge per writer and addressee, weighted by messages"),
            (.replies, "messages (held and inferred) and the reply links between them"),
            (.mentions, "people and places named together in the messages"),
        ]
        typealias Job = (name: String, run: @Sendable () throws -> [GalleryManifest.Entry])
        // One job per file of each graph (so that both cores share the largest exports); the
        // graph and its drawing (a Graphviz layout of the whole graph) are made once, by the
        // first of its jobs, and let go after the last.
        var byGraph: [ExportGraphKind: [Job]] = [:]
        for (kind, what) in graphs {
            let files: [(suffix: String, format: ExportFormat, type: String, shows: String)] = [
                ("graphml", .graphml, "graphml", "GraphML of \(what)"),
                ("gexf", .gexf, "gexf", "GEXF 1.2draft with time spells of \(what), for Gephi's timeline"),
                ("node-link.json", .nodeLink, "json", "NetworkX node-link JSON of \(what)"),
                ("cyjs", .cytoscape, "json", "Cytoscape.js JSON of \(what)"),
            ]
            let shared = SharedPart(uses: files.count) { drawn(kind) }
            byGraph[kind] = files.map { made in
                ("\(kind.rawValue).\(made.suffix)", {
                    try shared.use { exporter, graph in
                        [try file("\(kind.rawValue).\(made.suffix)", made.type, made.shows,
                                  whole(exporter.parts(made.format, analysis: analysis, built: graph)))]
                    }
                })
            }
        }
        var jobs: [Job] = graphs.flatMap { byGraph[$0.0] ?? [] }
        jobs.append(("gexf1.3+csv", {
            let newer = Exporter(graphKind: .correspondents, gexfVersion: .v1_3)
            let graph = newer.graph(analysis)   // undrawn, as both files are
            var files = [try file("correspondents.gexf1.3.gexf", "gexf", "GEXF 1.3 of the correspondents (Gephi 0.9+, NetworkX 3.4+)", whole(newer.parts(.gexf, analysis: analysis, built: graph)))]
            for table in Exporter(graphKind: .correspondents).parts(.csv, analysis: analysis, built: graph) {
                files.append(try file("csv/\(table.name)", "csv", "CSV table \(table.name) for Gephi's spreadsheet import and Palladio", table.write))
            }
            return files
        }))
        jobs.append(("cmif", {
            [try file("correspondence.cmif.xml", "xml", "CMIF (TEI correspDesc) of every message, for correspSearch", whole(Exporter(published: (try? PublicationDate.resolve(given: nil, environment: ProcessInfo.processInfo.environment, now: 0)) ?? "1970-01-01").parts(.cmif, analysis: analysis)))]
        }))
        jobs.append(("timelinejs", {
            var exporter = Exporter()
            if let calendar = try? EventCalendar.bundled() {
                TimelineJSWiring.apply(to: &exporter, analysis: analysis, context: context, calendar: calendar)
            }
            return [try file("timelinejs.json", "json", "TimelineJS 3 events grouped by topic, with the period's events as eras",
                             whole(exporter.parts(.timelinejs, analysis: analysis)))]
        }))
        jobs.append(("catalogue", {
            let catalogue = MessageCatalogue(corpus: analysis.corpus, topicsOf: analysis.topicIDs)
            return [try file("messages.jsonl", "jsonl", "The catalogue of messages as read, one JSON object each") { catalogue.write(.jsonl, to: $0) },
                    try file("messages.csv", "csv", "The catalogue of messages as read, as CSV") { catalogue.write(.csv, to: $0) }]
        }))
        jobs.append(("report", {
            [try file("report.txt", "txt", "The corpus report: counts, undated messages, fragments, duplicates, unresolved references") { sink in
                CorpusReport(corpus: analysis.corpus).write(to: sink)
                sink.write("\n" + UnresolvedReferencesSection(analysis: analysis).render())
            }]
        }))
        return jobs
    }
}

/// Results of the gallery's parallel jobs, each stored once under a lock.
private final class ResultSlots: Sendable {
    private struct Slots {
        var outcomes: [Result<Gallery.Family, Error>?]
        var durations: [Double]
        var cpu: [Double]
        var memory: [(name: String, resident: Int, peak: Int)] = []
    }
    private let slots: Mutex<Slots>

    init(count: Int) {
        slots = Mutex(Slots(outcomes: Array(repeating: nil, count: count), durations: Array(repeating: 0, count: count),
                             cpu: Array(repeating: 0, count: count)))
    }

    /// Room for `count` jobs' results (what was noted of memory is kept).
    func reset(count: Int) {
        slots.withLock {
            $0.outcomes = Array(repeating: nil, count: count)
            $0.durations = Array(repeating: 0, count: count)
            $0.cpu = Array(repeating: 0, count: count)
        }
    }

    func store(_ index: Int, _ outcome: Result<Gallery.Family, Error>, seconds: Double, cpu: Double) {
        slots.withLock {
            $0.outcomes[index] = outcome
            $0.durations[index] = seconds
            $0.cpu[index] = cpu
        }
    }

    func outcome(_ index: Int) -> Result<Gallery.Family, Error> {
        slots.withLock { $0.outcomes[index] } ?? .failure(EpistolaryError(.environment, "a gallery job did not finish"))
    }

    func ended(_ name: String, resident: Int, peak: Int) {
        slots.withLock { $0.memory.append((name, resident, peak)) }
    }

    func memory() -> [(name: String, resident: Int, peak: Int)] {
        slots.withLock { $0.memory }
    }

    func seconds(_ index: Int) -> Double {
        slots.withLock { $0.durations[index] }
    }

    func cpu(_ index: Int) -> Double {
        slots.withLock { $0.cpu[index] }
    }
}
