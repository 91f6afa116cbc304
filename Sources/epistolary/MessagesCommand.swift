import ArgumentParser
import Correspondence

// Placeholder until the messages command lands; replaced by its owner.
struct MessagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "messages", abstract: "(not built yet)")
    func run() throws { throw EpistolaryError(.environment, "the messages command is not built yet") }
}
