import Analysis
import Correspondence
import Export
import Foundation
import GraphRender
import Styling
import TimelineRender

/// epistolary-bench: times each stage of the pipeline in process on one corpus, for the
/// figures the Python peer (../shared/peers/python_pipeline.py) makes, so that Benchmarks/run
/// can quote per-stage ratios on the same machine in the same run:
///   reading      text -> messages
///   analysis     correspondents, reply chains, topics, mentions, latency
///   graphs       correspondents and replies figures, SVG and PNG
///   timelines    correspondents and topics timelines, SVG and PNG
///   timeline-parts  each timeline's layout and PNG paint apart (not in the default set)
///   exports      GraphML and GEXF of the correspondents and replies graphs
/// usage: epistolary-bench [CORPUS] [--runs N] [--stages reading,analysis,...]
/// Prints one JSON object (stage -> timings) on stdout, a table on stderr.

let arguments = Array(CommandLine.arguments.dropFirst())
/// The value after `--name`, if given.
func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}
let runs = Int(option("--runs") ?? "") ?? 10
let stages = Set((option("--stages") ?? "reading,analysis,graphs,timelines,exports").split(separator: ",").map(String.init))
let corpusPath = arguments.enumerated().first { index, word in
    !word.hasPrefix("--") && (index == 0 || !arguments[index - 1].hasPrefix("--"))
}?.element

do {
    let timer = StageTimer(runs: runs)
    var results: [StageTimer.Result] = []
    let people = try PersonTable.bundled()
    let text: String
    let name: String
    // A CMIF file is read by its own reader, from the file (streamed, mapped): the reading stage
    // alone measures it (scripts time it with /usr/bin/time for memory).
    if let corpusPath, corpusPath.lowercased().hasSuffix(".xml") {
        let (reading, corpus) = try timer.measure("reading") { try CMIFReader.read(path: corpusPath, people: PersonTable(people: [])) }
        try BenchReport(corpus: URL(fileURLWithPath: corpusPath).lastPathComponent, messages: corpus.messages.count, stages: [reading]).write()
        exit(0)
    }
    if let corpusPath {
        text = try CorpusLoader.decodedText(url: URL(fileURLWithPath: corpusPath), shownAs: corpusPath)
        name = URL(fileURLWithPath: corpusPath).lastPathComponent
    } else {
        text = try CorpusLoader.decodedText(url: try BundledCorpus.url(), shownAs: BundledCorpus.name)
        name = BundledCorpus.name
    }

    let (reading, corpus) = try timer.measure("reading") { try TelegramReader.read(text: text, sourceName: name, people: people) }
    if stages.contains("reading") { results.append(reading) }
    guard !stages.isDisjoint(with: ["analysis", "graphs", "timelines", "timeline-parts", "exports"]) else {
        try BenchReport(corpus: name, messages: corpus.messages.count, stages: results).write()
        exit(0)
    }
    let lexicon = try TopicLexicon.bundled()
    let (analysing, analysis) = timer.measure("analysis") { CorpusAnalysis(corpus: corpus, lexicon: lexicon) }
    if stages.contains("analysis") { results.append(analysing) }

    let theme = try ThemeLoader.load()
    if stages.contains("graphs") {
        let (graphs, _) = try timer.measure("graphs") { () throws -> Int in
            var bytes = 0
            for kind in [GraphFigureKind.correspondents, .replies] {
                let figure = try GraphFigure.build(kind, context: FigureContext(analysis: analysis, theme: theme, styleSpec: "paper"))
                for format in [GraphFormat.svg, .png] { bytes += try figure.render(format).data.count }
            }
            return bytes
        }
        results.append(graphs)
    }
    if stages.contains("timelines") {
        let maker = try TimelineFigureMaker(theme: theme, styleName: "paper", events: try EventCalendar.bundled())
        let (timelines, _) = try timer.measure("timelines") { () throws -> Int in
            var bytes = 0
            for kind in [TimelineKind.correspondents, .topics] {
                let (figure, _) = try maker.figure(kind, analysis: analysis)
                for format in [DocumentFormat.svg, .png] { bytes += try maker.render(figure, as: format).count }
            }
            return bytes
        }
        results.append(timelines)
    }
    if stages.contains("timeline-parts") {
        // Layout and PNG paint of each timeline apart, to see where a timeline's time goes.
        let maker = try TimelineFigureMaker(theme: theme, styleName: "paper", events: try EventCalendar.bundled())
        for kind in [TimelineKind.correspondents, .topics] {
            let (layout, figure) = try timer.measure("timeline.\(kind.rawValue).layout") { try maker.figure(kind, analysis: analysis).figure }
            let (paint, _) = try timer.measure("timeline.\(kind.rawValue).png") { try maker.render(figure, as: .png).count }
            let dpi = Double(theme.page.dpi)
            let (oneBand, _) = try timer.measure("timeline.\(kind.rawValue).png.1-band") { try ScenePainter.render(figure.scene, as: .png, dpi: dpi, bands: 1).count }
            results += [layout, paint, oneBand]
        }
    }
    if stages.contains("exports") {
        let (exports, _) = timer.measure("exports") { () -> Int in
            var bytes = 0
            for kind in [ExportGraphKind.correspondents, .replies] {
                let exporter = Exporter(graphKind: kind)
                for format in [ExportFormat.graphml, .gexf] { bytes += exporter.files(format, analysis: analysis).reduce(0) { $0 + $1.text.utf8.count } }
            }
            return bytes
        }
        results.append(exports)
    }
    try BenchReport(corpus: name, messages: corpus.messages.count, stages: results).write()
} catch {
    FileHandle.standardError.write(Data("epistolary-bench: \(error)\n".utf8))
    exit(1)
}

/// The benchmark's JSON output.
struct BenchReport: Encodable {
    let corpus: String
    let messages: Int
    let stages: [StageTimer.Result]

    /// Pretty JSON on stdout.
    func write() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        FileHandle.standardOutput.write(try encoder.encode(self))
        FileHandle.standardOutput.write(Data("\n".utf8))
    }
}
