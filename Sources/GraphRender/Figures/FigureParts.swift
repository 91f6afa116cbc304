import Analysis
import Synchronization

/// Parts of graph figures that take a pass over every message, made once per analysis and
/// shared by every figure drawn from it: the gallery hands one to the contexts of its own
/// figures and of the drawings its graph exports carry, which are laid out on other threads
/// from the same analysis (the correspondents figure of the export, for instance, merges the
/// same people as the gallery's). A part is made by the first figure that asks for it, under
/// its own lock, while the others wait; each part is a pure function of the analysis (and of
/// the key it is stored under), so a figure gets the same part whether it made it or not.
///
/// Only for figures of one analysis: a context whose analysis is filtered or sliced (the
/// replies figure's slice) must not carry it.
public final class FigureParts: Sendable {
    private let ranking = Mutex<[String]?>(nil)
    private let mentionPeople = Mutex<MentionGraph?>(nil)
    private let merged = Mutex<[Int: CorrespondentsFigure.Merged]>([:])
    private let matrixGraphs = Mutex<[Int: CorrespondentGraph]>([:])
    private let everyMessage = Mutex<DrawnMessages?>(nil)
    private let letters = Mutex<LetterNumbers?>(nil)
    private let mentionMessages = Mutex<[Int: DrawnMessages]>([:])

    public init() {}

    /// What has been made so far (for tests of the sharing): whether the ranking and the
    /// mentions of people are, the people limits of the merged and matrix graphs, and the
    /// weight thresholds of the mentions figure's messages.
    var made: (ranking: Bool, mentionPeople: Bool, merged: [Int], matrix: [Int], mentionThresholds: [Int]) {
        (ranking.withLock { $0 != nil }, mentionPeople.withLock { $0 != nil },
         merged.withLock { $0.keys.sorted() }, matrixGraphs.withLock { $0.keys.sorted() },
         mentionMessages.withLock { $0.keys.sorted() })
    }

    /// `FigureContext.rankedCorrespondents` of the analysis.
    /// - Complexity: O(m + p log p) the first time, for m messages and p people; O(1) after.
    public func rankedCorrespondents(_ make: () -> [String]) -> [String] {
        Self.once(ranking, make)
    }

    /// The mentions graph restricted to people.
    /// - Complexity: O(mentions) the first time; O(1) after.
    func mentionPeople(_ make: () -> MentionGraph) -> MentionGraph {
        Self.once(mentionPeople, make)
    }

    /// What every message of the analysis gives a caption (`DrawnMessages`): the figures that
    /// draw them all (correspondents, matrix) ask for it at each layout they try.
    /// - Complexity: O(m) the first time; O(1) after.
    func everyMessage(_ make: () -> DrawnMessages) -> DrawnMessages {
        Self.once(everyMessage, make)
    }

    /// Every letter with its people numbered (`LetterNumbers`): what the merged graphs of every
    /// people limit are counted from.
    /// - Complexity: O(m) the first time; O(1) after.
    func letterNumbers(_ make: () -> LetterNumbers) -> LetterNumbers {
        Self.once(letters, make)
    }

    /// The messages naming a pair of people the mentions figure draws at a weight threshold
    /// (`MentionsFigure.drawnMessages`): the gallery's figure and its export's drawing draw the
    /// same pairs, and each finding them is a pass over every message's mentions.
    /// - Complexity: O(m + Σ k²) the first time for each threshold; O(1) after.
    func mentionMessages(threshold: Int, _ make: () -> DrawnMessages) -> DrawnMessages {
        Self.once(mentionMessages, key: threshold, make)
    }

    /// The correspondents figure's merged graph for a people limit.
    /// - Complexity: O(m log m) the first time for each limit; O(1) after.
    func merged(limit: Int, _ make: () -> CorrespondentsFigure.Merged) -> CorrespondentsFigure.Merged {
        Self.once(merged, key: limit, make)
    }

    /// The matrix figure's graph of corpus messages for a people limit.
    /// - Complexity: O(m log m) the first time for each limit; O(1) after.
    func matrixGraph(limit: Int, _ make: () -> CorrespondentGraph) -> CorrespondentGraph {
        Self.once(matrixGraphs, key: limit, make)
    }

    /// The part in `slot`, made by `make` under the slot's lock the first time it is asked for.
    private static func once<Part: Sendable>(_ slot: borrowing Mutex<Part?>, _ make: () -> Part) -> Part {
        slot.withLock { made in
            if let made { return made }
            let part = make()
            made = part
            return part
        }
    }

    /// The part stored under `key` in `slots`, made by `make` under their lock the first time.
    private static func once<Key: Hashable & Sendable, Part: Sendable>(_ slots: borrowing Mutex<[Key: Part]>, key: Key,
                                                                       _ make: () -> Part) -> Part {
        slots.withLock { made in
            if let part = made[key] { return part }
            let part = make()
            made[key] = part
            return part
        }
    }
}
