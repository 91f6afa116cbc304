import Foundation

/// Runs the built `epistolary` binary as a user would, for every CLI test suite.
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

    /// Runs the binary with `arguments`; `environment` entries are added to this process's.
    /// Throws `NotBuilt` when the binary is missing.
    static func run(_ arguments: [String], environment: [String: String] = [:], in folder: URL? = nil) throws -> Run {
        guard FileManager.default.isExecutableFile(atPath: binary.path) else { throw NotBuilt() }
        return try run(executable: binary, arguments, environment: environment, in: folder)
    }

    /// Runs any `executable` (e.g. a validator over the binary's output) the same way.
    static func run(executable: URL, _ arguments: [String], environment: [String: String] = [:], in folder: URL? = nil) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        if let folder { process.currentDirectoryURL = folder }
        // Output goes to files, not pipes: a child that fills one pipe while the test reads the
        // other can never stall.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("epistolary-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Run(status: process.terminationStatus,
                   stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                   stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// A fresh, empty temporary folder for one test; unique per call, so tests and test cases
    /// running in parallel never share one.
    static func temporaryFolder(_ name: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("epistolary-cli-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A file `name` holding `contents`, in a fresh temporary folder of its own.
    static func temporaryFile(_ name: String, _ contents: Data) throws -> URL {
        let url = try temporaryFolder("file").appendingPathComponent(name)
        try contents.write(to: url)
        return url
    }

    /// A file `name` holding `text` as UTF-8, in a fresh temporary folder of its own.
    static func temporaryFile(_ name: String, _ text: String) throws -> URL {
        try temporaryFile(name, Data(text.utf8))
    }
}
