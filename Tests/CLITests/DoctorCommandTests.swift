import Foundation
import Testing

/// `epistolary doctor` run as the built binary: healthy here (and running on jemalloc), exit 3
/// naming the fix when a font or Graphviz's plugins are missing.
@Suite(.serialized) struct DoctorCommandTests {
    @Test func healthyMachinePassesEveryCheck() throws {
        let run = try CLIRunner.run(["doctor"])
        #expect(run.status == 0, "\(run.stderr)")
        for name in ["layout dot", "layout neato", "layout fdp", "layout sfdp", "layout circo", "layout twopi", "layout nop2",
                     "graph format svg", "graph format png", "graph format pdf",
                     "timeline format svg", "timeline format png", "timeline format pdf"] {
            #expect(run.stdout.contains("ok      \(name)"), "\(name) not reported working")
        }
        #expect(run.stdout.contains("DejaVu Serif -> /"))
        #expect(!run.stdout.contains("MISSING"))
        #if os(Linux)
        // The tool's malloc is jemalloc's (Package.swift links it; DESIGN.md says why), with
        // the version jemalloc itself reports.
        #expect(run.stdout.contains("Allocator: jemalloc 5."), "\(run.stdout)")
        #endif
    }

    @Test func missingFontExitsThreeNamingThePackage() throws {
        let folder = try CLIRunner.temporaryFolder("doctor-font")
        let sheet = folder.appendingPathComponent("nofont.toml")
        try "[fonts.label]\nfamily = \"Nonexistent Typeface Zz\"\n".write(to: sheet, atomically: true, encoding: .utf8)
        let run = try CLIRunner.run(["doctor", "--style", "paper,\(sheet.path)"])
        #expect(run.status == 3)
        #expect(run.stdout.contains("MISSING Nonexistent Typeface Zz"))
        #expect(run.stderr.contains("font Nonexistent Typeface Zz"))
        #expect(run.stderr.contains("apt-get install -y fonts-dejavu-core"))
    }

    @Test func missingGraphvizPluginsExitThree() throws {
        // An empty plugin folder: Graphviz then knows no layout or renderer.
        let folder = try CLIRunner.temporaryFolder("doctor-plugins")
        let run = try CLIRunner.run(["doctor"], environment: ["GVBINDIR": folder.path])
        #expect(run.status == 3)
        #expect(run.stdout.contains("MISSING layout dot"))
        #expect(run.stderr.contains("libgvc6"))
    }
}
