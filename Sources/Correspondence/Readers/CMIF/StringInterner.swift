/// Holds one copy of each distinct string: a value written in many records (a place name, an
/// authority ref, an edition) then takes its bytes once, however many messages keep it.
struct StringInterner {
    private var known = Set<String>()

    /// The copy already held of a string equal to `s`, else `s`, now held.
    /// - Complexity: O(length of `s`), amortised.
    mutating func intern(_ s: String) -> String {
        known.insert(s).memberAfterInsert
    }
}
