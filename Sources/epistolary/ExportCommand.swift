import ArgumentParser
import Correspondence

// Placeholder until the export command lands; replaced by its owner.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "(not built yet)")
    func run() throws { throw EpistolaryError(.environment, "the export command is not built yet") }
}
