import Testing
import Correspondence

@Suite struct DayTests {
    @Test func ordinalRoundTrips() {
        // Through year, month and day (worked out from the day number) and ISO text and back.
        for ordinal in stride(from: -800_000, to: 800_000, by: 37) {
            let d = Day(ordinal: ordinal)
            #expect(d.ordinal == ordinal)
            #expect(Day(year: d.year, month: d.month, day: d.day)?.ordinal == ordinal)
            if d.year >= 0 && d.year <= 9999 { #expect(Day(iso: d.iso) == d) }
        }
        #expect(Day(year: 2000, month: 2, day: 29)!.iso == "2000-02-29")
        #expect(Day(year: 1900, month: 2, day: 29) == nil)
        #expect(Day(ordinal: -1).iso == "1969-12-31")
        #expect(Day(year: 1970, month: 1, day: 1)!.ordinal == 0)
        #expect(Day(year: 1941, month: 6, day: 22)!.days(to: Day(year: 1945, month: 5, day: 9)!) == 1417)
    }

    /// `iso` writes years 0-9999 byte by byte; it must spell every day as the general rule does
    /// (four-digit year padded with zeros, two-digit month and day), and years outside the range
    /// still take the general rule.
    @Test func isoSpellsEveryDayAsTheGeneralRule() {
        func general(_ d: Day) -> String {
            let (year, month, day) = d.civil
            let y = String(abs(year))
            return (year < 0 ? "-" : "") + String(repeating: "0", count: max(0, 4 - y.count)) + y
                + "-" + (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "") + String(day)
        }
        let first = Day(year: 0, month: 1, day: 1)!.ordinal, last = Day(year: 9999, month: 12, day: 31)!.ordinal
        for ordinal in stride(from: first - 800, through: last + 800, by: 7) + Array(first - 2...first + 2) + Array(last - 2...last + 2) {
            let d = Day(ordinal: ordinal)
            #expect(d.iso == general(d), "\(ordinal)")
        }
        #expect(Day(year: 7, month: 3, day: 9)!.iso == "0007-03-09")
        #expect(Day(year: 10_000, month: 1, day: 1)!.iso == "10000-01-01")
        #expect(Day(ordinal: first - 1).iso == "-0001-12-31")
    }

    @Test func rejectsImpossibleDays() {
        #expect(Day(year: 1942, month: 2, day: 29) == nil)
        #expect(Day(year: 1944, month: 2, day: 29) != nil)
        #expect(Day(iso: "1943-13-01") == nil)
        #expect(Day(iso: "1943-11-28")?.iso == "1943-11-28")
    }

    @Test func sha256MatchesKnownVectors() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        // two blocks after padding
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
