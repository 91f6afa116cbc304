import Analysis
import ArgumentParser
import Correspondence
import Foundation

/// `epistolary explain ID`: everything the tool believes about one message and why.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain one message: its fields and their lines, references, reply chain, topics and mentions.",
        discussion: "ID is a message id as listed by `epistolary messages` (e.g. 1942-07-23-stalin-churchill) or an inferred message id (in-...). An unknown id exits with status 1 and the nearest ids.")

    @Argument(help: "The message id.")
    var id: String

    @OptionGroup var input: AnalysisOptions

    func run() throws {
        let analysis = try input.analyse()
        let explanation = try MessageExplanation(id: id, analysis: analysis)
        try StandardOutput.write(explanation.text)
    }
}
