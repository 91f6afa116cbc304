import ArgumentParser
import Correspondence

// Placeholder until the figures command lands; replaced by its owner.
struct FiguresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "figures", abstract: "(not built yet)")
    func run() throws { throw EpistolaryError(.environment, "the figures command is not built yet") }
}
