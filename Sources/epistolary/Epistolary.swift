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
        // A closed pipe is a write error with a reason (EPIPE), not a silent death by SIGPIPE;
        // an interrupt removes this run's temporary files before the process ends.
        signal(SIGPIPE, SIG_IGN)
        TemporaryFiles.removeOnSignals()
        ProcessEnd.shared.keepUntilExit()
        let code = run(CommandLine.arguments.dropFirst().map { $0 })
        Foundation.exit(code)
    }

    /// Runs one command line and returns its exit code (DESIGN decision 8), printing what
    /// the user must see: help and the version to standard output, errors to standard error.
    static func run(_ arguments: [String]) -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            return 0
        } catch {
            if let known = ErrorTranslation.epistolaryError(error) {
                StandardError.write("epistolary: \(known)\n")
                return known.exitCode
            }
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { try? StandardOutput.write(message + "\n") }   // --help, --version
                return 0
            }
            if !message.isEmpty { StandardError.write(message + "\n") }
            // ArgumentParser's usage errors exit 64 (EX_USAGE); the documented code is 2.
            return code == .validationFailure ? EpistolaryError.Kind.badUsage.rawValue : code.rawValue
        }
    }
}

enum EpistolaryVersion {
    static let current = "0.1.0"
}
