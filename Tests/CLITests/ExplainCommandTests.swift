import Foundation
import Testing

/// Runs the built `epistolary explain` binary, as a user would.
@Suite struct ExplainCommandTests {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The built binary: next to the test bundle, else in the package's .build/debug.
    static var binary: URL {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("epistolary"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("epistolary"),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("epistolary"),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent(".build/debug/epistolary"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[candidates.count - 1]
    }

    static func run(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }

    static func temporaryFile(_ name: String, _ text: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("explain-tests-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    static let telegrams = """
    Sent on May 1, 1942

    J. V. STALIN TO W. CHURCHILL

    The convoys must sail: the supply ships are awaited in Archangel.

    Sent on May 13, 1942

    J. V. STALIN TO W. CHURCHILL

    I have received your message of May 11 and thank you for the news about the convoys.

    """

    @Test func explainsFieldsReferencesChainAndTopicsOfAMessage() throws {
        let corpus = try ExplainCommandTests.temporaryFile("two.txt", ExplainCommandTests.telegrams)
        let r = try ExplainCommandTests.run(["explain", "1942-05-13-stalin-churchill", "--corpus", corpus])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("sent on         1942-05-13  (line 7)"))
        #expect(r.stdout.contains("line 11: \"your message of May 11\" (yours, of, 1942-05-11)"))
        #expect(r.stdout.contains("-> in-1942-05-11-churchill-stalin (inferred message, in_reply_to"))
        #expect(r.stdout.contains("in-1942-05-11-churchill-stalin --answers--> 1942-05-01-stalin-churchill"))
        #expect(r.stdout.contains("convoys  score"))
        #expect(r.stdout.contains("line 11: \"convoys\" (convoy*, 4.0)"))
    }

    @Test func explainsAnInferredMessage() throws {
        let corpus = try ExplainCommandTests.temporaryFile("two-b.txt", ExplainCommandTests.telegrams)
        let r = try ExplainCommandTests.run(["explain", "in-1942-05-11-churchill-stalin", "--corpus", corpus])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("1942-05-13-stalin-churchill, line 11: \"your message of May 11\""))
    }

    @Test func unknownIdExitsOneWithTheNearestIds() throws {
        let corpus = try ExplainCommandTests.temporaryFile("two-c.txt", ExplainCommandTests.telegrams)
        let r = try ExplainCommandTests.run(["explain", "1942-05-14-stalin-churchill", "--corpus", corpus])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("no message with id '1942-05-14-stalin-churchill'"))
        #expect(r.stderr.contains("nearest ids: 1942-05-13-stalin-churchill"))
    }

    @Test func ownTopicFileIsUsedAndABadOneNamesFileAndLine() throws {
        let corpus = try ExplainCommandTests.temporaryFile("two-d.txt", ExplainCommandTests.telegrams)
        let good = try ExplainCommandTests.temporaryFile("mine.toml", """
        [[topic]]
        id = "thanks"
        label = "Thanks"
        threshold = 1
        phrases = ["thank you"]
        """)
        let r = try ExplainCommandTests.run(["explain", "1942-05-13-stalin-churchill", "--corpus", corpus, "--topics", good])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("thanks  score 1.0 (threshold 1.0)"))
        #expect(!r.stdout.contains("convoys  score"))
        let bad = try ExplainCommandTests.temporaryFile("bad.toml", "[[topic]]\nid = \"x\"\nlabel = \"X\"\nthreshold = \"high\"\nphrases = [\"a\"]\n")
        let b = try ExplainCommandTests.run(["explain", "1942-05-13-stalin-churchill", "--corpus", corpus, "--topics", bad])
        #expect(b.status == 1)
        #expect(b.stderr.contains("bad.toml:4:"))
        #expect(b.stderr.contains("threshold"))
    }

    @Test func explainsAMessageOfTheBundledCorpus() throws {
        let r = try ExplainCommandTests.run(["explain", "1942-07-23-stalin-churchill"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("in-1942-07-18-churchill-stalin"))
        #expect(r.stdout.contains("second_front  score"))
    }
}
