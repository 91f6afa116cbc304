import Foundation

/// The decoded text of a table, handed over in blocks from its start once for each of
/// `CSVReader`'s two passes: a text in memory is one block; a file is read in blocks
/// (`TextBlocks`, decoded by the one rule, `CorpusTextDecoder`), never held whole, and read
/// again from its start for the second pass. Input that cannot be read twice (standard input,
/// a FIFO) is first copied as it comes to a temporary file, unlinked at once, and read twice
/// from there; only when no temporary file can be made is it held whole as before.
///
/// The provenance hash is the SHA-256 of the decoded text, as for a text in memory: a file's is
/// made from the blocks of the first pass, and the second pass's must be the same (else the file
/// changed between the passes, and the read is refused rather than made of two texts).
final class CSVSource {
    private enum Origin {
        case text(String)
        /// An open regular file (closed with this), read from its start each pass.
        case file(descriptor: Int32)
    }

    private let origin: Origin
    /// The file as named in errors.
    let shown: String
    /// Bytes a block of a file holds at least (tests make it small to cut a table often).
    let blockSize: Int
    /// The hash of a text in memory, computed beside the first pass.
    private let background: HashInBackground?
    /// The hash of a file's text, from its first pass.
    private var fileHash: String?

    /// A file's text is read in blocks of at least this many bytes.
    static let defaultBlockSize = 4 << 20

    private init(origin: Origin, shownAs shown: String, blockSize: Int, background: HashInBackground?) {
        self.origin = origin
        self.shown = shown
        self.blockSize = max(1, blockSize)
        self.background = background
    }

    /// A text already decoded, in memory (`CSVReader.read(text:)`).
    convenience init(text: String, shownAs shown: String) {
        self.init(origin: .text(text), shownAs: shown, blockSize: .max, background: HashInBackground(text))
    }

    deinit {
        if case .file(let descriptor) = origin { close(descriptor) }
    }

    /// A file by its path: `.badData` naming it when it is missing, a folder or unreadable
    /// (`CorpusLoader.openCorpusFile`). One that is not a regular file is copied first.
    static func open(url: URL, shownAs shown: String, blockSize: Int = defaultBlockSize) throws -> CSVSource {
        let file = try CorpusLoader.openCorpusFile(url: url, shownAs: shown)
        guard file.size == nil else {
            return CSVSource(origin: .file(descriptor: file.descriptor), shownAs: shown, blockSize: blockSize, background: nil)
        }
        defer { close(file.descriptor) }
        return try copying(descriptor: file.descriptor, prefix: [], shownAs: shown, blockSize: blockSize)
    }

    /// What is left to read of `source` (standard input, a FIFO; not closed here), after
    /// `prefix`, the bytes already read from it: copied to an unlinked temporary file as it
    /// comes, a megabyte at a time, to be read twice. Where no temporary file can be made
    /// (`TMPDIR` not writable), it is read whole into memory instead, as it was before.
    /// - Complexity: O(n) in the bytes, written once; the memory of one megabyte.
    static func copying(descriptor source: Int32, prefix: [UInt8], shownAs shown: String,
                        blockSize: Int = defaultBlockSize) throws -> CSVSource {
        guard let copy = try TemporaryCopy.make(of: source, prefix: prefix, shownAs: shown) else {
            var data = Data(prefix)
            data.append(FileHandle(fileDescriptor: source, closeOnDealloc: false).readDataToEndOfFile())
            return CSVSource(text: try CorpusLoader.decodedText(data: data, shownAs: shown), shownAs: shown)
        }
        return CSVSource(origin: .file(descriptor: copy), shownAs: shown, blockSize: blockSize, background: nil)
    }

    /// Hands the text to `body` in blocks, in order, from its start; `last` is true for a block
    /// known to be the last (a text in memory: its one block). Each block of a file ends just
    /// after a LF, but the last (`CSVRecordScanner.add`), and the first holds the bytes that
    /// decide the header row's delimiter (`CSVRecords.delimiter(ofBytes:within:)`). Throws as
    /// `CorpusLoader.decodedText` would for the whole file, and when the text is not the one
    /// the first pass read.
    /// - Complexity: O(n) in the bytes; a file's blocks are let go as the next is read.
    func forEachBlock(_ body: (_ block: UnsafeBufferPointer<UInt8>, _ last: Bool) throws -> Void) throws {
        switch origin {
        case .text(var text):
            text.makeContiguousUTF8()
            try text.utf8.withContiguousStorageIfAvailable { try body($0, true) }
        case .file(let descriptor):
            let unreadable = EpistolaryError(.badData, file: shown, "cannot be read")
            guard lseek(descriptor, 0, SEEK_SET) == 0 else { throw unreadable }
            let own = dup(descriptor)
            guard own >= 0 else { throw unreadable }
            var blocks = TextBlocks(descriptor: own, prefix: [], shownAs: shown, blockSize: blockSize)
            let digest = SHA256.Digest()
            var first = true
            while let block = try blocks.next(end: { text, from, _ in Self.blockEnd(text, from: from, first: first) }) {
                first = false
                digest.update(UnsafeRawBufferPointer(block))
                try body(block, false)
            }
            let hash = digest.finish()
            if let fileHash, fileHash != hash {
                throw EpistolaryError(.badData, file: shown, "changed while it was read (a table is read twice): read it again once it is written")
            }
            fileHash = hash
        }
    }

    /// Where a file's block may end (`TextBlocks.BlockEnd`): just after the first LF at or after
    /// `from`, and in the first block not before the header row's delimiter is decided.
    static func blockEnd(_ text: UnsafeBufferPointer<UInt8>, from: Int, first: Bool) -> Int? {
        var lowest = from
        if first {
            guard let decided = CSVRecords.delimiter(ofBytes: text, within: CSVHeader.longestRow).decidedBy else { return nil }
            lowest = max(lowest, decided)
        }
        let start = max(lowest - 1, 0)
        guard start < text.count else { return nil }
        let lf = ByteScan.firstOffset(of: 0x0A, in: text, start..<text.count)
        return lf < text.count ? lf + 1 : nil
    }

    /// The SHA-256 of the text (of a file: once a pass has read it whole).
    func hash() -> String {
        background?.value() ?? fileHash ?? ""
    }

    /// Stops the hash of a text in memory, for a read that failed.
    func cancel() {
        background?.cancel()
    }
}
