internal import CCairo
import Correspondence
import Foundation

/// A vector document (SVG or PDF) that Cairo writes into memory through its stream callback:
/// the one Cairo stream writer of the project, used by the timelines' `Canvas` and by the
/// graph figures' PDF (Graphviz draws onto `surface` through `gvRenderContext`).
///
/// A PDF carries no creation date (Cairo writes the moment unless told otherwise), so the same
/// figure gives the same bytes (DESIGN decision 7); `creator` is its only metadata.
package final class CairoDocument {
    package enum Format: String, Sendable {
        case svg, pdf
    }

    package let format: Format
    /// The `cairo_surface_t *` to draw on; valid until `finish()` or the end of the document.
    package let surface: OpaquePointer
    private let sink: Unmanaged<ByteSink>
    private var finished = false

    /// A document of `width` × `height` points.
    /// - Throws: `EpistolaryError` (environment) when Cairo cannot create the surface.
    package init(_ format: Format, width: Double, height: Double, creator: String) throws(EpistolaryError) {
        let sink = Unmanaged.passRetained(ByteSink())
        let created: OpaquePointer?
        switch format {
        case .svg: created = cairo_svg_surface_create_for_stream(appendToSink, sink.toOpaque(), width, height)
        case .pdf: created = cairo_pdf_surface_create_for_stream(appendToSink, sink.toOpaque(), width, height)
        }
        guard let created else {
            sink.release()
            throw EpistolaryError(.environment, "Cairo could not create a \(format.rawValue) surface")
        }
        if format == .pdf {
            // Cairo 1.16 writes the moment as /CreationDate unless it is set; "" removes it.
            cairo_pdf_surface_set_metadata(created, CAIRO_PDF_METADATA_CREATE_DATE, "")
            cairo_pdf_surface_set_metadata(created, CAIRO_PDF_METADATA_CREATOR, creator)
        }
        self.format = format
        self.surface = created
        self.sink = sink
        do {
            try CairoStatus.check(cairo_surface_status(created), "create a \(format.rawValue) surface")
        } catch {
            finished = true
            cairo_surface_destroy(created)
            sink.release()
            throw error
        }
    }

    /// Finishes the document (contexts drawing on it should be destroyed first), checks
    /// Cairo's status and returns the document's bytes.
    package func finish() throws(EpistolaryError) -> Data {
        if !finished {
            finished = true
            cairo_surface_finish(surface)
        }
        try CairoStatus.check(cairo_surface_status(surface), "finish the \(format.rawValue) document")
        let bytes = sink.takeUnretainedValue()
        if bytes.failed { throw EpistolaryError(.environment, "Cairo wrote the \(format.rawValue) document in pieces larger than memory allows") }
        return bytes.data
    }

    deinit {
        if !finished { cairo_surface_finish(surface) }
        cairo_surface_destroy(surface)
        sink.release()
    }
}

/// Where a stream surface's bytes accumulate; retained for the surface's lifetime.
private final class ByteSink {
    var data = Data()
    var failed = false
}

/// The C callback of Cairo's stream surfaces: appends to the `ByteSink` passed as closure.
private let appendToSink: cairo_write_func_t = { closure, bytes, length in
    guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
    let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
    if length > 0 {
        guard let bytes else {
            sink.failed = true
            return CAIRO_STATUS_WRITE_ERROR
        }
        sink.data.append(bytes, count: Int(length))
    }
    return CAIRO_STATUS_SUCCESS
}
