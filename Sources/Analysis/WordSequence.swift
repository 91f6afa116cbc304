/// The words of a text as byte ranges of its UTF-8, each with a case-folded hash and the
/// source line it stands on. Built once per message body and shared by the topic and mention
/// matchers, so that 50,000 messages are scanned without creating a `String` per word.
///
/// Word characters are ASCII letters and digits and non-ASCII letters. Everything else
/// separates words: spaces, ASCII punctuation (so "Lend-Lease" is `lend lease`, "U.S.S.R." is
/// `u s s r`, "de Gaulle's" is `de gaulle s`), and the Unicode punctuation of the corpus (dashes,
/// curly quotes, no-break space, superscript footnote markers such as ³ and ⁵⁰). ASCII letters
/// are compared without case; other letters as written.
struct WordSequence: Sendable {
    /// The text's UTF-8 bytes, unchanged.
    let bytes: [UInt8]
    private(set) var starts: [Int32] = []
    private(set) var ends: [Int32] = []
    private(set) var hashes: [UInt64] = []
    private(set) var lines: [Int32] = []

    var count: Int { starts.count }

    /// Splits `text` into words; the first line of `text` is source line `firstLine`.
    init(_ text: String, firstLine: Int) {
        bytes = Array(text.utf8)
        let n = bytes.count
        starts.reserveCapacity(n / 5)
        ends.reserveCapacity(n / 5)
        hashes.reserveCapacity(n / 5)
        lines.reserveCapacity(n / 5)
        var line = Int32(firstLine)
        var i = 0
        var wordStart = -1
        var wordLine = line
        var hash = WordSequence.fnvOffset
        @inline(__always) func close(_ end: Int) {
            if wordStart >= 0 {
                starts.append(Int32(wordStart))
                ends.append(Int32(end))
                hashes.append(hash)
                lines.append(wordLine)
                wordStart = -1
                hash = WordSequence.fnvOffset
            }
        }
        while i < n {
            let b = bytes[i]
            let width = WordSequence.separatorWidth(bytes, at: i)
            if width > 0 {
                close(i)
                if b == 0x0A { line += 1 }
                i += width
                continue
            }
            if wordStart < 0 { wordStart = i; wordLine = line }
            hash = (hash ^ UInt64(WordSequence.folded(b))) &* WordSequence.fnvPrime
            i += 1
        }
        close(n)
    }

    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01b3

    @inline(__always) static func folded(_ b: UInt8) -> UInt8 {
        (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
    }

    /// The case-folded hash of one word given as text (for building matchers).
    static func hash<S: Sequence>(of word: S) -> UInt64 where S.Element == UInt8 {
        var h = fnvOffset
        for b in word { h = (h ^ UInt64(folded(b))) &* fnvPrime }
        return h
    }

    /// Byte width of the separator starting at `i`, or 0 when a word character starts there.
    @inline(__always) static func separatorWidth(_ s: [UInt8], at i: Int) -> Int {
        let b = s[i]
        if b < 0x80 {
            let isWord = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
            return isWord ? 0 : 1
        }
        // U+0080...U+00BF: no-break space, guillemets, superscripts ¹ ² ³, signs.
        if b == 0xC2 { return 2 }
        // U+2000...U+207F: spaces, dashes, quotes, ellipsis, superscript digits.
        if b == 0xE2, i + 1 < s.count, s[i + 1] == 0x80 || s[i + 1] == 0x81 { return 3 }
        return 0
    }

    /// The word at `index` as written.
    func word(_ index: Int) -> String {
        String(decoding: bytes[Int(starts[index])..<Int(ends[index])], as: UTF8.self)
    }

    /// The text from the start of word `first` to the end of word `last`, as written, on one line.
    func text(from first: Int, through last: Int) -> String {
        let raw = String(decoding: bytes[Int(starts[first])..<Int(ends[last])], as: UTF8.self)
        return raw.split(whereSeparator: { $0 == "\n" || $0 == " " }).joined(separator: " ")
    }

    /// True when word `index` equals `word` (ASCII case-folded).
    func wordEquals(_ index: Int, _ word: [UInt8]) -> Bool {
        let s = Int(starts[index]), e = Int(ends[index])
        guard e - s == word.count else { return false }
        for k in 0..<word.count where WordSequence.folded(bytes[s + k]) != WordSequence.folded(word[k]) {
            return false
        }
        return true
    }

    /// True when word `index` starts with `prefix` (ASCII case-folded).
    func wordHasPrefix(_ index: Int, _ prefix: [UInt8]) -> Bool {
        let s = Int(starts[index]), e = Int(ends[index])
        guard e - s >= prefix.count else { return false }
        for k in 0..<prefix.count where WordSequence.folded(bytes[s + k]) != WordSequence.folded(prefix[k]) {
            return false
        }
        return true
    }

    /// True when word `index` begins with a capital letter (or a non-ASCII letter), as names do.
    func isCapitalised(_ index: Int) -> Bool {
        let b = bytes[Int(starts[index])]
        return (b >= 0x41 && b <= 0x5A) || b >= 0x80
    }

    /// Splits a phrase of a lexicon into its words, by the same rules as texts.
    static func words(of phrase: String) -> [[UInt8]] {
        let seq = WordSequence(phrase, firstLine: 1)
        return (0..<seq.count).map { Array(seq.bytes[Int(seq.starts[$0])..<Int(seq.ends[$0])]) }
    }
}
