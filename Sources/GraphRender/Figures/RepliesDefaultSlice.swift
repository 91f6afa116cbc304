import Analysis
import Correspondence

/// The part of a correspondence the replies figure draws when the whole of it is past the
/// theme's budget (`graph.replies.marks`): chosen from the data, never from a topic list, and
/// named in the figure's title.
///
/// The busiest period first: of year, quarter and month, the coarsest unit whose busiest period
/// fits the budget and whose bins (one mark wide) stay within `maximumDaysPerBin`, so that an
/// answer is rarely counted in one mark with what it answers; and that period. When even the busiest month is past the budget, the
/// correspondent with the most exchanges in that month (the pair with the central person, `Principal`).
public struct RepliesSlice: Sendable, Equatable {
    /// First and last day drawn.
    public var from: Day
    public var to: Day
    /// The counterpart kept when the period alone is past the budget.
    public var correspondent: String?
    /// The unit of the period ("year", "quarter", "month").
    public var unit: String
    /// The period in words ("1943", "Apr–Jun 1943", "March 1943").
    public var period: String
    /// Messages and inferred messages in the slice, and in the whole.
    public var marks: Int
    public var total: Int

    /// The slice in words for titles and captions, with `name` giving a person's short name:
    /// "busiest month, March 1943, with Churchill: 212 of 50,000 messages".
    public func words(name: (String) -> String) -> String {
        "busiest \(unit), \(period)" + (correspondent.map { ", with " + name($0) } ?? "")
            + ": \(marks) of \(Self.grouped(total)) messages"
    }

    /// The slice of `analysis` to draw within `budget` marks, nil when all of it fits.
    /// `lane` gives each message's counterpart (the figure's lane rule).
    ///
    /// - Complexity: O(n log n) in messages and inferred messages (one pass counting periods,
    ///   one sort of the busiest month's counterparts).
    public static func choose(_ analysis: CorpusAnalysis, budget: Int, bins: Int = 1000,
                              lane: (_ writer: String, _ addressees: [String]) -> String?) -> RepliesSlice? {
        var days: [Day] = []
        days.reserveCapacity(analysis.messages.count + analysis.inferred.count)
        // Marks are placed in time: undated messages are not drawn, so they do not count here.
        let messages = analysis.messages
        for i in messages.indices { if let day = messages[i].date.best { days.append(day) } }   // only the date read
        for incoming in analysis.inferred { if let day = incoming.date.best { days.append(day) } }
        let total = days.count
        guard total > budget else { return nil }

        // Months numbered from year 0; a period of `length` months starts at a multiple of it.
        var months: [Int: Int] = [:]
        for day in days { months[day.year * 12 + day.month - 1, default: 0] += 1 }
        for (unit, length) in [("year", 12), ("quarter", 3), ("month", 1)] {
            var periods: [Int: Int] = [:]
            for (month, count) in months { periods[month - ((month % length) + length) % length, default: 0] += count }
            // Busiest first, earliest on a tie.
            guard let busiest = periods.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }) else { return nil }
            let fineEnough = Double(length) * 30.5 / Double(max(1, bins)) <= Self.maximumDaysPerBin
            guard (busiest.value <= budget && fineEnough) || length == 1 else { continue }
            let start = busiest.key
            let from = Day(year: start / 12, month: start % 12 + 1, day: 1)!
            let endMonth = start + length - 1
            let to = Day(year: endMonth / 12, month: endMonth % 12 + 1, day: Day.daysIn(month: endMonth % 12 + 1, year: endMonth / 12))!
            var slice = RepliesSlice(from: from, to: to, correspondent: nil, unit: unit,
                                     period: period(start: start, length: length), marks: busiest.value, total: total)
            if busiest.value > budget {
                // Even the busiest month is past the budget: its busiest pair.
                var exchanges: [String: Int] = [:]
                for i in messages.indices {   // by position: only the fields used are read
                    guard messages[i].date.best.map({ $0 >= from && $0 <= to }) == true else { continue }
                    if let other = lane(messages[i].sender, messages[i].recipients) { exchanges[other, default: 0] += 1 }
                }
                for incoming in analysis.inferred where incoming.date.best.map({ $0 >= from && $0 <= to }) == true {
                    if let other = lane(incoming.sender, [incoming.recipient]) { exchanges[other, default: 0] += 1 }
                }
                if let pair = exchanges.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }) {
                    slice.correspondent = pair.key
                    slice.marks = pair.value
                }
            }
            return slice
        }
        return nil
    }

    /// The widest bin a sliced figure is drawn with, in days: about a week and a half.
    public static let maximumDaysPerBin = 10.0

    private static let monthNames = MonthNames.full

    /// A period of `length` months from month number `start`, in words.
    static func period(start: Int, length: Int) -> String {
        let year = start / 12, month = start % 12
        switch length {
        case 12: return "\(year)"
        case 1: return "\(monthNames[month]) \(year)"
        default:
            let last = month + length - 1
            return "\(MonthNames.abbreviated[month])–\(MonthNames.abbreviated[last]) \(year)"
        }
    }

    /// 50000 as "50,000".
    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }
}
