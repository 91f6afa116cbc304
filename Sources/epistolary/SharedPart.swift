import Synchronization

/// A value several gallery jobs need (one graph's export graph and drawing, for its four
/// files), made by the first job that asks for it, while the others that ask meanwhile wait;
/// let go when the last of its `uses` is done, so that a large graph is not held to the end
/// of the run.
final class SharedPart<Value: Sendable>: Sendable {
    private struct State {
        var value: Value?
        var usesLeft: Int
    }
    private let state: Mutex<State>
    private let make: @Sendable () -> Value

    init(uses: Int, make: @escaping @Sendable () -> Value) {
        state = Mutex(State(value: nil, usesLeft: uses))
        self.make = make
    }

    /// Runs `body` with the value (made now if no job has made it yet), counting one use.
    func use<Result>(_ body: (Value) throws -> Result) rethrows -> Result {
        let value = state.withLock { state -> Value in
            if let value = state.value { return value }
            let made = make()
            state.value = made
            return made
        }
        defer {
            state.withLock { state in
                state.usesLeft -= 1
                if state.usesLeft <= 0 { state.value = nil }
            }
        }
        return try body(value)
    }
}
