/// Sorts messages into `Corpus.stableOrder` (best date, undated last, then source line; ties
/// keep their order) through keys computed once, moving the messages rather than copying them.
///
/// Why: comparing messages copies them (a retain and a release for each field) and works out
/// each best day at every comparison; on large corpora that sort was a large part of reading.
public enum StableOrder {
    /// - Complexity: O(n) when already in order (the usual case: a source printed by date),
    ///   else O(n log n).
    static func sort(_ messages: inout [Message]) {
        // The position is the last key: equal messages keep their order, as in a stable sort.
        let keys = messages.indices.map { (messages[$0].date.best?.ordinal ?? Int.max, messages[$0].span.startLine, $0) }
        guard zip(keys, keys.dropFirst()).contains(where: { $0.0 > $0.1 }) else { return }
        permute(&messages, into: keys.sorted { $0 < $1 }.map(\.2))
    }

    /// Puts `values[order[0]]` first, `values[order[1]]` second and so on, moving each value
    /// along the cycles of the permutation: values are moved, never copied (a Message copied
    /// costs a retain and a release for each of its fields). `order` must be a permutation.
    /// - Complexity: O(n).
    public static func permute<T>(_ values: inout [T], into order: [Int]) {
        precondition(order.count == values.count)
        var done = [Bool](repeating: false, count: order.count)
        values.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for start in order.indices where !done[start] {
                // Position k takes the value at order[k]; the value at `start` waits aside.
                let first = (base + start).move()
                var k = start
                while order[k] != start {
                    (base + k).moveInitialize(from: base + order[k], count: 1)
                    done[k] = true
                    k = order[k]
                }
                (base + k).initialize(to: first)
                done[k] = true
            }
        }
    }
}
