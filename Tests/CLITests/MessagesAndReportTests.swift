import Foundation
import Testing

/// `epistolary messages` and `epistolary report` run as the built binary: output, formats,
/// exit codes and error messages.
@Suite struct MessagesAndReportTests {
    @Test func messagesJSONLinesHasTheCatalogueFields() throws {
        let run = try CLIRunner.run(["messages", "--format", "jsonl"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count > 370)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        let expected: Set<String> = ["id", "start_line", "end_line", "kind", "sender", "senders", "recipients", "sent_on", "dated", "date",
                                   "not_before", "not_after", "precision", "certainty", "not_before_from", "not_after_from",
                                     "place", "classification", "references", "topics", "note", "body"]
        #expect(Set(first.keys) == expected)
        #expect(first["id"] as? String == "1941-07-18-stalin-churchill")
        #expect(lines[0].hasPrefix("{\"id\": \"1941-07-18-stalin-churchill\", \"start_line\": 50, \"end_line\": 64, \"kind\": \"message\""))
        // every reference object has exactly the gold fields
        for line in lines {
            let row = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            for ref in (row["references"] as? [[String: Any]]) ?? [] {
                #expect(Set(ref.keys) == ["phrase", "whose", "date", "relation"])
            }
        }
    }

    @Test func messagesOutputIsTheSameEveryRun() throws {
        let a = try CLIRunner.run(["messages", "--format", "jsonl"]), b = try CLIRunner.run(["messages", "--format", "jsonl"])
        #expect(a.stdout == b.stdout)
        let c = try CLIRunner.run(["messages", "--format", "csv"]), d = try CLIRunner.run(["messages", "--format", "csv"])
        #expect(c.stdout == d.stdout)
        #expect(c.stdout.hasPrefix("id,start_line,end_line,kind,sender,recipients,"))
    }

    @Test func messagesTableIsTheDefault() throws {
        let run = try CLIRunner.run(["messages"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("date"))
        #expect(run.stdout.contains("1942-07-23-stalin-churchill"))
        #expect(run.stdout.contains("fragments"))
    }

    @Test func messagesOfACSVCorpus() throws {
        let path = try CLIRunner.temporaryFile("letters.csv", "sender,recipients,date,text\nAda,Charles;Mary,1843-08-05,\"Notes, at last\"\n").path
        let run = try CLIRunner.run(["messages", "--corpus", path, "--format", "jsonl"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\"id\": \"1843-08-05-ada-charles\""))
        #expect(run.stdout.contains("\"recipients\": [\"charles\", \"mary\"]"))
    }

    @Test func badFormatIsAUsageError() throws {
        let run = try CLIRunner.run(["messages", "--format", "xml"])
        #expect(run.status == 64 || run.status == 2)
        #expect(run.stderr.contains("format"))
    }

    @Test func missingCorpusIsBadData() throws {
        let run = try CLIRunner.run(["messages", "--corpus", "/nonexistent/letters.txt"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("/nonexistent/letters.txt: no such file"))
        #expect(run.stdout.isEmpty)
    }

    @Test func binaryCorpusIsBadDataWithALine() throws {
        let path = try CLIRunner.temporaryFile("scan.txt", Data([0x41, 0x0A, 0x00, 0xFF])).path
        let run = try CLIRunner.run(["report", "--corpus", path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(path):2: binary data"))
        #expect(run.stdout.isEmpty)
    }

    @Test func csvWithBadDateNamesFileAndLine() throws {
        let path = try CLIRunner.temporaryFile("bad.csv", "sender,recipients,date,text\nAda,Charles,1843-13-01,x\n").path
        // Lenient by default: the letter is kept undated and listed; --strict makes it exit 1.
        let run = try CLIRunner.run(["messages", "--corpus", path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("undated"))
        let strict = try CLIRunner.run(["messages", "--corpus", path, "--strict"])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("\(path):2: --strict: 0 records skipped and 1 adjusted; the first: date \"1843-13-01\""))
    }

    @Test func reportCountsAndListsWhatDidNotFit() throws {
        let run = try CLIRunner.run(["report"])
        #expect(run.status == 0, "\(run.stderr)")
        let text = run.stdout
        #expect(text.contains("Corpus: war-telegrams.txt"))
        #expect(text.contains("Messages by correspondents and year"))
        #expect(text.contains("Joseph Stalin -> Winston Churchill"))
        #expect(text.contains("Undated messages"))
        #expect(text.contains("lines 1310-1328"))
        #expect(text.contains("Fragments (text with no header of its own): 3"))
        #expect(text.contains("lines 285-289"))
        #expect(text.contains("Messages printed twice: 2"))
        #expect(text.contains("lines 2115-2126 repeat lines 2102-2113"))
        #expect(text.contains("Lines that could not be read"))
        #expect(text == (try CLIRunner.run(["report"])).stdout)
    }
}
