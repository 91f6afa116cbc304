import Correspondence

/// A failure reported by Graphviz, carrying its own messages (DESIGN decision 2).
public struct GraphvizError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The step that failed.
    public enum Stage: String, Sendable {
        /// The DOT text could not be parsed.
        case parse
        /// The layout program is unknown or failed.
        case layout
        /// The renderer is unavailable or failed.
        case render
        /// The DOT parsed and laid out, but Graphviz reported input it ignored (an unknown
        /// shape, colour, arrow or attribute value): the figure would not be what was asked.
        case rejectedInput = "rejected input"
    }

    public var stage: Stage
    /// Graphviz's messages, one per line, as it wrote them ("Error: syntax error in line 1 near '}'").
    public var messages: [String]

    public init(_ stage: Stage, messages: [String]) {
        self.stage = stage
        self.messages = messages
    }

    public var description: String {
        let detail = messages.isEmpty ? "no message from Graphviz" : messages.joined(separator: "; ")
        return "Graphviz \(stage.rawValue) failed: \(detail)"
    }

    /// The error the command-line tool reports: bad DOT or bad attribute values are bad data
    /// (exit 1), a missing layout or renderer plugin is the environment (exit 3).
    public var epistolaryError: EpistolaryError {
        let pluginMissing = messages.contains { $0.contains("not recognized") || $0.contains("no layout engine support") || $0.contains("unavailable") || $0.contains("Use one of:") }
        return EpistolaryError(pluginMissing ? .environment : .badData, description)
    }
}
