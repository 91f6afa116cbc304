import Testing
@testable import Correspondence
import EpistolaryTestSupport

/// Escaping passes over plain bytes 16 at a time (`ByteEscapes.firstToLookAt`); these check that
/// it writes exactly what reading each byte alone writes, for the rules that use it and one
/// that cannot (five printable bytes replaced).
struct ByteEscapesBlocksTests {
    /// Pieces that reach every branch, some at a block's edge: each rule's printable bytes,
    /// controls, DEL, C1 controls, non-characters, line separators, accents, dashes, emoji.
    static let pieces: [String] = [
        "a", "plain text of some length ", "\"", "\\", "<", ">", "&", "'", ",", "\n", "\r\n", "\t", "\u{0}", "\u{1F}", "\u{7F}",
        "\u{85}", "\u{A0}", "é", "e\u{301}", "—", "\u{2028}", "\u{2029}", "\u{FFFE}", "\u{1FFFF}", "🙂", "Ж", "0123456789abcdef",
    ]

    static let rules: [(name: String, escapes: ByteEscapes)] = [
        ("json-like", ByteEscapes(lineSeparators: true) { byte in
            byte == 0x22 ? "\\\"" : byte == 0x5C ? "\\\\" : byte < 0x20 ? "\\u00\(byte)" : ByteEscapes.isUnsafeASCII(byte) ? "\u{FFFD}" : nil }),
        ("xml content", ByteEscapes { byte in
            byte == 0x26 ? "&amp;" : byte == 0x3C ? "&lt;" : byte == 0x3E ? "&gt;" : ByteEscapes.isUnsafeASCII(byte) ? "\u{FFFD}" : nil }),
        ("csv", ByteEscapes { byte in byte == 0x22 ? "\"\"" : ByteEscapes.isUnsafeASCII(byte) ? "\u{FFFD}" : nil }),
        ("five printable", ByteEscapes { byte in "&<>\"'".utf8.contains(byte) ? "#\(byte);" : nil }),
        ("nothing", ByteEscapes { _ in nil }),
    ]

    @Test func blocksWriteWhatBytesAloneWrite() {
        var random = SplitMix64(seed: 20261207)
        for (name, escapes) in Self.rules {
            for _ in 0..<600 {
                var text = ""
                for _ in 0..<Int.random(in: 0...40, using: &random) { text += Self.pieces.randomElement(using: &random)! }
                let blocks = ByteSink.text { $0.write(text, escaping: escapes, inBlocks: true) }
                let alone = ByteSink.text { $0.write(text, escaping: escapes, inBlocks: false) }
                #expect(blocks == alone, "\(name): \(text.debugDescription)")
            }
        }
    }

    @Test func onlyRulesOfFewPrintableBytesScanInBlocks() {
        #expect(Self.rules.map(\.escapes.scansInBlocks) == [true, true, true, false, true])
    }

    @Test func aBlockIsPlainUpToItsFirstByteToLookAt() {
        let csv = Self.rules[2].escapes
        func block(_ text: String) -> SIMD16<UInt8> {
            var bytes = Array(text.utf8)
            bytes += Array(repeating: UInt8(ascii: "x"), count: 16 - bytes.count)
            return SIMD16(bytes[0..<16])
        }
        #expect(csv.firstToLookAt(block("")) == 16)
        #expect(csv.firstToLookAt(block("ab\"")) == 2)
        #expect(csv.firstToLookAt(block("abc\n")) == 3)
        #expect(csv.firstToLookAt(block("é")) == 0)
        #expect(csv.firstToLookAt(block("0123456789abcde\u{7F}")) == 15)
        #expect(csv.firstToLookAt(block("<&>")) == 16, "the CSV rule keeps what XML replaces")
    }
}
