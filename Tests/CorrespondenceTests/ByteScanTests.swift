import Foundation
import Testing
@testable import Correspondence
import EpistolaryTestSupport

/// The eight-bytes-at-a-time scans of the reader (`ByteScan`, `BodyText.needsCleaning`,
/// `hasAtMostCharacters`) against the plain rules they stand for, on texts made to hit every
/// case: each interesting byte at each position of a word, CR, CR LF and lone LF, characters
/// of two to four bytes, combining marks, and lengths around each limit.
@Suite struct ByteScanTests {
    /// Pieces a text is made of: letters, spaces, tabs, line ends, markers, superscripts and
    /// near-misses of them (C2 A0, E2 80 9C), characters of three and four bytes, a combining mark.
    static let pieces: [String] = ["a", "B", "q", " ", "\t", "\n", "\r", "\r\n", "*", "^", "\\", "^{x}", "¹", "²", "³", "⁴", "⁰",
                                   "\u{00A0}", "“", "é", "e\u{0301}", "日", "😀", "🇫🇷", "0", ",", ".", "-"]

    static func texts(count: Int, seed: UInt64) -> [String] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let length = Int.random(in: 0...40, using: &random)
            return (0..<length).map { _ in pieces.randomElement(using: &random)! }.joined()
        }
    }

    /// The rule `ByteScan.lineEnds` stands for: LF, CR LF and a lone CR each end a line.
    static func plainLineEnds(_ bytes: [UInt8], _ range: Range<Int>) -> Int {
        var count = 0
        for i in range {
            let b = bytes[i]
            if b == 0x0A || (b == 0x0D && (i + 1 >= bytes.count || bytes[i + 1] != 0x0A)) { count += 1 }
        }
        return count
    }

    @Test func lineEndsCountLikeThePlainRule() {
        for text in Self.texts(count: 3_000, seed: 1) {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                for lower in stride(from: 0, through: bytes.count, by: 3) {
                    for upper in [lower, min(bytes.count, lower + 7), min(bytes.count, lower + 9), bytes.count] {
                        #expect(ByteScan.lineEnds(in: buffer, lower..<upper) == Self.plainLineEnds(bytes, lower..<upper), "\(Array(bytes[lower..<upper]))")
                    }
                }
            }
        }
        // Long text without CR: the eight-byte path, with line feeds at every offset in a word.
        let long = Array(String(repeating: "ab\ncdefg\nh\n\n", count: 1_000).utf8)
        long.withUnsafeBufferPointer { #expect(ByteScan.lineEnds(in: $0, 0..<long.count) == 4_000) }
        long.withUnsafeBufferPointer { #expect(ByteScan.lineEnds(in: $0, 5..<long.count - 3) == Self.plainLineEnds(long, 5..<long.count - 3)) }
    }

    @Test func firstOffsetAndContainsFindTheByte() {
        let bytes = Array("one\ntwo\r\nthree".utf8)
        bytes.withUnsafeBufferPointer { b in
            #expect(ByteScan.firstOffset(of: 0x0A, in: b, 0..<b.count) == 3)
            #expect(ByteScan.firstOffset(of: 0x0A, in: b, 4..<b.count) == 8)
            #expect(ByteScan.firstOffset(of: 0x0A, in: b, 9..<b.count) == b.count)
            #expect(ByteScan.firstOffset(of: 0x0A, in: b, 2..<2) == 2)
            #expect(ByteScan.contains(0x0D, in: b, 0..<b.count))
            #expect(!ByteScan.contains(0x0D, in: b, 0..<7))
            #expect(!ByteScan.contains(0x0D, in: b, 3..<3))
        }
    }

    /// The rule `needsCleaning` stands for, byte by byte.
    static func plainNeedsCleaning(_ bytes: [UInt8]) -> Bool {
        if let first = bytes.first, first == 0x20 || first == 0x09 { return true }
        var previous: UInt8 = 0
        for b in bytes {
            if b == 0x5E || b == 0x2A || b == 0x5C { return true }
            if previous == 0xC2, b == 0xB9 || b == 0xB2 || b == 0xB3 { return true }
            if previous == 0xE2, b == 0x81 { return true }
            previous = b
        }
        return previous == 0x20 || previous == 0x09
    }

    @Test func needsCleaningAgreesWithThePlainRuleAndWithClean() {
        var needed = 0
        for text in Self.texts(count: 20_000, seed: 2) + Self.texts(count: 2_000, seed: 3).map({ String(repeating: "plain words ", count: 3) + $0 }) {
            let bytes = Array(text.utf8)
            let fast = bytes.withUnsafeBufferPointer { BodyText.needsCleaning($0) }
            #expect(fast == Self.plainNeedsCleaning(bytes), "\(bytes)")
            // A line said not to need cleaning is one `clean` leaves as it is.
            if !fast { #expect(BodyText.clean(text) == text) } else { needed += 1 }
        }
        #expect(needed > 1_000)
    }

    @Test func characterLimitAgreesWithCount() {
        for text in Self.texts(count: 5_000, seed: 4) {
            for limit in [0, 1, 2, 5, 12, 25, 30, 38, 40] {
                #expect(text.hasAtMostCharacters(limit) == (text.count <= limit), "\(Array(text.unicodeScalars)) \(limit)")
                #expect(Substring(text).hasAtMostCharacters(limit) == (text.count <= limit))
            }
        }
        // Long ASCII text: the byte path; a combining mark or CR LF at the limit: the walk.
        let ascii = String(repeating: "x", count: 41)
        #expect(!ascii.hasAtMostCharacters(40))
        #expect(String(ascii.dropLast()).hasAtMostCharacters(40))
        #expect((String(repeating: "x", count: 40) + "\u{0301}\u{0301}").hasAtMostCharacters(40))
        #expect((String(repeating: "x", count: 39) + "\r\n").hasAtMostCharacters(40))
        #expect(!(String(repeating: "x", count: 39) + "\n\r").hasAtMostCharacters(40))
    }

    @Test func letterTestsAgreeWithTheRangesForEveryByte() {
        for value in 0...255 {
            let b = UInt8(value)
            let plain = (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
            #expect(DateText.isLetter(b) == plain, "\(b)")
            // The same byte at each position of a word of other bytes.
            for position in 0..<8 {
                for filler: UInt8 in [0x20, 0x61, 0xC3, 0x7B, 0x40] {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    bytes[position] = b
                    let word = bytes.withUnsafeBufferPointer { ByteScan.word($0.baseAddress!, 0) }
                    let mask = ByteScan.asciiLetters(word)
                    let capitals = ByteScan.asciiCapitals(word), digits = ByteScan.asciiDigits(word)
                    for k in 0..<8 {
                        let bit = 8 * UInt64(k) + 7
                        #expect((mask >> bit) & 1 == (DateText.isLetter(bytes[k]) ? 1 : 0), "\(bytes) \(k)")
                        #expect((capitals >> bit) & 1 == (bytes[k] >= 0x41 && bytes[k] <= 0x5A ? 1 : 0), "\(bytes) \(k)")
                        #expect((digits >> bit) & 1 == (DateText.isDigit(bytes[k]) ? 1 : 0), "\(bytes) \(k)")
                    }
                }
            }
        }
    }

    @Test func wordStartsAreTheLettersAfterNoLetter() {
        var texts = Self.texts(count: 3_000, seed: 5)
        texts += ["", "a", "ab cd", String(repeating: "word ", count: 40), String(repeating: "x", count: 17), "12345678abcdefgh ijklmnop", "Ünïcode wörds in Zürich"]
        for text in texts {
            let bytes = Array(text.utf8)
            var plain: [Int] = []
            for i in bytes.indices where DateText.isLetter(bytes[i]) && (i == 0 || !DateText.isLetter(bytes[i - 1])) { plain.append(i) }
            var fast: [Int] = []
            bytes.withUnsafeBufferPointer { ByteScan.forEachWordStart(in: $0, selecting: { _ in ByteScan.highBits }) { fast.append($0) } }
            #expect(fast == plain, "\(text)")
            // A selection keeps exactly the starts whose byte it marks, at every position.
            var vowels: [Int] = []
            bytes.withUnsafeBufferPointer { p in
                ByteScan.forEachWordStart(in: p, selecting: { ByteScan.bytes($0, equalTo: 0x61) | ByteScan.asciiCapitals($0) }) { vowels.append($0) }
            }
            #expect(vowels == plain.filter { bytes[$0] == 0x61 || (bytes[$0] >= 0x41 && bytes[$0] <= 0x5A) }, "\(text)")
            let hasDigit = bytes.withUnsafeBufferPointer { ByteScan.containsDigit($0) }
            #expect(hasDigit == bytes.contains(where: DateText.isDigit), "\(text)")
        }
    }
}
