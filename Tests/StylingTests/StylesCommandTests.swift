import EpistolaryTestSupport
import Foundation
import Testing
@testable import Styling

/// `epistolary styles` run as the built binary: output, exit codes, any working directory.
@Suite struct StylesCommandTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The built `epistolary` next to the test bundle (swift test builds it for CLITests).
    static let binary: URL? = {
        var folders = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        if let exe = Bundle.main.executableURL { folders.append(exe.deletingLastPathComponent()) }
        folders.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug"))
        return folders.map { $0.appendingPathComponent("epistolary") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    func run(_ arguments: [String], in folder: URL? = nil, executable: URL? = nil) throws -> Run {
        guard let binary = executable ?? Self.binary else {
            Issue.record("the epistolary binary is not built")
            return Run(status: -1, stdout: "", stderr: "")
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        var environment = ProcessInfo.processInfo.environment
        environment["EPISTOLARY_STYLES"] = nil
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    func temporaryFolder() throws -> URL {
        try TestFolders.make("styles-cli")
    }

    @Test func listNamesEverySheetWithADescription() throws {
        let result = try run(["styles", "list"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.map { String($0.prefix { $0 != " " }) } == ["base", "colorblind", "dark", "grayscale", "paper", "presentation"])
        #expect(lines.allSatisfy { $0.split(separator: " ", omittingEmptySubsequences: true).count > 2 })
        #expect(lines.first { $0.hasPrefix("paper ") }?.hasSuffix("(default)") == true)
        #expect(try run(["styles"]).stdout == result.stdout, "list is the default")
    }

    @Test func showPrintsTheMergedThemeFromAnyFolder() throws {
        let folder = try temporaryFolder()
        let result = try run(["styles", "show", "paper,colorblind"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("# Theme merged from: base, paper, colorblind\n"))
        let sheet = try ThemeSheet.parse(result.stdout, name: "shown", file: "shown.toml")
        #expect(sheet.keys == ThemeSchema.fields.map(\.key))
        #expect(sheet.values["palette.people.colors"]?.value == (try ThemeLoader.settings(spec: "colorblind")).values["palette.people.colors"]?.value)
        #expect(try run(["styles", "show"], in: folder).stdout == (try ThemeLoader.settings(spec: "paper")).tomlText)
        // A user's sheet, by a path relative to the working folder.
        try "[page]\ndpi = 300\n".write(to: folder.appendingPathComponent("mine.toml"), atomically: true, encoding: .utf8)
        let mine = try run(["styles", "show", "paper,mine.toml"], in: folder)
        #expect(mine.status == 0)
        #expect(mine.stdout.contains("\ndpi = 300 "))
    }

    @Test func theBinaryFindsItsSheetsThroughASymlink() throws {
        guard let binary = Self.binary else { Issue.record("not built"); return }
        let folder = try temporaryFolder()
        let link = folder.appendingPathComponent("epistolary")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: binary)
        let result = try run(["styles", "show", "grayscale"], in: folder, executable: link)
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func exitCodes() throws {
        let folder = try temporaryFolder()
        let unknown = try run(["styles", "show", "colourblind"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown style \"colourblind\"; did you mean colorblind?"))
        #expect(unknown.stdout.isEmpty)

        let bad = folder.appendingPathComponent("bad.toml")
        try "[page]\nwidth_mm = 89\n\n[timeline.lane]\nheigth_mm = 5\n".write(to: bad, atomically: true, encoding: .utf8)
        let badSheet = try run(["styles", "show", "paper,\(bad.path)"])
        #expect(badSheet.status == 1)
        #expect(badSheet.stderr == "epistolary: \(bad.path):5: unknown key timeline.lane.heigth_mm; did you mean timeline.lane.height_mm?\n")
        #expect(badSheet.stdout.isEmpty, "no partial output")

        try "[colors]\nink = \"#00000\"\n".write(to: bad, atomically: true, encoding: .utf8)
        let badColour = try run(["styles", "show", bad.path])
        #expect(badColour.status == 1)
        #expect(badColour.stderr.contains("bad.toml:2: bad colour \"#00000\" for key colors.ink"))

        let missing = try run(["styles", "show", "paper,/nonexistent/mine.toml"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/mine.toml"))

        #expect(try run(["styles", "show", "paper,,dark"]).status == 2)
        #expect(try run(["styles", "bogus"]).status != 0)
    }
}
