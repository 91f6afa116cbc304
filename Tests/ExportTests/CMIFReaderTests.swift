import Correspondence
import Foundation
import Testing

/// Reading CMIF files written by others: date forms, name resolution, and clear errors that
/// name the line for malformed input.
@Suite struct CMIFReaderTests {
    static func document(_ descs: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <TEI xmlns="http://www.tei-c.org/ns/1.0">
          <teiHeader>
            <fileDesc>
              <titleStmt><title>Test</title><editor>Ed</editor></titleStmt>
              <publicationStmt><publisher>P</publisher><idno type="url">http://example.org/cmif.xml</idno><date when="2020-01-01"/>
                <availability><licence target="https://creativecommons.org/licenses/by/4.0/">CC-BY</licence></availability></publicationStmt>
              <sourceDesc><bibl type="online" xml:id="a1b2c3d4-0000-0000-0000-000000000000">Edition</bibl></sourceDesc>
            </fileDesc>
            <profileDesc>
        \(descs)
            </profileDesc>
          </teiHeader>
          <text><body><p/></body></text>
        </TEI>
        """
    }

    static let people = PersonTable(people: [
        Person(id: "Stalin", name: "Joseph Stalin", role: "", aliases: ["J. V. STALIN"], authorities: ["wikidata": "Q855"]),
        Person(id: "Churchill", name: "Winston Churchill", role: "", authorities: ["wikidata": "Q8016"]),
    ])

    func read(_ descs: String) throws -> Corpus {
        try CMIFReader.read(data: Data(Self.document(descs).utf8), sourceName: "letters.xml", people: Self.people)
    }

    @Test func readsDateFormsWithTheirPrecision() throws {
        let corpus = try read("""
              <correspDesc><correspAction type="sent"><persName>Stalin</persName><date when="1942"/></correspAction>
                <correspAction type="received"><persName>Churchill</persName></correspAction></correspDesc>
              <correspDesc><correspAction type="sent"><persName>Stalin</persName><date when="1942-02"/></correspAction>
                <correspAction type="received"><persName>Churchill</persName></correspAction></correspDesc>
              <correspDesc><correspAction type="sent"><persName>Stalin</persName><date notBefore="1942-03-02" notAfter="1942-03-09"/></correspAction>
                <correspAction type="received"><persName>Churchill</persName></correspAction></correspDesc>
              <correspDesc><correspAction type="sent"><persName>Stalin</persName><date when="1942-04-05"/></correspAction>
                <correspAction type="received"><persName>Churchill</persName></correspAction></correspDesc>
        """)
        let dates = corpus.messages.map { "\($0.date.notBefore?.iso ?? "..")/\($0.date.notAfter?.iso ?? "..")/\($0.date.precision.rawValue)" }
        #expect(Set(dates) == ["1942-01-01/1942-12-31/year", "1942-02-01/1942-02-28/month",
                               "1942-03-02/1942-03-09/range", "1942-04-05/1942-04-05/day"])
        #expect(corpus.messages.allSatisfy { $0.date.evidence == .given })
    }

    @Test func resolvesPeopleByAuthorityThenNameAndAddsTheRest() throws {
        let corpus = try read("""
              <correspDesc>
                <correspAction type="sent"><persName ref="https://www.wikidata.org/wiki/Q855">Stalin, J. V.</persName>
                  <placeName ref="http://www.geonames.org/524901">Moscow</placeName><date when="1942-07-18"/></correspAction>
                <correspAction type="received"><persName>winston churchill</persName>
                  <persName ref="http://d-nb.info/gnd/118816578">Weber, Caroline von</persName></correspAction>
              </correspDesc>
        """)
        let message = try #require(corpus.messages.first)
        #expect(message.sender == "Stalin")
        #expect(message.recipients == ["Churchill", "Weber"])
        #expect(message.place == "Moscow")
        #expect(message.id == "1942-07-18-stalin-churchill")
        #expect(corpus.people["Weber"]?.name == "Weber, Caroline von")
        #expect(corpus.people["Weber"]?.authorities == ["gnd": "118816578"])
    }

    @Test func idsAreMadeFromDateAndCorrespondentsAndKeptDistinct() throws {
        let corpus = try read("""
              <correspDesc><correspAction type="sent"><persName>Stalin</persName><date from="1942-05-02" to="1942-05-04"/></correspAction>
                <correspAction type="received"><orgName>War Cabinet</orgName></correspAction></correspDesc>
              <correspDesc><correspAction type="sent"><persName>Stalin</persName><date when="1942-05-03"/></correspAction>
                <correspAction type="received"><orgName>War Cabinet</orgName></correspAction></correspDesc>
              <correspDesc key="my-own-id"><correspAction type="sent"><persName>Stalin</persName><date when="1942-05-05"/></correspAction>
                <correspAction type="received"><persName>Churchill</persName></correspAction></correspDesc>
        """)
        #expect(corpus.messages.map(\.id) == ["1942-05-03-stalin-war_cabinet", "1942-05-03-stalin-war_cabinet-b", "my-own-id"])
        #expect(corpus.messages[0].date.precision == .range)
        #expect(corpus.messages[0].recipients == ["War Cabinet"])
        #expect(corpus.people["War Cabinet"]?.name == "War Cabinet")
    }

    @Test func malformedXMLIsAnErrorNamingTheLine() throws {
        let text = Self.document("""
              <correspDesc><correspAction type="sent"><persName>Stalin & Co</persName><date when="1942"/></correspAction>
                <correspAction type="received"><persName>Churchill</persName></correspAction></correspDesc>
        """)
        let expectedLine = (text.components(separatedBy: "\n").firstIndex { $0.contains("Stalin & Co") } ?? -1) + 1
        let error = try #require(throws: EpistolaryError.self) {
            try CMIFReader.read(data: Data(text.utf8), sourceName: "letters.xml", people: Self.people)
        }
        #expect(error.kind == .badData)
        #expect(error.exitCode == 1)
        #expect(error.file == "letters.xml")
        #expect(error.line == expectedLine)
        #expect(error.description.hasPrefix("letters.xml:\(expectedLine): malformed XML"))
        #expect(error.message.contains("bare & or <"))
    }

    @Test func aRecordWithoutSenderIsAnErrorNamingItsLine() throws {
        let descs = """
              <correspDesc><correspAction type="received"><persName>Churchill</persName></correspAction></correspDesc>
        """
        let text = Self.document(descs)
        let expectedLine = (text.components(separatedBy: "\n").firstIndex { $0.contains("<correspDesc>") } ?? -1) + 1
        let error = try #require(throws: EpistolaryError.self) { try read(descs) }
        #expect(error.line == expectedLine)
        #expect(error.message.contains("type=\"sent\""))
    }

    @Test func aBadDateIsAnErrorNamingItsLine() throws {
        let error = try #require(throws: EpistolaryError.self) {
            try read("""
                  <correspDesc><correspAction type="sent"><persName>Stalin</persName>
                    <date when="18th July 1942"/></correspAction>
                    <correspAction type="received"><persName>Churchill</persName></correspAction></correspDesc>
            """)
        }
        #expect(error.message.contains("18th July 1942"))
        #expect(error.line != nil)
    }

    @Test func aDocumentThatIsNotTEIIsRefused() throws {
        let error = try #require(throws: EpistolaryError.self) {
            try CMIFReader.read(data: Data("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"/>".utf8),
                                sourceName: "g.xml", people: Self.people)
        }
        #expect(error.line == 1)
        #expect(error.message.contains("TEI"))
    }

    @Test func undatedLettersAreBoundedByTheCorpusAndReported() throws {
        let corpus = try read("""
              <correspDesc><correspAction type="sent"><persName>Stalin</persName><date when="1942-01-10"/></correspAction>
                <correspAction type="received"><persName>Churchill</persName></correspAction></correspDesc>
              <correspDesc><correspAction type="sent"><persName>Churchill</persName></correspAction>
                <correspAction type="received"><persName>Stalin</persName></correspAction></correspDesc>
              <correspDesc><correspAction type="sent"><persName>Stalin</persName><date when="1942-03-10"/></correspAction>
                <correspAction type="received"><persName>Churchill</persName></correspAction></correspDesc>
        """)
        let undated = try #require(corpus.messages.first { $0.sender == "Churchill" })
        #expect(undated.date.notBefore == nil && undated.date.notAfter == nil)
        #expect(undated.date.precision == .undated)
        #expect(corpus.issues.map(\.kind) == [.undated])
    }
}
