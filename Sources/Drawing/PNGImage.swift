internal import CCairo
internal import CLibPNG
import Foundation

/// Writes an opaque Cairo image surface (RGB24) as an 8-bit RGB PNG through libpng, with one
/// fast filter for every row and a low zlib level: the one PNG writer of the project (timelines
/// and slide pages). Cairo's own PNG writer (libpng trying all five filters on every row, zlib's
/// default level) cost as much as drawing 50,000 marks; a hand-written encoder was no faster
/// than this end to end (docs/DESIGN.md). libpng's rows are read straight from Cairo's pixels.
/// Output depends only on the pixels and the libpng and zlib versions: same figure, same bytes.
package enum PNGImage {
    /// The row filter: "Up" (a row like the one above becomes zeros), libpng's fastest here
    /// on figures of flat paper and lines (docs/DESIGN.md has the measurement).
    static let filter = Int32(PNG_FILTER_UP)
    /// zlib's level: 2 made the smallest files of levels 1 to 3 in the least time.
    static let level: Int32 = 2

    /// The PNG of `surface`, or nil when it is not an RGB24 image surface or libpng fails.
    /// With `dpi`, a pHYs chunk records the resolution, so word processors and upload checks
    /// print it at its size instead of taking it for 72 dpi.
    ///
    /// - Complexity: O(pixels), one pass of libpng's filter and zlib's deflate.
    package static func encode(_ surface: OpaquePointer, dpi: Double? = nil) -> Data? {
        guard cairo_surface_get_type(surface) == CAIRO_SURFACE_TYPE_IMAGE,
              cairo_image_surface_get_format(surface) == CAIRO_FORMAT_RGB24 else { return nil }
        cairo_surface_flush(surface)
        let width = cairo_image_surface_get_width(surface), height = cairo_image_surface_get_height(surface)
        guard width > 0, height > 0, let pixels = cairo_image_surface_get_data(surface) else { return nil }
        let stride = Int(cairo_image_surface_get_stride(surface))
        let perMetre = dpi.map { $0 > 0 ? UInt32(($0 / 0.0254).rounded()) : 0 } ?? 0
        let output = Unmanaged.passRetained(PNGBytes())
        defer { output.release() }
        let failed = epistolary_png_encode(pixels, UInt32(width), UInt32(height), stride, perMetre,
                                           Self.filter, Self.level, { closure, bytes, length in
            guard let closure, let bytes else { return 0 }
            Unmanaged<PNGBytes>.fromOpaque(closure).takeUnretainedValue().data.append(bytes, count: length)
            return 1
        }, output.toOpaque())
        return failed == 0 ? output.takeUnretainedValue().data : nil
    }
}

/// The PNG's bytes as libpng hands them over.
private final class PNGBytes {
    var data = Data()
}
