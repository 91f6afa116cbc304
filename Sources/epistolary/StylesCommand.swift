import ArgumentParser
import Correspondence

// Placeholder until the styles command lands; replaced by its owner.
struct StylesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "styles", abstract: "(not built yet)")
    func run() throws { throw EpistolaryError(.environment, "the styles command is not built yet") }
}
