import Correspondence

/// Every letter of a corpus as `CorrespondentGraph.build` counts it, with people and
/// classifications numbered once: each message's writers and addressees (known ids only, in
/// source order), its best day and its classification, and each inferred message's sender,
/// recipient and day, all as numbers in flat arrays.
///
/// Why: a figure past its budget merges everyone after the top N into one node, and tries
/// several N to keep its text legible (the correspondents figure up to seven, the matrix
/// figure as many). Each merged graph was a pass over every message hashing every writer's
/// and addressee's id twice (its number, whether it is kept): 0.3 s each at 500,000 messages,
/// 2.7 s of the gallery's CPU (issue 13). Numbered once, a merge hashes each person once.
public struct LetterNumbers: Sendable {
    /// Person ids by number, in order of first appearance (messages, then inferred messages).
    public let ids: [String]
    /// Message m's writers are `writers[writerBounds[m] ..< writerBounds[m + 1]]`.
    let writerBounds: [Int32]
    let writers: [Int32]
    /// Message m's addressees are `addressees[addresseeBounds[m] ..< addresseeBounds[m + 1]]`.
    let addresseeBounds: [Int32]
    let addressees: [Int32]
    /// The number of each message's `sender` (its first writer), -1 when it is not known.
    let senders: [Int32]
    /// Each message's best day (`Day.ordinal`), `PairOccurrence.undated` when it has none.
    let days: [Int32]
    /// Each message's classification, a position in `classificationNames`.
    let classifications: [Int32]
    /// Classifications by number, in order of first appearance ("" for none).
    let classificationNames: [String]
    /// Each inferred message's sender, recipient and best day, as the messages' are.
    let inferredSenders: [Int32]
    let inferredRecipients: [Int32]
    let inferredDays: [Int32]

    /// - Complexity: O(m) for m messages (and their writers and addressees) and inferred messages.
    public init(messages: [Message], inferred: [InferredMessage]) {
        var number: [String: Int32] = [:]
        var ids: [String] = []
        func person(_ id: String) -> Int32 {
            if let k = number[id] { return k }
            let k = Int32(ids.count)
            number[id] = k
            ids.append(id)
            return k
        }
        var classNumber: [String: Int32] = [:]
        var classNames: [String] = []
        var writerBounds: [Int32] = [0], writers: [Int32] = [], addresseeBounds: [Int32] = [0], addressees: [Int32] = []
        var senders: [Int32] = [], days: [Int32] = [], classifications: [Int32] = []
        writerBounds.reserveCapacity(messages.count + 1)
        addresseeBounds.reserveCapacity(messages.count + 1)
        writers.reserveCapacity(messages.count)
        addressees.reserveCapacity(messages.count)
        senders.reserveCapacity(messages.count)
        days.reserveCapacity(messages.count)
        classifications.reserveCapacity(messages.count)
        // Fields read in place: no message is copied.
        for index in messages.indices {
            // Fragments whose writer or addressee the reader could not tell have empty ids:
            // they count for the people who are known and draw no edge.
            for w in messages[index].senders where !w.isEmpty { writers.append(person(w)) }
            for r in messages[index].recipients where !r.isEmpty { addressees.append(person(r)) }
            writerBounds.append(Int32(writers.count))
            addresseeBounds.append(Int32(addressees.count))
            let sender = messages[index].sender
            senders.append(sender.isEmpty ? -1 : person(sender))
            days.append(messages[index].date.best.map { Int32(clamping: $0.ordinal) } ?? PairOccurrence.undated)
            let name = messages[index].classification
            if let k = classNumber[name] {
                classifications.append(k)
            } else {
                let k = Int32(classNames.count)
                classNumber[name] = k
                classNames.append(name)
                classifications.append(k)
            }
        }
        var inferredSenders: [Int32] = [], inferredRecipients: [Int32] = [], inferredDays: [Int32] = []
        for inc in inferred {
            inferredSenders.append(person(inc.sender))
            inferredRecipients.append(person(inc.recipient))
            inferredDays.append(inc.date.best.map { Int32(clamping: $0.ordinal) } ?? PairOccurrence.undated)
        }
        self.ids = ids
        self.writerBounds = writerBounds
        self.writers = writers
        self.addresseeBounds = addresseeBounds
        self.addressees = addressees
        self.senders = senders
        self.days = days
        self.classifications = classifications
        classificationNames = classNames
        self.inferredSenders = inferredSenders
        self.inferredRecipients = inferredRecipients
        self.inferredDays = inferredDays
    }

    /// Messages (not inferred ones) numbered.
    public var messageCount: Int { days.count }

    /// Messages whose `sender` or an addressee is a person for whom `isMarked` (by number) is true.
    /// - Complexity: O(m) for m messages and their addressees.
    public func messagesNaming(_ isMarked: [Bool]) -> Int {
        precondition(isMarked.count == ids.count, "one mark per person")
        var count = 0
        for m in 0..<messageCount {
            if senders[m] >= 0 && isMarked[Int(senders[m])] {
                count += 1
                continue
            }
            for k in Int(addresseeBounds[m])..<Int(addresseeBounds[m + 1]) where isMarked[Int(addressees[k])] {
                count += 1
                break
            }
        }
        return count
    }
}
