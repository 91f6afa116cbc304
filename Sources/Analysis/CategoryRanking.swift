import Correspondence

/// People and topics in the order they get the palette's colours: by how many messages of the
/// whole corpus they take part in (ties: person-table or lexicon order). The busiest N are
/// coloured and the rest drawn as "others", the same in every figure of a run whatever the
/// filter, because the ranking is taken before any filter.
public struct CategoryRanking: Sendable, Hashable {
    /// Every person id taking part in a message, busiest first, then the person table's
    /// others in table order.
    public let people: [String]
    /// Every topic id of the lexicon, most messages first, then lexicon order.
    public let topics: [String]
    /// Messages each person takes part in (as writer or addressee).
    public let personMessages: [String: Int]
    /// Messages carrying each topic.
    public let topicMessages: [String: Int]

    /// - Complexity: O(n log n) in messages (one pass, then a sort of the people).
    public init(messages: [Message], people table: PersonTable, topicIDs: [String], topics: [String: [TopicMatch]]) {
        var involved: [String: Int] = [:]
        for i in messages.indices {   // by position: only sender and addressees read (DESIGN: a pass reads only the fields it uses)
            Message.forEachInvolved(sender: messages[i].sender, recipients: messages[i].recipients) { involved[$0, default: 0] += 1 }
        }
        let tableOrder = Dictionary(table.people.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let ranked = involved.keys.sorted { a, b in
            let ca = involved[a]!, cb = involved[b]!
            if ca != cb { return ca > cb }
            let oa = tableOrder[a] ?? Int.max, ob = tableOrder[b] ?? Int.max
            return oa != ob ? oa < ob : a < b
        }
        self.people = ranked + table.people.map(\.id).filter { involved[$0] == nil }
        self.personMessages = involved

        var perTopic: [String: Int] = [:]
        for matches in topics.values { for match in matches { perTopic[match.topic, default: 0] += 1 } }
        let lexiconOrder = Dictionary(topicIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        self.topics = topicIDs.sorted { a, b in
            let ca = perTopic[a] ?? 0, cb = perTopic[b] ?? 0
            return ca != cb ? ca > cb : lexiconOrder[a]! < lexiconOrder[b]!
        }
        self.topicMessages = perTopic
    }

    /// The ranking with the people of `members` as one person `group`, ranked by the messages
    /// they take part in together (at most the sum of theirs; `letters` when known): how
    /// figures rank the unidentified people they draw as one.
    ///
    /// - Complexity: O(p log p) in people.
    public func grouping(_ members: Set<String>, into group: String, letters: Int) -> CategoryRanking {
        var messages = personMessages.filter { !members.contains($0.key) }
        messages[group] = letters
        let kept = people.filter { !members.contains($0) }
        let position = kept.firstIndex { (messages[$0] ?? 0) < letters } ?? kept.count
        var people = kept
        people.insert(group, at: position)
        return CategoryRanking(people: people, topics: topics, personMessages: messages, topicMessages: topicMessages)
    }

    private init(people: [String], topics: [String], personMessages: [String: Int], topicMessages: [String: Int]) {
        self.people = people
        self.topics = topics
        self.personMessages = personMessages
        self.topicMessages = topicMessages
    }
}
