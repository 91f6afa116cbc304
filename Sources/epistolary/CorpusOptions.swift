import ArgumentParser
import Correspondence

/// `--corpus FILE`, shared by every command that reads a corpus.
struct CorpusOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Corpus to read: .txt/.md telegram text or .csv (default: the bundled war telegrams).", valueName: "FILE"))
    var corpus: String?

    /// Reads the corpus named by `--corpus`, or the bundled one.
    func loadCorpus() throws -> Corpus {
        try CorpusLoader.load(path: corpus)
    }
}
