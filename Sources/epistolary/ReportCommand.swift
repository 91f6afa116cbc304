import ArgumentParser
import Correspondence

// Placeholder until the report command lands; replaced by its owner.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "(not built yet)")
    func run() throws { throw EpistolaryError(.environment, "the report command is not built yet") }
}
