import Foundation
import Synchronization
import Testing
@testable import Correspondence

/// A large telegram text is segmented in pieces on all cores (issue 13: reading at 50 MB/s);
/// these pin down that the pieces give exactly the one pass's corpus, whatever the cuts, and
/// that cuts are both kept and redone (so the equality is tested on both paths).
@Suite struct TelegramPiecesTests {
    static func bundledText() throws -> String {
        try CorpusLoader.decodedText(url: try BundledCorpus.url(), shownAs: BundledCorpus.name)
    }

    @Test(arguments: [600, 2_000, 7_919, 40_000, 150_000])
    func piecesGiveTheOnePassCorpus(pieceSize: Int) throws {
        let text = try Self.bundledText()
        let people = try PersonTable.bundled()
        let whole = try TelegramReader.read(text: text, sourceName: "c.txt", path: nil, people: people, pieceSize: Int.max)
        let pieces = try TelegramReader.read(text: text, sourceName: "c.txt", path: nil, people: people, pieceSize: pieceSize)
        #expect(pieces.messages.count == whole.messages.count)
        #expect(pieces.messages == whole.messages)
        #expect(pieces.issues == whole.issues)
        #expect(pieces.people.people == whole.people.people)
    }

    @Test func cutsAreKeptAndRedone() throws {
        let text = try Self.bundledText()
        let people = try PersonTable.bundled()
        var kept = 0, redone = 0
        var sequential = text
        sequential.makeContiguousUTF8()
        let oneDrafts = sequential.utf8.withContiguousStorageIfAvailable {
            TelegramSegmenter.segment(bytes: $0, people: people, pieceSize: Int.max).drafts.map { [$0.startLine, $0.endLine] }
        }!
        for size in [600, 2_000, 7_919] {
            let parser = sequential.utf8.withContiguousStorageIfAvailable {
                TelegramSegmenter.segment(bytes: $0, people: people, pieceSize: size)
            }!
            kept += parser.piecesKept
            redone += parser.piecesRedone
            #expect(parser.drafts.map { [$0.startLine, $0.endLine] } == oneDrafts)
        }
        #expect(kept > 10)
        #expect(redone > 0)
    }

    /// Hostile texts cut into small pieces: runs of unfinished headers, date lines before
    /// headers, Sent-on lines with no header, CR and CR LF line ends, a byte order mark.
    @Test func hostileTextsInPiecesGiveTheOnePassCorpus() throws {
        let people = try PersonTable.bundled()
        // One hostile text for the pieces and the blocks (`TelegramStreamTests.hostileText`):
        // every kind of entry the segmenter tells apart, with characters of two to four bytes.
        let lf = TelegramStreamTests.hostileText(entries: 400)
        for text in [lf, "\u{FEFF}" + lf, lf.replacingOccurrences(of: "\n", with: "\r\n"), lf.replacingOccurrences(of: "\n", with: "\r")] {
            let whole = try TelegramReader.read(text: text, sourceName: "h.txt", path: nil, people: people, pieceSize: Int.max)
            for size in [50, 333, 1_000] {
                let pieces = try TelegramReader.read(text: text, sourceName: "h.txt", path: nil, people: people, pieceSize: size)
                #expect(pieces.messages == whole.messages)
                #expect(pieces.issues == whole.issues)
            }
        }
    }

    @Test func mapEachAndBothKeepOrder() {
        let squares = ConcurrentMap.mapEach(count: 70) { $0 * $0 }
        #expect(squares == (0..<70).map { $0 * $0 })
        #expect(ConcurrentMap.mapEach(count: 1) { $0 + 7 } == [7])
        #expect(ConcurrentMap.mapEach(count: 0) { $0 }.isEmpty)
        let (a, b) = ConcurrentMap.both({ (0..<1_000).reduce(0, +) }, { "done" })
        #expect(a == 499_500)
        #expect(b == "done")
        // Three steps: each runs once, and each result lands in its own place.
        let runs = Mutex([0, 0, 0])
        let (x, y, z) = ConcurrentMap.all({ runs.withLock { $0[0] += 1 }; return (0..<1_000).reduce(0, +) },
                                          { runs.withLock { $0[1] += 1 }; return "second" },
                                          { runs.withLock { $0[2] += 1 }; return [3.0] })
        #expect(x == 499_500)
        #expect(y == "second")
        #expect(z == [3.0])
        #expect(runs.withLock { $0 } == [1, 1, 1])
    }

    /// A few large items run at the same time (the reader's 8 MB pieces ran one after the
    /// other because `map` keeps small counts on one thread): each of four tasks waits, for at
    /// most 10 s, until another has started too, which one thread alone could never see.
    @Test func mapEachRunsFewItemsOnSeveralCores() throws {
        try #require(ProcessInfo.processInfo.activeProcessorCount > 1)
        let started = Mutex(0)
        let metAnother = ConcurrentMap.mapEach(count: 4) { _ -> Bool in
            started.withLock { $0 += 1 }
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline {
                if started.withLock({ $0 }) > 1 { return true }
                usleep(1_000)
            }
            return false
        }
        #expect(metAnother.contains(true))
    }
}

/// `Draft.move` hands a piece's entries to the whole list without copying them (issue 13).
@Suite struct DraftMoveTests {
    @Test func movesEveryDraftInOrderAndEmptiesTheSource() {
        func draft(_ k: Int) -> Draft {
            var d = Draft(kind: k.isMultiple(of: 3) ? .fragment : .message, startLine: k, endLine: k + 2)
            d.appendBodyLine("line \(k)", line: k + 1, continues: false)
            d.notes = ["note \(k)"]
            return d
        }
        var target = (0..<3).map(draft)
        var source = (3..<10).map(draft)
        Draft.move(&source, to: &target)
        #expect(source.isEmpty)
        #expect(target.map(\.startLine) == Array(0..<10))
        #expect(target.map(\.kind) == (0..<10).map { $0.isMultiple(of: 3) ? MessageKind.fragment : .message })
        #expect(target.map { $0.lines().map(\.raw) } == (0..<10).map { ["line \($0)"] })
        #expect(target.map(\.notes) == (0..<10).map { ["note \($0)"] })
        var empty: [Draft] = []
        Draft.move(&empty, to: &target)
        #expect(target.count == 10)
    }
}
