import Analysis
import ArgumentParser
import Correspondence

/// `--corpus FILE` and `--topics FILE`, shared by every command that reads a corpus: which
/// corpus to read and which topic lexicon to analyse it with.
struct AnalysisOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Corpus to read: telegram text (.txt, .md), CSV (.csv) or CMIF (.xml). Default: the bundled war telegrams.",
        valueName: "FILE"))
    var corpus: String?

    @Option(name: .long, help: ArgumentHelp("Topic lexicon (TOML) instead of the bundled one.", valueName: "FILE"))
    var topics: String?

    /// Reads the corpus named by `--corpus`, or the bundled one.
    func loadCorpus() throws -> Corpus {
        try CorpusLoader.load(path: corpus)
    }

    /// The lexicon named by `--topics`, or the bundled one.
    func loadLexicon() throws -> TopicLexicon {
        try topics.map { try TopicLexicon.load(path: $0) } ?? TopicLexicon.bundled()
    }

    /// The corpus and its analysis.
    func analyse() throws -> CorpusAnalysis {
        let lexicon = try loadLexicon()
        return CorpusAnalysis(corpus: try loadCorpus(), lexicon: lexicon)
    }
}
