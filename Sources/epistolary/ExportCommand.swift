import Analysis
import ArgumentParser
import Correspondence
import Export
import Foundation

/// `epistolary export FORMAT -o FILE`: the corpus and its analysis as files other tools open
/// (Gephi, Cytoscape, NetworkX, correspSearch, Palladio, TimelineJS).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the correspondence for other tools: GraphML, GEXF, CMIF, Cytoscape.js, NetworkX node-link JSON, CSV tables, TimelineJS.",
        discussion: """
        Formats: graphml, gexf (1.3, or 1.2draft with --gexf-version 1.2), cmif (TEI correspDesc, \
        for correspSearch), cytoscape (Cytoscape.js JSON), node-link (NetworkX JSON), csv (a folder \
        with nodes.csv, edges.csv and messages.csv for Gephi and Palladio), timelinejs (TimelineJS 3 JSON).
        Graph formats write the graph chosen by --graph. Use -o - to write a single-file format to standard output.
        """)

    @Argument(help: ArgumentHelp("Export format (see above).", valueName: "FORMAT"))
    var format: ExportFormat

    @OptionGroup var input: AnalysisOptions

    @Option(name: .long, help: ArgumentHelp("Graph to export (default: correspondents): people and who wrote to whom, messages and reply links, or people and places named together.", valueName: "KIND"))
    var graph: ExportGraphKind?

    @Option(name: .customLong("gexf-version"), help: ArgumentHelp("GEXF version (default: 1.3); 1.2 writes 1.2draft.", valueName: "VERSION"))
    var gexfVersion: GEXFWriter.Version?

    @Option(name: .customLong("cmif-url"), help: ArgumentHelp("CMIF: the URL the file will be published at (its idno), as correspSearch requires.", valueName: "URL"))
    var cmifURL: String?

    @Option(name: .customLong("cmif-editor"), help: ArgumentHelp("CMIF: the editor to contact about the file.", valueName: "NAME"))
    var cmifEditor: String?

    @Flag(name: .customLong("raw-csv"), help: "csv: write cells that begin with = + - @ as they are; by default they get a leading ' so a spreadsheet shows them as text and never runs them as formulas (OWASP).")
    var rawCSV = false

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Output file (a folder for csv; - for standard output).", valueName: "FILE"))
    var output: String

    /// Refuses options that do not apply to the format (exit 2). Checked in `run` rather than
    /// `validate`, whose errors ArgumentParser wraps and exits with 1.
    func checkUsage() throws {
        if graph != nil && !format.writesGraph {
            throw EpistolaryError(.badUsage, "--graph applies to graph formats (graphml, gexf, cytoscape, node-link, csv), not \(format.rawValue)")
        }
        if gexfVersion != nil && format != .gexf {
            throw EpistolaryError(.badUsage, "--gexf-version applies only to the gexf format")
        }
        if (cmifURL != nil || cmifEditor != nil) && format != .cmif {
            throw EpistolaryError(.badUsage, "--cmif-url and --cmif-editor apply only to the cmif format")
        }
        if let cmifURL, cmifURL.isEmpty || cmifURL.contains(where: \.isWhitespace) {
            throw EpistolaryError(.badUsage, "--cmif-url must be a URL without spaces, got \"\(cmifURL)\"")
        }
        if rawCSV && format != .csv {
            throw EpistolaryError(.badUsage, "--raw-csv applies only to the csv format")
        }
        if output == "-" && format.writesFolder {
            throw EpistolaryError(.badUsage, "csv writes a folder of three files: give -o a folder, not -")
        }
    }

    func run() throws {
        try checkUsage()
        let analysis = try input.analyse()
        let exporter = Exporter(graphKind: graph ?? .correspondents, gexfVersion: gexfVersion ?? .v1_3,
                                cmifURL: cmifURL, cmifEditor: cmifEditor, rawCSV: rawCSV)
        let files = exporter.files(format, analysis: analysis)
        // One batch: the three CSV tables are written all or nothing; `-` and devices as streams.
        var batch = OutputBatch()
        if format.writesFolder {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), !isDirectory.boolValue {
                throw EpistolaryError(.badUsage, file: output, "csv writes nodes.csv, edges.csv and messages.csv into a folder; this is a file")
            }
            let target = URL(fileURLWithPath: output)
            for file in files { batch.add(file.text, to: target.appendingPathComponent(file.name)) }
        } else {
            batch.add(Data(files.map(\.text).joined().utf8), toPath: output)
        }
        try batch.commit()
    }
}

extension ExportFormat: ExpressibleByArgument {}
extension ExportGraphKind: ExpressibleByArgument {}
extension GEXFWriter.Version: ExpressibleByArgument {}
