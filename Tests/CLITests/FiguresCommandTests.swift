import Foundation
import Testing

/// `epistolary figures` run as the built binary: the whole gallery, its manifest, same bytes
/// on a second run, and no partial output on bad input.
@Suite(.serialized) struct FiguresCommandTests {
    /// Every file under `folder`, relative path -> bytes.
    static func files(in folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let base = folder.standardizedFileURL.path + "/"
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = walker?.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            result[String(url.standardizedFileURL.path.dropFirst(base.count))] = try Data(contentsOf: url)
        }
        return result
    }

    @Test func galleryHoldsEveryFigureAndExportWithAManifest() throws {
        let out = try CLIRunner.temporaryFolder("figures-svg")
        let run = try CLIRunner.run(["figures", "--formats", "svg", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("figure files"), "closing summary missing: \(run.stderr)")
        let written = try Self.files(in: out)
        for kind in ["correspondents", "replies", "topics", "mentions"] {
            #expect(written["graphs/\(kind).svg"] != nil)
            #expect(written["graphs/\(kind).dot"] != nil)
            #expect(written["graphs/\(kind).caption.json"] != nil)
            #expect(written["graphs/\(kind).png"] == nil, "--formats svg must not write PNG")
        }
        for kind in ["correspondents", "topics", "volume", "latency"] {
            #expect(written["timelines/\(kind).svg"] != nil)
            #expect(written["timelines/\(kind).caption.json"] != nil)
        }
        for name in ["correspondents.graphml", "replies.gexf", "mentions.node-link.json", "correspondence.cmif.xml",
                     "timelinejs.json", "csv/nodes.csv", "csv/edges.csv", "csv/messages.csv", "messages.jsonl", "report.txt"] {
            #expect(written["exports/\(name)"] != nil, "missing export \(name)")
        }

        let manifestData = try #require(written["manifest.json"])
        let manifest = try #require(try JSONSerialization.jsonObject(with: manifestData) as? [String: Any])
        let entries = try #require(manifest["files"] as? [[String: Any]])
        #expect(entries.count == written.count - 1, "the manifest lists every file but itself")
        for entry in entries {
            let path = try #require(entry["path"] as? String)
            let bytes = try #require(written[path], "manifest names \(path), which was not written")
            #expect(entry["sha256"] as? String == Self.sha256(bytes), "\(path): hash differs")
            #expect(entry["bytes"] as? Int == bytes.count)
            #expect(!((entry["shows"] as? String) ?? "").isEmpty, "\(path) says nothing of what it shows")
            if entry["kind"] as? String == "figure" {
                let caption = try #require(entry["caption"] as? String)
                #expect(written[caption] != nil, "\(path): caption \(caption) missing")
            }
        }
        let versions = try #require(manifest["versions"] as? [String: String])
        #expect(versions["graphviz"]?.isEmpty == false && versions["cairo"]?.isEmpty == false && versions["epistolary"]?.isEmpty == false)
        let input = try #require(manifest["input"] as? [String: Any])
        #expect((input["sha256"] as? String)?.count == 64)
        #expect(manifest["style"] as? String == "paper")
    }

    @Test func sameInputGivesTheSameBytesInEveryFormat() throws {
        let first = try CLIRunner.temporaryFolder("figures-a"), second = try CLIRunner.temporaryFolder("figures-b")
        for folder in [first, second] {
            let run = try CLIRunner.run(["figures", "--out", folder.path])
            #expect(run.status == 0, "\(run.stderr)")
        }
        let a = try Self.files(in: first), b = try Self.files(in: second)
        #expect(a.keys.sorted() == b.keys.sorted())
        #expect(a.keys.contains("graphs/replies.pdf") && a.keys.contains("timelines/volume.png"))
        for (path, bytes) in a { #expect(b[path] == bytes, "\(path) differs between two runs") }
    }

    @Test func badInputWritesNothing() throws {
        let out = try CLIRunner.temporaryFolder("figures-bad")
        let target = out.appendingPathComponent("gallery")
        let usage = try CLIRunner.run(["figures", "--formats", "svg,gif", "--out", target.path])
        #expect(usage.status == 2)
        #expect(usage.stderr.contains("unknown format \"gif\""))
        let empty = out.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        let data = try CLIRunner.run(["figures", "--corpus", empty.path, "--out", target.path])
        #expect(data.status == 1)
        #expect(data.stderr.contains(empty.path))
        #expect(!FileManager.default.fileExists(atPath: target.path), "a failed run must leave no output")
    }

    static func sha256(_ data: Data) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        guard (try? process.run()) != nil else { return "" }
        input.fileHandleForWriting.write(data)
        try? input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return String(text.prefix(64))
    }
}
