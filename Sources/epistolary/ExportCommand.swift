import Analysis
import ArgumentParser
import Correspondence
import Export
import Foundation
import GraphRender
import TimelineRender

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
        Every export takes the figures' filters (--from, --to, --topic, --exclude-topic, --correspondent, --between).
        GraphML, GEXF, Cytoscape and node-link files carry the drawing of the matching figure
        (positions, colours, sizes and widths from its Graphviz layout, every pair drawn),
        so Gephi and Cytoscape open them laid out as the figure; --no-layout leaves it out.
        """)

    @Argument(help: ArgumentHelp("Export format (see above).", valueName: "FORMAT"))
    var format: ExportFormat

    @OptionGroup var input: AnalysisOptions

    @OptionGroup var filters: FilterOptions

    @OptionGroup var style: StyleOptions

    @Option(name: .long, help: ArgumentHelp("Graph to export (default: correspondents): people and who wrote to whom, messages and reply links, or people and places named together.", valueName: "KIND"))
    var graph: ExportGraphKind?

    @Option(name: .customLong("gexf-version"), help: ArgumentHelp("GEXF version (default: 1.3); 1.2 writes 1.2draft.", valueName: "VERSION"))
    var gexfVersion: GEXFWriter.Version?

    @Option(name: .customLong("cmif-url"), help: ArgumentHelp("CMIF: the URL the file will be published at (its idno), as correspSearch requires.", valueName: "URL"))
    var cmifURL: String?

    @Option(name: .customLong("cmif-editor"), help: ArgumentHelp("CMIF: the editor to contact about the file.", valueName: "NAME"))
    var cmifEditor: String?

    @Option(name: .customLong("cmif-editor-email"), help: ArgumentHelp("CMIF: the editor's email address (with --cmif-editor).", valueName: "EMAIL"))
    var cmifEditorEmail: String?

    @Option(name: .customLong("cmif-bibl"), help: ArgumentHelp("CMIF: the citation of the edition the letters come from (default: the corpus file's name).", valueName: "TEXT"))
    var cmifBibl: String?

    @Option(name: .long, help: ArgumentHelp("CMIF: the file's publication date, YYYY-MM-DD (default: the day of SOURCE_DATE_EPOCH, or today).", valueName: "DATE"))
    var published: String?

    @Flag(name: .customLong("no-layout"), help: "Graph formats: leave out the figure's drawing (no Graphviz layout is run).")
    var noLayout = false

    @Flag(name: .long, help: "csv: write the form Excel opens (UTF-8 byte order mark, CRLF line ends).")
    var excel = false

    @Option(name: .long, help: ArgumentHelp("csv, cmif: a CSV table of places (columns name, geonames, latitude, longitude) giving coordinates and GeoNames URIs to the places of the letters.", valueName: "FILE"))
    var places: String?

    @Option(name: .long, help: ArgumentHelp("timelinejs: events to show as eras (TOML, as timeline --events) instead of the bundled ones.", valueName: "FILE"))
    var events: String?

    @Flag(name: .customLong("no-events"), help: "timelinejs: no eras.")
    var noEvents = false

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
        if (cmifURL != nil || cmifEditor != nil || cmifEditorEmail != nil || cmifBibl != nil || published != nil) && format != .cmif {
            throw EpistolaryError(.badUsage, "--cmif-url, --cmif-editor, --cmif-editor-email, --cmif-bibl and --published apply only to the cmif format")
        }
        if cmifEditorEmail != nil && cmifEditor == nil {
            throw EpistolaryError(.badUsage, "--cmif-editor-email needs --cmif-editor (the editor's name)")
        }
        if let cmifEditorEmail, !cmifEditorEmail.contains("@") || cmifEditorEmail.contains(where: \.isWhitespace) {
            throw EpistolaryError(.badUsage, "--cmif-editor-email \"\(cmifEditorEmail)\" is not an email address")
        }
        if let cmifURL, cmifURL.isEmpty || cmifURL.contains(where: \.isWhitespace) {
            throw EpistolaryError(.badUsage, "--cmif-url must be a URL without spaces, got \"\(cmifURL)\"")
        }
        if excel && format != .csv { throw EpistolaryError(.badUsage, "--excel applies only to the csv format") }
        if places != nil && format != .csv && format != .cmif {
            throw EpistolaryError(.badUsage, "--places applies to the csv and cmif formats")
        }
        if (events != nil || noEvents) && format != .timelinejs {
            throw EpistolaryError(.badUsage, "--events and --no-events apply only to the timelinejs format")
        }
        if events != nil && noEvents { throw EpistolaryError(.badUsage, "--events and --no-events exclude each other") }
        if noLayout && !Self.drawnFormats.contains(format) {
            throw EpistolaryError(.badUsage, "--no-layout applies to graphml, gexf, cytoscape and node-link")
        }
        if rawCSV && format != .csv {
            throw EpistolaryError(.badUsage, "--raw-csv applies only to the csv format")
        }
        if output == "-" && format.writesFolder {
            throw EpistolaryError(.badUsage, "csv writes a folder of three files: give -o a folder, not -")
        }
    }

    /// The formats that carry the figure's drawing.
    static let drawnFormats: Set<ExportFormat> = [.graphml, .gexf, .cytoscape, .nodeLink]

    func run() throws {
        try checkUsage()
        let whole = try input.analyse()
        let slice = try filters.slice(for: whole)
        let analysis = try slice.apply(to: whole)
        defer { ProcessEnd.keep((whole, analysis)) }   // freed by the process's end, not one by one
        let exporter = try exporter(for: analysis, filterDescription: slice.description)
        let parts = exporter.parts(format, analysis: analysis)
        if format == .cmif {
            let left = CMIFWriter.omitted(analysis.corpus)
            if !left.isEmpty {
                FileHandle.standardError.write(Data("epistolary: cmif: \(left.count) entries without a writer (fragments) are not letters CMIF can describe; the file's text/body lists their ids\n".utf8))
            }
        }
        // One batch: the three CSV tables are written all or nothing; `-` and devices as streams.
        var batch = OutputBatch()
        if format.writesFolder {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), !isDirectory.boolValue {
                throw EpistolaryError(.badUsage, file: output, "csv writes nodes.csv, edges.csv and messages.csv into a folder; this is a file")
            }
            let target = URL(fileURLWithPath: output)
            for part in parts { batch.add(toPath: target.appendingPathComponent(part.name).path, produce: part.write) }
        } else {
            // Streamed into its temporary file (or the stream) as it is written.
            batch.add(toPath: output) { sink in for part in parts { part.write(sink) } }
        }
        try batch.commit()
    }
}

extension ExportCommand {
    /// The exporter with everything the format needs wired in from the other modules: the
    /// figure's layout (GraphRender), short names (the figures' rule), eras (the event calendar).
    func exporter(for analysis: CorpusAnalysis, filterDescription: String) throws -> Exporter {
        let kind = graph ?? .correspondents
        let date = try PublicationDate.resolve(given: published, environment: ProcessInfo.processInfo.environment,
                                               now: Date().timeIntervalSince1970)
        var exporter = Exporter(graphKind: kind, gexfVersion: gexfVersion ?? .v1_2draft, cmifURL: cmifURL, cmifEditor: cmifEditor,
                                cmifEditorEmail: cmifEditorEmail, cmifBibl: cmifBibl, published: date, excel: excel,
                                places: try places.map { try PlaceTable.load(path: $0) } ?? PlaceTable(), rawCSV: rawCSV)
        let needsContext = (Self.drawnFormats.contains(format) && !noLayout) || format == .timelinejs
        guard needsContext else { return exporter }
        let context = FigureContext(analysis: analysis, theme: try style.loadTheme(), styleSpec: style.style,
                                    filterDescription: filterDescription)
        if Self.drawnFormats.contains(format) {
            exporter.layout = try ExportLayoutReader.layout(kind, context: context, graph: exporter.graph(analysis))
        }
        if format == .timelinejs {
            let calendar = noEvents ? EventCalendar(events: [])
                : try events.map { try EventCalendar.load(path: $0) } ?? EventCalendar.bundled()
            TimelineJSWiring.apply(to: &exporter, analysis: analysis, context: context, calendar: calendar)
        }
        return exporter
    }
}

extension ExportFormat: ExpressibleByArgument {}
extension ExportGraphKind: ExpressibleByArgument {}
extension GEXFWriter.Version: ExpressibleByArgument {}
