internal import CCairo
import Foundation

/// A Cairo PDF surface writing into memory, with no creation date (same bytes every run).
/// Graphviz draws onto `context` through `gvRenderContext`; `finish()` returns the bytes.
final class CairoPDFDocument {
    /// Receives Cairo's output; retained while the surface lives.
    private final class ByteSink {
        var data = Data()
    }

    private let sink = ByteSink()
    private let sinkPointer: Unmanaged<ByteSink>
    private let surface: OpaquePointer
    let context: OpaquePointer
    private var finished = false

    init(width: Double, height: Double) throws {
        sinkPointer = Unmanaged.passRetained(sink)
        guard let surface = cairo_pdf_surface_create_for_stream({ closure, bytes, length in
            guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
            let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
            sink.data.append(bytes, count: Int(length))
            return CAIRO_STATUS_SUCCESS
        }, sinkPointer.toOpaque(), width, height) else {
            sinkPointer.release()
            throw GraphvizError(.render, messages: ["Cairo could not create a PDF surface"])
        }
        self.surface = surface
        // Cairo 1.16 writes the moment as /CreationDate unless it is set; "" removes it.
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "")
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Epistolary (Graphviz, Cairo)")
        context = cairo_create(surface)
    }

    /// Finishes the document, checks Cairo's status and returns the PDF bytes.
    func finish() throws -> Data {
        finished = true
        cairo_destroy(context)
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw GraphvizError(.render, messages: ["Cairo: \(String(cString: cairo_status_to_string(status)))"])
        }
        return sink.data
    }

    deinit {
        if !finished {
            cairo_destroy(context)
            cairo_surface_finish(surface)
        }
        cairo_surface_destroy(surface)
        sinkPointer.release()
    }
}
