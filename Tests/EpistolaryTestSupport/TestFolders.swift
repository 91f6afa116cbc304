import Foundation

/// Temporary folders for tests, all under one folder of this test process that is removed
/// when the process exits: a test that fails half-way leaves nothing behind either.
public enum TestFolders {
    /// This process's folder: `$TMPDIR/epistolary-tests-PID`, removed at exit.
    public static let root: URL = {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("epistolary-tests-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: TestFolders.root) }
        return url
    }()

    /// A fresh, empty folder, unique per call, so tests running in parallel never share one.
    public static func make(_ name: String) throws -> URL {
        let url = root.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A file `name` holding `contents`, in a fresh folder of its own.
    public static func file(_ name: String, _ contents: Data) throws -> URL {
        let url = try make("file").appendingPathComponent(name)
        try contents.write(to: url)
        return url
    }

    /// A file `name` holding `text` as UTF-8, in a fresh folder of its own.
    public static func file(_ name: String, _ text: String) throws -> URL {
        try file(name, Data(text.utf8))
    }
}
