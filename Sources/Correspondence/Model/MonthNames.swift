/// The one table of English month names, for every label, caption, parser and export that
/// names a month (issue 18: it was written out in four places).
public enum MonthNames {
    /// "January" ... "December".
    public static let full = ["January", "February", "March", "April", "May", "June", "July", "August",
                              "September", "October", "November", "December"]
    /// "Jan" ... "Dec": the first three letters of each.
    public static let abbreviated = full.map { String($0.prefix(3)) }
    /// "january" ... "december", for parsers that compare lower-cased text.
    public static let lowercased = full.map { $0.lowercased() }
}
