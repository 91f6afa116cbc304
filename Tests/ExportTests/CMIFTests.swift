import Correspondence
@testable import Export
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// CMIF export: valid against the RELAX NG schema, obeying the Schematron rules xmllint cannot
/// run, and read back by `CMIFReader` into the same catalogue.
@Suite struct CMIFTests {
    let corpus = ExportFixtures.hostileCorpus()

    var context: [String: CMIFWriter.Context] {
        let ids = corpus.messages.map(\.id)
        return [
            ids[2]: CMIFWriter.Context(replyTo: [ids[0]]),
            ids[0]: CMIFWriter.Context(repliedBy: [ids[2]], notes: ["Answers a message of 12 July 1942 known only by citation."]),
        ]
    }

    @Test func cmifIsValidAgainstTheRelaxNGSchema() throws {
        let path = try ExternalTool.temporaryFile(CMIFWriter().write(corpus: corpus, context: context), name: "cmif.xml")
        let result = try ExternalTool.xmllint(path, schema: "cmif/cmi-customization.rng")
        #expect(result.status == 0, "\(result.output)")
    }

    /// The rules of `cmif.sch` (XSLT2 Schematron, which xmllint cannot run), checked by XPath.
    @Test func cmifObeysTheSchematronRules() throws {
        let text = CMIFWriter().write(corpus: corpus, context: context)
        let document = try XMLDocument(data: Data(text.utf8))
        func nodes(_ path: String, in node: XMLNode? = nil) throws -> [XMLNode] {
            try (node ?? document).nodes(forXPath: path)
        }
        let descs = try nodes("//*[local-name()='correspDesc']")
        #expect(descs.count == corpus.messages.count)
        let biblIDs = Set(try nodes("//*[local-name()='bibl']/@*[local-name()='id']").compactMap(\.stringValue))
        #expect(biblIDs.count == 1)
        // W0001: the bibl id is a UUID (and starts with a letter, as xml:id requires).
        let uuid = try #require(biblIDs.first)
        #expect(uuid.range(of: "^[a-f][0-9a-f]{7}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", options: .regularExpression) != nil)
        for desc in descs {
            // E0001, E0002: both actions present.
            #expect(try nodes("*[local-name()='correspAction'][@type='sent']", in: desc).count == 1)
            #expect(try nodes("*[local-name()='correspAction'][@type='received']", in: desc).count == 1)
            // E0003: @source points to the bibl.
            let source = try nodes("@source", in: desc).first?.stringValue ?? ""
            #expect(source.hasPrefix("#") && biblIDs.contains(String(source.dropFirst())))
        }
        // E0004: every date has a dating attribute; no @cert on dates.
        for date in try nodes("//*[local-name()='date']") {
            let attributes = try nodes("@*", in: date).compactMap(\.name)
            #expect(!Set(attributes).isDisjoint(with: ["when", "from", "to", "notBefore", "notAfter"]))
            #expect(!attributes.contains("cert"))
        }
        // Reply links point at correspDesc ids of the file.
        let xmlIDs = Set(try nodes("//*[local-name()='correspDesc']/@*[local-name()='id']").compactMap(\.stringValue))
        let targets = try nodes("//*[local-name()='correspContext']/*[local-name()='ref']/@target").compactMap(\.stringValue)
        #expect(targets.count == 2)
        #expect(targets.allSatisfy { $0.hasPrefix("#") && xmlIDs.contains(String($0.dropFirst())) })
        #expect(try nodes("//*[local-name()='ref'][@type='replyTo']").count == 1)
        #expect(try nodes("//*[local-name()='ref'][@type='repliedBy']").count == 1)
    }

    @Test func cmifHeaderIsFixedByTheCorpus() throws {
        let text = CMIFWriter().write(corpus: corpus)
        // The publication date is the latest date of the corpus, never today.
        #expect(text.contains("<date when=\"1943-12-31\"/>"))
        #expect(text.contains("<licence target=\"https://creativecommons.org/licenses/by/4.0/\">"))
        #expect(text == CMIFWriter().write(corpus: ExportFixtures.hostileCorpus()))
    }

    @Test func cmifDatesFollowThePrecision() {
        let text = CMIFWriter().write(corpus: corpus)
        #expect(text.contains("<date when=\"1942-07-18\"/>"))
        #expect(text.contains("<date when=\"1942-07\"/>"))
        #expect(text.contains("<date when=\"1943\"/>"))
        #expect(text.contains("<date notBefore=\"1942-07-29\" notAfter=\"1942-08-06\"/>"))
        #expect(text.contains("ref=\"http://www.wikidata.org/entity/Q298224 http://viaf.org/viaf/59878007\""))
    }

    @Test func cmifReadsBackIntoTheSameCatalogue() throws {
        let text = CMIFWriter().write(corpus: corpus, context: context)
        let read = try CMIFReader.read(data: Data(text.utf8), sourceName: "export.xml", people: corpus.people)
        try #require(read.messages.count == corpus.messages.count)
        for (original, back) in zip(corpus.messages, read.messages) {
            #expect(back.id == original.id)
            #expect(back.sender == original.sender)
            #expect(back.recipients == original.recipients)
            #expect(back.date.notBefore == original.date.notBefore)
            #expect(back.date.notAfter == original.date.notAfter)
            #expect(back.date.precision == original.date.precision)
            #expect(back.place == original.place)
        }
    }

    @Test func cmifReadsBackWithoutAPersonTable() throws {
        // Without the table, people are recognised by their authority URIs or names (the one
        // identity rule, PersonResolver) and get ids from their names; the names survive, and
        // the authority URIs byte for byte.
        let text = CMIFWriter().write(corpus: corpus)
        let read = try CMIFReader.read(data: Data(text.utf8), sourceName: "export.xml", people: PersonTable(people: []))
        let names = Set(read.messages.map { read.people.name(of: $0.sender) })
        #expect(names == Set(corpus.messages.map { corpus.people.name(of: $0.sender) }))
        let mik = try #require(read.people.people.first { $0.name == "Stanisław Mikołajczyk" })
        #expect(mik.id.hasPrefix("stanislaw-mikolajczyk"))
        #expect(Set(mik.refs) == ["http://www.wikidata.org/entity/Q298224", "http://viaf.org/viaf/59878007"])
        let obrien = try #require(read.people.people.first { $0.name == "Mr \"O'Brien\" & <Sons>" })
        #expect(obrien.refs == ["https://example.org/people/o-brien?a=1&b=2"])
    }
}
