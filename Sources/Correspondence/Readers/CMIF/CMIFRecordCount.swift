import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How many `correspDesc` start tags a CMIF document holds, counted on its raw bytes before it
/// is parsed, so that the reader can make room for exactly that many messages at once: an array
/// grown letter by letter holds its old and its new storage together each time it doubles, and
/// the messages are most of the reader's memory. A hint only: a tag in a comment or a CDATA
/// section is counted too, and a document with more records than counted still reads whole.
enum CMIFRecordCount {
    private static let name = Array("correspDesc".utf8)
    /// The longest namespace prefix looked at (`<tei:correspDesc`).
    private static let maxPrefix = 48
    /// The most bytes a start tag's `<`, prefix, name and the byte after take.
    private static let tagReach = 1 + maxPrefix + 1 + name.count + 1
    static let defaultBlock = 1 << 22

    /// The count in bytes held in memory.
    /// - Complexity: O(n) in the bytes.
    static func count(in bytes: UnsafeRawBufferPointer) -> Int {
        count(in: bytes, before: bytes.count)
    }

    /// The start tags whose `<` stands before `end`.
    private static func count(in bytes: UnsafeRawBufferPointer, before end: Int) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var total = 0
        var offset = 0
        while offset < end {
            guard let hit = memchr(base + offset, Int32(UInt8(ascii: "<")), end - offset) else { break }
            let at = UnsafeRawPointer(hit) - base
            if isStartTag(at: at, in: bytes) { total += 1 }
            offset = at + 1
        }
        return total
    }

    /// The count in a file, read in blocks of `block` bytes (never held whole); 0 when it
    /// cannot be read.
    /// - Complexity: O(n) in the size of the file.
    static func count(fileAt path: String, block: Int = defaultBlock) -> Int {
        guard let file = fopen(path, "rb") else { return 0 }
        defer { fclose(file) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: tagReach + block, alignment: 16)
        defer { buffer.deallocate() }
        var total = 0
        var kept = 0
        while true {
            let read = fread(buffer.baseAddress! + kept, 1, block, file)
            let filled = kept + read
            let window = UnsafeRawBufferPointer(rebasing: buffer[0..<filled])
            guard read > 0 else { return total + count(in: window, before: filled) }
            // A tag whose `<` stands in the last `tagReach` bytes may be cut by the block's end:
            // it is counted with the next block, which starts with these bytes.
            let limit = max(0, filled - tagReach)
            total += count(in: window, before: limit)
            kept = filled - limit
            if limit > 0 { buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + limit, byteCount: kept) }
        }
    }

    /// True when the `<` at `at` opens `<correspDesc` or `<prefix:correspDesc`, followed by
    /// white space, `>` or `/`.
    private static func isStartTag(at: Int, in bytes: UnsafeRawBufferPointer) -> Bool {
        var i = at + 1
        if !matchesName(at: i, in: bytes) {
            // A namespace prefix: ASCII letters, digits, '-', '_', '.' or any non-ASCII byte, then ':'.
            let start = i
            while i < bytes.count, i - start < maxPrefix, isPrefixByte(bytes[i]) { i += 1 }
            guard i > start, i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return false }
            i += 1
            guard matchesName(at: i, in: bytes) else { return false }
        }
        let after = i + name.count
        guard after < bytes.count else { return false }
        let c = bytes[after]
        return c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r")
            || c == UInt8(ascii: ">") || c == UInt8(ascii: "/")
    }

    private static func matchesName(at i: Int, in bytes: UnsafeRawBufferPointer) -> Bool {
        guard i + name.count <= bytes.count else { return false }
        for k in 0..<name.count where bytes[i + k] != name[k] { return false }
        return true
    }

    private static func isPrefixByte(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
            || c == UInt8(ascii: "-") || c == UInt8(ascii: "_") || c == UInt8(ascii: ".") || c >= 0x80
    }
}
