/// The words of a text as byte ranges of its UTF-8, each with a case-folded hash and the
/// source line it stands on. Built once per message body and shared by the topic and mention
/// matchers, so that 50,000 messages are scanned without creating a `String` per word.
///
/// Word characters are ASCII letters and digits and non-ASCII letters. Everything else
/// separates words: spaces, ASCII punctuation (so "Lend-Lease" is `lend lease`, "U.S.S.R." is
/// `u s s r`, "de Gaulle's" is `de gaulle s`), and the Unicode punctuation of the corpus (dashes,
/// curly quotes, no-break space, superscript footnote markers such as ³ and ⁵⁰). ASCII letters
/// are compared without case; other letters as written.
///
/// Lines: a body's first line is the source line of its first paragraph (`fieldLines["body"]`)
/// and each newline of the body advances one line. The reader separates paragraphs by a blank
/// line as the source does, so lines are exact except after a paragraph the reader rejoined
/// across a page break, where they run short by the lines of the break.
struct WordSequence: Sendable {
    /// The text's UTF-8 bytes, unchanged.
    let bytes: [UInt8]
    /// One word: its case-folded FNV-1a hash, its byte range and its source line.
    struct Word: Sendable {
        let hash: UInt64
        let start: Int32
        let end: Int32
        let line: Int32
    }

    let words: [Word]

    var count: Int { words.count }

    /// Splits `text` into words; the first line of `text` is source line `firstLine`.
    init(_ text: String, firstLine: Int) {
        let bytes = Array(text.utf8)
        var words: [Word] = []
        words.reserveCapacity(bytes.count / 5 + 1)
        bytes.withUnsafeBufferPointer { s in
            let n = s.count
            var line = Int32(firstLine)
            var i = 0
            var wordStart = -1
            var hash = WordSequence.fnvOffset
            while i < n {
                let b = s[i]
                var width = 0
                if b < 0x80 {
                    let isWord = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
                    width = isWord ? 0 : 1
                } else if b == 0xC2 {
                    width = 2
                } else if b == 0xE2, i + 1 < n, s[i + 1] == 0x80 || s[i + 1] == 0x81 {
                    width = 3
                }
                if width > 0 {
                    if wordStart >= 0 {
                        words.append(Word(hash: hash, start: Int32(wordStart), end: Int32(i), line: line))
                        wordStart = -1
                        hash = WordSequence.fnvOffset
                    }
                    if b == 0x0A { line += 1 }
                    i += width
                    continue
                }
                if wordStart < 0 { wordStart = i }
                hash = (hash ^ UInt64(WordSequence.folded(b))) &* WordSequence.fnvPrime
                i += 1
            }
            if wordStart >= 0 {
                words.append(Word(hash: hash, start: Int32(wordStart), end: Int32(n), line: line))
            }
        }
        self.bytes = bytes
        self.words = words
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

    /// The word at `index` as written.
    func word(_ index: Int) -> String {
        String(decoding: bytes[Int(words[index].start)..<Int(words[index].end)], as: UTF8.self)
    }

    /// The text from the start of word `first` to the end of word `last`, as written, on one line.
    func text(from first: Int, through last: Int) -> String {
        let slice = bytes[Int(words[first].start)..<Int(words[last].end)]
        let raw = String(decoding: slice, as: UTF8.self)
        guard slice.contains(0x0A) || first != last else { return raw }
        return raw.split(whereSeparator: { $0 == "\n" || $0 == " " }).joined(separator: " ")
    }

    /// True when word `index` equals `word` (ASCII case-folded).
    func wordEquals(_ index: Int, _ word: [UInt8]) -> Bool {
        let s = Int(words[index].start), e = Int(words[index].end)
        guard e - s == word.count else { return false }
        for k in 0..<word.count where WordSequence.folded(bytes[s + k]) != WordSequence.folded(word[k]) {
            return false
        }
        return true
    }

    /// True when word `index` starts with `prefix` (ASCII case-folded).
    func wordHasPrefix(_ index: Int, _ prefix: [UInt8]) -> Bool {
        let s = Int(words[index].start), e = Int(words[index].end)
        guard e - s >= prefix.count else { return false }
        for k in 0..<prefix.count where WordSequence.folded(bytes[s + k]) != WordSequence.folded(prefix[k]) {
            return false
        }
        return true
    }

    /// True when word `index` begins with a capital letter (or a non-ASCII letter), as names do.
    func isCapitalised(_ index: Int) -> Bool {
        let b = bytes[Int(words[index].start)]
        return (b >= 0x41 && b <= 0x5A) || b >= 0x80
    }

    /// Splits a phrase of a lexicon into its words, by the same rules as texts.
    static func words(of phrase: String) -> [[UInt8]] {
        let seq = WordSequence(phrase, firstLine: 1)
        return (0..<seq.count).map { Array(seq.bytes[Int(seq.words[$0].start)..<Int(seq.words[$0].end)]) }
    }
}
