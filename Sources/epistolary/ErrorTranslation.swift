import Correspondence
import GraphRender
import Styling
import TOMLReader

/// Every module's own error type, as the one error users see (`file:line: message` and the
/// exit codes of DESIGN decision 8: 1 bad data, 2 bad usage, 3 environment). Commands just
/// throw; `Epistolary.main` translates once.
enum ErrorTranslation {
    static func epistolaryError(_ error: Error) -> EpistolaryError? {
        switch error {
        case let error as EpistolaryError:
            return error
        case let error as GraphvizError:
            return error.epistolaryError
        case let error as TOMLError:
            // A TOML file that could not be read at all: usage; anything in its data: bad data.
            return EpistolaryError(error.unreadable ? .badUsage : .badData, file: error.file, line: error.line, error.message)
        default:
            return nil
        }
    }
}
