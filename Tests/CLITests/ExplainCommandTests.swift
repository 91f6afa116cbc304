import Foundation
import Testing

/// Runs the built `epistolary explain` binary, as a user would.
@Suite struct ExplainCommandTests {
    static let telegrams = """
    Sent on May 1, 1942

    J. V. STALIN TO W. CHURCHILL

    The convoys must sail: the supply ships are awaited in Archangel.

    Sent on May 13, 1942

    J. V. STALIN TO W. CHURCHILL

    I have received your message of May 11 and thank you for the news about the convoys.

    """

    @Test func explainsFieldsReferencesChainAndTopicsOfAMessage() throws {
        let corpus = try CLIRunner.temporaryFile("two.txt", ExplainCommandTests.telegrams).path
        let r = try CLIRunner.run(["explain", "1942-05-13-stalin-churchill", "--corpus", corpus])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("sent on         1942-05-13  (line 7)"))
        #expect(r.stdout.contains("line 11: \"your message of May 11\" (yours, of, 1942-05-11)"))
        #expect(r.stdout.contains("-> in-1942-05-11-churchill-stalin (inferred message, in_reply_to"))
        #expect(r.stdout.contains("in-1942-05-11-churchill-stalin --answers--> 1942-05-01-stalin-churchill"))
        #expect(r.stdout.contains("convoys  score"))
        #expect(r.stdout.contains("line 11: \"convoys\" (convoy*, 4.0)"))
    }

    @Test func explainsAnInferredMessage() throws {
        let corpus = try CLIRunner.temporaryFile("two-b.txt", ExplainCommandTests.telegrams).path
        let r = try CLIRunner.run(["explain", "in-1942-05-11-churchill-stalin", "--corpus", corpus])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("1942-05-13-stalin-churchill, line 11: \"your message of May 11\""))
    }

    @Test func unknownIdExitsOneWithTheNearestIds() throws {
        let corpus = try CLIRunner.temporaryFile("two-c.txt", ExplainCommandTests.telegrams).path
        let r = try CLIRunner.run(["explain", "1942-05-14-stalin-churchill", "--corpus", corpus])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("no message with id '1942-05-14-stalin-churchill'"))
        #expect(r.stderr.contains("nearest ids: 1942-05-13-stalin-churchill"))
    }

    @Test func ownTopicFileIsUsedAndABadOneNamesFileAndLine() throws {
        let corpus = try CLIRunner.temporaryFile("two-d.txt", ExplainCommandTests.telegrams).path
        let good = try CLIRunner.temporaryFile("mine.toml", """
        [[topic]]
        id = "thanks"
        label = "Thanks"
        threshold = 1
        phrases = ["thank you"]
        """).path
        let r = try CLIRunner.run(["explain", "1942-05-13-stalin-churchill", "--corpus", corpus, "--topics", good])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("thanks  score 1.0 (threshold 1.0)"))
        #expect(!r.stdout.contains("convoys  score"))
        let bad = try CLIRunner.temporaryFile("bad.toml", "[[topic]]\nid = \"x\"\nlabel = \"X\"\nthreshold = \"high\"\nphrases = [\"a\"]\n").path
        let b = try CLIRunner.run(["explain", "1942-05-13-stalin-churchill", "--corpus", corpus, "--topics", bad])
        #expect(b.status == 1)
        #expect(b.stderr.contains("bad.toml:4:"))
        #expect(b.stderr.contains("threshold"))
    }

    @Test func explainsAMessageOfTheBundledCorpus() throws {
        let r = try CLIRunner.run(["explain", "1942-07-23-stalin-churchill"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("in-1942-07-18-churchill-stalin"))
        #expect(r.stdout.contains("second_front  score"))
    }
}
