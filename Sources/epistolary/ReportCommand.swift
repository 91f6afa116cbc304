import Analysis
import ArgumentParser
import Correspondence
import Foundation

/// `epistolary report`: what was read, by correspondents and year, everything the reader
/// found that does not fit (undated messages, fragments, duplicates, unreadable lines), and
/// the references that resolve to no message.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report what was read: counts by correspondents and year, undated messages, fragments, duplicates, unreadable lines, unresolved references.")

    @OptionGroup var input: AnalysisOptions

    func run() throws {
        let analysis = try input.analyse()
        let text = CorpusReport(corpus: analysis.corpus).render() + "\n" + UnresolvedReferencesSection(analysis: analysis).render()
        try StandardOutput.write(text)
    }
}
