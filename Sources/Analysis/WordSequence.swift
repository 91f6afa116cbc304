import Correspondence

/// The words of a text as byte ranges of its UTF-8, each with a case-folded hash and the
/// source line it stands on. Built once per message body and shared by the topic and mention
/// matchers, so that 50,000 messages are scanned without creating a `String` per word.
///
/// Word characters are ASCII letters and digits and non-ASCII letters. Everything else
/// separates words: spaces, ASCII punctuation (so "Lend-Lease" is `lend lease`, "U.S.S.R." is
/// `u s s r`, "de Gaulle's" is `de gaulle s`), and the Unicode punctuation of the corpus (dashes,
/// curly quotes, no-break space, superscript footnote markers such as ³ and ⁵⁰). Words are
/// compared without case and without diacritics, in any Unicode normalisation form: each word has
/// a *key* (see `LetterFolding`), so "Łódź", "LODZ" and "Lodz" are one word,
/// as are "émigré" (NFC or NFD) and "emigre". There is no stemming: "letter" and "letters" are
/// different words (a lexicon says `letter*`).
///
/// Lines: a body's first line is the source line of its first paragraph (`fieldLines["body"]`)
/// and each newline of the body advances one line. The reader separates paragraphs by a blank
/// line as the source does, so lines are exact except after a paragraph the reader rejoined
/// across a page break, where they run short by the lines of the break.
struct WordSequence: Sendable {
    /// The text's UTF-8 bytes, unchanged.
    let bytes: [UInt8]
    /// The words' comparison keys: `bytes` itself for an ASCII text; else a buffer holding each
    /// word's folded bytes (ASCII letters in it may still be upper case: compare with `folded`).
    let keys: [UInt8]
    /// One word: the FNV-1a hash of its folded key, its byte range in `bytes`, its key range in
    /// `keys` and its source line.
    struct Word: Sendable {
        let hash: UInt64
        let start: Int32
        let end: Int32
        let keyStart: Int32
        let keyEnd: Int32
        let line: Int32
    }

    let words: [Word]

    var count: Int { words.count }

    /// The words of a message's body, lines counted from where the body stands in its source.
    /// - Complexity: O(n) in the bytes of the body.
    init(bodyOf message: Message) {
        self.init(message.body, firstLine: message.fieldLines["body"] ?? message.span.startLine)
    }

    /// Splits `text` into words; the first line of `text` is source line `firstLine`.
    /// - Complexity: O(n) in the bytes of `text`; an ASCII text allocates no key buffer.
    init(_ text: String, firstLine: Int) {
        let bytes = Array(text.utf8)
        var words: [Word] = []
        words.reserveCapacity(bytes.count / 5 + 1)
        var keys: [UInt8] = []
        var folding = false
        bytes.withUnsafeBufferPointer { s in
            let n = s.count
            var line = Int32(firstLine)
            var i = 0
            var wordStart = -1
            var keyStart = 0
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
                        words.append(Word(hash: hash, start: Int32(wordStart), end: Int32(i), keyStart: Int32(keyStart),
                                          keyEnd: Int32(folding ? keys.count : i), line: line))
                        wordStart = -1
                        hash = WordSequence.fnvOffset
                    }
                    if b == 0x0A { line += 1 }
                    i += width
                    continue
                }
                if wordStart < 0 {
                    wordStart = i
                    keyStart = folding ? keys.count : i
                }
                if b < 0x80 {
                    let f = WordSequence.folded(b)
                    hash = (hash ^ UInt64(f)) &* WordSequence.fnvPrime
                    if folding { keys.append(f) }
                    i += 1
                    continue
                }
                // A non-ASCII letter or mark: its folded form goes into the key buffer, which
                // starts as a copy of the bytes so far (earlier keys keep their offsets).
                let length = b >= 0xF0 ? 4 : (b >= 0xE0 ? 3 : 2)
                var value = UInt32(b) & (length == 2 ? 0x1F : (length == 3 ? 0x0F : 0x07))
                var k = 1
                while k < length && i + k < n {
                    value = value << 6 | (UInt32(s[i + k]) & 0x3F)
                    k += 1
                }
                if !folding {
                    folding = true
                    keys = Array(s[0..<i])
                    keys.reserveCapacity(n)
                }
                for f in LetterFolding.fold(value) {
                    hash = (hash ^ UInt64(WordSequence.folded(f))) &* WordSequence.fnvPrime
                    keys.append(f)
                }
                i += length
            }
            if wordStart >= 0 {
                words.append(Word(hash: hash, start: Int32(wordStart), end: Int32(n), keyStart: Int32(keyStart),
                                  keyEnd: Int32(folding ? keys.count : n), line: line))
            }
        }
        self.bytes = bytes
        self.keys = folding ? keys : bytes
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

    /// True when the key of word `index` equals `key` (a key from `words(of:)`).
    func wordEquals(_ index: Int, _ key: [UInt8]) -> Bool {
        let s = Int(words[index].keyStart), e = Int(words[index].keyEnd)
        guard e - s == key.count else { return false }
        for k in 0..<key.count where WordSequence.folded(keys[s + k]) != WordSequence.folded(key[k]) {
            return false
        }
        return true
    }

    /// True when the key of word `index` starts with `prefix` (a key from `words(of:)`).
    func wordHasPrefix(_ index: Int, _ prefix: [UInt8]) -> Bool {
        let s = Int(words[index].keyStart), e = Int(words[index].keyEnd)
        guard e - s >= prefix.count else { return false }
        for k in 0..<prefix.count where WordSequence.folded(keys[s + k]) != WordSequence.folded(prefix[k]) {
            return false
        }
        return true
    }

    /// The key of word `index`, lower case and without diacritics ("mikolajczyk").
    func key(_ index: Int) -> String {
        String(decoding: keys[Int(words[index].keyStart)..<Int(words[index].keyEnd)].map(WordSequence.folded), as: UTF8.self)
    }

    /// True when word `index` begins with a capital letter (or a non-ASCII letter), as names do.
    func isCapitalised(_ index: Int) -> Bool {
        let b = bytes[Int(words[index].start)]
        return (b >= 0x41 && b <= 0x5A) || b >= 0x80
    }

    /// Splits a phrase of a lexicon into the keys of its words, by the same rules as texts.
    static func words(of phrase: String) -> [[UInt8]] {
        let seq = WordSequence(phrase, firstLine: 1)
        return (0..<seq.count).map { Array(seq.keys[Int(seq.words[$0].keyStart)..<Int(seq.words[$0].keyEnd)]) }
    }
}
