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
        var run: [Unicode.Scalar] = []
        func flushRun() {
            if run.count > longestRun {
                out.append(contentsOf: run.prefix(60))
                out.append("…")
                out.append(contentsOf: run.suffix(20))
                written += 81
            } else {
                out.append(contentsOf: run)
                written += run.count
            }
            run.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            if written + min(run.count, 81) >= longestMessage { flushRun(); out.append("…"); return String(out) }
            if scalar == " " { flushRun(); out.append(scalar); written += 1; continue }
            if UnsafeScalars.isUnsafe(scalar) || scalar.value < 0x20 {
                run.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                run.append(scalar)
            }
        }
        flushRun()
        return String(out)
    }
}
