import ArgumentParser
import Correspondence
import Foundation

/// `epistolary report`: what was read, by correspondents and year, and everything the reader
/// found that does not fit (undated messages, fragments, duplicates, unreadable lines).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report what was read: counts by correspondents and year, undated messages, fragments, duplicates, unreadable lines.")

    @OptionGroup var corpusOptions: CorpusOptions

    func run() throws {
        let corpus = try corpusOptions.loadCorpus()
        FileHandle.standardOutput.write(Data(CorpusReport(corpus: corpus).render().utf8))
    }
}
