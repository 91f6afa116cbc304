import Foundation
import Synchronization

/// Where `StandardOutput` and `StandardError` write while a command runs in process: tests run
/// the command types themselves (`Epistolary.run(arguments)`) inside
/// `OutputCapture.$current.withValue(capture) { ... }` and read what a user would have seen.
/// Outside such a scope (the real tool) nothing is captured and the streams are the process's.
public final class OutputCapture: Sendable {
    /// The capture of the running task, if any.
    @TaskLocal public static var current: OutputCapture?

    private let streams = Mutex<(out: Data, err: Data)>((Data(), Data()))

    public init() {}

    func appendOutput(_ data: Data) { streams.withLock { $0.out.append(data) } }
    func appendError(_ data: Data) { streams.withLock { $0.err.append(data) } }

    /// What was written to standard output, as UTF-8 text.
    public var standardOutput: String { String(decoding: streams.withLock { $0.out }, as: UTF8.self) }
    /// What was written to standard error, as UTF-8 text.
    public var standardError: String { String(decoding: streams.withLock { $0.err }, as: UTF8.self) }
}
