/// Marks of one lane row set apart where they would cover each other: each mark keeps its x
/// (its date) and takes the first level, counted away from the lane's line, at which it
/// stands at least `step` from the mark before it on that level (a dodge). Two marks of a row
/// then lie at least `step` apart across the lane or along it, so none covers more than
/// `overlap` of another's size, and seven letters of one month read as seven marks.
///
/// A row may need more levels than its lane can hold (hundreds of letters at column width):
/// a mark with no free level then goes to the level where it covers least, and is counted
/// (`covering`), so the caption can say how many marks still lie over others. Past the marks
/// budget the figure counts letters in bins instead, and no mark covers another.
struct MarkStacking {
    /// One mark of a row: its key (a mark slot) and x.
    struct Mark {
        var key: Int
        var x: Double
    }

    /// The largest part of its size that a mark may have covered by another of its row: a
    /// third, so each mark shows two thirds of its outline and the row's marks can be counted.
    static let overlap = 1.0 / 3.0
    /// The most levels a row stacks: a column of eight marks can still be counted; more
    /// would make a lane a tower.
    static let maximumLevels = 8

    /// Distance between levels, and least distance between marks of one level: the mark's
    /// size less the overlap allowed.
    let step: Double
    /// The level of each mark set off its row's first level, by key (0 when absent).
    private(set) var level: [Int: Int] = [:]
    /// The most levels any row takes (1 when no mark moved).
    private(set) var levels = 1
    /// Marks that lie closer than `step` to the mark before them on their level: those that
    /// found no free level within `limit`.
    private(set) var covering = 0

    /// The step between marks of `size` points.
    static func step(size: Double) -> Double { size * (1 - overlap) }

    /// Rows stacked at most `limit` levels (at most `maximumLevels`).
    /// - Complexity: O(k log k + k·L) per row in its k marks and the L ≤ `limit` levels it takes.
    init(rows: [Int: [Mark]], size: Double, limit: Int = MarkStacking.maximumLevels) {
        step = Self.step(size: size)
        let limit = max(1, min(limit, Self.maximumLevels))
        for row in rows.keys.sorted() {
            let marks = rows[row]!.sorted { ($0.x, $0.key) < ($1.x, $1.key) }
            // The x of the last mark on each level.
            var ends: [Double] = []
            for mark in marks {
                var chosen: Int
                if let free = ends.firstIndex(where: { mark.x - $0 >= step - 1e-9 }) {
                    chosen = free
                } else if ends.count < limit {
                    ends.append(mark.x)
                    chosen = ends.count - 1
                } else {
                    // No free level: the one whose last mark lies farthest back (first of equals).
                    chosen = ends.indices.min { (ends[$0], $0) < (ends[$1], $1) } ?? 0
                    covering += 1
                }
                ends[chosen] = mark.x
                if chosen > 0 { level[mark.key] = chosen }
            }
            levels = max(levels, ends.count)
        }
    }

    /// How many levels fit in `room` points from a lane's line to its edge, for marks of
    /// `size` with outlines `stroke` wide whose first level is `first` from the line.
    static func levels(room: Double, first: Double, size: Double, stroke: Double) -> Int {
        let spare = room - first - size / 2 - stroke - 1
        return spare < 0 ? 1 : min(maximumLevels, Int((spare / step(size: size)).rounded(.down)) + 1)
    }

    /// How far the mark `key` lies from its row's first level, in points.
    func shift(_ key: Int) -> Double { Double(level[key] ?? 0) * step }

    /// The height from a lane's line to the outer edge of its last level.
    func reach(first: Double, size: Double, stroke: Double) -> Double {
        first + Double(levels - 1) * step + size / 2 + stroke + 1
    }

    /// The caption's sentences on stacked marks, and on marks that still cover others; empty
    /// when no mark moved and none covers another.
    var sentence: String {
        var out = ""
        if !level.isEmpty {
            out += "Letters whose marks would cover each other are stacked away from the lane's line (\(level.count) mark\(level.count == 1 ? "" : "s") set off, "
                + "in at most \(levels) levels)" + (covering == 0 ? ", so no mark covers more than a third of another. " : ". ")
        }
        if covering > 0 {
            out += "At this width \(covering) mark\(covering == 1 ? " still covers" : "s still cover") more than a third of the mark before "
                + (covering == 1 ? "it in its row" : "them in their rows") + " (the lanes hold no more stacked levels; the counts above are true). "
        }
        return out
    }
}
