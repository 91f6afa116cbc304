import ArgumentParser
import Correspondence
import Foundation
import GraphRender
import Styling
import TimelineRender

/// `epistolary doctor`: checks, in this process, everything the figures need from the
/// machine (Graphviz layouts and formats, Cairo formats, the theme's fonts) and names the
/// package that installs whatever is missing; it also names the allocator `malloc` is bound to
/// (`ProcessAllocator`). Exit 3 when anything is missing.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check Graphviz, Cairo and fonts in process; exit 3 naming what is missing."
    )

    @OptionGroup var style: StyleOptions

    func run() throws {
        let theme = try style.loadTheme()
        let families = Array(Set([theme.fonts.title.family, theme.fonts.label.family, theme.fonts.tick.family,
                                  theme.fonts.legend.family, theme.fonts.note.family])).sorted()
        var missing: [(what: String, fix: String)] = []
        func say(_ text: String) { try? StandardOutput.write(text + "\n") }
        func line(_ ok: Bool, _ text: String) { say("\(ok ? "ok     " : "MISSING") \(text)") }

        let graphviz = GraphvizEngine.shared.diagnostics(fontFamily: families.first ?? "DejaVu Sans")
        say("Graphviz \(graphviz.version) (in process, libgvc)")
        for check in graphviz.layouts {
            line(check.works, "layout \(check.name)\(check.problem.map { ": \($0)" } ?? "")")
            if !check.works { missing.append(("Graphviz layout \(check.name)", "apt-get install -y libgvc6 (its install step writes the plugin list config6a)")) }
        }
        for check in graphviz.formats {
            line(check.works, "graph format \(check.name)\(check.problem.map { ": \($0)" } ?? "")")
            if !check.works { missing.append(("Graphviz format \(check.name)", "apt-get install -y libgvc6")) }
        }

        let cairo = CairoDiagnostics.probe(fontFamily: theme.fonts.label.family)
        say("Cairo \(cairo.version) (in process)")
        for check in cairo.formats {
            line(check.works, "timeline format \(check.name)\(check.problem.map { ": \($0)" } ?? "")")
            if !check.works { missing.append(("Cairo format \(check.name)", "apt-get install -y libcairo2")) }
        }

        say("Allocator: \(ProcessAllocator.description)")

        say("Fonts of the theme '\(style.style)'")
        for family in families {
            let font = GraphvizEngine.resolveFontFile(family: family)
            let exact = font.map { $0.family.lowercased() == family.lowercased() } ?? false
            line(exact, "\(family) -> \(font.map { "\($0.file) (\($0.family))" } ?? "no font file")")
            if !exact { missing.append(("font \(family)", "apt-get install -y fonts-dejavu-core")) }
        }

        guard missing.isEmpty else {
            let list = missing.map(\.what).joined(separator: ", ")
            let fixes = Array(Set(missing.map(\.fix))).sorted().joined(separator: "; ")
            throw EpistolaryError(.environment, "missing: \(list). Install with: \(fixes)")
        }
        say("Everything the figures need is here.")
    }
}
