import Analysis
import Correspondence
import EpistolaryTestSupport
import Foundation
import Styling
import Testing
import Drawing
@testable import TimelineRender

/// Marks of one lane that would cover each other are stacked away from the lane's line, so
/// the letters of one spot read as that many marks (issue 14: seven letters of 1890 in
/// `dates.xml` read as two at column width). Checked from the scene at 89 and 183 mm.
@Suite("Stacked marks")
struct MarkStackingTests {
    static let corpora = ["cmif/dates.xml", "cmif/edition.xml", "csv/many-people.csv"]

    /// Pairs of message marks closer than the stacking step both across and along the lane:
    /// each covers more than `MarkStacking.overlap` of the other.
    static func coveringPairs(_ marks: [SceneMark]) -> [(SceneMark, SceneMark)] {
        let sorted = marks.sorted { $0.center.x < $1.center.x }
        var out: [(SceneMark, SceneMark)] = []
        for i in sorted.indices {
            let step = MarkStacking.step(size: sorted[i].size) - 1e-6
            var j = i + 1
            while j < sorted.count, sorted[j].center.x - sorted[i].center.x < step {
                if abs(sorted[j].center.y - sorted[i].center.y) < step { out.append((sorted[i], sorted[j])) }
                j += 1
            }
        }
        return out
    }

    @Test("no two marks of a lane cover more than a third of each other where the lanes hold the stacks",
          arguments: ["cmif/dates.xml", "cmif/edition.xml"], [89.0, 183.0])
    func sparseCorporaStack(corpus: String, width: Double) throws {
        for spec in OtherCorporaViewsTests.styles {
            let f = try OtherCorporaViewsTests.figure(.correspondents, corpus, spec: spec, width: width)
            let marks = f.scene.marks.filter { $0.messageID != nil }
            let pairs = Self.coveringPairs(marks)
            #expect(pairs.isEmpty, "\(corpus) \(spec) \(width) mm: \(pairs.prefix(3).map { ($0.0.messageID ?? "", $0.1.messageID ?? "") })")
            #expect(!f.caption.contains("still cover"))
        }
    }

    /// The seven letters at the end of the span (six of 1890: year, month, day, bounds, from-to,
    /// cert; and one of 1922), a few points apart on a two-thousand-year axis, are seven marks
    /// apart, and the caption says they were stacked.
    @Test("the seven letters around 1890 in dates.xml are seven distinct marks", arguments: [89.0, 183.0])
    func sevenLettersOf1890(width: Double) throws {
        let f = try OtherCorporaViewsTests.figure(.correspondents, "cmif/dates.xml", spec: "paper", width: width)
        let ids: Set<String> = ["year", "month", "day", "bounds", "from-to", "cert", "datetime"]
        let marks = f.scene.marks.filter { m in m.messageID.map { id in ids.contains { id.hasSuffix($0) } } ?? false }
        #expect(marks.count == 7, "\(marks.compactMap(\.messageID))")
        #expect(Self.coveringPairs(marks).isEmpty)
        // Stacked: several levels below the line, not one row of marks on one spot.
        #expect(Set(marks.map { ($0.center.y * 10).rounded() }).count >= 5)
        #expect(marks.map(\.center.x).max()! - marks.map(\.center.x).min()! < 2 * marks[0].size, "they share one spot")
        #expect(f.caption.contains("stacked away from the lane's line"))
    }

    static let bundled = CorpusAnalysis(corpus: try! CorpusLoader.load(path: nil), lexicon: try! TopicLexicon.bundled())

    /// Where the lanes cannot hold every stack (hundreds of letters at column width: the CSV of
    /// 700 letters, the bundled corpus), marks still covering others lie only on one level, and
    /// the caption counts them exactly.
    @Test("where stacks do not fit, the caption counts the marks that still cover others", arguments: [89.0, 183.0])
    func crowdedLanesAreCounted(width: Double) throws {
        for spec in OtherCorporaViewsTests.styles {
            let f = try OtherCorporaViewsTests.figure(.correspondents, "csv/many-people.csv", spec: spec, width: width)
            Self.expectCoveringCounted(f, "many-people \(spec) \(width) mm")
            let theme = try ThemeLoader.load(spec: spec)
            let maker = try TimelineFigureMaker(theme: theme, styleName: spec, events: EventCalendar(events: []), widthMM: width)
            Self.expectCoveringCounted(try maker.figure(.correspondents, analysis: Self.bundled).figure, "bundled \(spec) \(width) mm")
        }
    }

    static func expectCoveringCounted(_ f: TimelineFigure, _ what: String) {
        let marks = f.scene.marks.filter { $0.messageID != nil }
        // Marks of different levels never cover each other.
        #expect(coveringPairs(marks).allSatisfy { abs($0.0.center.y - $0.1.center.y) < 1e-6 }, "\(what)")
        // The marks that lie over the mark before them on their level, as the caption says.
        var covering = 0
        for (_, row) in Dictionary(grouping: marks, by: { ($0.center.y * 1000).rounded() }) {
            let xs = row.map(\.center.x).sorted()
            covering += zip(xs, xs.dropFirst()).count { $1 - $0 < MarkStacking.step(size: row[0].size) - 1e-6 }
        }
        if covering == 0 {
            #expect(!f.caption.contains("still cover"), "\(what)")
        } else {
            #expect(f.caption.contains("At this width \(covering) mark\(covering == 1 ? " still covers" : "s still cover")"), "\(what): \(covering) covering; \(f.caption)")
        }
    }

    @Test("stacking: first free level, a third of overlap at most, the lowest-ending level when full")
    func stackingRule() {
        let step = MarkStacking.step(size: 3)
        #expect(abs(step - 2) < 1e-9)
        let rows = [0: [0.0, 0.5, 1.0, 2.5, 9.0].enumerated().map { MarkStacking.Mark(key: $0.offset, x: $0.element) }]
        let s = MarkStacking(rows: rows, size: 3)
        #expect(s.shift(0) == 0 && s.shift(1) == step && s.shift(2) == 2 * step && s.shift(3) == 0 && s.shift(4) == 0)
        #expect(s.levels == 3 && s.covering == 0)
        let capped = MarkStacking(rows: rows, size: 3, limit: 2)
        #expect(capped.levels == 2 && capped.covering == 1)
        #expect(MarkStacking.levels(room: 100, first: 4, size: 3, stroke: 0.5) == MarkStacking.maximumLevels)
        #expect(MarkStacking.levels(room: 4, first: 4, size: 3, stroke: 0.5) == 1)
    }
}
