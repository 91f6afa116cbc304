import Analysis
import ArgumentParser
import Correspondence
import Foundation

/// `epistolary messages`: the catalogue of messages as read, for checking the reader and for
/// use elsewhere (jsonl with the fields of the gold catalogue, csv, or a table). Topics come
/// from the topic lexicon (bundled, or `--topics FILE`).
struct MessagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "messages",
        abstract: "List the messages of the corpus as read (table, jsonl or csv).",
        discussion: "jsonl has one object per message or fragment: id, start_line, end_line, kind, sender, recipients, sent_on, dated, date, place, classification, references (phrase, whose, date, relation), topics, note, body. Same corpus, same bytes.")

    @OptionGroup var input: AnalysisOptions

    @Option(name: .long, help: "Output format: table, jsonl or csv.")
    var format: MessageCatalogue.Format = .table

    @Flag(name: .customLong("raw-csv"), help: "csv: write cells that begin with = + - @ as they are; by default they get a leading ' so a spreadsheet never runs them as formulas (OWASP).")
    var rawCSV = false

    func run() throws {
        if rawCSV && format != .csv { throw EpistolaryError(.badUsage, "--raw-csv applies only to --format csv") }
        let analysis = try input.analyse()
        var catalogue = MessageCatalogue(corpus: analysis.corpus, topicsOf: analysis.topicIDs)
        catalogue.rawCSV = rawCSV
        // Written as it is made: a catalogue of a million letters is never held whole.
        let sink = ByteSink(drain: { try StandardOutput.write(Data($0)) })
        catalogue.write(format, to: sink)
        try sink.finish()
    }
}

extension MessageCatalogue.Format: ExpressibleByArgument {}
