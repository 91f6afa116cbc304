@testable import Correspondence
import Foundation
import Testing

/// The CMIF reader on files larger than the fixtures: lines past 65,535 (where libxml2 stops
/// counting lines for elements), the count of records made before parsing, and people resolved
/// from distinct mentions after the walk.
@Suite struct CMIFStreamingTests {
    /// Writes `text` to a file in a folder of its own, gives its path to `body`, then removes the folder.
    static func withFile<T>(_ text: String, _ body: (String) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("epistolary-cmif-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("corpus.xml")
        try Data(text.utf8).write(to: file)
        return try body(file.path)
    }

    /// A CMIF document of `letters` letters, each with its lines: where the correspDesc starts
    /// and ends, where its sender's persName and its date stand. Some letters carry a note of
    /// several lines, a comment over several lines, a CDATA section or an attribute value over two
    /// lines, so that every kind of node moves the line count.
    static func document(letters: Int) -> (xml: String, lines: [(start: Int, end: Int, sender: Int, dated: Int)]) {
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <TEI xmlns="http://www.tei-c.org/ns/1.0">
        <teiHeader><fileDesc><titleStmt><title>Lines</title></titleStmt></fileDesc>
        <profileDesc>

        """
        var line = 5
        var lines: [(start: Int, end: Int, sender: Int, dated: Int)] = []
        for n in 0..<letters {
            var text = ""
            func put(_ s: String) {
                text += s + "\n"
                line += 1
            }
            let start = line
            put("<correspDesc key=\"k\(n)\">")
            put("  <correspAction type=\"sent\">")
            let sender = line
            put("    <persName ref=\"http://d-nb.info/gnd/\(100 + n % 50)\">Person \(n % 50)</persName>")
            var dated = line
            if n % 7 == 3 {
                // A tag over two lines: libxml2 gives the line of its end, and past line 65,535
                // (where the reader counts lines itself) it is the line of its start.
                put("    <date")
                if line < 65_535 { dated = line }
                put("      when=\"1890-05-03\"/>")
            } else {
                put("    <date when=\"1890-05-0\(1 + n % 9)\"/>")
            }
            put("  </correspAction>")
            put("  <correspAction type=\"received\"><persName>Someone \(n % 3)</persName></correspAction>")
            switch n % 5 {
            case 1: put("  <note>a note\nover\nthree lines</note>"); line += 2
            case 2: put("  <!-- a comment\n  over two lines -->"); line += 1
            case 3: put("  <note><![CDATA[one\ntwo]]></note>"); line += 1
            default: break
            }
            let end = line
            put("</correspDesc>")
            xml += text
            lines.append((start, end, sender, dated))
        }
        xml += "</profileDesc></teiHeader><text><body><p/></body></text></TEI>\n"
        return (xml, lines)
    }

    @Test func linesPast65535AreExact() throws {
        let (xml, lines) = Self.document(letters: 9_000)
        #expect(lines.last!.end > 70_000, "the document must reach past libxml2's 16-bit element lines")
        let corpus = try Self.withFile(xml) { try CMIFReader.read(path: $0, people: .empty) }
        #expect(corpus.messages.count == lines.count)
        var wrong: [String] = []
        for message in corpus.messages {
            let n = Int(message.sourceID!.dropFirst())!
            let want = lines[n]
            if message.span.startLine != want.start || message.span.endLine != want.end
                || message.fieldLines["sender"] != want.sender || message.fieldLines["dated"] != want.dated {
                wrong.append("k\(n): \(message.span.startLine)-\(message.span.endLine) sender \(message.fieldLines["sender"] ?? 0) dated \(message.fieldLines["dated"] ?? 0), want \(want)")
            }
        }
        let count = wrong.count, first = wrong.prefix(3).joined(separator: "; ")
        #expect(count == 0, "\(count) letters with wrong lines, first: \(first)")
    }

    @Test func recordsAreCountedInMemoryAndAcrossBlocks() throws {
        let xml = """
        <TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:t="http://www.tei-c.org/ns/1.0"><profileDesc>
        <correspDesc key="1"></correspDesc><correspDesc/><t:correspDesc
        key="2"></t:correspDesc><correspDescription/><correspAction/>
        <correspDesc>x</correspDesc></profileDesc></TEI>
        """
        #expect(Array(xml.utf8).withUnsafeBytes { CMIFRecordCount.count(in: $0) } == 4)
        // Many records, read in blocks of every size from 1 byte up: a tag cut by a block's end
        // is counted once.
        let many = String(repeating: "<correspDesc key=\"k\"/>\n<t:correspDesc>x</t:correspDesc>\n", count: 40)
        try Self.withFile(many) { path in
            for block in [1, 2, 7, 11, 12, 13, 50, 61, 62, 63, 64, 100, 4096] {
                #expect(CMIFRecordCount.count(fileAt: path, block: block) == 80, "block \(block)")
            }
            #expect(CMIFRecordCount.count(fileAt: path + ".missing") == 0)
        }
    }

    @Test func weightedMentionsMakeThePeopleRepeatedMentionsMake() {
        let forms = [("Weber, Max", 3), ("Max Weber", 5), ("M. Weber", 1)]
        let ref = "http://d-nb.info/gnd/118629743"
        var repeated = PersonResolver(table: .empty)
        repeated.prepare(forms.flatMap { form, n in
            Array(repeating: PersonMention(name: form, refs: [ref]), count: n) } + [PersonMention(name: "Alfred Weber")])
        var weighted = PersonResolver(table: .empty)
        weighted.prepare(weighted: forms.map { (PersonMention(name: $0.0, refs: [ref]), $0.1) } + [(PersonMention(name: "Alfred Weber"), 2)])
        #expect(repeated.table.people == weighted.table.people)
        #expect(weighted.table.people.first { $0.refs == [ref] }?.name == "Max Weber", "the form written most often is shown")
    }
}
