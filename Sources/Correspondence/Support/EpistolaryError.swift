/// The one error type users see: what went wrong, where (file and line when known), and the
/// exit code it maps to (DESIGN decision 8: 1 bad data, 2 bad usage, 3 environment).
public struct EpistolaryError: Error, Sendable, CustomStringConvertible, Equatable {
    public enum Kind: Int32, Sendable {
        case badData = 1
        case badUsage = 2
        case environment = 3
    }

    public var kind: Kind
    public var file: String?
    public var line: Int?
    /// What was expected, or what is missing, in one sentence.
    public var message: String

    public init(_ kind: Kind, file: String? = nil, line: Int? = nil, _ message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.message = message
    }

    public var exitCode: Int32 { kind.rawValue }

    /// `file:line: message`, the form compilers use, so editors can jump to it. What comes
    /// from input is shown safely (`bounded(_:)`): no control character reaches the terminal
    /// and no echoed value floods it.
    public var description: String {
        let text = Self.bounded(message)
        switch (file, line) {
        case let (f?, l?): return "\(Self.bounded(f)):\(l): \(text)"
        case let (f?, nil): return "\(Self.bounded(f)): \(text)"
        default: return text
        }
    }

    /// Longest run without a space shown whole; longer runs (an echoed name, a line of
    /// garbage) keep their first 60 and last 20 characters around an ellipsis.
    static let longestRun = 100
    /// Longest message shown whole.
    static let longestMessage = 2_000

    /// `text` made safe to print: control characters and non-characters written as `\u{HEX}`,
    /// long runs without spaces and over-long messages cut with an ellipsis. The bound is on
    /// what is printed: an escaped control character is six or more scalars (FuzzCSV found a
    /// header row of U+0019s whose message printed 2,900).
    /// - Complexity: O(n) in the length of `text`.
    public static func bounded(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var written = 0
        // The run being read: whole up to `longestRun` scalars, then its first 60 and a ring of
        // its last 20, so a run of megabytes is never held (an escaped control character
        // alone is six scalars).
        var head: [Unicode.Scalar] = []
        var tail: [Unicode.Scalar] = []
        var tailStart = 0
        var runLength = 0
        func add(_ scalar: Unicode.Scalar) {
            runLength += 1
            if head.count <= longestRun { head.append(scalar); return }
            if tail.count < 20 { tail.append(scalar) } else { tail[tailStart] = scalar; tailStart = (tailStart + 1) % 20 }
        }
        func flushRun() {
            if runLength > longestRun {
                out.append(contentsOf: head.prefix(60))
                out.append("…")
                // The last 20: those after the first `longestRun + 1` (in the ring), preceded
                // by the end of `head` when fewer than 20 came after it.
                let ring = Array(tail[tailStart...] + tail[..<tailStart])
                out.append(contentsOf: (head.suffix(max(0, 20 - ring.count)) + ring).suffix(20))
                written += 81
            } else {
                out.append(contentsOf: head)
                written += head.count
            }
            head.removeAll(keepingCapacity: true)
            tail.removeAll(keepingCapacity: true)
            tailStart = 0
            runLength = 0
        }
        for scalar in text.unicodeScalars {
            if written + min(runLength, 81) >= longestMessage { flushRun(); out.append("…"); return String(out) }
            if scalar == " " { flushRun(); out.append(scalar); written += 1; continue }
            if UnsafeScalars.isUnsafe(scalar) || scalar.value < 0x20 {
                for escaped in "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars { add(escaped) }
            } else {
                add(scalar)
            }
        }
        flushRun()
        return String(out)
    }
}
