import Correspondence
import EpistolaryTestSupport
import Foundation
import Testing
import TOMLReader
@testable import Styling

/// Specs merge sheets left to right over base; names resolve; show output loads back.
@Suite struct MergeTests {
    /// Writes `text` to a fresh temporary .toml file and returns its path.
    func temporarySheet(_ text: String, name: String = "mine.toml") throws -> String {
        let path = try TestFolders.make("styling").appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func defaultIsPaper() throws {
        let theme = try ThemeLoader.load()
        #expect(theme.sources == ["base", "paper"])
        #expect(theme == (try ThemeLoader.load(spec: "paper")))
        #expect(theme.page.widthMM == 89)
        #expect(theme.page.wideWidthMM == 183)
        #expect(theme.page.size(wide: true).widthMM == 183)
        #expect(theme.page.dpi == 300, "vector formats are for print; the PNG is a 300 dpi raster")
        #expect(!theme.page.showTitle, "journal figures leave the title to the caption")
        #expect(try ThemeLoader.load(spec: "presentation").page.showTitle)
        #expect(theme.fonts.label.family == "DejaVu Serif")
        #expect((8...9).contains(theme.fonts.label.sizePt))
        #expect((8...9).contains(theme.fonts.title.sizePt))
        #expect(theme.fonts.title.bold)
        #expect(theme.fonts.title.graphvizName == "DejaVu Serif Bold")
        #expect(theme.fonts.note.graphvizName == "DejaVu Serif Italic")
    }

    @Test func laterSheetsWinKeyByKey() throws {
        let theme = try ThemeLoader.load(spec: "paper,colorblind")
        #expect(theme.sources == ["base", "paper", "colorblind"])
        #expect(theme.fonts.label.family == "DejaVu Serif", "paper's font survives")
        #expect(theme.palettes.people.colors.first?.hex == "#0072b2", "colorblind's palette wins")
        #expect(theme.palettes.people.dashes.count == 6)
        let reversed = try ThemeLoader.load(spec: "colorblind,paper")
        #expect(reversed.palettes.people.colors == theme.palettes.people.colors, "paper sets no palette, so order does not matter here")
        #expect(theme.palettes.people.colors.count == 6)
        let slides = try ThemeLoader.load(spec: "paper,presentation")
        #expect(slides.fonts.label.sizePt == 20)
        #expect(slides.fonts.label.family == "DejaVu Serif", "presentation changes sizes, not paper's family")
        let back = try ThemeLoader.load(spec: "presentation,paper")
        #expect(back.page.widthMM == 89)
        #expect(back.fonts.tick.sizePt == 8)
        #expect(back.lines.regularPt == 2, "paper does not set line widths, so presentation's stay")
        #expect(try ThemeLoader.load(spec: "base,paper") == (try ThemeLoader.load(spec: "paper")), "base is always first; naming it again changes nothing")
        #expect(try ThemeLoader.load(spec: " paper , colorblind ").palettes.people == theme.palettes.people)
    }

    @Test func namedColoursFollowTheSheetColours() throws {
        let dark = try ThemeLoader.load(spec: "paper,dark")
        #expect(dark.colors.paper.hex == "#161616")
        #expect(dark.graph.edge.color == dark.colors.muted, "edges are drawn in 'muted'")
        #expect(dark.graph.node.pen == dark.colors.ink)
        #expect(dark.timeline.axis.color == dark.colors.ink)
        #expect(dark.timeline.gridlines.color == dark.colors.faint)
        #expect(dark.colors.ink.contrast(with: dark.colors.paper) > 12)
    }

    @Test func userSheetByPathMergesAndPins() throws {
        let path = try temporarySheet("""
        [page]
        dpi = 300
        [graph.edge]
        color = "#112233"
        [pins.people]
        Churchill = "#0072B2"
        [pins.topics]
        poland = "highlight"
        """)
        let theme = try ThemeLoader.load(spec: "paper,\(path)")
        #expect(theme.sources == ["base", "paper", path])
        #expect(theme.page.dpi == 300)
        #expect(theme.page.widthMM == 89)
        #expect(theme.graph.edge.color.hex == "#112233")
        #expect(theme.pins.people["Churchill"]?.hex == "#0072b2")
        #expect(theme.pins.topics["poland"] == theme.colors.highlight)
        let later = try temporarySheet("[pins.people]\nChurchill = \"#000000\"\nStalin = \"#ffffff\"", name: "later.toml")
        let both = try ThemeLoader.load(spec: "\(path),\(later)")
        #expect(both.pins.people == ["Churchill": .black, "Stalin": .white], "a later pin replaces an earlier one")
        #expect(both.pins.topics["poland"] != nil, "pins of other keys are kept")
    }

    @Test func specErrors() throws {
        #expect(throws: EpistolaryError(.badUsage, "empty style name in \"paper,\"; write names separated by commas, e.g. paper,colorblind")) {
            try ThemeLoader.load(spec: "paper,")
        }
        #expect {
            try ThemeLoader.load(spec: "paper,colourblind")
        } throws: { error in
            guard let e = error as? EpistolaryError else { return false }
            return e.kind == .badUsage && e.message.hasPrefix("unknown style \"colourblind\"; did you mean colorblind?")
        }
        #expect {
            try ThemeLoader.load(spec: "/nonexistent/mine.toml")
        } throws: { error in
            (error as? EpistolaryError)?.kind == .badUsage && (error as? EpistolaryError)?.file == "/nonexistent/mine.toml"
        }
        let bad = try temporarySheet("[page]\n\ndpi = \"high\"")
        #expect(throws: TOMLError(file: bad, line: 3, key: "page.dpi", "expected an integer for key page.dpi (found a string)")) {
            try ThemeLoader.load(spec: "paper,\(bad)")
        }
        #expect(ThemeLoader.isPath("sheets/mine"))
        #expect(ThemeLoader.isPath("mine.toml"))
        #expect(!ThemeLoader.isPath("paper"))
    }

    @Test func showTextLoadsBackToTheSameTheme() throws {
        for spec in ["paper", "paper,colorblind", "grayscale", "dark", "presentation,colorblind"] {
            let settings = try ThemeLoader.settings(spec: spec)
            let text = settings.tomlText
            #expect(text == (try ThemeLoader.settings(spec: spec)).tomlText, "stable output")
            let path = try temporarySheet(text, name: "shown.toml")
            let original = try ThemeLoader.load(spec: spec)
            let reloaded = try ThemeLoader.load(spec: path)
            #expect(reloaded.withSources(original.sources).withoutSettings() == original.withoutSettings(), "\(spec)")
            let sheet = try ThemeLoader.sheet(path)
            #expect(sheet.keys == ThemeSchema.fields.map(\.key), "show writes every key, in schema order")
        }
        let pinned = try temporarySheet("[pins.people]\n\"de Gaulle\" = \"#000000\"\nAttlee = \"ink\"")
        let text = try ThemeLoader.settings(spec: "paper,\(pinned)").tomlText
        #expect(text.hasSuffix("\n[pins.people]\nAttlee = \"ink\"\n\"de Gaulle\" = \"#000000\"\n"))
    }

    @Test func unitConversions() {
        #expect(abs(ThemeUnits.points(mm: 25.4) - 72) < 1e-9)
        #expect(abs(ThemeUnits.inches(mm: 89) - 3.5039) < 1e-3)
        #expect(abs(ThemeUnits.mm(points: 72) - 25.4) < 1e-9)
    }
}

extension Theme {
    func withSources(_ sources: [String]) -> Theme {
        var copy = self
        copy.sources = sources
        copy.settings = ThemeSettings()
        return copy
    }

    func withoutSettings() -> Theme {
        var copy = self
        copy.settings = ThemeSettings()
        return copy
    }
}
