/// The entries an orphan fragment may belong to, indexed by day, so that finding an owner
/// costs a lookup rather than a pass over every entry of the corpus.
///
/// Why it exists: `CorpusAssembler` once scanned all entries for each fragment, which is
/// quadratic; a 50,000-message corpus with thousands of fragments spent most of its reading
/// time there. The index gives exactly the answers of those scans (same ties, same order);
/// it only avoids looking at entries that cannot be the answer.
struct OrphanOwnerIndex {
    // MARK: Broken-off messages, nearest day first

    /// Day ordinals that still have unused broken-off messages, ascending.
    private var truncatedDays: [Int] = []
    /// Unused broken-off messages by day ordinal, ascending entry indices.
    private var truncatedByDay: [Int: [Int]] = [:]
    /// Unused broken-off messages with no day at all, ascending.
    private var truncatedWithoutDay: [Int] = []
    /// The day each broken-off message is filed under.
    private var dayOfTruncated: [Int: Int] = [:]
    /// Every broken-off message in source order, and how far the used ones at its head go.
    private var truncatedInOrder: [Int] = []
    private var firstUnusedInOrder = 0
    private var used = Set<Int>()

    // MARK: Dated messages by day

    /// Messages with an exact day, by day ordinal.
    private var messagesByDay: [Int: [Int]] = [:]
    /// The day ordinals of `messagesByDay`, ascending.
    private var messageDays: [Int] = []

    /// `truncated` are the broken-off messages in source order with their day (own or
    /// estimated, nil if none); `dated` the messages with an exact day, in source order.
    init(truncated: [(index: Int, day: Int?)], dated: [(index: Int, day: Int)]) {
        for entry in truncated {
            truncatedInOrder.append(entry.index)
            if let day = entry.day {
                truncatedByDay[day, default: []].append(entry.index)
                dayOfTruncated[entry.index] = day
            } else {
                truncatedWithoutDay.append(entry.index)
            }
        }
        truncatedDays = truncatedByDay.keys.sorted()
        for entry in dated { addDated(entry.index, day: entry.day) }
    }

    /// Takes the unused broken-off message whose day is nearest `target` (the first in source
    /// order among equally near ones, and one without a day only when none has a day); with
    /// no target, the first unused one in source order. Nil when none is left.
    mutating func takeNearestTruncated(to target: Int?) -> Int? {
        guard let target else {
            while firstUnusedInOrder < truncatedInOrder.count, used.contains(truncatedInOrder[firstUnusedInOrder]) {
                firstUnusedInOrder += 1
            }
            guard firstUnusedInOrder < truncatedInOrder.count else { return nil }
            let m = truncatedInOrder[firstUnusedInOrder]
            take(m)
            return m
        }
        guard !truncatedDays.isEmpty else {
            guard let m = truncatedWithoutDay.first else { return nil }
            take(m)
            return m
        }
        // The nearest days on either side of the target (days with no entry left are removed).
        let p = Self.lowerBound(truncatedDays, target)
        let below = p > 0 ? truncatedDays[p - 1] : nil
        let above = p < truncatedDays.count ? truncatedDays[p] : nil
        // Each day's list is ascending: its head is the first in source order.
        let byDay = truncatedByDay
        let first: (Int) -> Int? = { byDay[$0]?.first }
        let choice: Int?
        switch (below, above) {
        case let (b?, a?):
            let db = target - b, da = a - target
            if db < da { choice = first(b) }
            else if da < db { choice = first(a) }
            else { choice = [first(b), first(a)].compactMap { $0 }.min() }
        case let (b?, nil): choice = first(b)
        case let (nil, a?): choice = first(a)
        case (nil, nil): choice = nil
        }
        guard let choice else { return nil }
        take(choice)
        return choice
    }

    /// Marks a broken-off message used and drops it from the day index.
    private mutating func take(_ m: Int) {
        used.insert(m)
        guard let day = dayOfTruncated[m] else {
            if let i = truncatedWithoutDay.firstIndex(of: m) { truncatedWithoutDay.remove(at: i) }
            return
        }
        guard let members = truncatedByDay[day], let i = members.firstIndex(of: m) else { return }
        if members.count == 1 {
            truncatedByDay[day] = nil
            truncatedDays.remove(at: Self.lowerBound(truncatedDays, day))
        } else {
            truncatedByDay[day]?.remove(at: i)
        }
    }

    /// Records that message `m` has an exact day (given to it after the index was made, too).
    mutating func addDated(_ m: Int, day: Int) {
        if messagesByDay[day] == nil {
            messageDays.insert(day, at: Self.lowerBound(messageDays, day))
        }
        messagesByDay[day, default: []].append(m)
    }

    /// Messages whose exact day lies in `first...last`, in no particular order.
    func datedMessages(from first: Int, through last: Int) -> [Int] {
        guard first <= last else { return [] }
        var result: [Int] = []
        var p = Self.lowerBound(messageDays, first)
        while p < messageDays.count, messageDays[p] <= last {
            result += messagesByDay[messageDays[p]] ?? []
            p += 1
        }
        return result
    }

    /// First position in the ascending `values` whose value is not below `value`.
    private static func lowerBound(_ values: [Int], _ value: Int) -> Int {
        var low = 0, high = values.count
        while low < high {
            let mid = (low + high) / 2
            if values[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
