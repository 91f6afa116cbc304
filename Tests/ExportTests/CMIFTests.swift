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

    @Test func cmifHeaderIsPublishedOnTheGivenDayNeverALettersDate() throws {
        let header = CMIFWriter.header(for: corpus, published: "2026-03-01")
        let text = CMIFWriter().write(corpus: corpus, header: header)
        #expect(text.contains("<date when=\"2026-03-01\"/>"))
        #expect(!text.contains("<date when=\"1943-12-31\"/>"))
        #expect(text.contains("<licence target=\"https://creativecommons.org/licenses/by/4.0/\">"))
        #expect(text == CMIFWriter().write(corpus: ExportFixtures.hostileCorpus(), header: header))
        // --published, else SOURCE_DATE_EPOCH, else the clock.
        #expect(try PublicationDate.resolve(given: "2025-02-28", environment: ["SOURCE_DATE_EPOCH": "0"], now: 0) == "2025-02-28")
        #expect(try PublicationDate.resolve(given: nil, environment: ["SOURCE_DATE_EPOCH": "1700000000"], now: 0) == "2023-11-14")
        #expect(try PublicationDate.resolve(given: nil, environment: [:], now: 86_400 * 365) == "1971-01-01")
        #expect(throws: EpistolaryError.self) { try PublicationDate.resolve(given: "2025-02-30", environment: [:], now: 0) }
        #expect(throws: EpistolaryError.self) { try PublicationDate.resolve(given: "2025-2-3", environment: [:], now: 0) }
        #expect(throws: EpistolaryError.self) { try PublicationDate.resolve(given: nil, environment: ["SOURCE_DATE_EPOCH": "soon"], now: 0) }
    }

    @Test func headerCarriesEditorsWithEmailAndEveryBiblHasAnID() throws {
        var header = CMIFWriter.header(for: corpus, published: "2026-03-01")
        header.editors = [CorpusHeader.Editor(name: "Anna Nowak & Co", email: "anna@example.org")]
        header.bibls.append(CorpusHeader.Bibl(id: CMIFWriter.biblID("second"), type: "online", text: "Letters online",
                                              target: "https://example.org/edition?a=1&b=2"))
        let text = CMIFWriter().write(corpus: corpus, header: header)
        #expect(text.contains("<editor>Anna Nowak &amp; Co <email>anna@example.org</email></editor>"))
        #expect(text.contains("<ref target=\"https://example.org/edition?a=1&amp;b=2\">"))
        let path = try ExternalTool.temporaryFile(text, name: "cmif.xml")
        let lint = try ExternalTool.xmllint(path, schema: "cmif/cmi-customization.rng")
        #expect(lint.status == 0, "\(lint.output)")
    }

    @Test func onePreferredAuthorityRefByteForByte() {
        let uris = ["http://www.wikidata.org/entity/Q1", "https://id.ndl.go.jp/auth/ndlna/001", "http://data.bnf.fr/ark:/12148/cb1",
                    "https://id.loc.gov/authorities/names/n79021164", "http://viaf.org/viaf/123/", "https://d-nb.info/gnd/118540238"]
        #expect(AuthorityPreference.preferred(uris) == "https://d-nb.info/gnd/118540238")
        #expect(AuthorityPreference.preferred(Array(uris.dropLast())) == "http://viaf.org/viaf/123/")
        #expect(AuthorityPreference.preferred(Array(uris.dropLast(2))) == "https://id.loc.gov/authorities/names/n79021164")
        #expect(AuthorityPreference.preferred(Array(uris.dropLast(3))) == "http://data.bnf.fr/ark:/12148/cb1")
        #expect(AuthorityPreference.preferred(Array(uris.dropLast(4))) == "https://id.ndl.go.jp/auth/ndlna/001")
        #expect(AuthorityPreference.preferred(["https://example.org/p/1", "http://www.wikidata.org/entity/Q1"]) == "https://example.org/p/1")
        #expect(AuthorityPreference.preferred([]) == nil)
        // GND's hosts name an authority only under /gnd/: a title record of the German National
        // Library is no person's GND id, and the VIAF id is preferred to it.
        #expect(AuthorityPreference.authority(of: "https://d-nb.info/gnd/118540238") == .gnd)
        #expect(AuthorityPreference.authority(of: "http://lobid.org/gnd/118540238") == .gnd)
        #expect(AuthorityPreference.authority(of: "https://explore.gnd.network/gnd/118540238") == .gnd)
        #expect(AuthorityPreference.authority(of: "https://d-nb.info/1012345678") == .other)
        #expect(AuthorityPreference.authority(of: "https://lobid.org/resources/990001") == .other)
        #expect(AuthorityPreference.preferred(["https://d-nb.info/1012345678", "http://viaf.org/viaf/123/"]) == "http://viaf.org/viaf/123/")
    }

    @Test func xmlIDsAreNCNamesForAnyName() throws {
        for name in ["Schuﬂer", "Mikołajczyk", "Молотов", "李白", "1st Army", "a b&c", "Œuvre ǆ"] {
            let id = XMLMarkup.ncName(name, prefix: "m-")
            #expect(id.hasPrefix("m-") && id.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII ? (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-._".unicodeScalars.contains(scalar))
                    : (0xC0...0x4FF).contains(scalar.value)
            }, "\(id)")
        }
        #expect(XMLMarkup.ncName("Schuﬂer", prefix: "m-") == "m-Schu_xFB02_er")
        #expect(XMLMarkup.ncName("Mikołajczyk", prefix: "m-") == "m-Mikołajczyk")
        // Every id validated by the schema: a corpus of such names.
        var odd = corpus
        odd.messages[0].id = "1942-07-18-schuﬂer-李白"
        let path = try ExternalTool.temporaryFile(CMIFWriter().write(corpus: odd), name: "cmif.xml")
        let lint = try ExternalTool.xmllint(path, schema: "cmif/cmi-customization.rng")
        #expect(lint.status == 0, "\(lint.output)")
    }

    @Test func noPersonIsInventedForAMissingAddressee() throws {
        var odd = corpus
        odd.messages[0].recipients = []
        let text = CMIFWriter().write(corpus: odd)
        #expect(!text.contains("Unknown"))
        #expect(text.contains("<note type=\"generated\">The source names no addressee.</note>"))
        let lint = try ExternalTool.xmllint(try ExternalTool.temporaryFile(text, name: "cmif.xml"), schema: "cmif/cmi-customization.rng")
        #expect(lint.status == 0, "\(lint.output)")
    }

    @Test func fragmentsAreListedInTheBody() throws {
        var odd = corpus
        odd.messages[1].kind = .fragment
        odd.messages[1].sender = ""
        let text = CMIFWriter().write(corpus: odd)
        #expect(text.contains("1 entry of hostile &amp; &lt;odd&gt; \"corpus\".txt without a writer (fragments) could not be described as letters and are not listed: \(odd.messages[1].id)."))
        #expect(CMIFWriter.omitted(odd).map(\.id) == [odd.messages[1].id])
    }

    @Test func cmifDatesFollowThePrecision() {
        let text = CMIFWriter().write(corpus: corpus)
        #expect(text.contains("<date when=\"1942-07-18\"/>"))
        #expect(text.contains("<date when=\"1942-07\"/>"))
        #expect(text.contains("<date when=\"1943\"/>"))
        #expect(text.contains("<date notBefore=\"1942-07-29\" notAfter=\"1942-08-06\"/>"))
        // One ref, VIAF before Wikidata.
        #expect(text.contains("<persName ref=\"http://viaf.org/viaf/59878007\">Stanisław Mikołajczyk</persName>"))
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
        // One ref is written: VIAF before Wikidata.
        #expect(mik.refs == ["http://viaf.org/viaf/59878007"])
        let obrien = try #require(read.people.people.first { $0.name == "Mr \"O'Brien\" & <Sons>" })
        #expect(obrien.refs == ["https://example.org/people/o-brien?a=1&b=2"])
    }
}

/// `report`'s list of names an export cannot identify.
@Suite struct MissingAuthoritiesTests {
    @Test func peopleAndPlacesWithoutARefAreListed() throws {
        let corpus = ExportFixtures.hostileCorpus()
        let text = MissingAuthoritiesSection(corpus: corpus).render()
        // Молотов has no authority at all; Stalin has only Wikidata, which correspSearch does not read.
        #expect(text.contains("People without an authority URI: 1 of 4 (2 more have none of GND, VIAF, LoC, BnF, NDL"))
        #expect(text.contains("  Вячеслав Молотов: 3 letters\n"))
        #expect(text.contains("Places without a GeoNames URI: 3\n"))
        let places = PlaceTable(places: [PlaceTable.Place(name: "Moscow", geonames: "https://www.geonames.org/524901")])
        let fewer = MissingAuthoritiesSection(corpus: corpus, places: places).render()
        #expect(fewer.contains("Places without a GeoNames URI: 2\n"))
        #expect(!fewer.contains("  Moscow: "))
    }
}

/// Organisations and unknown people as CMIF names them.
@Suite struct CMIFNameTests {
    @Test func organisationsAreOrgNamesAndPlaceholdersHaveNoRef() throws {
        var corpus = ExportFixtures.hostileCorpus()
        var people = corpus.people.people
        let obrien = try #require(people.firstIndex { $0.id == "O'Brien & <Sons>" })
        people[obrien].kind = .organisation
        let molotov = try #require(people.firstIndex { $0.id == "Молотов" })
        people[molotov].unidentified = true
        people[molotov].refs = ["https://d-nb.info/gnd/1"]
        corpus.people = PersonTable(people: people)
        let text = CMIFWriter().write(corpus: corpus)
        #expect(text.contains("<orgName ref=\"https://example.org/people/o-brien?a=1&amp;b=2\">Mr &quot;O'Brien&quot; &amp; &lt;Sons&gt;</orgName>")
                || text.contains("<orgName ref=\"https://example.org/people/o-brien?a=1&amp;b=2\">Mr \"O'Brien\" &amp; &lt;Sons&gt;</orgName>"))
        #expect(!text.contains("<persName ref=\"https://example.org/people/o-brien"))
        #expect(text.contains("<persName>Вячеслав Молотов</persName>"))
        let lint = try ExternalTool.xmllint(try ExternalTool.temporaryFile(text, name: "cmif.xml"), schema: "cmif/cmi-customization.rng")
        #expect(lint.status == 0, "\(lint.output)")
    }
}
