import Foundation
import Testing
@testable import Styling

/// The palettes survive colour blindness and greyscale: checked by simulating dichromacy
/// (Machado, Oliveira & Fernandes 2009, full severity) and comparing CIELAB distances.
@Suite struct PaletteQualityTests {
    enum Vision: CaseIterable { case normal, protanopia, deuteranopia, tritanopia }

    static let matrices: [Vision: [[Double]]] = [
        .normal: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
        .protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
        .deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
        .tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
    ]

    func linear(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }

    /// CIELAB (D65) of linear RGB.
    func lab(_ rgb: [Double]) -> [Double] {
        let x = 0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]
        let y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]
        let z = 0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]
        func f(_ t: Double) -> Double { t > 0.008856 ? cbrt(t) : 7.787 * t + 16.0 / 116 }
        let (fx, fy, fz) = (f(x / 0.95047), f(y), f(z / 1.08883))
        return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)]
    }

    func seen(_ color: RGBColor, by vision: Vision) -> [Double] {
        let c = [linear(color.red), linear(color.green), linear(color.blue)]
        let m = Self.matrices[vision] ?? []
        return lab(m.map { row in min(max(zip(row, c).map(*).reduce(0, +), 0), 1) })
    }

    func distance(_ a: [Double], _ b: [Double]) -> Double {
        sqrt(zip(a, b).map { ($0 - $1) * ($0 - $1) }.reduce(0, +))
    }

    /// CIELAB lightness of the colour printed in grey.
    func greyLightness(_ color: RGBColor) -> Double {
        let y = 0.2126 * linear(color.red) + 0.7152 * linear(color.green) + 0.0722 * linear(color.blue)
        return lab([y, y, y])[0]
    }

    @Test(arguments: ["paper", "paper,colorblind", "dark", "presentation"])
    func coloursStayApartUnderColourBlindness(spec: String) throws {
        let colors = try ThemeLoader.load(spec: spec).categories.colors
        for vision in Vision.allCases {
            for i in colors.indices {
                for j in colors.indices where j > i {
                    let d = distance(seen(colors[i], by: vision), seen(colors[j], by: vision))
                    #expect(d >= 12, "\(spec): \(colors[i]) and \(colors[j]) are only \(d) apart for \(vision)")
                }
            }
        }
    }

    @Test(arguments: ["base", "paper", "paper,colorblind", "paper,grayscale", "dark", "presentation"])
    func categoriesSurviveGreyscalePrint(spec: String) throws {
        let theme = try ThemeLoader.load(spec: spec)
        let keys = (0..<theme.categories.colors.count).map { "k\($0)" }
        let styles = theme.peopleStyles(keys)
        for i in keys.indices {
            for j in keys.indices where j > i {
                let a = styles[keys[i]], b = styles[keys[j]]
                let sameGrey = abs(greyLightness(a.color) - greyLightness(b.color)) < 15
                #expect(!sameGrey || a.marker != b.marker || a.dash != b.dash,
                        "\(spec): \(keys[i]) and \(keys[j]) look alike in grey")
            }
        }
    }

    @Test(arguments: ["base", "paper", "paper,colorblind", "paper,grayscale", "dark", "presentation,colorblind"])
    func manyCategoriesAllLookDifferentAndStayVisible(spec: String) throws {
        let theme = try ThemeLoader.load(spec: spec)
        let keys = (0..<36).map { "k\($0)" }
        let styles = theme.topicStyles(keys)
        #expect(Set(keys.map { styles[$0] }).count == keys.count, "\(spec): two of the first 36 categories look the same")
        for color in theme.categories.colors {
            #expect(color.contrast(with: theme.colors.paper) >= 2.2, "\(spec): \(color) is too faint on the page")
        }
    }

    @Test func grayscaleGreysAreSpacedAndVisible() throws {
        let theme = try ThemeLoader.load(spec: "paper,grayscale")
        let lightness = theme.categories.colors.map(greyLightness)
        #expect(theme.categories.colors.allSatisfy { $0.red == $0.green && $0.green == $0.blue }, "true greys")
        for (a, b) in zip(lightness, lightness.dropFirst()) { #expect(b - a >= 15, "greys \(lightness) too close") }
        for color in theme.categories.colors { #expect(color.contrast(with: theme.colors.paper) >= 2.5, "\(color) too pale on paper") }
        #expect(theme.categories.dashes.count >= 4)
        #expect(Set(theme.categories.dashes).count == theme.categories.dashes.count)
        #expect(Set(theme.categories.markers).count == theme.categories.markers.count)
        #expect(!theme.graph.edge.colorBySender && !theme.timeline.arc.colorBySender)
    }

    @Test(arguments: ["paper", "dark", "presentation", "paper,grayscale", "paper,colorblind"])
    func textIsLegible(spec: String) throws {
        let theme = try ThemeLoader.load(spec: spec)
        #expect(theme.colors.ink.contrast(with: theme.colors.paper) >= 7, "ink on paper (WCAG AAA)")
        #expect(theme.colors.muted.contrast(with: theme.colors.paper) >= 4.5, "muted text (WCAG AA)")
        #expect(theme.fonts.tick.sizePt >= 6 && theme.fonts.note.sizePt >= 6, "no type below 6 pt")
    }

    @Test func colourParsingAndContrast() {
        #expect(RGBColor(hex: "#0072B2")?.hex == "#0072b2")
        #expect(RGBColor(hex: "0072b2") == nil)
        #expect(RGBColor(hex: "#0072b") == nil)
        #expect(RGBColor(hex: "#0072bz") == nil)
        #expect(RGBColor(hex: "#+072b2") == nil)
        #expect(abs(RGBColor.black.contrast(with: .white) - 21) < 1e-9)
        #expect(RGBColor.black.mixed(with: .white, 0.5).hex == "#808080")
        #expect(RGBColor(hex: "#ff0000")?.red == 1)
        #expect(RGBColor.black.hex(opacity: 0.5) == "#00000080")
        #expect(RGBColor.white.hex(opacity: 0) == "#ffffff00")
    }
}
