import Foundation

/// How a table of letters is read: which header names which column (beyond the presets of
/// `CSVColumn`), how several people share a cell, how dates are written, and the field
/// delimiter. Given on the command line (`--csv-map "senders=Sender, recipients=Receiver,
/// date=Date"`) or as the keys of a small TOML file, with the same keys.
public struct CSVLayout: Sendable, Equatable {
    /// Header names for columns, as written in the table's first row (compared as
    /// `CSVColumn.comparable`); they take precedence over the presets.
    public var columns: [CSVColumn: String]
    /// What separates several people (and their ids, in the same order) in one cell; nil means
    /// `;`, or `|` when `;` is the field delimiter.
    public var peopleSeparator: String?
    /// A declared date format for dates that are not ISO or EDTF (`DD.MM.YYYY`).
    public var dateFormat: CSVDateFormat?
    /// The field delimiter; nil means the one the header row uses (`,`, `;` or tab).
    public var delimiter: Character?

    public init(columns: [CSVColumn: String] = [:], peopleSeparator: String? = nil, dateFormat: CSVDateFormat? = nil,
                delimiter: Character? = nil) {
        self.columns = columns
        self.peopleSeparator = peopleSeparator
        self.dateFormat = dateFormat
        self.delimiter = delimiter
    }

    /// The keys a mapping may use: each column's own name and its usual synonyms, then the options.
    public static let keys: [String: CSVColumn] = {
        var keys: [String: CSVColumn] = [:]
        for column in CSVColumn.allCases { keys[column.rawValue] = column }
        let synonyms: [String: CSVColumn] = [
            "sender": .senders, "sender_id": .senderIDs, "senderid": .senderIDs,
            "recipient": .recipients, "addressee": .recipients, "addressees": .recipients,
            "recipient_id": .recipientIDs, "addressee_id": .recipientIDs, "addresseeid": .recipientIDs,
            "key": .id, "body": .text, "notbefore": .notBefore, "notafter": .notAfter,
            "sender_place": .place, "sender_place_id": .placeID, "addressee_place": .receivedPlace,
            "addressee_place_id": .receivedPlaceID, "addressee_date": .receivedDate,
        ]
        for (name, column) in synonyms { keys[name] = column }
        return keys
    }()

    /// The option keys (not columns).
    public static let optionKeys = ["people_separator", "separator", "date_format", "delimiter"]

    /// Sets one key of a mapping: a column (`senders = "Sender"`) or an option
    /// (`people_separator = "|"`, `date_format = "DD.MM.YYYY"`, `delimiter = ";"`).
    /// Throws a message that says which keys exist.
    public mutating func set(_ key: String, to value: String) throws(CSVLayoutError) {
        let name = key.trimmingCharacters(in: .whitespaces).lowercased()
        switch name {
        case "people_separator", "separator":
            guard !value.isEmpty else { throw CSVLayoutError("\(key): expected a non-empty separator") }
            peopleSeparator = value
        case "date_format":
            dateFormat = try CSVDateFormat(value)
        case "delimiter":
            let d = value == "\\t" || value.lowercased() == "tab" ? "\t" : value
            guard d.count == 1, let c = d.first, c != "\"" else {
                throw CSVLayoutError("\(key): expected one character (\",\", \";\" or \"tab\"), got \"\(value)\"")
            }
            delimiter = c
        default:
            guard let column = Self.keys[name] else {
                throw CSVLayoutError("unknown key \"\(key)\" (columns: \(CSVColumn.allCases.map(\.rawValue).joined(separator: ", ")); options: \(Self.optionKeys.joined(separator: ", ")))")
            }
            let header = value.trimmingCharacters(in: .whitespaces)
            guard !header.isEmpty else { throw CSVLayoutError("\(key): expected the header name of a column") }
            columns[column] = header
        }
    }

    /// Reads `key=value, key=value` (the command line's form). Values are header names as
    /// written; a value may be quoted (`"Date, sent"`) to hold a comma.
    public static func parse(mapping: String) throws(CSVLayoutError) -> CSVLayout {
        var layout = CSVLayout()
        for pair in splitPairs(mapping) {
            guard let eq = pair.firstIndex(of: "=") else {
                throw CSVLayoutError("\"\(pair)\": expected key=Header (for example senders=Sender, recipients=Receiver, date=Date)")
            }
            var value = pair[pair.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            try layout.set(String(pair[..<eq]), to: value)
        }
        return layout
    }

    /// Pairs at commas outside double quotes, trimmed, empty ones dropped.
    private static func splitPairs(_ text: String) -> [String] {
        var pairs: [String] = []
        var current = ""
        var quoted = false
        for c in text {
            if c == "\"" { quoted.toggle() }
            if c == ",", !quoted {
                pairs.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        pairs.append(current)
        return pairs.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// A mistake in a column mapping, in one sentence; the caller adds where it was given.
public struct CSVLayoutError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
