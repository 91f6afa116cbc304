import Analysis
import ArgumentParser
import Correspondence

/// What a paper author sets on any figure: `--width`, `--height`, `--title`, `--no-title`,
/// `--label FROM=TO` and `--labels FILE`. Shared by `graph` and `timeline`, so each figure
/// takes the same words.
struct FigureOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Printed width: 89mm (a journal column), 183mm (a page), N mm, N cm or N in.", valueName: "LENGTH"))
    var width: String?

    @Option(name: .long, help: ArgumentHelp("Printed height at most: N mm, N cm or N in (the figure is scaled to fit).", valueName: "LENGTH"))
    var height: String?

    @Option(name: .long, help: ArgumentHelp("Title to draw instead of the figure's own.", valueName: "TEXT"))
    var title: String?

    @Flag(name: .long, help: "Draw no title (the caption carries it).")
    var noTitle = false

    @Option(name: .long, help: ArgumentHelp("Show a person under another label: FROM=TO, FROM an id, name or alias (\"Clark Kerr=Kerr\"); repeat for several.", valueName: "FROM=TO"))
    var label: [String] = []

    @Option(name: .long, help: ArgumentHelp("File of labels, one FROM=TO a line (# starts a comment).", valueName: "FILE"))
    var labels: String?

    func validate() throws {
        if noTitle && title != nil { throw ValidationError("--title and --no-title exclude each other") }
        if let width, FigureSettings.millimetres(width) == nil {
            throw ValidationError("--width \"\(width)\" is not a length; write e.g. 89mm, 183mm, 12cm or 3.5in")
        }
        if let height, FigureSettings.millimetres(height) == nil {
            throw ValidationError("--height \"\(height)\" is not a length; write e.g. 60mm, 10cm or 4in")
        }
    }

    /// The settings, with labels resolved against the corpus's people (unknown names are usage errors).
    func settings(people: PersonTable) throws -> FigureSettings {
        var pairs = label.map { (text: $0, origin: "--label") }
        if let labels { pairs = try FigureSettings.labelLines(path: labels) + pairs }
        return FigureSettings(widthMM: width.flatMap(FigureSettings.millimetres), heightMM: height.flatMap(FigureSettings.millimetres),
                              title: noTitle ? .none : title.map(FigureSettings.Title.custom) ?? .automatic,
                              labels: try FigureSettings.labels(pairs, people: people))
    }
}
