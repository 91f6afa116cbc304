import Correspondence

/// The person whose correspondence a corpus (or a slice of it) is, when it has one, and how each
/// message is seen from them. One rule for every figure and export: lanes, counterparts, titles
/// and captions all read it from `CorpusAnalysis.principal`, so the replies graph and the
/// timelines of one slice agree on their centre.
///
/// A corpus has a central person when one person takes part (as writer or addressee) in more
/// than half of its messages: an edition of one person's letters has one, a CSV or CMIF file
/// pooling many writers usually has none, and then figures use no ego wording. Fragments
/// (entries with no header, whose writer is guessed) are not counted.
public struct Principal: Sendable, Hashable {
    /// The central person's id; nil when the corpus has none.
    public let id: String?
    /// Messages (not fragments) the rule was decided on.
    public let messageCount: Int
    /// Messages the central person takes part in (0 when there is none).
    public let involvedCount: Int

    /// The share of messages the central person must take part in more than.
    public static let minimumShare = 0.5

    /// No central person: every message is seen from its writer and its addressees alike.
    public static let none = Principal(id: nil, messageCount: 0, involvedCount: 0)

    public init(id: String?, messageCount: Int, involvedCount: Int) {
        self.id = id
        self.messageCount = messageCount
        self.involvedCount = involvedCount
    }

    /// The rule applied to `messages` alone: the person taking part in the most messages
    /// (ties: the one who wrote more of them, then the smaller id), if that is more than
    /// `minimumShare` of them.
    /// - Complexity: O(n) in messages and their addressees.
    public static func decide(_ messages: [Message]) -> Principal {
        var involved: [String: Int] = [:], wrote: [String: Int] = [:]
        var total = 0
        for i in messages.indices where messages[i].kind == .message {   // by position (DESIGN: a pass reads only the fields it uses)
            total += 1
            wrote[messages[i].sender, default: 0] += 1
            Message.forEachInvolved(sender: messages[i].sender, recipients: messages[i].recipients) { involved[$0, default: 0] += 1 }
        }
        let best = involved.max { a, b in
            if a.value != b.value { return a.value < b.value }
            let wa = wrote[a.key] ?? 0, wb = wrote[b.key] ?? 0
            if wa != wb { return wa < wb }
            return a.key > b.key
        }
        guard let best, total > 0, Double(best.value) > minimumShare * Double(total) else {
            return Principal(id: nil, messageCount: total, involvedCount: 0)
        }
        return Principal(id: best.key, messageCount: total, involvedCount: best.value)
    }

    /// The rule for a slice of a corpus whose own central person is `whole`: that person stays
    /// the centre while they take part in more than `minimumShare` of the slice's messages (so
    /// `--correspondent B` of A's letters is still A's correspondence with B); otherwise the
    /// rule is decided on the slice alone.
    /// - Complexity: O(n) in the slice's messages.
    public static func decide(_ slice: [Message], within whole: Principal) -> Principal {
        if let p = whole.id {
            var total = 0, involved = 0
            for m in slice where m.kind == .message {
                total += 1
                if m.sender == p || m.recipients.contains(p) { involved += 1 }
            }
            if total > 0, Double(involved) > minimumShare * Double(total) {
                return Principal(id: p, messageCount: total, involvedCount: involved)
            }
        }
        return decide(slice)
    }

    /// Whether the corpus has a central person (ego wording is allowed).
    public var exists: Bool { id != nil }

    /// How a message stands to the central person.
    public enum Relation: Sendable, Hashable {
        /// Written by the central person.
        case fromPrincipal
        /// Written to the central person by someone else.
        case toPrincipal
        /// Between two other people: neither written by nor addressed to the central person.
        case betweenOthers
        /// The corpus has no central person.
        case noPrincipal
    }

    public func relation(writer: String, addressees: [String]) -> Relation {
        guard let p = id else { return .noPrincipal }
        if writer == p { return .fromPrincipal }
        return addressees.contains(p) ? .toPrincipal : .betweenOthers
    }

    /// Calls `body(person, wroteIt)` for each correspondent lane a message belongs to, in one
    /// rule for every lane figure: a lane is a correspondent of the central person (or any
    /// person when there is none); in it, letters that person wrote lie above the line
    /// (`wroteIt`), letters to them below. The central person has no lane of their own.
    /// - a letter of the central person: each distinct addressee's lane, below;
    /// - a letter to the central person: its writer's lane, above;
    /// - a letter between others, or any letter when there is no central person: its writer's
    ///   lane above and each distinct addressee's lane below.
    /// A letter of the central person with no other addressee goes to `unknownLane`, below.
    /// Allocates nothing for a letter of up to 16 addressees, for large corpora.
    public func forEachLane(writer: String, addressees rs: [String], _ body: (_ person: String, _ wroteIt: Bool) -> Void) {
        let p = id
        if let p, writer == p {
            var any = false
            forEachDistinct(rs, except: p) {
                body($0, false)
                any = true
            }
            if !any { body(Principal.unknownLane, false) }
            return
        }
        body(writer, true)
        if let p, rs.contains(p) { return }
        forEachDistinct(rs, except: writer) { body($0, false) }
    }

    /// Each of `people` once, in order, but `except`: the earlier ones searched for a short
    /// list (no allocation), a set for a long one (a letter to a million people is linear).
    private func forEachDistinct(_ people: [String], except: String, _ body: (String) -> Void) {
        if people.count <= 16 {
            for (i, r) in people.enumerated() where r != except && !people[..<i].contains(r) { body(r) }
        } else {
            var passed: Set<String> = [except]
            for r in people where passed.insert(r).inserted { body(r) }
        }
    }

    /// The lanes of a message as a list (`forEachLane` in order).
    public func lanes(writer: String, addressees: [String]) -> [(person: String, wroteIt: Bool)] {
        var out: [(person: String, wroteIt: Bool)] = []
        forEachLane(writer: writer, addressees: addressees) { out.append(($0, $1)) }
        return out
    }

    /// The one lane of a figure that draws each letter once (the replies figure): the first of
    /// its lanes (`forEachLane`), so a letter between others lies in its writer's lane, above.
    public func firstLane(writer: String, addressees: [String]) -> (person: String, wroteIt: Bool) {
        var first: (person: String, wroteIt: Bool)?
        forEachLane(writer: writer, addressees: addressees) { person, wroteIt in
            if first == nil { first = (person, wroteIt) }
        }
        return first ?? (Principal.unknownLane, false)
    }

    /// How a title names the correspondence of the central person called `name` ("Ada
    /// Lovelace and correspondents"): the same words in every figure of the corpus.
    public static func titleWords(centre name: String) -> String { "\(name) and correspondents" }

    /// The one other party a message is counted under in totals (stacks, heat tables): the
    /// writer, unless the central person wrote it; then its only addressee other than them,
    /// `jointCounterpart` when it went to several, `unknownLane` when to none. With no central
    /// person (or a letter between others) it is the writer.
    public func counterpart(writer: String, addressees rs: [String]) -> String {
        guard let p = id, writer == p else { return writer }
        var found: String?
        for r in rs where r != p {
            if let f = found, f != r { return Principal.jointCounterpart }
            found = r
        }
        return found ?? Principal.unknownLane
    }

    /// The lane of the central person's letters whose addressee is not known (fragments).
    public static let unknownLane = "(unknown)"
    /// The counterpart of a letter of the central person to several correspondents at once.
    public static let jointCounterpart = "(joint)"

    /// True for the keys of `unknownLane` and `jointCounterpart`, which are not people.
    public static func isPlaceholder(_ key: String) -> Bool { key == unknownLane || key == jointCounterpart }
}
