import ArgumentParser
import Correspondence

// Placeholder until the timeline command lands; replaced by its owner.
struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "timeline", abstract: "(not built yet)")
    func run() throws { throw EpistolaryError(.environment, "the timeline command is not built yet") }
}
