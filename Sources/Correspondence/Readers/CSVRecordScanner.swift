/// The records of a table given in blocks of its text, in order (a file read in blocks,
/// `CSVSource`; a text in memory is one block, `CSVRecords.scan`): the records and the
/// unclosed quotes are those of the whole text, whatever the blocks.
///
/// Each record is read from its start to its end in one run of the one rule
/// (`CSVRecords.read`). A record a block ends inside is held (`pending`: its bytes up to the
/// block's end) and read again, whole, once the blocks after it hold its end. While the held
/// part ends inside a quoted field, a new block is only searched for the quote that closes it
/// (a quote not doubled), and added to what is held when it has none: the record is read again
/// once per block in which one of its quoted fields closes, or at the end of the text.
///
/// What is held is the record being read. For a quoted field that is never closed that is
/// everything from its record's start to the end of the text: only at the end is it known that
/// the quote is not closed, and reading goes on from the line after that quote's, in the text
/// held. (Every quote after a quote never closed is one of a doubled pair, so a table has at
/// most one such record: after it, none is held past its block.)
///
/// - Complexity: O(n) in the bytes, for records that each lie within a block or two; a record
///   of r bytes over k blocks is read at most k + 1 times, O(r·k). Memory: a block and the
///   record held; an unclosed quote holds the text from its record's start to the end.
struct CSVRecordScanner {
    private let delimiter: [UInt8]
    /// `CSVRecords.scan`'s `firstRecordLimit`, until a record is handed over.
    private var limit: Int
    /// The line the next record (or the one held) starts on.
    private var line = 1
    /// The bytes of a record not yet read to its end, from its start.
    private var pending: [UInt8] = []
    /// The held bytes end inside a quoted field.
    private var pendingInQuotes = false
    /// Set once the scan has stopped: the last block was read, or the first record ran past the limit.
    private(set) var done = false
    /// What the scan found besides the records (as `CSVRecords.scan` returns it).
    private(set) var end = CSVRecords.ScanEnd()

    init(delimiter: Unicode.Scalar, firstRecordLimit: Int = .max) {
        self.delimiter = Array(String(delimiter).utf8)
        limit = firstRecordLimit
    }

    /// Bytes held for a record not yet read to its end (tests look at it).
    var held: Int { pending.count }

    /// Reads the next block, handing each record it ends to `visit`. A block that is not the
    /// last ends just after a LF (a block of `TextBlocks` does; the text may still be inside a
    /// quoted field). `last`: no block comes after this one (else `finish` says so).
    /// - Complexity: O(b) in the block's bytes, plus the record held when it is read again.
    mutating func add(_ block: UnsafeBufferPointer<UInt8>, last: Bool, _ visit: (CSVRecords.Row) -> Void) {
        guard !done else { return }
        if pending.isEmpty {
            read(block, final: last, visit)
            return
        }
        // A quoted field still open at the end of this block too: nothing can be read yet.
        // (While the first record is bounded, it is read again each time, to stop at the limit.)
        if pendingInQuotes, !last, limit == .max, !Self.closesQuote(block) {
            pending.append(contentsOf: block)
            return
        }
        var held = pending
        pending = []
        held.append(contentsOf: block)
        held.withUnsafeBufferPointer { read($0, final: last, visit) }
    }

    /// Ends the scan after the last block: a record held is read as the end of the text (a
    /// quoted field still open in it is never closed).
    mutating func finish(_ visit: (CSVRecords.Row) -> Void) {
        guard !done else { return }
        let held = pending
        pending = []
        held.withUnsafeBufferPointer { read($0, final: true, visit) }
        done = true
    }

    /// Reads the records of `bytes` (the held record's bytes and a block after them), keeping
    /// the record it ends inside when not `final`.
    private mutating func read(_ bytes: UnsafeBufferPointer<UInt8>, final: Bool, _ visit: (CSVRecords.Row) -> Void) {
        var start = 0
        while start < bytes.count {
            switch CSVRecords.read(bytes, from: start, line: line, final: final, delimiter: delimiter,
                                   limit: &limit, end: &end, visit) {
            case .end(let next):
                line = next
                start = bytes.count
            case .unclosed(let resume, let next):
                line = next
                start = resume ?? bytes.count
            case .partial(let index, let next, let inQuotes):
                line = next
                pending = Array(bytes[index...])
                pendingInQuotes = inQuotes
                return
            case .tooLong:
                done = true
                return
            }
        }
        if final { done = true }
    }

    /// True when `block`, read from inside a quoted field, holds the quote that closes it (a
    /// quote not doubled), or ends with a quote whose pair is not known yet.
    /// - Complexity: O(b) in the block's bytes.
    private static func closesQuote(_ block: UnsafeBufferPointer<UInt8>) -> Bool {
        let quote: UInt8 = 0x22
        var i = 0
        let n = block.count
        while i < n {
            guard block[i] == quote else { i += 1; continue }
            if i + 1 < n, block[i + 1] == quote { i += 2; continue }
            return true
        }
        return false
    }
}
