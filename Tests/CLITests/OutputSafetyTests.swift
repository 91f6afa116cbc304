import Foundation
import Synchronization
import Testing

/// Each output-path case of the tool, run as a user runs it: an output that is an input,
/// devices and FIFOs, standard output redirected to a file, a full device, a closed pipe,
/// several outputs that must be all or nothing, usage errors, and a `figures` run killed
/// while it writes.
@Suite struct OutputSafetyTests {
    static let csv = """
        sender,recipients,date,text
        Ada Example,Ben Example,1900-01-02,First letter
        Ben Example,Ada Example,1900-01-09,An answer
        Ada Example,Cy Example,1900-02-01,Another
        """ + "\n"

    /// A folder with a small corpus in it, removed by the caller.
    static func workspace(_ name: String) throws -> (folder: URL, corpus: URL) {
        let folder = try CLIRunner.temporaryFolder(name)
        let corpus = folder.appendingPathComponent("letters.csv")
        try Data(csv.utf8).write(to: corpus)
        return (folder, corpus)
    }

    @Test func anOutputThatIsAnInputIsRefusedAndTheInputKept() throws {
        let (folder, corpus) = try Self.workspace("same")
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try Data(contentsOf: corpus)
        let link = folder.appendingPathComponent("link.graphml"), hard = folder.appendingPathComponent("hard.graphml")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: corpus)
        try FileManager.default.linkItem(at: corpus, to: hard)
        for target in [corpus, link, hard] {
            let run = try CLIRunner.run(["export", "graphml", "--corpus", corpus.path, "-o", target.path])
            #expect(run.status == 2, "\(target.lastPathComponent): \(run.stderr)")
            #expect(run.stderr.contains("is an input of this run"), "\(run.stderr)")
        }
        // A theme sheet given by path is an input too (any name: a path holds a '/').
        let sheet = folder.appendingPathComponent("mine.svg")
        try Data("[page]\ndpi = 100\n".utf8).write(to: sheet)
        let ok = folder.appendingPathComponent("ok.svg")
        let themed = try CLIRunner.run(["graph", "correspondents", "--corpus", corpus.path, "--style", "paper," + sheet.path,
                                        "-o", ok.path, "-o", sheet.path])
        #expect(themed.status == 2, "\(themed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: ok.path), "all or nothing: the first output was written")
        #expect(try Data(contentsOf: corpus) == before)
        #expect(try String(contentsOf: sheet, encoding: .utf8) == "[page]\ndpi = 100\n")
    }

    @Test func devicesAreWrittenAsStreamsNeverReplaced() throws {
        let (folder, corpus) = try Self.workspace("devices")
        defer { try? FileManager.default.removeItem(at: folder) }
        let null = try CLIRunner.run(["export", "graphml", "--corpus", corpus.path, "-o", "/dev/null"])
        #expect(null.status == 0, "\(null.stderr)")
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR, "/dev/null is still a device")

        // Standard output (here a file the runner redirected it to) by `-` and by /dev/stdout:
        // the real process, since only it has a standard output of its own to check.
        let dash = try CLIRunner.runBinary(["export", "graphml", "--corpus", corpus.path, "-o", "-"])
        let devStdout = try CLIRunner.runBinary(["export", "graphml", "--corpus", corpus.path, "-o", "/dev/stdout"])
        #expect(dash.status == 0 && devStdout.status == 0, "\(dash.stderr)\(devStdout.stderr)")
        #expect(dash.stdout.hasPrefix("<?xml") && devStdout.stdout == dash.stdout)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: "/dev/stdout") == "/proc/self/fd/1")

    }

    @Test func aFIFOIsWrittenInPlace() throws {
        let (folder, corpus) = try Self.workspace("fifo")
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("pipe.graphml")
        #expect(mkfifo(fifo.path, 0o644) == 0)
        let received = Received()
        let reader = Thread {
            // A blocking open, as a reader of a pipe does: it waits for the writer.
            let fd = open(fifo.path, O_RDONLY)
            var bytes = Data(), buffer = [UInt8](repeating: 0, count: 65_536)
            while fd >= 0 {
                let n = read(fd, &buffer, buffer.count)
                if n <= 0 { break }
                bytes.append(contentsOf: buffer[0..<n])
            }
            if fd >= 0 { close(fd) }
            received.set(bytes)
        }
        reader.start()
        let run = try CLIRunner.run(["export", "graphml", "--corpus", corpus.path, "-o", fifo.path])
        #expect(run.status == 0, "\(run.stderr)")
        while received.get() == nil { usleep(10_000) }
        #expect(String(decoding: received.get() ?? Data(), as: UTF8.self).hasPrefix("<?xml"))
        var info = stat()
        #expect(lstat(fifo.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO, "the FIFO is still a FIFO")
    }

    @Test func writeErrorsAreEnvironmentErrorsWithTheReason() throws {
        let (folder, corpus) = try Self.workspace("full")
        defer { try? FileManager.default.removeItem(at: folder) }
        let toFull = try CLIRunner.run(["export", "graphml", "--corpus", corpus.path, "-o", "/dev/full"])
        #expect(toFull.status == 3, "\(toFull.stderr)")
        #expect(toFull.stderr.contains("/dev/full: cannot write (No space left on device)"), "\(toFull.stderr)")

        // Standard output on a full device, and on a pipe whose reader has gone.
        for (name, setUp) in [("full", Self.stdoutToDevFull), ("closed pipe", Self.stdoutToClosedPipe)] {
            let process = Process()
            process.executableURL = CLIRunner.binary
            process.arguments = ["messages", "--corpus", corpus.path, "--format", "jsonl"]
            let errors = folder.appendingPathComponent("stderr-\(name.count)")
            try Data().write(to: errors)
            let errHandle = try FileHandle(forWritingTo: errors)
            process.standardError = errHandle
            let keep = try setUp(process)
            try process.run()
            process.waitUntilExit()
            _ = keep
            try errHandle.close()
            let stderr = try String(contentsOf: errors, encoding: .utf8)
            #expect(process.terminationReason == .exit, "\(name): ended by a signal, not an exit")
            #expect(process.terminationStatus == 3, "\(name): \(stderr)")
            #expect(stderr.contains("standard output: cannot write"), "\(name): \(stderr)")
        }
    }

    static func stdoutToDevFull(_ process: Process) throws -> Any {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        process.standardOutput = full
        return full
    }

    static func stdoutToClosedPipe(_ process: Process) throws -> Any {
        let pipe = Pipe()
        process.standardOutput = pipe
        try pipe.fileHandleForReading.close()
        return pipe
    }

    @Test func severalOutputsAreAllOrNothing() throws {
        let (folder, corpus) = try Self.workspace("batch")
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("good.svg")
        try Data("old".utf8).write(to: good)
        let blocker = folder.appendingPathComponent("not-a-folder")
        try Data().write(to: blocker)
        for command in [["timeline", "volume"], ["graph", "correspondents"]] {
            let run = try CLIRunner.run(command + ["--corpus", corpus.path, "-o", good.path,
                                                  "-o", blocker.appendingPathComponent("bad.pdf").path])
            #expect(run.status != 0, "\(command): \(run.stderr)")
            #expect(try String(contentsOf: good, encoding: .utf8) == "old", "\(command): the first output was replaced")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("good.caption.json").path))
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
        #expect(left.isEmpty, "temporary files left: \(left)")
    }

    /// A figure that cannot be made (no bundled input makes one fail any more, so the failure
    /// is injected: `EPISTOLARY_FAIL_FIGURES`) is reported, everything else is written, the
    /// manifest lists it under `failed`, and the exit code is 4.
    @Test func aFigureThatCannotBeMadeLeavesAPartialGallery() throws {
        let (folder, corpus) = try Self.workspace("partial")
        defer { try? FileManager.default.removeItem(at: folder) }
        let gallery = folder.appendingPathComponent("gallery")
        let run = try CLIRunner.run(["figures", "--corpus", corpus.path, "--formats", "svg,png", "--out", gallery.path],
                                    environment: ["EPISTOLARY_FAIL_FIGURES": "graphs/correspondents,timelines/volume"])
        #expect(run.status == 4, "\(run.stderr)")
        #expect(run.stderr.contains("partial gallery"), "\(run.stderr)")
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: gallery.appendingPathComponent("manifest.json"))) as? [String: Any])
        let failed = try #require(manifest["failed"] as? [[String: String]])
        #expect(failed.map { $0["figure"] ?? "" } == ["graphs/correspondents", "timelines/volume"])
        for failure in failed {
            let figure = try #require(failure["figure"])
            #expect(run.stderr.contains("\(figure): not made: "), "\(figure) is not reported")
            #expect(!(failure["reason"] ?? "").isEmpty)
            #expect(!FileManager.default.fileExists(atPath: gallery.appendingPathComponent(figure + ".svg").path))
        }
        for made in ["graphs/replies.svg", "graphs/replies.png", "timelines/correspondents.png", "exports/correspondents.graphml"] {
            #expect(FileManager.default.fileExists(atPath: gallery.appendingPathComponent(made).path), "\(made) was not written")
        }
        _ = try Self.manifestHash(gallery)
    }

    @Test func usageErrorsExitTwo() throws {
        for arguments in [["graph", "nonsense", "-o", "x.svg"], ["timeline"], ["export", "graphml"], ["--no-such-option"],
                          ["messages", "--format", "xml"]] {
            let run = try CLIRunner.run(arguments)
            #expect(run.status == 2, "\(arguments): \(run.status) \(run.stderr)")
        }
        let help = try CLIRunner.run(["--help"])
        #expect(help.status == 0 && help.stdout.contains("USAGE"))
    }

    @Test func echoedValuesAreBoundedAndEscaped() throws {
        let (folder, _) = try Self.workspace("echo")
        defer { try? FileManager.default.removeItem(at: folder) }
        let hostile = "x\u{1B}[31m" + String(repeating: "y", count: 50_000)
        let run = try CLIRunner.run(["graph", "correspondents", "--engine", hostile, "-o", folder.appendingPathComponent("g.svg").path])
        #expect(run.status == 2)
        #expect(!run.stderr.contains("\u{1B}"), "a control character reached the terminal")
        #expect(run.stderr.count < 3_000, "the echoed value is not bounded: \(run.stderr.count) characters")
    }

    /// `figures` killed at many moments of its run: the gallery folder holds either the whole
    /// old gallery or the whole new one (every file the manifest lists, with its hash, and
    /// nothing else), and no temporary folder is left beside it.
    @Test func aKilledFiguresRunLeavesAWholeGallery() throws {
        let (folder, corpus) = try Self.workspace("killed")
        defer { try? FileManager.default.removeItem(at: folder) }
        let gallery = folder.appendingPathComponent("gallery")
        let first = try CLIRunner.run(["figures", "--corpus", corpus.path, "--formats", "svg", "--out", gallery.path])
        #expect(first.status == 0, "\(first.stderr)")
        let old = try Self.manifestHash(gallery)

        // The second run draws from another corpus, so old and new galleries differ.
        let other = folder.appendingPathComponent("bundled-like.csv")
        try Data((Self.csv + "Cy Example,Ada Example,1900-03-01,A third\n").utf8).write(to: other)
        // The kill moments close in on the swap whatever the machine's speed: a kill that
        // found the new gallery comes earlier next time, one that found the old comes later.
        var sawOld = false, sawNew = false
        var delay = 0.4
        var kills = 0
        while kills < 24 && !(sawOld && sawNew && kills >= 8) {
            kills += 1
            let process = Process()
            process.executableURL = CLIRunner.binary
            process.arguments = ["figures", "--corpus", other.path, "--formats", "svg,pdf", "--out", gallery.path]
            process.standardError = FileHandle.nullDevice
            try process.run()
            let killedAt = delay
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, kills % 2 == 0 ? SIGTERM : SIGINT)
            process.waitUntilExit()
            let now = try Self.manifestHash(gallery)   // checks every file against the manifest
            let foundNew = now != old
            if !foundNew {
                sawOld = true
                delay = min(delay * 1.7, 8)
            } else {
                sawNew = true
                delay = max(delay / 2, 0.005)
            }
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
            #expect(leftovers.isEmpty, "after a kill at \(killedAt) s: \(leftovers)")
            if foundNew {
                // Restore the old gallery for the next kill.
                let restored = try CLIRunner.run(["figures", "--corpus", corpus.path, "--formats", "svg", "--out", gallery.path])
                #expect(restored.status == 0, "restoring the old gallery: \(restored.stderr)")
            }
        }
        #expect(sawOld, "no kill came before the swap")
        #expect(sawNew, "no kill came after the swap")
    }

    /// The manifest's own hash, after checking that the folder holds exactly the files it
    /// lists, each with its SHA-256.
    static func manifestHash(_ gallery: URL) throws -> String {
        let manifestData = try Data(contentsOf: gallery.appendingPathComponent("manifest.json"))
        let manifest = try #require(try JSONSerialization.jsonObject(with: manifestData) as? [String: Any])
        let files = try #require(manifest["files"] as? [[String: Any]])
        var listed = Set(["manifest.json"])
        for file in files {
            let path = try #require(file["path"] as? String)
            listed.insert(path)
            let data = try Data(contentsOf: gallery.appendingPathComponent(path))
            #expect(FiguresCommandTests.sha256(data) == file["sha256"] as? String, "\(path) does not match the manifest")
        }
        let present = Set(try FileManager.default.subpathsOfDirectory(atPath: gallery.path).filter { path in
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: gallery.appendingPathComponent(path).path, isDirectory: &isDirectory)
            return !isDirectory.boolValue
        })
        #expect(present == listed, "files not in the manifest: \(present.subtracting(listed)); missing: \(listed.subtracting(present))")
        return FiguresCommandTests.sha256(manifestData)
    }
}

/// Bytes handed over from the FIFO reader's thread.
private final class Received: Sendable {
    private let data = Mutex<Data?>(nil)
    func set(_ value: Data) { data.withLock { $0 = value } }
    func get() -> Data? { data.withLock { $0 } }
}
