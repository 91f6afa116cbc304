internal import CCairo
import Foundation
import Drawing

/// What `epistolary doctor` reports about Cairo in this process: the library's version and
/// whether each document format the timelines use can actually be drawn (each is tried with
/// a line of Polish and Cyrillic text, not read from a feature list).
public struct CairoDiagnostics: Sendable {
    public struct Check: Sendable, Equatable {
        public var name: String
        public var works: Bool
        /// Cairo's message when it does not work.
        public var problem: String?
    }

    public var version: String
    public var formats: [Check]

    public var isHealthy: Bool { formats.allSatisfy(\.works) }

    /// Draws a small document in every format with `fontFamily`.
    public static func probe(fontFamily: String = "DejaVu Serif") -> CairoDiagnostics {
        let formats = DocumentFormat.allCases.map { format -> Check in
            do {
                let data = try Canvas.render(format, width: 120, height: 40, dpi: 72) { cr in
                    cairo_select_font_face(cr, fontFamily, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
                    cairo_set_font_size(cr, 10)
                    cairo_move_to(cr, 4, 20)
                    cairo_show_text(cr, "Łódź Москва")
                }
                return Check(name: format.rawValue, works: !data.isEmpty, problem: data.isEmpty ? "empty output" : nil)
            } catch {
                return Check(name: format.rawValue, works: false, problem: String(describing: error))
            }
        }
        return CairoDiagnostics(version: String(cString: cairo_version_string()), formats: formats)
    }
}
