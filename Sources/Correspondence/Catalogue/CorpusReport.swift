/// A plain-text account of what was read and what did not fit: messages by correspondent
/// pair and year, then every undated message, fragment, duplicate, displaced date and
/// unreadable line with its line numbers, so a historian can check each against the source.
public struct CorpusReport: Sendable {
    public var corpus: Corpus

    public init(corpus: Corpus) {
        self.corpus = corpus
    }

    public func render() -> String { ByteSink.text { write(to: $0) } }

    /// Writes the report as it is made: one line per undated or adjusted record can be millions
    /// of lines for a large catalogue, which a whole String would hold twice over.
    /// - Complexity: O(n log n) in messages and issues.
    public func write(to out: ByteSink) {
        // Every count in one pass over the messages, each read by position (only the fields
        // counted, no message copied: DESIGN, a pass reads only the fields it uses); pairs are counted by their ids,
        // and named once each after the pass, not once per message.
        let undatedColumn = Int.max   // undated messages are counted in a column of their own, after the years
        var messageCount = 0
        struct Pair: Hashable { let sender: String; let recipients: [String] }
        var byPair: [Pair: [Int: Int]] = [:]
        var yearTotals: [Int: Int] = [:]
        var bySender: [String: Int] = [:]
        var byRecipient: [String: Int] = [:]
        let messages = corpus.messages
        for i in messages.indices where messages[i].kind == .message {
            messageCount += 1
            let column = messages[i].date.best?.year ?? undatedColumn
            byPair[Pair(sender: messages[i].sender, recipients: messages[i].recipients), default: [:]][column, default: 0] += 1
            yearTotals[column, default: 0] += 1
            bySender[messages[i].sender, default: 0] += 1
            for r in messages[i].recipients { byRecipient[r, default: 0] += 1 }
        }
        // By name: two pairs of ids with the same names are one row, as they always were.
        var pairs: [String: [Int: Int]] = [:]
        for (pair, columns) in byPair {
            let name = "\(corpus.people.name(of: pair.sender)) -> " + pair.recipients.map { corpus.people.name(of: $0) }.joined(separator: " + ")
            for (column, count) in columns { pairs[name, default: [:]][column, default: 0] += count }
        }
        out.write("Corpus: \(corpus.sourceName)\n")
        out.write("SHA-256: \(corpus.sourceHash)\n")
        out.write("\(messageCount) messages, \(corpus.messages.count - messageCount) fragments, \(corpus.issues.count) issues\n\n")

        // Counts by correspondent pair and year (year of the best date).
        let years = yearTotals.keys.sorted()
        let pairNames = pairs.keys.sorted { (total(pairs[$0, default: [:]]), $1) > (total(pairs[$1, default: [:]]), $0) }
        let width = max(12, pairNames.map(\.count).max() ?? 0)
        out.write("Messages by correspondents and year (year of the best date)\n")
        out.write(pad("", width) + years.map { pad($0 == undatedColumn ? "undated" : String($0), $0 == undatedColumn ? 8 : 6, right: true) }.joined() + pad("total", 7, right: true) + "\n")
        for name in pairNames {
            let row = pairs[name, default: [:]]
            out.write(pad(name, width) + years.map { pad(row[$0].map(String.init) ?? "-", $0 == undatedColumn ? 8 : 6, right: true) }.joined()
                      + pad(String(total(row)), 7, right: true) + "\n")
        }
        out.write(pad("all", width) + years.map { pad(String(yearTotals[$0] ?? 0), $0 == undatedColumn ? 8 : 6, right: true) }.joined() + pad(String(messageCount), 7, right: true) + "\n\n")

        // Messages by writer.
        out.write("Sent: " + bySender.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\(corpus.people.name(of: $0.key)) \($0.value)" }.joined(separator: ", ") + "\n")
        out.write("Received: " + byRecipient.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\(corpus.people.name(of: $0.key)) \($0.value)" }.joined(separator: ", ") + "\n\n")

        records(to: out, read: messageCount)
        out.write(homonyms())

        let sections: [(ReadIssue.Kind, String)] = [
            (.undated, "Undated messages (no Sent-on or date line of their own)"),
            (.invalidDate, "Dates that name no real day or are not dates (kept undated, raw value shown)"),
            (.unsupported, "Records read with a part left out or changed"),
            (.fragment, "Fragments (text with no header of its own)"),
            (.duplicate, "Messages printed twice"),
            (.displacedDate, "Dates found but not used as a message's own"),
            (.unreadable, "Lines that could not be read"),
        ]
        // One pass over the issues, keeping positions (in reading order) rather than copies.
        let byKind = Dictionary(grouping: corpus.issues.indices) { corpus.issues[$0].kind }
        for (kind, title) in sections {
            let positions = byKind[kind] ?? []
            out.write("\(title): \(positions.count)\n")
            for issue in positions.lazy.map({ corpus.issues[$0] }) {
                let lines = issue.span.startLine == issue.span.endLine ? "line \(issue.span.startLine)" : "lines \(issue.span.startLine)-\(issue.span.endLine)"
                let ids = issue.messageIDs.isEmpty ? "" : " [\(issue.messageIDs.joined(separator: ", "))]"
                out.write("  \(lines): \(issue.detail)\(ids)\n")
            }
            out.write("\n")
        }
    }

    /// Every record accounted for: `read` messages (and of those, adjusted, with how), and
    /// skipped, with file, line and reason.
    /// - Complexity: O(i log i) for i issues.
    func records(to out: ByteSink, read: Int) {
        let skipped = corpus.issues.filter { $0.outcome == .skipped }.sorted { $0.span.startLine < $1.span.startLine }
        let adjusted = corpus.issues.filter { $0.outcome == .adjusted }.sorted { $0.span.startLine < $1.span.startLine }
        let adjustedRecords = Set(adjusted.map(\.span.startLine)).count
        out.write("Records: \(read + skipped.count) (\(read) read, of which \(adjustedRecords) adjusted; \(skipped.count) skipped)\n")
        out.write("Skipped records: \(skipped.count)\n")
        for issue in skipped { out.write("  \(issue.located)\n") }
        out.write("Adjusted records: \(adjustedRecords)\n")
        for issue in adjusted { out.write("  \(issue.located)\(issue.messageIDs.isEmpty ? "" : " [\(issue.messageIDs.joined(separator: ", "))]")\n") }
        out.write("\n")
    }

    /// People shown under one name but kept apart (different authority ids, or one with an id
    /// and one without): merge them with `--people` if they are one person.
    func homonyms() -> String {
        let groups = corpus.people.homonyms()
        var out = "People kept apart under one name: \(groups.count)\n"
        for group in groups {
            out += "  \(group[0].name): " + group.map { p in
                "\(p.id) (\(p.authorityURIs.isEmpty ? "no authority id" : p.authorityURIs.joined(separator: " ")))"
            }.joined(separator: "; ") + "\n"
        }
        return out + "\n"
    }

    private func total(_ row: [Int: Int]) -> Int { row.values.reduce(0, +) }

    private func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - s.count))
        return right ? fill + s : s + fill
    }
}
