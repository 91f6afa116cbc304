import Testing
@testable import Correspondence

/// The one date parser: ISO partial dates, xs:date/xs:dateTime, EDTF levels 0 and 1, undated
/// marks, impossible dates. Each case names the form it checks.
@Suite struct DateParserTests {
    func dated(_ text: String) throws -> HistoricalDate {
        guard case .dated(let d) = DateParser.parse(text) else {
            Issue.record("expected a date from \"\(text)\", got \(DateParser.parse(text))")
            throw ParseFailed()
        }
        return d
    }
    struct ParseFailed: Error {}

    func bounds(_ d: HistoricalDate) -> String { "\(d.notBefore?.iso ?? "..")/\(d.notAfter?.iso ?? "..")" }

    @Test func isoPartialDates() throws {
        #expect(bounds(try dated("1890")) == "1890-01-01/1890-12-31")
        #expect(try dated("1890").precision == .year)
        #expect(bounds(try dated("1890-02")) == "1890-02-01/1890-02-28")
        #expect(bounds(try dated("1892-02")) == "1892-02-01/1892-02-29")
        #expect(try dated("1890-02").precision == .month)
        #expect(bounds(try dated(" 1890-05-03 ")) == "1890-05-03/1890-05-03")
        #expect(try dated("1890-05-03").precision == .day)
        #expect(try dated("1890-05-03").raw == "1890-05-03")
    }

    @Test func xsDateTimeKeepsTheTime() throws {
        let d = try dated("1922-06-08T10:30:00")
        #expect(bounds(d) == "1922-06-08/1922-06-08")
        #expect(d.time == "10:30:00")
        #expect(try dated("1922-06-08T10:30:00.5+01:00").time == "10:30:00.5+01:00")
        #expect(try dated("1922-06-08T23:59Z").time == "23:59Z")
        #expect(bounds(try dated("1922-06-08Z")) == "1922-06-08/1922-06-08")
        #expect(bounds(try dated("1922-06-08+02:00")) == "1922-06-08/1922-06-08")
        #expect(DateParser.parse("1922-06-08T25:00:00").problem != nil)
        #expect(DateParser.parse("1922-06T10:00").problem != nil)
    }

    @Test func earlyAndNegativeYears() throws {
        #expect(bounds(try dated("999")) == "0999-01-01/0999-12-31")
        #expect(bounds(try dated("0999-03-01")) == "0999-03-01/0999-03-01")
        let caesar = try dated("-0044-03-15")
        #expect(caesar.notBefore?.year == -44 && caesar.notBefore?.month == 3 && caesar.notBefore?.day == 15)
        #expect(caesar.notBefore?.iso == "-0044-03-15")
        #expect(Day(iso: "-0044-03-15") == caesar.notBefore)
        #expect(bounds(try dated("-0001")) == "-0001-01-01/-0001-12-31")
        #expect(bounds(try dated("Y-12000")) == "-12000-01-01/-12000-12-31")
        #expect(try dated("0000").notBefore?.iso == "0000-01-01")
    }

    @Test func edtfQualifiers() throws {
        #expect(try dated("1890?").certainty == .uncertain)
        #expect(try dated("1890-05~").certainty == .approximate)
        #expect(try dated("1890-05-03%").certainty == .uncertainApproximate)
        #expect(bounds(try dated("1890?")) == "1890-01-01/1890-12-31")
        #expect(try dated("1890").certainty == .certain)
    }

    @Test func edtfUnspecifiedDigitsAndSeasons() throws {
        #expect(bounds(try dated("1890-05-XX")) == "1890-05-01/1890-05-31")
        #expect(try dated("1890-05-XX").precision == .month)
        #expect(bounds(try dated("1890-XX")) == "1890-01-01/1890-12-31")
        #expect(try dated("1890-XX-XX").precision == .year)
        #expect(bounds(try dated("189X")) == "1890-01-01/1899-12-31")
        #expect(bounds(try dated("18XX")) == "1800-01-01/1899-12-31")
        #expect(bounds(try dated("1890-21")) == "1890-03-01/1890-05-31")
        #expect(bounds(try dated("1890-24")) == "1890-12-01/1891-02-28")
    }

    @Test func edtfIntervalsWithOpenAndUnknownEnds() throws {
        let both = try dated("1890/1891")
        #expect(bounds(both) == "1890-01-01/1891-12-31" && both.precision == .range)
        let openStart = try dated("../1681-06-23")
        #expect(openStart.notBefore == nil && openStart.notAfter?.iso == "1681-06-23")
        #expect(openStart.isDated && openStart.isOpen && openStart.best?.iso == "1681-06-23")
        #expect(openStart.spanDays == nil)
        let openEnd = try dated("1681-06-23/..")
        #expect(openEnd.notBefore?.iso == "1681-06-23" && openEnd.notAfter == nil)
        #expect(try dated("/1681-06").notAfter?.iso == "1681-06-30")
        #expect(try dated("1681-06-23/1681-06-25?").certainty == .uncertain)
        if case .impossible(_, let reason) = DateParser.parse("1891/1890") {
            #expect(reason.contains("before it starts"))
        } else { Issue.record("an interval that ends before it starts is impossible") }
        #expect(DateParser.parse("1890/1891/1892").problem != nil)
    }

    @Test func impossibleDatesKeepTheirRawValue() {
        let reading = DateParser.parse("1931-02-30")
        guard case .impossible(let raw, let reason) = reading else {
            Issue.record("1931-02-30 is not a day"); return
        }
        #expect(raw == "1931-02-30")
        #expect(reason.contains("February 1931 has 28 days"))
        #expect(reading.date.raw == "1931-02-30" && !reading.date.isDated && reading.date.precision == .undated)
        guard case .impossible = DateParser.parse("1931-13-01") else { Issue.record("month 13"); return }
        guard case .impossible = DateParser.parse("1931-00") else { Issue.record("month 0"); return }
    }

    @Test func undatedMarksAndUnreadableValues() {
        for mark in ["", "  ", "s.d.", "[sd]", "S. d.", "n.d.", "o.D.", "undated", "[?]"] {
            guard case .undated = DateParser.parse(mark) else { Issue.record("\"\(mark)\" means undated"); continue }
        }
        for bad in ["12.5.1890", "May 1890", "1890-5-3", "1890-05-03-01", "abc", "1890--05", "\u{0}1890"] {
            guard case .unreadable(let raw, let reason) = DateParser.parse(bad) else {
                Issue.record("\"\(bad)\" is not a date form the parser knows"); continue
            }
            #expect(raw == bad)
            #expect(reason.contains("expected"))
        }
    }

    @Test func aLongValueIsBoundedInTheMessage() {
        let long = String(repeating: "9", count: 5000) + "-01"
        #expect((DateParser.parse(long).problem?.count ?? 0) < 300)
    }

    @Test func historicalDateBestAndDrawnBounds() throws {
        let open = try dated("1681-06-23/..")
        #expect(open.drawnBounds.map { "\($0.notBefore.iso) \($0.notAfter.iso)" } == "1681-06-23 1681-06-23")
        #expect(HistoricalDate.undated(raw: "[sd]").best == nil)
        #expect(HistoricalDate.undated(raw: "[sd]").drawnBounds == nil)
        let neighbours = HistoricalDate(notBefore: Day(year: 1890, month: 1, day: 1)!, notAfter: Day(year: 1890, month: 1, day: 3)!,
                                        precision: .range, evidence: .neighbours)
        #expect(neighbours.notBeforeOrigin == .inferred && neighbours.notAfterOrigin == .inferred)
        #expect(try dated("1890").notBeforeOrigin == .source)
    }
}
