/// Sorts Graphviz's messages into those that reject the input and those that are remarks.
///
/// Every "Error" rejects. A "Warning" rejects when it says Graphviz ignored or replaced part
/// of the input (an unknown shape, colour, arrow, attribute value, a syntax problem): the
/// figure would silently not be what the DOT asked for. Other warnings (layout remarks such
/// as "Unable to reclaim box space") are returned to the caller.
enum GraphvizMessageTriage {
    private static let rejectingPhrases = [
        "unknown", "not a known", "not recognized", "ignored", "ignoring", "illegal",
        "syntax error", "no such", "invalid", "unsupported", "no layout engine", "unavailable",
    ]

    static func rejects(_ message: String) -> Bool {
        if message.hasPrefix("Error") { return true }
        let lowered = message.lowercased()
        return rejectingPhrases.contains { lowered.contains($0) }
    }

    /// Throws when any message rejects the input; otherwise returns the messages as warnings.
    static func check(_ messages: [String], stage: GraphvizError.Stage) throws -> [String] {
        if messages.contains(where: rejects) {
            throw GraphvizError(stage == .parse ? .parse : .rejectedInput, messages: messages)
        }
        return messages
    }
}
