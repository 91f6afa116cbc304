import EpistolaryTestSupport
import Foundation
import Testing

/// Runs `epistolary topics suggest` and `topics check` as a user would.
@Suite struct TopicsCommandTests {
    static func corpus() -> String {
        var text = ""
        for k in 0..<8 {
            text += "Sent on May \(k + 1), 1942\n\nJ. V. STALIN TO W. CHURCHILL\n\nThe convoys with supply ships must sail to Murmansk; the convoys are awaited at Murmansk. Item \(k).\n\n"
            text += "Sent on June \(k + 1), 1944\n\nJ. V. STALIN TO W. CHURCHILL\n\nThe Polish Government in London and the Curzon Line: the Polish Government must accept the Curzon Line. Item \(k).\n\n"
            text += "Sent on July \(k + 1), 1943\n\nJ. V. STALIN TO W. CHURCHILL\n\nThank you for your message, which I received today. Item \(k).\n\n"
        }
        return text
    }

    @Test func suggestWritesAStarterLexiconThatTheOtherCommandsRead() throws {
        let corpus = try CLIRunner.temporaryFile("suggest.txt", TopicsCommandTests.corpus()).path
        let out = try TestFolders.make("suggested").appendingPathComponent("suggested.toml")
        let r = try CLIRunner.run(["topics", "suggest", "--corpus", corpus, "--output", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        let toml = try String(contentsOf: out, encoding: .utf8)
        #expect(toml.contains("[[topic]]"))
        #expect(toml.lowercased().contains("curzon line"))
        #expect(toml.lowercased().contains("murmansk"))
        #expect(toml.contains("8 messages"))
        let check = try CLIRunner.run(["topics", "check", "--corpus", corpus, "--topics", out.path])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("messages  in topic  lines"))
    }

    @Test func checkWithoutTopicsChecksTheBundledLexicon() throws {
        let corpus = try CLIRunner.temporaryFile("check.txt", TopicsCommandTests.corpus()).path
        let r = try CLIRunner.run(["topics", "check", "--corpus", corpus])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("convoys (Convoys and shipping): threshold 4, 8 messages"))
        #expect(r.stdout.contains("Curzon Line"))
    }

    @Test func badThreadCountIsBadUsage() throws {
        let r = try CLIRunner.run(["topics", "suggest", "--threads", "0"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("--threads must be between 1 and 100"))
    }
}
