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
        [("nodes.csv", nodes(graph)), ("edges.csv", edges(graph)), ("messages.csv", messages(corpus, topics: topics))]
    }

    public func nodes(_ graph: ExportGraph) -> String {
        var rows = [["Id", "Label"] + graph.nodeAttributes.map(\.key)]
        for node in graph.nodes {
            rows.append([node.id, node.label] + graph.nodeAttributes.map { node.values[$0.key]?.text ?? "" })
        }
        return table(rows)
    }

    public func edges(_ graph: ExportGraph) -> String {
        var rows = [["Source", "Target", "Type", "Id", "Label", "Weight", "Timeset"] + graph.edgeAttributes.map(\.key)]
        for edge in graph.edges {
            let timeset = edge.spells.isEmpty ? ""
                : "<" + ExportSpell.merged(edge.spells).map { "[\($0.start.iso), \($0.end.iso)]" }.joined(separator: "; ") + ">"
            rows.append([edge.source, edge.target, graph.directed ? "Directed" : "Undirected", edge.id, edge.kind,
                         ExportValue.double(edge.weight).text, timeset]
                        + graph.edgeAttributes.map { edge.values[$0.key]?.text ?? "" })
        }
        return table(rows)
    }

    public func messages(_ corpus: Corpus, topics: [String: [String]] = [:]) -> String {
        let separator = Self.multiValueSeparator
        var rows = [["id", "kind", "sender", "sender_name", "recipients", "recipient_names", "date", "not_before",
                     "not_after", "precision", "evidence", "place", "place_geonames", "coordinates", "classification", "topics",
                     "first_line", "last_line", "note"]]
        for message in corpus.messages {
            let place = places[message.place]
            rows.append([
                message.id, message.kind.rawValue, message.sender, corpus.people.name(of: message.sender),
                message.recipients.joined(separator: separator),
                message.recipients.map { corpus.people.name(of: $0) }.joined(separator: separator),
                Self.palladioDate(message.date), message.date.notBefore?.iso ?? "", message.date.notAfter?.iso ?? "",
                message.date.precision.rawValue, message.date.evidence.rawValue, message.place ?? "",
                message.placeRef ?? place?.geonames ?? "", place?.coordinates ?? "",
                message.classification, (topics[message.id] ?? []).joined(separator: separator),
                String(message.span.startLine), String(message.span.endLine),
                // The source's notes (never the reader's diagnostics), as the CSV reader's `note` column reads them.
                message.sourceNotes.map(\.text).joined(separator: "; "),
            ])
        }
        return table(rows)
    }

    /// The one day Palladio's date check accepts (`YYYY-MM-DD`): the day itself, or for an
    /// uncertain date its best estimate (an open date: its known bound); the bounds and the
    /// precision are in their own columns (an open bound empty). Empty when undated.
    static func palladioDate(_ date: HistoricalDate) -> String {
        date.best?.iso ?? ""
    }

    /// The rows as CSV; for Excel with a byte order mark and CRLF between records (a line
    /// break quoted inside a field stays as it is, and Excel keeps it inside the cell).
    func table(_ rows: [[String]]) -> String {
        let end = excel ? "\r\n" : "\n"
        let neutralise = neutralisesFormulas
        return (excel ? "\u{FEFF}" : "")
            + rows.map { $0.map { CSVText.field($0, neutralisingFormulas: neutralise) }.joined(separator: ",") }.joined(separator: end) + end
    }
}
