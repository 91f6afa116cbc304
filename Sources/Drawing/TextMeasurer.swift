internal import CCairo
import Foundation
import Correspondence
import Synchronization

/// The size of a text as Cairo will draw it: advance width, and the font's ascent and descent
/// (the same for every text of a font, so rows of labels line up).
public struct TextMetrics: Sendable, Hashable {
    public var width: Double
    public var ascent: Double
    public var descent: Double

    public var height: Double { ascent + descent }
}

/// Measures text through Cairo's toy text API with the same font options the painter uses
/// (no hinting of metrics), so what is laid out is what is drawn. Not shared across threads:
/// each layout makes its own.
public final class TextMeasurer {
    private let surface: OpaquePointer
    private let cr: OpaquePointer
    private var cache: [Key: TextMetrics] = [:]
    private var currentFont: FontSpec?

    private struct Key: Hashable {
        var font: FontSpec
        var text: String
    }

    public init() throws {
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1) else {
            throw EpistolaryError(.environment, "Cairo could not create a surface to measure text")
        }
        guard let cr = cairo_create(surface) else {
            cairo_surface_destroy(surface)
            throw EpistolaryError(.environment, "Cairo could not create a context to measure text")
        }
        self.surface = surface
        self.cr = cr
        TextMeasurer.applyFontOptions(cr)
        do {
            try CairoStatus.check(cairo_status(cr), "prepare to measure text")
        } catch {
            cairo_destroy(cr)
            cairo_surface_destroy(surface)
            throw error
        }
    }

    deinit {
        cairo_destroy(cr)
        cairo_surface_destroy(surface)
    }

    /// The metrics of `text` in `font`.
    public func measure(_ text: String, font: FontSpec) -> TextMetrics {
        let key = Key(font: font, text: text)
        if let hit = cache[key] { return hit }
        select(font)
        var fe = cairo_font_extents_t()
        cairo_font_extents(cr, &fe)
        var te = cairo_text_extents_t()
        cairo_text_extents(cr, UnsafeScalars.replaced(in: text), &te)   // as ScenePainter draws it
        let metrics = TextMetrics(width: te.x_advance, ascent: fe.ascent, descent: fe.descent)
        cache[key] = metrics
        return metrics
    }

    /// Width of `text` in `font`.
    public func width(_ text: String, font: FontSpec) -> Double { measure(text, font: font).width }

    /// True when fontconfig's best match for the family is a font of that family, not a
    /// fallback: the figure would otherwise silently use another face. (Cairo's toy font
    /// face reports success for any name, so it cannot tell.)
    public func resolves(family: String) -> Bool {
        TextMeasurer.installed(family: family)
    }

    /// `resolves(family:)` without a measurer.
    public static func installed(family: String) -> Bool {
        !family.trimmingCharacters(in: .whitespaces).isEmpty && epistolary_font_family_installed(family) == 1
    }

    /// The family fontconfig resolves `font` to, as fontconfig spells it: the font Cairo draws
    /// with, named the way a viewer of an SVG finds it ("dejavu sans" in a theme is written
    /// "DejaVu Sans"). The theme's family when nothing matches (the figure maker refuses such
    /// a theme before anything is drawn).
    public static func resolvedFamily(_ font: FontSpec) -> String {
        let key = ResolvedFamilyKey(family: font.family, bold: font.bold, italic: font.italic)
        if let known = resolvedFamilies.withLock({ $0[key] }) { return known }
        var buffer = [CChar](repeating: 0, count: 256)
        let found = epistolary_font_family_resolved(font.family, font.bold ? 1 : 0, font.italic ? 1 : 0, &buffer, buffer.count) == 1
        let family = found ? String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : font.family
        resolvedFamilies.withLock { $0[key] = family }
        return family
    }

    private struct ResolvedFamilyKey: Hashable {
        var family: String
        var bold: Bool
        var italic: Bool
    }

    /// Fontconfig's answers, once per family, weight and slant in a process.
    private static let resolvedFamilies = Mutex<[ResolvedFamilyKey: String]>([:])

    private func select(_ font: FontSpec) {
        guard currentFont != font else { return }
        TextMeasurer.select(font, on: cr)
        currentFont = font
    }

    /// Selects a font on a context the way both measuring and painting do.
    package static func select(_ font: FontSpec, on cr: OpaquePointer) {
        cairo_select_font_face(cr, font.family,
                               font.italic ? CAIRO_FONT_SLANT_ITALIC : CAIRO_FONT_SLANT_NORMAL,
                               font.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(cr, font.size)
    }

    /// Unhinted metrics on every surface, so advances do not snap to whole pixels in PNGs
    /// and differ from the SVG and PDF.
    package static func applyFontOptions(_ cr: OpaquePointer) {
        guard let options = cairo_font_options_create() else { return }
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_set_font_options(cr, options)
        cairo_font_options_destroy(options)
    }
}
