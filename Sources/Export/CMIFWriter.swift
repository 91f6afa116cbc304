import Analysis
import Correspondence
import Foundation

/// Writes a corpus as CMIF (the TEI `correspDesc` profile correspSearch harvests): one
/// `correspDesc` per letter with its sent and received actions (`persName` with one authority
/// URI, `placeName` with its GeoNames URI, `date` as `@when` or `@notBefore`/`@notAfter`),
/// reply links as `correspContext`, and a header fit for harvesting (see `Header`).
///
/// The output is valid against the CMIF RELAX NG schema and obeys its Schematron rules (both
/// actions present, `@source` points to a `bibl`, every date dated, no `@cert` on dates).
///
/// What CMIF cannot say is said where it can be:
/// - a letter without an addressee has a received action holding only a `note` (no person is
///   invented);
/// - letters known only from citations (`InferredMessage`) are described as letters of their
///   own, each with a `note` saying that it is not extant and where it is cited, and linked to
///   the letters citing them by `correspContext` refs;
/// - fragments (text without a header: no writer, no addressee) cannot be a `correspDesc`: the
///   file's `text/body` says how many were left out and lists their ids, and `omitted` returns
///   them for the command line to report.
public struct CMIFWriter: Sendable {
    /// One `editor` of the file: who to contact about it.
    public struct Editor: Sendable, Hashable {
        public var name: String
        public var email: String?

        public init(name: String, email: String? = nil) {
            self.name = name
            self.email = email
        }
    }

    /// One `bibl` of the `sourceDesc`: an edition the letters come from.
    public struct Bibl: Sendable, Hashable {
        /// The `xml:id` that `correspDesc/@source` points to.
        public var id: String
        /// `print`, `online` or `hybrid`.
        public var type: String
        public var text: String
        /// The edition's URL, written as a `ref` inside the bibl.
        public var target: String?

        public init(id: String, type: String, text: String, target: String? = nil) {
            self.id = id
            self.type = type
            self.text = text
            self.target = target
        }
    }

    /// The file-level description CMIF requires and correspSearch reads: the file's URL
    /// (`idno`), its publication date (a corrected file must be newer), editors with an email,
    /// the licence, and each edition as a `bibl` with an id.
    public struct Header: Sendable, Hashable {
        public var title: String
        public var editors: [Editor]
        public var publisher: String
        /// The URL the file is published at (or, without one, a URN from the corpus hash).
        public var idno: String
        /// `YYYY-MM-DD`: when this file was published (never a letter's date).
        public var published: String
        public var licence: String
        public var licenceTarget: String
        /// The editions; the first is the one letters without their own point to.
        public var bibls: [Bibl]

        public init(title: String, editors: [Editor], publisher: String, idno: String, published: String,
                    licence: String = CMIFWriter.licenceText, licenceTarget: String = CMIFWriter.licenceURL, bibls: [Bibl]) {
            self.title = title
            self.editors = editors
            self.publisher = publisher
            self.idno = idno
            self.published = published
            self.licence = licence
            self.licenceTarget = licenceTarget
            self.bibls = bibls
        }

        /// The corpus's own header when it has one (a CMIF read again keeps its title, editors,
        /// publisher, idno, licence and editions), otherwise one from its name and hash; published
        /// on `published` either way (a re-export is a new version).
        public static func derived(from corpus: Corpus, published: String) -> Header {
            var header = fromCorpus(corpus, published: published)
            guard let own = corpus.header else { return header }
            if let title = own.title, !title.isEmpty { header.title = title }
            let editors = own.editors.filter { !$0.name.isEmpty }.map { Editor(name: $0.name, email: $0.email) }
            if !editors.isEmpty { header.editors = editors }
            if let publisher = own.publisher, !publisher.isEmpty { header.publisher = publisher }
            if let idno = own.idno, !idno.isEmpty { header.idno = idno }
            if let licence = own.licence, !licence.isEmpty { header.licence = licence }
            if let target = own.licenceTarget, !target.isEmpty { header.licenceTarget = target }
            if !own.bibls.isEmpty {
                header.bibls = own.bibls.enumerated().map { index, bibl in
                    Bibl(id: bibl.id ?? CMIFWriter.biblID("\(corpus.sourceHash):\(index):\(bibl.text)"),
                         type: bibl.type ?? "print", text: bibl.text, target: bibl.target)
                }
            }
            return header
        }

        private static func fromCorpus(_ corpus: Corpus, published: String) -> Header {
            Header(title: "Correspondence index of \(corpus.sourceName)",
                   editors: [Editor(name: "Generated by Epistolary from \(corpus.sourceName)")],
                   publisher: "Epistolary",
                   idno: "urn:sha256:\(corpus.sourceHash.isEmpty ? SHA256.hex(Array(corpus.sourceName.utf8)) : corpus.sourceHash)",
                   published: published,
                   bibls: [Bibl(id: CMIFWriter.biblID("\(corpus.sourceHash):\(corpus.sourceName)"), type: "print",
                                text: corpus.sourceName)])
        }
    }

    /// What CMIF's `correspContext` says about one letter.
    public struct Context: Sendable, Hashable {
        /// Ids of letters (held or known by citation) this one answers.
        public var replyTo: [String]
        /// Ids of letters answering this one.
        public var repliedBy: [String]
        /// Sentences about related letters.
        public var notes: [String]

        public init(replyTo: [String] = [], repliedBy: [String] = [], notes: [String] = []) {
            self.replyTo = replyTo
            self.repliedBy = repliedBy
            self.notes = notes
        }

        public var isEmpty: Bool { replyTo.isEmpty && repliedBy.isEmpty && notes.isEmpty }
    }

    public static let licenceURL = "https://creativecommons.org/licenses/by/4.0/"
    public static let licenceText = "This file is licensed under the terms of the Creative Commons License CC-BY 4.0"

    /// Places by name: their GeoNames URIs go into `placeName/@ref`.
    public var places: PlaceTable

    public init(places: PlaceTable = PlaceTable()) {
        self.places = places
    }

    /// The messages that CMIF can describe: those with a writer.
    public static func describable(_ corpus: Corpus) -> [Message] {
        corpus.messages.filter { $0.kind == .message && !$0.sender.isEmpty }
    }

    /// The entries CMIF cannot describe (fragments: no writer), left out of the file.
    public static func omitted(_ corpus: Corpus) -> [Message] {
        corpus.messages.filter { !($0.kind == .message && !$0.sender.isEmpty) }
    }

    /// - Parameters:
    ///   - inferred: letters known only from citations, described with a note each.
    ///   - context: `correspContext` by message or inferred-letter id.
    /// - Complexity: O(messages + inferred) plus their context.
    public func write(corpus: Corpus, context: [String: Context] = [:], header: Header? = nil,
                      inferred: [InferredMessage] = []) -> String {
        let header = header ?? .derived(from: corpus, published: "1970-01-01")
        let messages = Self.describable(corpus)
        var xmlIDs: [String: String] = [:]
        var used = Set<String>()
        func assign(_ id: String, prefix: String) {
            let base = XMLMarkup.ncName(id, prefix: prefix)
            var candidate = base, n = 1
            while used.contains(candidate) { n += 1; candidate = base + "-\(n)" }
            used.insert(candidate)
            xmlIDs[id] = candidate
        }
        for message in messages { assign(message.id, prefix: "m-") }
        for letter in inferred { assign(letter.id, prefix: "i-") }
        let defaultBibl = header.bibls.first?.id ?? Self.biblID(corpus.sourceName)
        let biblIDs = Set(header.bibls.map(\.id))

        var xml = XMLMarkup()
        xml.open("TEI", [("xmlns", "http://www.tei-c.org/ns/1.0")])
        xml.open("teiHeader")
        xml.open("fileDesc")
        xml.open("titleStmt")
        xml.element("title", text: header.title)
        for editor in header.editors {
            if let email = editor.email {
                xml.mixed("editor", text: editor.name + " ", child: "email", childText: email)
            } else {
                xml.element("editor", text: editor.name)
            }
        }
        xml.close()
        xml.open("publicationStmt")
        xml.element("publisher", text: header.publisher)
        xml.element("idno", [("type", "url")], text: header.idno)
        xml.empty("date", [("when", header.published)])
        xml.open("availability")
        xml.element("licence", [("target", header.licenceTarget)], text: header.licence)
        xml.close()
        xml.close()
        xml.open("sourceDesc")
        for bibl in header.bibls {
            if let target = bibl.target {
                // A bibl read from CMIF has its ref's text at the end of its own: written once.
                let text = bibl.text.hasSuffix(target) ? String(bibl.text.dropLast(target.count)) : bibl.text + " "
                xml.mixed("bibl", [("type", bibl.type), ("xml:id", bibl.id)], text: text, child: "ref",
                          childAttributes: [("target", target)], childText: target)
            } else {
                xml.element("bibl", [("type", bibl.type), ("xml:id", bibl.id)], text: bibl.text)
            }
        }
        xml.close()
        xml.close()

        xml.open("profileDesc")
        for message in messages {
            let edition = message.edition.map { $0.hasPrefix("#") ? String($0.dropFirst()) : $0 }
            var attributes: [XMLMarkup.Attribute] = [("key", message.id), ("xml:id", xmlIDs[message.id] ?? message.id)]
            if let url = message.url, !url.isEmpty, !url.contains(where: \.isWhitespace) { attributes.append(("ref", url)) }
            attributes.append(("source", "#" + (edition.flatMap { biblIDs.contains($0) ? $0 : nil } ?? defaultBibl)))
            xml.open("correspDesc", attributes)
            xml.open("correspAction", [("type", "sent")])
            for sender in message.senders where !sender.isEmpty { writePerson(sender, corpus: corpus, into: &xml) }
            writePlace(message.place, ref: message.placeRef, into: &xml)
            writeDate(message.date, into: &xml)
            xml.close()
            let received = message.actions.first { $0.type == "received" }
            xml.open("correspAction", [("type", "received")])
            for recipient in message.recipients { writePerson(recipient, corpus: corpus, into: &xml) }
            writePlace(received?.place, ref: received?.placeRef, into: &xml)
            if let date = received?.date { writeDate(date, into: &xml) }
            if message.recipients.isEmpty && received?.place == nil && received?.date?.isDated != true {
                xml.element("note", text: "The source names no addressee.")
            }
            xml.close()
            // CMIF knows only sent and received: any other action is said in a note.
            for action in message.actions where action.type != "received" && action.type != "sent" {
                xml.element("note", text: Self.actionNote(action, people: corpus.people))
            }
            writeContext(context[message.id], xmlIDs: xmlIDs, into: &xml)
            xml.close()
        }
        for letter in inferred {
            xml.open("correspDesc", [("key", letter.id), ("xml:id", xmlIDs[letter.id] ?? letter.id), ("source", "#" + defaultBibl)])
            xml.open("correspAction", [("type", "sent")])
            writePerson(letter.sender, corpus: corpus, into: &xml)
            writeDate(letter.date, into: &xml)
            xml.close()
            xml.open("correspAction", [("type", "received")])
            writePerson(letter.recipient, corpus: corpus, into: &xml)
            xml.close()
            xml.element("note", text: Self.lostLetterNote(letter))
            writeContext(context[letter.id], xmlIDs: xmlIDs, into: &xml)
            xml.close()
        }
        xml.close()
        xml.close()
        xml.open("text")
        xml.open("body")
        let left = Self.omitted(corpus)
        if left.isEmpty {
            xml.empty("p")
        } else {
            let what = left.count == 1 ? "1 entry" : "\(left.count) entries"
            xml.element("p", text: "\(what) of \(corpus.sourceName) without a writer (fragments) could not be described as letters and are not listed: "
                        + left.map(\.id).joined(separator: ", ") + ".")
        }
        xml.close()
        xml.close()
        return xml.finish()
    }

    private func writeContext(_ context: Context?, xmlIDs: [String: String], into xml: inout XMLMarkup) {
        guard let context, !context.isEmpty else { return }
        let replyTo = context.replyTo.compactMap { xmlIDs[$0] }, repliedBy = context.repliedBy.compactMap { xmlIDs[$0] }
        guard !replyTo.isEmpty || !repliedBy.isEmpty || !context.notes.isEmpty else { return }
        xml.open("correspContext")
        for target in replyTo { xml.empty("ref", [("type", "replyTo"), ("target", "#" + target)]) }
        for target in repliedBy { xml.empty("ref", [("type", "repliedBy"), ("target", "#" + target)]) }
        for note in context.notes { xml.element("note", text: note) }
        xml.close()
    }

    /// `persName`, or `orgName` for an organisation, with the one preferred authority URI as
    /// the source wrote it; a placeholder for someone unknown keeps its name and no ref.
    private func writePerson(_ id: String, corpus: Corpus, into xml: inout XMLMarkup) {
        let person = corpus.people[id]
        var attributes: [XMLMarkup.Attribute] = []
        if let person, !person.unidentified, let ref = AuthorityPreference.preferred(Self.authorityURIs(person)) {
            attributes.append(("ref", ref))
        }
        xml.element(person?.kind == .organisation ? "orgName" : "persName", attributes, text: person?.name ?? id)
    }

    /// `date` with its bounds, `@cert="low"` when the source doubts it and `@evidence=
    /// "conjecture"` when it was worked out (the only values CMIF allows); nothing when undated
    /// (CMIF requires a dating attribute on every `date`).
    private func writeDate(_ date: HistoricalDate, into xml: inout XMLMarkup) {
        guard date.isDated else { return }
        var attributes = Self.dateAttributes(date)
        switch date.certainty {
        case .certain, .high: break
        default: attributes.append(("cert", "low"))
        }
        if date.basis == "conjecture" { attributes.append(("evidence", "conjecture")) }
        xml.empty("date", attributes)
    }

    private func writePlace(_ name: String?, ref: String?, into xml: inout XMLMarkup) {
        guard let name else { return }
        var attributes: [XMLMarkup.Attribute] = []
        if let uri = ref ?? places[name]?.geonames { attributes.append(("ref", uri)) }
        xml.element("placeName", attributes, text: name)
    }

    /// Every authority URI of a person, as the source wrote them (`Person.authorityURIs`).
    public static func authorityURIs(_ person: Person) -> [String] {
        person.authorityURIs
    }

    /// A sentence for a `correspAction` CMIF cannot hold ("transmitted by ... at ... on ...").
    static func actionNote(_ action: CorrespAction, people: PersonTable) -> String {
        var words = action.type.prefix(1).uppercased() + action.type.dropFirst()
        if !action.participants.isEmpty { words += " by " + action.participants.map { people.name(of: $0) }.joined(separator: ", ") }
        if let place = action.place { words += " at " + place }
        if let date = action.date, date.isDated { words += ", " + TimelineJSWriter.wording(date) }
        return words + "."
    }

    /// The note of a letter known only from citations.
    static func lostLetterNote(_ letter: InferredMessage) -> String {
        let cited = letter.citations.map { "\($0.messageID) (line \($0.line): \"\($0.phrase)\")" }
        return "Not extant: known only from citation in " + (cited.isEmpty ? letter.citedBy.joined(separator: ", ") : cited.joined(separator: "; "))
            + (letter.senderIsGuessed ? "; the writer is the first addressee of the citing letter, a best guess." : ".")
    }

    /// `@when` for a known day, month (`YYYY-MM`) or year (`YYYY`), as the precision says; otherwise `@notBefore` and
    /// `@notAfter`. Never `@cert`, which CMIF does not allow on dates.
    /// An open bound stays open (only the known one is written); an undated date has no attributes.
    public static func dateAttributes(_ date: HistoricalDate) -> [XMLMarkup.Attribute] {
        guard let (a, b) = date.closedBounds else {
            return [date.notBefore.map { ("notBefore", $0.iso) }, date.notAfter.map { ("notAfter", $0.iso) }].compactMap { $0 }
        }
        if a == b { return [("when", a.iso)] }
        if date.precision == .month && TimelineJSWriter.coversMonth(date) { return [("when", a.isoMonth)] }
        if date.precision == .year && TimelineJSWriter.coversYear(date) { return [("when", a.isoYear)] }
        return [("notBefore", a.iso), ("notAfter", b.iso)]
    }

    /// A UUID-shaped `xml:id` for a `bibl`, derived from `seed` (stable across runs, as CMIF
    /// asks) and starting with a letter, as `xml:id` requires.
    public static func biblID(_ seed: String) -> String {
        var hex = Array(SHA256.hex(Array("cmif-bibl:\(seed)".utf8)).prefix(32))
        if let first = hex.first, first.isNumber, let digit = first.wholeNumberValue {
            hex[0] = Array("abcdef")[digit % 6]
        }
        let s = String(hex)
        func part(_ from: Int, _ length: Int) -> String {
            String(s[s.index(s.startIndex, offsetBy: from)..<s.index(s.startIndex, offsetBy: from + length)])
        }
        return "\(part(0, 8))-\(part(8, 4))-\(part(12, 4))-\(part(16, 4))-\(part(20, 12))"
    }
}

extension CMIFWriter.Context {
    /// The `correspContext` of every letter from the analysis's reply links: a letter answering
    /// another (`answers`, `in_reply_to`) gets `replyTo`, the answered one `repliedBy`, whether
    /// each is held or known by citation (both are described in the file).
    public static func from(_ analysis: CorpusAnalysis) -> [String: CMIFWriter.Context] {
        var result: [String: CMIFWriter.Context] = [:]
        for link in analysis.links where link.kind == .answers || link.kind == .inReplyTo {
            let known = { (id: String) in analysis.message(id: id) != nil || analysis.inferredMessage(id: id) != nil }
            guard known(link.from), known(link.to) else { continue }
            result[link.from, default: .init()].replyTo.append(link.to)
            result[link.to, default: .init()].repliedBy.append(link.from)
        }
        return result
    }
}

/// The publication date of an export: the one given (`--published`), else the day of
/// `SOURCE_DATE_EPOCH` (reproducible builds' convention), else today: never a letter's date,
/// so a corrected file is newer than the one it replaces, and fixed bytes under a fixed value.
public enum PublicationDate {
    /// - Parameters:
    ///   - given: `YYYY-MM-DD`, checked.
    ///   - environment: where `SOURCE_DATE_EPOCH` is looked up.
    ///   - now: seconds since 1970 (UTC), for the export date.
    public static func resolve(given: String?, environment: [String: String], now: Double) throws -> String {
        if let given {
            guard given.count == 10, let day = Day(iso: given), day.iso == given else {
                throw EpistolaryError(.badUsage, "--published \"\(given)\" is not a date; write YYYY-MM-DD")
            }
            return day.iso
        }
        if let epoch = environment["SOURCE_DATE_EPOCH"] {
            guard let seconds = Int(epoch.trimmingCharacters(in: .whitespaces)), seconds >= 0 else {
                throw EpistolaryError(.badUsage, "SOURCE_DATE_EPOCH \"\(epoch)\" is not a number of seconds since 1970")
            }
            return day(secondsSince1970: seconds)
        }
        return day(secondsSince1970: Int(now))
    }

    /// `resolve` with no date given, this process's environment and clock; a malformed
    /// `SOURCE_DATE_EPOCH` counts as unset here (the command line reports it).
    public static func resolveFromEnvironment() -> String {
        let environment = ProcessInfo.processInfo.environment
        let now = Date().timeIntervalSince1970
        return (try? resolve(given: nil, environment: environment, now: now))
            ?? (try? resolve(given: nil, environment: [:], now: now)) ?? "1970-01-01"
    }

    /// The UTC day of a Unix time, `YYYY-MM-DD`.
    static func day(secondsSince1970 seconds: Int) -> String {
        let epoch = Day(year: 1970, month: 1, day: 1)!.ordinal
        return Day(ordinal: epoch + seconds / 86_400).iso
    }
}
