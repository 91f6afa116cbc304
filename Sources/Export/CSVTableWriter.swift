import Correspondence

/// Writes the spreadsheet form of an export: `nodes.csv` (Id, Label, ...) and `edges.csv`
/// (Source, Target, Type, Id, Label, Weight, Timeset, ...) in the columns Gephi's spreadsheet
/// import recognises, and `messages.csv`, one row per message with sender, recipients and
/// date bounds, in the shape Palladio loads: `date` always a whole `YYYY-MM-DD` day (Palladio
/// rejects `YYYY-MM`), the uncertainty in `not_before`/`not_after` (Palladio's start and end
/// of a timespan) and `precision`; the place's GeoNames URI as the source gave it, else the
/// places table's, with the table's `coordinates` as "lat,lon" for Palladio's map; the source's
/// notes in `note`. Several values in a cell are separated by `;`.
///
/// `excel` writes the form Excel opens as UTF-8 without an import dialog: a byte order mark
/// and CRLF line ends (RFC 4180's own line end).
public struct CSVTableWriter: Sendable {
    /// The separator inside a cell holding several values (recipients, topics).
    public static let multiValueSeparator = ";"

    /// Write a UTF-8 byte order mark and CRLF line ends, for Excel.
    public var excel: Bool
    /// Places by name, for the GeoNames and coordinates columns of messages.csv.
    public var places: PlaceTable
    /// Whether formula-like cells are neutralised (`CSVText`): true unless `--raw-csv`.
    public var neutralisesFormulas: Bool

    public init(excel: Bool = false, places: PlaceTable = PlaceTable(), neutralisesFormulas: Bool = true) {
        self.excel = excel
        self.places = places
        self.neutralisesFormulas = neutralisesFormulas
    }

    /// The three tables as (file name, text), in a fixed order.
    public func tables(graph: ExportGraph, corpus: Corpus, topics: [String: [String]] = [:]) -> [(name: String, text: String)] {
        parts(graph: graph, corpus: corpus, topics: topics).map { part in (part.name, ByteSink.text(part.write)) }
    }

    /// The three tables as (file name, writer), in a fixed order: each is written into its sink
    /// when asked, a row at a time.
    public func parts(graph: ExportGraph, corpus: Corpus, topics: [String: [String]] = [:])
        -> [(name: String, write: @Sendable (ByteSink) -> Void)] {
        parts(graph: graph, corpus: corpus, topicsOf: { topics[$0] ?? [] })
    }

    /// `parts(graph:corpus:topics:)` with the topics of each message looked up as it is written
    /// (a table of every message's topics was 50 MB at 500,000 messages).
    public func parts(graph: ExportGraph, corpus: Corpus, topicsOf: @escaping @Sendable (String) -> [String])
        -> [(name: String, write: @Sendable (ByteSink) -> Void)] {
        [("nodes.csv", { writeNodes(graph, to: $0) }), ("edges.csv", { writeEdges(graph, to: $0) }),
         ("messages.csv", { writeMessages(corpus, topicsOf: topicsOf, to: $0) })]
    }

    public func nodes(_ graph: ExportGraph) -> String { ByteSink.text { writeNodes(graph, to: $0) } }

    /// - Complexity: O(nodes) times their attributes.
    public func writeNodes(_ graph: ExportGraph, to sink: ByteSink) {
        start(sink)
        row(["Id", "Label"] + graph.nodeAttributes.map(\.key), to: sink)
        for node in graph.nodes {
            row([node.id, node.label] + graph.nodeAttributes.map { node.values[$0.key]?.text ?? "" }, to: sink)
        }
    }

    public func edges(_ graph: ExportGraph) -> String { ByteSink.text { writeEdges(graph, to: $0) } }

    /// - Complexity: O(edges) times their attributes, plus O(s log s) in each edge's spells.
    public func writeEdges(_ graph: ExportGraph, to sink: ByteSink) {
        start(sink)
        row(["Source", "Target", "Type", "Id", "Label", "Weight", "Timeset"] + graph.edgeAttributes.map(\.key), to: sink)
        for edge in graph.edges {
            let timeset = edge.spells.isEmpty ? ""
                : "<" + ExportSpell.merged(edge.spells).map { "[\($0.start.iso), \($0.end.iso)]" }.joined(separator: "; ") + ">"
            row([edge.source, edge.target, graph.directed ? "Directed" : "Undirected", edge.id, edge.kind,
                 ExportValue.double(edge.weight).text, timeset]
                + graph.edgeAttributes.map { edge.values[$0.key]?.text ?? "" }, to: sink)
        }
    }

    public func messages(_ corpus: Corpus, topics: [String: [String]] = [:]) -> String {
        ByteSink.text { writeMessages(corpus, topics: topics, to: $0) }
    }

    /// - Complexity: O(messages) times their recipients, topics and notes.
    public func writeMessages(_ corpus: Corpus, topics: [String: [String]] = [:], to sink: ByteSink) {
        writeMessages(corpus, topicsOf: { topics[$0] ?? [] }, to: sink)
    }

    /// `writeMessages(_:topics:to:)` with each message's topic labels looked up as it is written.
    /// - Complexity: O(messages) times their recipients, topics and notes.
    public func writeMessages(_ corpus: Corpus, topicsOf: (String) -> [String], to sink: ByteSink) {
        let separator = Self.multiValueSeparator
        start(sink)
        row(["id", "kind", "sender", "sender_name", "recipients", "recipient_names", "date", "not_before",
             "not_after", "precision", "evidence", "place", "place_geonames", "coordinates", "classification", "topics",
             "first_line", "last_line", "note"], to: sink)
        // The people table taken out of the corpus once: a closure over the corpus in each row
        // copied the corpus's fields each time.
        let people = corpus.people
        /// One message's row, the message lent, not copied (DESIGN: a pass reads only the fields it uses).
        func write(_ message: borrowing Message) {
            let place = places[message.place]
            row([
                message.id, message.kind.rawValue, message.sender, people.name(of: message.sender),
                message.recipients.joined(separator: separator),
                message.recipients.map { people.name(of: $0) }.joined(separator: separator),
                Self.palladioDate(message.date), message.date.notBefore?.iso ?? "", message.date.notAfter?.iso ?? "",
                message.date.precision.rawValue, message.date.evidence.rawValue, message.place ?? "",
                message.placeRef ?? place?.geonames ?? "", place?.coordinates ?? "",
                message.classification, topicsOf(message.id).joined(separator: separator),
                String(message.span.startLine), String(message.span.endLine),
                // The source's notes (never the reader's diagnostics), as the CSV reader's `note` column reads them.
                message.sourceNotes.map(\.text).joined(separator: "; "),
            ], to: sink)
        }
        let messages = corpus.messages
        for index in messages.indices { write(messages[index]) }
    }

    /// The one day Palladio's date check accepts (`YYYY-MM-DD`): the day itself, or for an
    /// uncertain date its best estimate (an open date: its known bound); the bounds and the
    /// precision are in their own columns (an open bound empty). Empty when undated.
    static func palladioDate(_ date: HistoricalDate) -> String {
        date.best?.iso ?? ""
    }

    /// The start of a table: for Excel, a byte order mark.
    fileprivate func start(_ sink: ByteSink) {
        if excel { sink.write("\u{FEFF}" as StaticString) }
    }

    /// One record, ended by a line end (CRLF for Excel: a line break quoted inside a field
    /// stays as it is, and Excel keeps it inside the cell).
    fileprivate func row(_ cells: [String], to sink: ByteSink) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { sink.write(byte: 0x2C) }
            CSVText.write(cell, neutralisingFormulas: neutralisesFormulas, to: sink)
        }
        sink.write(excel ? "\r\n" : "\n" as StaticString)
    }
}

extension CSVTableWriter {
    /// `rows` as one table (each a record), as the table writers write them.
    func table(_ rows: [[String]]) -> String {
        ByteSink.text { sink in
            start(sink)
            for cells in rows { row(cells, to: sink) }
        }
    }
}
