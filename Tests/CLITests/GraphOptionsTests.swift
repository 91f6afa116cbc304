import Foundation
import Testing
import ArgumentParser
@testable import EpistolaryCLI

/// The figure options and filters of `graph`, run in process through the command type.
@Suite(.serialized)
struct GraphOptionsTests {
    static func run(_ arguments: [String]) throws {
        var command = try GraphCommand.parseAsRoot(arguments)
        try command.run()
    }

    static func folder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("epistolary-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func widthTitleLabelAndPairReachTheFigure() throws {
        let folder = try Self.folder("graph-options")
        defer { try? FileManager.default.removeItem(at: folder) }
        let dot = folder.appendingPathComponent("c.dot")
        try Self.run(["correspondents", "--width", "183mm", "--title", "Figure 3 & more", "--label", "Churchill=W. S. C.",
                      "--between", "Stalin,Churchill", "--exclude-topic", "poland", "-o", dot.path])
        let text = try String(contentsOf: dot, encoding: .utf8)
        #expect(text.contains("Figure 3 &amp; more"))
        #expect(text.contains("W. S. C."))
        #expect(text.contains("\"size\"=\"7.047,"))  // (183 - 2 × 2) mm in inches
        // Messages to Truman alone are not between the pair; joint messages to Churchill and Roosevelt are.
        #expect(!text.contains("\"Truman\""))
        let caption = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("c.caption.json"))) as? [String: Any]
        let filters = caption?["filters"] as? String ?? ""
        #expect(filters.contains("without topic Poland"))
        #expect(filters.contains("between Joseph Stalin and Winston Churchill"))
        #expect(caption?["title"] as? String == "Figure 3 & more")
    }

    @Test func matrixIsDrawnAndBadOptionsAreUsageErrors() throws {
        let folder = try Self.folder("graph-matrix")
        defer { try? FileManager.default.removeItem(at: folder) }
        let svg = folder.appendingPathComponent("m.svg")
        try Self.run(["matrix", "--order", "cluster", "-o", svg.path])
        #expect(String(decoding: try Data(contentsOf: svg), as: UTF8.self).contains("<svg"))
        #expect(throws: (any Error).self) { try Self.run(["matrix", "--order", "random", "-o", svg.path]) }
        #expect(throws: (any Error).self) { try Self.run(["correspondents", "--width", "wide", "-o", svg.path]) }
        #expect(throws: (any Error).self) { try Self.run(["correspondents", "--between", "Stalin", "-o", svg.path]) }
        #expect(throws: (any Error).self) { try Self.run(["correspondents", "--label", "Nobody Known=X", "-o", svg.path]) }
        #expect(throws: (any Error).self) { try Self.run(["correspondents", "--title", "T", "--no-title", "-o", svg.path]) }
    }

    @Test func aFigureThatNeedsTextIsRefusedOnACorpusWithoutIt() throws {
        let folder = try Self.folder("graph-textless")
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("letters.csv")
        var rows = "sender,recipients,date,text\n"
        for i in 0..<30 { rows += "p\(i % 5),p\((i + 1) % 5),1850-01-\(String(format: "%02d", i % 28 + 1)),\n" }
        try rows.write(to: csv, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("t.svg")
        #expect(throws: (any Error).self) { try Self.run(["topics", "--corpus", csv.path, "-o", out.path]) }
        #expect(!FileManager.default.fileExists(atPath: out.path))
        try Self.run(["correspondents", "--corpus", csv.path, "-o", out.path])
        let text = String(decoding: try Data(contentsOf: out), as: UTF8.self)
        #expect(!text.contains("inferred"))
        #expect(!text.contains("Stalin"))
    }
}
