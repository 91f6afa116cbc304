import ArgumentParser
import Correspondence

// Placeholder until the doctor command lands; replaced by its owner.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "doctor", abstract: "(not built yet)")
    func run() throws { throw EpistolaryError(.environment, "the doctor command is not built yet") }
}
