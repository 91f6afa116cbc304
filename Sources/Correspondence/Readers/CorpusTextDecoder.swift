import Foundation

/// The one rule that makes a corpus file's bytes text, for the whole file at once
/// (`CorpusLoader.decodedText`) and for a file read in blocks (`TextBlocks`): a byte order mark
/// removed at the start of the file only, CR LF and a lone CR made LF, a file of nothing but
/// white space refused as empty, a NUL byte refused as binary, bytes that are not UTF-8 refused.
/// An error names the line as the file was given (LFs counted after the BOM, over the whole
/// file, whatever the chunk).
///
/// The bytes come in chunks, in order; each chunk but the last ends at a line end (a LF, or a CR
/// that is not the last byte read so far), so that a CR LF, and any UTF-8 character (line ends
/// are ASCII), lie within one chunk. Which error wins does not depend on the chunks: a NUL
/// anywhere in the file is reported before bad UTF-8 anywhere (as when the whole file was checked
/// for a NUL first), so after a bad byte the remaining chunks are still looked at for a NUL
/// (`failed`: the caller reads them through, yields no more text, and calls `finish`).
struct CorpusTextDecoder {
    /// The file as named in errors.
    let shown: String
    /// LFs in the chunks before this one, as given (the line of a bad byte is one more).
    private var linesBefore = 0
    /// No chunk seen yet (a BOM is removed from the first only).
    private var atStart = true
    /// A byte other than space, tab, CR or LF was seen.
    private var sawText = false
    /// The line of the first byte that is not UTF-8, once found.
    private var badLine: Int?

    init(shownAs shown: String) { self.shown = shown }

    /// True once a byte that is not UTF-8 was found: the chunks after it are only looked at for a
    /// NUL, their text is not given back, and `finish` throws.
    var failed: Bool { badLine != nil }

    /// Makes the first `count` bytes at `base` text in place and returns how many bytes the text
    /// is now (never more than `count`). `last`: no chunk comes after this one (its lines need
    /// not be counted). Throws at once for a NUL byte; a bad UTF-8 byte is thrown by `finish`.
    /// - Complexity: O(n) in the bytes of the chunk.
    mutating func decode(_ base: UnsafeMutablePointer<UInt8>, count filled: Int, last: Bool) throws -> Int {
        var start = base
        var n = filled
        if atStart {
            atStart = false
            if n >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF {
                start += 3
                n -= 3
            }
        }
        let bytes = UnsafeBufferPointer(start: start, count: n)
        if !sawText { sawText = !bytes.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 } }
        if let nulPointer = memchr(start, 0, n) {
            let nul = start.distance(to: nulPointer.assumingMemoryBound(to: UInt8.self))
            throw EpistolaryError(.badData, file: shown, line: linesBefore + Self.lineFeeds(in: bytes[..<nul]) + 1,
                                  "binary data (a NUL byte), not text")
        }
        if badLine == nil, let bad = Self.firstInvalidByte(in: bytes) {
            badLine = linesBefore + Self.lineFeeds(in: bytes[..<bad]) + 1
        }
        if !last { linesBefore += Self.lineFeeds(in: bytes[...]) }
        if badLine != nil { return 0 }
        if start != base { memmove(base, start, n) }
        return Self.unifyLineEnds(base, count: n)
    }

    /// Called after the last chunk: throws for a file that held only white space, or for the
    /// first byte that was not UTF-8.
    func finish() throws {
        if let badLine { throw EpistolaryError(.badData, file: shown, line: badLine, "not UTF-8 text (save the file as UTF-8)") }
        guard sawText else { throw EpistolaryError(.badData, file: shown, "the file is empty") }
    }

    /// CR LF as LF, a lone CR as LF, in place; returns the new count. The write index never
    /// passes the read index. A chunk ends at a line end, so a CR at its end is a lone one.
    /// - Complexity: O(n) in the bytes.
    private static func unifyLineEnds(_ base: UnsafeMutablePointer<UInt8>, count n: Int) -> Int {
        guard memchr(base, 0x0D, n) != nil else { return n }
        var written = 0
        for read in 0..<n {
            let b = base[read]
            if b == 0x0D {
                if read + 1 < n, base[read + 1] == 0x0A { continue }
                base[written] = 0x0A
            } else {
                base[written] = b
            }
            written += 1
        }
        return written
    }

    /// The LFs among `bytes`.
    /// - Complexity: O(n) in the bytes.
    private static func lineFeeds(in bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
        var count = 0
        for b in bytes where b == 0x0A { count += 1 }
        return count
    }

    /// The offset of the first byte of the first sequence that is not UTF-8, or nil when all is.
    /// The standard library's validator (no copy made); a scalar-by-scalar walk where it is not
    /// available.
    /// - Complexity: O(n) in the bytes.
    static func firstInvalidByte(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        if #available(macOS 26, iOS 26, tvOS 26, watchOS 26, visionOS 26, *) {
            do throws(UTF8.ValidationError) {
                _ = try UTF8Span(validating: bytes.span)
                return nil
            } catch {
                return error.byteOffsets.lowerBound
            }
        }
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): offset += UTF8.width(s)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
