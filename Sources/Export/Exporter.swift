import Analysis
import Correspondence

/// The export formats, by the name the command line uses.
public enum ExportFormat: String, Sendable, CaseIterable {
    case graphml
    case gexf
    case cmif
    case cytoscape
    case nodeLink = "node-link"
    case csv
    case timelinejs

    /// True for the formats that write a graph (and so take a graph kind).
    public var writesGraph: Bool {
        switch self {
        case .graphml, .gexf, .cytoscape, .nodeLink, .csv: return true
        case .cmif, .timelinejs: return false
        }
    }

    /// True when the output is a folder of several files rather than one file.
    public var writesFolder: Bool { self == .csv }

    /// The usual file extension of a single-file output.
    public var fileExtension: String {
        switch self {
        case .graphml: return "graphml"
        case .gexf: return "gexf"
        case .cmif: return "xml"
        case .cytoscape: return "cyjs"
        case .nodeLink, .timelinejs: return "json"
        case .csv: return "csv"
        }
    }
}

/// Produces the text of an export from an analysis: the one place that maps a format to its
/// writer, used by `epistolary export` and by the gallery. Pure: same analysis, same bytes.
public struct Exporter: Sendable {
    public var graphKind: ExportGraphKind
    public var gexfVersion: GEXFWriter.Version
    /// CMIF: the URL the file will be published at (its `idno`), instead of a URN from the hash.
    public var cmifURL: String?
    /// CMIF: the contact person (`editor`), instead of a note naming the generator.
    public var cmifEditor: String?
    /// CMIF: the editor's email address.
    public var cmifEditorEmail: String?
    /// CMIF: the citation of the edition (`bibl`) for a corpus whose header names none.
    public var cmifBibl: String?
    /// CMIF: the publication date, `YYYY-MM-DD` (`PublicationDate`: by default the day of
    /// `SOURCE_DATE_EPOCH`, or today).
    public var published: String
    /// The figure's drawing, carried by the graph formats (GEXF, GraphML, Cytoscape, node-link).
    public var layout: ExportLayout?
    /// CSV: the form Excel opens (byte order mark, CRLF).
    public var excel: Bool
    /// Places described by the user: coordinates and GeoNames URIs for CSV and CMIF.
    public var places: PlaceTable
    /// TimelineJS: short names for headlines, by person id.
    public var shortNames: [String: String]
    /// TimelineJS: the period's events, written as eras.
    public var eras: [TimelineJSWriter.Era]
    /// CSV: write formula-like cells as they are (`--raw-csv`) instead of neutralising them.
    public var rawCSV: Bool

    public init(graphKind: ExportGraphKind = .correspondents, gexfVersion: GEXFWriter.Version = .v1_2draft,
                cmifURL: String? = nil, cmifEditor: String? = nil, cmifEditorEmail: String? = nil, cmifBibl: String? = nil,
                published: String? = nil, layout: ExportLayout? = nil, excel: Bool = false,
                places: PlaceTable = PlaceTable(), shortNames: [String: String] = [:], eras: [TimelineJSWriter.Era] = [],
                rawCSV: Bool = false) {
        self.rawCSV = rawCSV
        self.graphKind = graphKind
        self.gexfVersion = gexfVersion
        self.cmifURL = cmifURL
        self.cmifEditor = cmifEditor
        self.cmifEditorEmail = cmifEditorEmail
        self.cmifBibl = cmifBibl
        self.published = published ?? PublicationDate.resolveFromEnvironment()
        self.layout = layout
        self.excel = excel
        self.places = places
        self.shortNames = shortNames
        self.eras = eras
    }

    /// The files of the export as (name, text). A single-file format gives one entry whose
    /// name is empty (the caller names the file); csv gives nodes.csv, edges.csv, messages.csv.
    /// `built`: the graph of `graphKind` from `graph(_:)` when the caller already has it (the
    /// gallery writes four formats of one graph), so that it is not built again.
    public func files(_ format: ExportFormat, analysis: CorpusAnalysis, built: ExportGraph? = nil) -> [(name: String, text: String)] {
        parts(format, analysis: analysis, built: built).map { ($0.name, $0.text) }
    }

    /// The files of the export as writers (`ExportPart`), named as `files` names them, each
    /// streaming its bytes into the sink it is given.
    /// - Complexity: building the graph of a graph format is O(n log n) in messages
    ///   (`ExportGraphBuilder`); each part is O(n) in what it writes.
    public func parts(_ format: ExportFormat, analysis: CorpusAnalysis, built: ExportGraph? = nil) -> [ExportPart] {
        func graph(_ analysis: CorpusAnalysis) -> ExportGraph {
            guard var built else { return self.graph(analysis) }
            built.layout = layout
            return built
        }
        func one(_ write: @escaping @Sendable (ByteSink) -> Void) -> [ExportPart] { [ExportPart(name: "", write: write)] }
        switch format {
        case .graphml:
            let graph = graph(analysis)
            return one { GraphMLWriter().write(graph, to: $0) }
        case .gexf:
            let graph = graph(analysis), version = gexfVersion
            return one { GEXFWriter(version: version).write(graph, to: $0) }
        case .cytoscape:
            let graph = graph(analysis)
            return one { CytoscapeWriter().write(graph, to: $0) }
        case .nodeLink:
            let graph = graph(analysis)
            return one { NodeLinkWriter().write(graph, to: $0) }
        case .cmif:
            let places = self.places, header = cmifHeader(analysis.corpus)
            return one { sink in
                CMIFWriter(places: places).write(corpus: analysis.corpus, context: CMIFWriter.Context.from(analysis),
                                                 header: header, inferred: analysis.inferred, to: sink)
            }
        case .timelinejs:
            let shortNames = self.shortNames, eras = self.eras
            return one { sink in
                TimelineJSWriter().write(corpus: analysis.corpus, title: "Correspondence of \(analysis.corpus.sourceName)",
                                         groups: TimelineJSWriter.Groups(analysis), shortNames: shortNames, eras: eras, to: sink)
            }
        case .csv:
            let labels = Dictionary(analysis.lexicon.topics.map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a })
            let topicIDs = analysis.topicIDs
            return CSVTableWriter(excel: excel, places: places, neutralisesFormulas: !rawCSV)
                .parts(graph: graph(analysis), corpus: analysis.corpus, topicsOf: { topicIDs($0).map { labels[$0] ?? $0 } })
                .map { ExportPart(name: $0.name, write: $0.write) }
        }
    }

    /// The CMIF header: the corpus's own, with what the options give.
    public func cmifHeader(_ corpus: Corpus) -> CorpusHeader {
        var header = CMIFWriter.header(for: corpus, published: published)
        if let cmifURL { header.idno = cmifURL }
        if let cmifEditor { header.editors = [CorpusHeader.Editor(name: cmifEditor, email: cmifEditorEmail)] }
        if let cmifBibl, !header.bibls.isEmpty { header.bibls[0].text = cmifBibl }
        return header
    }

    /// The graph of `graphKind`, with the layout when one is given.
    public func graph(_ analysis: CorpusAnalysis) -> ExportGraph {
        var graph = ExportGraphBuilder.graph(graphKind, from: analysis)
        graph.layout = layout
        return graph
    }
}
