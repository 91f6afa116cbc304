import ArgumentParser
import Correspondence

// Placeholder until the graph command lands; replaced by its owner.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "graph", abstract: "(not built yet)")
    func run() throws { throw EpistolaryError(.environment, "the graph command is not built yet") }
}
