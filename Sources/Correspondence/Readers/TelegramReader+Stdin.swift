import Foundation

extension TelegramReader {
    /// Reads telegram text from an open descriptor (standard input; taken, closed when done)
    /// after `prefix`, the bytes already read from it to choose its format: in blocks, as
    /// `read(contentsOf:)` reads a file (`TextBlocks`), never holding the whole text. The
    /// corpus is the one `read(contentsOf:)` makes of a file holding the same bytes.
    /// - Complexity: O(n log n) as `read(text:)`; about two blocks of text held at once.
    static func read(descriptor: Int32, prefix: [UInt8], sourceName: String, path: String, people: PersonTable,
                     pieceSize: Int = TelegramSegmenter.defaultPieceSize,
                     blockSize: Int = TelegramSegmenter.defaultBlockSize) throws -> Corpus {
        var source = TextBlocks(descriptor: descriptor, prefix: prefix, shownAs: path, blockSize: blockSize)
        return try read(blocks: &source, sourceName: sourceName, path: path, people: people, pieceSize: pieceSize)
    }
}
