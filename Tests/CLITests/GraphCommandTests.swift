import Foundation
import Testing

/// `epistolary graph` as a user runs it: the built binary, its files, exit codes and messages.
@Suite(.serialized)
struct GraphCommandTests {
    @Test(arguments: ["correspondents", "replies", "topics", "mentions"])
    func drawsEachFigureWithItsCaption(kind: String) throws {
        let folder = try CLIRunner.temporaryFolder("graph-\(kind)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("\(kind).svg")
        let result = try CLIRunner.run(["graph", kind, "-o", output.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let svg = try String(contentsOf: output, encoding: .utf8)
        #expect(svg.contains("<svg"))
        #expect(svg.contains("DejaVu Serif"))
        let caption = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("\(kind).caption.json"))) as? [String: Any]
        #expect(caption?["figure"] as? String == kind)
        #expect((caption?["messages"] as? Int ?? 0) > 0)
        #expect((caption?["inputHash"] as? String)?.count == 64)
    }

    @Test(arguments: ["png", "pdf", "svg", "dot"])
    func sameBytesAcrossRuns(format: String) throws {
        let folder = try CLIRunner.temporaryFolder("graph-\(format)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("a.\(format)"), second = folder.appendingPathComponent("b.\(format)")
        #expect(try CLIRunner.run(["graph", "correspondents", "--style", "paper,colorblind", "-o", first.path]).status == 0)
        #expect(try CLIRunner.run(["graph", "correspondents", "--style", "paper,colorblind", "-o", second.path]).status == 0)
        let a = try Data(contentsOf: first), b = try Data(contentsOf: second)
        #expect(!a.isEmpty)
        #expect(a == b)
        #expect(try Data(contentsOf: folder.appendingPathComponent("a.caption.json")) == Data(contentsOf: folder.appendingPathComponent("b.caption.json")))
    }

    @Test func filtersChooseTheSliceAndTheCaptionSaysSo() throws {
        let folder = try CLIRunner.temporaryFolder("graph-filters")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("replies-1944.dot")
        let result = try CLIRunner.run(["graph", "replies", "--from", "1944", "--to", "1944-06", "--topic", "poland", "--wide", "-o", output.path])
        #expect(result.status == 0, "\(result.stderr)")
        let captionURL = folder.appendingPathComponent("replies-1944.caption.json")
        let caption = try JSONSerialization.jsonObject(with: Data(contentsOf: captionURL)) as? [String: Any]
        #expect(caption?["filters"] as? String == "topic Poland; from 1944; to 1944-06")
        #expect((caption?["firstDate"] as? String ?? "") >= "1944-01-01")
        #expect((caption?["lastDate"] as? String ?? "9") <= "1944-06-30")
        #expect(caption?["style"] as? String == "paper (wide)")
        let dot = try String(contentsOf: output, encoding: .utf8)
        #expect(dot.hasPrefix("digraph \"replies\""))
    }

    @Test func engineOptionIsUsed() throws {
        let folder = try CLIRunner.temporaryFolder("graph-engine")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("c.dot")
        #expect(try CLIRunner.run(["graph", "correspondents", "--engine", "circo", "-o", output.path]).status == 0)
        #expect(try String(contentsOf: output, encoding: .utf8).contains("\"layout\"=\"circo\""))
    }

    @Test(arguments: [
        (["graph", "correspondents", "-o", "figure.jpeg"], "-o must end in"),
        (["graph", "correspondents", "--engine", "bogus", "-o", "x.svg"], "unknown --engine"),
        (["graph", "replies", "--engine", "dot", "-o", "x.svg"], "only --engine neato"),
        (["graph", "replies", "--topic", "nosuchtopic", "-o", "x.svg"], "unknown --topic"),
        (["graph", "correspondents", "--from", "1944-13", "-o", "x.svg"], "is not a date"),
        (["graph", "correspondents", "--from", "1950", "-o", "x.svg"], "no messages match"),
        (["graph", "topics", "--min-weight", "3", "-o", "x.svg"], "correspondents and mentions figures only"),
        (["graph", "correspondents", "--style", "nosuchstyle", "-o", "x.svg"], "unknown style"),
    ])
    func badUsageExitsWithTwoAndWritesNothing(arguments: [String], message: String) throws {
        let folder = try CLIRunner.temporaryFolder("graph-usage")
        defer { try? FileManager.default.removeItem(at: folder) }
        let adjusted = arguments.map { $0.contains(".") && !$0.hasPrefix("-") && !$0.contains(",") ? folder.appendingPathComponent($0).path : $0 }
        let result = try CLIRunner.run(adjusted)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
