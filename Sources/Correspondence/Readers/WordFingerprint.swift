/// A 512-bit sketch of the distinct words of a text, to rule out most pairs of texts before
/// their word sets are built and compared (the printed-twice check of `CorpusAssembler`).
///
/// Why: at 500,000 messages nearly every message shares its writer, addressees and day with
/// others, and each is compared with up to `CorpusAssembler.duplicateWindow` of them; building
/// and intersecting hashed word sets for every pair was about a sixth of the reading time.
///
/// The test is exact, never a guess. The words of the normalised text
/// (`CorpusAssembler.wordSet`) come from the runs of bytes between spaces and line feeds. A run
/// of ASCII bytes between runs that end and begin with ASCII bytes is *certain*: it is a word of
/// the set as it stands, lower-cased, and equal to another such word exactly when their bytes
/// are. Every other run is *wild*: it may join its neighbours into one word (a space before a
/// combining mark is no separator) or equal a word of other bytes (the Kelvin sign and "K"), and
/// it accounts for at most one word of the set. Each certain word sets one bit; a bit set in one
/// sketch and not in the other stands for a certain word of the first that the second lacks,
/// unless one of the second's wild words equals it, and different bits for different words. So
/// the bits in one sketch only, less the other's wild runs, are a lower bound on the words of
/// the first set missing from the second; a pair whose bound already rules out the similarity
/// asked for is not compared. A text with a CR gets no sketch.
struct WordFingerprint: Sendable {
    /// One bit for each certain word's hash.
    private let bits: SIMD8<UInt64>
    /// Runs counted with their repeats: at least the number of distinct words.
    let words: Int
    /// Runs that are not certain (see above).
    let wild: Int

    private init(bits: SIMD8<UInt64>, words: Int, wild: Int) {
        self.bits = bits
        self.words = words
        self.wild = wild
    }

    /// The sketch of `text`, nil when it holds a CR.
    /// - Complexity: O(n) in the bytes of the text.
    static func of(_ text: String) -> WordFingerprint? {
        var text = text
        return text.withUTF8 { sketch(of: $0) }
    }

    private static func sketch(of bytes: UnsafeBufferPointer<UInt8>) -> WordFingerprint? {
        var bits = SIMD8<UInt64>(repeating: 0)
        var words = 0, wild = 0
        let n = bytes.count
        var i = 0
        // Whether the run before ended in an ASCII byte (true at the start of the text).
        var previousEndedASCII = true
        while i < n {
            let b = bytes[i]
            if b == 0x0D { return nil }
            if b == 0x20 || b == 0x0A { i += 1; continue }
            var certain = previousEndedASCII
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            var last = b
            while i < n, bytes[i] != 0x20, bytes[i] != 0x0A {
                let c = bytes[i]
                if c == 0x0D { return nil }
                if c >= 0x80 { certain = false }
                let lower = c >= 0x41 && c <= 0x5A ? c + 0x20 : c
                hash = (hash ^ UInt64(lower)) &* 0x0000_0100_0000_01B3
                last = c
                i += 1
            }
            previousEndedASCII = last < 0x80
            // The next run must open with an ASCII byte too (a mark there joins the space before it).
            var next = i
            while next < n, bytes[next] == 0x20 || bytes[next] == 0x0A { next += 1 }
            if next < n, bytes[next] >= 0x80 { certain = false }
            words += 1
            if certain {
                let mixed = hash ^ (hash >> 29) ^ (hash >> 47)
                bits[Int((mixed >> 6) & 7)] |= UInt64(1) << (mixed & 63)
            } else {
                wild += 1
            }
        }
        return WordFingerprint(bits: bits, words: words, wild: wild)
    }

    /// The bits set in this sketch and not in `other`'s: at least the number of certain words of
    /// this text that no certain word of the other has.
    private func bitsOnlyHere(_ other: WordFingerprint) -> Int {
        let only = bits & ~other.bits
        var count = 0
        for k in 0..<8 { count += only[k].nonzeroBitCount }
        return count
    }

    /// False when the two texts' word sets cannot reach a Jaccard similarity of 0.8 (shared /
    /// union): that needs the words in one set only to be at most a quarter of the shared words,
    /// and the shared words are at most the smaller run count (one word of slack for rounding).
    func mayReachFourFifths(_ other: WordFingerprint) -> Bool {
        let missing = max(0, bitsOnlyHere(other) - other.wild) + max(0, other.bitsOnlyHere(self) - wild)
        return missing * 4 <= min(words, other.words) + 4
    }
}
