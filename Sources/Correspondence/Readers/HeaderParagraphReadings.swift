import Foundation
import Synchronization

/// What each distinct header-like paragraph of a text read as, keyed by its bytes as they stand
/// in the text (`TelegramSegmenter.headerParagraph`): one table per piece, asked first, and one
/// shared by all pieces of the text (`Shared`, held by `HeaderMemo`).
///
/// Why: a corpus repeats the same header paragraphs at message after message, and each was made
/// into Strings again (its lines, the first line trimmed and its leading date looked for, the
/// lines joined, the joined text hashed for `HeaderMemo`) before its reading was found: a sixth
/// of segmenting at 500,000 telegrams. A paragraph's bytes, from its first line's start to its
/// last line's end, decide its lines (a paragraph has no blank line, so each run of CR and LF
/// in them is one line break) and so its reading, which depends on nothing else; which piece
/// reads a paragraph first does not change it. A lookup hashes and compares the bytes where
/// they stand; a paragraph is copied once, when the text first shows it.
///
/// Why two tables: a piece of a megabyte meets most of its distinct paragraphs only once or
/// twice (the generated corpora have thousands of header forms), so a table per piece alone
/// missed most of the time; the shared table answers those. It is cut in shards, each with its
/// own lock, and the hash is taken before any lock, so the cores seldom wait for each other
/// (one lock for the shared `HeaderMemo` was a fifth of segmenting at 50,000 telegrams).
struct HeaderParagraphReadings {
    /// A paragraph read as a header: its cleaned text and the date fused before it, if any.
    struct Reading: Sendable {
        var cleaned: String
        var fused: Day?
    }

    /// A stored paragraph's own copy of its bytes, freed with the last key that holds it.
    /// Never written after it is made, so keys holding it may be read on any core.
    fileprivate final class StoredBytes: @unchecked Sendable {
        let bytes: UnsafeMutableBufferPointer<UInt8>

        init(copying source: UnsafeBufferPointer<UInt8>) {
            bytes = .allocate(capacity: source.count)
            _ = bytes.initialize(from: source)
        }

        deinit { bytes.deallocate() }
    }

    /// A paragraph's bytes with their hash, taken once: borrowed from the text to look one up,
    /// owned once stored.
    fileprivate struct Key: Hashable, @unchecked Sendable {
        let hash: Int
        let bytes: UnsafeBufferPointer<UInt8>
        /// The stored copy the bytes point into (nil in a lookup key).
        let owner: StoredBytes?

        init(borrowing bytes: UnsafeBufferPointer<UInt8>) {
            var hasher = Hasher()
            hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
            hash = hasher.finalize()
            self.bytes = bytes
            owner = nil
        }

        /// The same key, holding its own copy of the bytes.
        func stored() -> Key {
            let copy = StoredBytes(copying: bytes)
            return Key(hash: hash, bytes: UnsafeBufferPointer(copy.bytes), owner: copy)
        }

        private init(hash: Int, bytes: UnsafeBufferPointer<UInt8>, owner: StoredBytes) {
            self.hash = hash
            self.bytes = bytes
            self.owner = owner
        }

        static func == (a: Key, b: Key) -> Bool {
            guard a.hash == b.hash, a.bytes.count == b.bytes.count else { return false }
            guard let x = a.bytes.baseAddress, let y = b.bytes.baseAddress else { return true }
            return memcmp(x, y, a.bytes.count) == 0
        }

        func hash(into hasher: inout Hasher) { hasher.combine(hash) }
    }

    /// The readings of all pieces of one text.
    final class Shared: Sendable {
        private final class Shard: Sendable {
            let table = Mutex<[Key: Reading?]>([:])
        }

        private let shards: [Shard] = (0..<16).map { _ in Shard() }

        fileprivate func find(_ key: Key) -> (key: Key, reading: Reading?)? {
            shards[Int(UInt(bitPattern: key.hash) % 16)].table.withLock { table in
                table.index(forKey: key).map { (table.keys[$0], table.values[$0]) }
            }
        }

        /// Stores `key` (owned) with its reading; a reading stored first by another piece is kept
        /// (the same, by the rule above).
        fileprivate func add(_ key: Key, _ reading: Reading?) {
            shards[Int(UInt(bitPattern: key.hash) % 16)].table.withLock { table in
                if table[key] == nil { table[key] = .some(reading) }
            }
        }
    }

    /// This piece's readings (nil inside: not a header).
    private var readings: [Key: Reading?] = [:]

    /// The reading of the paragraph whose bytes are `bytes`: this piece's first, then the
    /// shared one, else made by `read` (and stored in both).
    /// - Complexity: O(n) in the bytes (hashed and compared), plus `read` once per distinct
    ///   paragraph of the text (twice at most when two pieces meet it at once), or each time
    ///   for a long one that is no header.
    mutating func reading(of bytes: UnsafeBufferPointer<UInt8>, shared: Shared, read: () -> Reading?) -> Reading? {
        let key = Key(borrowing: bytes)
        if let known = readings[key] { return known }
        if let found = shared.find(key) {
            readings[found.key] = .some(found.reading)
            return found.reading
        }
        let made = read()
        // A long paragraph that is no header is not kept: in a text typed all in capitals every
        // paragraph of the body comes here, seldom twice (the 50,000 telegrams in capitals kept
        // 14 MB of them); a short one (a signature, "J. STALIN") comes again and again.
        guard made != nil || bytes.count <= Self.longestKeptNonHeader else { return made }
        let stored = key.stored()
        readings[stored] = .some(made)
        shared.add(stored, made)
        return made
    }

    /// The longest paragraph that is no header whose reading is kept, in bytes.
    static let longestKeptNonHeader = 64
}
