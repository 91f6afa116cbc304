@testable import Correspondence
import Foundation
import Testing

/// Bytes that are not text in the encoding a CMIF document declares: libxml2 raises that
/// outside its parser context, on the thread's error channel, and printed "encoding error :
/// input conversion failed" and "I/O error : encoder error" to stderr itself (601 times in a
/// fuzzing run). Now it is the reader's data error, with the file and line.
@Suite struct XMLEncodingErrorTests {
    /// A CMIF letter list declared EUC-JP, with bytes no EUC-JP text has (0x8E 0xFF) in the
    /// second letter's sender name, on line `badLine`.
    static let badLine = 12
    static let document: Data = {
        var lines = [
            "<?xml version=\"1.0\" encoding=\"EUC-JP\"?>",
            "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">",
            "<teiHeader><fileDesc><titleStmt><title>t</title></titleStmt></fileDesc><profileDesc>",
            "<correspDesc>",
            "<correspAction type=\"sent\"><persName>Anna Muster</persName><date when=\"1850-03-01\"/></correspAction>",
            "<correspAction type=\"received\"><persName>Bernd Beispiel</persName></correspAction>",
            "</correspDesc>",
            "<correspDesc>",
            "<correspAction type=\"sent\">",
            "<date when=\"1850-03-09\"/>",
            "<persName>",
        ].map { Data($0.utf8) + Data([0x0A]) }
        lines.append(Data("Bernd ".utf8) + Data([0x8E, 0xFF]) + Data(" Beispiel</persName></correspAction>\n".utf8))
        for rest in ["<correspAction type=\"received\"><persName>Anna Muster</persName></correspAction>",
                     "</correspDesc>", "</profileDesc></teiHeader><text><body><p/></body></text></TEI>"] {
            lines.append(Data(rest.utf8) + Data([0x0A]))
        }
        return lines.reduce(Data(), +)
    }()

    @Test func bytesNotInTheDeclaredEncodingAreADataErrorWithTheLine() throws {
        let error = try #require(throws: EpistolaryError.self) {
            try CMIFReader.read(data: Self.document, sourceName: "letters.xml", people: .empty)
        }
        #expect(error.kind == .badData)
        #expect(error.file == "letters.xml")
        #expect(error.line == Self.badLine)
        #expect(error.message.contains("not text in the encoding the document declares (EUC-JP)"), "\(error)")
        // The same document in its declared encoding without the bad bytes is read.
        let good = Data(String(decoding: Self.document, as: UTF8.self).replacingOccurrences(of: "\u{FFFD}", with: "").utf8)
        let corpus = try CMIFReader.read(data: good, sourceName: "letters.xml", people: .empty)
        #expect(corpus.messages.count == 2)
    }

    /// Two documents read at once on two threads: each gets its own error, and neither the
    /// encoding error of one nor its routing reaches the other.
    @Test func readersOnTwoThreadsKeepTheirOwnErrors() async throws {
        let bad = Self.document
        let good = Data(String(decoding: bad, as: UTF8.self).replacingOccurrences(of: "\u{FFFD}", with: "").utf8)
        try await withThrowingTaskGroup(of: Int?.self) { group in
            for k in 0..<16 {
                group.addTask {
                    do {
                        return try CMIFReader.read(data: k % 2 == 0 ? bad : good, sourceName: "d\(k).xml", people: .empty).messages.count
                    } catch let error as EpistolaryError {
                        #expect(k % 2 == 0 && error.file == "d\(k).xml" && error.line == Self.badLine, "\(error)")
                        return nil
                    }
                }
            }
            var read = 0, failed = 0
            for try await result in group {
                if result == 2 { read += 1 } else if result == nil { failed += 1 }
            }
            #expect(read == 8 && failed == 8)
        }
    }
}
