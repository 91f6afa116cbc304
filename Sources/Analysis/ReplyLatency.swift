import Correspondence

/// How long answers took: days from an incoming message's date to the first message answering
/// it (`in_reply_to` links), per correspondent (the incoming message's writer) and per year (of
/// the answer).
///
/// The incoming day is the cited date for "your message of D" and the arrival day for a message
/// known only as "received on D" (so that latency counts from arrival). Only answers whose own
/// date is known to the day are measured, and an incoming message answered several times counts
/// once, by its first answer (date, then source line). Negative spans (a citation of a later
/// date, i.e. a misdated message) and spans over 60 days (a reference back, not an answer: see
/// `ReplyChains.backReference`) are left out.
///
/// Quartiles use linear interpolation between order statistics (Hyndman and Fan type 7, the
/// default of R and NumPy): for sorted x₀…xₙ₋₁ and p in 0…1, h = (n − 1)·p and
/// q = x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋₊₁ − x⌊h⌋). The median is q(0.5), Q1 q(0.25), Q3 q(0.75).
public struct ReplyLatency: Sendable, Hashable, Codable {
    /// One measured answer.
    public struct Sample: Sendable, Hashable, Codable {
        public var incomingID: String
        public var answerID: String
        public var correspondent: String
        public var incoming: Day
        public var answer: Day
        public var days: Int

        public init(incomingID: String, answerID: String, correspondent: String, incoming: Day, answer: Day, days: Int) {
            self.incomingID = incomingID
            self.answerID = answerID
            self.correspondent = correspondent
            self.incoming = incoming
            self.answer = answer
            self.days = days
        }
    }

    /// Summary of a set of samples, in days.
    public struct Summary: Sendable, Hashable, Codable {
        public var count: Int
        public var median: Double
        public var q1: Double
        public var q3: Double
        public var min: Int
        public var max: Int

        /// Summarises day counts (nil when empty).
        public init?(days: [Int]) {
            guard !days.isEmpty else { return nil }
            let x = days.sorted()
            count = x.count
            median = Summary.quantile(x, 0.5)
            q1 = Summary.quantile(x, 0.25)
            q3 = Summary.quantile(x, 0.75)
            self.min = x[0]
            self.max = x[x.count - 1]
        }

        /// Type 7 quantile of sorted values.
        public static func quantile(_ sorted: [Int], _ p: Double) -> Double {
            let h = Double(sorted.count - 1) * p
            let lo = Int(h.rounded(.down))
            let hi = Swift.min(lo + 1, sorted.count - 1)
            return Double(sorted[lo]) + (h - Double(lo)) * Double(sorted[hi] - sorted[lo])
        }
    }

    /// Samples in order of the answer's date, then incoming id.
    public var samples: [Sample]
    public var overall: Summary?
    public var byCorrespondent: [String: Summary]
    public var byYear: [Int: Summary]

    public init(samples: [Sample]) {
        self.samples = samples
        overall = Summary(days: samples.map(\.days))
        byCorrespondent = Dictionary(grouping: samples, by: \.correspondent).compactMapValues { Summary(days: $0.map(\.days)) }
        byYear = Dictionary(grouping: samples, by: \.answer.year).compactMapValues { Summary(days: $0.map(\.days)) }
    }

    /// Measures the answers among `links` (see the type's comment for the rules).
    /// `index` maps each message id to its position in `messages`.
    ///
    /// - Complexity: O(n + l log l) for n messages and l links.
    static func measure(messages: [Message], index order: [String: Int], inferred: [InferredMessage],
                        links: [ReplyLink]) -> ReplyLatency {
        var inferredDay: [String: (Day, String)] = [:]
        for inc in inferred { if let day = inc.date.notAfter { inferredDay[inc.id] = (day, inc.sender) } }
        func incomingDay(_ id: String) -> (Day, String)? {
            if let known = inferredDay[id] { return known }
            guard let k = order[id], messages[k].date.isExact, let day = messages[k].date.notBefore else { return nil }
            return (day, messages[k].sender)
        }
        var firstAnswer: [String: Int] = [:]
        for link in links where link.kind == .inReplyTo {
            guard let a = order[link.from], messages[a].date.isExact, incomingDay(link.to) != nil else { continue }
            if let current = firstAnswer[link.to], current <= a { continue }
            firstAnswer[link.to] = a
        }
        var samples: [Sample] = []
        for (incoming, a) in firstAnswer {
            guard let (day, correspondent) = incomingDay(incoming), let answer = messages[a].date.notBefore else { continue }
            let days = day.days(to: answer)
            guard days >= 0, days <= ReplyChains.answerWindow else { continue }
            samples.append(Sample(incomingID: incoming, answerID: messages[a].id, correspondent: correspondent,
                                  incoming: day, answer: answer, days: days))
        }
        samples.sort { $0.answer != $1.answer ? $0.answer < $1.answer : $0.incomingID < $1.incomingID }
        return ReplyLatency(samples: samples)
    }
}
