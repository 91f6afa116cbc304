import Foundation
import Testing

/// `epistolary graph` as a user runs it: the built binary, its files, exit codes and messages.
@Suite(.serialized)
struct GraphCommandTests {
    struct Run {
        var status: Int32
        var standardError: String
    }

    /// The `epistolary` binary built next to the test bundle.
    static let binary: URL = {
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("epistolary"),
            Bundle.main.bundleURL.appendingPathComponent("epistolary"),
            packageRoot.appendingPathComponent(".build/debug/epistolary"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
    }()

    static func run(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, standardError: String(decoding: data, as: UTF8.self))
    }

    static func folder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("epistolary-graph-cli-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test(arguments: ["correspondents", "replies", "topics", "mentions"])
    func drawsEachFigureWithItsCaption(kind: String) throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("\(kind).svg")
        let result = try Self.run(["graph", kind, "-o", output.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.isEmpty)
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
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("a.\(format)"), second = folder.appendingPathComponent("b.\(format)")
        #expect(try Self.run(["graph", "correspondents", "--style", "paper,colorblind", "-o", first.path]).status == 0)
        #expect(try Self.run(["graph", "correspondents", "--style", "paper,colorblind", "-o", second.path]).status == 0)
        let a = try Data(contentsOf: first), b = try Data(contentsOf: second)
        #expect(!a.isEmpty)
        #expect(a == b)
        #expect(try Data(contentsOf: folder.appendingPathComponent("a.caption.json")) == Data(contentsOf: folder.appendingPathComponent("b.caption.json")))
    }

    @Test func filtersChooseTheSliceAndTheCaptionSaysSo() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("replies-1944.dot")
        let result = try Self.run(["graph", "replies", "--from", "1944", "--to", "1944-06", "--topic", "poland", "--wide", "-o", output.path])
        #expect(result.status == 0, "\(result.standardError)")
        let captionURL = folder.appendingPathComponent("replies-1944.caption.json")
        let caption = try JSONSerialization.jsonObject(with: Data(contentsOf: captionURL)) as? [String: Any]
        #expect(caption?["filters"] as? String == "topic poland; from 1944; to 1944-06")
        #expect((caption?["firstDate"] as? String ?? "") >= "1944-01-01")
        #expect((caption?["lastDate"] as? String ?? "9") <= "1944-06-30")
        #expect(caption?["style"] as? String == "paper (wide)")
        let dot = try String(contentsOf: output, encoding: .utf8)
        #expect(dot.hasPrefix("digraph \"replies\""))
    }

    @Test func engineOptionIsUsed() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("c.dot")
        #expect(try Self.run(["graph", "correspondents", "--engine", "circo", "-o", output.path]).status == 0)
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
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let adjusted = arguments.map { $0.contains(".") && !$0.hasPrefix("-") && !$0.contains(",") ? folder.appendingPathComponent($0).path : $0 }
        let result = try Self.run(adjusted)
        #expect(result.status == 2, "\(arguments): \(result.standardError)")
        #expect(result.standardError.contains(message), "\(result.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
