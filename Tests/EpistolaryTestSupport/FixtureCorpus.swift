import Analysis
import Correspondence
import Foundation

/// A fixture corpus of `Tests/Fixtures`, read as the command line reads it and analysed with
/// the bundled lexicon: the one loader the figure suites share.
public enum FixtureCorpus {
    /// `Tests/Fixtures/<relative>` read and analysed; a fixture that cannot be read stops the
    /// test run, naming the fixture and the error (every test of the suite needs it).
    public static func analysis(_ relative: String) -> CorpusAnalysis {
        let url = PackagePaths.fixture(relative)
        do {
            return CorpusAnalysis(corpus: try CorpusLoader.load(path: url.path), lexicon: try TopicLexicon.bundled())
        } catch {
            fatalError("cannot read the fixture \(relative): \(error)")
        }
    }
}
