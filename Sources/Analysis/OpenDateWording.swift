/// What every figure placed in time says about a date known from one side only (TEI/CMIF
/// `notBefore` or `notAfter` alone, EDTF `../1681-06-23`): drawn at its known day with a dotted
/// arrow toward the open side. One wording for the timelines and the replies figure, so a
/// reader meets the same legend entry and caption sentence in both; it lives here, below both
/// renderers, like `FigureCaption`.
public enum OpenDateWording {
    /// The legend entry of the side drawn: `later` for "not before" alone (the date may be later).
    public static func legend(later: Bool) -> String {
        later ? "dated only \"not before\" a day: mark at that day, arrow toward the later dates it may have"
            : "dated only \"not after\" a day: mark at that day, arrow toward the earlier dates it may have"
    }

    /// The caption's sentence for `count` items of one side, counted as `noun` (singular,
    /// plural: "letter", "letters"); ends with a space, as caption sentences are joined.
    public static func caption(_ count: Int, later: Bool, noun: (one: String, many: String)) -> String {
        "\(count) \(count == 1 ? noun.one + " is" : noun.many + " are") dated only \"\(later ? "not before" : "not after")\" a day: "
            + "drawn at that day with a dotted arrow toward \(later ? "later" : "earlier") dates. "
    }
}
