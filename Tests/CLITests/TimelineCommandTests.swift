import Foundation
import Testing

/// `epistolary timeline`, run as the built binary: every kind in every format, the caption
/// sidecar, same bytes on a second run, and bad usage or data refused with the right exit code
/// and no output left behind.
@Suite("epistolary timeline (built binary)", .serialized)
struct TimelineCommandTests {
    @Test("each kind draws SVG, PNG and PDF with a caption sidecar", arguments: ["correspondents", "topics", "volume", "latency"])
    func everyKind(kind: String) throws {
        let dir = try CLIRunner.temporaryFolder("timeline-\(kind)")
        defer { try? FileManager.default.removeItem(at: dir) }
        for ext in ["svg", "png", "pdf"] {
            let out = dir.appendingPathComponent("\(kind).\(ext)").path
            let r = try CLIRunner.run(["timeline", kind, "-o", out])
            #expect(r.status == 0, "\(kind).\(ext): \(r.stderr)")
            let bytes = try Data(contentsOf: URL(fileURLWithPath: out))
            #expect(bytes.count > 1000)
            let sidecar = dir.appendingPathComponent("\(kind).caption.json")
            let caption = try JSONSerialization.jsonObject(with: Data(contentsOf: sidecar)) as? [String: Any]
            #expect(caption?["figure"] as? String == "timeline-\(kind)")
            #expect((caption?["messages"] as? Int ?? 0) > 0)
            #expect(caption?["style"] as? String == "paper")
            #expect((caption?["inputHash"] as? String)?.count == 64)
            #expect(Set(caption?.keys.map { $0 } ?? []) == ["figure", "title", "shows", "messages", "inferredMessages", "firstDate", "lastDate",
                                                            "filters", "style", "corpus", "inputHash", "renderer"])
            #expect((caption?["renderer"] as? String)?.hasPrefix("Cairo 1.") == true)
        }
    }

    @Test("same input, same bytes across processes in all three formats")
    func sameBytes() throws {
        let dir = try CLIRunner.temporaryFolder("timeline-same")
        defer { try? FileManager.default.removeItem(at: dir) }
        for ext in ["svg", "png", "pdf"] {
            let a = dir.appendingPathComponent("a.\(ext)").path, b = dir.appendingPathComponent("b.\(ext)").path
            #expect(try CLIRunner.run(["timeline", "correspondents", "--style", "paper,grayscale", "-o", a]).status == 0)
            #expect(try CLIRunner.run(["timeline", "correspondents", "--style", "paper,grayscale", "-o", b]).status == 0)
            #expect(try Data(contentsOf: URL(fileURLWithPath: a)) == Data(contentsOf: URL(fileURLWithPath: b)), "\(ext)")
        }
    }

    @Test("filters narrow the figure and show in the caption")
    func filters() throws {
        let dir = try CLIRunner.temporaryFolder("timeline-filters")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("t.svg").path
        let r = try CLIRunner.run(["timeline", "topics", "--from", "1944-01-01", "--to", "1944-12-31", "--topic", "poland,second_front",
                         "--correspondents", "Churchill", "--no-events", "-o", out])
        #expect(r.status == 0, "\(r.stderr)")
        let caption = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("t.caption.json"))) as? [String: Any]
        #expect(caption?["firstDate"] as? String == "1944-01-01")
        #expect(caption?["lastDate"] as? String == "1944-12-31")
        #expect((caption?["filters"] as? String)?.contains("topics Poland, Second front") == true)
        #expect((caption?["messages"] as? Int ?? 999) < 60)
    }

    @Test("bad usage and bad data: exit code, a message naming the problem, no output", arguments: [
        (["timeline", "correspondents", "-o", "OUT.jpeg"], Int32(2), ".svg, .png or .pdf"),
        (["timeline", "correspondents", "--from", "1944-13-01", "-o", "OUT.svg"], Int32(2), "YYYY-MM-DD"),
        (["timeline", "correspondents", "--from", "1945-01-01", "--to", "1944-01-01", "-o", "OUT.svg"], Int32(2), "after"),
        (["timeline", "topics", "--topic", "atlantis", "-o", "OUT.svg"], Int32(2), "unknown --topic \"atlantis\""),
        (["timeline", "volume", "--correspondents", "Napoleon", "-o", "OUT.svg"], Int32(2), "unknown --correspondent \"Napoleon\""),
        (["timeline", "volume", "--style", "no-such-style", "-o", "OUT.svg"], Int32(2), "no-such-style"),
        (["timeline", "volume", "--events", "EVENTS", "-o", "OUT.svg"], Int32(1), "events.toml:2:"),
        // Argument parsing errors take the parser's usage code; only "not success" is asserted.
        (["timeline", "spiral", "-o", "OUT.svg"], Int32(-1), "spiral"),
    ])
    func refused(arguments: [String], status: Int32, words: String) throws {
        let dir = try CLIRunner.temporaryFolder("timeline-refused")
        defer { try? FileManager.default.removeItem(at: dir) }
        let events = dir.appendingPathComponent("events.toml")
        try "[[event]]\nid = 3\n".write(to: events, atomically: true, encoding: .utf8)
        let args = arguments.map { $0 == "OUT.svg" || $0 == "OUT.jpeg" ? dir.appendingPathComponent($0).path : $0 == "EVENTS" ? events.path : $0 }
        let r = try CLIRunner.run(args)
        if status >= 0 { #expect(r.status == status, "\(arguments): \(r.stderr)") } else { #expect(r.status != 0) }
        #expect(r.stderr.contains(words), "\(arguments): \(r.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0 != "events.toml" }
        #expect(left.isEmpty, "left behind: \(left)")
    }
}
