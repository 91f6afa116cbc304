import Analysis
import Correspondence
@testable import EpistolaryCLI
import EpistolaryTestSupport
import Foundation
import GraphRender
import Styling
import Testing
import TimelineRender

/// Issue 14, "one colour, one meaning, in every figure": in one gallery a person coloured in
/// two figures has the same colour, and the same mark shape where both draw shapes. Found on
/// edition.xml, where the graphs broke the tie of Goethe and Schiller (two letters each) one
/// way and the timelines the other, so Goethe was pink in the graphs and dark blue in the
/// timelines. Each figure is read from what it draws: the graphs from the DOT files the
/// gallery writes (arrows and boxes of the correspondents figure, marks of the replies
/// figure, boxes of the mentions figure), the timelines from the legend their `Scene` draws.
@Suite("One person, one look, in every figure of a gallery", .serialized)
struct GalleryColourConsistencyTests {
    /// A person's look in one figure: colour (#rrggbb) and mark shape where the figure draws one.
    struct Look: Hashable, CustomStringConvertible {
        var color: String
        var shape: String?
        var description: String { color + (shape.map { " " + $0 } ?? "") }
    }

    static let corpora: [(name: String, analysis: CorpusAnalysis)] = [
        ("bundled", CorpusAnalysis(corpus: try! CorpusLoader.load(path: nil), lexicon: try! TopicLexicon.bundled())),
        ("edition.xml", FixtureCorpus.analysis("cmif/edition.xml")),
        ("dates.xml", FixtureCorpus.analysis("cmif/dates.xml")),
        ("many-people.csv", FixtureCorpus.analysis("csv/many-people.csv")),
    ]

    /// One shape name for both families: a Graphviz node shape or a timeline `MarkShape`.
    static func shapeName(graphviz: String) -> String {
        let marker = MarkerShape.allCases.first { $0.graphvizShape == graphviz }
        return String(describing: MarkShape(themeName: marker?.name ?? graphviz))
    }

    static func hex(_ color: PaintColor) -> String {
        func byte(_ v: Double) -> Int { Int((min(max(v, 0), 1) * 255).rounded()) }
        return String(format: "#%02x%02x%02x", byte(color.red), byte(color.green), byte(color.blue))
    }

    /// The colours that mean "not coloured": others, unidentified, muted, the node pen, ink.
    static func uncoloured(_ theme: Theme) -> Set<String> {
        let styles = theme.peopleStyles([])
        return Set([styles.other.color.hex, styles.unidentified.color.hex, theme.colors.muted.hex, theme.graph.node.pen.hex,
                    theme.colors.ink.hex, theme.colors.paper.hex].map { $0.lowercased() })
    }

    /// The looks of each person in each graph figure of the gallery, read from the DOT files
    /// `Gallery.graphs` writes.
    static func graphLooks(_ analysis: CorpusAnalysis, theme: Theme) throws -> [String: [String: Set<Look>]] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("colour-consistency-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let staging = try GalleryStaging(out: folder.appendingPathComponent("gallery").path)
        defer { staging.abandon() }
        _ = try Gallery.graphs(analysis: analysis, theme: theme, styleSpec: "paper", formats: [.svg], staging: staging, progress: { _ in })
        let people = Set(analysis.corpus.people.people.map(\.id))
        var senders: [String: String] = [:]
        for m in analysis.messages { senders[m.id] = m.sender }
        for m in analysis.inferred { senders[m.id] = m.sender }
        var looks: [String: [String: Set<Look>]] = [:]
        // The gallery's graphs, and the replies figure as `graph replies` and the exports'
        // drawings make it (a context of their own: drawn even where the gallery skips it).
        let replies = try GraphFigure.build(.replies, context: FigureContext(analysis: analysis, theme: theme, styleSpec: "paper"))
        for kind in ["correspondents", "replies", "mentions", "replies (graph command)"] {
            let path = staging.path + "/graphs/\(kind).dot"
            let dot = kind == "replies (graph command)" ? replies.dot : try? String(contentsOfFile: path, encoding: .utf8)
            guard let dot else { continue }
            let graph = try GraphvizEngine.shared.parse(dot)
            var figure: [String: Set<Look>] = [:]
            switch kind {
            case "correspondents":
                // The writer's arrows and the person's box (the first BGCOLOR of its label).
                for edge in graph.edges where people.contains(edge.tail) {
                    if let color = edge.attributes["color"] { figure[edge.tail, default: []].insert(Look(color: color.lowercased())) }
                }
                for node in graph.nodes where people.contains(node.name) {
                    let label = node.attributes["label"] ?? ""
                    if let range = label.range(of: ##"BGCOLOR="#[0-9a-fA-F]{6}""##, options: .regularExpression) {
                        let color = label[range].dropFirst("BGCOLOR=\"".count).dropLast()
                        figure[node.name, default: []].insert(Look(color: color.lowercased()))
                    }
                }
            case "replies", "replies (graph command)":
                // A mark of one message: its node is named by the message.
                for node in graph.nodes {
                    guard let writer = senders[node.name], let color = node.attributes["color"] else { continue }
                    let shape = node.attributes["shape"].flatMap { $0.isEmpty ? nil : $0 } ?? "circle"
                    figure[writer, default: []].insert(Look(color: color.lowercased(), shape: shapeName(graphviz: shape)))
                }
            default:
                for node in graph.nodes where people.contains(node.name) {
                    if let color = node.attributes["color"] { figure[node.name, default: []].insert(Look(color: color.lowercased())) }
                }
            }
            looks[kind] = figure
        }
        return looks
    }

    /// The looks of each person in each timeline of people, read from the legend its scene
    /// draws (an entry counts only when its label is among the scene's texts).
    static func timelineLooks(_ analysis: CorpusAnalysis, theme: Theme) throws -> [String: [String: Set<Look>]] {
        let span = TimelineData.span(of: analysis)
        let events = try EventCalendar.defaultCalendar(corpusHash: analysis.corpus.sourceHash, from: span?.from, to: span?.to)
        let maker = try TimelineFigureMaker(theme: theme, styleName: "paper", events: events)
        let context = FigureContext(analysis: analysis, theme: theme, styleSpec: "paper")
        // Every label a figure may give a person, to the person (labels two people share are left out).
        var byLabel: [String: Set<String>] = [:]
        for person in analysis.corpus.people.people {
            for label in [person.name, person.shortLabel, analysis.corpus.people.displayName(of: person.id),
                          context.shortName(of: person.id), context.fullName(of: person.id)] {
                byLabel[label, default: []].insert(person.id)
            }
        }
        var senders: [String: String] = [:]
        for m in analysis.messages { senders[m.id] = m.sender }
        for m in analysis.inferred { senders[m.id] = m.sender }
        var looks: [String: [String: Set<Look>]] = [:]
        for kind in [TimelineKind.correspondents, .volume, .latency] where kind.unavailableReason(analysis: analysis) == nil {
            let figure: TimelineFigure
            do { figure = try maker.figure(kind, analysis: analysis).figure } catch { continue }
            let texts = Set(figure.scene.texts.map { $0.text.trimmingCharacters(in: .whitespaces) })
            var drawn: [String: Set<Look>] = [:]
            for entry in figure.legend {
                let label = entry.label.trimmingCharacters(in: .whitespaces)
                guard texts.contains(label), let ids = byLabel[label], ids.count == 1, let id = ids.first else { continue }
                let look: Look?
                switch entry.swatch {
                case .mark(let shape, let fill, let stroke): look = Look(color: hex(fill ?? stroke), shape: String(describing: shape))
                case .rect(let color), .ringed(let color, _), .hatched(let color, _): look = Look(color: hex(color))
                case .line(let color, _, _): look = Look(color: hex(color))
                default: look = nil
                }
                if let look { drawn[id, default: []].insert(look) }
            }
            // The marks of one message each (the correspondents timeline): in the writer's look.
            for mark in figure.scene.marks {
                guard let id = mark.messageID, let writer = senders[id] else { continue }
                drawn[writer, default: []].insert(Look(color: hex(mark.fill ?? mark.stroke), shape: String(describing: mark.shape)))
            }
            looks["timeline " + kind.rawValue] = drawn
        }
        return looks
    }

    /// Every person coloured in two figures of one gallery has one colour, and one shape
    /// where both figures draw shapes.
    @Test(arguments: [0, 1, 2, 3])
    func aPersonHasOneLookInEveryFigure(corpus: Int) throws {
        let (name, analysis) = Self.corpora[corpus]
        let theme = try ThemeLoader.load(spec: "paper")
        let grey = Self.uncoloured(theme)
        let figures = try Self.graphLooks(analysis, theme: theme).merging(try Self.timelineLooks(analysis, theme: theme)) { a, _ in a }
        // person → figure → looks drawn, the greys of "others" left out.
        var byPerson: [String: [String: Look]] = [:]
        for (figure, people) in figures {
            for (person, looks) in people {
                let coloured = looks.filter { !grey.contains($0.color) }
                guard !coloured.isEmpty else { continue }
                let colours = Set(coloured.map(\.color)), shapes = Set(coloured.compactMap(\.shape))
                #expect(colours.count == 1 && shapes.count <= 1, "\(name) \(figure): \(person) drawn as \(coloured)")
                byPerson[person, default: [:]][figure] = Look(color: colours.sorted()[0], shape: shapes.sorted().first)
            }
        }
        var compared = 0
        for (person, looks) in byPerson.sorted(by: { $0.key < $1.key }) where looks.count > 1 {
            let first = looks.sorted { $0.key < $1.key }
            for (figure, look) in first.dropFirst() {
                let (base, reference) = first[0]
                #expect(look.color == reference.color, "\(name): \(person) is \(reference.color) in \(base) but \(look.color) in \(figure)")
                if let a = look.shape, let b = reference.shape {
                    #expect(a == b, "\(name): \(person) is a \(b) in \(base) but a \(a) in \(figure)")
                }
                compared += 1
            }
            // Shapes: compare every pair of figures that draw one.
            let shaped = looks.compactMap { figure, look in look.shape.map { (figure, $0) } }
            if let (base, shape) = shaped.first {
                for (figure, other) in shaped.dropFirst() {
                    #expect(other == shape, "\(name): \(person) is a \(shape) in \(base) but a \(other) in \(figure)")
                }
            }
        }
        // Each corpus has people coloured in a graph and in a timeline: the test compares something.
        #expect(compared >= 2, "\(name): \(byPerson)")
        let families = Set(byPerson.values.flatMap(\.keys).map { $0.hasPrefix("timeline") ? "timeline" : "graph" })
        #expect(families == ["timeline", "graph"], "\(name): \(figures.keys.sorted())")
        print("\(name): \(compared) comparisons; \(byPerson.filter { $0.value.count > 1 }.count) people in two figures or more; figures \(figures.keys.sorted())")
    }
}
