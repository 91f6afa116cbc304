import Foundation
import Testing

/// What a user sees on a CMIF file with bytes that are not text in its declared encoding: one
/// line, ours, naming the file and line; libxml2 prints nothing of its own.
@Suite struct XMLErrorOutputTests {
    @Test func stderrHoldsOnlyOurMessage() throws {
        let bad = Data("<?xml version=\"1.0\" encoding=\"EUC-JP\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n<teiHeader>\n".utf8)
            + Data([0x8E, 0xFF, 0x0A]) + Data("</teiHeader>\n</TEI>\n".utf8)
        let file = try CLIRunner.temporaryFile("encoding.xml", bad)
        let run = try CLIRunner.runBinary(["report", "--corpus", file.path])
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(run.stderr)")
        #expect(lines.first?.hasPrefix("epistolary: \(file.path):4: bytes that are not text in the encoding the document declares (EUC-JP)") == true,
                "\(run.stderr)")
        #expect(!run.stderr.contains("I/O error") && !run.stderr.contains("encoding error"))
    }
}
