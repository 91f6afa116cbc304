/// Marks of letters dated from one side only, moved apart where a "not before" letter and a
/// "not after" letter would share a spot of one row: drawn on one spot, their whiskers read as
/// one letter with arrows both ways. Each mark moves only toward its open side (a "not before"
/// letter later, a "not after" one earlier), so it never stands at a date the letter cannot
/// have; the pair ends `apart` points from each other about their middle.
struct OpenDateSpacing {
    /// One open date's mark in a row: its key (a mark slot), x and open side.
    struct Mark {
        var key: Int
        var x: Double
        var later: Bool
    }

    /// The x of each moved mark, by key; marks not moved are absent.
    private(set) var moved: [Int: Double] = [:]

    /// - Complexity: O(k log k + p) per row in its k open marks and the p opposite pairs closer than `apart`.
    init(rows: [Int: [Mark]], apart: Double) {
        for row in rows.keys.sorted() {
            let marks = rows[row]!.sorted { ($0.x, $0.key) < ($1.x, $1.key) }
            for i in marks.indices {
                var j = i + 1
                while j < marks.count, marks[j].x - marks[i].x < apart {
                    if marks[i].later != marks[j].later {
                        let (later, earlier) = marks[i].later ? (marks[i], marks[j]) : (marks[j], marks[i])
                        let middle = (later.x + earlier.x) / 2
                        moved[later.key] = max(moved[later.key] ?? later.x, middle + apart / 2)
                        moved[earlier.key] = min(moved[earlier.key] ?? earlier.x, middle - apart / 2)
                    }
                    j += 1
                }
            }
        }
    }

    /// The caption's sentence on `count` marks moved; empty when none was.
    static func sentence(_ count: Int) -> String {
        count == 0 ? "" : "Where a letter dated only \"not before\" a day and one dated only \"not after\" would share a spot, "
            + "each is set beside the other toward the side its date is open to (\(count) marks). "
    }
}
