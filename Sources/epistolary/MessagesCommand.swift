import ArgumentParser
import Correspondence
import Foundation

/// `epistolary messages`: the catalogue of messages as read, for checking the reader and for
/// use elsewhere (jsonl with the fields of the gold catalogue, csv, or a table).
struct MessagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "messages",
        abstract: "List the messages of the corpus as read (table, jsonl or csv).",
        discussion: "jsonl has one object per message or fragment: id, start_line, end_line, kind, sender, recipients, sent_on, dated, date, place, classification, references, topics, note, body.")

    @OptionGroup var corpusOptions: CorpusOptions

    @Option(name: .long, help: "Output format: table, jsonl or csv.")
    var format: MessageCatalogue.Format = .table

    func run() throws {
        let corpus = try corpusOptions.loadCorpus()
        let text = MessageCatalogue(corpus: corpus).render(format)
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

extension MessageCatalogue.Format: ExpressibleByArgument {}
