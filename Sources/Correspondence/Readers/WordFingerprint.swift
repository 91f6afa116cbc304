/// A 512-bit sketch of the distinct words of an ASCII text, to rule out most pairs of texts
/// before their word sets are built and compared (the printed-twice check of
/// `CorpusAssembler`).
///
/// Why: at 500,000 messages nearly every message shares its writer, addressees and day with
/// others, and each is compared with up to `CorpusAssembler.duplicateWindow` of them; building
/// and intersecting hashed word sets for every pair was about a sixth of the reading time.
///
/// The test is exact, never a guess: each word sets one bit; a bit set in one text's sketch and
/// not in the other's stands for at least one word of the first that the second lacks, and
/// different bits for different words. So the bits in one sketch only are a lower bound on the
/// size of the two sets' symmetric difference; a pair whose bound already rules out the
/// similarity asked for is not compared. Only texts of ASCII bytes without CR get a sketch: there
/// the words of the normalised text (`CorpusAssembler.normalised`) are the runs of bytes between
/// spaces and line feeds, lower-cased, and two words are equal exactly when their bytes are (a
/// non-ASCII word can equal an ASCII one as a String, the Kelvin sign and "K").
struct WordFingerprint: Sendable {
    private var bits: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    /// Words counted with their repeats: at least the number of distinct words.
    private(set) var words = 0

    /// The sketch of `text`, nil when it is not all ASCII or holds a CR.
    /// - Complexity: O(n) in the bytes of the text.
    init?(_ text: String) {
        var text = text
        guard let made = text.withUTF8({ WordFingerprint(bytes: $0) }) else { return nil }
        self = made
    }

    private init() {}

    private init?(bytes: UnsafeBufferPointer<UInt8>) {
        self.init()
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var inWord = false
        for b in bytes {
            guard b < 0x80, b != 0x0D else { return nil }
            if b == 0x20 || b == 0x0A {
                if inWord { set(hash); hash = 0xcbf2_9ce4_8422_2325; inWord = false }
                continue
            }
            inWord = true
            let lower = b >= 0x41 && b <= 0x5A ? b + 0x20 : b
            hash = (hash ^ UInt64(lower)) &* 0x0000_0100_0000_01B3
        }
        if inWord { set(hash) }
    }

    private mutating func set(_ hash: UInt64) {
        words += 1
        let mixed = hash ^ (hash >> 29) ^ (hash >> 47)
        let bit = UInt64(1) << (mixed & 63)
        switch (mixed >> 6) & 7 {
        case 0: bits.0 |= bit
        case 1: bits.1 |= bit
        case 2: bits.2 |= bit
        case 3: bits.3 |= bit
        case 4: bits.4 |= bit
        case 5: bits.5 |= bit
        case 6: bits.6 |= bit
        default: bits.7 |= bit
        }
    }

    /// The number of bits set in one sketch and not the other: at most the number of words in
    /// one text's set and not in the other's.
    func differingBits(from other: WordFingerprint) -> Int {
        (bits.0 ^ other.bits.0).nonzeroBitCount + (bits.1 ^ other.bits.1).nonzeroBitCount
            + (bits.2 ^ other.bits.2).nonzeroBitCount + (bits.3 ^ other.bits.3).nonzeroBitCount
            + (bits.4 ^ other.bits.4).nonzeroBitCount + (bits.5 ^ other.bits.5).nonzeroBitCount
            + (bits.6 ^ other.bits.6).nonzeroBitCount + (bits.7 ^ other.bits.7).nonzeroBitCount
    }

    /// False when the two texts' word sets cannot reach a Jaccard similarity of 0.8: the shared
    /// words are at most the smaller word count, and a similarity of 0.8 needs the symmetric
    /// difference to be at most a quarter of the shared words (one word of slack).
    func mayReachFourFifths(_ other: WordFingerprint) -> Bool {
        differingBits(from: other) * 4 <= min(words, other.words) + 4
    }
}
