import Correspondence

/// The topic ids of every message of an analysis, by the message's position in
/// `CorpusAnalysis.messages`: each topic numbered once, each message's topics a range of
/// numbers in one flat array.
///
/// Why: `topics[id]` hashes the message's id and retains its list of matches, which every core
/// then shares. The replies graph's four files ask it of every message, four times in all: two
/// thirds of the time its node values took at 500,000 messages (issue 13). Made once, a
/// message's topics are read by position, with no hash and no shared list.
public struct TopicIDsByPosition: Sendable {
    /// Topic ids by number, in order of first appearance.
    private let names: [String]
    /// Message m's topics are `numbers[bounds[m] ..< bounds[m + 1]]`, in the order of `topics[id]`.
    private let bounds: [Int32]
    private let numbers: [Int32]

    /// - Complexity: O(m) for m messages: one lookup of `analysis.topics` each.
    public init(_ analysis: CorpusAnalysis) {
        let messages = analysis.messages, topics = analysis.topics
        var names: [String] = [], number: [String: Int32] = [:]
        var bounds: [Int32] = [0], numbers: [Int32] = []
        bounds.reserveCapacity(messages.count + 1)
        for index in messages.indices {
            for match in topics[messages[index].id] ?? [] {
                let k = number[match.topic] ?? {
                    let k = Int32(names.count)
                    names.append(match.topic)
                    number[match.topic] = k
                    return k
                }()
                numbers.append(k)
            }
            bounds.append(Int32(numbers.count))
        }
        self.names = names
        self.bounds = bounds
        self.numbers = numbers
    }

    /// The topic ids of the message at `position` joined by `separator` ("" when it has none):
    /// what `(topics[id] ?? []).map(\.topic).joined(separator:)` gives.
    /// - Complexity: O(k) for the message's k topics.
    public func joined(at position: Int, separator: String) -> String {
        let lower = Int(bounds[position]), upper = Int(bounds[position + 1])
        guard lower < upper else { return "" }
        var text = names[Int(numbers[lower])]
        for k in (lower + 1)..<upper {
            text += separator
            text += names[Int(numbers[k])]
        }
        return text
    }
}
