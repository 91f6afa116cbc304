import Drawing
import Testing

/// A bin's length in words, as captions and legends print it ("messages of one row within
/// …"): days while a reader counts days, then months and years. A catalogue of centuries
/// binned its replies "within 44887 days".
@Suite struct TimeBinsWordsTests {
    @Test func shortBinsInDaysLongOnesInMonthsAndYears() {
        #expect(TimeBins.days(0.2) == "a day")
        #expect(TimeBins.days(1) == "a day")
        #expect(TimeBins.days(7.3) == "8 days")
        #expect(TimeBins.days(59) == "59 days")
        #expect(TimeBins.days(60) == "about 2 months")
        #expect(TimeBins.days(400) == "about 13 months")
        #expect(TimeBins.days(730) == "about 2 years")
        #expect(TimeBins.days(44_886.4) == "about 123 years")
    }
}
