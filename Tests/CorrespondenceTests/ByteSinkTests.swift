import Foundation
import Testing
@testable import Correspondence

/// The byte sink every export streams through, and the escaping rules it applies to UTF-8
/// bytes: the same bytes as the scalar-by-scalar rules they replaced, in pieces of at most one
/// buffer, and a failure kept until `finish`.
struct ByteSinkTests {
    /// Strings that reach every branch: unsafe ASCII and C1 controls, non-characters in the
    /// BMP and in plane 1, line separators, combining marks next to spaces and commas, emoji,
    /// and a leading or trailing space.
    static let samples: [String] = [
        "", "plain", "Żółć текст", "a\"b\\c\nd\re\tf\u{1}g\u{1f}\u{7f}", "x\u{2028}y\u{2029}z\u{2027}",
        "<&>'\"", "\u{85}C1\u{9f}", scalars(0xFDD0, 0xFDEF, 0xFFFE, 0xFFFF), scalars(0x1FFFE, 0x10FFFF, 0x1F600, 0x2FFFF),
        " lead", "trail ", " ", " \u{301}x", "x \u{301}", "=HYPERLINK(\"x\")", "-3", "+1.5", "-", "-1.2.3", "@a", "\ta",
        "\r\nb", "a,b", "e\u{301},\u{301}", "汉字 ,\"q\"",
    ]

    /// A string of the given code points (the compiler refuses some non-characters in literals).
    static func scalars(_ values: UInt32...) -> String {
        String(String.UnicodeScalarView(values.compactMap(Unicode.Scalar.init)))
    }

    @Test func escapesGiveTheBytesOfTheScalarRules() {
        for sample in Self.samples {
            #expect(XMLText.content(sample) == Reference.xml(sample, attribute: false), "\(sample.debugDescription)")
            #expect(XMLText.attribute(sample) == Reference.xml(sample, attribute: true), "\(sample.debugDescription)")
            #expect(JSONText.string(sample) == Reference.json(sample), "\(sample.debugDescription)")
            for neutralising in [true, false] {
                #expect(CSVText.field(sample, neutralisingFormulas: neutralising) == Reference.csv(sample, neutralising: neutralising),
                        "\(sample.debugDescription)")
            }
        }
    }

    /// Every ASCII byte, and scalars of two, three and four bytes, at every offset of a value
    /// (first, inside, last; in a value of 24 bytes and in one that ends with it) give the
    /// scalar rules' bytes: a run of bytes copied whole must end exactly where a replacement starts.
    @Test func everyByteAtEveryOffsetOfALongValueIsEscapedAsByTheScalarRules() {
        let specials = (0..<128).map { String(Unicode.Scalar(UInt8($0))) } + ["é", "\u{85}", "\u{2028}", "\u{2029}", "€", Self.scalars(0xFFFE), "😀"]
        for special in specials {
            for offset in 0..<19 {
                for length in [offset + 1, 24] where length > offset {
                    let sample = String(repeating: "a", count: offset) + special + String(repeating: "b", count: length - offset - 1)
                    #expect(XMLText.content(sample) == Reference.xml(sample, attribute: false), "\(sample.debugDescription)")
                    #expect(XMLText.attribute(sample) == Reference.xml(sample, attribute: true), "\(sample.debugDescription)")
                    #expect(JSONText.string(sample) == Reference.json(sample), "\(sample.debugDescription)")
                    #expect(CSVText.field(sample, neutralisingFormulas: false) == Reference.csv(sample, neutralising: false), "\(sample.debugDescription)")
                }
            }
        }
    }

    @Test func integersAreWrittenAsStringWritesThem() {
        for value in [0, 7, 10, -1, -10, 123_456_789, Int.max, Int.min] {
            #expect(ByteSink.text { $0.write(value) } == String(value))
        }
    }

    @Test func largeTextGoesOutInOrderInPiecesOfOneBuffer() throws {
        var pieces: [Int] = []
        var received: [UInt8] = []
        let sink = ByteSink { piece in
            pieces.append(piece.count)
            received += piece
        }
        // Escaped text across buffer boundaries, and one write larger than the buffer.
        let line = String(repeating: "Żółć & <текст> ", count: 300)
        var expected = ""
        for _ in 0..<40 {
            XMLText.writeContent(line, to: sink)
            expected += Reference.xml(line, attribute: false)
        }
        let big = String(repeating: "x", count: 3 * ByteSink.bufferSize + 17)
        sink.write(big)
        expected += big
        try sink.finish()
        #expect(String(decoding: received, as: UTF8.self) == expected)
        #expect(sink.byteCount == expected.utf8.count)
        #expect(pieces.count > 2)
        #expect(pieces.dropLast().allSatisfy { $0 == ByteSink.bufferSize }, "every piece but the last is one whole buffer")
        #expect(pieces.last.map { $0 > 0 && $0 <= ByteSink.bufferSize } == true)
    }

    @Test func piecesOfAnAlignedSinkStartAlignedAndAreWholeBuffers() throws {
        var pieces: [(address: Int, count: Int)] = []
        var received: [UInt8] = []
        let sink = ByteSink(bufferSize: 8192, alignment: 4096) { piece in
            pieces.append((Int(bitPattern: piece.baseAddress), piece.count))
            received += piece
        }
        var expected: [UInt8] = []
        for round in 0..<2_000 {
            let text = String(repeating: "ä", count: round % 97) + "\(round)"
            sink.write(text)
            sink.write(byte: 0x0A)
            expected += Array(text.utf8) + [0x0A]
        }
        try sink.finish()
        #expect(received == expected)
        #expect(pieces.count == (expected.count + 8191) / 8192)
        #expect(pieces.allSatisfy { $0.address % 4096 == 0 })
        #expect(pieces.dropLast().allSatisfy { $0.count == 8192 })
    }

    @Test func theFirstFailureIsKeptAndThrownByFinish() {
        struct Full: Error {}
        var calls = 0
        let sink = ByteSink { _ in
            calls += 1
            if calls == 2 { throw Full() }
        }
        let chunk = String(repeating: "a", count: ByteSink.bufferSize)
        for _ in 0..<5 { sink.write(chunk) }
        #expect(throws: Full.self) { try sink.finish() }
        #expect(calls == 2, "nothing is handed over after the failure")
    }

    @Test func streamedFileHasTheBytesAndTheDigestSeesThem() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bytesink-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out.txt").path
        let text = String(repeating: "letter \u{2013} Brief \u{2014} письмо\n", count: 10_000)
        let digest = SHA256.Digest()
        let count = try AtomicFile.createNew(at: path, observe: { digest.update($0) }) { $0.write(text) }
        let written = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(count == text.utf8.count)
        #expect(written == Data(text.utf8))
        #expect(digest.finish() == SHA256.hex(Array(text.utf8)))
        // A second file of the same name is refused (O_EXCL), not overwritten.
        #expect(throws: EpistolaryError.self) { _ = try AtomicFile.createNew(at: path) { $0.write("x") } }
    }

    @Test func aStreamedBatchFileIsAllOrNothing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bytesink-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let blocker = folder.appendingPathComponent("plain-file").path
        #expect(FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8)))
        let good = folder.appendingPathComponent("a.txt").path
        // The second file cannot be made (its folder would be inside a file): neither is written.
        var failing = OutputBatch()
        failing.add(toPath: good) { $0.write(String(repeating: "streamed ", count: 20_000)) }
        failing.add(toPath: blocker + "/inside/b.txt") { $0.write("b") }
        #expect(throws: EpistolaryError.self) { try failing.commit() }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["plain-file"], "no file and no temporary left")
        var batch = OutputBatch()
        batch.add(toPath: good) { $0.write(String(repeating: "streamed ", count: 20_000)) }
        batch.add(toPath: folder.appendingPathComponent("missing/deeper/b.txt").path) { $0.write("b") }
        try batch.commit()
        #expect(try String(contentsOfFile: good, encoding: .utf8) == String(repeating: "streamed ", count: 20_000))
        #expect(try String(contentsOfFile: folder.appendingPathComponent("missing/deeper/b.txt").path, encoding: .utf8) == "b")
    }
}

/// The scalar-by-scalar rules the byte rules replaced, kept as the oracle.
private enum Reference {
    static func replaced(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { out.append(UnsafeScalars.isUnsafe(scalar) ? UnsafeScalars.replacement : scalar) }
        return String(out)
    }

    static func xml(_ value: String, attribute: Bool) -> String {
        var out = ""
        for scalar in replaced(value).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "'" where attribute: out += "&apos;"
            case "\n" where attribute: out += "&#10;"
            case "\r" where attribute: out += "&#13;"
            case "\t" where attribute: out += "&#9;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func json(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(UnsafeScalars.isUnsafe(u) ? UnsafeScalars.replacement : u)
                }
            }
        }
        return out + "\""
    }

    /// RFC 4180 by scalars: a comma, quote or line break anywhere (also one a combining mark
    /// follows), or a leading or trailing space character, quotes the field.
    static func csv(_ raw: String, neutralising: Bool) -> String {
        var s = replaced(raw)
        if neutralising && CSVText.isFormula(s) { s = "'" + s }
        let needsQuotes = s.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || s.hasPrefix(" ") || s.hasSuffix(" ")
        guard needsQuotes else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
