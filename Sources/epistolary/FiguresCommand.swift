import Analysis
import ArgumentParser
import Correspondence
import Foundation
import GraphRender
import Styling
import TimelineRender

/// `epistolary figures`: the whole gallery of a corpus in one folder (every graph and
/// timeline figure in each format, every export, the catalogue and report) with a manifest.
/// On the bundled corpus this is what `make` runs into Renders/.
struct FiguresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figures",
        abstract: "Render every figure and export of a corpus into one folder, with a manifest.",
        discussion: """
        Writes graphs/ (correspondents, replies, topics, mentions: each figure in every format, its DOT and caption), \
        timelines/ (correspondents, topics, volume, latency, with captions), exports/ (GraphML, GEXF, node-link JSON, \
        Cytoscape.js for each graph; CSV tables; CMIF; TimelineJS; the message catalogue and the corpus report) and \
        manifest.json (each file with what it shows, its caption, size and SHA-256; the input's hash, the style and the \
        versions of the tool, Graphviz and Cairo). The gallery is built in a new folder beside DIR, each file written \
        as it is made, and swapped in with one rename when all are done, so an interrupted or failed run leaves the old \
        gallery whole. DIR must be new, empty, or an earlier gallery (it holds manifest.json). A figure that cannot be made is \
        reported (which and why) and left out, everything else is written, and the exit code is 4 (partial gallery).
        """)

    @OptionGroup var input: AnalysisOptions

    @OptionGroup var style: StyleOptions

    @Option(name: .long, help: ArgumentHelp("Figure formats, comma-separated: svg, png, pdf.", valueName: "LIST"))
    var formats: String = "svg,png,pdf"

    @Option(name: .long, help: ArgumentHelp("Folder to write into (created if missing).", valueName: "DIR"))
    var out: String = "Renders"

    @Flag(name: .long, help: "Print the wall and CPU time, the page faults and the resident memory at the end of each stage to stderr, and the resident memory and the peak so far as each gallery file and job ends.")
    var timings = false

    func run() throws {
        let wanted = try Self.formats(formats)
        let started = DispatchTime.now().uptimeNanoseconds
        var clock = StageClock(enabled: timings, prefix: "figures")
        let theme = try style.loadTheme()
        let corpus = try input.loadCorpus()
        clock.lap("read")
        let analysis = CorpusAnalysis(corpus: corpus, lexicon: try input.loadLexicon())
        clock.lap("analysis")
        let staging = try GalleryStaging(out: out)

        let progress = GalleryProgress(enabled: isatty(STDERR_FILENO) == 1)
        let gallery = Gallery(analysis: analysis, theme: theme, styleSpec: style.style, formats: wanted, staging: staging)
        // Not freed object by object as the process ends (`ProcessEnd`): 2 s at 500,000 messages.
        defer { ProcessEnd.keep((corpus, analysis, gallery)) }
        let rendered: Gallery.Rendered
        do {
            rendered = try gallery.render(timeMemory: timings, progress: progress.report)
        } catch {
            staging.abandon()
            throw error
        }
        let files = rendered.files
        progress.finish()
        clock.lap("render")
        if timings {
            let familyTimes = rendered.timings
            for (name, seconds) in [("graphs", familyTimes.graphs), ("timelines", familyTimes.timelines), ("exports", familyTimes.exports)] {
                StandardError.write("[timing] figures.family.\(name) \(String(format: "%9.3f", seconds)) s\n")
            }
            for (name, seconds, cpu) in familyTimes.exportJobs {
                StandardError.write("[timing] figures.export.\(name) \(String(format: "%9.3f", seconds)) s  cpu \(String(format: "%9.3f", cpu)) s\n")
            }
            for (name, resident, peak) in familyTimes.memory {
                StandardError.write("[memory] figures \(name): resident \(resident) MB, peak so far \(peak) MB\n")
            }
        }

        let manifest = GalleryManifest(
            files: files,
            failed: rendered.failures,
            input: .init(corpus: corpus.sourceName, sha256: corpus.sourceHash,
                         messages: corpus.messages.count, topics: analysis.lexicon.source),
            style: style.style,
            versions: .init(epistolary: EpistolaryVersion.current, graphviz: GraphvizEngine.shared.version,
                            cairo: ScenePainter.cairoVersion))
        let manifestData: Data
        do { manifestData = try manifest.json() } catch { staging.abandon(); throw error }
        try staging.finish(manifest: manifestData)
        clock.lap("write")

        let figures = files.filter { $0.kind == .figure }.count, exports = files.filter { $0.kind == .export }.count
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let summary = "epistolary: \(figures) figure files, \(exports) exports and \(files.count - figures - exports) captions "
            + "of \(corpus.messages.count) messages into \(out)/ in \(String(format: "%.2f", seconds)) s\n"
        StandardError.write(summary)
        if !rendered.failures.isEmpty {
            for failure in rendered.failures {
                StandardError.write("epistolary: \(failure.figure): not made: \(failure.reason)\n")
            }
            StandardError.write("epistolary: partial gallery: \(rendered.failures.count) figure(s) could not be made; everything else was written (exit \(GalleryFailure.partialGalleryExitCode))\n")
            throw ExitCode(GalleryFailure.partialGalleryExitCode)
        }
    }

    /// `svg,png,pdf` as formats, in the order given, without repeats.
    static func formats(_ list: String) throws -> [DocumentFormat] {
        var result: [DocumentFormat] = []
        for name in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) where !name.isEmpty {
            guard let format = DocumentFormat(rawValue: name) else {
                throw EpistolaryError(.badUsage, "--formats: unknown format \"\(name)\"; use svg, png and pdf")
            }
            if !result.contains(format) { result.append(format) }
        }
        guard !result.isEmpty else { throw EpistolaryError(.badUsage, "--formats names no format; use svg, png and pdf") }
        return result
    }
}
