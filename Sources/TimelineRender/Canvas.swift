internal import CCairo
import Correspondence
import Drawing
import Foundation
import Synchronization

/// A closure-scoped Cairo document: the surface is created, handed to the drawing closure,
/// then always finished, its status checked and destroyed, whatever the closure did. Bytes go
/// to memory (`CairoDocument`, `PNGImage`); files are written atomically from those bytes.
enum Canvas {
    /// Largest side of a PNG in pixels: Cairo's image surfaces stop at 32,767.
    static let maxPixels = 32_767.0

    /// Pixels from which a PNG is drawn in bands, one per core.
    static let bandedPixels = 1_000_000

    /// Renders a document of `width` x `height` points; PNGs get `dpi` pixels per inch.
    /// `draw` receives a context whose unit is the point. A Cairo failure becomes an
    /// `EpistolaryError`; no partial bytes are returned.
    ///
    /// A large PNG is drawn in horizontal bands at once, one per core (`bands` overrides the
    /// count): `draw` is called once per band, on its own context over its rows of the one
    /// image, clipped to them. Bands start on whole pixels, so every pixel comes out as it
    /// would from one pass: the bytes do not depend on the count.
    static func render(_ format: DocumentFormat, width: Double, height: Double, dpi: Double, bands: Int? = nil,
                       draw: @Sendable (OpaquePointer) throws -> Void) throws -> Data {
        guard width.isFinite, height.isFinite, width >= 1, height >= 1 else {
            throw EpistolaryError(.badUsage, "a \(format.rawValue) page must be at least 1 x 1 point, got \(width) x \(height)")
        }
        guard dpi.isFinite, dpi >= 10, dpi <= 2400 else {
            throw EpistolaryError(.badUsage, "the PNG resolution must lie between 10 and 2400 dpi, got \(dpi)")
        }
        let document: CairoDocument?
        let surface: OpaquePointer
        var scale = 1.0
        switch format {
        case .svg:
            document = try CairoDocument(.svg, width: width, height: height, creator: "Epistolary")
            surface = document!.surface
        case .pdf:
            document = try CairoDocument(.pdf, width: width, height: height, creator: "Epistolary")
            surface = document!.surface
        case .png:
            document = nil
            scale = dpi / 72
            let pw = (width * scale - 1e-6).rounded(.up), ph = (height * scale - 1e-6).rounded(.up)
            guard pw <= maxPixels, ph <= maxPixels else {
                throw EpistolaryError(.badUsage, "a PNG of \(Int(pw)) x \(Int(ph)) pixels is larger than Cairo can draw (32,767 per side): lower the dpi")
            }
            // Opaque (the scene paints its paper first): RGB PNGs are smaller and faster to encode.
            guard let image = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(pw), Int32(ph)) else {
                throw EpistolaryError(.environment, "Cairo could not create a png surface")
            }
            surface = image
        }
        defer { if document == nil { cairo_surface_destroy(surface) } }
        if document == nil { try CairoStatus.check(cairo_surface_status(surface), "create a png surface") }

        var drawError: Error?
        var drawStatus = CAIRO_STATUS_SUCCESS
        var count = 1
        if format == .png {
            let rows = Int(cairo_image_surface_get_height(surface)), pixels = Int(cairo_image_surface_get_width(surface)) * rows
            count = min(max(1, bands ?? (pixels >= bandedPixels ? ProcessInfo.processInfo.activeProcessorCount : 1)), rows)
        }
        if count == 1 {
            guard let cr = cairo_create(surface) else { throw EpistolaryError(.environment, "Cairo could not create a drawing context") }
            cairo_scale(cr, scale, scale)
            do { try draw(cr) } catch { drawError = error }
            drawStatus = cairo_status(cr)
            cairo_destroy(cr)
        } else {
            (drawError, drawStatus) = drawBands(count, of: surface, scale: scale, draw: draw)
        }
        var png: Data?
        if format == .png, drawError == nil, drawStatus == CAIRO_STATUS_SUCCESS {
            png = PNGImage.encode(surface, dpi: scale * 72)
        }
        let finished: Result<Data, EpistolaryError>
        if let document {
            finished = Result { () throws(EpistolaryError) -> Data in try document.finish() }
        } else {
            cairo_surface_finish(surface)
            finished = Result { () throws(EpistolaryError) -> Data in
                try CairoStatus.check(cairo_surface_status(surface), "finish the png document")
                return Data()
            }
        }
        if let drawError { throw drawError }
        try CairoStatus.check(drawStatus, "draw the \(format.rawValue) figure")
        let data = try finished.get()
        switch format {
        case .svg: return SVGSurfaceIDs.renumber(data)
        case .pdf: return data
        case .png:
            guard let png else { throw EpistolaryError(.environment, "libpng could not write the PNG") }
            return png
        }
    }

    /// Draws `count` bands of the image `surface` at once, each on its own context over its
    /// rows; returns the first error and the first failed status, in band order.
    private static func drawBands(_ count: Int, of surface: OpaquePointer, scale: Double,
                                  draw: @Sendable (OpaquePointer) throws -> Void) -> (Error?, cairo_status_t) {
        cairo_surface_flush(surface)
        let image = ImageRows(surface: surface)
        let outcomes = BandOutcomes(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { b in
            let top = image.height * b / count, bottom = image.height * (b + 1) / count
            guard let band = image.band(rows: top..<bottom) else {
                outcomes.record(b, nil, CAIRO_STATUS_NO_MEMORY)
                return
            }
            defer { cairo_surface_destroy(band) }
            guard let cr = cairo_create(band) else {
                outcomes.record(b, nil, CAIRO_STATUS_NO_MEMORY)
                return
            }
            cairo_translate(cr, 0, -Double(top))
            cairo_scale(cr, scale, scale)
            var error: Error?
            do { try draw(cr) } catch let e { error = e }
            let status = cairo_status(cr)
            cairo_destroy(cr)
            cairo_surface_flush(band)
            outcomes.record(b, error, status)
        }
        cairo_surface_mark_dirty(surface)
        return outcomes.first
    }
}

/// An image surface's pixel rows, shared by the threads drawing its bands (each writes only
/// its own rows, through a surface of its own over them).
private struct ImageRows: @unchecked Sendable {
    let data: UnsafeMutablePointer<UInt8>
    let format: cairo_format_t
    let width: Int32
    let height: Int
    let stride: Int32

    init(surface: OpaquePointer) {
        data = cairo_image_surface_get_data(surface)
        format = cairo_image_surface_get_format(surface)
        width = cairo_image_surface_get_width(surface)
        height = Int(cairo_image_surface_get_height(surface))
        stride = cairo_image_surface_get_stride(surface)
    }

    /// A surface over `rows` of the image (nil when Cairo cannot make one).
    func band(rows: Range<Int>) -> OpaquePointer? {
        let band = cairo_image_surface_create_for_data(data + rows.lowerBound * Int(stride), format, width, Int32(rows.count), stride)
        guard let band, cairo_surface_status(band) == CAIRO_STATUS_SUCCESS else {
            if let band { cairo_surface_destroy(band) }
            return nil
        }
        return band
    }
}

/// What each band's drawing ended with, gathered across threads.
private final class BandOutcomes: Sendable {
    private struct Outcomes {
        var errors: [Error?]
        var statuses: [cairo_status_t]
    }
    private let outcomes: Mutex<Outcomes>

    init(count: Int) {
        outcomes = Mutex(Outcomes(errors: Array(repeating: nil, count: count),
                                  statuses: Array(repeating: CAIRO_STATUS_SUCCESS, count: count)))
    }

    func record(_ band: Int, _ error: Error?, _ status: cairo_status_t) {
        outcomes.withLock {
            $0.errors[band] = error
            $0.statuses[band] = status
        }
    }

    /// The first error and the first failed status, in band order.
    var first: (Error?, cairo_status_t) {
        outcomes.withLock {
            ($0.errors.compactMap { $0 }.first, $0.statuses.first { $0 != CAIRO_STATUS_SUCCESS } ?? CAIRO_STATUS_SUCCESS)
        }
    }
}
