import Analysis
import Correspondence
import Foundation
@testable import GraphRender
import Styling
import Testing

/// `FigureParts`: the passes over every message that the gallery's figures and the drawings of
/// its graph exports share give every figure the same DOT as a figure that makes them alone,
/// whichever figure made them first (the export's, drawn with every pair, or the gallery's).
@Suite struct FigurePartsTests {
    /// Many people (so that figures merge some into "others") and text (so that people are named together).
    static let analysis = CorpusAnalysis(corpus: SyntheticCorpus.corpus(people: 90, messages: 3_000, name: "generated letters"),
                                         lexicon: SyntheticCorpus.lexicon)

    static func context(parts: FigureParts?) -> FigureContext {
        var context = FigureContext(analysis: analysis, theme: FigureFixtures.theme(), styleSpec: "paper")
        context.parts = parts
        return context
    }

    @Test("a figure drawn with shared parts is the figure drawn alone, whether the export's or the gallery's came first",
          arguments: [GraphFigureKind.correspondents, .matrix, .mentions])
    func sharedPartsDrawTheSameFigure(kind: GraphFigureKind) throws {
        let alone = Self.context(parts: nil)
        let everyPair = kind == .matrix ? nil : 1   // as `ExportLayoutReader` draws the export's figure
        // The DOT and the caption (which counts the messages drawn, from a shared part too).
        func drawn(_ figure: GraphFigure) throws -> String { figure.dot + String(decoding: try figure.caption.json(), as: UTF8.self) }
        let expectedExport = try drawn(GraphFigure.build(kind, context: alone, minimumWeight: everyPair))
        let expectedGallery = try drawn(GraphFigure.build(kind, context: alone))
        for exportFirst in [true, false] {
            let parts = FigureParts()
            let shared = Self.context(parts: parts)
            var export = "", gallery = ""
            if exportFirst {
                export = try drawn(GraphFigure.build(kind, context: shared, minimumWeight: everyPair))
                gallery = try drawn(GraphFigure.build(kind, context: shared))
            } else {
                gallery = try drawn(GraphFigure.build(kind, context: shared))
                export = try drawn(GraphFigure.build(kind, context: shared, minimumWeight: everyPair))
            }
            #expect(export == expectedExport)
            #expect(gallery == expectedGallery)
            // The parts were made and read, not bypassed.
            let made = parts.made
            switch kind {
            case .correspondents:
                #expect(made.ranking)
                #expect(!made.merged.isEmpty)
            case .matrix:
                #expect(made.ranking)
                #expect(!made.matrix.isEmpty)
            default:
                #expect(made.mentionPeople)
                #expect(!made.mentionThresholds.isEmpty)
            }
        }
    }

    @Test("the mentions figure's messages are shared per weight: figures drawn at two weights count their own")
    func mentionMessagesArePerWeight() throws {
        let alone = Self.context(parts: nil)
        let lighter = try GraphFigure.build(.mentions, context: alone)
        // Its title names the weight it chose ("in ≥ 3 messages"); the heavier figure asks for one more.
        let chosen = try #require(lighter.title.firstMatch(of: /in ≥ (\d+) messages/).flatMap { Int($0.1) })
        let weight = chosen + 1
        let heavier = try GraphFigure.build(.mentions, context: alone, minimumWeight: weight)
        // The two weights draw different messages, so a part shared across them would show.
        #expect(lighter.caption.messages != heavier.caption.messages)
        let parts = FigureParts()
        let shared = Self.context(parts: parts)
        #expect(try GraphFigure.build(.mentions, context: shared).caption.json() == lighter.caption.json())
        #expect(try GraphFigure.build(.mentions, context: shared, minimumWeight: weight).caption.json() == heavier.caption.json())
        #expect(parts.made.mentionThresholds.count == 2)
    }

    @Test("the figures merge people on this corpus, so the merged parts are exercised")
    func theCorpusIsPastTheBudget() throws {
        let figure = try GraphFigure.build(.correspondents, context: Self.context(parts: FigureParts()), minimumWeight: 1)
        #expect(figure.dot.contains("others ("))
    }

    @Test("whether people are named together is found without restricting the mentions graph")
    func namesPeopleTogetherAgreesWithTheRestrictedGraph() {
        let withText = Self.analysis
        let withoutText = CorpusAnalysis(corpus: SyntheticCorpus.corpus(people: 20, messages: 200, withText: false, name: "no text"),
                                         lexicon: SyntheticCorpus.lexicon)
        for analysis in [withText, withoutText, FigureFixtures.analysis] {
            #expect(GraphFigure.namesPeopleTogether(analysis.mentions) == !analysis.mentions.restricted(to: .person).edges.isEmpty)
        }
        #expect(GraphFigure.namesPeopleTogether(withText.mentions))
        #expect(!GraphFigure.namesPeopleTogether(withoutText.mentions))
    }
}
