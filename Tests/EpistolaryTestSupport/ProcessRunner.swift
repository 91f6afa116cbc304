import Foundation

/// Runs a program as a user would, for the few tests that must launch one (the built binary's
/// smoke tests, validators such as xmllint, Python consumers of the exports).
///
/// Output goes to files, not pipes: a child that fills one pipe while the test reads the other
/// can never stall, whatever order the streams are read in.
public enum ProcessRunner {
    /// What a run ended with.
    public struct Run: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
        /// Standard output and standard error together, in that order.
        public var output: String { stdout + stderr }
    }

    /// Runs `executable` with `arguments`; `environment` entries are added to this process's.
    /// A bare name ("xmllint", "python3") is looked up on the PATH.
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                           in folder: URL? = nil, standardInput: Data? = nil) throws -> Run {
        let process = Process()
        if executable.contains("/") {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [executable] + arguments
        }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        if let folder { process.currentDirectoryURL = folder }
        let scratch = try TestFolders.make("run")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        let inURL = scratch.appendingPathComponent("stdin")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        try (standardInput ?? Data()).write(to: inURL)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let input = try FileHandle(forReadingFrom: inURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        try input.close()
        return Run(status: process.terminationStatus,
                   stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                   stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// True when `executable` is on the PATH.
    public static func available(_ executable: String) -> Bool {
        (try? run("sh", ["-c", "command -v \"$0\"", executable]).status) == 0
    }
}
