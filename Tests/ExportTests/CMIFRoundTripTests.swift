import Analysis
import Correspondence
@testable import Export
import Foundation
import Testing

/// A CMIF file read, exported as CMIF and read again describes the same letters: the round
/// trip is compared at the level of the model (every field the reader fills), not as text.
@Suite struct CMIFRoundTripTests {
    static let edition = ExportFixtures.fixtures.appendingPathComponent("cmif/edition.xml")
    /// Every kind of CMIF file the round trip must keep whole: one edition (GeoNames refs, letter
    /// URLs, received places and dates, an organisation, bounded and doubted dates); every TEI
    /// action type; notes on letters, actions and contexts, with several editions.
    static let fixtures = ["edition.xml", "actions.xml", "notes.xml"]

    static func read(_ name: String) throws -> Corpus {
        let url = ExportFixtures.fixtures.appendingPathComponent("cmif/" + name)
        return try CMIFReader.read(data: try Data(contentsOf: url), sourceName: name, people: PersonTable(people: []))
    }

    /// Everything the model holds about a letter that CMIF carries, as comparable text.
    static func digest(_ corpus: Corpus) -> [String: [String]] {
        var out: [String: [String]] = [:]
        func person(_ id: String) -> String {
            let p = corpus.people[id]
            let refs = p.flatMap { AuthorityPreference.preferred(CMIFWriter.authorityURIs($0)) } ?? "-"
            return "\(p?.name ?? id) [\(p?.kind.rawValue ?? "?")] \(refs)"
        }
        func date(_ d: HistoricalDate?) -> String {
            guard let d else { return "-" }
            let bounds = "\(d.notBefore?.iso ?? "..") \(d.notAfter?.iso ?? "..") \(d.precision.rawValue)"
            let cert = d.certainty == .certain || d.certainty == .high ? "" : " cert"
            return bounds + cert + (d.basis.map { " " + $0 } ?? "")
        }
        for message in corpus.messages {
            var fields = ["kind " + message.kind.rawValue]
            fields.append("senders " + message.senders.map(person).joined(separator: " | "))
            fields.append("recipients " + message.recipients.map(person).joined(separator: " | "))
            fields.append("date " + date(message.date))
            fields.append("place \(message.place ?? "-") \(message.placeRef ?? "-")")
            fields.append("url \(message.url ?? "-")")
            // The source's own id; an id the writer made for a letter without one ("m-...") is
            // read back as the letter's id, which is not a loss.
            fields.append("source id \(message.sourceID.flatMap { $0.hasPrefix("m-") ? nil : $0 } ?? "-")")
            fields.append("edition \(message.edition ?? "-")")
            for action in message.actions {
                fields.append("action \(action.type) \(action.participants.map(person).joined(separator: " | ")) \(action.place ?? "-") \(action.placeRef ?? "-") \(date(action.date))")
            }
            for note in message.sourceNotes {
                fields.append("note \(note.anchor) \(note.type ?? "-") \(note.text)")
            }
            out[message.id] = fields
        }
        return out
    }

    /// The header as comparable text (all but the publication date, which a new export renews).
    static func header(_ corpus: Corpus) -> [String] {
        guard let h = corpus.header else { return [] }
        return ["title \(h.title ?? "-")", "editors " + h.editors.map { "\($0.name) <\($0.email ?? "-")>" }.joined(separator: "; "),
                "publisher \(h.publisher ?? "-")", "idno \(h.idno ?? "-")", "licence \(h.licence ?? "-") \(h.licenceTarget ?? "-")"]
            + h.bibls.map { "bibl \($0.id ?? "-") \($0.type ?? "-") \($0.text) \($0.target ?? "-")" }
    }

    /// The CMIF of `corpus` as the command line writes it (`Exporter`), read back.
    static func roundTrip(_ corpus: Corpus) throws -> (text: String, back: Corpus) {
        let analysis = CorpusAnalysis(corpus: corpus, lexicon: try TopicLexicon.bundled())
        let text = Exporter(published: "2026-01-01").files(.cmif, analysis: analysis)[0].text
        return (text, try CMIFReader.read(data: Data(text.utf8), sourceName: "again.xml", people: PersonTable(people: [])))
    }

    @Test(arguments: fixtures)
    func anImportedCMIFExportedAndReadAgainIsTheSameModel(_ name: String) throws {
        let imported = try Self.read(name)
        let (text, again) = try Self.roundTrip(imported)
        let lint = try ExternalTool.xmllint(try ExternalTool.temporaryFile(text, name: "a.xml"), schema: "cmif/cmi-customization.rng")
        #expect(lint.status == 0, "\(lint.output)")
        let problems = try CMIFRules.problems(text)
        #expect(problems.isEmpty, "\(problems)")
        let before = Self.digest(imported), after = Self.digest(again)
        #expect(!before.isEmpty)
        #expect(Set(before.keys) == Set(after.keys))
        for (id, fields) in before { #expect(after[id] == fields, "\(id)") }
        #expect(!Self.header(imported).isEmpty)
        #expect(Self.header(again) == Self.header(imported))
        // The export of the re-read file is the export of the first, byte for byte.
        #expect(try Self.roundTrip(again).text == text)
    }

    /// The fixture's notes and actions are all in the model (so the diff above compares them),
    /// each where the source put it.
    @Test func notesAndOtherActionsAreReadWhereTheSourcePutThem() throws {
        let corpus = try Self.read("notes.xml")
        let first = try #require(corpus.messages.first { $0.sourceID == "N1" })
        #expect(first.sourceNotes == [
            SourceNote(text: "Dated from the postmark.", anchor: .action("sent")),
            SourceNote(text: "Stamped on arrival.", type: "receipt", anchor: .action("received")),
            SourceNote(text: "By hand.", anchor: .action("transmitted")),
            SourceNote(text: "Only the envelope survives; Planck kept the letter.", anchor: .letter),
            SourceNote(text: "Draft in the Einstein Archives.", type: "editorial", anchor: .letter),
            SourceNote(text: "Answered by letter 2.", anchor: .context),
        ])
        #expect(first.actions.map(\.type) == ["received", "transmitted", "forwarded"])
        let forwarded = try #require(first.actions.last)
        #expect(forwarded.date?.notBefore?.iso == "1915-11-20" && forwarded.date?.notAfter == nil)
        #expect(first.date.basis == "conjecture")
        // The source's own xml:id is the exported letter's xml:id (read back as its id).
        #expect(corpus.messages.contains { $0.sourceID == "brief-2" })
        #expect(try Self.roundTrip(corpus).text.contains("xml:id=\"brief-2\""))
        let unaddressed = try #require(corpus.messages.first { $0.sourceID == "N3" })
        #expect(unaddressed.sourceNotes == [SourceNote(text: "The addressee is not known.", anchor: .action("received"))])
        #expect(!unaddressed.notes.isEmpty, "the reader's own diagnostic")
    }

    /// What the reader noticed is Epistolary's, not the source's: it never enters the CMIF, and
    /// no stand-in name is written for a person the source does not name; what Epistolary
    /// does write is typed `generated`.
    @Test func readerDiagnosticsStayOutOfTheExport() throws {
        for name in ["notes.xml", "missing-people.xml"] {
            let corpus = try Self.read(name)
            let diagnostics = Set(corpus.messages.flatMap(\.notes))
            #expect(!diagnostics.isEmpty)
            let (text, again) = try Self.roundTrip(corpus)
            for diagnostic in diagnostics { #expect(!text.contains(diagnostic), "\(diagnostic)") }
            #expect(!text.contains(Person.unnamed))
            let lint = try ExternalTool.xmllint(try ExternalTool.temporaryFile(text, name: "a.xml"), schema: "cmif/cmi-customization.rng")
            #expect(lint.status == 0, "\(lint.output)")
            let problems = try CMIFRules.problems(text)
        #expect(problems.isEmpty, "\(problems)")
            // A generated note read back is not written twice.
            #expect(try Self.roundTrip(again).text == text)
        }
        let (text, _) = try Self.roundTrip(try Self.read("missing-people.xml"))
        #expect(text.contains("<note type=\"generated\">The source names no writer.</note>"))
    }

    @Test func theHostileCorpusSurvivesTwoRoundTrips() throws {
        let (_, imported) = try Self.roundTrip(ExportFixtures.hostileCorpus())
        let (_, again) = try Self.roundTrip(imported)
        let before = Self.digest(imported), after = Self.digest(again)
        #expect(before.count == ExportFixtures.hostileCorpus().messages.count)
        for (id, fields) in before { #expect(after[id] == fields, "\(id)") }
    }
}
