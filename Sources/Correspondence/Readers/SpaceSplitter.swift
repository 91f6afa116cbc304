/// Splits text at spaces the way `split(separator: " ")` does, but over UTF-8 bytes when
/// the text is ASCII.
///
/// Why it exists: `String.split(separator:)` walks Characters (grapheme clusters), tens of
/// thousands of instructions for one header line; headers and duplicate checks split every
/// entry. In ASCII text without CR every byte is its own Character, so a byte split gives the very same
/// pieces. Text with other characters takes the Character split, where a space followed by
/// a combining mark is not a separator.
enum SpaceSplitter {
    /// The non-empty pieces of `text` between the bytes `isSeparator` accepts (ASCII
    /// separators only), as `text.split(whereSeparator:)` with the same characters gives them.
    static func pieces<Text: StringProtocol>(of text: Text, where isSeparator: (UInt8) -> Bool) -> [Text.SubSequence] {
        let utf8 = text.utf8
        // ASCII without CR: one byte, one Character (CR LF is a single Character).
        guard utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else {
            return text.split(whereSeparator: { c in c.utf8.count == 1 && c.utf8.first.map(isSeparator) == true })
        }
        var result: [Text.SubSequence] = []
        var start = utf8.startIndex
        var i = start
        while i != utf8.endIndex {
            if isSeparator(utf8[i]) {
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
