import Correspondence
import Foundation
import Testing

/// The CSV reader on fixtures written from the CMIF producers' CSV columns, Palladio-style
/// tables and RFC 4180: presets, mapping, several people in a cell, any authority URI, dates,
/// identity independent of row order, and lenient reading.
@Suite struct CSVReaderTests {
    func read(_ name: String, layout: CSVLayout = CSVLayout(), people: PersonTable = .empty) throws -> Corpus {
        try CSVReader.read(text: try Fixtures.text("csv/" + name), sourceName: name, path: "csv/" + name, people: people, layout: layout)
    }

    func letter(_ corpus: Corpus, _ key: String) throws -> Message {
        try #require(corpus.messages.first { $0.sourceID == key }, "no letter \(key)")
    }

    @Test func cmifProducersColumnsAreReadAsPublished() throws {
        let corpus = try read("cmif-producers.csv")
        #expect(corpus.messages.count == 12)
        #expect(corpus.issues.allSatisfy { $0.outcome != .skipped && $0.outcome != .adjusted }, "\(corpus.issues)")
        let first = try letter(corpus, "1")
        let humboldt = try #require(corpus.people[first.sender])
        #expect(humboldt.name == "Alexander von Humboldt" && humboldt.shortLabel == "Humboldt")
        #expect(humboldt.refs.first == "http://d-nb.info/gnd/118554700")
        #expect(first.place == "Berlin" && first.placeRef == "https://www.geonames.org/2950159")
        #expect(first.edition == "Briefwechsel A" && first.id == "1")
        #expect(first.date.isExact && first.date.notBefore?.iso == "1827-03-04")
        let received = try #require(first.actions.first { $0.type == "received" })
        #expect(received.place == "Göttingen" && received.date?.notBefore?.iso == "1827-03-09")
        // One person however the GND URI is spelt (https, trailing slash); the spelling first seen is kept.
        let gauss = try #require(corpus.people[first.recipients[0]])
        #expect(Set(corpus.messages.flatMap { $0.senders + $0.recipients }.filter { corpus.people[$0]?.name == "Carl Friedrich Gauß" }) == [gauss.id])
        // Several people in one cell, with their ids in the same order.
        let two = try letter(corpus, "2")
        #expect(two.recipients.count == 2 && two.recipients[0] == humboldt.id)
        #expect(corpus.people[two.recipients[1]]?.name == "Friedrich Wilhelm Bessel")
        let cosigned = try letter(corpus, "3")
        #expect(cosigned.senders.count == 2 && cosigned.sender == humboldt.id)
        #expect(corpus.people[cosigned.senders[1]]?.refs == ["http://viaf.org/viaf/27064000"])
        // An organisation's id from VIAF.
        #expect(corpus.people[try letter(corpus, "12").sender]?.refs == ["https://viaf.org/viaf/139397768"])
    }

    @Test func datesIsoEdtfAndUndatedAreKept() throws {
        let corpus = try read("cmif-producers.csv")
        func date(_ key: String) throws -> HistoricalDate { try letter(corpus, key).date }
        #expect(try date("2").precision == .month && date("2").notAfter?.iso == "1827-05-31")
        #expect(try date("3").certainty == .uncertain && date("3").precision == .year)
        #expect(try date("4").certainty == .approximate)
        #expect(try date("5").notBefore?.iso == "1832-05-01" && date("5").notAfter?.iso == "1832-05-31")
        #expect(try date("6").notBefore?.iso == "1833-01-01" && date("6").notAfter?.iso == "1834-12-31")
        #expect(try date("7").notBefore == nil && date("7").notAfter?.iso == "1835-06-23")
        for key in ["8", "9", "10", "11"] {
            let d = try date(key)
            #expect(!d.isDated && d.precision == .undated, "\(key)")
        }
        #expect(try date("9").raw == "[sd]")
        #expect(corpus.issues.filter { $0.kind == .undated }.count == 4)
    }

    @Test func rowOrderNeverChangesThePeople() throws {
        let text = try Fixtures.text("csv/homonyms.csv")
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = lines.removeFirst()
        func people(_ body: [String]) throws -> [String: [String]] {
            let corpus = try CSVReader.read(text: ([header] + body).joined(separator: "\n"), sourceName: "h.csv", people: .empty)
            var byKey: [String: [String]] = [:]
            for m in corpus.messages { byKey[m.sourceID!] = (m.senders + m.recipients).map { id in
                let p = corpus.people[id]!
                return p.unidentified ? "unidentified:" + p.name : id + "|" + p.name + "|" + p.refs.joined(separator: " ")
            } }
            return byKey
        }
        let original = try people(lines)
        #expect(try people(lines.reversed()) == original)
        var rotated = lines
        rotated.append(contentsOf: rotated.prefix(3)); rotated.removeFirst(3)
        #expect(try people(rotated) == original)
        // Weber, Weber Max, Weber Alfred and Webern are four people; "weber  max" is Weber Max.
        #expect(Set(["h1", "h2", "h3", "h8"].map { original[$0]![0] }).count == 4)
        #expect(original["h2"]![0] == original["h4"]![0] && original["h1"]![0] == original["h6"]![0])
        #expect(original["h8"]![1] == original["h1"]![0])
        // One name, two GND ids: two people; the same id spelt otherwise: the same person.
        #expect(original["h2"]![1] != original["h3"]![1] && original["h2"]![1] == original["h5"]![0])
        #expect(original["h7"]![0] != original["h2"]![1])
    }

    @Test func placeholdersAreNeverOneHubAndHomonymsAreReported() throws {
        let corpus = try read("homonyms.csv")
        let unidentified = corpus.people.people.filter(\.unidentified)
        #expect(unidentified.count == 5)
        #expect(Set(corpus.messages.flatMap(\.recipients).filter { corpus.people[$0]!.unidentified }).count == 5)
        let report = CorpusReport(corpus: corpus).render()
        #expect(report.contains("People kept apart under one name: 1"))
        #expect(report.contains("Johann Müller: "))
        #expect(report.contains("d-nb.info/gnd/100000001") && report.contains("https://d-nb.info/gnd/100000002") && report.contains("no authority id"))
    }

    @Test func palladioTablesAreReadAsPublished() throws {
        let corpus = try read("palladio.csv")
        #expect(corpus.messages.count == 3)
        let first = try #require(corpus.messages.first)
        #expect(corpus.people[first.sender]?.name == "Voltaire")
        #expect(corpus.people[first.recipients[0]]?.name == "Émilie du Châtelet")
        #expect(first.place == "Cirey" && first.actions.first?.place == "Paris")
        #expect(first.id == "1735-06-01-voltaire-emilie-du-chatelet")
    }

    @Test func aMappingFromTOMLWithDayFirstDatesAndSemicolons() throws {
        var layout = CSVLayout()
        for line in try Fixtures.text("csv/mapping.toml").split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            try layout.set(parts[0], to: String(parts[1].dropFirst().dropLast()))
        }
        #expect(layout == (try CSVLayout.parse(mapping: "senders=Absender, recipients=Empfänger, date=Datum, place=Ort, id=Kennung, date_format=DD.MM.YYYY")))
        let corpus = try read("mapped-semicolon.csv", layout: layout)
        #expect(corpus.messages.count == 4)
        let a1 = try letter(corpus, "a1")
        #expect(a1.date.notBefore?.iso == "1890-05-03" && a1.date.raw == "03.05.1890")
        #expect(a1.recipients.map { corpus.people[$0]!.name } == ["Karl Meier", "Luise Meier"])
        #expect(try letter(corpus, "a2").date.notBefore?.iso == "1891-06-07")
        #expect(!(try letter(corpus, "a3").date.isDated))
        #expect(try letter(corpus, "a4").date.notBefore?.iso == "1892-02-01")
        #expect(throws: CSVLayoutError.self) { try CSVLayout.parse(mapping: "writer=Sender") }
        #expect(throws: CSVLayoutError.self) { try CSVLayout.parse(mapping: "date_format=DD.MM.YY") }
    }

    @Test func aMappingNamingAMissingColumnIsADataError() throws {
        let error = #expect(throws: EpistolaryError.self) {
            try read("palladio.csv", layout: try CSVLayout.parse(mapping: "senders=Writer"))
        }
        #expect(error?.kind == .badData && error?.line == 1 && error?.description.contains("Writer") == true)
    }

    @Test func unreadableRecordsAreSkippedAndListedAndTheRestIsRead() throws {
        let corpus = try read("lenient.csv")
        #expect(corpus.messages.compactMap(\.sourceID).sorted() == ["k1", "k2", "k3", "k4", "k6"])
        let skipped = corpus.issues.filter { $0.outcome == .skipped }
        #expect(skipped.map(\.line) == [3, 5, 8])
        #expect(skipped.allSatisfy { $0.file == "csv/lenient.csv" })
        #expect(skipped[0].detail.contains("expected 4 fields"))
        #expect(skipped[1].kind == .duplicate && skipped[1].detail.contains("line 2"))
        #expect(skipped[2].detail.contains("never closed"))
        let adjusted = corpus.issues.filter { $0.outcome == .adjusted }
        #expect(adjusted.map(\.line) == [4, 6])
        #expect(adjusted[0].kind == .invalidDate && adjusted[0].detail.contains("1931-02-30"))
        let k2 = try letter(corpus, "k2")
        #expect(!k2.date.isDated && k2.date.raw == "1931-02-30")
        #expect(corpus.people[try letter(corpus, "k3").sender]?.unidentified == true)
        #expect(corpus.people[try letter(corpus, "k4").recipients[0]]?.name == "Karl \"the elder\" Meier")
        let report = CorpusReport(corpus: corpus).render()
        #expect(report.contains("Records: 8 (5 read, of which 2 adjusted; 3 skipped)"))
        #expect(report.contains("csv/lenient.csv:5: the id \"k1\" is already the id of the record on line 2"))
    }

    @Test func formatIsFoundByContent() throws {
        func sniff(_ s: String) -> CorpusFormat { CorpusLoader.sniff(Array(s.utf8)) }
        #expect(sniff("\u{FEFF}  <?xml version=\"1.0\"?><TEI/>") == .cmif)
        #expect(sniff("sender,senderID,senderDate\nA,,1890\n") == .csv)
        #expect(sniff("Source;Target;Date\n") == .csv)
        #expect(sniff("J. V. STALIN TO W. CHURCHILL\n\nText.\n") == .telegrams)
        #expect(sniff("THE PRESIDENT, Mr F. D. ROOSEVELT\n") == .telegrams)
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let noExtension = folder.appendingPathComponent("letters")
        try Fixtures.text("csv/palladio.csv").write(to: noExtension, atomically: true, encoding: .utf8)
        #expect(try CorpusLoader.load(path: noExtension.path).messages.count == 3)
        let forced = folder.appendingPathComponent("letters.dat")
        try Fixtures.text("csv/palladio.csv").write(to: forced, atomically: true, encoding: .utf8)
        #expect(try CorpusLoader.load(path: forced.path, format: .csv).messages.count == 3)
    }
}
