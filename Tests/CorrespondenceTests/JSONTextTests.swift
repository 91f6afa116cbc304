import Testing
@testable import Correspondence

/// JSON string literals: the fast path (nothing to escape) and every escape give the same bytes.
struct JSONTextTests {
    @Test func escapesQuotesBackslashesControlsAndLineSeparators() {
        #expect(JSONText.string("plain Żółć текст") == "\"plain Żółć текст\"")
        #expect(JSONText.string("a\"b\\c\nd\re\tf\u{1}g\u{1f}") == "\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u001f\"")
        #expect(JSONText.string("x\u{2028}y\u{2029}z\u{2027}") == "\"x\\u2028y\\u2029z\u{2027}\"")
        #expect(JSONText.string("") == "\"\"")
        #expect(JSONText.optional(nil) == "null")
    }
}
