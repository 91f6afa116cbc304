import Analysis
import ArgumentParser
import Correspondence
import Foundation
import TOMLReader

/// The `--corpus` option family and `--topics`, shared by every command that reads a corpus:
/// which corpus to read and how (format, people, a table's columns, strictness), and which
/// topic lexicon to analyse it with.
struct AnalysisOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Corpus to read: telegram text (.txt, .md), CSV (.csv, .tsv) or CMIF (.xml); another or no extension is recognised by its content; - reads standard input. Default: the bundled war telegrams.",
        valueName: "FILE"))
    var corpus: String?

    @Option(name: .long, help: ArgumentHelp(
        "Read the corpus as this format whatever its name: telegrams, csv or cmif.", valueName: "FORMAT"))
    var corpusFormat: CorpusFormat?

    @Option(name: .long, help: ArgumentHelp(
        "Your person table (JSON, the format of the bundled people.json): aliases and authority ids for your corpus's people. Without it, a CSV or CMIF corpus starts from an empty table.",
        valueName: "FILE"))
    var people: String?

    @Option(name: .customLong("csv-map"), help: ArgumentHelp(
        "How a table's columns are read: \"senders=Sender, recipients=Receiver, date=Date\" (also sender_ids, recipient_ids, not_before, not_after, place, place_id, received_place, received_date, id, edition, text, note; options people_separator, date_format such as DD.MM.YYYY, delimiter), or a TOML file with those keys.",
        valueName: "MAP|FILE"))
    var csvMap: String?

    @Flag(name: .long, help: "Exit 1 when any record of the corpus was skipped or adjusted (by default they are listed by `report` and the run goes on).")
    var strict = false

    @Option(name: .long, help: ArgumentHelp("Topic lexicon (TOML) instead of the bundled one.", valueName: "FILE"))
    var topics: String?

    /// Reads the corpus named by `--corpus`, or the bundled one; says on stderr how many
    /// records were skipped, and under `--strict` fails when any was skipped or adjusted.
    func loadCorpus(checkStrictness: Bool = true) throws -> Corpus {
        let table = try people.map { path -> PersonTable in
            InputFiles.note(path)
            return try PersonTable.load(URL(fileURLWithPath: path))
        }
        let corpus = try CorpusLoader.load(path: corpus, format: corpusFormat, people: table, csv: try csvLayout())
        let skipped = corpus.issues.filter { $0.outcome == .skipped }.count
        if skipped > 0 {
            StandardError.write("epistolary: \(corpus.sourceName): \(skipped) record\(skipped == 1 ? "" : "s") skipped (`epistolary report` lists each with its line and reason)\n")
        }
        if checkStrictness { try checkStrict(corpus) }
        return corpus
    }

    /// Under `--strict`, a data error when any record was skipped or adjusted.
    func checkStrict(_ corpus: Corpus) throws {
        guard strict else { return }
        let flagged = corpus.issues.filter { $0.outcome == .skipped || $0.outcome == .adjusted }
        guard let first = flagged.first else { return }
        let skipped = Set(flagged.filter { $0.outcome == .skipped }.map(\.span.startLine)).count
        let adjusted = Set(flagged.filter { $0.outcome == .adjusted }.map(\.span.startLine)).count
        throw EpistolaryError(.badData, file: first.file, line: first.line,
                              "--strict: \(skipped) record\(skipped == 1 ? "" : "s") skipped and \(adjusted) adjusted; the first: \(first.detail)")
    }

    /// The table layout of `--csv-map`: a TOML file when the value names one, else `key=value` pairs.
    func csvLayout() throws -> CSVLayout {
        guard let csvMap else { return CSVLayout() }
        var isDirectory: ObjCBool = false
        let isFile = FileManager.default.fileExists(atPath: csvMap, isDirectory: &isDirectory) && !isDirectory.boolValue
        guard isFile || csvMap.lowercased().hasSuffix(".toml") else {
            do { return try CSVLayout.parse(mapping: csvMap) } catch {
                throw EpistolaryError(.badUsage, "--csv-map: \(error.message)")
            }
        }
        InputFiles.note(csvMap)
        let doc = try TOMLDocument.load(path: csvMap)
        var layout = CSVLayout()
        for entry in doc.root.entries {
            do {
                try layout.set(entry.key, to: try entry.value.string())
            } catch let error as CSVLayoutError {
                throw EpistolaryError(.badUsage, file: csvMap, line: entry.line, error.message)
            }
        }
        return layout
    }

    /// The lexicon named by `--topics`, or the bundled one.
    func loadLexicon() throws -> TopicLexicon {
        try topics.map { try TopicLexicon.load(path: $0) } ?? TopicLexicon.bundled()
    }

    /// The corpus and its analysis.
    func analyse(checkStrictness: Bool = true) throws -> CorpusAnalysis {
        let lexicon = try loadLexicon()
        return CorpusAnalysis(corpus: try loadCorpus(checkStrictness: checkStrictness), lexicon: lexicon)
    }
}

extension CorpusFormat: ExpressibleByArgument {}
