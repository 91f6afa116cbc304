import ArgumentParser
import Correspondence

// Placeholder until the explain command lands; replaced by its owner.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "(not built yet)")
    func run() throws { throw EpistolaryError(.environment, "the explain command is not built yet") }
}
