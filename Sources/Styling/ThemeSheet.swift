import TOMLReader

/// One theme sheet as written: the values it sets (validated against `ThemeSchema`), each with
/// the place it is written, and its pinned colours. Sheets are partial; `ThemeSettings` merges them.
public struct ThemeSheet: Sendable, Equatable {
    /// A value and where it was written.
    public struct Entry: Sendable, Equatable {
        public var value: ThemeSetting
        public var location: TOMLLocation
    }

    /// The style name (`paper`) or the path of a user's sheet.
    public var name: String
    /// The sheet's one-line `description`, if it has one.
    public var description: String?
    /// Full dotted key -> value, only for the keys this sheet sets.
    public var values: [String: Entry]
    /// Person id -> pinned colour.
    public var peoplePins: [String: Entry]
    /// Topic id -> pinned colour.
    public var topicPins: [String: Entry]

    /// The keys this sheet sets, in schema order.
    public var keys: [String] {
        ThemeSchema.fields.map(\.key).filter { values[$0] != nil }
    }

    /// Parses and validates a sheet. Unknown keys (with the nearest valid key suggested), wrong
    /// types, values out of range and bad colours are `TOMLError`s naming file, line and key.
    public static func parse(_ text: String, name: String, file: String) throws -> ThemeSheet {
        let document = try TOMLDocument.parse(text, file: file)
        var sheet = ThemeSheet(name: name, description: nil, values: [:], peoplePins: [:], topicPins: [:])
        try sheet.read(document.root, path: "")
        return sheet
    }

    private mutating func read(_ table: TOMLTable, path: String) throws {
        let allowed = ThemeSchema.children(of: path)
        for entry in table.entries {
            let key = path.isEmpty ? entry.key : path + "." + entry.key
            if path.isEmpty && entry.key == ThemeSchema.descriptionKey {
                description = try entry.value.string()
            } else if path.isEmpty && entry.key == ThemeSchema.pinsTable {
                try readPins(try entry.value.table())
            } else if let field = ThemeSchema.field(key) {
                values[key] = Entry(value: try Self.setting(entry.value, field: field), location: entry.value.location)
            } else if ThemeSchema.isTable(key) {
                try read(try entry.value.table(), path: key)
            } else {
                throw unknownKey(entry, in: table, allowed: allowed)
            }
        }
    }

    private mutating func readPins(_ table: TOMLTable) throws {
        try table.rejectUnknownKeys(allowing: ThemeSchema.pinGroups)
        for entry in try table["people"]?.table().entries ?? [] {
            peoplePins[entry.key] = Entry(value: .color(try Self.color(entry.value, allowsNames: true)), location: entry.value.location)
        }
        for entry in try table["topics"]?.table().entries ?? [] {
            topicPins[entry.key] = Entry(value: .color(try Self.color(entry.value, allowsNames: true)), location: entry.value.location)
        }
    }

    /// `unknown key page.widht_mm; did you mean width_mm?`, or, for a key placed in the wrong
    /// table, `...; did you mean page.width_mm?`.
    private func unknownKey(_ entry: TOMLTable.Entry, in table: TOMLTable, allowed: [String]) -> TOMLError {
        let full = table.path(of: entry.key)
        var message = "unknown key \(full)"
        if let near = NearestKey.suggestion(for: entry.key, among: allowed) {
            message += "; did you mean \(table.path(of: near))?"
        } else if let elsewhere = (ThemeSchema.fields.map(\.key) + ThemeSchema.tables)
                    .first(where: { $0.hasSuffix("." + entry.key) }) {
            message += "; did you mean \(elsewhere)?"
        } else {
            message += "; expected one of: " + allowed.joined(separator: ", ")
        }
        return TOMLError(file: table.location.file, line: entry.line, key: full, message)
    }

    // MARK: Values by kind

    static func setting(_ value: TOMLValue, field: ThemeSchema.Field) throws -> ThemeSetting {
        switch field.kind {
        case .number(let range):
            let x = try value.number()
            guard range.contains(x) else {
                throw value.error("\(ThemeNumberFormat.text(x)) is out of range for key \(value.location.key): expected \(ThemeNumberFormat.text(range.lowerBound)) to \(ThemeNumberFormat.text(range.upperBound))")
            }
            return .number(x)
        case .integer(let range):
            let n = try value.integer()
            guard range.contains(n) else {
                throw value.error("\(n) is out of range for key \(value.location.key): expected \(range.lowerBound) to \(range.upperBound)")
            }
            return .integer(n)
        case .bool:
            return .bool(try value.bool())
        case .fontFamily:
            let s = try value.string()
            if let problem = FontFamilyName.problem(s) {
                throw value.error("bad font family for key \(value.location.key): \(problem)")
            }
            return .string(s)
        case .choice(let options):
            let s = try value.string()
            guard options.contains(s) else {
                var message = "\"\(s)\" is not a valid value for key \(value.location.key)"
                if let near = NearestKey.suggestion(for: s, among: options) { message += "; did you mean \"\(near)\"?" }
                throw value.error(message + " (expected one of: \(options.joined(separator: ", ")))")
            }
            return .string(s)
        case .color(let allowsNames):
            return .color(try color(value, allowsNames: allowsNames))
        case .colors:
            let list = try value.array()
            guard !list.isEmpty else { throw value.error("key \(value.location.key) needs at least one colour") }
            return .colors(try list.map { try color($0, allowsNames: true) })
        case .dash:
            return .dash(try dash(value))
        case .dashes:
            let list = try value.array()
            guard !list.isEmpty else { throw value.error("key \(value.location.key) needs at least one dash pattern ([] is solid)") }
            return .dashes(try list.map(dash))
        case .marker:
            return .marker(try marker(value))
        case .markers:
            let list = try value.array()
            guard !list.isEmpty else { throw value.error("key \(value.location.key) needs at least one marker shape") }
            return .markers(try list.map(marker))
        }
    }

    static func color(_ value: TOMLValue, allowsNames: Bool) throws -> ThemeColorValue {
        let text = try value.string()
        if let rgb = RGBColor(hex: text) { return .rgb(rgb) }
        if allowsNames && ThemeColorValue.names.contains(text) { return .named(text) }
        var message = "bad colour \"\(text)\" for key \(value.location.key): expected \"#rrggbb\""
        if allowsNames {
            message += " or one of the theme colours (\(ThemeColorValue.names.joined(separator: ", ")))"
            if let near = NearestKey.suggestion(for: text, among: ThemeColorValue.names) { message += "; did you mean \"\(near)\"?" }
        }
        throw value.error(message)
    }

    static func dash(_ value: TOMLValue) throws -> DashPattern {
        let lengths = try value.numbers()
        guard lengths.count <= DashPattern.maxLengths else {
            throw value.error("a dash pattern for key \(value.location.key) has \(lengths.count) lengths; at most \(DashPattern.maxLengths)")
        }
        guard lengths.allSatisfy({ $0 > 0 && $0 <= 100 }) else {
            throw value.error("dash lengths for key \(value.location.key) must be between 0 and 100 points, not \(lengths.map(ThemeNumberFormat.text))")
        }
        guard lengths.count % 2 == 0 else {
            throw value.error("a dash pattern for key \(value.location.key) needs pairs of on and off lengths ([] is solid)")
        }
        return DashPattern(lengths)
    }

    static func marker(_ value: TOMLValue) throws -> MarkerShape {
        let text = try value.string()
        if let shape = MarkerShape(rawValue: text) { return shape }
        let names = MarkerShape.allCases.map(\.name)
        var message = "unknown marker shape \"\(text)\" for key \(value.location.key)"
        if let near = NearestKey.suggestion(for: text, among: names) { message += "; did you mean \"\(near)\"?" }
        throw value.error(message + " (expected one of: \(names.joined(separator: ", ")))")
    }
}
