import Foundation

/// A corpus file read as text in blocks, for a reader that needs one block at a time
/// (`TelegramReader.read(contentsOf:)`): only a block and the bytes read past it are held, not
/// the whole text (at 500,000 telegrams the text was 566 MB held through the whole read).
///
/// The bytes are read with read(2) in chunks (a regular file, a FIFO or a device alike) and made
/// text by the one rule (`CorpusTextDecoder`) up to the last line end read, so the text is exactly
/// the whole-file text (`CorpusLoader.decodedText`), error for error. Where a block ends is the
/// reader's choice (`BlockEnd`): the first place at or after `blockSize` bytes that the reader
/// can take up afresh; a block may grow until there is one (a text with no such place is one
/// block).
struct TextBlocks: ~Copyable {
    /// Where a block may end in `text` (the text decoded so far, which ends at a line end): the
    /// first offset at or after `from` that the reader can start a block at, or nil when there
    /// is none yet. `urgent`: the text has grown to twice the block size without one, so any
    /// acceptable place will do.
    typealias BlockEnd = (_ text: UnsafeBufferPointer<UInt8>, _ from: Int, _ urgent: Bool) -> Int?

    /// Bytes at the end of the text searched again when more is read (a place is judged by a
    /// few lines around it, which may have been cut off by the end of what was read).
    private static let searchOverlap = 64 * 1024

    private let descriptor: Int32
    private let shown: String
    private var decoder: CorpusTextDecoder
    /// Text decoded (`0..<decoded`), then bytes read but not decoded yet (`decoded..<filled`).
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// The buffer of the block handed out before: the bytes after a block are moved here and
    /// the two swap, so a block stays as it was through the next call (see `next`).
    private var spare: UnsafeMutablePointer<UInt8>
    private var spareCapacity: Int
    private var decoded = 0
    private var filled = 0
    /// The block handed out last (`0..<given`), dropped at the next call.
    private var given = 0
    /// Where the next search for a block's end starts (the text before it had none).
    private var searched = 0
    private var atEnd = false
    /// Bytes a block holds at least (the last excepted), and bytes asked of read(2) at a time.
    let blockSize: Int
    private let readSize: Int

    /// Opens the file (`CorpusLoader.openCorpusFile`: `.badData` when missing, a folder or
    /// unreadable). `blockSize`: the smallest block (tests make it small to cut a text often).
    init(url: URL, shownAs shown: String, blockSize: Int) throws {
        descriptor = try CorpusLoader.openCorpusFile(url: url, shownAs: shown).descriptor
        self.shown = shown
        decoder = CorpusTextDecoder(shownAs: shown)
        self.blockSize = max(1, blockSize)
        readSize = min(self.blockSize, 4 << 20)
        capacity = self.blockSize + 2 * readSize
        buffer = .allocate(capacity: capacity)
        spareCapacity = capacity
        spare = .allocate(capacity: spareCapacity)
    }

    /// The size in bytes of what is read when it is a regular file (nil for a pipe or a
    /// terminal): the reader sizes its list of entries by it (`TelegramSegmenter.Blocks`).
    var fileSize: Int? {
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// Reads from an open descriptor, taken (closed when done), after `prefix`: bytes already
    /// read from it (standard input's first bytes, read to choose its format). The text is the
    /// one the prefix and the rest make together, as if read as one file.
    init(descriptor: Int32, prefix: [UInt8], shownAs shown: String, blockSize: Int) {
        self.descriptor = descriptor
        self.shown = shown
        decoder = CorpusTextDecoder(shownAs: shown)
        self.blockSize = max(1, blockSize)
        readSize = min(self.blockSize, 4 << 20)
        // The prefix waits, undecoded, as bytes read past the last line end do: the first chunk
        // read decodes it with them (`readChunk`).
        capacity = max(self.blockSize + 2 * readSize, prefix.count + readSize)
        buffer = .allocate(capacity: capacity)
        for (k, byte) in prefix.enumerated() { buffer[k] = byte }
        filled = prefix.count
        spareCapacity = capacity
        spare = .allocate(capacity: spareCapacity)
    }

    deinit {
        close(descriptor)
        buffer.deallocate()
        spare.deallocate()
    }

    /// The next block of text; nil after the last. A block stays valid through the next call
    /// and until the one after it (two buffers alternate), so the reader can segment one block
    /// while the next is read and decoded (`TelegramReader.read(contentsOf:)`). Throws as
    /// `CorpusLoader.decodedText` would for the whole file (empty, binary, not UTF-8), and for a
    /// bad byte only once the whole file has been read (a NUL after it is reported first).
    /// - Complexity: O(n) in the bytes of the block, plus the search for its end.
    mutating func next(end: BlockEnd) throws -> UnsafeBufferPointer<UInt8>? {
        if given > 0 {
            // The bytes after the block handed out go to the other buffer; the block stays.
            if spareCapacity < capacity {
                spare.deallocate()
                spareCapacity = capacity
                spare = .allocate(capacity: spareCapacity)
            }
            spare.update(from: buffer + given, count: filled - given)
            swap(&buffer, &spare)
            swap(&capacity, &spareCapacity)
            decoded -= given
            filled -= given
            given = 0
            searched = 0
        }
        while true {
            if decoded >= blockSize, searched < decoded {
                let from = max(blockSize, searched)
                let text = UnsafeBufferPointer(start: buffer, count: decoded)
                if let cut = end(text, from, decoded >= 2 * blockSize), cut > 0, cut <= decoded {
                    given = cut
                    return UnsafeBufferPointer(start: buffer, count: cut)
                }
                searched = atEnd ? decoded : max(from, decoded - Self.searchOverlap)
            }
            if atEnd {
                guard decoded > 0 else { return nil }
                given = decoded
                return UnsafeBufferPointer(start: buffer, count: decoded)
            }
            try readChunk()
        }
    }

    /// Reads one chunk and decodes what was read up to its last line end (all of it at the end
    /// of the file): the bytes after it wait for the next chunk, so no CR LF and no character is
    /// decoded in two parts.
    /// - Complexity: O(n) in the bytes read.
    private mutating func readChunk() throws {
        if filled + readSize > capacity { grow(to: max(2 * capacity, filled + readSize)) }
        let got = try readSome(into: buffer + filled, count: readSize)
        let before = filled
        filled += got
        atEnd = got == 0
        var lineEnd = decoded
        if atEnd {
            lineEnd = filled
        } else {
            // Only the bytes read now can hold the last line end, or a CR just before them that
            // was the last byte read (then not known to be a lone one).
            var i = filled - 1
            let lowest = max(decoded, before - 1)
            while i >= lowest {
                let b = buffer[i]
                if b == 0x0A || (b == 0x0D && i < filled - 1) {
                    lineEnd = i + 1
                    break
                }
                i -= 1
            }
        }
        if lineEnd > decoded {
            let count = try decoder.decode(buffer + decoded, count: lineEnd - decoded, last: atEnd)
            if decoder.failed { try drain(from: lineEnd) }
            memmove(buffer + decoded + count, buffer + lineEnd, filled - lineEnd)
            filled = decoded + count + (filled - lineEnd)
            decoded += count
        }
        if atEnd { try decoder.finish() }
    }

    /// After a byte that is not UTF-8: the rest of the file is read only to look for a NUL
    /// (reported first, as for the whole file), then the bad byte is thrown.
    /// - Complexity: O(n) in the bytes of the rest of the file, read in chunks into the buffer.
    private mutating func drain(from rest: Int) throws -> Never {
        _ = try decoder.decode(buffer + rest, count: filled - rest, last: false)
        while true {
            let got = try readSome(into: buffer, count: min(capacity, 4 << 20))
            guard got > 0 else { break }
            _ = try decoder.decode(buffer, count: got, last: false)
        }
        try decoder.finish()
        fatalError("a decoder that failed finished without an error")
    }

    /// One read(2), retried when interrupted; 0 at the end of the file.
    private func readSome(into target: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        while true {
            let got = read(descriptor, target, count)
            if got >= 0 { return got }
            if errno != EINTR { throw EpistolaryError(.badData, file: shown, "cannot be read") }
        }
    }

    /// A larger buffer, holding the same bytes.
    private mutating func grow(to size: Int) {
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        larger.update(from: buffer, count: filled)
        buffer.deallocate()
        buffer = larger
        capacity = size
    }
}
