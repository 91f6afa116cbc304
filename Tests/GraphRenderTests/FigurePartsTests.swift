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
        let expectedExport = try GraphFigure.build(kind, context: alone, minimumWeight: everyPair).dot
        let expectedGallery = try GraphFigure.build(kind, context: alone).dot
        for exportFirst in [true, false] {
            let parts = FigureParts()
            let shared = Self.context(parts: parts)
            var export = "", gallery = ""
            if exportFirst {
                export = try GraphFigure.build(kind, context: shared, minimumWeight: everyPair).dot
                gallery = try GraphFigure.build(kind, context: shared).dot
            } else {
                gallery = try GraphFigure.build(kind, context: shared).dot
                export = try GraphFigure.build(kind, context: shared, minimumWeight: everyPair).dot
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
            }
        }
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
