import Analysis
import Correspondence
import Drawing
import Foundation
@testable import GraphRender
@testable import Styling
import Testing
@testable import TimelineRender

/// Every key of the theme schema changes some output: a key that changes nothing is a promise
/// the figures do not keep. Each key in turn is set to another valid value over the paper
/// style, and the figures it concerns are drawn again in process (graph DOT, timeline scenes;
/// figures fitted by Graphviz, SVG and PNG files only for the keys that need them) until one
/// output differs from the paper style's.
@Suite("Theme keys change output", .serialized)
struct ThemeKeyEffectTests {
    /// One way to draw a figure: its name and what it draws for a theme (the bytes it writes,
    /// or a timeline's laid-out scene, every item of which is painted).
    struct Probe {
        var name: String
        var draw: @Sendable (Theme) throws -> AnyHashable
    }

    static let analysis = FigureFixtures.analysis

    static func context(_ theme: Theme, wide: Bool = false) -> FigureContext {
        FigureContext(analysis: analysis, theme: theme, wide: wide, styleSpec: "test")
    }

    /// Graph DOT as the figure types write it, without Graphviz's fitting: cheap.
    static let graphDOT: [Probe] = [
        Probe(name: "correspondents DOT") { theme in
            Array(CorrespondentsFigure(context: context(theme), engine: LayoutEngine(theme.graph.layout), minimumWeight: nil).figure().dot.utf8)
        },
        Probe(name: "replies DOT") { Array(try RepliesFigure(context: context($0)).figure().dot.utf8) },
        Probe(name: "topics DOT") { Array(TopicsFigure(context: context($0)).figure().dot.utf8) },
        Probe(name: "mentions DOT") { Array(MentionsFigure(context: context($0), engine: .neato, minimumWeight: nil).figure().dot.utf8) },
        Probe(name: "matrix DOT") { Array(MatrixFigure(context: context($0), peopleLimit: nil, order: .activity).figure().dot.utf8) },
        Probe(name: "wide correspondents DOT") { theme in
            let wide = context(theme, wide: true)
            let figure = CorrespondentsFigure(context: wide, engine: .dot, minimumWeight: nil).figure()
            return Array(try GraphFigure.exactPage(figure, style: GraphRender.FigureStyle(context: wide)).dot.utf8)
        },
    ]

    /// The timeline of each kind as laid out (the scene the painter draws, item by item).
    static let timelineScene: [Probe] = TimelineKind.allCases.map { kind in
        Probe(name: "\(kind.rawValue) timeline scene") { theme in
            let maker = try TimelineFigureMaker(theme: theme, styleName: "test", events: try EventCalendar.bundled())
            return try maker.figure(kind, analysis: analysis).figure.scene
        }
    }

    /// A correspondents timeline of four letters, two of them in one lane's row joined by a
    /// reply arc (the bundled corpus has no reply within one row, where the arc keys apply).
    static let arcProbe = Probe(name: "one-row reply timeline SVG") { theme in
        func day(_ d: Int) -> HistoricalDate { HistoricalDate(exactly: Day(year: 1900, month: 3, day: d)!, evidence: .sentOn) }
        let entries = [
            TimelineEntry(id: "a", date: day(1), sender: "x", recipients: ["y"], inferred: false),
            TimelineEntry(id: "b", date: day(2), sender: "y", recipients: ["x"], inferred: false),
            TimelineEntry(id: "c", date: day(20), sender: "x", recipients: ["y"], inferred: false),
            TimelineEntry(id: "d", date: day(28), sender: "x", recipients: ["z"], inferred: false),
        ]
        let data = TimelineData(sourceName: "probe", sourceHash: "", entries: entries, links: [TimelineLink(from: "c", to: "a")],
                                topics: [], personKeys: ["x", "y", "z"], names: ["x": "X", "y": "Y", "z": "Z"], latency: [])
        let style = TimelineRender.FigureStyle(theme: theme, categories: theme.peopleStyles(data.personKeys), name: "probe")
        let figure = try TimelineLayout.layout(.correspondents, data: data, style: style, events: try EventCalendar.bundled(), measurer: try TextMeasurer())
        return figure.scene
    }

    /// Slower outputs, tried only when nothing above changed: a graph fitted by Graphviz, PNGs.
    static let slow: [Probe] = [
        Probe(name: "correspondents fitted DOT") { Array(try GraphFigure.build(.correspondents, context: context($0)).dot.utf8) },
        Probe(name: "correspondents timeline SVG") { theme in
            let maker = try TimelineFigureMaker(theme: theme, styleName: "test", events: try EventCalendar.bundled())
            return Array(try maker.render(try maker.figure(.correspondents, analysis: analysis).figure, as: .svg))
        },
        Probe(name: "volume timeline PNG") { theme in
            let maker = try TimelineFigureMaker(theme: theme, styleName: "test", events: try EventCalendar.bundled())
            return Array(try maker.render(try maker.figure(.volume, analysis: analysis).figure, as: .png))
        },
    ]

    /// The probes a key concerns, cheapest first.
    static func probes(for key: String) -> [Probe] {
        let table = key.split(separator: ".").first.map(String.init) ?? ""
        switch table {
        case "graph": return graphDOT + slow.prefix(1)
        case "timeline", "legend": return timelineScene + [arcProbe]
        default: return graphDOT + timelineScene + slow
        }
    }

    /// Keys whose effect shows only with another key set: that key, set in both the baseline
    /// and the changed theme (a title font needs a printed title, a rule colour a rule).
    static let contexts: [String: [(String, String)]] = [
        "fonts.title.family": [("page.show_title", "true")], "fonts.title.size_pt": [("page.show_title", "true")],
        "fonts.title.weight": [("page.show_title", "true")], "fonts.title.italic": [("page.show_title", "true")],
        "timeline.lane.separator": [("timeline.lane.separator_width_pt", "0.5")],
        "graph.node.fill": [("graph.node.fill_by_category", "false")],
        "colors.highlight": [("graph.edge.color_by_sender", "false"), ("graph.edge.color", "\"highlight\"")],
        "page.wide_height_mm": [("page.exact_size", "true")], "page.wide_width_mm": [("page.exact_size", "true")],
    ]

    /// Other valid values for `field`, as a sheet writes them, the likeliest to matter first:
    /// a number grown and shrunk, then the ends of its range.
    static func otherValues(_ field: ThemeSchema.Field, current: ThemeSetting) -> [String] {
        switch (field.kind, current) {
        case (.number(let range), .number(let x)):
            let candidates = [x * 1.5 + 0.5, x / 2, range.upperBound, range.lowerBound].map { ($0 * 100).rounded() / 100 }
            return candidates.filter { range.contains($0) && abs($0 - x) > 1e-9 }.map { ThemeSetting.number($0).tomlText }
        case (.integer(let range), .integer(let n)):
            let candidates = [n / 2, range.lowerBound, n * 2, range.upperBound]
            return candidates.filter { range.contains($0) && $0 != n }.map(String.init)
        default:
            return [otherValue(field, current: current)]
        }
    }

    /// Another valid value for `field`, as a sheet writes it.
    static func otherValue(_ field: ThemeSchema.Field, current: ThemeSetting) -> String {
        switch (field.kind, current) {
        case (.bool, .bool(let b)):
            return b ? "false" : "true"
        case (.fontFamily, .string(let family)):
            return family == "DejaVu Sans" ? "\"DejaVu Serif\"" : "\"DejaVu Sans\""
        case (.choice(let options), .string(let s)):
            return "\"" + (options.first { $0 != s } ?? s) + "\""
        case (.color, .color(let c)):
            return c.description == "#7a1f5c" ? "\"#1f7a5c\"" : "\"#7a1f5c\""
        case (.colors, .colors(let cs)):
            return "[" + cs.reversed().map { "\"\($0.description)\"" }.joined(separator: ", ") + ", \"#7a1f5c\"]"
        case (.dash, .dash(let d)):
            return d.isSolid ? "[3, 3]" : "[]"
        case (.dashes, .dashes(let ds)):
            return "[" + (["[0.8, 2]"] + ds.dropFirst().map(\.description)).joined(separator: ", ") + "]"
        case (.marker, .marker(let m)):
            return "\"" + (m == .hexagon ? "circle" : "hexagon") + "\""
        case (.markers, .markers(let ms)):
            return "[" + ms.reversed().map { "\"\($0.name)\"" }.joined(separator: ", ") + "]"
        default:
            return current.tomlText
        }
    }

    static let paperSettings: ThemeSettings = try! ThemeLoader.settings(spec: "paper")

    /// The paper style with each key set to its value.
    static func theme(_ values: [(String, String)]) throws -> Theme {
        var settings = paperSettings
        for (key, value) in values {
            let parts = key.split(separator: ".")
            let text = "[\(parts.dropLast().joined(separator: "."))]\n\(parts.last!) = \(value)\n"
            settings.merge(try ThemeSheet.parse(text, name: "probe", file: "probe.toml"))
        }
        return try ThemeResolver(settings: settings).theme()
    }

    @Test("every key, set to another valid value, changes what a figure it concerns draws")
    func everyKeyChangesOutput() throws {
        let paperSettings = try ThemeLoader.settings(spec: "paper")
        var baselines: [String: AnyHashable] = [:]
        var dead: [String] = []
        for field in ThemeSchema.fields {
            let current = try #require(paperSettings.values[field.key]?.value, "\(field.key) has no value in paper")
            let values = Self.otherValues(field, current: current).prefix(4)
            #expect(!values.isEmpty && !values.contains(current.tomlText), "\(field.key): no other value tried")
            let setting = Self.contexts[field.key] ?? []
            let base = try Self.theme(setting)
            let cacheKey = setting.map { "\($0.0)=\($0.1)" }.joined(separator: ";")
            var found = false
            for value in values where !found {
                let changed = try Self.theme(setting + [(field.key, value)])
                for probe in Self.probes(for: field.key) {
                    let key = probe.name + "|" + cacheKey
                    if baselines[key] == nil { baselines[key] = try probe.draw(base) }
                    if try probe.draw(changed) != baselines[key] { found = true; break }
                }
            }
            if !found { dead.append("\(field.key) = \(values.joined(separator: " or "))") }
        }
        #expect(dead.isEmpty, "keys that change no output: \(dead.joined(separator: "; "))")
    }
}
