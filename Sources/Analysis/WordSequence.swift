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
    /// The text itself: its UTF-8 is read in place (`withBytes`), not copied.
    let text: String
    /// The words' comparison keys when a word has a non-ASCII letter (empty otherwise: an
    /// ASCII text's keys are its bytes): the bytes up to the first non-ASCII letter, then each
    /// later word's folded bytes one after the other (ASCII letters in it may still be upper
    /// case: compare with `folded`). Read them with `withKeys`.
    private let foldedKeys: [UInt8]
    /// One word: the FNV-1a hash of its folded key and its byte range in the text. 16 bytes:
    /// a word is made for every word of a body (a 63 MB body is 11 million of them), so what
    /// can be found again is not stored: the key range (`keyRange`) and the line (`line`).
    struct Word: Sendable {
        let hash: UInt64
        let start: Int32
        let end: Int32
    }

    let words: [Word]
    /// The first word whose key lies in the folded part of `foldedKeys` (`words.count` when
    /// none does): the keys of earlier words are their byte ranges.
    private let firstFolded: Int
    /// The key start of each word from `firstFolded` on, then `foldedKeys.count`: those keys stand
    /// one after the other, so each ends where the next begins.
    private let foldedKeyStarts: [Int32]
    /// The byte offset of each newline of the text, in order: a word's line is `firstLine`
    /// plus the newlines before it.
    private let newlines: [Int32]
    private let firstLine: Int

    var count: Int { words.count }

    /// The words of a message's body, lines counted from where the body stands in its source.
    /// - Complexity: O(n) in the bytes of the body.
    @inline(__always)   // so that a caller reads these fields of its array's message, not a copy of all of it
    init(bodyOf message: Message, wordLimit: Int = .max) {
        self.init(message.body, firstLine: message.fieldLines["body"] ?? message.span.startLine, wordLimit: wordLimit)
    }

    /// Splits `text` into words; the first line of `text` is source line `firstLine`. With a
    /// `wordLimit`, only the first that many words are made (an opening phrase).
    /// - Complexity: O(n) in the bytes of `text`, read in place; an ASCII text allocates no
    ///   key buffer. A text of more than 64 kB is counted first, so that its words take
    ///   exactly their room.
    init(_ text: String, firstLine: Int, wordLimit: Int = .max) {
        var text = text
        var words: [Word] = []
        var keys: [UInt8] = []
        var keyStarts: [Int32] = []
        var newlines: [Int32] = []
        var firstFolded = -1
        var folding = false
        text.withUTF8 { s in
            let n = s.count
            words.reserveCapacity(min(wordLimit, n <= 1 << 16 ? n / 5 + 1 : WordSequence.countWords(s)))
            var i = 0
            var wordStart = -1
            var hash = WordSequence.fnvOffset
            while i < n {
                let b = s[i]
                let width = WordSequence.separatorWidth(s, at: i)
                if width > 0 {
                    if wordStart >= 0 {
                        words.append(Word(hash: hash, start: Int32(wordStart), end: Int32(i)))
                        wordStart = -1
                        hash = WordSequence.fnvOffset
                        if words.count == wordLimit { break }
                    }
                    if b == 0x0A { newlines.append(Int32(i)) }
                    i += width
                    continue
                }
                if wordStart < 0 {
                    wordStart = i
                    if folding { keyStarts.append(Int32(keys.count)) }
                }
                if b < 0x80 {
                    // The run of ASCII letters and digits from here, in one tight loop: most of
                    // a text's bytes, each tested once (not for a separator, then a word start,
                    // then ASCII). The same words and hashes as byte by byte.
                    if folding {
                        while i < n, let f = WordSequence.asciiWordByte(s[i]) {
                            hash = (hash ^ UInt64(f)) &* WordSequence.fnvPrime
                            keys.append(f)
                            i += 1
                        }
                    } else {
                        while i < n, let f = WordSequence.asciiWordByte(s[i]) {
                            hash = (hash ^ UInt64(f)) &* WordSequence.fnvPrime
                            i += 1
                        }
                    }
                    continue
                }
                // A non-ASCII letter or mark: its folded form goes into the key buffer, which
                // starts as a copy of the bytes so far (earlier keys keep their offsets; this
                // word's key starts where its bytes do).
                let length = b >= 0xF0 ? 4 : (b >= 0xE0 ? 3 : 2)
                var value = UInt32(b) & (length == 2 ? 0x1F : (length == 3 ? 0x0F : 0x07))
                var k = 1
                while k < length && i + k < n {
                    value = value << 6 | (UInt32(s[i + k]) & 0x3F)
                    k += 1
                }
                if !folding {
                    folding = true
                    firstFolded = words.count
                    keyStarts.append(Int32(wordStart))
                    keys = Array(UnsafeBufferPointer(rebasing: s[0..<i]))
                    keys.reserveCapacity(n)
                }
                for f in LetterFolding.fold(value) {
                    hash = (hash ^ UInt64(WordSequence.folded(f))) &* WordSequence.fnvPrime
                    keys.append(f)
                }
                i += length
            }
            if wordStart >= 0 {
                words.append(Word(hash: hash, start: Int32(wordStart), end: Int32(n)))
            }
        }
        if folding { keyStarts.append(Int32(keys.count)) }
        self.text = text
        self.foldedKeys = keys
        self.words = words
        self.firstFolded = folding ? firstFolded : words.count
        self.foldedKeyStarts = keyStarts
        self.newlines = newlines
        self.firstLine = firstLine
    }

    /// The width of the separator at `i` (0 when a word character stands there): one byte of
    /// ASCII that is not a letter or digit, two for a character of U+0080...U+00BF (no-break
    /// space, superscripts, guillemets), three for U+2000...U+207F (dashes, curly quotes).
    @inline(__always)
    private static func separatorWidth(_ s: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b = s[i]
        if b < 0x80 {
            let isWord = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
            return isWord ? 0 : 1
        }
        if b == 0xC2 { return 2 }
        if b == 0xE2, i + 1 < s.count, s[i + 1] == 0x80 || s[i + 1] == 0x81 { return 3 }
        return 0
    }

    /// The number of words `init` makes of `s` (runs of word bytes between separators).
    /// - Complexity: O(n) in the bytes.
    private static func countWords(_ s: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0, i = 0, inWord = false
        while i < s.count {
            let width = separatorWidth(s, at: i)
            if width > 0 {
                inWord = false
                i += width
            } else {
                if !inWord { count += 1; inWord = true }
                i += 1
            }
        }
        return count
    }

    /// Runs `body` with the text's UTF-8 bytes, in place.
    @inline(__always)
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        var text = self.text
        return try text.withUTF8(body)
    }

    /// Runs `body` with the buffer that `keyRange` indexes: the folded keys when the text has
    /// any, else the text's bytes.
    @inline(__always)
    func withKeys<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if firstFolded < words.count { return try foldedKeys.withUnsafeBufferPointer(body) }
        return try withBytes(body)
    }

    /// The byte at offset `i` of the text's UTF-8.
    func byte(_ i: Int) -> UInt8 { withBytes { $0[i] } }

    /// The byte at offset `i` of the keys' buffer (see `withKeys`).
    func keyByte(_ i: Int) -> UInt8 { withKeys { $0[i] } }

    /// The range of word `index`'s key in the keys' buffer (`withKeys`).
    @inline(__always)
    func keyRange(_ index: Int) -> Range<Int> {
        guard index >= firstFolded else { return Int(words[index].start)..<Int(words[index].end) }
        let k = index - firstFolded
        return Int(foldedKeyStarts[k])..<Int(foldedKeyStarts[k + 1])
    }

    /// The source line word `index` stands on.
    /// - Complexity: O(log l) for l lines of the text.
    func line(_ index: Int) -> Int {
        let start = words[index].start
        var low = 0, high = newlines.count
        while low < high {
            let mid = (low + high) / 2
            if newlines[mid] < start { low = mid + 1 } else { high = mid }
        }
        return firstLine + low
    }

    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01b3

    /// `b` case-folded when it is an ASCII letter or digit (a word byte of ASCII); else nil.
    @inline(__always) static func asciiWordByte(_ b: UInt8) -> UInt8? {
        let lower = b | 0x20
        if lower &- 0x61 < 26 { return lower }
        if b &- 0x30 < 10 { return b }
        return nil
    }

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
        withBytes { String(decoding: UnsafeBufferPointer(rebasing: $0[Int(words[index].start)..<Int(words[index].end)]), as: UTF8.self) }
    }

    /// The text from the start of word `first` to the end of word `last`, as written, on one line.
    func text(from first: Int, through last: Int) -> String {
        let (raw, hasNewline) = withBytes { bytes -> (String, Bool) in
            let slice = UnsafeBufferPointer(rebasing: bytes[Int(words[first].start)..<Int(words[last].end)])
            return (String(decoding: slice, as: UTF8.self), slice.contains(0x0A))
        }
        guard hasNewline || first != last else { return raw }
        return raw.split(whereSeparator: { $0 == "\n" || $0 == " " }).joined(separator: " ")
    }

    /// True when the key of word `index` equals `key` (a key from `words(of:)`).
    func wordEquals(_ index: Int, _ key: [UInt8]) -> Bool {
        withKeys { keys in key.withUnsafeBufferPointer { wordMatches(index, $0, prefix: false, in: keys) } }
    }

    /// True when the key of word `index` starts with `prefix` (a key from `words(of:)`).
    func wordHasPrefix(_ index: Int, _ prefix: [UInt8]) -> Bool {
        withKeys { keys in prefix.withUnsafeBufferPointer { wordMatches(index, $0, prefix: true, in: keys) } }
    }

    /// Whether the key of word `index` is `key` (`prefix`: starts with it), case-folded, with
    /// the keys' buffer at hand (`withKeys`): the one comparison of `wordEquals`,
    /// `wordHasPrefix` and a matcher's loop, which lends its terms' bytes as buffers.
    @inline(__always)
    func wordMatches(_ index: Int, _ key: UnsafeBufferPointer<UInt8>, prefix: Bool, in keys: UnsafeBufferPointer<UInt8>) -> Bool {
        let range = keyRange(index)
        guard prefix ? range.count >= key.count : range.count == key.count else { return false }
        let s = range.lowerBound
        for k in 0..<key.count where WordSequence.folded(keys[s + k]) != WordSequence.folded(key[k]) {
            return false
        }
        return true
    }

    /// The key of word `index`, lower case and without diacritics ("mikolajczyk").
    func key(_ index: Int) -> String {
        withKeys { String(decoding: $0[keyRange(index)].map(WordSequence.folded), as: UTF8.self) }
    }

    /// True when word `index` begins with a capital letter (or a non-ASCII letter), as names do.
    func isCapitalised(_ index: Int) -> Bool {
        let b = byte(Int(words[index].start))
        return (b >= 0x41 && b <= 0x5A) || b >= 0x80
    }

    /// Splits a phrase of a lexicon into the keys of its words, by the same rules as texts.
    static func words(of phrase: String) -> [[UInt8]] {
        let seq = WordSequence(phrase, firstLine: 1)
        return seq.withKeys { keys in (0..<seq.count).map { Array(keys[seq.keyRange($0)]) } }
    }
}
