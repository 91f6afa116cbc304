import Foundation

/// Reads correspondence printed as plain text, in the manner of the war telegrams: a header
/// (bold or plain, one line or several, with or without FROM), an optional "Sent on D" line
/// before it, the body, and a date line after it ("July 18, 1941", "Berlin, July 29, 1945").
///
/// Segmentation works on lines and paragraphs with hand-written scanning (no regexes), in one
/// pass; a second pass settles what needs the whole text: the principal correspondent (the
/// most frequent explicit sender, used when a header names no sender and no signature does),
/// dates of undated entries (bounded by their dated neighbours), the owners of orphan
/// fragments, duplicates, references and ids.
///
/// Decisions (see the gold notes of the bundled corpus):
/// - A date line between two messages belongs to the message before it unless that message
///   already has one, or was sent earlier than the date says ("Sent on March 14" cannot be
///   dated March 29); it then belongs to the next message, whose header it stands before.
/// - A date in quotation marks is a quoted message's date, not the message's own.
/// - Text without a header (a page printed out of order) is kept as a `fragment`; a sentence
///   broken off at the end of one message and taken up in lower case elsewhere ties the two.
/// - Ids are `<best date>-<sender>-<first recipient>` in lower-case ASCII, `-b`, `-c` on
///   collision in source order; an undated entry uses the middle of its bounds as best date.
public enum TelegramReader {
    /// Reads `text` (already decoded, line ends normalised or not) into a corpus.
    /// Throws `.badData` when no message header can be found at all.
    /// `path`, when given, names the file in errors (otherwise `sourceName` does).
    ///
    /// - Complexity: O(n log n) in the text's lines and messages: one segmenting pass, then
    ///   the assembler (`CorpusAssembler.assemble`).
    /// The text is taken (`consuming`): once it is cut into entries it is let go, so that a
    /// large corpus is not held twice while its messages are made.
    public static func read(text: consuming String, sourceName: String, path: String? = nil, people: PersonTable) throws -> Corpus {
        try read(text: text, sourceName: sourceName, path: path, people: people, pieceSize: TelegramSegmenter.defaultPieceSize)
    }

    /// `read(text:sourceName:path:people:)` with the text segmented in pieces of about
    /// `pieceSize` bytes (the result is the same whatever the size; tests vary it).
    /// The text is one block of `TelegramSegmenter.Blocks`, the same segmenting as a file's blocks.
    static func read(text: consuming String, sourceName: String, path: String?, people: PersonTable, pieceSize: Int) throws -> Corpus {
        var text = text
        text.makeContiguousUTF8()   // a native string already is: no copy
        // The provenance hash is of the text as given (a BOM too); it runs beside the pieces.
        let digest = SHA256.Digest()
        var segmenter = text.utf8.withContiguousStorageIfAvailable { all in
            var blocks = TelegramSegmenter.Blocks(people: people, pieceSize: pieceSize)
            blocks.add(TelegramSegmenter.withoutBOM(all)) { digest.update(UnsafeRawBufferPointer(all)) }
            return blocks.finish()
        }!
        _ = consume text
        return try corpus(from: &segmenter, sourceHash: digest.finish(), sourceName: sourceName, path: path)
    }

    /// Reads a telegram file as it comes, in blocks (`TextBlocks`), never holding its whole
    /// text: each block is decoded by the one rule (`CorpusTextDecoder`), hashed (the SHA-256 of
    /// the decoded text, as `read(text:)` of `CorpusLoader.decodedText` would give), segmented in
    /// pieces on all cores, and let go once its entries are taken. The corpus is the one
    /// `read(text:)` makes of the whole decoded text, byte for byte; errors are the same too.
    /// `path` names the file in errors. `pieceSize` and `blockSize`: tests make them small.
    /// - Complexity: O(n log n) as `read(text:)`; the text held at once is about two blocks
    ///   (`TelegramSegmenter.defaultBlockSize`): the one segmented and the next, read beside it.
    public static func read(contentsOf url: URL, sourceName: String, path: String, people: PersonTable) throws -> Corpus {
        try read(contentsOf: url, sourceName: sourceName, path: path, people: people,
                 pieceSize: TelegramSegmenter.defaultPieceSize, blockSize: TelegramSegmenter.defaultBlockSize)
    }

    static func read(contentsOf url: URL, sourceName: String, path: String, people: PersonTable,
                     pieceSize: Int, blockSize: Int) throws -> Corpus {
        var source = try TextBlocks(url: url, shownAs: path, blockSize: blockSize)
        return try read(blocks: &source, sourceName: sourceName, path: path, people: people, pieceSize: pieceSize)
    }

    /// The corpus of a text read in blocks (a file, or standard input after its sniffed prefix:
    /// `read(descriptor:prefix:)`): each block segmented in pieces on all cores while its hash
    /// is updated and the next block is read and decoded beside them (a block stays valid
    /// through the next `next`), so neither core waits for the file between blocks.
    /// - Complexity: O(n log n) as `read(text:)`; about two blocks of text held at once.
    static func read(blocks source: inout TextBlocks, sourceName: String, path: String, people: PersonTable,
                     pieceSize: Int) throws -> Corpus {
        let digest = SHA256.Digest()
        var blocks = TelegramSegmenter.Blocks(people: people, pieceSize: pieceSize)
        blocks.expectedBytes = source.fileSize
        var following = try source.next(end: TelegramSegmenter.blockEnd)
        while let block = following {
            var upcoming: Result<UnsafeBufferPointer<UInt8>?, any Error> = .success(nil)
            blocks.add(block) {
                digest.update(UnsafeRawBufferPointer(block))
                upcoming = Result { try source.next(end: TelegramSegmenter.blockEnd) }
            }
            following = try upcoming.get()
        }
        var segmenter = blocks.finish()
        return try corpus(from: &segmenter, sourceHash: digest.finish(), sourceName: sourceName, path: path)
    }

    /// The corpus of a segmented text: refused when no entry is a message, else assembled.
    /// The segmenter is taken `inout` and its drafts taken out of it, so that no copy of it
    /// can share them (see `takeDrafts`).
    /// - Complexity: O(n log n) in the drafts (`CorpusAssembler.assemble`).
    private static func corpus(from segmenter: inout TelegramSegmenter, sourceHash: String, sourceName: String, path: String?) throws -> Corpus {
        // The drafts taken out of the segmenter, not shared with it: the assembler lets each go
        // as it makes its message, which on a shared array would copy them all first.
        let drafts = segmenter.takeDrafts()
        let (found, issues) = (segmenter.people, segmenter.issues)
        guard drafts.contains(where: { $0.kind == .message }) else {
            throw EpistolaryError(.badData, file: path ?? sourceName, "no message header found (expected lines such as \"FROM X TO Y\" or \"X TO Y\")")
        }
        var assembler = CorpusAssembler(drafts: consume drafts, people: found, issues: issues)
        let corpus = assembler.assemble(sourceName: sourceName, sourceHash: sourceHash)
        // The text's lines and entries are freed now, in small blocks between the messages kept:
        // a large read gives their pages back (`FreedMemory`).
        if corpus.messages.count >= FreedMemory.largeRun { FreedMemory.release() }
        return corpus
    }
}

/// One entry as cut from the text, before the whole-corpus decisions.
struct Draft: Sendable {
    struct DateLine: Sendable {
        var day: Day
        var place: String?
        var line: Int
    }

    var kind: MessageKind
    var startLine: Int
    var endLine: Int
    var headerParagraphs: [String] = []
    var headerLines: [Int] = []
    var header: HeaderText?
    var sentOn: DateLine?
    var fusedDate: DateLine?
    /// Date lines that stood before this entry's header (see TelegramReader decisions).
    var forwarded: [DateLine] = []
    /// One body line: its number, and whether it continues the line before (a page break).
    /// Its text is in `bodyText`.
    struct BodyLine: Sendable {
        var line: Int
        var continues: Bool
    }

    /// Body lines with their line numbers; a page-break continuation is flagged.
    var bodyLines: [BodyLine] = []
    /// The raw text of the body lines, in order, each ended by a LF (a raw line holds no line
    /// break: the segmenter splits on them). One block per entry, not a String per line: at
    /// 500,000 messages there are ~8 million body lines, and a String each (and a cleaned one)
    /// took more memory than the whole text (issue 13). `lines()` makes the Strings when the
    /// assembler makes the entry's message.
    var bodyText: [UInt8] = []
    /// The cleaned text of the last body line, while the segmenter still decides on it (what
    /// comes next, and whether the entry breaks off); emptied when the entry is closed.
    var lastCleaned = ""

    /// Appends a body line, `raw` (no line break in it), numbered `line`.
    mutating func appendBodyLine(_ raw: String, line: Int, continues: Bool) {
        bodyText.append(contentsOf: raw.utf8)
        bodyText.append(0x0A)
        bodyLines.append(BodyLine(line: line, continues: continues))
    }

    /// A body line as the assembler reads it: raw and cleaned, its number and continuation flag.
    typealias Line = (raw: String, cleaned: String, line: Int, continues: Bool)

    /// Every body line, raw and cleaned (`BodyText.clean`, as the segmenter cleaned it), with
    /// its number and continuation flag: made for the assembler, let go with the entry's message.
    /// - Complexity: O(n) in the bytes of the entry's body.
    func lines() -> [Line] {
        var result: [Line] = []
        result.reserveCapacity(bodyLines.count)
        bodyText.withUnsafeBufferPointer { bytes in
            var start = 0
            for l in bodyLines {
                let end = ByteScan.firstOffset(of: 0x0A, in: bytes, start..<bytes.count)
                let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                result.append((raw, BodyText.clean(raw), l.line, l.continues))
                start = end + 1
            }
        }
        return result
    }

    /// The cleaned text of the first body line (nil when there is none).
    func firstCleaned() -> String? {
        guard !bodyLines.isEmpty, let end = bodyText.firstIndex(of: 0x0A) else { return nil }
        return BodyText.clean(String(decoding: bodyText[..<end], as: UTF8.self))
    }

    /// Gives back the slack the body's arrays gathered while they grew by appending: an
    /// entry is complete when closed, and 600,000 entries' slack was ~200 MB at 500,000 messages.
    /// - Complexity: O(n) in the bytes of the entry's body.
    mutating func trimBody() {
        if bodyText.capacity > bodyText.count + 32 { bodyText = Self.exactCopy(bodyText) }
        if bodyLines.capacity > bodyLines.count + 2 { bodyLines = Self.exactCopy(bodyLines) }
    }

    /// A copy of `array` in a block of its own size.
    private static func exactCopy<T>(_ array: [T]) -> [T] {
        array.withUnsafeBufferPointer { source in
            Array(unsafeUninitializedCapacity: source.count) { target, count in
                _ = target.initialize(from: source)
                count = source.count
            }
        }
    }
    /// Date lines after the body.
    var trailingDates: [DateLine] = []
    /// Lines after the date line (a signature).
    var afterDate: [(cleaned: String, line: Int)] = []
    /// The last body sentence breaks off (its rest is elsewhere in the text).
    var truncated = false
    var dated: DateLine?
    var notes: [String] = []

    /// Appends `source`'s drafts to `target` by moving them, leaving `source` empty: appending
    /// copies would retain every string of every entry, then release them all with `source`
    /// (at 500,000 messages a second of the calling thread while the other core waited).
    /// - Complexity: O(n) in the drafts moved.
    static func move(_ source: inout [Draft], to target: inout [Draft]) {
        source.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            target.append(contentsOf: (0..<buffer.count).lazy.map { (base + $0).move() })
            // The moved-out slots hold nothing now: fill them with empty drafts before `source`
            // lets them go.
            for k in 0..<buffer.count { (base + k).initialize(to: Draft(kind: .fragment, startLine: 0, endLine: 0)) }
        }
        source = []
    }

    var inHeaderPhase: Bool { kind == .message && bodyLines.isEmpty && trailingDates.isEmpty }
    var headerComplete: Bool {
        guard let h = header else { return false }
        return !h.recipients.isEmpty || !h.unknownRecipientSegments.isEmpty
    }
}

/// First pass: cuts the text into drafts, in one scan over its UTF-8 bytes: paragraphs are
/// found as byte ranges, and a String is made only for each line that is not blank.
///
/// The bytes are borrowed: a segmenter lives only inside the closure that lends them
/// (`TelegramReader.read`), and what it keeps (drafts) holds bytes of its own.
struct TelegramSegmenter {
    /// The bytes of the block being read, without a BOM (`Blocks` points it at each block in turn).
    fileprivate var bytes: UnsafeBufferPointer<UInt8>
    /// The lines of the paragraph being read (byte ranges), reused from one to the next.
    private var paragraphLines: [Range<Int>] = []
    var people: PersonTable
    var matcher: PersonMatcher
    var drafts: [Draft] = []
    var issues: [ReadIssue] = []
    private var current: Draft?
    private var pendingSentOn: Draft.DateLine?
    private var pendingForward: [Draft.DateLine] = []
    private var seenHeader = false
    /// Paragraphs read so far, and whether the first was a header (see `segment(bytes:people:pieceSize:)`).
    private var paragraphsRead = 0
    private var openedWithHeader = false
    /// Pieces whose own segmenting was kept, and pieces segmented again from the pass before.
    private(set) var piecesKept = 0
    private(set) var piecesRedone = 0
    /// Header texts repeat ("PERSONAL AND SECRET FROM PREMIER J. V. STALIN / TO THE PRIME
    /// MINISTER, Mr W. CHURCHILL" a hundred times): each distinct one is read once.
    /// Shared by the segmenters of all pieces of one text (`HeaderMemo`).
    private let memo: HeaderMemo
    /// This segmenter's own header readings, asked before `memo` (see `HeaderMemo.Local`).
    private var seenHeaders = HeaderMemo.Local()
    /// This segmenter's readings of header-like paragraphs, by their bytes.
    private var paragraphReadings = HeaderParagraphReadings()
    /// Most paragraphs one unfinished header gathers. A real header is a few blocks (writer,
    /// "TO ..." addressee, classification); a run of header-like blocks that never completes
    /// (the black-box run's 5,000 "PERSONAL AND SECRET FROM" blocks, each followed by a date)
    /// past this starts a new header at each block, so no header is re-read whole at every
    /// block (that was quadratic: 16 s and 923 MB for 262 kB).
    static let maxHeaderParagraphs = 8

    private mutating func readHeader(_ paragraphs: [String]) -> HeaderText {
        let matcher = matcher
        return seenHeaders.header(paragraphs, shared: memo) { HeaderText(paragraphs: paragraphs, matcher: matcher) }
    }

    /// `stripped`: the bytes are already without a BOM.
    /// `memo`: the header readings shared with the other pieces of the same text and people.
    init(bytes all: UnsafeBufferPointer<UInt8>, stripped: Bool = false, people: PersonTable, memo: HeaderMemo = HeaderMemo()) {
        bytes = stripped ? all : Self.withoutBOM(all)
        self.people = people
        self.memo = memo
        matcher = PersonMatcher.cached(for: people)
    }

    /// Texts shorter than this are cut in one piece. A megabyte: a corpus of 5,000 telegrams
    /// (5.7 MB) is segmented on both cores, and the pieces of a block are many enough that
    /// neither core waits long for the other at its end (with 8 MB pieces, four to a block, the
    /// 500,000-telegram read kept both cores busy 68-72% of the time).
    static let defaultPieceSize = 1 << 20
    /// A file is read in blocks of at least this many bytes (`TextBlocks`): 32 pieces.
    static let defaultBlockSize = 32 << 20

    /// `bytes` without a byte order mark at their start.
    static func withoutBOM(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? UnsafeBufferPointer(rebasing: bytes[3...]) : bytes
    }

    /// The drafts of the whole text: the text as one block of `Blocks`.
    /// - Complexity: O(n) in the bytes of the text, as `Blocks.add`.
    static func segment(bytes all: UnsafeBufferPointer<UInt8>, people: PersonTable, pieceSize: Int = defaultPieceSize) -> TelegramSegmenter {
        var blocks = Blocks(people: people, pieceSize: pieceSize)
        blocks.add(withoutBOM(all)) {}
        return blocks.finish()
    }

    /// One text segmented block after block, as one pass over all of it would segment it: each
    /// block starts where a paragraph may start (after a blank line; `blockEnd`), so the one
    /// segmenter that runs through all blocks (`whole`) can stop at the end of one and go on at
    /// the start of the next. The drafts own their bytes, so a block is not needed once added.
    ///
    /// A block larger than `pieceSize` bytes is cut into pieces at blank lines before a line in
    /// capitals (a likely header), and the pieces are segmented on all cores, each as if the text
    /// began there. A piece's drafts are kept only when that is exactly what one pass would have
    /// done: the piece's first paragraph is a header, the pass before it ended past any header
    /// (so the header closes the entry before it), and that close leaves nothing pending (no
    /// Sent-on or date line waiting for a header): the header then opens the same new entry in
    /// both. Otherwise the piece is segmented again, sequentially, from where the pass before it
    /// stopped. So the result is the one pass's, byte for byte, whatever the cuts and the blocks.
    struct Blocks {
        private var whole: TelegramSegmenter?
        private let people: PersonTable
        private let pieceSize: Int
        /// The header readings shared by all pieces of all blocks.
        private let memo = HeaderMemo()
        /// Lines in the blocks added so far.
        private var linesBefore = 0
        /// Bytes of the text when known (a file's size), and of the blocks added so far: the
        /// list of entries is given room for the whole text once its first block has shown how
        /// many entries a byte holds.
        var expectedBytes: Int?
        private var bytesSeen = 0

        init(people: PersonTable, pieceSize: Int) {
            self.people = people
            self.pieceSize = pieceSize
        }

        /// Segments the next block of the text (without a BOM), running `alongside` on a core
        /// meanwhile (the provenance hash of the block). The block's bytes are only read, and
        /// not held after the call.
        /// - Complexity: O(n) in the bytes of the block (at most twice over a piece whose cut
        ///   fails), plus the work of each paragraph; the pieces on all cores.
        mutating func add(_ block: UnsafeBufferPointer<UInt8>, alongside: () -> Void) {
            bytesSeen += block.count
            let cuts = TelegramSegmenter.cuts(in: block, pieceSize: pieceSize)
            guard cuts.count > 2 else {
                if whole == nil { whole = TelegramSegmenter(bytes: block, stripped: true, people: people, memo: memo) }
                whole!.bytes = block
                whole!.scan(0..<block.count, linesBefore: linesBefore)
                whole!.bytes = UnsafeBufferPointer(start: nil, count: 0)
                linesBefore += ByteScan.lineEnds(in: block, 0..<block.count)
                alongside()
                return
            }
            let bytes = UncheckedBytes(bytes: block)
            let (memo, people, start) = (memo, people, linesBefore)
            // Lines before each piece, counted on all cores (a piece starts just after a LF).
            let lineCounts = ConcurrentMap.mapEach(count: cuts.count - 1) { k in
                ByteScan.lineEnds(in: bytes.bytes, cuts[k]..<cuts[k + 1])
            }
            var counted = [start]
            for count in lineCounts.dropLast() { counted.append(counted[counted.count - 1] + count) }
            let firstLines = counted
            let first = whole == nil
            var pieces = withoutActuallyEscaping(alongside) { job in
                let besides = UncheckedJob(run: job)
                // One more task than pieces: `alongside`, first, so that it starts at once on one
                // core while the pieces go to whichever core is free (it used to come last, and
                // one core waited for it).
                return ConcurrentMap.mapEach(count: cuts.count) { task -> Piece? in
                    guard task > 0 else {
                        besides.run()
                        return nil
                    }
                    let k = task - 1
                    var piece = TelegramSegmenter(bytes: bytes.bytes, stripped: true, people: people, memo: memo)
                    // A piece after the text's first starts after a header has been seen
                    // (`seenHeader`), as the one pass would be when its cut is kept.
                    if k > 0 || !first { piece.seenHeader = true }
                    piece.scan(cuts[k]..<cuts[k + 1], linesBefore: firstLines[k])
                    return Piece(segmenter: piece)
                }
            }.compactMap { $0 }
            var from = 0
            if first {
                whole = pieces[0].segmenter
                pieces[0].segmenter.drafts = []   // each piece's drafts are let go once taken
                from = 1
            }
            whole!.bytes = block
            // Room for the block's drafts, grown by doubling: a file's blocks come one by one.
            // When the text's size is known, room for all of it at once (the drafts so far per
            // byte so far, an eighth over; doubling again if the rest is denser): each doubling
            // copied every draft into fresh memory, some 50,000 first touches of a page in the
            // read of 500,000 messages. Room not yet written is not resident.
            let needed = whole!.drafts.count + pieces[from...].reduce(0) { $0 + $1.segmenter.drafts.count } + 1
            if whole!.drafts.capacity < needed {
                var room = max(needed, 2 * whole!.drafts.capacity)
                if let expected = expectedBytes, expected > bytesSeen {
                    room = max(room, Int((Double(needed) * Double(expected) / Double(bytesSeen) * 1.125).rounded(.up)))
                }
                whole!.drafts.reserveCapacity(room)
            }
            for k in from..<pieces.count {
                var pieceDrafts = pieces[k].segmenter.drafts
                pieces[k].segmenter.drafts = []
                let piece = pieces[k].segmenter
                whole!.merge(piece, drafts: &pieceDrafts, range: cuts[k]..<cuts[k + 1], linesBefore: firstLines[k])
            }
            whole!.bytes = UnsafeBufferPointer(start: nil, count: 0)
            linesBefore = firstLines[firstLines.count - 1] + lineCounts[lineCounts.count - 1]
        }

        /// The segmenter after the last block, its last entry closed, taken out of `self`.
        mutating func finish() -> TelegramSegmenter {
            // Taken out, not copied: a copy would share the drafts, and closing the last entry
            // would then copy all of them (and retain every string in them).
            var result = whole.take() ?? TelegramSegmenter(bytes: UnsafeBufferPointer(start: nil, count: 0), stripped: true, people: people, memo: memo)
            result.close()
            return result
        }
    }

    /// The drafts, taken out (the segmenter is left with none).
    mutating func takeDrafts() -> [Draft] {
        defer { drafts = [] }
        return drafts
    }

    /// Takes a piece segmented on its own after the text before it: its drafts when they are
    /// the one pass's (see `Blocks`), else the piece's `range` of `bytes` scanned again.
    /// - Complexity: O(drafts of the piece) when kept (moved); O(n) in the bytes of the piece,
    ///   plus the work of each paragraph, when scanned again.
    private mutating func merge(_ piece: TelegramSegmenter, drafts pieceDrafts: inout [Draft], range: Range<Int>, linesBefore: Int) {
        // A header after an entry that is past its header closes that entry first, in the
        // one pass too (`header`); what the close leaves pending (a date line that goes
        // forward) then decides whether the piece's first entry is the one pass's.
        let closes = piece.openedWithHeader && !(current?.inHeaderPhase ?? false)
        if closes { close() }
        if closes && pendingSentOn == nil && pendingForward.isEmpty && seenHeader {
            piecesKept += 1
            Draft.move(&pieceDrafts, to: &drafts)
            issues += piece.issues
            current = piece.current
            pendingSentOn = piece.pendingSentOn
            pendingForward = piece.pendingForward
            seenHeader = piece.seenHeader
        } else {
            piecesRedone += 1
            scan(range, linesBefore: linesBefore)
        }
    }

    /// A piece's segmenter, handed back from a worker (its bytes are the block's, only read).
    private struct Piece: @unchecked Sendable {
        var segmenter: TelegramSegmenter
    }

    /// The block's bytes handed to the workers, which only read them.
    private struct UncheckedBytes: @unchecked Sendable {
        let bytes: UnsafeBufferPointer<UInt8>
    }

    /// The work run beside the pieces, handed to a worker for the length of `Blocks.add`.
    private struct UncheckedJob: @unchecked Sendable {
        let run: () -> Void
    }

    /// Where a file's block may end (`TextBlocks.BlockEnd`): a likely cut between pieces
    /// (`nextCut`), or when the block has grown too long without one, any paragraph's start.
    /// - Complexity: O(n) in the bytes from `from` at most.
    static func blockEnd(_ text: UnsafeBufferPointer<UInt8>, from: Int, urgent: Bool) -> Int? {
        nextCut(in: text, from: from) ?? (urgent ? nextCut(in: text, from: from, anyParagraph: true) : nil)
    }

    /// Where the pieces start, with 0 first and the end of the text last: about every
    /// `pieceSize` bytes, a likely cut (`nextCut`; whether the cut is kept is settled by `Blocks`).
    /// - Complexity: O(n) in the bytes at most; about O(pieces) lines looked at in a real text.
    static func cuts(in bytes: UnsafeBufferPointer<UInt8>, pieceSize: Int) -> [Int] {
        let n = bytes.count
        guard pieceSize > 0, n > pieceSize else { return [0, n] }
        var result = [0]
        var target = pieceSize
        while target < n, let cut = nextCut(in: bytes, from: max(target, result[result.count - 1] + 1)) {
            result.append(cut)
            target = cut + pieceSize
        }
        result.append(n)
        return result
    }

    /// The first line at or after `from` that follows a blank line, opens with a capital or `*`
    /// and starts a likely header (`isLikelyCut`); with `anyParagraph`, the first line after a
    /// blank line. Nil when there is none.
    /// - Complexity: O(n) in the bytes from `from` at most.
    static func nextCut(in bytes: UnsafeBufferPointer<UInt8>, from: Int, anyParagraph: Bool = false) -> Int? {
        let n = bytes.count
        // The next blank line (LF, spaces or tabs, LF) at or after `from`.
        var i = from
        while i + 1 < n {
            guard bytes[i] == 0x0A else { i += 1; continue }
            var j = i + 1
            while j < n, bytes[j] == 0x20 || bytes[j] == 0x09 { j += 1 }
            guard j < n, bytes[j] == 0x0A else { i = j; continue }
            // j: the LF ending the blank line; the candidate line starts after any more blank lines.
            var start = j + 1
            while start < n, bytes[start] == 0x0A { start += 1 }
            guard start < n else { return nil }
            if anyParagraph { return start }
            var end = start
            while end < n, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            let opener = bytes[start]
            if opener == 0x2A || (opener >= 0x41 && opener <= 0x5A), isLikelyCut(in: bytes, header: start, lineBefore: i) {
                return start
            }
            i = end
        }
        return nil
    }

    /// True when the paragraph at `start` reads as a header (as `headerParagraph` tests it,
    /// without a fused date) and the line ending at the LF `lineBefore` ends an entry's text
    /// rather than a header or a Sent-on line: a cut there is then likely to be kept.
    private static func isLikelyCut(in bytes: UnsafeBufferPointer<UInt8>, header start: Int, lineBefore: Int) -> Bool {
        var before = lineBefore
        while before > 0, bytes[before - 1] != 0x0A, bytes[before - 1] != 0x0D { before -= 1 }
        let previous = UnsafeBufferPointer(rebasing: bytes[before..<lineBefore])
        guard !isBlank(bytes, before..<lineBefore), !HeaderText.isMostlyUpper(bytes: previous),
              previous.count > 64 || DateText.sentOnLine(String(decoding: previous, as: UTF8.self)) == nil else { return false }
        // The paragraph's lines, as `paragraph` would gather them.
        var lines: [String] = []
        var size = 0
        var lineStart = start
        while lineStart < bytes.count, lines.count <= 6 {
            var end = lineStart
            while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            if isBlank(bytes, lineStart..<end) { break }
            let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<end])
            guard HeaderText.isMostlyUpper(bytes: line) else { return false }
            size += line.count
            lines.append(String(decoding: line, as: UTF8.self))
            lineStart = end + 1
        }
        guard !lines.isEmpty, lines.count <= 6, size <= 320 else { return false }
        return HeaderText.isHeaderLike(HeaderText.clean(lines.joined(separator: " ")))
    }

    /// Reads the paragraphs of `range` (which starts at the start of a line; `linesBefore`
    /// lines come before it), leaving the last entry open. Lines are split on LF, CR LF and CR
    /// alike; blank lines of spaces and tabs stand between paragraphs.
    /// - Complexity: O(n) in the bytes of the range, plus the work of each paragraph.
    private mutating func scan(_ range: Range<Int>, linesBefore: Int) {
        let n = range.upperBound
        var start = range.lowerBound
        var lineNumber = linesBefore
        var firstLine = 0
        // A decoded file has no CR: each line's end is then found by memchr.
        let onlyLF = !ByteScan.contains(0x0D, in: bytes, range)
        while true {
            var end = start
            if onlyLF {
                end = ByteScan.firstOffset(of: 0x0A, in: bytes, start..<n)
            } else {
                while end < n, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            }
            lineNumber += 1
            if isBlank(start..<end) {
                if !paragraphLines.isEmpty {
                    paragraph(firstLine: firstLine)
                    paragraphLines.removeAll(keepingCapacity: true)
                }
            } else {
                if paragraphLines.isEmpty { firstLine = lineNumber }
                paragraphLines.append(start..<end)
            }
            guard end < n else { break }
            if bytes[end] == 0x0D, end + 1 < n, bytes[end + 1] == 0x0A { end += 1 }
            start = end + 1
        }
        if !paragraphLines.isEmpty {
            paragraph(firstLine: firstLine)
            paragraphLines.removeAll()
        }
    }

    /// One line of the paragraph as a String.
    private func lineText(_ k: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[paragraphLines[k]]), as: UTF8.self)
    }

    private func isBlank(_ range: Range<Int>) -> Bool { Self.isBlank(bytes, range) }

    /// True when `range` of `bytes` holds only spaces and tabs.
    private static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        for i in range where bytes[i] != 0x20 && bytes[i] != 0x09 { return false }
        return true
    }

    /// Handles one paragraph (`paragraphLines`, consecutive non-blank lines; `firstLine` is
    /// the 1-based number of its first).
    private mutating func paragraph(firstLine: Int) {
        // A header paragraph: all of it reads as a header, possibly after a fused date.
        let size = paragraphLines.reduce(0) { $0 + $1.count }
        paragraphsRead += 1
        if paragraphLines.count <= 6, size <= 320 {
            if headerParagraph(firstLine: firstLine) {
                if paragraphsRead == 1 { openedWithHeader = true }
                return
            }
        }
        var previousWasText = false
        for k in paragraphLines.indices {
            let range = paragraphLines[k]
            // A line with a space or tab at either end is trimmed (`trimmingSpaces`); most have none.
            let padded = bytes[range.lowerBound] == 0x20 || bytes[range.lowerBound] == 0x09
                || bytes[range.upperBound - 1] == 0x20 || bytes[range.upperBound - 1] == 0x09
            let raw = padded ? String(Substring(lineText(k)).trimmingSpaces()) : lineText(k)
            let number = firstLine + k
            if raw.utf8.count <= 64, let day = DateText.sentOnLine(raw) {
                sentOn(Draft.DateLine(day: day, place: nil, line: number))
                previousWasText = false
            } else if raw.utf8.count <= 64, let parsed = DateText.dateLine(raw) {
                dateLine(Draft.DateLine(day: parsed.day, place: parsed.place, line: number))
                previousWasText = false
            } else {
                textLine(raw, line: number, sameParagraph: previousWasText)
                previousWasText = true
            }
        }
    }

    /// Handles a paragraph that is a header (returns false when it is not one).
    private mutating func headerParagraph(firstLine: Int) -> Bool {
        // Cheap test first: a header is in capitals (a fused date adds only a few lower-case letters).
        guard paragraphLines.allSatisfy({ HeaderText.isMostlyUpper(bytes: UnsafeBufferPointer(rebasing: bytes[$0])) }) else { return false }
        // The reading depends on the paragraph's lines alone, so each distinct paragraph is read
        // once (`HeaderParagraphReadings`).
        let whole = UnsafeBufferPointer(rebasing: bytes[paragraphLines[0].lowerBound..<paragraphLines[paragraphLines.count - 1].upperBound])
        var readings = paragraphReadings
        paragraphReadings = HeaderParagraphReadings()   // held once while it changes (no copy)
        let reading = readings.reading(of: whole, shared: memo.paragraphs) { readHeaderParagraph() }
        paragraphReadings = readings
        guard let found = reading else { return false }
        header(found.cleaned, lines: paragraphLines.indices.map { firstLine + $0 }, fusedDate: found.fused)
        return true
    }

    /// What the paragraph (`paragraphLines`, all mostly in capitals) reads as: a header's
    /// cleaned text after the date fused before it, or nil when it is no header.
    private mutating func readHeaderParagraph() -> HeaderParagraphReadings.Reading? {
        var firstText = Substring(lineText(0)).trimmingSpaces()
        var fused: Day?
        if let lead = DateText.leadingDate(firstText), HeaderText.isHeaderLike(HeaderText.clean(lead.rest)) {
            fused = lead.day
            firstText = lead.rest
        }
        let joined = ([String(firstText)] + paragraphLines.indices.dropFirst().map { lineText($0) }).joined(separator: " ")
        // Made once per distinct paragraph (`HeaderParagraphReadings`); a single line that is a
        // date line is no header, whatever the same words read as over several lines.
        let cleanedHeader = HeaderText.clean(joined)
        guard HeaderText.isHeaderLike(cleanedHeader) else { return nil }
        if paragraphLines.count == 1, joined.utf8.contains(where: DateText.isDigit), DateText.dateLine(joined) != nil { return nil }
        return HeaderParagraphReadings.Reading(cleaned: cleanedHeader, fused: fused)
    }

    private mutating func header(_ text: String, lines numbers: [Int], fusedDate: Day?) {
        seenHeader = true
        // The entry is changed in place (`current!`): a copy of it would retain all its fields.
        if current?.inHeaderPhase == true {
            // An unfinished header goes on; so does a complete one whose classification comes
            // as a block of its own ("J. V. STALIN TO H. TRUMAN" then "MOST SECRET").
            let complete = current!.headerComplete
            let unfinished = !complete && current!.headerParagraphs.count < Self.maxHeaderParagraphs
            if unfinished || (HeaderText.isClassificationOnly(text) && current!.header?.classification.isEmpty == true) {
                current!.headerParagraphs.append(text)
                current!.headerLines += numbers
                let paragraphs = current!.headerParagraphs
                let read = readHeader(paragraphs)
                current!.header = read
                current!.endLine = numbers.last ?? current!.endLine
                return
            }
            // A complete header followed at once by another header-like block: a title
            // ("MESSAGE TO THE ARMED FORCES AND PEOPLE OF GREAT BRITAIN FROM ...").
            if complete {
                textLine(text, line: numbers[0])
                return
            }
            // An unfinished header of `maxHeaderParagraphs` blocks ends here; this block
            // starts the next.
        }
        close()
        var d = Draft(kind: .message, startLine: numbers[0], endLine: numbers.last ?? numbers[0])
        d.headerParagraphs = [text]
        d.headerLines = numbers
        d.header = readHeader([text])
        d.sentOn = pendingSentOn
        d.forwarded = pendingForward
        if let f = fusedDate { d.fusedDate = Draft.DateLine(day: f, place: nil, line: numbers[0]) }
        pendingSentOn = nil
        pendingForward = []
        current = d
    }

    private mutating func sentOn(_ date: Draft.DateLine) {
        seenHeader = true
        if current?.inHeaderPhase == true, current!.sentOn == nil {
            // "FOR PRESIDENT ROOSEVELT / Sent on November 9, 1944 / Washington"
            current!.sentOn = date
            current!.notes.append("its Sent-on line (\(date.line)) stands after the header")
            return
        }
        close()
        if let old = pendingSentOn {
            issues.append(ReadIssue(kind: .unreadable, span: SourceSpan(startLine: old.line, endLine: old.line),
                                    detail: "a Sent-on line (\(old.day.iso)) with no header after it"))
        }
        pendingSentOn = date
    }

    private mutating func dateLine(_ date: Draft.DateLine) {
        guard current != nil else {
            if seenHeader { pendingForward.append(date) }
            return
        }
        if current!.inHeaderPhase && !current!.headerComplete {
            pendingForward.append(date)
            return
        }
        current!.trailingDates.append(date)
    }

    // Drafts are mutated in place through `current!` so that their arrays are never copied.
    private mutating func textLine(_ raw: String, line: Int, sameParagraph: Bool = false) {
        let cleaned = BodyText.clean(raw)
        guard !cleaned.isEmpty else { return }
        if let quoted = quotedDate(cleaned) {
            issues.append(ReadIssue(kind: .displacedDate, span: SourceSpan(startLine: line, endLine: line),
                                    detail: "\(quoted.iso) in quotation marks is the date of a quoted message, not used as this message's date"))
        }
        guard current != nil else {
            if seenHeader { startFragment(raw, cleaned: cleaned, line: line) }
            return
        }
        if !current!.trailingDates.isEmpty {
            if TelegramSegmenter.isSignatureLike(cleaned) {
                current!.afterDate.append((cleaned, line))
                current!.endLine = line
            } else {
                startFragment(raw, cleaned: cleaned, line: line)
            }
            return
        }
        var continues = false
        let previous = current!.lastCleaned
        if sameParagraph, !current!.bodyLines.isEmpty, !HeaderText.isMostlyUpper(previous), !previous.hasSuffix(",") {
            // A line of the same paragraph (no blank line between) continues it.
            continues = true
        } else if !current!.bodyLines.isEmpty {
            let open = BodyText.endsOpen(previous)
            let lower = BodyText.startsLower(cleaned)
            if open && !lower && BodyText.opensSentence(cleaned) {
                current!.truncated = true
                startFragment(raw, cleaned: cleaned, line: line)
                return
            }
            if !open && lower {
                startFragment(raw, cleaned: cleaned, line: line)
                return
            }
            continues = open
        }
        current!.appendBodyLine(raw, line: line, continues: continues)
        current!.lastCleaned = cleaned
        current!.endLine = line
    }

    private mutating func startFragment(_ raw: String, cleaned: String, line: Int) {
        close()
        var d = Draft(kind: .fragment, startLine: line, endLine: line)
        d.appendBodyLine(raw, line: line, continues: false)
        d.lastCleaned = cleaned
        d.forwarded = pendingForward
        pendingForward = []
        current = d
    }

    /// Ends the current draft: its own date line, and date lines it cannot own go forward.
    private mutating func close() {
        guard var c = current.take() else { return }
        if c.trailingDates.isEmpty, !c.bodyLines.isEmpty, BodyText.endsOpen(c.lastCleaned) { c.truncated = true }
        c.lastCleaned = ""   // decided: nothing reads it again
        c.trimBody()
        var dates = c.trailingDates
        if let first = dates.first {
            let sentBefore = c.sentOn.map { first.day > $0.day } ?? false
            if !sentBefore {
                c.dated = first
                c.endLine = max(c.endLine, first.line)
                dates.removeFirst()
                if let after = c.afterDate.last { c.endLine = max(c.endLine, after.line) }
            } else if let sent = c.sentOn {
                c.notes.append("the date line \(first.day.iso) after it cannot be its own (it was sent on \(sent.day.iso)); it goes with the next message")
            }
        }
        if c.dated == nil, let lead = c.fusedDate { c.dated = lead }
        if c.dated == nil, let before = c.forwarded.first {
            c.dated = before
            c.notes.append("its date line (\(before.line)) stands before its header")
            c.forwarded.removeFirst()
        }
        for unused in c.forwarded {
            issues.append(ReadIssue(kind: .displacedDate, span: SourceSpan(startLine: unused.line, endLine: unused.line),
                                    detail: "the date line \(unused.day.iso) belongs to no message: both its neighbours have dates of their own"))
        }
        pendingForward += dates
        drafts.append(c)
    }

    private func quotedDate(_ cleaned: String) -> Day? {
        // Byte test first: a line opening with neither `"` nor the lead byte of `“` cannot qualify.
        guard let b = cleaned.utf8.first, b == 0x22 || b == 0xE2 else { return nil }
        guard let f = cleaned.first, "\"“".contains(f) else { return nil }
        var inner = Substring(cleaned)
        while let q = inner.first, "\"“".contains(q) { inner = inner.dropFirst() }
        while let q = inner.last, "\"”".contains(q) { inner = inner.dropLast() }
        return DateText.dateLine(inner)?.day
    }

    /// A short closing line: a name ("J. STALIN", "Army General ANTONOV,"), an office
    /// ("Chief of Staff of the Red Army") or a closing formula ("Yours very sincerely,").
    static func isSignatureLike(_ cleaned: String) -> Bool {
        guard cleaned.hasAtMostCharacters(60), let last = cleaned.last else { return false }
        if last == "," { return true }
        if last == "." || last == "!" || last == "?" || last == ":" {
            return HeaderText.isMostlyUpper(cleaned) && cleaned.hasAtMostCharacters(30)
        }
        return true
    }
}

