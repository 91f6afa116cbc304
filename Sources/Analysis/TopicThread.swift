/// A topic's messages in chronological order (best date, then source line), overall and per
/// correspondent (every person who wrote or received one of them).
public struct TopicThread: Sendable, Hashable, Codable {
    public var topic: String
    public var messageIDs: [String]
    public var byCorrespondent: [String: [String]]

    public init(topic: String, messageIDs: [String], byCorrespondent: [String: [String]]) {
        self.topic = topic
        self.messageIDs = messageIDs
        self.byCorrespondent = byCorrespondent
    }
}
