import Analysis
import Correspondence
@testable import Export
import Foundation
import Testing

/// A CMIF file read, exported as CMIF and read again describes the same letters: the round
/// trip is compared at the level of the model (every field the reader fills), not as text.
@Suite struct CMIFRoundTripTests {
    /// Everything the model holds about a letter that CMIF carries, as comparable text.
    static func digest(_ corpus: Corpus) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for message in corpus.messages {
            func person(_ id: String) -> String {
                let p = corpus.people[id]
                return (p?.name ?? id) + " " + (p.map { CMIFWriter.authorityURIs($0).joined(separator: " ") } ?? "")
            }
            out[message.id] = [
                "kind " + message.kind.rawValue,
                "sender " + person(message.sender),
                "recipients " + message.recipients.map(person).joined(separator: " | "),
                "date \(message.date.notBefore.iso) \(message.date.notAfter.iso) \(message.date.precision.rawValue)",
                "place " + (message.place ?? "-"),
            ]
        }
        return out
    }

    /// The CMIF of `corpus` as the command line writes it (`Exporter`), read back.
    static func roundTrip(_ corpus: Corpus) throws -> (text: String, back: Corpus) {
        let analysis = CorpusAnalysis(corpus: corpus, lexicon: try TopicLexicon.bundled())
        let text = Exporter(published: "2026-01-01").files(.cmif, analysis: analysis)[0].text
        return (text, try CMIFReader.read(data: Data(text.utf8), sourceName: "again.xml", people: PersonTable(people: [])))
    }

    @Test func anImportedCMIFExportedAndReadAgainIsTheSameModel() throws {
        // The imported CMIF: the hostile corpus written once and read, as a user's file would be.
        let (first, imported) = try Self.roundTrip(ExportFixtures.hostileCorpus())
        let lint = try ExternalTool.xmllint(try ExternalTool.temporaryFile(first, name: "a.xml"), schema: "cmif/cmi-customization.rng")
        #expect(lint.status == 0, "\(lint.output)")
        let (second, again) = try Self.roundTrip(imported)
        let lint2 = try ExternalTool.xmllint(try ExternalTool.temporaryFile(second, name: "b.xml"), schema: "cmif/cmi-customization.rng")
        #expect(lint2.status == 0, "\(lint2.output)")
        let before = Self.digest(imported), after = Self.digest(again)
        #expect(before.count == ExportFixtures.hostileCorpus().messages.count)
        #expect(Set(before.keys) == Set(after.keys))
        for (id, fields) in before { #expect(after[id] == fields, "\(id)") }
        // And the letters of the second export are those of the first, byte for byte.
        func letters(_ text: String) -> String {
            let body = text[(text.range(of: "<profileDesc>")?.lowerBound ?? text.startIndex)...]
            return String(body).replacingOccurrences(of: "source=\"#[^\"]*\"", with: "source", options: .regularExpression)
        }
        #expect(letters(first) == letters(second))
    }
}
