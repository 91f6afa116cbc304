internal import CGraphviz
import Synchronization
import Foundation

/// Collects what Graphviz writes through its error callback. Graphviz calls the callback in
/// pieces ("Warning", ": ", "message\n"), so pieces accumulate and are split on newlines.
/// Guarded by its own lock: the callback may arrive from whichever thread holds the engine.
final class GraphvizMessages: Sendable {
    static let shared = GraphvizMessages()

    private let pending = Mutex("")

    /// Installs the callback and asks for warnings as well as errors. Called once, by the
    /// engine, when it creates the context.
    static func install() {
        _ = agseterrf { piece in
            if let piece { GraphvizMessages.shared.append(String(cString: piece)) }
            return 0
        }
        _ = agseterr(AGWARN)
    }

    func append(_ piece: String) {
        pending.withLock { $0 += piece }
    }

    /// The complete lines received since the last drain; empties the buffer.
    func drain() -> [String] {
        let text = pending.withLock { pending in
            defer { pending = "" }
            return pending
        }
        return text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }
}
