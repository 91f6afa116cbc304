/// Splits text at spaces the way `split(separator: " ")` does, but over UTF-8 bytes when
/// every separator stands between ASCII bytes.
///
/// Why it exists: `String.split(separator:)` walks Characters (grapheme clusters), tens of
/// thousands of instructions for one header line; headers and duplicate checks split every
/// entry. In ASCII text without CR every byte is its own Character, so a byte split gives the very same
/// pieces; so does other text as long as each separator has ASCII bytes on both sides. The
/// rest takes the Character split, where a space followed by a combining mark is not a separator.
enum SpaceSplitter {
    /// The non-empty pieces of `text` between the bytes `isSeparator` accepts (ASCII
    /// separators only), as `text.split(whereSeparator:)` with the same characters gives them.
    static func pieces<Text: StringProtocol>(of text: Text, where isSeparator: (UInt8) -> Bool) -> [Text.SubSequence] {
        let utf8 = text.utf8
        // No CR, and every separator byte between ASCII bytes (or at an end): each separator is
        // then a Character of its own (only CR LF, a combining mark after it or a prepended
        // mark before it would make it part of a larger one), so a byte split gives the same pieces.
        let bytesSplit = utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            let n = bytes.count
            for i in 0..<n {
                let b = bytes[i]
                if b == 0x0D { return false }
                if b < 0x80, isSeparator(b), (i > 0 && bytes[i - 1] >= 0x80) || (i + 1 < n && bytes[i + 1] >= 0x80) { return false }
            }
            return true
        } ?? utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D })
        guard bytesSplit else {
            return text.split(whereSeparator: { c in c.utf8.count == 1 && c.utf8.first.map(isSeparator) == true })
        }
        var result: [Text.SubSequence] = []
        var start = utf8.startIndex
        var i = start
        while i != utf8.endIndex {
            if utf8[i] < 0x80, isSeparator(utf8[i]) {
                if i != start { result.append(text[start..<i]) }
                start = utf8.index(after: i)
            }
            i = utf8.index(after: i)
        }
        if start != utf8.endIndex { result.append(text[start..<utf8.endIndex]) }
        return result
    }

    /// `text.split(separator: " ")`.
    static func words<Text: StringProtocol>(_ text: Text) -> [Text.SubSequence] {
        pieces(of: text, where: { $0 == 0x20 })
    }
}
