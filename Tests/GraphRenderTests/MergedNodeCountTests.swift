import Analysis
import Correspondence
import Foundation
@testable import GraphRender
import Styling
import Testing

/// Found in the six-view review of issue 14: in a correspondents figure past its people budget,
/// the merged node read "others (67 people, 808 messages)" beside the number 1,212 and a
/// square sized by 1,212: a letter between two merged people was counted once as written and
/// once as received. One message is one message, written and received.
@Suite(.serialized)
struct MergedNodeCountTests {
    /// 60 generated writers, activity falling off with rank: most letters of the tail are
    /// between two people of the tail.
    static let generated = CorpusAnalysis(corpus: SyntheticCorpus.corpus(people: 60, messages: 900, withText: false, name: "generated catalogue"),
                                          lexicon: SyntheticCorpus.lexicon)

    @Test(arguments: [false, true])
    func theMergedNodeCountsEachMessageOnce(wide: Bool) throws {
        let context = LegendGridAndLabelTests.context(Self.generated, wide: wide)
        let figure = try GraphFigure.build(.correspondents, context: context)
        let graph = try GraphvizEngine.shared.parse(figure.dot)
        let others = try #require(graph.node(CorrespondentsFigure.othersID), "the figure merges people")
        let label = FigureClaims.text(of: try #require(others.attributes["label"]))
        let named = try #require(label.firstMatch(of: /others \((\d+) people, (\d+) messages\)\s*(\d+)/))
        let merged = Int(named.1)!, messages = Int(named.2)!, printed = Int(named.3)!
        // The messages any merged person wrote or received, from the data.
        let kept = Set(graph.nodes.map(\.name)).subtracting([CorrespondentsFigure.othersID])
        let involving = Self.generated.messages.count { m in !kept.contains(m.sender) || m.recipients.contains { !kept.contains($0) } }
        #expect(messages == involving)
        #expect(printed == messages, "\(label)")
        #expect(merged == Self.generated.correspondents.nodes.count - kept.count)
        // Among themselves: the square is sized by the same number as every other square.
        #expect(figure.caption.shows.contains("(\(messages) messages), "), "letters among the merged people, the case that was counted twice")
        #expect(figure.caption.shows.contains("of them among themselves"))
    }
}
