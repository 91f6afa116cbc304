/// Years as historians write them. `Day` counts years astronomically (ISO 8601, EDTF: year 0
/// is 1 BC, -43 is 44 BC); a figure never prints "0" or "-43": there is no year 0, and 1 BCE is
/// followed by 1 CE. Years before the common era are written "44 BCE"; years of the common era
/// plainly ("1922"), but for "1 CE", the era's first year, which alone would read as a count.
public enum YearLabel {
    /// "44 BCE" for astronomical -43, "1 BCE" for 0, "1 CE" for 1, "1922" for 1922.
    public static func text(_ astronomicalYear: Int) -> String {
        if astronomicalYear <= 0 { return "\(1 - astronomicalYear) BCE" }
        return astronomicalYear == 1 ? "1 CE" : String(astronomicalYear)
    }

    /// Whether a tick every `step` years falls on `astronomicalYear`: round numbers as each era
    /// counts them (100 BCE, 50 BCE, 50, 100: astronomical -99, -49, 50, 100), and 1 CE, the era
    /// boundary, for steps of 5 years and more, where astronomical 0 (1 BCE) would have stood.
    public static func isRound(_ astronomicalYear: Int, every step: Int) -> Bool {
        guard step > 1 else { return true }
        if astronomicalYear <= 0 { return (1 - astronomicalYear) % step == 0 }
        return astronomicalYear % step == 0 || (astronomicalYear == 1 && step >= 5)
    }

    /// The first year at or after `astronomicalYear` on which a tick every `step` years falls.
    /// - Complexity: O(step).
    public static func firstRound(atOrAfter astronomicalYear: Int, every step: Int) -> Int {
        var y = astronomicalYear
        while !isRound(y, every: step) { y += 1 }
        return y
    }

    /// The year after `astronomicalYear` on which the next tick every `step` years falls.
    /// - Complexity: O(step).
    public static func nextRound(after astronomicalYear: Int, every step: Int) -> Int {
        firstRound(atOrAfter: astronomicalYear + 1, every: step)
    }
}
