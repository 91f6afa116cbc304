package import CCairo
import Correspondence

/// Cairo's status codes as errors: the one place a failed Cairo call becomes an
/// `EpistolaryError` naming what failed (out of memory and write errors are the environment,
/// anything else bad data).
package enum CairoStatus {
    /// Throws when `status` is not success; `doing` completes "Cairo could not …".
    package static func check(_ status: cairo_status_t, _ doing: String) throws(EpistolaryError) {
        guard status != CAIRO_STATUS_SUCCESS else { return }
        let reason = String(cString: cairo_status_to_string(status))
        let kind: EpistolaryError.Kind = status == CAIRO_STATUS_WRITE_ERROR || status == CAIRO_STATUS_NO_MEMORY ? .environment : .badData
        throw EpistolaryError(kind, "Cairo could not \(doing): \(reason)")
    }
}
