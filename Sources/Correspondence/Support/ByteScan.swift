import Foundation

/// Scans of UTF-8 bytes eight at a time, in a `UInt64` (SWAR), for the passes that look at
/// every byte of a corpus (line ends, the body cleaner's marker test). Measured on the 50,000
/// telegram corpus (`/tmp/mb` micro-benchmark, stop 28): counting line ends 1.1 GB/s against
/// 0.45-0.52 GB/s byte by byte, the marker test 0.7-0.9 GB/s against 0.28 GB/s. (Swift's
/// generic `SIMD16<UInt8>` comparisons were measured at 84 MB/s here and are not used.)
enum ByteScan {
    /// Each byte's lowest bit, repeated: `ones &* b` is `b` in every byte.
    static let ones: UInt64 = 0x0101_0101_0101_0101
    /// The high bit of every byte: set in a byte that is not ASCII.
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The high bit set in exactly the bytes of `x` that are zero (no false positives: the
    /// low seven bits are added without a carry between bytes).
    @inline(__always)
    static func zeroBytes(_ x: UInt64) -> UInt64 {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((x & low) &+ low) | x | low)
    }

    /// The high bit set in exactly the bytes of `word` equal to `byte`.
    @inline(__always)
    static func bytes(_ word: UInt64, equalTo byte: UInt8) -> UInt64 {
        zeroBytes(word ^ (ones &* UInt64(byte)))
    }

    /// Eight bytes from `base + offset`, the first in the lowest bits (x86_64 and arm64 are
    /// little-endian; the masks' bit order is only used to count and to find the first).
    @inline(__always)
    static func word(_ base: UnsafePointer<UInt8>, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// True when `byte` occurs in `range` of `bytes` (memchr).
    @inline(__always)
    static func contains(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard !range.isEmpty, let base = bytes.baseAddress else { return false }
        return memchr(base + range.lowerBound, Int32(byte), range.count) != nil
    }

    /// The first offset of `byte` in `range` of `bytes`, or `range.upperBound` (memchr).
    @inline(__always)
    static func firstOffset(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        guard !range.isEmpty, let base = bytes.baseAddress,
              let hit = memchr(base + range.lowerBound, Int32(byte), range.count) else { return range.upperBound }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// Line ends in `range` of `bytes`: LF, CR LF and a lone CR each count once (the lines of
    /// the readers, `TelegramSegmenter`). Text without CR (every decoded file) is counted eight
    /// bytes at a time.
    /// - Complexity: O(n) in the bytes of the range.
    static func lineEnds(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        guard let base = bytes.baseAddress, !range.isEmpty else { return 0 }
        if !contains(0x0D, in: bytes, range) {
            var count = 0, i = range.lowerBound
            while i + 8 <= range.upperBound {
                count += Self.bytes(word(base, i), equalTo: 0x0A).nonzeroBitCount
                i += 8
            }
            while i < range.upperBound {
                if base[i] == 0x0A { count += 1 }
                i += 1
            }
            return count
        }
        var count = 0
        for i in range {
            let b = base[i]
            if b == 0x0A || (b == 0x0D && (i + 1 >= bytes.count || base[i + 1] != 0x0A)) { count += 1 }
        }
        return count
    }

    /// The high bit set in exactly the bytes of `word` that are ASCII letters (A-Z, a-z): the
    /// byte with bit 5 set (upper case folded to lower) lies in a...z, and the byte is ASCII.
    /// Each subtraction is done with the byte's high bit set first, so no borrow crosses bytes.
    @inline(__always)
    static func asciiLetters(_ word: UInt64) -> UInt64 {
        let folded = (word | (ones &* 0x20)) & ~highBits
        let atLeastA = ((folded | highBits) &- (ones &* 0x61)) & highBits
        let atMostZ = (((ones &* 0x7A) | highBits) &- folded) & highBits
        return atLeastA & atMostZ & ~word & highBits
    }

    /// The high bit set in exactly the bytes of `word` that are ASCII capitals (A-Z).
    @inline(__always)
    static func asciiCapitals(_ word: UInt64) -> UInt64 {
        // A letter's bit 5 (lower case) moved up to its byte's high bit; no bit crosses a byte.
        asciiLetters(word) & ~(word << 2)
    }

    /// The high bit set in exactly the bytes of `word` that are ASCII digits (0-9).
    @inline(__always)
    static func asciiDigits(_ word: UInt64) -> UInt64 {
        // 0x30-0x39 are the bytes whose high nibble is 3 and whose low nibble is at most 9.
        let x = word & ~highBits
        let atLeast0 = ((x | highBits) &- (ones &* 0x30)) & highBits
        let atMost9 = (((ones &* 0x39) | highBits) &- x) & highBits
        return atLeast0 & atMost9 & ~word & highBits
    }

    /// True when `bytes` hold an ASCII digit.
    /// - Complexity: O(n) in the bytes, eight at a time.
    static func containsDigit(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var i = 0, found: UInt64 = 0
        while i + 8 <= bytes.count {
            found |= asciiDigits(word(base, i))
            i += 8
        }
        while i < bytes.count {
            if DateText.isDigit(base[i]) { return true }
            i += 1
        }
        return found != 0
    }

    /// Calls `body` with the offset of each word start of `bytes` in order: an ASCII letter
    /// not preceded by one (`DateText.isLetter`), and only those whose byte `selecting` marks
    /// (the high bit of each byte of its result; `selecting` looks at each byte alone). Eight
    /// bytes at a time; a word is not walked. Why a selection: a caller that wants only words
    /// of a few first letters was called at every word start, and the branch on the letter
    /// was mispredicted at most of them (the reference finder, issue 13).
    /// - Complexity: O(n) in the bytes, plus one call per selected word.
    @inline(__always)
    static func forEachWordStart(in bytes: UnsafeBufferPointer<UInt8>, selecting: (UInt64) -> UInt64,
                                 _ body: (Int) -> Void) {
        guard let base = bytes.baseAddress else { return }
        let n = bytes.count
        var i = 0
        var previousIsLetter: UInt64 = 0   // the high bit of the last byte of the word before
        while i + 8 <= n {
            let w = word(base, i)
            let letters = asciiLetters(w)
            var starts = letters & ~((letters << 8) | previousIsLetter) & selecting(w)
            while starts != 0 {
                body(i + starts.trailingZeroBitCount / 8)
                starts &= starts &- 1
            }
            previousIsLetter = letters >> 56
            i += 8
        }
        var before = previousIsLetter != 0
        while i < n {
            let isLetter = DateText.isLetter(base[i])
            if isLetter && !before && selecting(UInt64(base[i])) & 0x80 != 0 { body(i) }
            before = isLetter
            i += 1
        }
    }
}
