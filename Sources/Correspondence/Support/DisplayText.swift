/// How a name from the input is shown in a figure: whole up to `maxNameLength` characters,
/// cut with an ellipsis past it. A figure has room for a name, not for a 100 kB field, and
/// laying out, measuring and wrapping such a field would cost time in its length; exports,
/// which are data, keep every name whole.
public enum DisplayText {
    /// Longest name a figure shows whole, in characters (grapheme clusters).
    public static let maxNameLength = 80

    /// `text` whole, or its first `limit - 1` characters and "…".
    /// - Complexity: O(limit), whatever the length of `text`.
    public static func bounded(_ text: String, limit: Int = maxNameLength) -> String {
        guard let end = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex), end < text.endIndex else {
            return text
        }
        let keep = text.index(text.startIndex, offsetBy: limit - 1)
        return String(text[..<keep]) + "…"
    }
}
