import Analysis
import ArgumentParser
import Correspondence
import Foundation

/// `epistolary topics`: help for a user who brings a corpus of their own and needs a topic
/// lexicon (the bundled one is about the war telegrams only): `suggest` writes a starter
/// lexicon, `check` shows which terms of a lexicon overreach.
struct TopicsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topics",
        abstract: "Suggest a starter topic lexicon for a corpus with text, or check the terms of a lexicon.",
        subcommands: [TopicsSuggestCommand.self, TopicsCheckCommand.self])
}

/// `epistolary topics suggest`: candidate threads of a corpus as a starter lexicon (TOML).
struct TopicsSuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Propose candidate topic threads of a corpus with text, written as a starter lexicon (TOML).",
        discussion: "Terms (words and two-word collocations) that are distinctive in a period (year, or quarter for a corpus within two calendar years) against the whole corpus, recur within letters, or are names or bound collocations, grouped when they occur in the same letters; threads ranked by how far their leading terms share letters beyond chance, how exclusive and how specific they are (words spread evenly over the corpus lead none). Each term carries, as a comment, the messages it occurs in and example source lines. Edit the file, then use it with --topics; `epistolary topics check --topics FILE` shows which terms overreach.")

    @Option(name: .long, help: ArgumentHelp(
        "Corpus to read: telegram text (.txt, .md), CSV (.csv) or CMIF (.xml). Default: the bundled war telegrams.",
        valueName: "FILE"))
    var corpus: String?

    @Option(name: .long, help: ArgumentHelp("Write the lexicon to FILE instead of standard output.", valueName: "FILE"))
    var output: String?

    @Option(name: .long, help: "How many threads to propose (1-100).")
    var threads: Int = 10

    @Option(name: .long, help: "How many terms a thread keeps at most (2-50).")
    var terms: Int = 10

    func validate() throws {
        guard (1...100).contains(threads) else { throw ValidationError("--threads must be between 1 and 100, not \(threads)") }
        guard (2...50).contains(terms) else { throw ValidationError("--terms must be between 2 and 50, not \(terms)") }
    }

    func run() throws {
        let loaded = try CorpusLoader.load(path: corpus)
        let text = try TopicsSuggestCommand.lexicon(for: loaded, threads: threads, terms: terms)
        if let output {
            try AtomicFile.write(text, to: URL(fileURLWithPath: output))
        } else {
            try StandardOutput.write(text)
        }
    }

    /// The starter lexicon of a corpus.
    static func lexicon(for corpus: Corpus, threads: Int = 10, terms: Int = 10) throws -> String {
        let suggester = TopicSuggester(maxThreads: threads, maxTermsPerThread: terms)
        let found = try suggester.suggest(corpus.messages)
        let withText = corpus.messages.filter(TopicSuggester.hasText).count
        return StarterLexicon.toml(found, source: corpus.sourceName, messagesWithText: withText)
    }
}

/// `epistolary topics check --topics FILE`: per term, the messages it matches.
struct TopicsCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "For each term of a topic lexicon: how many messages it matches, how many of them the topic keeps, and example lines.",
        discussion: "A term marked '!' matches three or more messages of which the topic keeps fewer than half: it overreaches, or its weight is too low to matter. A term marked '0' matches nothing. Without --topics the bundled lexicon is checked.")

    @OptionGroup var input: AnalysisOptions

    func run() throws {
        let analysis = try input.analyse()
        let check = TermCheck(messages: analysis.messages, lexicon: analysis.lexicon, assigned: analysis.topicAssignments)
        try StandardOutput.write(check.text)
    }
}
