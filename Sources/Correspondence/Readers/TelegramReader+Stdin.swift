import Foundation

extension TelegramReader {
    /// Reads telegram text from an open descriptor (standard input; taken, closed when done)
    /// after `prefix`, the bytes already read from it to choose its format: in blocks, as
    /// `read(contentsOf:)` reads a file (`TextBlocks`), never holding the whole text. The
    /// corpus is the one `read(contentsOf:)` makes of a file holding the same bytes.
    /// - Complexity: O(n log n) as `read(text:)`; the text held at once is about one block.
    static func read(descriptor: Int32, prefix: [UInt8], sourceName: String, path: String, people: PersonTable,
                     pieceSize: Int = TelegramSegmenter.defaultPieceSize,
                     blockSize: Int = TelegramSegmenter.defaultBlockSize) throws -> Corpus {
        var source = TextBlocks(descriptor: descriptor, prefix: prefix, shownAs: path, blockSize: blockSize)
        let digest = SHA256.Digest()
        var blocks = TelegramSegmenter.Blocks(people: people, pieceSize: pieceSize)
        while let block = try source.next(end: TelegramSegmenter.blockEnd) {
            blocks.add(block) { digest.update(UnsafeRawBufferPointer(block)) }
        }
        var segmenter = blocks.finish()
        // The steps of `corpus(from:sourceHash:sourceName:path:)`, which is private to
        // TelegramReader.swift: once it is not, this calls it instead.
        let drafts = segmenter.takeDrafts()
        let (found, issues) = (segmenter.people, segmenter.issues)
        guard drafts.contains(where: { $0.kind == .message }) else {
            throw EpistolaryError(.badData, file: path, "no message header found (expected lines such as \"FROM X TO Y\" or \"X TO Y\")")
        }
        var assembler = CorpusAssembler(drafts: consume drafts, people: found, issues: issues)
        let corpus = assembler.assemble(sourceName: sourceName, sourceHash: digest.finish())
        if corpus.messages.count >= FreedMemory.largeRun { FreedMemory.release() }
        return corpus
    }
}
