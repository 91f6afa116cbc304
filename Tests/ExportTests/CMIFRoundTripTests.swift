import Analysis
import Correspondence
@testable import Export
import Foundation
import Testing

/// A CMIF file read, exported as CMIF and read again describes the same letters: the round
/// trip is compared at the level of the model (every field the reader fills), not as text.
@Suite struct CMIFRoundTripTests {
    static let edition = ExportFixtures.fixtures.appendingPathComponent("cmif/edition.xml")

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
            fields.append("edition \(message.edition ?? "-")")
            for action in message.actions {
                fields.append("action \(action.type) \(action.participants.map(person).joined(separator: " | ")) \(action.place ?? "-") \(action.placeRef ?? "-") \(date(action.date))")
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

    @Test func anImportedCMIFExportedAndReadAgainIsTheSameModel() throws {
        let imported = try CMIFReader.read(data: try Data(contentsOf: Self.edition), sourceName: "edition.xml", people: PersonTable(people: []))
        let (text, again) = try Self.roundTrip(imported)
        let lint = try ExternalTool.xmllint(try ExternalTool.temporaryFile(text, name: "a.xml"), schema: "cmif/cmi-customization.rng")
        #expect(lint.status == 0, "\(lint.output)")
        let before = Self.digest(imported), after = Self.digest(again)
        #expect(before.count == 3)
        #expect(Set(before.keys) == Set(after.keys))
        for (id, fields) in before { #expect(after[id] == fields, "\(id)") }
        #expect(!Self.header(imported).isEmpty)
        #expect(Self.header(again) == Self.header(imported))
        // The export of the re-read file is the export of the first, byte for byte.
        #expect(try Self.roundTrip(again).text == text)
    }

    @Test func theHostileCorpusSurvivesTwoRoundTrips() throws {
        let (_, imported) = try Self.roundTrip(ExportFixtures.hostileCorpus())
        let (_, again) = try Self.roundTrip(imported)
        let before = Self.digest(imported), after = Self.digest(again)
        #expect(before.count == ExportFixtures.hostileCorpus().messages.count)
        for (id, fields) in before { #expect(after[id] == fields, "\(id)") }
    }
}
