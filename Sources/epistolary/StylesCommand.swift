import ArgumentParser
import Correspondence
import Foundation
import Styling
import TOMLReader

/// `epistolary styles list` and `epistolary styles show SPEC`: the bundled theme sheets, and the
/// full theme a style spec gives, as a TOML sheet a user can copy and edit.
struct StylesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "styles",
        abstract: "List the theme sheets, or show the full theme a style gives.",
        discussion: """
        A style is a comma-separated list of sheets merged left to right over 'base', e.g.
        'paper,colorblind'. An element containing '/' or ending in .toml is a path to your own
        sheet: start from 'epistolary styles show paper > mine.toml' and keep only what you change.
        """,
        subcommands: [List.self, Show.self],
        defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the bundled sheets, one line each.")

        func run() throws {
            let catalogue = try StyleOptions.mappingErrors { try ThemeLoader.catalogue() }
            let width = catalogue.map(\.name.count).max() ?? 0
            var out = ""
            for sheet in catalogue {
                let padding = String(repeating: " ", count: width - sheet.name.count)
                let mark = sheet.name == ThemeLoader.defaultSpec ? " (default)" : ""
                out += "\(sheet.name)\(padding)  \(sheet.description)\(mark)\n"
            }
            try StandardOutput.write(out)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the fully merged theme of a style as TOML, every key in a stable order.")

        @Argument(help: "A style: sheet names and/or paths, comma-separated (e.g. paper,colorblind).")
        var style: String = ThemeLoader.defaultSpec

        func run() throws {
            let settings = try StyleOptions.mappingErrors {
                _ = try ThemeLoader.load(spec: style)   // validates the merged theme completely
                return try ThemeLoader.settings(spec: style)
            }
            try StandardOutput.write(settings.tomlText)
        }
    }
}

/// The `--style` option every figure command takes, and the mapping of theme errors to the
/// exit codes of DESIGN decision 8 (unknown style or unreadable path: usage; bad sheet: data).
struct StyleOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Theme sheets merged left to right over base: names (see 'styles list') or paths to .toml sheets.",
        valueName: "style"))
    var style: String = ThemeLoader.defaultSpec

    /// The theme for `--style`, with errors as `EpistolaryError`.
    func loadTheme() throws -> Theme {
        // Sheets given by path are inputs: no output of this run may replace one.
        for element in (try? ThemeLoader.elements(of: style)) ?? [] where ThemeLoader.isPath(element) {
            InputFiles.note(element)
        }
        return try Self.mappingErrors { try ThemeLoader.load(spec: style) }
    }

    /// Runs `body`, turning `TOMLError` into `EpistolaryError`.
    static func mappingErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw ErrorTranslation.epistolaryError(error) ?? error
        }
    }
}
