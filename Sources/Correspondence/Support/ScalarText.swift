/// Replacing characters scalar by scalar, for escapers. Foundation's `replacingOccurrences` and
/// Swift's `Character` comparisons work on grapheme clusters: a quote, hyphen or line feed
/// followed by a combining mark is one cluster with it and is not found, so an escape built on
/// them lets the quote through (FuzzDOT found a node id whose `"` before U+059F closed the DOT
/// string early; an XML comment kept `--` before U+0301). Every escaper that is not already a
/// byte or scalar loop uses these.
public enum ScalarText {
    /// `text` with each scalar for which `replacement` returns a string replaced by it.
    /// `replacement` sees every scalar once, in order, so it may keep state (the previous one).
    /// - Complexity: O(n) in the length of `text`.
    public static func replacing(in text: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
        var out = String.UnicodeScalarView()
        var changed = false
        for scalar in text.unicodeScalars {
            if let with = replacement(scalar) {
                out.append(contentsOf: with.unicodeScalars)
                changed = true
            } else {
                out.append(scalar)
            }
        }
        return changed ? String(out) : text
    }

    /// `text` on one line: each line feed and carriage return becomes a space.
    /// - Complexity: O(n) in the length of `text`.
    public static func oneLine(_ text: String) -> String {
        replacing(in: text) { $0 == "\n" || $0 == "\r" ? " " : nil }
    }
}
