import Analysis
import Correspondence
import Foundation

/// Reading and analysing a corpus: the first two steps of every use of the library.
///
/// ```swift
/// let corpus = try LetterCorpus.read(path: "letters.csv")
/// let analysis = try LetterCorpus.analyse(corpus)
/// ```
public enum LetterCorpus {
    /// Reads a corpus file (telegram text, CSV or CMIF, chosen as the command line chooses it),
    /// or the bundled war telegrams when `path` is nil.
    ///
    /// - Throws: `EpistolaryError` naming the file and line of what could not be read. A CMIF
    ///   record the reader cannot use is skipped and listed in `Corpus.issues` instead.
    public static func read(path: String? = nil) throws -> Corpus {
        try CorpusLoader.load(path: path)
    }

    /// Analyses a corpus: correspondent graph, reply chains, topic threads, mentions.
    ///
    /// - Parameter topicsFile: a topic lexicon (TOML); nil uses the bundled one.
    /// - Complexity: O(n log n) in the number of messages.
    public static func analyse(_ corpus: Corpus, topicsFile: String? = nil) throws -> CorpusAnalysis {
        let lexicon = try topicsFile.map { try TopicLexicon.load(path: $0) } ?? TopicLexicon.bundled()
        return CorpusAnalysis(corpus: corpus, lexicon: lexicon)
    }
}
