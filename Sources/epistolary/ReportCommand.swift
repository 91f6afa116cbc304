import Analysis
import ArgumentParser
import Correspondence
import Export
import Foundation

/// `epistolary report`: every record accounted for (read, adjusted and how, skipped and why),
/// what was read by correspondents and year, people kept apart under one name, everything the
/// reader found that does not fit (undated messages, fragments, duplicates, unreadable lines),
/// and the references that resolve to no message. Under `--strict` it exits 1 after the
/// report when any record was skipped or adjusted.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report what was read: every record (read, adjusted and how, skipped and why), counts by correspondents and year, people kept apart under one name, undated messages, fragments, duplicates, unreadable lines, unresolved references.")

    @OptionGroup var input: AnalysisOptions

    func run() throws {
        // The report is written whatever --strict says: it is where the skipped records are listed.
        let analysis = try input.analyse(checkStrictness: false)
        // Written as it is made: a catalogue with a million undated letters lists each.
        let sink = ByteSink(drain: { try StandardOutput.write(Data($0)) })
        CorpusReport(corpus: analysis.corpus).write(to: sink)
        sink.write("\n" + UnresolvedReferencesSection(analysis: analysis).render() + "\n" + MissingAuthoritiesSection(corpus: analysis.corpus).render())
        try sink.finish()
        try input.checkStrict(analysis.corpus)
    }
}
