import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads a CMIF file (TEI `correspDesc` records, as correspSearch publishes them) as a corpus:
/// each `correspDesc` becomes a message with its sender (the `sent` action's persName or
/// orgName), recipients (the `received` action's), date (`@when`, or `@notBefore`/`@notAfter`
/// and `@from`/`@to`; the precision follows the form: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`) and
/// place of writing. Names are resolved through the person table by authority URI first,
/// then by name or alias; a correspondent not in the table is added to it, with the `@ref`
/// URIs as authorities and an id made from the name.
///
/// Malformed XML or a record without a sender is an error naming the file and line.
public enum CMIFReader {
    static let teiNamespace = "http://www.tei-c.org/ns/1.0"

    /// - Parameters:
    ///   - sourceName: the corpus's display name (the file name).
    ///   - shownAs: how errors name the file (the path as the user gave it); `sourceName` if nil.
    public static func read(data: Data, sourceName: String, shownAs: String? = nil, people: PersonTable) throws -> Corpus {
        let shown = shownAs ?? sourceName
        let collector = RecordCollector(sourceName: shown)
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = collector
        let ok = parser.parse()
        if let failure = collector.failure { throw failure }
        if !ok {
            throw EpistolaryError(.badData, file: shown, line: max(1, parser.lineNumber),
                                  "malformed XML: \(describe(parser.parserError))")
        }
        guard collector.sawRoot else {
            throw EpistolaryError(.badData, file: shown, line: 1, "expected a CMIF (TEI) document, found no root element")
        }
        guard !collector.records.isEmpty else {
            throw EpistolaryError(.badData, file: shown, line: max(1, parser.lineNumber),
                                  "expected at least one correspDesc in the CMIF file, found none")
        }
        var corpus = try build(collector.records, sourceName: shown, sourceHash: SHA256.hex(data), people: people)
        corpus.sourceName = sourceName
        return corpus
    }

    /// Reads a CMIF file from disk; errors name it as given.
    public static func read(path: String, people: PersonTable) throws -> Corpus {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw EpistolaryError(.badData, file: path, "no such file")
        }
        guard !isDirectory.boolValue else { throw EpistolaryError(.badData, file: path, "is a folder, not a CMIF file") }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw EpistolaryError(.badData, file: path, "cannot be read")
        }
        return try read(data: data, sourceName: url.lastPathComponent, shownAs: path, people: people)
    }

    /// What a parser error means, in words: the parser reports libxml2's error numbers, whose
    /// Foundation descriptions say only "the operation could not be completed".
    static func describe(_ error: Error?) -> String {
        guard let error else { return "the XML parser stopped without saying why" }
        let code = (error as NSError).code
        let meaning: String
        switch code {
        case 4: meaning = "the document is empty"
        case 5: meaning = "the document ends inside an element, or has content after its root element"
        case 9: meaning = "a character XML does not allow (a control character)"
        case 26: meaning = "an entity XML does not define (write the character itself, or &amp; for &)"
        case 39: meaning = "an attribute value without quotes"
        case 41: meaning = "an attribute without a value"
        case 42: meaning = "an attribute given twice on one element"
        case 68: meaning = "a bare & or < in text or a tag (write &amp; or &lt;)"
        case 73: meaning = "a tag without its closing >"
        case 76: meaning = "a closing tag that does not match the element it closes"
        case 77: meaning = "an element left open at the end of the document"
        default: meaning = "the document is not well-formed"
        }
        return "\(meaning) (libxml2 error \(code)); expected a well-formed CMIF (TEI) document"
    }

    // MARK: - Building messages

    private static func build(_ records: [Record], sourceName: String, sourceHash: String,
                              people: PersonTable) throws -> Corpus {
        var resolver = PersonResolver(table: people)
        var issues: [ReadIssue] = []
        var dated: [(Record, ParsedDate?)] = []
        for record in records {
            dated.append((record, try parsedDate(record.sentDate ?? record.receivedDate, sourceName: sourceName)))
        }

        var messages: [Message] = []
        var usedIDs = Set<String>()
        for (record, parsed) in dated {
            guard let sender = record.senders.first else {
                throw EpistolaryError(.badData, file: sourceName, line: record.sentLine ?? record.startLine,
                                      "expected a persName or orgName in the correspAction type=\"sent\"")
            }
            let span = SourceSpan(startLine: record.startLine, endLine: record.endLine)
            let senderID = resolver.resolve(sender)
            let recipientIDs = record.recipients.map { resolver.resolve($0) }
            var notes: [String] = []
            let date: HistoricalDate
            if let parsed {
                date = HistoricalDate(bounds: parsed.lower, parsed.upper,
                                      precision: parsed.lower == nil || parsed.upper == nil ? .range : parsed.precision,
                                      evidence: .given)
            } else {
                date = .undated(raw: nil)
                issues.append(ReadIssue(kind: .undated, outcome: .info, file: sourceName, span: span,
                                        detail: "correspDesc without a date: kept undated"))
            }

            let id = Message.uniqueID(record.key.flatMap { $0.isEmpty || usedIDs.contains($0) ? nil : $0 }
                                          ?? generatedID(date: date, sender: senderID, recipients: recipientIDs), among: usedIDs)
            usedIDs.insert(id)

            var fieldLines: [String: Int] = [:]
            fieldLines["sender"] = sender.line
            if let first = record.recipients.first { fieldLines["recipients"] = first.line }
            if let line = (record.sentDate ?? record.receivedDate)?.line { fieldLines["dated"] = line }
            if let place = record.sentPlace { fieldLines["place"] = place.line }
            if record.senders.count > 1 {
                notes.append("further senders not modelled: " + record.senders.dropFirst().map(\.name).joined(separator: "; "))
            }
            messages.append(Message(id: id, kind: .message, sender: senderID, recipients: recipientIDs,
                                    sentOn: nil, dated: date.isExact ? date.notBefore : nil, date: date,
                                    place: record.sentPlace?.name, classification: "", body: "", references: [],
                                    span: span, fieldLines: fieldLines, notes: notes))
        }
        messages.sort(by: Corpus.stableOrder)
        return Corpus(sourceName: sourceName, sourceHash: sourceHash, messages: messages,
                      people: resolver.table, issues: issues)
    }

    /// `1942-07-23-stalin-churchill`: the date as precisely as known, sender, first recipient.
    private static func generatedID(date: HistoricalDate, sender: String, recipients: [String]) -> String {
        let when: String
        switch date.precision {
        case .day, .range: when = date.best?.iso ?? "undated"
        case .month: when = date.notBefore?.isoMonth ?? "undated"
        case .year: when = date.notBefore?.isoYear ?? "undated"
        case .undated: when = "undated"
        }
        let parts = [when, slug(sender)] + (recipients.first.map { [slug($0)] } ?? [])
        return parts.joined(separator: "-")
    }

    private static func slug(_ id: String) -> String {
        id.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "_")
    }

    // MARK: - Dates

    struct ParsedDate {
        var lower: Day?
        var upper: Day?
        var precision: DatePrecision
    }

    /// The bounds and precision of a CMIF `date` element.
    private static func parsedDate(_ element: DateElement?, sourceName: String) throws -> ParsedDate? {
        guard let element else { return nil }
        func bounds(_ name: String) throws -> (Day, Day, DatePrecision)? {
            guard let value = element.attributes[name] else { return nil }
            guard let parsed = partialDate(value) else {
                throw EpistolaryError(.badData, file: sourceName, line: element.line,
                                      "expected YYYY, YYYY-MM or YYYY-MM-DD in date/@\(name), got \"\(value)\"")
            }
            return parsed
        }
        if let when = try bounds("when") {
            return ParsedDate(lower: when.0, upper: when.1, precision: when.2)
        }
        let from = try bounds("notBefore") ?? bounds("from")
        let to = try bounds("notAfter") ?? bounds("to")
        if from == nil && to == nil { return nil }
        let lower = from?.0, upper = to?.1
        if let lower, let upper, upper < lower {
            throw EpistolaryError(.badData, file: sourceName, line: element.line,
                                  "expected notBefore/from on or before notAfter/to, got \(lower.iso) after \(upper.iso)")
        }
        let precision: DatePrecision = lower != nil && lower == upper ? .day : .range
        return ParsedDate(lower: lower, upper: upper, precision: precision)
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as first day, last day and precision.
    static func partialDate(_ text: String) -> (Day, Day, DatePrecision)? {
        let value = text.trimmingCharacters(in: .whitespaces)
        if let day = Day(iso: value) { return (day, day, .day) }
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return nil }
        if parts.count == 2, parts[0].count == 4, parts[1].count == 2, let y = Int(parts[0]), let m = Int(parts[1]),
           let first = Day(year: y, month: m, day: 1), let last = Day(year: y, month: m, day: Day.daysIn(month: m, year: y)) {
            return (first, last, .month)
        }
        if parts.count == 1, parts[0].count == 4, let y = Int(parts[0]),
           let first = Day(year: y, month: 1, day: 1), let last = Day(year: y, month: 12, day: 31) {
            return (first, last, .year)
        }
        return nil
    }

    // MARK: - Parsing

    struct Name {
        var name: String
        var refs: [String]
        var line: Int
        /// An `orgName`: its id is the whole name, never a "surname".
        var isOrganisation = false
    }

    struct DateElement {
        var attributes: [String: String]
        var line: Int
    }

    struct Record {
        var key: String?
        var startLine: Int
        var endLine: Int
        var sentLine: Int?
        var senders: [Name] = []
        var recipients: [Name] = []
        var sentPlace: Name?
        var sentDate: DateElement?
        var receivedDate: DateElement?
    }

    /// Collects `correspDesc` records while the parser walks the document.
    final class RecordCollector: NSObject, XMLParserDelegate {
        let sourceName: String
        var records: [Record] = []
        var failure: EpistolaryError?
        var sawRoot = false
        private var current: Record?
        private var action: String?
        private var nameStart: (element: String, refs: [String], line: Int)?
        private var text = ""

        init(sourceName: String) {
            self.sourceName = sourceName
        }

        private func fail(_ parser: XMLParser, line: Int, _ message: String) {
            guard failure == nil else { return }
            failure = EpistolaryError(.badData, file: sourceName, line: max(1, line), message)
            parser.abortParsing()
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes: [String: String] = [:]) {
            let line = parser.lineNumber
            if !sawRoot {
                sawRoot = true
                guard elementName == "TEI", namespaceURI == CMIFReader.teiNamespace else {
                    fail(parser, line: line, "expected a CMIF document (root <TEI> in the TEI namespace), found <\(qName ?? elementName)>")
                    return
                }
            }
            guard namespaceURI == CMIFReader.teiNamespace else { return }
            switch elementName {
            case "correspDesc":
                if current != nil {
                    fail(parser, line: line, "expected </correspDesc> before another correspDesc")
                    return
                }
                current = Record(key: attributes["key"], startLine: line, endLine: line)
            case "correspAction" where current != nil:
                guard let type = attributes["type"], type == "sent" || type == "received" else {
                    fail(parser, line: line, "expected correspAction type=\"sent\" or type=\"received\", got \(attributes["type"].map { "type=\"\($0)\"" } ?? "no type")")
                    return
                }
                action = type
                if type == "sent" { current?.sentLine = line }
            case "persName", "orgName", "placeName":
                guard current != nil, action != nil else { return }
                let refs = (attributes["ref"] ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
                nameStart = (elementName, refs, line)
                text = ""
            case "date":
                guard current != nil, let action else { return }
                let element = DateElement(attributes: attributes, line: line)
                if action == "sent" { current?.sentDate = element } else { current?.receivedDate = element }
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if nameStart != nil { text += string }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            guard namespaceURI == CMIFReader.teiNamespace else { return }
            switch elementName {
            case "correspDesc":
                guard var record = current else { return }
                record.endLine = parser.lineNumber
                if record.sentLine == nil {
                    fail(parser, line: record.startLine, "expected a correspAction type=\"sent\" in this correspDesc (CMIF rule E0001)")
                    return
                }
                records.append(record)
                current = nil
            case "correspAction":
                action = nil
            case "persName", "orgName", "placeName":
                guard let start = nameStart, start.element == elementName else { return }
                nameStart = nil
                let name = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                guard !name.isEmpty else {
                    if elementName != "placeName" {
                        fail(parser, line: start.line, "expected a name in <\(elementName)>, found it empty")
                    }
                    return
                }
                let entry = Name(name: name, refs: start.refs, line: start.line, isOrganisation: elementName == "orgName")
                switch (elementName, action) {
                case ("placeName", "sent"): if current?.sentPlace == nil { current?.sentPlace = entry }
                case ("placeName", _): break
                case (_, "sent"): current?.senders.append(entry)
                case (_, "received"): current?.recipients.append(entry)
                default: break
                }
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            guard failure == nil else { return }
            failure = EpistolaryError(.badData, file: sourceName, line: max(1, parser.lineNumber),
                                      "malformed XML: \(CMIFReader.describe(parseError))")
        }
    }
}

extension CMIFReader {
    /// Resolves CMIF names to person ids: by authority URI, then by name, alias or id, and
    /// otherwise adds the person to the table.
    struct PersonResolver {
        private(set) var table: PersonTable
        private var byURI: [String: String] = [:]
        private var byName: [String: String] = [:]

        init(table: PersonTable) {
            self.table = table
            for person in table.people { register(person) }
        }

        mutating func resolve(_ entry: Name) -> String {
            for ref in entry.refs {
                if let id = byURI[Self.normalized(ref)] { return id }
            }
            if let id = byName[entry.name.lowercased()] { return id }
            let person = Person(id: newID(for: entry.name, whole: entry.isOrganisation), name: entry.name, role: "",
                                authorities: Self.authorities(from: entry.refs))
            table.add(person)
            register(person)
            return person.id
        }

        private mutating func register(_ person: Person) {
            for uri in Self.uris(of: person) where byURI[Self.normalized(uri)] == nil {
                byURI[Self.normalized(uri)] = person.id
            }
            for form in [person.id, person.name] + person.aliases where byName[form.lowercased()] == nil {
                byName[form.lowercased()] = person.id
            }
        }

        /// The surname ("Weber, Caroline" -> "Weber"; "Stanisław Mikołajczyk" ->
        /// "Mikołajczyk"), or the whole name when the surname is taken or `whole` is set.
        private func newID(for name: String, whole: Bool) -> String {
            let surname: String
            if whole {
                surname = name
            } else if let comma = name.firstIndex(of: ",") {
                surname = name[..<comma].trimmingCharacters(in: .whitespaces)
            } else {
                surname = name.split(separator: " ").last.map(String.init) ?? name
            }
            for candidate in [surname, name] where !candidate.isEmpty && table[candidate] == nil {
                return candidate
            }
            var n = 2
            while table["\(name) (\(n))"] != nil { n += 1 }
            return "\(name) (\(n))"
        }

        static func uris(of person: Person) -> [String] {
            var uris: [String] = []
            if let q = person.authorities["wikidata"] { uris.append("http://www.wikidata.org/entity/\(q)") }
            if let v = person.authorities["viaf"] { uris.append("http://viaf.org/viaf/\(v)") }
            if let g = person.authorities["gnd"] { uris.append("http://d-nb.info/gnd/\(g)") }
            if let u = person.authorities["uri"] { uris += u.split(separator: " ").map(String.init) }
            return uris
        }

        /// Wikidata, VIAF and GND URIs become their ids; any other URI is kept whole under `uri`.
        static func authorities(from refs: [String]) -> [String: String] {
            var result: [String: String] = [:]
            var others: [String] = []
            for ref in refs {
                let path = normalized(ref)
                if path.hasPrefix("wikidata.org/entity/") {
                    result["wikidata"] = String(path.dropFirst("wikidata.org/entity/".count))
                } else if path.hasPrefix("viaf.org/viaf/") {
                    result["viaf"] = String(path.dropFirst("viaf.org/viaf/".count))
                } else if path.hasPrefix("d-nb.info/gnd/") {
                    result["gnd"] = String(path.dropFirst("d-nb.info/gnd/".count))
                } else {
                    others.append(ref)
                }
            }
            if !others.isEmpty { result["uri"] = others.joined(separator: " ") }
            return result
        }

        /// A URI without scheme, `www.` and trailing slash, Wikidata's `/wiki/` read as `/entity/`,
        /// so that the common spellings of one authority record compare equal.
        static func normalized(_ uri: String) -> String {
            var s = uri.trimmingCharacters(in: .whitespaces)
            for scheme in ["https://", "http://"] where s.lowercased().hasPrefix(scheme) {
                s = String(s.dropFirst(scheme.count))
            }
            if s.lowercased().hasPrefix("www.") { s = String(s.dropFirst(4)) }
            while s.hasSuffix("/") { s.removeLast() }
            if s.hasPrefix("wikidata.org/wiki/") { s = "wikidata.org/entity/" + s.dropFirst("wikidata.org/wiki/".count) }
            return s
        }
    }
}
