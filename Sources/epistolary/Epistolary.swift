import ArgumentParser
import Correspondence
import Foundation

/// The command-line tool: parses arguments and wires the modules together, nothing else.
@main
struct Epistolary: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "epistolary",
        abstract: "Network and timeline figures, and graph exports, from a corpus of historical correspondence.",
        discussion: "Every command reads the bundled war telegrams of 1941-1945 unless --corpus names another corpus.",
        version: EpistolaryVersion.current,
        subcommands: [
            FiguresCommand.self,
            GraphCommand.self,
            TimelineCommand.self,
            ExportCommand.self,
            MessagesCommand.self,
            ExplainCommand.self,
            TopicsCommand.self,
            ReportCommand.self,
            StylesCommand.self,
            DoctorCommand.self,
        ]
    )

    /// Runs the tool, mapping errors to the exit codes of DESIGN decision 8.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            guard let known = ErrorTranslation.epistolaryError(error) else { exit(withError: error) }
            FileHandle.standardError.write(Data("epistolary: \(known)\n".utf8))
            Foundation.exit(known.exitCode)
        }
    }
}

enum EpistolaryVersion {
    static let current = "0.1.0"
}
