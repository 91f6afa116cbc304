import Correspondence
import Foundation
import TOMLReader

/// The events a timeline can mark, read from a TOML data file (`[[event]]` tables); the
/// bundled one holds the conferences, battles and turning points of 1941-1945.
public struct EventCalendar: Sendable, Hashable {
    public var events: [HistoricalEvent]

    public init(events: [HistoricalEvent]) {
        self.events = events.sorted { ($0.start, $0.end, $0.id) < ($1.start, $1.end, $1.id) }
    }

    /// The events touching `from...to`, in date order.
    public func events(from: Day, to: Day) -> [HistoricalEvent] {
        events.filter { $0.overlaps(from: from, to: to) }
    }

    /// The span of the calendar's events, or nil when it has none.
    public var span: (from: Day, to: Day)? {
        guard let first = events.map(\.start).min(), let last = events.map(\.end).max() else { return nil }
        return (first, last)
    }

    /// Whether the calendar fits a corpus dated `from`...`to`: its events cover at least half
    /// of that span (a 1914-1973 corpus is not matched by a file of the years 1941-1945).
    public func matches(from: Day, to: Day) -> Bool {
        guard let span, from <= to else { return false }
        let overlap = min(span.to, to).ordinal - max(span.from, from).ordinal
        return overlap >= 0 && Double(overlap + 1) >= 0.5 * Double(from.days(to: to) + 1)
    }

    /// The events to draw for a corpus when the user names no events file: the bundled
    /// calendar, only for the bundled corpus (by the SHA-256 of its text) and only when its
    /// span matches; otherwise none. Nothing learned from the bundled corpus reaches another.
    public static func defaultCalendar(corpusHash: String, from: Day?, to: Day?) throws -> EventCalendar {
        guard let from, let to, corpusHash == (try bundledCorpusHash()) else { return EventCalendar(events: []) }
        let calendar = try bundled()
        return calendar.matches(from: from, to: to) ? calendar : EventCalendar(events: [])
    }

    /// SHA-256 of the bundled corpus's text, as its reader records it (`Corpus.sourceHash`).
    static func bundledCorpusHash() throws -> String {
        let text = try CorpusLoader.decodedText(url: try BundledCorpus.url(), shownAs: BundledCorpus.name)
        return SHA256.hex(text.utf8)
    }

    /// The bundled calendar (`Resources/events.toml`).
    public static func bundled() throws -> EventCalendar {
        guard let url = Bundle.module.url(forResource: "events", withExtension: "toml", subdirectory: "Resources")
            ?? Bundle.module.url(forResource: "events", withExtension: "toml") else {
            throw EpistolaryError(.environment, "the bundled events.toml is missing from the build")
        }
        return try load(path: url.path, displayName: "<bundled events.toml>")
    }

    /// Reads a calendar file; errors name the file and line.
    public static func load(path: String, displayName: String? = nil) throws -> EventCalendar {
        InputFiles.note(path)
        let text: String
        do {
            text = try TOMLDocument.text(ofFile: path)
        } catch let error as TOMLError {
            throw EpistolaryError(error.unreadable ? .badUsage : .badData, file: path, line: error.line, error.message)
        }
        return try parse(text, file: displayName ?? path)
    }

    static let keys = ["id", "label", "name", "start", "end", "kind", "priority"]

    /// Parses the text of a calendar file.
    public static func parse(_ text: String, file: String) throws -> EventCalendar {
        do {
            let doc = try TOMLDocument.parse(text, file: file)
            try doc.root.rejectUnknownKeys(allowing: ["event"])
            guard doc.root["event"] != nil else { return EventCalendar(events: []) }
            var seen = Set<String>()
            var events: [HistoricalEvent] = []
            for table in try doc.root.tables("event") {
                try table.rejectUnknownKeys(allowing: keys)
                let id = try table.string("id")
                let line = table.entry("id")?.line
                guard seen.insert(id).inserted else {
                    throw EpistolaryError(.badData, file: file, line: line, "event id \(id) is used twice")
                }
                let label = try table.string("label")
                guard !label.isEmpty else {
                    throw EpistolaryError(.badData, file: file, line: table.entry("label")?.line, "event \(id) has an empty label")
                }
                let start = try day(table, "start", file: file)
                let end = table["end"] == nil ? start : try day(table, "end", file: file)
                guard start <= end else {
                    throw EpistolaryError(.badData, file: file, line: table.entry("end")?.line, "event \(id) ends (\(end)) before it starts (\(start))")
                }
                let kindText = try table.string("kind")
                guard let kind = HistoricalEvent.Kind(rawValue: kindText) else {
                    throw EpistolaryError(.badData, file: file, line: table.entry("kind")?.line,
                                          "event \(id): expected kind conference, military or political, got \(kindText)")
                }
                let priority = table["priority"] == nil ? nil : try table.integer("priority")
                let name = table["name"] == nil ? label : try table.string("name")
                events.append(HistoricalEvent(id: id, label: label, name: name, start: start, end: end, kind: kind, priority: priority))
            }
            return EventCalendar(events: events)
        } catch let e as TOMLError {
            throw EpistolaryError(.badData, file: e.file, line: e.line, e.message)
        }
    }

    private static func day(_ table: TOMLTable, _ key: String, file: String) throws -> Day {
        let text = try table.string(key)
        guard let d = Day(iso: text) else {
            throw EpistolaryError(.badData, file: file, line: table.entry(key)?.line, "expected a date YYYY-MM-DD for \(key), got \(text)")
        }
        return d
    }
}
