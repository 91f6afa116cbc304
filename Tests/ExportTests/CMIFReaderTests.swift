import Correspondence
import Foundation
import Testing

/// The CMIF reader on fixtures written from the TEI Guidelines (correspDesc, correspAction,
/// att.datable) and the CMIF documentation: one fixture per rule, and hostile documents that
/// must give a data error naming the file and line, never a trap.
@Suite struct CMIFReaderTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/cmif")

    static func read(_ name: String, people: PersonTable = PersonTable(people: [])) throws -> Corpus {
        try CMIFReader.read(path: fixtures.appendingPathComponent(name).path, people: people)
    }

    static func message(_ corpus: Corpus, key: String) throws -> Message {
        try #require(corpus.messages.first { $0.sourceID == key || $0.id == key }, "no message \(key)")
    }

    /// A person's authority URIs as the reader keeps them (as written).
    static func uris(_ person: Person) -> [String] { person.refs }

    static func name(_ corpus: Corpus, _ id: String) -> String { corpus.people[id]?.name ?? id }

    // MARK: - Participants and actions

    @Test func everyNameOfAnActionTakesPart() throws {
        let corpus = try Self.read("actions.xml")
        let letter = try Self.message(corpus, key: "L1")
        #expect(letter.senders.count == 3, "two persNames and an orgName send")
        #expect(letter.sender == letter.senders[0])
        #expect(letter.recipients.count == 2, "a name with only @ref still receives")
        #expect(Set(letter.senders).count == 3 && Set(letter.recipients).count == 2)
        let organisation = try #require(corpus.people[letter.senders[2]])
        #expect(organisation.name.contains("Hoftheater"))
        #expect(Self.uris(organisation).contains("http://d-nb.info/gnd/2028521-6"))
        let refOnly = try #require(corpus.people[letter.recipients[1]])
        #expect(Self.uris(refOnly).contains("http://viaf.org/viaf/12345"))
        // The same GND id in two letters is one person.
        let second = try Self.message(corpus, key: "L2")
        #expect(second.sender == letter.senders[1])
        #expect(second.recipients == [letter.senders[0]])
    }

    @Test func everyActionTypeIsKeptWithWhoWhereWhen() throws {
        let letter = try Self.message(try Self.read("actions.xml"), key: "L1")
        #expect(letter.actions.map(\.type) == ["received", "transmitted", "forwarded", "redirected", "delivered"])
        let received = letter.actions[0]
        #expect(received.place == "Berlin" && received.placeRef == "http://www.geonames.org/2950159")
        #expect(received.date?.notBefore?.iso == "1798-03-09" && received.participants == letter.recipients)
        let transmitted = letter.actions[1]
        #expect(transmitted.participants.count == 1 && transmitted.place == "Leipzig" && transmitted.date?.notBefore?.iso == "1798-03-05")
        let forwarded = letter.actions[2]
        #expect(forwarded.participants == [letter.recipients[0]])
        #expect(forwarded.date?.notBefore?.iso == "1798-03-10" && forwarded.date?.notAfter?.iso == "1798-03-20")
        #expect(letter.actions[3].participants.count == 1 && letter.actions[3].date == nil)
        #expect(letter.actions[4].participants.count == 1 && letter.actions[4].date?.notBefore?.iso == "1798-03-21")
        // The letter itself.
        #expect(letter.place == "Weimar" && letter.placeRef == "http://www.geonames.org/2812482")
        #expect(letter.url == "https://example.org/letter/1" && letter.edition == "#ed1" && letter.sourceID == "L1")
        #expect(letter.date.notBefore?.iso == "1798-03-02" && letter.date.isExact)
    }

    @Test func aFileAndItsBytesReadTheSame() throws {
        let url = Self.fixtures.appendingPathComponent("actions.xml")
        let fromFile = try Self.read("actions.xml")
        let fromBytes = try CMIFReader.read(data: try Data(contentsOf: url), sourceName: "actions.xml", people: PersonTable(people: []))
        #expect(fromFile.sourceHash == fromBytes.sourceHash && fromFile.sourceHash.count == 64)
        #expect(fromFile.messages == fromBytes.messages)
    }

    @Test func theHeaderIsKept() throws {
        let header = try #require(try Self.read("actions.xml").header)
        #expect(header.title == "Actions: a test file")
        #expect(header.editors == [CorpusHeader.Editor(name: "Test Editor", email: "editor@example.org"), CorpusHeader.Editor(name: "Second Editor")])
        #expect(header.publisher == "Example Academy")
        #expect(header.idno == "https://example.org/actions.xml" && header.published == "2024-01-01")
        #expect(header.licence == "This file is licensed under CC-BY 4.0.")
        #expect(header.licenceTarget == "https://creativecommons.org/licenses/by/4.0/")
        #expect(header.bibls.map(\.id) == ["ed1", "ed2"] && header.bibls.map(\.type) == ["online", "print"])
        #expect(header.bibls[0].target == "https://example.org/edition")
        #expect(header.bibls[1].text == "A printed edition, vol. 2")
    }

    @Test func aLetterWithoutSenderIsReadWithAnUnidentifiedSenderOfItsOwn() throws {
        let corpus = try Self.read("missing-people.xml")
        #expect(corpus.messages.count == 5)
        let empty = try Self.message(corpus, key: "empty-sent"), none = try Self.message(corpus, key: "no-sent")
        #expect(empty.sender != none.sender, "never one shared hub")
        #expect(corpus.issues.filter { $0.outcome == .adjusted && $0.detail.contains("no sender") }.count == 2)
        #expect(corpus.issues.allSatisfy { $0.file?.hasSuffix("missing-people.xml") == true && $0.line > 1 })
        let refOnly = try Self.message(corpus, key: "ref-only")
        #expect(corpus.people[refOnly.sender].map(Self.uris) == ["http://d-nb.info/gnd/118577166"])
        // The same named addressee is one person; placeholders are unidentified, each its own.
        let mann = try Self.message(corpus, key: "unknown-1").recipients[0]
        #expect(try Self.message(corpus, key: "ref-only").recipients[0] == mann)
        let unknown1 = try Self.message(corpus, key: "unknown-1").sender, unknown2 = try Self.message(corpus, key: "unknown-2")
        #expect(unknown1 != unknown2.sender)
        for id in [unknown1, unknown2.sender, unknown2.recipients[0], empty.sender, none.sender] {
            #expect(corpus.people[id]?.unidentified == true, "\(id)")
        }
    }

    // MARK: - Dates

    func bounds(_ d: HistoricalDate) -> String { "\(d.notBefore?.iso ?? "..")/\(d.notAfter?.iso ?? "..")" }

    @Test func everyDateFormKeepsItsPrecisionAndOpenBounds() throws {
        let corpus = try Self.read("dates.xml")
        func date(_ key: String) throws -> HistoricalDate { try Self.message(corpus, key: key).date }
        let year = try date("year"), month = try date("month"), day = try date("day"), time = try date("datetime")
        #expect(bounds(year) == "1890-01-01/1890-12-31" && year.precision == .year)
        #expect(bounds(month) == "1890-02-01/1890-02-28" && month.precision == .month)
        #expect(bounds(day) == "1890-05-03/1890-05-03" && day.precision == .day)
        #expect(bounds(time) == "1922-06-08/1922-06-08" && time.time == "10:30:00")
        #expect(bounds(try date("notbefore-only")) == "1681-06-23/..")
        #expect(bounds(try date("notafter-only")) == "../1681-07-31")
        let range = try date("bounds")
        #expect(bounds(range) == "1890-01-01/1891-12-31" && range.precision == .range)
        #expect(bounds(try date("from-to")) == "1890-03-01/1890-03-04")
        #expect(bounds(try date("early")) == "0999-01-01/0999-12-31")
        #expect(bounds(try date("negative")) == "-0044-03-15/-0044-03-15")
        let cert = try date("cert")
        #expect(cert.certainty == .low && cert.basis == "conjecture")
        let byReceipt = try date("by-receipt")
        #expect(!byReceipt.isDated, "a receipt date is not a date of writing")
        let receipt = try Self.message(corpus, key: "by-receipt")
        #expect(receipt.actions.first?.place == "Wien" && receipt.actions.first?.date?.notBefore?.iso == "1890-07-02")
        let undated = try date("undated")
        #expect(!undated.isDated)
    }

    @Test func anImpossibleDateKeepsItsRawValueAndIsListed() throws {
        let corpus = try Self.read("dates.xml")
        let letter = try Self.message(corpus, key: "impossible")
        #expect(!letter.date.isDated && letter.date.raw == "1931-02-30" && letter.date.precision == .undated)
        let issue = try #require(corpus.issues.first { $0.kind == .invalidDate })
        #expect(issue.outcome == .adjusted && issue.detail.contains("1931-02-30") && issue.line == letter.fieldLines["dated"])
        #expect(corpus.messages.count == 14, "the corpus goes on")
        #expect(corpus.messages.last?.date.isDated == false, "undated letters sort last")
    }

    // MARK: - Hostile documents

    func expectDataError(_ name: String, line: Int? = nil, mentioning words: String) {
        do {
            _ = try Self.read(name)
            Issue.record("\(name) should be refused")
        } catch let error as EpistolaryError {
            #expect(error.kind == .badData, "\(error)")
            #expect(error.file?.hasSuffix(name) == true)
            if let line { #expect(error.line == line, "\(error)") } else { #expect(error.line != nil) }
            #expect(error.message.contains(words), "\(error.message)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func badXMLIsADataErrorNamingTheLine() {
        expectDataError("malformed.xml", line: 5, mentioning: "malformed XML")
        expectDataError("invalid-utf8.xml", line: 4, mentioning: "not UTF-8")
        expectDataError("invalid-name.xml", line: 1, mentioning: "not UTF-8")
    }

    @Test func externalEntitiesAreNeverLoaded() throws {
        // Either refused, or read without the entity's content: never the file's text.
        if let corpus = try? Self.read("external-entity.xml") {
            for person in corpus.people.people { #expect(!person.name.contains("root:")) }
        }
    }

    /// Refused as a data error; an unbounded expansion would exhaust memory or hang, which
    /// the time limit turns into a failure instead of a stuck suite.
    @Test(.timeLimit(.minutes(1))) func entityExpansionIsBounded() {
        expectDataError("billion-laughs.xml", mentioning: "entity")
    }

    @Test func aDocumentThatIsNotTEIIsRefused() throws {
        let text = "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"/>"
        #expect(throws: EpistolaryError.self) {
            try CMIFReader.read(data: Data(text.utf8), sourceName: "g.xml", people: PersonTable(people: []))
        }
    }

    @Test func mutatedBytesNeverTrap() throws {
        // A small deterministic mutation run over a fixture: every outcome is a corpus or a data error.
        var bytes = [UInt8](try Data(contentsOf: Self.fixtures.appendingPathComponent("actions.xml")))
        var seed: UInt64 = 0x2545F4914F6CDD1D
        func next() -> Int { seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17; return Int(seed % UInt64(Int.max)) }
        let original = bytes
        for _ in 0..<300 {
            bytes = original
            for _ in 0..<(1 + next() % 4) {
                let at = next() % bytes.count
                switch next() % 3 {
                case 0: bytes[at] = UInt8(next() % 256)
                case 1: bytes.remove(at: at)
                default: bytes.insert(UInt8(next() % 256), at: at)
                }
            }
            do {
                _ = try CMIFReader.read(data: Data(bytes), sourceName: "m.xml", people: PersonTable(people: []))
            } catch let error as EpistolaryError {
                #expect(error.kind == .badData)
            }
        }
    }
}
