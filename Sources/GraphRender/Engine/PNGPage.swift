internal import CCairo
import Drawing
import Foundation
import Styling

/// A PNG centred on a canvas of an exact pixel size in the paper colour (a slide's 1920 × 1080),
/// scaled down first if it is larger. Cairo reads and draws the image, `PNGImage` writes it.
enum PNGPage {
    /// Bytes read by Cairo's PNG reader.
    private final class Source {
        let bytes: [UInt8]
        var offset = 0
        init(_ data: Data) { bytes = [UInt8](data) }
    }

    static func centre(_ png: Data, width: Int, height: Int, paper: RGBColor) throws -> Data {
        let source = Unmanaged.passRetained(Source(png))
        defer { source.release() }
        guard let image = cairo_image_surface_create_from_png_stream({ closure, buffer, length in
            guard let closure, let buffer else { return CAIRO_STATUS_READ_ERROR }
            let source = Unmanaged<Source>.fromOpaque(closure).takeUnretainedValue()
            let count = Int(length)
            guard source.offset + count <= source.bytes.count else { return CAIRO_STATUS_READ_ERROR }
            _ = source.bytes.withUnsafeBufferPointer { memcpy(buffer, $0.baseAddress! + source.offset, count) }
            source.offset += count
            return CAIRO_STATUS_SUCCESS
        }, source.toOpaque()) else { throw GraphvizError(.render, messages: ["Cairo could not read Graphviz's PNG"]) }
        defer { cairo_surface_destroy(image) }
        guard cairo_surface_status(image) == CAIRO_STATUS_SUCCESS else {
            throw GraphvizError(.render, messages: ["Cairo could not read Graphviz's PNG"])
        }
        let w = Double(cairo_image_surface_get_width(image)), h = Double(cairo_image_surface_get_height(image))
        guard let page = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)) else {
            throw GraphvizError(.render, messages: ["Cairo could not create a \(width) × \(height) image"])
        }
        defer { cairo_surface_destroy(page) }
        let cr = cairo_create(page)
        cairo_set_source_rgb(cr, paper.red, paper.green, paper.blue)
        cairo_paint(cr)
        let scale = min(1, Double(width) / w, Double(height) / h)
        // Whole-pixel offsets keep the drawing sharp.
        cairo_translate(cr, ((Double(width) - w * scale) / 2).rounded(.down), ((Double(height) - h * scale) / 2).rounded(.down))
        cairo_scale(cr, scale, scale)
        cairo_set_source_surface(cr, image, 0, 0)
        cairo_paint(cr)
        cairo_destroy(cr)
        cairo_surface_flush(page)
        guard let png = PNGImage.encode(page) else {
            throw GraphvizError(.render, messages: ["libpng could not write the \(width) × \(height) image"])
        }
        return png
    }
}
