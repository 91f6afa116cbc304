import Correspondence

/// Writes the spreadsheet form of an export: `nodes.csv` (Id, Label, ...) and `edges.csv`
/// (Source, Target, Type, Id, Label, Weight, Timeset, ...) in the columns Gephi's spreadsheet
/// import recognises, and `messages.csv`, one row per message with sender, recipients and
/// date bounds, in the shape Palladio loads (ISO dates, multiple values separated by `;`).
public struct CSVTableWriter: Sendable {
    /// The separator inside a cell holding several values (recipients, topics).
    public static let multiValueSeparator = ";"

    public init() {}

    /// The three tables as (file name, text), in a fixed order.
    public func tables(graph: ExportGraph, corpus: Corpus, topics: [String: [String]] = [:]) -> [(name: String, text: String)] {
        [("nodes.csv", nodes(graph)), ("edges.csv", edges(graph)), ("messages.csv", messages(corpus, topics: topics))]
    }

    public func nodes(_ graph: ExportGraph) -> String {
        var rows = [["Id", "Label"] + graph.nodeAttributes.map(\.key)]
        for node in graph.nodes {
            rows.append([node.id, node.label] + graph.nodeAttributes.map { node.values[$0.key]?.text ?? "" })
        }
        return Self.table(rows)
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
        return Self.table(rows)
    }

    public func messages(_ corpus: Corpus, topics: [String: [String]] = [:]) -> String {
        let separator = Self.multiValueSeparator
        var rows = [["id", "kind", "sender", "sender_name", "recipients", "recipient_names", "date", "not_before",
                     "not_after", "precision", "evidence", "place", "classification", "topics", "first_line", "last_line"]]
        for message in corpus.messages {
            rows.append([
                message.id, message.kind.rawValue, message.sender, corpus.people.name(of: message.sender),
                message.recipients.joined(separator: separator),
                message.recipients.map { corpus.people.name(of: $0) }.joined(separator: separator),
                Self.palladioDate(message.date), message.date.notBefore?.iso ?? "", message.date.notAfter?.iso ?? "",
                message.date.precision.rawValue, message.date.evidence.rawValue, message.place ?? "",
                message.classification, (topics[message.id] ?? []).joined(separator: separator),
                String(message.span.startLine), String(message.span.endLine),
            ])
        }
        return Self.table(rows)
    }

    /// The date as precisely as it is known: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; for a range,
    /// its middle day, or the known bound of an open one (the bounds are in their own columns,
    /// empty when open); empty when undated.
    static func palladioDate(_ date: HistoricalDate) -> String {
        switch date.precision {
        case .day, .range: return date.best?.iso ?? ""
        case .month: return date.notBefore?.isoMonth ?? ""
        case .year: return date.notBefore?.isoYear ?? ""
        case .undated: return ""
        }
    }

    static func table(_ rows: [[String]]) -> String {
        rows.map { $0.map(CSVText.field).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }
}
