import Correspondence
import Foundation

/// For each term of a lexicon, how many messages it matches, how many of those the topic keeps,
/// and a few example lines (`epistolary topics check`): a term that matches many messages the
/// topic does not keep, or none at all, is one to edit.
public struct TermCheck: Sendable {
    /// One term's evidence.
    public struct Row: Sendable, Hashable {
        public var topic: String
        public var term: LexiconTerm
        public var isExclusion: Bool
        /// Messages with at least one match.
        public var messages: Int
        /// Of those, the messages assigned to the topic.
        public var inTopic: Int
        /// Source lines of the first matches (up to `examples`).
        public var exampleLines: [Int]

        /// Matches many messages that the topic does not keep (for a positive term).
        public var overreaches: Bool { !isExclusion && messages >= 3 && inTopic * 2 < messages }
    }

    public var rows: [Row]
    /// Messages per topic.
    public var topicMessages: [String: Int]
    public var lexicon: TopicLexicon

    /// Counts every term of `lexicon` over `messages`; `assigned` are the topics the analysis
    /// gave each message id.
    /// - Complexity: O(W) matching for W words of all bodies, as the analysis.
    public init(messages: [Message], lexicon: TopicLexicon, assigned: [String: [String]], examples: Int = 3) {
        var terms: [(topic: String, term: LexiconTerm, exclusion: Bool)] = []
        var compiled: [[LexiconTerm.Item]] = []
        for topic in lexicon.topics {
            for (list, exclusion) in [(topic.terms, false), (topic.exclusions, true)] {
                for term in list {
                    guard case .success(let items) = term.compiled() else { continue }
                    terms.append((topic.id, term, exclusion))
                    compiled.append(items)
                }
            }
        }
        let matcher = TermMatcher(compiled: compiled)
        let ordered = messages.sorted { $0.span.startLine != $1.span.startLine ? $0.span.startLine < $1.span.startLine : $0.id < $1.id }
        let firstHits = ConcurrentMap.map(count: ordered.count) { i -> [(term: Int, line: Int)] in
            let m = ordered[i]
            let words = WordSequence(m.body, firstLine: m.fieldLines["body"] ?? m.span.startLine)
            var seen = Set<Int>()
            var out: [(term: Int, line: Int)] = []
            for hit in matcher.hits(in: words) where seen.insert(hit.term).inserted {
                out.append((hit.term, words.line(hit.first)))
            }
            return out
        }
        var counts = Array(repeating: 0, count: terms.count)
        var kept = Array(repeating: 0, count: terms.count)
        var lines = Array(repeating: [Int](), count: terms.count)
        var topicMessages: [String: Int] = [:]
        for (i, hits) in firstHits.enumerated() {
            let topics = assigned[ordered[i].id] ?? []
            for t in topics { topicMessages[t, default: 0] += 1 }
            for (term, line) in hits {
                counts[term] += 1
                if topics.contains(terms[term].topic) { kept[term] += 1 }
                if lines[term].count < examples { lines[term].append(line) }
            }
        }
        rows = terms.indices.map { i in
            Row(topic: terms[i].topic, term: terms[i].term, isExclusion: terms[i].exclusion,
                messages: counts[i], inTopic: kept[i], exampleLines: lines[i])
        }
        self.topicMessages = topicMessages
        self.lexicon = lexicon
    }

    /// A plain-text table per topic, terms in lexicon order.
    public var text: String {
        var out = "Term check of \(lexicon.source.isEmpty ? "the lexicon" : lexicon.source): messages each term matches, how many of them the topic keeps, first lines.\n"
        out += "'!' marks a term that matches 3 or more messages of which the topic keeps fewer than half; '0' a term that matches nothing.\n"
        for topic in lexicon.topics {
            let topicRows = rows.filter { $0.topic == topic.id }
            out += "\n\(topic.id) (\(topic.label)): threshold \(Self.number(topic.threshold)), \(topicMessages[topic.id] ?? 0) messages\n"
            let width = max(12, topicRows.map { $0.term.text.count + ($0.isExclusion ? 2 : 0) }.max() ?? 0)
            out += "     " + "term".padding(toLength: width, withPad: " ", startingAt: 0) + "  weight  messages  in topic  lines\n"
            for row in topicRows {
                let flag = row.messages == 0 ? "0" : (row.overreaches ? "!" : " ")
                let name = (row.isExclusion ? "- " : "") + row.term.text
                let weight = (row.isExclusion ? "-" : "") + Self.number(row.term.weight)
                out += "  \(flag)  " + name.padding(toLength: width, withPad: " ", startingAt: 0)
                out += "  " + Self.pad(weight, 6) + "  " + Self.pad(String(row.messages), 8) + "  " + Self.pad(String(row.inTopic), 8)
                out += "  " + row.exampleLines.map(String.init).joined(separator: ", ") + "\n"
            }
        }
        return out
    }

    private static func pad(_ s: String, _ n: Int) -> String {
        String(repeating: " ", count: max(0, n - s.count)) + s
    }

    private static func number(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(x)
    }
}
