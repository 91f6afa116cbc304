import ArgumentParser
import Correspondence
import Foundation

/// The size and title of a figure: `--width`, `--height`, `--title`, `--no-title`. Shared by
/// every figure command, so the same words size every figure.
struct FigureSizeOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Figure width: 89mm (a journal column), 183mm (a page), N mm, N cm or N in. Default: the style's page width.", valueName: "LENGTH"))
    var width: String?

    @Option(name: .long, help: ArgumentHelp("Figure height (same units as --width). Default: the style's page height; a timeline grows past it rather than cut anything off.", valueName: "LENGTH"))
    var height: String?

    @Option(name: .long, help: ArgumentHelp("Title printed on the figure, replacing its own (titles use names, not ids).", valueName: "TEXT"))
    var title: String?

    @Flag(name: .customLong("no-title"), help: "Print no title on the figure (leave it to the caption).")
    var noTitle = false

    func validate() throws {
        if noTitle && title != nil { throw ValidationError("--title and --no-title exclude each other") }
        _ = try widthMM()
        _ = try heightMM()
    }

    func widthMM() throws -> Double? { try width.map { try Self.millimetres($0, option: "--width") } }
    func heightMM() throws -> Double? { try height.map { try Self.millimetres($0, option: "--height") } }

    /// Whether to print a title: false for `--no-title`, true for `--title`, nil for the style's choice.
    var showTitle: Bool? { noTitle ? false : (title != nil ? true : nil) }

    /// A length in millimetres from "89mm", "8.9 cm", "3.5in" or a bare number of millimetres.
    static func millimetres(_ text: String, option: String) throws -> Double {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(String, Double)] = [("mm", 1), ("cm", 10), ("in", 25.4), ("\"", 25.4)]
        var value = t, factor = 1.0
        for (suffix, f) in units where t.hasSuffix(suffix) {
            value = String(t.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
            factor = f
            break
        }
        guard let number = Double(value), number.isFinite, number > 0 else {
            throw EpistolaryError(.badUsage, "\(option) \"\(text)\" is not a length; write e.g. 89mm, 183mm, 12cm or 3.5in")
        }
        let mm = number * factor
        guard (20...2000).contains(mm) else {
            throw EpistolaryError(.badUsage, "\(option) \(text) is \(Int(mm.rounded())) mm; a figure is 20 to 2000 mm")
        }
        return mm
    }
}
