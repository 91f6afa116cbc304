import Epistolary
import Foundation
import Testing

/// The library's public API, used as another package would use it: only `import Epistolary`.
@Suite struct LibraryAPITests {
    /// A small CSV of a user's own, written here so the test needs nothing outside it.
    static let csv = """
    sender,recipients,date,text
    Ada Lovelace,Charles Babbage,1843-07-02,On the engine and its notes.
    Charles Babbage,Ada Lovelace,1843-07-09,Your notes on the engine arrived.
    Ada Lovelace,Charles Babbage;Mary Somerville,1843-08-14,More on the notes.

    """

    static func corpusFile() throws -> (URL, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("epistolary-lib-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("letters.csv")
        try Data(csv.utf8).write(to: file)
        return (folder, file)
    }

    @Test func readsAnalysesDrawsAndExportsAUsersCSV() throws {
        let (folder, file) = try Self.corpusFile()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = try LetterCorpus.read(path: file.path)
        #expect(corpus.messages.count == 3)
        let analysis = try LetterCorpus.analyse(corpus)

        let figure = try Figure.graph(.correspondents, of: analysis)
        let svg = String(decoding: try figure.data(as: .svg), as: UTF8.self)
        #expect(svg.contains("<svg"))
        #expect(svg.contains("Lovelace"))
        #expect(try figure.data(as: .svg) == figure.data(as: .svg))

        let out = folder.appendingPathComponent("volume.pdf")
        try Figure.timeline(.volume, of: analysis).write(to: out)
        #expect(try Data(contentsOf: out).starts(with: Data("%PDF".utf8)))
        let caption = try Data(contentsOf: folder.appendingPathComponent("volume.caption.json"))
        #expect(String(decoding: caption, as: UTF8.self).contains("letters.csv"))

        let gexf = GraphExport.files(.gexf, of: analysis)
        #expect(gexf.count == 1)
        #expect(gexf[0].text.contains("Babbage"))
    }

    @Test func aFigureFileWithAnUnknownExtensionIsAUsageError() throws {
        let analysis = try LetterCorpus.analyse(try LetterCorpus.read())
        let figure = try Figure.timeline(.volume, of: analysis)
        #expect(throws: EpistolaryError.self) { try figure.write(to: URL(fileURLWithPath: "/tmp/figure.gif")) }
    }
}
