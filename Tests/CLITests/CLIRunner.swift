import Correspondence
@testable import EpistolaryCLI
import EpistolaryTestSupport
import Foundation
import Synchronization

/// Runs command lines for every CLI test suite: in process through the command types, or,
/// for the few smoke tests, the built `epistolary` binary.
enum CLIRunner {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Thrown when the binary has not been built: the test fails saying so instead of running nothing.
    struct NotBuilt: Error, CustomStringConvertible {
        var description: String {
            "the epistolary binary was not found next to the tests or in .build (run swift build first)"
        }
    }

    /// The package's root folder.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Where the built binary may be: next to the test bundle or runner, else in the package's
    /// .build/debug or .build/release.
    static var candidates: [URL] {
        var urls = [
            Bundle.main.bundleURL.appendingPathComponent("epistolary"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("epistolary"),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("epistolary"),
        ]
        if let executable = Bundle.main.executableURL {
            urls.append(executable.deletingLastPathComponent().appendingPathComponent("epistolary"))
        }
        urls += Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent().appendingPathComponent("epistolary") }
        urls += ["debug", "release"].map { packageRoot.appendingPathComponent(".build/\($0)/epistolary") }
        return urls
    }

    /// The built binary: the first executable candidate, else the .build/debug path (which then fails to run).
    static var binary: URL {
        candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
            ?? packageRoot.appendingPathComponent(".build/debug/epistolary")
    }

    /// Runs one command line as the tool would, and returns its exit code and output.
    ///
    /// The command runs in this process, through the command types (`Epistolary.run`), with its
    /// standard output and error captured: no launch, no second read of the corpus's binary.
    /// A run that needs what only a separate process has (its own environment variables, its
    /// own working folder) launches the built binary instead.
    static func run(_ arguments: [String], environment: [String: String] = [:], in folder: URL? = nil) throws -> Run {
        guard environment.isEmpty, folder == nil else { return try runBinary(arguments, environment: environment, in: folder) }
        // One command at a time, each with only its own inputs noted: the input guard keys
        // files by inode, and a file another test deleted may hand its inode to this run's output.
        return inProcess.withLock { _ in
            InputFiles.reset()
            let capture = OutputCapture()
            let status = OutputCapture.$current.withValue(capture) { Epistolary.run(arguments) }
            return Run(status: status, stdout: capture.standardOutput, stderr: capture.standardError)
        }
    }

    /// Runs `body` (a command's own steps, called directly rather than through `run`) in the
    /// same turn as in-process commands: one at a time, with only its own inputs noted.
    static func inTurn<T: Sendable>(_ body: () throws -> T) throws -> T {
        try inProcess.withLock { _ in
            InputFiles.reset()
            return try body()
        }
    }

    /// Held while a command runs in process.
    private static let inProcess = Mutex(())

    /// Runs the built binary with `arguments`, as a user would (the smoke tests, and runs that
    /// need their own environment or folder). Throws `NotBuilt` when the binary is missing.
    static func runBinary(_ arguments: [String], environment: [String: String] = [:], in folder: URL? = nil) throws -> Run {
        guard FileManager.default.isExecutableFile(atPath: binary.path) else { throw NotBuilt() }
        return try run(executable: binary, arguments, environment: environment, in: folder)
    }

    /// Runs any `executable` (e.g. a validator over the tool's output) through the one process runner.
    static func run(executable: URL, _ arguments: [String], environment: [String: String] = [:], in folder: URL? = nil) throws -> Run {
        let run = try ProcessRunner.run(executable.path, arguments, environment: environment, in: folder)
        return Run(status: run.status, stdout: run.stdout, stderr: run.stderr)
    }

    /// A fresh, empty temporary folder for one test, removed when the test process exits.
    static func temporaryFolder(_ name: String) throws -> URL { try TestFolders.make("cli-\(name)") }

    /// A file `name` holding `contents`, in a fresh temporary folder of its own.
    static func temporaryFile(_ name: String, _ contents: Data) throws -> URL { try TestFolders.file(name, contents) }

    /// A file `name` holding `text` as UTF-8, in a fresh temporary folder of its own.
    static func temporaryFile(_ name: String, _ text: String) throws -> URL { try TestFolders.file(name, text) }
}
