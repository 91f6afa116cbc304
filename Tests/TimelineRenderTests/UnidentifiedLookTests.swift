import Analysis
import Correspondence
import Foundation
import Styling
import Testing
import Drawing
import EpistolaryTestSupport
@testable import TimelineRender

/// The unidentified people drawn as one are neither a named person nor "others": one look of
/// their own (`CategoryPalette.unidentifiedStyle`, the rule graphs use too), apart from
/// "others" in colour and in grey, their own stack in the volume chart and their own legend
/// entry, in every print style.
@Suite("The unidentified group's own look")
struct UnidentifiedLookTests {
    static let styles = ["paper", "paper,grayscale", "paper,colorblind"]

    /// Two Webers, Tönnies and four unidentified people in eight letters.
    static let analysis = FixtureCorpus.analysis("csv/unidentified-homonyms.csv")

    @Test("the rule: no palette entry, not others, apart in grey and in shape", arguments: styles)
    func rule(spec: String) throws {
        let theme = try ThemeLoader.load(spec: spec)
        let palette = theme.palettes.people
        let u = palette.unidentifiedStyle, o = palette.otherStyle
        #expect(abs(u.color.greyLightness - o.color.greyLightness) >= CategoryPalette.minimumGreyStep, "\(spec): prints like others")
        #expect(u.marker != o.marker && !palette.markers.contains(u.marker), "\(spec): a shape of its own")
        #expect(u.dash != o.dash)
        // Clearly visible on the page: at least 3:1 (WCAG's floor for graphics), measured on the
        // look and on the stars drawn (the paper sheet's group was a pale #b0b0b0 star, 2.2:1).
        let page = theme.colors.paper
        #expect(u.color.contrast(with: page) >= 3, "\(spec): \(u.color) on the page: \(u.color.contrast(with: page)):1")
        #expect(u.color.contrast(with: page) >= CategoryPalette.minimumGroundContrast)
        // Even as the busiest key of the run it spends no palette entry and is not "others".
        let keys = [UnidentifiedGroup.id] + (0..<10).map { "p\($0)" }
        let styles = theme.peopleStyles(keys)
        #expect(!styles.named.contains(UnidentifiedGroup.id))
        #expect(styles.named.count == palette.capacity)
        #expect(styles[UnidentifiedGroup.id] == u && styles.unidentified == u)
        #expect(!styles.isOther(UnidentifiedGroup.id) && styles.isOther("p9"))
        #expect(styles.named.allSatisfy { CategoryPalette.distinct(styles[$0], u) }, "\(spec): looks like a named person")
        #expect(styles.named.allSatisfy { styles[$0].marker != u.marker && styles[$0].dash != u.dash }, "\(spec): a person's shape or dash")
        #expect(!styles.split(keys).others.contains(UnidentifiedGroup.id))
    }

    /// A figure of the fixture whose legend names one person, so the others are "others".
    func figure(_ kind: TimelineKind, spec: String) throws -> (TimelineFigure, FigureStyle) {
        let theme = try ThemeLoader.load(spec: spec)
        let data = TimelineData(analysis: Self.analysis, topics: false)
        #expect(data.personKeys.contains(UnidentifiedGroup.id))
        var style = FigureStyle(theme: theme, categories: theme.peopleStyles(data.personKeys), name: spec)
        style.budget.legendEntries = 1
        let f = try TimelineLayout.layout(kind, data: data, style: style, events: EventCalendar(events: []), measurer: try TextMeasurer())
        return (f, style)
    }

    @Test("volume chart: a stack and a legend entry of their own, not with others", arguments: styles)
    func volume(spec: String) throws {
        let (f, style) = try figure(.volume, spec: spec)
        func fill(_ e: LegendEntry) -> PaintColor? {
            switch e.swatch {
            case .rect(let c), .hatched(let c, _): return c
            default: return nil
            }
        }
        let group = try #require(f.legend.first { $0.label.hasPrefix(UnidentifiedGroup.labelStem) }, "\(spec): \(f.legend.map(\.label))")
        let others = try #require(f.legend.first { $0.label.hasPrefix("others (") })
        #expect(fill(group) == style.unidentifiedSeries?.color)
        #expect(group.swatch != others.swatch, "\(spec): the same sample as others")
        // Others count the named person past the legend budget (Tönnies), not the unidentified.
        #expect(others.label.hasPrefix("others (1 person, 2 letters)"), "\(others.label)")
        let rects = f.scene.items.compactMap { item -> SceneRect? in if case .rect(let r) = item { return r } else { return nil } }
        #expect(rects.contains { $0.fill == style.unidentifiedSeries?.color }, "\(spec): no bar of the group")
        #expect(f.caption.contains("stack of their own"))
    }

    @Test("correspondents timeline: the group's letters in its look, its own legend sample", arguments: styles)
    func correspondents(spec: String) throws {
        let (f, style) = try figure(.correspondents, spec: spec)
        let u = try #require(style.unidentifiedSeries)
        let group = try #require(f.legend.first { $0.label.contains(UnidentifiedGroup.labelStem) }, "\(f.legend.map(\.label))")
        #expect(group.swatch == .mark(u.shape, fill: u.color, stroke: u.color))
        let others = try #require(f.legend.first { $0.label.hasPrefix("by others") })
        #expect(others.swatch != group.swatch)
        #expect(!others.label.contains("3 people"), "the group is counted among others: \(others.label)")
        // u3, u4 and u5 are written by unidentified people.
        let writtenByGroup = Set(Self.analysis.corpus.messages.filter { m in
            Self.analysis.corpus.people.people.contains { $0.id == m.sender && $0.unidentified }
        }.map(\.id))
        #expect(writtenByGroup.count == 3)
        let marks = f.scene.marks.filter { $0.messageID.map(writtenByGroup.contains) ?? false }
        #expect(!marks.isEmpty)
        #expect(marks.allSatisfy { $0.shape == u.shape && $0.fill == u.color }, "\(spec)")
        // The stars drawn stand out from the page they are drawn on.
        let page = try ThemeLoader.load(spec: spec).colors.paper
        for mark in marks {
            let fill = try #require(mark.fill)
            let drawn = RGBColor(red: fill.red, green: fill.green, blue: fill.blue)
            #expect(drawn.contrast(with: page) >= 3, "\(spec): a star at \(drawn.contrast(with: page)):1 on the page")
        }
    }
}
