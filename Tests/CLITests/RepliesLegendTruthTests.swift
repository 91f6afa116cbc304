import Analysis
import ArgumentParser
import Correspondence
@testable import EpistolaryCLI
import EpistolaryTestSupport
import Foundation
import GraphRender
import Styling
import Testing
import TimelineRender

/// Issue 14, "every legend and caption claim is true": the replies figure's legend and caption
/// name hollow marks, date bars and each kind of link only when the figure draws them. Found on
/// edition.xml (a CMIF file: no text, so no inferred messages and no links), whose replies
/// figure promised "hollow: inferred (cited, lost)", "answers, replies to", "cites own" and
/// "same text". Checked from the DOT: what the legend says against the nodes and edges drawn.
@Suite("The replies figure claims only what it draws", .serialized)
struct RepliesLegendTruthTests {
    /// What a replies figure's DOT draws and what its legend says.
    struct Drawn {
        var legend: String
        var caption: String
        /// Marks drawn hollow (filled with the paper), bars of uncertain dates, link edges by style.
        var hollowMarks = 0
        var bars = 0
        var linkStyles: [String: Int] = [:]
    }

    static func drawn(_ figure: GraphFigure) throws -> Drawn {
        let graph = try GraphvizEngine.shared.parse(figure.dot)
        let label = graph.attributes["label"] ?? ""
        let legend = label.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        var drawn = Drawn(legend: legend, caption: figure.caption.shows)
        let paper = graph.attributes["bgcolor"] ?? "#ffffff"
        for node in graph.nodes where node.attributes["fillcolor"] == paper && node.attributes["color"] != paper { drawn.hollowMarks += 1 }
        drawn.bars = graph.nodes.filter { $0.name.hasPrefix("range:") && $0.name.hasSuffix(":from") }.count
        // Links join marks: a mark is a node of messages (a message's own, or a counted "group:").
        let marks = Set(graph.nodes.filter { node in
            node.name.hasPrefix("group:") || !["lane:", "axis:", "tick:", "open:", "range:", "legend"].contains(where: node.name.hasPrefix)
        }.map(\.name))
        for edge in graph.edges where marks.contains(edge.tail) && marks.contains(edge.head) {
            drawn.linkStyles[edge.attributes["style"].flatMap { $0.isEmpty ? nil : $0 } ?? "solid", default: 0] += 1
        }
        return drawn
    }

    /// The replies figure as `epistolary graph replies ARGS` builds it.
    static func replies(_ arguments: [String]) throws -> GraphFigure {
        try CLIRunner.inTurn { () throws -> GraphFigure in
            guard let command = try GraphCommand.parseAsRoot(["replies", "-o", "unused.svg"] + arguments) as? GraphCommand else {
                throw EpistolaryError(.badUsage, "not a graph command")
            }
            var clock = StageClock(enabled: false, prefix: "test")
            return try command.build(clock: &clock).figure
        }
    }

    @Test func aCorpusWithoutTextOrLinksGetsNoLinkOrHollowClaims() throws {
        let figure = try Self.replies(["--corpus", PackagePaths.fixture("cmif/edition.xml").path])
        let drawn = try Self.drawn(figure)
        #expect(drawn.hollowMarks == 0 && drawn.linkStyles.isEmpty)
        for claim in ["hollow", "inferred", "answers", "replies to", "cites own", "same text"] {
            #expect(!drawn.legend.contains(claim), "legend: \(drawn.legend)")
        }
        #expect(!drawn.caption.contains("hollow") && !drawn.caption.contains("lines join"), "\(drawn.caption)")
        #expect(drawn.caption.contains("no message answers or cites another"), "\(drawn.caption)")
        // The lanes are still drawn, and the bars its uncertain dates have, with their legend entry.
        #expect(figure.dot.contains("\"lane:"))
        #expect(drawn.bars > 0 && drawn.legend.contains("bar: uncertain date"), "\(drawn.legend)")
        #expect(drawn.caption.contains("a bar under a mark spans"))
    }

    @Test func theBundledCorpusKeepsItsClaimsBecauseItDrawsThem() throws {
        let figure = try Self.replies([])
        let drawn = try Self.drawn(figure)
        #expect(drawn.hollowMarks > 0 && drawn.legend.contains("hollow: inferred"))
        #expect(drawn.caption.contains("hollow marks are incoming messages known only from citations"))
        #expect(!drawn.linkStyles.isEmpty && drawn.caption.contains("lines join a message to what it answers or cites"))
        // Each line style named in the legend is drawn, and each drawn is named.
        let theme = try ThemeLoader.load(spec: "paper")
        let links = theme.graph.links
        let named: [(style: String, words: String)] = [(links.answers, "answers"), (links.inReplyTo, "replies to"),
                                                       (links.citesOwn, "cites own"), (links.parallel, "same text")]
        for (style, words) in named where drawn.legend.contains(words) {
            #expect(drawn.linkStyles[style, default: 0] > 0, "\(words) (\(style)) is in the legend but no such line is drawn: \(drawn.linkStyles)")
        }
        for style in drawn.linkStyles.keys {
            #expect(named.contains { $0.style == style && drawn.legend.contains($0.words) }, "\(style) lines drawn without a legend entry")
        }
    }

    /// The gallery leaves out the replies figure of a corpus with neither text nor links, with
    /// its reason; asked for by name it is drawn.
    @Test func theGallerySkipsRepliesWithoutTextOrLinks() throws {
        let edition = FixtureCorpus.analysis("cmif/edition.xml")
        #expect(edition.links.isEmpty && edition.inferred.isEmpty)
        let reason = try #require(GraphFigure.unavailableReason(.replies, analysis: edition, inGallery: true))
        #expect(reason.contains("no message text") && !reason.contains("\n"))
        #expect(GraphFigure.unavailableReason(.replies, analysis: edition) == nil)
        let bundled = CorpusAnalysis(corpus: try CorpusLoader.load(path: nil), lexicon: try TopicLexicon.bundled())
        #expect(GraphFigure.unavailableReason(.replies, analysis: bundled, inGallery: true) == nil)

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("replies-skip-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let staging = try GalleryStaging(out: folder.appendingPathComponent("gallery").path)
        defer { staging.abandon() }
        let theme = try ThemeLoader.load(spec: "paper")
        let family = try Gallery.graphs(analysis: edition, theme: theme, styleSpec: "paper", formats: [.svg], staging: staging, progress: { _ in })
        let paths = family.files.map(\.path)
        #expect(!paths.contains { $0.hasPrefix("graphs/replies") }, "\(paths)")
        #expect(paths.contains("graphs/correspondents.dot"), "\(paths)")
        #expect(family.failures.isEmpty)
    }
}
