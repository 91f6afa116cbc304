import Correspondence
import Foundation
import Testing
import TOMLReader
@testable import Styling

/// A theme sheet over the TOML reader's size limit is bad data (exit 1, the file named), as a
/// topic lexicon over it is; only a sheet that cannot be read at all is a usage error.
@Suite struct SheetSizeTests {
    func kind(ofLoading path: String) -> EpistolaryError? {
        do {
            _ = try ThemeLoader.sheet(path)
            return nil
        } catch let error as EpistolaryError {
            return error
        } catch {
            Issue.record("unexpected error type: \(error)")
            return nil
        }
    }

    @Test func aSheetOverTheSizeLimitIsBadData() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sheet-size-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("huge.toml").path
        // Valid TOML all through (comments), one byte over the limit.
        let line = "# " + String(repeating: "x", count: 1021) + "\n"
        var text = String(repeating: line, count: TOMLDocument.maxFileBytes / line.utf8.count + 1)
        text = String(text.utf8.prefix(TOMLDocument.maxFileBytes + 1))!
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let error = try #require(kind(ofLoading: path))
        #expect(error.kind == .badData)
        #expect(error.exitCode == 1)
        #expect(error.file == path)
        #expect(error.description.contains("larger than \(TOMLDocument.maxFileBytes) bytes"))

        // At the limit exactly, it is read (and parses: comments only, an empty sheet).
        try String(text.utf8.prefix(TOMLDocument.maxFileBytes - 1))!.appending("\n").write(toFile: path, atomically: false, encoding: .utf8)
        #expect(kind(ofLoading: path) == nil)

        // A sheet that is a folder cannot be read at all: usage.
        let unreadable = try #require(kind(ofLoading: folder.path + "/"))
        #expect(unreadable.kind == .badUsage)
    }
}
