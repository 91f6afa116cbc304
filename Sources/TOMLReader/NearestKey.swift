/// Suggests the valid key a user most likely meant, by edit distance, so an error for a typo
/// (`heigth`) can say `did you mean height?`.
public enum NearestKey {
    /// The candidate nearest to `key`, if it is close enough to be a plausible typo: at most a
    /// third of the key's length in edits (at least 1, at most 3), ties broken by written order.
    public static func suggestion<Keys: Collection<String>>(for key: String, among candidates: Keys) -> String? {
        let limit = max(1, min(3, key.count / 3 + 1))
        var best: (key: String, distance: Int)?
        for candidate in candidates {
            let d = distance(key.lowercased(), candidate.lowercased())
            if d <= limit, d < (best?.distance ?? Int.max) { best = (candidate, d) }
        }
        return best?.key
    }

    /// Levenshtein distance (insertions, deletions, substitutions) between two strings, counting
    /// adjacent transpositions as one edit (optimal string alignment), as typos usually are.
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous2 = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[y.count]
    }
}
