extension StringProtocol {
    /// True when the text has at most `limit` Characters (grapheme clusters), the length rule of
    /// the readers' short-line tests (a signature, an address, a salutation, a classification).
    /// A text of at most `limit` UTF-8 bytes has; otherwise at most `limit + 1` Characters are
    /// walked. `count` walks every Character of the text, and these tests run on every long
    /// body line, where it was a tenth of the time spent making the messages.
    /// - Complexity: O(1) when the text is short in bytes, else O(limit): `limit + 2` bytes, and
    ///   `limit + 1` Characters only when one of those bytes is not ASCII.
    @inlinable
    func hasAtMostCharacters(_ limit: Int) -> Bool {
        if utf8.count <= limit { return true }
        // Between two ASCII bytes other than CR LF there is always a grapheme break (combining
        // marks, prepended marks, regional indicators and Hangul are not ASCII): when the first
        // `limit + 2` bytes are ASCII without CR, the first `limit + 1` are Characters each.
        let leadsASCII = utf8.withContiguousStorageIfAvailable { bytes in
            bytes.count >= limit + 2 && !bytes[..<(limit + 2)].contains { $0 >= 0x80 || $0 == 0x0D }
        }
        if leadsASCII == true { return false }
        return index(startIndex, offsetBy: limit + 1, limitedBy: endIndex) == nil
    }
}
