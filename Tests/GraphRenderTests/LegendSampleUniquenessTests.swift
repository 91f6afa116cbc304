import Analysis
import Correspondence
import EpistolaryTestSupport
import Foundation
@testable import GraphRender
import Styling
import Testing

/// Found in the six-view review of issue 14: the replies legend of a corpus of many writers
/// listed "others" and "several writers" with one grey hexagon each, two entries with one
/// sample, as if they were two kinds of mark told apart. Every glyph sample of a legend (a mark,
/// a disc, a line of glyphs) appears once, in every figure and print style.
@Suite(.serialized)
struct LegendSampleUniquenessTests {
    /// Each glyph sample of a legend's markup: its colour and glyph, with its entry's text.
    static func glyphSamples(_ label: String) -> [(sample: String, text: String)] {
        let pattern = #"<TD ALIGN="RIGHT"><FONT[^>]*COLOR="(#[0-9a-fA-F]{6})"[^>]*>([^<]*)</FONT></TD><TD ALIGN="LEFT"[^>]*>(.*?)</TD>"#
        let regex = try! NSRegularExpression(pattern: pattern)
        let ns = label as NSString
        return regex.matches(in: label, range: NSRange(location: 0, length: ns.length)).map { match in
            (ns.substring(with: match.range(at: 1)).lowercased() + " " + ns.substring(with: match.range(at: 2)),
             FigureClaims.text(of: ns.substring(with: match.range(at: 3))))
        }
    }

    static let corpora: [(name: String, analysis: CorpusAnalysis)] = [
        ("bundled", FigureFixtures.analysis),
        ("generated", CorpusAnalysis(corpus: SyntheticCorpus.corpus(people: 80, messages: 3_000, name: "generated letters"), lexicon: SyntheticCorpus.lexicon)),
        ("edition.xml", FixtureCorpus.analysis("cmif/edition.xml")),
    ]

    @Test(arguments: ["paper", "paper,grayscale", "paper,colorblind"])
    func noTwoLegendEntriesShareASample(style: String) throws {
        var checked = 0
        var sawOthersAndSeveral = false
        for (name, analysis) in Self.corpora {
            for kind in GraphFigureKind.allCases where GraphFigure.unavailableReason(kind, analysis: analysis) == nil {
                let context = LegendGridAndLabelTests.context(analysis, style: style)
                let figure = try GraphFigure.build(kind, context: context)
                guard let label = try GraphvizEngine.shared.parse(figure.dot).attributes["label"] else { continue }
                let samples = Self.glyphSamples(label)
                let grouped = Dictionary(grouping: samples, by: \.sample)
                for (sample, entries) in grouped where entries.count > 1 {
                    Issue.record("\(name) \(kind) \(style): \(sample) stands for \(entries.map(\.text))")
                }
                if samples.contains(where: { $0.text == "others or several writers" }) { sawOthersAndSeveral = true }
                checked += samples.count
            }
        }
        #expect(checked > 20)
        #expect(sawOthersAndSeveral, "the generated corpus has marks of others and of several writers")
    }
}
