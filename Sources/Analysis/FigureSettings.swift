import Correspondence
import Foundation

/// What a paper author sets for any figure, graph or timeline alike: its printed size, its
/// title (automatic, their own, or none) and the labels people are shown under. It lives here,
/// below both renderers, so that `--width`, `--title` and `--label` mean the same in each.
public struct FigureSettings: Sendable, Equatable {
    /// The title a figure carries.
    public enum Title: Sendable, Equatable {
        /// The figure's own title, made from the corpus and the filters.
        case automatic
        /// The author's words.
        case custom(String)
        /// No title: the caption says what the figure shows.
        case none
    }

    /// Printed width in millimetres, replacing the style's page width; nil keeps the style's.
    public var widthMM: Double?
    /// Printed height in millimetres (the most a figure may take); nil keeps the style's.
    public var heightMM: Double?
    public var title: Title
    /// Display labels replacing people's names, by person id.
    public var labels: [String: String]

    public init(widthMM: Double? = nil, heightMM: Double? = nil, title: Title = .automatic, labels: [String: String] = [:]) {
        self.widthMM = widthMM
        self.heightMM = heightMM
        self.title = title
        self.labels = labels
    }

    /// The title to draw given the figure's own: the author's, the figure's, or nil for none.
    public func title(automatic: String) -> String? {
        switch title {
        case .automatic: return automatic
        case .custom(let text): return text
        case .none: return nil
        }
    }

    /// A length as a paper author writes it: `89mm`, `183 mm`, `3.5in`, `3.5 in`, `8.9cm`.
    /// A bare number is millimetres. Returns millimetres, nil when `text` is not a length.
    public static func millimetres(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(String, Double)] = [("mm", 1), ("cm", 10), ("in", 25.4), ("pt", 25.4 / 72)]
        for (unit, factor) in units where trimmed.hasSuffix(unit) {
            let number = trimmed.dropLast(unit.count).trimmingCharacters(in: .whitespaces)
            guard let value = Double(number), value > 0, value.isFinite else { return nil }
            return value * factor
        }
        guard let value = Double(trimmed), value > 0, value.isFinite else { return nil }
        return value
    }

    /// Resolves `FROM=TO` renamings against `people`: FROM may be a person's id, full name,
    /// an alias, or the short form figures print (a final part of the name, "Clark Kerr"),
    /// compared ignoring case. Each pair names where it came from (`origin`, e.g. "--label" or
    /// "labels.txt:3") in the error when FROM matches nobody or several people.
    public static func labels(_ pairs: [(text: String, origin: String)], people: PersonTable) throws -> [String: String] {
        var labels: [String: String] = [:]
        for (text, origin) in pairs {
            guard let equals = text.firstIndex(of: "=") else {
                throw EpistolaryError(.badUsage, "\(origin): expected FROM=TO (a person's name or id, then the label to show), got \"\(text)\"")
            }
            let from = text[..<equals].trimmingCharacters(in: .whitespaces)
            let to = text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard !from.isEmpty, !to.isEmpty else {
                throw EpistolaryError(.badUsage, "\(origin): expected FROM=TO with both sides non-empty, got \"\(text)\"")
            }
            let matches = people.people.filter { person in
                let forms = [person.id, person.name] + person.aliases
                return forms.contains { $0.caseInsensitiveCompare(from) == .orderedSame }
                    || person.name.lowercased().hasSuffix(" " + from.lowercased())
            }
            let ids = Set(matches.map(\.id))
            guard let id = ids.first else {
                throw EpistolaryError(.badUsage, "\(origin): \"\(from)\" is no person of the corpus (give an id, a name or an alias)")
            }
            guard ids.count == 1 else {
                throw EpistolaryError(.badUsage, "\(origin): \"\(from)\" names several people (\(ids.sorted().joined(separator: ", "))); give an id")
            }
            labels[id] = to
        }
        return labels
    }

    /// Reads a labels file: one `FROM=TO` a line; blank lines and lines starting with `#` are
    /// skipped. Returns the pairs with their `file:line` origins for `labels(_:people:)`.
    public static func labelLines(path: String) throws -> [(text: String, origin: String)] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw EpistolaryError(.badUsage, file: path, "cannot read the labels file (UTF-8 text, one FROM=TO a line)")
        }
        var pairs: [(String, String)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            pairs.append((trimmed, "\(path):\(index + 1)"))
        }
        return pairs
    }
}
