import Analysis
import Correspondence

/// Writes the messages as a TimelineJS 3 JSON document: one event per message with
/// `start_date` as precise as the date is known (`{year, month, day}`, `{year, month}` or
/// `{year}`), an `end_date` and a worded `display_date` when the date is a range, the topic
/// as `group`, and a headline and an opening of the text. TimelineJS renders headline, text and
/// group labels as HTML, so all three are escaped.
///
/// What TimelineJS's users expect: the headline is short enough for the time navigation's
/// markers, which cut long ones ("Stalin to Churchill", from `shortNames`; the full names open
/// the slide's text); when any message has a group, the rest share one named group instead of
/// an unlabelled row; and the period's events (`eras`) are the document's `eras`.
public struct TimelineJSWriter: Sendable {
    /// A span of days shown as a TimelineJS era (a labelled band under the markers).
    public struct Era: Sendable, Hashable {
        public var start: Day
        public var end: Day
        public var headline: String

        public init(start: Day, end: Day, headline: String) {
            self.start = min(start, end)
            self.end = max(start, end)
            self.headline = headline
        }
    }

    /// How many characters of the body each event shows.
    public var excerptLength: Int
    /// The group of messages without a topic, when others have one.
    public static let ungroupedLabel = "No topic"

    public init(excerptLength: Int = 400) {
        self.excerptLength = excerptLength
    }

    /// - Parameters:
    ///   - groups: message id -> group label (the message's main topic); when any message has
    ///     one, the others are grouped under `ungroupedLabel`.
    ///   - shortNames: person id -> the short form used in headlines; full names otherwise.
    ///   - eras: spans shown as eras, kept when they touch the messages' dates.
    /// - Complexity: O(messages + eras).
    public func write(corpus: Corpus, title: String, groups: [String: String] = [:], shortNames: [String: String] = [:],
                      eras: [Era] = []) -> String {
        ByteSink.text { write(corpus: corpus, title: title, groups: groups, shortNames: shortNames, eras: eras, to: $0) }
    }

    /// `write(corpus:title:groups:shortNames:eras:)` into `sink`, one event at a time.
    /// - Complexity: O(messages + eras).
    public func write(corpus: Corpus, title: String, groups: [String: String] = [:], shortNames: [String: String] = [:],
                      eras: [Era] = [], to sink: ByteSink) {
        write(corpus: corpus, title: title, groups: Groups(groups), shortNames: shortNames, eras: eras, to: sink)
    }

    /// `write(corpus:title:groups:shortNames:eras:to:)` with the groups looked up as each event
    /// is written (`Groups`).
    /// - Complexity: O(messages + eras), plus what a lookup of `groups` costs per message.
    public func write(corpus: Corpus, title: String, groups: Groups, shortNames: [String: String] = [:],
                      eras: [Era] = [], to sink: ByteSink) {
        let grouped = groups.any
        // A timeline places events in time: undated messages are left out (the title counts
        // them); an open date is placed at its known bound and worded as open.
        var json = JSONWriter(into: sink)
        func writeDay(_ key: String, _ day: Day, month: Bool, day withDay: Bool) {
            json.key(key)
            json.beginObject()
            json.member("year", int: day.year)
            if month { json.member("month", int: day.month) }
            if withDay { json.member("day", int: day.day) }
            json.endObject()
        }
        // The people table taken out of the corpus once: a closure over the corpus in each event
        // copied the corpus's fields each time.
        let people = corpus.people
        func short(_ id: String) -> String { shortNames[id] ?? people.name(of: id) }
        // Each message lent, not copied (DESIGN: a pass reads only the fields it uses).
        func event(_ message: borrowing Message) {
            let date = message.date
            guard date.closedBounds != nil || date.notBefore != nil || date.notAfter != nil else { return }
            json.beginObject()
            json.member("unique_id", message.id)
            if let (a, b) = date.closedBounds {
                switch date.precision {
                case .day where a == b:
                    writeDay("start_date", a, month: true, day: true)
                case .month where Self.coversMonth(date):
                    writeDay("start_date", a, month: true, day: false)
                    json.member("display_date", Self.monthName(a.month) + " \(a.year)")
                case .year where Self.coversYear(date):
                    writeDay("start_date", a, month: false, day: false)
                    json.member("display_date", String(a.year))
                default:
                    writeDay("start_date", a, month: true, day: true)
                    writeDay("end_date", b, month: true, day: true)
                    json.member("display_date", Self.rangeWording(date))
                }
            } else if let known = date.notBefore ?? date.notAfter {
                writeDay("start_date", known, month: true, day: true)
                json.member("display_date", Self.rangeWording(date))
            }
            let isFragment = message.kind == .fragment || message.sender.isEmpty
            let headline = isFragment ? "Fragment"
                : "\(short(message.sender)) to \(message.recipients.map(short).joined(separator: ", "))"
            var html = ""
            if !isFragment {
                let names = message.recipients.map { people.name(of: $0) }.joined(separator: ", ")
                html += "<p><strong>" + XMLMarkup.escapeText("\(people.name(of: message.sender)) to \(names)") + "</strong></p>"
            }
            html += "<p>" + XMLMarkup.escapeText(excerpt(message.body)) + "</p>"
            var facts: [String] = []
            if let place = message.place { facts.append(place) }
            if !message.classification.isEmpty { facts.append(message.classification) }
            facts.append("\(corpus.sourceName), lines \(message.span.startLine)-\(message.span.endLine)")
            html += "<p><em>" + XMLMarkup.escapeText(facts.joined(separator: " · ")) + "</em></p>"
            json.key("text")
            json.beginObject()
            json.member("headline", XMLMarkup.escapeText(headline))
            json.member("text", html)
            json.endObject()
            if grouped { json.member("group", XMLMarkup.escapeText(groups[message.id] ?? Self.ungroupedLabel)) }
            json.endObject()
        }
        let all = corpus.messages
        let first = all.indices.compactMap { all[$0].date.drawnBounds?.notBefore }.min()
        let last = all.indices.compactMap { all[$0].date.drawnBounds?.notAfter }.max()
        let undated = corpus.undatedCount
        let shownEras: [JSONValue] = eras.filter { era in
            guard let first, let last else { return false }
            return era.start <= last && era.end >= first
        }.map { era in
            .object([("start_date", Self.date(era.start, month: true, day: true)),
                     ("end_date", Self.date(era.end, month: true, day: true)),
                     ("text", .object([("headline", .string(XMLMarkup.escapeText(era.headline)))]))])
        }
        json.beginObject()
        json.key("title")
        JSONValue.object([("text", .object([
            ("headline", .string(XMLMarkup.escapeText(title))),
            ("text", .string("<p>" + XMLMarkup.escapeText("\(corpus.messages.count) messages from \(corpus.sourceName)"
                + (undated > 0 ? "; \(undated) undated, not shown" : "")) + "</p>")),
        ]))]).write(to: &json)
        json.key("events")
        json.beginArray()
        for index in all.indices { event(all[index]) }
        json.endArray()
        if !shownEras.isEmpty {
            json.key("eras")
            JSONValue.array(shownEras).write(to: &json)
        }
        json.endObject()
        sink.write("\n" as StaticString)
    }

    /// The body with runs of white space as one space, cut at a word before `excerptLength`.
    ///
    /// - Complexity: O(excerptLength): reads the body only as far as the excerpt needs.
    private func excerpt(_ body: String) -> String {
        ownCharacterExcerpt(body) ?? characterExcerpt(body)
    }

    /// `excerpt` read character by character: the rule itself, for any text.
    /// - Complexity: O(excerptLength).
    func characterExcerpt(_ body: String) -> String {
        var flat = ""
        var count = 0
        var pendingSpace = false
        for character in body {
            if character.isWhitespace {
                pendingSpace = count > 0
                continue
            }
            if pendingSpace {
                flat.append(" ")
                count += 1
                pendingSpace = false
            }
            flat.append(character)
            count += 1
            if count > excerptLength { break }
        }
        guard count > excerptLength else { return flat }
        var cut = String(flat.prefix(excerptLength))
        if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
        return cut + " …"
    }

    /// `excerpt` read from the UTF-8 bytes, when every scalar up to the cut is a character of
    /// its own (`isOwnCharacter`): then a character is a scalar and its white space the
    /// scalar's, so the result is the character reading's without its cost. Each scalar's
    /// bytes are copied as they are; a scalar is decoded only to be classified. Nil as soon as
    /// a scalar that may join a cluster comes first, and then characters decide.
    ///
    /// Why bytes: reading the scalars into an array and making a String of them was a third of
    /// this writer's time at 500,000 messages (issue 13), since most bodies have a dash, a
    /// quotation mark or an accented letter before their cut.
    /// - Complexity: O(excerptLength).
    func ownCharacterExcerpt(_ body: String) -> String? {
        var body = body
        let limit = excerptLength
        return body.withUTF8 { utf8 -> String? in
            guard let source = utf8.baseAddress else { return "" }
            let n = utf8.count
            // An own character is at most 3 bytes (below U+2060), a space 1: the first
            // `limit` + 2 characters fit, and no more bytes than the body has.
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: min(n, 3 * (limit + 2))) { flat -> String? in
                guard let out = flat.baseAddress else { return "" }
                // Bytes written; characters written; bytes of the first `limit` characters;
                // where the last space among them starts (-1: none yet).
                var written = 0, count = 0, keptBytes = 0, lastSpace = -1
                var pendingSpace = false
                var i = 0
                while i < n {
                    let lead = source[i]
                    var length = 1
                    if lead < 0x80 {
                        if lead == 0x20 || (lead >= 0x09 && lead <= 0x0D) {
                            pendingSpace = count > 0
                            i += 1
                            continue
                        }
                    } else {
                        // A Swift string is valid UTF-8.
                        let (value, width) = UTF8Scalar.decode(source, at: i)
                        length = width
                        guard let scalar = Unicode.Scalar(value), Self.isOwnCharacter(scalar) else { return nil }
                        if Self.isOwnCharacterSpace(scalar) {
                            pendingSpace = count > 0
                            i += length
                            continue
                        }
                    }
                    if pendingSpace {
                        if count < limit { lastSpace = written }
                        out[written] = 0x20
                        written += 1
                        count += 1
                        if count == limit { keptBytes = written }
                        pendingSpace = false
                    }
                    if length == 1 {
                        out[written] = lead
                    } else {
                        (out + written).update(from: source + i, count: length)
                    }
                    written += length
                    count += 1
                    if count == limit { keptBytes = written }
                    i += length
                    if count > limit { break }
                }
                guard count > limit else { return String(decoding: UnsafeBufferPointer(start: out, count: written), as: UTF8.self) }
                let kept = lastSpace >= 0 ? lastSpace : keptBytes
                return String(decoding: UnsafeBufferPointer(start: out, count: kept), as: UTF8.self) + " …"
            }
        }
    }

    /// Scalars that never join another in one character (Unicode's grapheme cluster rules):
    /// Latin letters and their signs before the combining diacritics (U+0300), and the spaces,
    /// dashes, quotation marks and other punctuation of U+2000-U+206F but the joiners (U+200C,
    /// U+200D) and the invisible operators. A carriage return before a line feed is one
    /// character but both are white space, read alike either way.
    static func isOwnCharacter(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x300 || (0x2000...0x205F).contains(v) && v != 0x200C && v != 0x200D
    }

    /// Unicode's White_Space for the scalars `isOwnCharacter` takes, without the property
    /// lookup (`properties.isWhitespace` was most of this writer's time at 500,000 messages):
    /// tab to carriage return, the space, U+0085 and U+00A0 below U+0300; U+2000-U+200A, the
    /// line and paragraph separators, U+202F and U+205F in the punctuation block. Checked
    /// against the property for every one of those scalars (`TimelineExcerptTests`).
    static func isOwnCharacterSpace(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x300 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) || v == 0x85 || v == 0xA0 }
        return (0x2000...0x200A).contains(v) || v == 0x2028 || v == 0x2029 || v == 0x202F || v == 0x205F
    }

    static func date(_ day: Day, month: Bool, day withDay: Bool) -> JSONValue {
        var members: [(String, JSONValue)] = [("year", .int(day.year))]
        if month { members.append(("month", .int(day.month))) }
        if withDay { members.append(("day", .int(day.day))) }
        return .object(members)
    }

    static func coversMonth(_ date: HistoricalDate) -> Bool {
        guard let (notBefore, notAfter) = date.closedBounds else { return false }
        let date = (notBefore: notBefore, notAfter: notAfter)
        return date.notBefore.day == 1 && date.notAfter.year == date.notBefore.year && date.notAfter.month == date.notBefore.month
            && date.notAfter.day == Day.daysIn(month: date.notAfter.month, year: date.notAfter.year)
    }

    static func coversYear(_ date: HistoricalDate) -> Bool {
        guard let (notBefore, notAfter) = date.closedBounds else { return false }
        let date = (notBefore: notBefore, notAfter: notAfter)
        return date.notBefore.month == 1 && date.notBefore.day == 1 && date.notAfter.year == date.notBefore.year
            && date.notAfter.month == 12 && date.notAfter.day == 31
    }

    static func monthName(_ month: Int) -> String {
        MonthNames.full[month - 1]
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
    /// Message id -> group label, looked up as the writer asks: from a table, or from the
    /// analysis, each message's highest-scoring topic found when its event is written. Why: a
    /// table of every message's label was 40 MB of a 500,000-message gallery at its memory peak.
    public struct Groups: Sendable {
        private let label: @Sendable (String) -> String?
        /// True when some message has a group (the others are then grouped under
        /// `ungroupedLabel`).
        public let any: Bool

        /// The groups of a table.
        public init(_ table: [String: String]) {
            label = { table[$0] }
            any = !table.isEmpty
        }

        /// Each message's group: the label of its highest-scoring topic (lexicon order breaks ties).
        /// - Complexity: O(t) for t topics; O(m) at most to find whether any message has one.
        public init(_ analysis: CorpusAnalysis) {
            let order = Dictionary(analysis.lexicon.topics.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            let labels = Dictionary(analysis.lexicon.topics.map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a })
            let topics = analysis.topics
            label = { id in
                guard let matches = topics[id], let best = matches.min(by: {
                    $0.score != $1.score ? $0.score > $1.score : (order[$0.topic] ?? .max) < (order[$1.topic] ?? .max)
                }) else { return nil }
                return labels[best.topic] ?? best.topic
            }
            any = topics.values.contains { !$0.isEmpty }
        }

        public subscript(id: String) -> String? { label(id) }
    }
}
