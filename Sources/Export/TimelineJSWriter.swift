import Analysis
import Correspondence

/// Writes the messages as a TimelineJS 3 JSON document: one event per message with
/// `start_date` as precise as the date is known (`{year, month, day}`, `{year, month}` or
/// `{year}`), an `end_date` and a worded `display_date` when the date is a range, the topic
/// as `group`, and a headline and an opening of the text. TimelineJS renders headline, text and
/// group labels as HTML, so all three are escaped.
public struct TimelineJSWriter: Sendable {
    /// How many characters of the body each event shows.
    public var excerptLength: Int

    public init(excerptLength: Int = 400) {
        self.excerptLength = excerptLength
    }

    /// - Parameter groups: message id -> group label (the message's main topic); messages
    ///   without one are left ungrouped.
    public func write(corpus: Corpus, title: String, groups: [String: String] = [:]) -> String {
        // A timeline places events in time: undated messages are left out (the title counts them).
        let events: [JSONValue] = corpus.messages.compactMap { message in
            var members: [(String, JSONValue)] = [("unique_id", .string(message.id))]
            let date = message.date
            guard let (a, b) = date.closedBounds else {
                // Open at one end: placed at its known bound, worded as open.
                guard let known = date.notBefore ?? date.notAfter else { return nil }
                members.append(("start_date", Self.date(known, month: true, day: true)))
                members.append(("display_date", .string(Self.rangeWording(date))))
                return Self.finish(members, message: message, corpus: corpus, groups: groups, excerpt: excerpt)
            }
            switch date.precision {
            case .day where a == b:
                members.append(("start_date", Self.date(a, month: true, day: true)))
            case .month where Self.coversMonth(date):
                members.append(("start_date", Self.date(a, month: true, day: false)))
                members.append(("display_date", .string(Self.monthName(a.month) + " \(a.year)")))
            case .year where Self.coversYear(date):
                members.append(("start_date", Self.date(a, month: false, day: false)))
                members.append(("display_date", .string(String(a.year))))
            default:
                members.append(("start_date", Self.date(a, month: true, day: true)))
                members.append(("end_date", Self.date(b, month: true, day: true)))
                members.append(("display_date", .string(Self.rangeWording(date))))
            }
            return Self.finish(members, message: message, corpus: corpus, groups: groups, excerpt: excerpt)
        }
        let undated = corpus.undatedCount
        let document = JSONValue.object([
            ("title", .object([("text", .object([
                ("headline", .string(XMLMarkup.escapeText(title))),
                ("text", .string("<p>" + XMLMarkup.escapeText("\(corpus.messages.count) messages from \(corpus.sourceName)"
                    + (undated > 0 ? "; \(undated) undated, not shown" : "")) + "</p>")),
            ]))])),
            ("events", .array(events)),
        ])
        return document.serialized() + "\n"
    }

    /// The event's text, headline and group after its dates.
    private static func finish(_ start: [(String, JSONValue)], message: Message, corpus: Corpus, groups: [String: String],
                               excerpt: (String) -> String) -> JSONValue {
            var members = start
            let names = message.recipients.map { corpus.people.name(of: $0) }.joined(separator: ", ")
            let headline = message.kind == .fragment || message.sender.isEmpty
                ? "Fragment"
                : "\(corpus.people.name(of: message.sender)) to \(names)"
            var html = "<p>" + XMLMarkup.escapeText(excerpt(message.body)) + "</p>"
            var facts: [String] = []
            if let place = message.place { facts.append(place) }
            if !message.classification.isEmpty { facts.append(message.classification) }
            facts.append("\(corpus.sourceName), lines \(message.span.startLine)-\(message.span.endLine)")
            html += "<p><em>" + XMLMarkup.escapeText(facts.joined(separator: " · ")) + "</em></p>"
            members.append(("text", .object([("headline", .string(XMLMarkup.escapeText(headline))), ("text", .string(html))])))
            if let group = groups[message.id] { members.append(("group", .string(XMLMarkup.escapeText(group)))) }
            return .object(members)
    }

    private func excerpt(_ body: String) -> String {
        let flat = body.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard flat.count > excerptLength else { return flat }
        var cut = String(flat.prefix(excerptLength))
        if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
        return cut + " …"
    }

    static func date(_ day: Day, month: Bool, day withDay: Bool) -> JSONValue {
        var members: [(String, JSONValue)] = [("year", .int(day.year))]
        if month { members.append(("month", .int(day.month))) }
        if withDay { members.append(("day", .int(day.day))) }
        return .object(members)
    }

    static func coversMonth(_ date: HistoricalDate) -> Bool {
        guard let (notBefore, notAfter) = date.closedBounds else { return false }
        return coversMonth(notBefore, notAfter)
    }

    static func coversYear(_ date: HistoricalDate) -> Bool {
        guard let (notBefore, notAfter) = date.closedBounds else { return false }
        return coversYear(notBefore, notAfter)
    }

    private static func coversMonth(_ notBefore: Day, _ notAfter: Day) -> Bool {
        let date = (notBefore: notBefore, notAfter: notAfter)
        return date.notBefore.day == 1 && date.notAfter.year == date.notBefore.year && date.notAfter.month == date.notBefore.month
            && date.notAfter.day == Day.daysIn(month: date.notAfter.month, year: date.notAfter.year)
    }

    private static func coversYear(_ notBefore: Day, _ notAfter: Day) -> Bool {
        let date = (notBefore: notBefore, notAfter: notAfter)
        return date.notBefore.month == 1 && date.notBefore.day == 1 && date.notAfter.year == date.notBefore.year
            && date.notAfter.month == 12 && date.notAfter.day == 31
    }

    static func monthName(_ month: Int) -> String {
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
         "November", "December"][month - 1]
    }

    /// A date in words as precisely as it is known: "18 July 1942", "July 1942", "1942", or a
    /// range ("between 12 and 18 July 1942").
    public static func wording(_ date: HistoricalDate) -> String {
        switch date.precision {
        case .month where coversMonth(date): return date.notBefore.map { monthName($0.month) + " \($0.year)" } ?? ""
        case .year where coversYear(date): return date.notBefore.map { String($0.year) } ?? ""
        default: return rangeWording(date)
        }
    }

    /// "between 12 and 18 July 1942", "between 28 June and 3 July 1942", or across years.
    static func rangeWording(_ date: HistoricalDate) -> String {
        func words(_ d: Day) -> String { "\(d.day) \(monthName(d.month)) \(d.year)" }
        guard let (a, b) = date.closedBounds else {
            if let a = date.notBefore { return "not before " + words(a) }
            if let b = date.notAfter { return "not after " + words(b) }
            return "undated"
        }
        if a == b { return "\(a.day) \(monthName(a.month)) \(a.year)" }
        if a.year != b.year {
            return "between \(a.day) \(monthName(a.month)) \(a.year) and \(b.day) \(monthName(b.month)) \(b.year)"
        }
        if a.month != b.month {
            return "between \(a.day) \(monthName(a.month)) and \(b.day) \(monthName(b.month)) \(b.year)"
        }
        return "between \(a.day) and \(b.day) \(monthName(b.month)) \(b.year)"
    }
}

extension TimelineJSWriter {
    /// Each message's group: the label of its highest-scoring topic (lexicon order breaks ties).
    public static func groups(_ analysis: CorpusAnalysis) -> [String: String] {
        let order = Dictionary(analysis.lexicon.topics.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var result: [String: String] = [:]
        for (id, matches) in analysis.topics {
            let best = matches.min {
                $0.score != $1.score ? $0.score > $1.score : (order[$0.topic] ?? .max) < (order[$1.topic] ?? .max)
            }
            if let best { result[id] = analysis.lexicon.topic(best.topic)?.label ?? best.topic }
        }
        return result
    }
}
