import TOMLReader

/// Sheets merged left to right: each later sheet's values replace earlier ones key by key, and
/// its pins are added to (or replace) earlier pins. Keeps where each value came from.
public struct ThemeSettings: Sendable, Equatable {
    /// The names of the sheets merged, in order.
    public private(set) var sources: [String] = []
    public private(set) var values: [String: ThemeSheet.Entry] = [:]
    public private(set) var peoplePins: [String: ThemeSheet.Entry] = [:]
    public private(set) var topicPins: [String: ThemeSheet.Entry] = [:]

    public init() {}

    /// Lays `sheet` over what is merged so far.
    public mutating func merge(_ sheet: ThemeSheet) {
        sources.append(sheet.name)
        values.merge(sheet.values) { _, new in new }
        peoplePins.merge(sheet.peoplePins) { _, new in new }
        topicPins.merge(sheet.topicPins) { _, new in new }
    }

    /// The schema keys that no merged sheet sets (empty once the base sheet is merged).
    public var missingKeys: [String] {
        ThemeSchema.fields.map(\.key).filter { values[$0] == nil }
    }

    /// The merged settings as a TOML sheet: every table in schema order with one line of help
    /// per key, then the pins sorted by id. Loading the text back gives the same theme.
    public var tomlText: String {
        var out = "# Theme merged from: \(sources.joined(separator: ", "))\n"
        var tables: [(name: String, lines: [(assignment: String, help: String)])] = []
        for field in ThemeSchema.fields {
            guard let entry = values[field.key] else { continue }
            let parts = field.key.split(separator: ".").map(String.init)
            let table = parts.dropLast().joined(separator: ".")
            let assignment = "\(parts.last ?? field.key) = \(entry.value.tomlText)"
            if tables.last?.name == table {
                tables[tables.count - 1].lines.append((assignment, field.help))
            } else {
                tables.append((table, [(assignment, field.help)]))
            }
        }
        for table in tables {
            // Comments aligned per table, so the values read as a column; a long value (a
            // palette) gets its comment on the line above instead.
            let short = 40
            let width = table.lines.map(\.assignment.count).filter { $0 <= short }.max() ?? 0
            out += "\n[\(table.name)]\n"
            for line in table.lines {
                if line.assignment.count > short {
                    out += "# \(line.help)\n\(line.assignment)\n"
                } else {
                    out += line.assignment + String(repeating: " ", count: width - line.assignment.count + 2) + "# \(line.help)\n"
                }
            }
        }
        for (group, pins) in [("people", peoplePins), ("topics", topicPins)] where !pins.isEmpty {
            out += "\n[pins.\(group)]\n"
            for id in pins.keys.sorted() {
                if let entry = pins[id] { out += "\(TOMLKeyPath.quoted(id)) = \(entry.value.tomlText)\n" }
            }
        }
        return out
    }
}
