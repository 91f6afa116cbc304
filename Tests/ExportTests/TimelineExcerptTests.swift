@testable import Export
import Testing

/// The TimelineJS excerpt is read from the UTF-8 bytes for text whose scalars are each a
/// character; the shortcut must give exactly what reading by characters gives (the file is
/// compared byte for byte), and must step aside for any text where a scalar joins another.
@Suite struct TimelineExcerptTests {
    /// Scalars the shortcut takes: Latin, spaces and punctuation, with white space of every kind.
    static let pool: [Unicode.Scalar] = {
        var out: [Unicode.Scalar] = []
        for v in [0x20, 0x20, 0x20, 0x0A, 0x0D, 0x09, 0x41, 0x62, 0x7A, 0x2E, 0x2C, 0xA0, 0xAD, 0xE9, 0xFC, 0x152, 0x2BC,
                  0x2000, 0x2009, 0x200B, 0x2013, 0x2014, 0x2019, 0x201C, 0x2026, 0x2028, 0x202F, 0x205F, 0x85] {
            out.append(Unicode.Scalar(v)!)
        }
        return out
    }()

    @Test func theScalarReadingGivesTheCharacterReading() {
        // A fixed sequence (SplitMix64 of a fixed seed), so that a failure is seen again.
        struct Sequence: RandomNumberGenerator {
            var state: UInt64
            mutating func next() -> UInt64 {
                state &+= 0x9E37_79B9_7F4A_7C15
                var z = state
                z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                return z ^ (z >> 31)
            }
        }
        var generator = Sequence(state: 2026)
        for limit in [1, 5, 20, 60] {
            let writer = TimelineJSWriter(excerptLength: limit)
            for _ in 0..<2_000 {
                var text = String.UnicodeScalarView()
                for _ in 0..<Int.random(in: 0...90, using: &generator) { text.append(Self.pool.randomElement(using: &generator)!) }
                let body = String(text)
                let shortcut = writer.ownCharacterExcerpt(body)
                #expect(shortcut == writer.characterExcerpt(body), "\(Array(body.unicodeScalars.map(\.value)))")
            }
        }
    }

    @Test func everyScalarItTakesIsACharacterAndSpacesAlike() {
        for v in UInt32(0)...0x205F where v < 0x300 || v >= 0x2000 {
            guard let scalar = Unicode.Scalar(v), TimelineJSWriter.isOwnCharacter(scalar) else { continue }
            // Between two letters it stays a character of its own, and is white space as its character is.
            let text = "a" + String(scalar) + "b"
            #expect(text.count == 3, "U+\(String(v, radix: 16)) joins a neighbour")
            #expect(Character(scalar).isWhitespace == scalar.properties.isWhitespace, "U+\(String(v, radix: 16))")
            // The shortcut's white space is Unicode's for every scalar it is asked about.
            #expect(TimelineJSWriter.isOwnCharacterSpace(scalar) == scalar.properties.isWhitespace, "U+\(String(v, radix: 16))")
        }
    }

    @Test func aJoiningScalarSendsTheTextToTheCharacterReading() {
        let writer = TimelineJSWriter(excerptLength: 10)
        #expect(writer.ownCharacterExcerpt("Cafe\u{301} au lait") == nil)
        #expect(writer.ownCharacterExcerpt("a\u{200D}b") == nil)
        #expect(writer.ownCharacterExcerpt("Café — au lait") == writer.characterExcerpt("Café — au lait"))
    }
}
