/// A buffered writer of UTF-8 bytes, the one way an export's text is made: writers append
/// pieces (raw text, numbers, values escaped for XML, JSON or CSV by the one rule of
/// `XMLText`, `JSONText`, `CSVText`), and the sink hands each full buffer (64 KiB) to its
/// destination, so no export is ever held whole in memory. A sink without a destination
/// collects everything (`ByteSink.text`), which is how the String-returning conveniences are
/// built on the same writers.
///
/// Writing never throws: the first failure of the destination (a full disk, a closed pipe) is
/// kept, everything after it is dropped, and `finish()` throws it. Writers therefore stay plain
/// functions, and a failed export is still an error, never a truncated success.
public final class ByteSink {
    /// Bytes held before the destination gets them.
    public static let bufferSize = 1 << 16

    // The state is touched on every byte written and a sink is never shared between threads
    // or written re-entrantly, so the runtime's exclusivity check on each access (a tenth of
    // the gallery's export time at 500,000 messages) is left out.
    @exclusivity(unchecked) private var buffer: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var count = 0
    @exclusivity(unchecked) private var capacity: Int
    private let drain: ((UnsafeRawBufferPointer) throws -> Void)?
    /// Takes the full buffer itself and gives the one to fill next (`WriteBehind`); the sink
    /// then owns no buffer.
    private let exchange: ((UnsafeMutableRawPointer, Int) -> UnsafeMutableRawPointer)?
    /// Whether the bytes are kept in memory (no destination).
    private var collecting: Bool { drain == nil && exchange == nil }
    @exclusivity(unchecked) private var failure: Error?
    /// Bytes written so far (handed over or still buffered).
    @exclusivity(unchecked) public private(set) var byteCount = 0

    /// A sink that hands its bytes to `drain` in order, in pieces of exactly `bufferSize` bytes
    /// (the last one shorter), each starting at an address aligned to `alignment` bytes: whole
    /// aligned blocks are what a file written past the page cache takes (`DirectFileWriter`).
    public init(bufferSize: Int = ByteSink.bufferSize, alignment: Int = 16,
                drain: @escaping (UnsafeRawBufferPointer) throws -> Void) {
        precondition(bufferSize > 0 && alignment > 0 && alignment & (alignment - 1) == 0, "a positive size, a power-of-two alignment")
        self.drain = drain
        exchange = nil
        capacity = bufferSize
        buffer = UnsafeMutableRawPointer.allocate(byteCount: bufferSize, alignment: alignment).bindMemory(to: UInt8.self, capacity: bufferSize)
    }

    /// A sink that fills `first` (`bufferSize` bytes) and hands each full buffer, and the
    /// last, shorter one, to `exchange` together with its byte count, which returns the buffer
    /// to fill next: the pieces are as `init(bufferSize:alignment:drain:)` gives them, but
    /// handed over rather than copied. The buffers are the caller's, never freed here.
    init(bufferSize: Int, first: UnsafeMutableRawPointer,
         exchange: @escaping (UnsafeMutableRawPointer, Int) -> UnsafeMutableRawPointer) {
        precondition(bufferSize > 0, "a positive size")
        drain = nil
        self.exchange = exchange
        capacity = bufferSize
        buffer = first.bindMemory(to: UInt8.self, capacity: bufferSize)
    }

    /// A sink that collects every byte in memory (`collected`).
    public init() {
        drain = nil
        exchange = nil
        capacity = 256
        buffer = .allocate(capacity: capacity)
    }

    deinit { if exchange == nil { buffer.deallocate() } }

    /// What `produce` writes, as a String (the conveniences built on the streaming writers).
    public static func text(_ produce: (ByteSink) throws -> Void) rethrows -> String {
        let sink = ByteSink()
        try produce(sink)
        return sink.collected
    }

    /// Everything written to a collecting sink, as UTF-8 text.
    public var collected: String {
        String(decoding: UnsafeBufferPointer(start: buffer, count: count), as: UTF8.self)
    }

    /// Everything written to a collecting sink.
    public var collectedBytes: [UInt8] {
        Array(UnsafeBufferPointer(start: buffer, count: count))
    }

    /// Hands what is buffered to the destination and throws the first failure, if any.
    public func finish() throws {
        flush()
        if let failure { throw failure }
    }

    // MARK: Raw bytes

    /// Appends bytes as they are.
    public func write(bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        write(base.assumingMemoryBound(to: UInt8.self), count: bytes.count)
    }

    @inline(__always)
    func write(_ source: UnsafePointer<UInt8>, count n: Int) {
        byteCount += n
        if count + n > capacity { return writeOverflowing(source, count: n) }
        (buffer + count).update(from: source, count: n)
        count += n
    }

    /// `write` of more than the buffer has room for: a collecting sink grows; a draining sink
    /// fills its buffer to the brim, hands it over, and goes on, so that every piece but the
    /// last is exactly `capacity` bytes.
    private func writeOverflowing(_ source: UnsafePointer<UInt8>, count n: Int) {
        if collecting {
            makeRoom(n)
            (buffer + count).update(from: source, count: n)
            count += n
            return
        }
        var source = source, left = n
        while count + left > capacity {
            let room = capacity - count
            (buffer + count).update(from: source, count: room)
            count = capacity
            flush()
            source += room
            left -= room
        }
        (buffer + count).update(from: source, count: left)
        count += left
    }

    /// Appends one byte.
    @inline(__always)
    public func write(byte: UInt8) {
        byteCount += 1
        if count == capacity { makeRoom(1) }
        buffer[count] = byte
        count += 1
    }

    /// Appends the UTF-8 of `text` as it is (markup the writer owns, never input).
    public func write(_ text: String) {
        ByteSink.withUTF8(text) { if let base = $0.baseAddress { write(base, count: $0.count) } }
    }

    /// Appends the UTF-8 of `text` as it is.
    public func write(_ text: Substring) {
        ByteSink.withUTF8(text) { if let base = $0.baseAddress { write(base, count: $0.count) } }
    }

    /// Runs `body` with the UTF-8 of `text`, read in place when it is stored contiguously (a
    /// native String or its slice always is). Why not `var copy = text; copy.withUTF8`: the copy
    /// retains and releases the text's storage, on every value of every export (tens of millions
    /// at 500,000 messages).
    @inline(__always)
    static func withUTF8<Text: StringProtocol, R>(_ text: Text, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = String(text)
        return copy.withUTF8(body)
    }

    /// Appends a literal.
    public func write(_ text: StaticString) {
        write(text.utf8Start, count: text.utf8CodeUnitCount)
    }

    /// Appends `value` in decimal, as `String(value)` writes it.
    public func write(_ value: Int) {
        if value >= 0 && value < 10 { return write(byte: 0x30 + UInt8(value)) }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)   // 24 bytes: a sign and 20 digits fit
        let magnitude = value.magnitude
        withUnsafeMutableBytes(of: &digits) { raw in
            var position = raw.count
            var rest = magnitude
            repeat {
                position -= 1
                raw[position] = 0x30 + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            if value < 0 { position -= 1; raw[position] = 0x2D }
            write(raw.baseAddress!.assumingMemoryBound(to: UInt8.self) + position, count: raw.count - position)
        }
    }

    /// Appends `count` copies of `text` (indentation).
    public func write(_ text: StaticString, times: Int) {
        for _ in 0..<max(0, times) { write(text) }
    }

    // MARK: Escaped text

    /// Appends `value` with each ASCII byte that `escapes` names replaced, each unsafe scalar
    /// (`UnsafeScalars`) replaced by U+FFFD, and, with `escapes.lineSeparators`, U+2028 and
    /// U+2029 written as JSON escapes. Runs of bytes that need nothing are copied whole.
    /// - Complexity: O(n) in the UTF-8 length of `value`, one pass.
    func write(_ value: String, escaping escapes: ByteEscapes) {
        ByteSink.withUTF8(value) { utf8 in
            guard let base = utf8.baseAddress else { return }
            let n = utf8.count
            var run = 0, i = 0
            escapes.codes.withUnsafeBufferPointer { codes in
                while i < n {
                    let byte = base[i]
                    if byte < 0x80 {
                        let code = codes[Int(byte)]
                        if code == 0 { i += 1; continue }
                        if i > run { write(base + run, count: i - run) }
                        escapes.writeReplacement(code, to: self)
                        i += 1
                        run = i
                        continue
                    }
                    // A multi-byte scalar of valid UTF-8 (a Swift string is always valid).
                    let (scalar, length) = UTF8Scalar.decode(base, at: i)
                    let unsafe = UnsafeScalars.isUnsafe(Unicode.Scalar(scalar)!)
                    let separator = escapes.lineSeparators && (scalar == 0x2028 || scalar == 0x2029)
                    if unsafe || separator {
                        if i > run { write(base + run, count: i - run) }
                        let replacement: StaticString = unsafe ? "\u{FFFD}" : scalar == 0x2028 ? "\\u2028" : "\\u2029"
                        write(replacement)
                        i += length
                        run = i
                    } else {
                        i += length
                    }
                }
            }
            if n > run { write(base + run, count: n - run) }
        }
    }

    // MARK: Destination

    private func makeRoom(_ needed: Int) {
        if !collecting {
            flush()
            return
        }
        // Collecting: grow.
        var newCapacity = capacity * 2
        while newCapacity < count + needed { newCapacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.update(from: buffer, count: count)
        buffer.deallocate()
        buffer = grown
        capacity = newCapacity
    }

    /// Hands the buffered bytes to the destination (a collecting sink keeps them).
    public func flush() {
        guard !collecting, count > 0 else { return }
        if let exchange {
            buffer = exchange(UnsafeMutableRawPointer(buffer), count).bindMemory(to: UInt8.self, capacity: capacity)
        } else {
            hand(UnsafeRawBufferPointer(start: buffer, count: count))
        }
        count = 0
    }

    private func hand(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil, let drain else { return }
        do { try drain(bytes) } catch { failure = error }
    }
}

/// What `ByteSink.write(_:escaping:)` replaces: for each ASCII byte nothing or a replacement,
/// and whether U+2028 and U+2029 are escaped (JSON read by JavaScript). Built once per rule by
/// `XMLText`, `JSONText` and `CSVText`, which own the rules.
struct ByteEscapes: Sendable {
    /// For each ASCII byte: 0 to copy it, else 1 + the index of its replacement.
    let codes: [UInt8]
    private let replacements: [[UInt8]]
    let lineSeparators: Bool

    /// `replace(byte)`: the replacement of an ASCII byte, nil to keep it.
    init(lineSeparators: Bool = false, replace: (UInt8) -> String?) {
        var codes = [UInt8](repeating: 0, count: 128)
        var replacements: [[UInt8]] = []
        for byte in UInt8(0)..<128 {
            if let replacement = replace(byte) {
                replacements.append(Array(replacement.utf8))
                codes[Int(byte)] = UInt8(replacements.count)
            }
        }
        self.codes = codes
        self.replacements = replacements
        self.lineSeparators = lineSeparators
    }

    /// True when `value` has nothing to replace: the String forms of the rules then return it
    /// without copying.
    /// - Complexity: O(n) in the UTF-8 length of `value`.
    func leavesUnchanged(_ value: String) -> Bool {
        ByteSink.withUTF8(value) { utf8 in
            codes.withUnsafeBufferPointer { codes in
                var i = 0
                while i < utf8.count {
                    let byte = utf8[i]
                    if byte < 0x80 {
                        if codes[Int(byte)] != 0 { return false }
                        i += 1
                        continue
                    }
                    let (scalar, length) = UTF8Scalar.decode(utf8.baseAddress!, at: i)
                    if UnsafeScalars.isUnsafe(Unicode.Scalar(scalar)!) || (lineSeparators && (scalar == 0x2028 || scalar == 0x2029)) {
                        return false
                    }
                    i += length
                }
                return true
            }
        }
    }

    @inline(__always)
    func writeReplacement(_ code: UInt8, to sink: ByteSink) {
        replacements[Int(code) - 1].withUnsafeBufferPointer { sink.write($0.baseAddress!, count: $0.count) }
    }

    /// The ASCII bytes no output carries as they are (`UnsafeScalars`): C0 controls other than
    /// tab, line feed and carriage return, and DEL.
    static func isUnsafeASCII(_ byte: UInt8) -> Bool {
        UnsafeScalars.isUnsafe(Unicode.Scalar(byte))
    }
}
