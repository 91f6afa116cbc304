import Correspondence

/// A directed link between two messages (corpus or inferred), with the evidence for it.
public struct ReplyLink: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// An (inferred) incoming message → the earlier outgoing message it most plausibly answers.
        case answers
        /// A message → the incoming message it cites as "your message of D" (it answers it).
        case inReplyTo = "in_reply_to"
        /// A message → the writer's own earlier message it cites ("my message of D").
        case citesOwn = "cites_own"
        /// The same text sent to another addressee on the same day (earlier source line → later).
        case parallel
    }

    public var from: String
    public var to: String
    public var kind: Kind
    /// 0...1: how sure the rule is (see `ReplyChains` for the values).
    public var confidence: Double
    public var evidence: LinkEvidence

    public init(from: String, to: String, kind: Kind, confidence: Double, evidence: LinkEvidence) {
        self.from = from
        self.to = to
        self.kind = kind
        self.confidence = confidence
        self.evidence = evidence
    }
}

/// Why a link exists: the words of the text and their line, and the rule that drew the link.
public struct LinkEvidence: Sendable, Hashable, Codable {
    /// The words of the text ("your message of May 11"), or for rule-made links the text that
    /// best shows it (the citation the rule started from, the opening of a parallel text).
    public var phrase: String
    public var line: Int
    /// One sentence naming the rule ("latest message to Churchill before 1942-05-11").
    public var rule: String

    public init(phrase: String, line: Int, rule: String) {
        self.phrase = phrase
        self.line = line
        self.rule = rule
    }
}

/// A reference that points to no message of the corpus and to no inferred message.
public struct UnresolvedReference: Sendable, Hashable, Codable {
    public enum Reason: String, Sendable, Hashable, Codable {
        /// A third party's document (a memorandum, another leader's message).
        case thirdParty = "third_party"
        /// No date, and no candidate in the corpus.
        case undated
        /// "my message of D": the writer has no message of that date in the corpus.
        case noSuchMessage = "no_such_message"
        /// The citing message has no addressee to attribute the cited message to.
        case noCorrespondent = "no_correspondent"
    }

    public var messageID: String
    public var reference: Reference
    public var reason: Reason

    public init(messageID: String, reference: Reference, reason: Reason) {
        self.messageID = messageID
        self.reference = reference
        self.reason = reason
    }
}
