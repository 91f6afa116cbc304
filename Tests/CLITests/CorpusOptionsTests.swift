import Foundation
import Testing

/// The --corpus option family as a user meets it: lenient by default (one line on stderr),
/// --strict, --corpus-format, --corpus -, --csv-map, --people, and the jsonl catalogue's fields.
@Suite struct CorpusOptionsTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/csv")

    func fixture(_ name: String) -> String { Self.fixtures.appendingPathComponent(name).path }

    @Test func skippedRecordsAreOneLineOnStderrAndExitZero() throws {
        let run = try CLIRunner.run(["messages", "--corpus", fixture("lenient.csv"), "--format", "jsonl"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "epistolary: lenient.csv: 3 records skipped (`epistolary report` lists each with its line and reason)\n")
        #expect(run.stdout.split(separator: "\n").count == 5)
    }

    @Test func strictMakesSkippedOrAdjustedRecordsExitOne() throws {
        let run = try CLIRunner.run(["messages", "--corpus", fixture("lenient.csv"), "--strict"])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("lenient.csv:3: --strict: 3 records skipped and 2 adjusted"))
        let report = try CLIRunner.run(["report", "--corpus", fixture("lenient.csv"), "--strict"])
        #expect(report.status == 1)
        #expect(report.stdout.contains("Skipped records: 3"))
        let clean = try CLIRunner.run(["messages", "--corpus", fixture("palladio.csv"), "--strict"])
        #expect(clean.status == 0, "\(clean.stderr)")
    }

    @Test func stdinAndForcedFormat() throws {
        let shell = URL(fileURLWithPath: "/bin/sh")
        let bin = CLIRunner.binary.path
        let piped = try CLIRunner.run(executable: shell, ["-c", "'\(bin)' messages --corpus - --format jsonl < '\(fixture("palladio.csv"))'"])
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stdout.split(separator: "\n").count == 3)
        let forced = try CLIRunner.run(executable: shell, ["-c", "'\(bin)' messages --corpus - --corpus-format telegrams < '\(fixture("palladio.csv"))'"])
        #expect(forced.status == 1)
        let bad = try CLIRunner.run(["messages", "--corpus", fixture("palladio.csv"), "--corpus-format", "pdf"])
        #expect(bad.status == 64 || bad.status == 2)
    }

    @Test func aMappingFileAndAPeopleFile() throws {
        let run = try CLIRunner.run(["messages", "--corpus", fixture("mapped-semicolon.csv"), "--csv-map", fixture("mapping.toml"), "--format", "jsonl"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\"not_before\": \"1890-05-03\""))
        let badKey = try CLIRunner.temporaryFile("bad-map.toml", "writer = \"Absender\"\n").path
        let bad = try CLIRunner.run(["messages", "--corpus", fixture("mapped-semicolon.csv"), "--csv-map", badKey])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("bad-map.toml:1: unknown key \"writer\""))
        let people = try CLIRunner.temporaryFile("people.json", """
        [{"id": "voltaire", "name": "Voltaire", "aliases": ["François-Marie Arouet"], "authorities": {"viaf": "36925746"}}]
        """).path
        let withPeople = try CLIRunner.run(["messages", "--corpus", fixture("palladio.csv"), "--people", people, "--format", "jsonl"])
        #expect(withPeople.status == 0, "\(withPeople.stderr)")
        #expect(withPeople.stdout.contains("\"sender\": \"voltaire\""))
    }

    @Test func theCatalogueCarriesEveryParticipantAndBothBounds() throws {
        let run = try CLIRunner.run(["messages", "--corpus", fixture("cmif-producers.csv"), "--format", "jsonl"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        let cosigned = try #require(lines.first { $0.contains("\"id\": \"3\"") })
        #expect(cosigned.contains("\"senders\": [\"alexander-von-humboldt-118554700\", \"francois-arago-27064000\"]"))
        let open = try #require(lines.first { $0.contains("\"id\": \"7\"") })
        #expect(open.contains("\"not_before\": null, \"not_after\": \"1835-06-23\""))
        #expect(open.contains("\"not_after_from\": \"source\""))
    }
}
