import Foundation

/// The names (or ids) of one cell, cut at the layout's people separator and trimmed: what
/// `cell.components(separatedBy: separator)` with each part trimmed of `.whitespaces` gives,
/// made in one pass over the cell's UTF-8 bytes, keeping only the parts that are not empty
/// (and how many there were: a cell of a million separators costs no million strings).
///
/// Foundation's `components(separatedBy:)` matches whole Characters (grapheme clusters,
/// compared by canonical equivalence), which costs a grapheme break at every position: 2-3 MB
/// a second, minutes on a cell of millions of names. Here a separator of ASCII characters
/// (`;`, `|`, ` and `: any but an exotic one) is matched on bytes, and a match is taken only
/// where Foundation takes it: where grapheme clusters break before, inside and after it
/// (decided by the two scalars either side, see `Scanner.breaksBetween`), with a character's
/// canonical equivalents matched too (U+037E GREEK QUESTION MARK is `;`). Any other separator
/// is matched by Characters, as before.
struct CSVCellParts {
    /// How many parts the cell has (separators + 1); 0 for no cell.
    private(set) var count = 0
    /// The parts that are not empty once trimmed, with their place among all parts.
    private(set) var filled: [(position: Int, text: String)] = []

    /// No cell.
    init() {}

    /// The parts of `cell` between occurrences of `separator`.
    /// - Complexity: O(n) in the cell's length, for an ASCII separator.
    init(_ cell: String, separator: String) {
        let sep = Array(separator.unicodeScalars)
        guard !sep.isEmpty, sep.allSatisfy({ $0.isASCII && $0 != "\r" && $0 != "\n" }) else {
            let parts = cell.components(separatedBy: separator)
            count = parts.count
            for (k, part) in parts.enumerated() {
                let text = Self.trimmed(part, in: .whitespaces)
                if !text.isEmpty { filled.append((k, text)) }
            }
            return
        }
        var cell = cell
        self = cell.withUTF8 { bytes in
            var scanner = Scanner(bytes: bytes, separator: sep.map { UInt8($0.value) })
            return scanner.parts()
        }
    }

    /// The texts of the parts that are not empty.
    var texts: [String] { filled.map(\.text) }

    /// Every part, an empty one as "".
    /// - Complexity: O(`count`): call it only where the parts are known to be few.
    var all: [String] {
        var all = Array(repeating: "", count: count)
        for (position, text) in filled { all[position] = text }
        return all
    }

    /// `text.trimmingCharacters(in: set)` for Foundation's `.whitespaces` or
    /// `.whitespacesAndNewlines` (which trim by Unicode scalar): ASCII white space is stripped
    /// from the bytes, a non-ASCII end is looked up in the set.
    /// - Complexity: O(k) in the white space at the ends, plus one copy of the result.
    static func trimmed(_ text: String, in set: CharacterSet) -> String {
        let u = text.utf8
        guard let first = u.first, let last = u.last else { return text }
        if plain(first, set) && plain(last, set) { return text }
        let newlines = set == .whitespacesAndNewlines
        var text = text
        return text.withUTF8 { trimmed($0, 0, $0.count, newlines: newlines) }
    }

    /// The bytes `a..<e` of `b` (a whole scalar sequence) trimmed of `set`, as a String.
    /// `newlines`: `.whitespacesAndNewlines`, else `.whitespaces`.
    static func trimmed(_ b: UnsafeBufferPointer<UInt8>, _ a: Int, _ e: Int, newlines: Bool) -> String {
        var a = a, e = e
        while a < e {
            let c = b[a]
            if c < 0x80 {
                guard isSpace(c, newlines: newlines) else { break }
                a += 1
            } else {
                let (scalar, length) = decode(b, at: a)
                guard (newlines ? spacesAndNewlines : spaces).contains(scalar) else { break }
                a += length
            }
        }
        while e > a {
            let c = b[e - 1]
            if c < 0x80 {
                guard isSpace(c, newlines: newlines) else { break }
                e -= 1
            } else {
                let start = scalarStart(b, before: e)
                guard (newlines ? spacesAndNewlines : spaces).contains(decode(b, at: start).0) else { break }
                e = start
            }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: b[a..<e]), as: UTF8.self)
    }

    private static let spaces = CharacterSet.whitespaces
    private static let spacesAndNewlines = CharacterSet.whitespacesAndNewlines

    /// True for an ASCII byte that is not white space of either set (so no trimming can start there).
    private static func plain(_ b: UInt8, _ set: CharacterSet) -> Bool {
        b < 0x80 && b != 0x20 && !(b >= 0x09 && b <= 0x0D)
    }

    /// ASCII members: tab and space in `.whitespaces`; also LF, VT, FF and CR with newlines.
    private static func isSpace(_ c: UInt8, newlines: Bool) -> Bool {
        c == 0x20 || c == 0x09 || (newlines && c >= 0x0A && c <= 0x0D)
    }

    /// The scalar that starts at byte `i` of valid UTF-8, and its length.
    static func decode(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
        let c = UInt32(b[i])
        if c < 0x80 { return (Unicode.Scalar(UInt8(c)), 1) }
        if c < 0xE0 { return (Unicode.Scalar(((c & 0x1F) << 6) | UInt32(b[i + 1] & 0x3F))!, 2) }
        if c < 0xF0 {
            return (Unicode.Scalar(((c & 0x0F) << 12) | (UInt32(b[i + 1] & 0x3F) << 6) | UInt32(b[i + 2] & 0x3F))!, 3)
        }
        return (Unicode.Scalar(((c & 0x07) << 18) | (UInt32(b[i + 1] & 0x3F) << 12) | (UInt32(b[i + 2] & 0x3F) << 6)
                               | UInt32(b[i + 3] & 0x3F))!, 4)
    }

    /// Where the scalar that ends just before byte `e` starts.
    static func scalarStart(_ b: UnsafeBufferPointer<UInt8>, before e: Int) -> Int {
        var s = e - 1
        while s > 0 && b[s] & 0xC0 == 0x80 { s -= 1 }
        return s
    }

    /// The one pass: finds each separator at Character boundaries, left to right, and cuts.
    private struct Scanner {
        let b: UnsafeBufferPointer<UInt8>
        let separator: [UInt8]
        /// Non-ASCII scalars canonically equivalent to an ASCII character: they match it.
        static let equivalents: [UInt32: UInt8] = [0x037E: 0x3B, 0x1FEF: 0x60, 0x212A: 0x4B]
        /// Whether a grapheme cluster breaks between two scalars, one of them not ASCII (asked once a pair).
        var breaks: [UInt64: Bool] = [:]

        init(bytes: UnsafeBufferPointer<UInt8>, separator: [UInt8]) {
            b = bytes
            self.separator = separator
        }

        mutating func parts() -> CSVCellParts {
            var out = CSVCellParts()
            func cut(_ a: Int, _ e: Int) {
                let text = CSVCellParts.trimmed(b, a, e, newlines: false)
                if !text.isEmpty { out.filled.append((out.count, text)) }
                out.count += 1
            }
            let n = b.count
            let first = separator[0]
            let firstEquivalent = Self.equivalents.first { $0.value == first }?.key
            var start = 0
            var i = 0
            while i < n {
                let c = b[i]
                if c == first || (c >= 0xC0 && firstEquivalent != nil), let end = match(at: i) {
                    cut(start, i)
                    start = end
                    i = end
                } else {
                    i += 1
                }
            }
            cut(start, n)
            return out
        }

        /// The end of the separator matched at byte `i`, if it stands there as whole Characters.
        mutating func match(at i: Int) -> Int? {
            let n = b.count
            var q = i
            var previous: Unicode.Scalar? = i > 0 ? decode(b, at: scalarStart(b, before: i)).0 : nil
            for want in separator {
                guard q < n else { return nil }
                let (scalar, length) = decode(b, at: q)
                guard scalar.value == UInt32(want) || Self.equivalents[scalar.value] == want else { return nil }
                if let previous, !breaksBetween(previous, scalar) { return nil }
                previous = scalar
                q += length
            }
            if q < n, let previous, !breaksBetween(previous, decode(b, at: q).0) { return nil }
            return q
        }

        /// Whether extended grapheme clusters break between `x` and `y`. Next to an ASCII
        /// character that is not CR or LF, only the two scalars decide (the rules that look
        /// further, emoji sequences, regional indicators and Indic conjuncts, need no ASCII
        /// character), so the stdlib is asked about the pair alone.
        mutating func breaksBetween(_ x: Unicode.Scalar, _ y: Unicode.Scalar) -> Bool {
            if x.isASCII && y.isASCII { return !(x == "\r" && y == "\n") }
            let key = UInt64(x.value) << 32 | UInt64(y.value)
            if let known = breaks[key] { return known }
            var pair = String.UnicodeScalarView()
            pair.append(x)
            pair.append(y)
            let result = String(pair).count == 2
            breaks[key] = result
            return result
        }
    }
}
