import Foundation
import Correspondence
import Testing

/// The one identity rule (PersonResolver): a person is an authority URI, or else one exact
/// name; never a prefix, never the order of the source.
@Suite struct PersonIdentityTests {
    @Test func spellingsOfOneAuthorityRecordCompareEqual() {
        let gnd = ["http://d-nb.info/gnd/118540238", "https://d-nb.info/gnd/118540238/", "https://d-nb.info/gnd/118540238/about/html",
                   "https://lobid.org/gnd/118540238.json", "https://explore.gnd.network/gnd/118540238", "gnd:118540238", "(DE-588)118540238"]
        #expect(Set(gnd.compactMap { AuthorityKey($0)?.value }) == ["gnd:118540238"])
        let viaf = ["http://viaf.org/viaf/24602065", "https://viaf.org/viaf/24602065/", "https://www.viaf.org/viaf/24602065/viaf.xml", "viaf:24602065"]
        #expect(Set(viaf.compactMap { AuthorityKey($0)?.value }) == ["viaf:24602065"])
        let wikidata = ["http://www.wikidata.org/entity/Q5879", "https://www.wikidata.org/wiki/Q5879", "https://m.wikidata.org/wiki/Q5879",
                        "https://www.wikidata.org/wiki/Special:EntityPage/Q5879", "wd:Q5879", "wikidata:q5879"]
        #expect(Set(wikidata.compactMap { AuthorityKey($0)?.value }) == ["wikidata:Q5879"])
        #expect(AuthorityKey("https://id.loc.gov/authorities/names/n79021164/")?.value == "id.loc.gov/authorities/names/n79021164")
        #expect(AuthorityKey("http://id.loc.gov/authorities/names/n79021164")?.value == "id.loc.gov/authorities/names/n79021164")
        // Different records stay different; the path keeps its case.
        #expect(AuthorityKey("https://pmb.acdh.oeaw.ac.at/entity/11988")?.value != AuthorityKey("https://pmb.acdh.oeaw.ac.at/entity/11989")?.value)
        #expect(AuthorityKey("  ") == nil)
    }

    @Test func refsAreKeptAsWritten() {
        var resolver = PersonResolver(table: .empty)
        let a = resolver.resolve(name: "Goethe, Johann Wolfgang von", refs: ["https://d-nb.info/gnd/118540238/"])
        let b = resolver.resolve(name: "Johann Wolfgang von Goethe", refs: ["http://d-nb.info/gnd/118540238"])
        let c = resolver.resolve(name: "Goethe", refs: ["https://viaf.org/viaf/24602065 https://d-nb.info/gnd/118540238"])
        #expect(a == b && b == c)
        let goethe = resolver.table[a]!
        // One spelling per record (the first), exactly as written.
        #expect(goethe.refs == ["https://d-nb.info/gnd/118540238/", "https://viaf.org/viaf/24602065"])
        #expect(goethe.authorityURI == "https://d-nb.info/gnd/118540238/")
        #expect(goethe.name == "Johann Wolfgang von Goethe" && goethe.shortLabel == "Goethe")
        #expect(a == "johann-wolfgang-von-goethe-118540238")
    }

    @Test func namesAreNeverMatchedByPrefixOrOrder() {
        let names = ["Weber", "Weber Max", "Weber Alfred", "weber  max", "Webern"]
        var resolver = PersonResolver(table: .empty)
        let ids = names.map { resolver.resolve(name: $0) }
        #expect(Set(ids).count == 4)
        #expect(ids[1] == ids[3])
        var reversed = PersonResolver(table: .empty)
        let again = names.reversed().map { reversed.resolve(name: $0) }
        #expect(Array(again.reversed()) == ids)
    }

    @Test func oneNameWithTwoIdsIsTwoPeopleAndListedAsHomonyms() {
        var resolver = PersonResolver(table: .empty)
        let first = resolver.resolve(name: "Müller, Johann", refs: ["https://d-nb.info/gnd/100000001"])
        let second = resolver.resolve(name: "Müller, Johann", refs: ["https://d-nb.info/gnd/100000002"])
        let nameOnly = resolver.resolve(name: "Müller, Johann")
        #expect(Set([first, second, nameOnly]).count == 3)
        #expect(resolver.table[first]?.refs == ["https://d-nb.info/gnd/100000001"])
        #expect(resolver.table[second]?.refs == ["https://d-nb.info/gnd/100000002"])
        let homonyms = resolver.table.homonyms()
        #expect(homonyms.count == 1 && Set(homonyms[0].map(\.id)) == [first, second, nameOnly])
    }

    @Test func placeholdersAreEachTheirOwnUnidentifiedPerson() {
        let placeholders = ["Unbekannt", "unbekannt", "N.N.", "NN", "N. N.", "an unnamed friend", "[unidentified]", "anonymous", "Anonym",
                            "inconnu", "ignoto", "sconosciuto", "desconocido", "[?]", "?", "Unbekannter Empfänger", "destinataire inconnu",
                            "Неизвестный"]
        for name in placeholders { #expect(PersonName.isPlaceholder(name), "\(name)") }
        for name in ["Weber [?]", "Anna Unbekannt-Meier Schmidt", "Nathan Nunn", "Friend, Anna", "The Royal Society"] {
            #expect(!PersonName.isPlaceholder(name), "\(name)")
        }
        var resolver = PersonResolver(table: .empty)
        let ids = ["Unbekannt", "Unbekannt", "N.N.", "[?]"].map { resolver.resolve(name: $0) }
        #expect(Set(ids).count == 4)
        #expect(ids.allSatisfy { resolver.table[$0]?.unidentified == true })
        #expect(resolver.resolve(name: nil).hasPrefix("unidentified-"))
    }

    @Test func labelsAndKinds() {
        #expect(PersonName.labels("Weber, Max", kind: .person) == ("Max Weber", "Weber"))
        #expect(PersonName.labels("von Humboldt,  Alexander", kind: .person) == ("Alexander von Humboldt", "von Humboldt"))
        // A generational suffix is never the short label.
        #expect(PersonName.labels("Smith, Jr.", kind: .person) == ("Smith, Jr.", "Smith"))
        #expect(PersonName.labels("Edward Stettinius Jr.", kind: .person) == ("Edward Stettinius Jr.", "Stettinius"))
        #expect(PersonName.labels("Martin Luther King, Jr.", kind: .person) == ("Martin Luther King, Jr.", "King"))
        #expect(PersonName.labels("Royal Society, London", kind: .organisation) == ("Royal Society, London", "Royal Society, London"))
        var resolver = PersonResolver(table: .empty)
        let org = resolver.resolve(name: "Weber", kind: .organisation)
        let person = resolver.resolve(name: "Weber")
        #expect(org != person)
        #expect(resolver.table[org]?.kind == .organisation && resolver.table[person]?.kind == .person)
        let humboldt = resolver.resolve(name: "von Humboldt, Alexander")
        #expect(resolver.table[humboldt]?.shortLabel == "von Humboldt")
    }

    @Test func aUsersTableGivesAliasesAndIds() {
        let table = PersonTable(people: [Person(id: "mw", name: "Max Weber", role: "", aliases: ["Weber, Max", "M. Weber"], authorities: ["gnd": "118629743"])])
        var resolver = PersonResolver(table: table)
        #expect(resolver.resolve(name: "M. WEBER") == "mw")
        #expect(resolver.resolve(name: "Someone", refs: ["https://d-nb.info/gnd/118629743/"]) == "mw")
        #expect(resolver.resolve(name: "Weber") != "mw")
        #expect(resolver.table["mw"]?.authorityURIs == ["https://d-nb.info/gnd/118629743/", ])
    }

    @Test func oneSlugMakesNCNames() {
        #expect(Slug.make("Stanisław Mikołajczyk") == "stanislaw-mikolajczyk")
        #expect(Slug.make("Œuvre ﬁnale, Straße") == "oeuvre-finale-strasse")
        #expect(Slug.make("Ærø Ĳssel") == "aero-ijssel")
        #expect(Slug.make("Лев Толстой") == "лев-толстой")
        #expect(Slug.make("1st Army") == "n-1st-army")
        #expect(Slug.make("...") == "unknown")
        #expect(Slug.make("Clark Kerr") == "clark-kerr")
        for name in ["ﬀ", "日本", "Ο Σωκράτης", "İstanbul", "ʻOkina", "Dvořák"] {
            let slug = Slug.make(name)
            #expect(slug.first?.isLetter == true && slug.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }, "\(name) -> \(slug)")
        }
    }
}

/// The bundled person table goes with the bundled corpus's form (telegram text) only.
@Suite struct BundledTableScopeTests {
    @Test func aUsersCorpusDoesNotMeetTheTelegramsPeople() throws {
        let url = try Fixtures.temporaryFolder().appendingPathComponent("namesakes.csv")
        try "sender,recipients,date,text\nTheodore Roosevelt,Gerard Manley Hopkins,1890-05-01,x\nStalin,Churchill,1890-05-02,y\n"
            .write(to: url, atomically: true, encoding: .utf8)
        let corpus = try CorpusLoader.load(path: url.path)
        let first = try #require(corpus.messages.first)
        #expect(corpus.people[first.sender]?.name == "Theodore Roosevelt")
        #expect(corpus.people[first.recipients[0]]?.name == "Gerard Manley Hopkins")
        #expect(corpus.people.people.allSatisfy { $0.authorityURIs.isEmpty && $0.role.isEmpty })
        #expect(corpus.people.people.count == 4)
    }

    @Test func telegramTextGetsTheBundledTable() throws {
        let url = try Fixtures.temporaryFolder().appendingPathComponent("copy.txt")
        try Data(contentsOf: try BundledCorpus.url()).write(to: url)
        let corpus = try CorpusLoader.load(path: url.path)
        #expect(corpus.people["Stalin"]?.authorityURI == "http://www.wikidata.org/entity/Q855")
    }
}
