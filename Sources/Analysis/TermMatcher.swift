/// Finds every occurrence of a list of lexicon terms in a `WordSequence` in one pass over its
/// words: candidate terms are looked up by the hash of their first word (or of the first
/// letters of a `word*` item), then the rest of the term is checked word by word.
struct TermMatcher: Sendable {
    /// An occurrence: which term, and the first and last word it covers.
    struct Hit: Sendable, Hashable {
        let term: Int
        let first: Int
        let last: Int
    }

    private let items: [[LexiconTerm.Item]]
    private var byFirstWord: [UInt64: [Int]] = [:]
    /// Prefix-first terms, by prefix length, then by the hash of the prefix.
    private var byPrefix: [Int: [UInt64: [Int]]] = [:]
    private var prefixLengthUsed: [Bool] = []

    /// `compiled[i]` is the compiled form of term `i` (see `LexiconTerm.compiled()`).
    init(compiled: [[LexiconTerm.Item]]) {
        items = compiled
        var maxPrefix = 0
        for (index, term) in compiled.enumerated() {
            switch term.first {
            case .word(_, let h)?:
                byFirstWord[h, default: []].append(index)
            case .prefix(let p)?:
                byPrefix[p.count, default: [:]][WordSequence.hash(of: p), default: []].append(index)
                maxPrefix = max(maxPrefix, p.count)
            default:
                break
            }
        }
        prefixLengthUsed = Array(repeating: false, count: maxPrefix + 1)
        for length in byPrefix.keys { prefixLengthUsed[length] = true }
    }

    /// All hits in word order (then term order). Overlapping hits of different terms are all kept.
    func hits(in text: WordSequence) -> [Hit] {
        var out: [Hit] = []
        let maxPrefix = prefixLengthUsed.count - 1
        for w in 0..<text.count {
            if let candidates = byFirstWord[text.hashes[w]] {
                for t in candidates {
                    if case .word(let bytes, _) = items[t][0], text.wordEquals(w, bytes),
                       let last = matchRest(t, item: 1, word: w + 1, lastMatched: w, in: text) {
                        out.append(Hit(term: t, first: w, last: last))
                    }
                }
            }
            if maxPrefix > 0 {
                let s = Int(text.starts[w]), e = Int(text.ends[w])
                var h = WordSequence.fnvOffset
                var length = 0
                var k = s
                while k < e && length < maxPrefix {
                    h = (h ^ UInt64(WordSequence.folded(text.bytes[k]))) &* WordSequence.fnvPrime
                    length += 1
                    k += 1
                    if prefixLengthUsed[length], let candidates = byPrefix[length]?[h] {
                        for t in candidates {
                            if case .prefix(let p) = items[t][0], text.wordHasPrefix(w, p),
                               let last = matchRest(t, item: 1, word: w + 1, lastMatched: w, in: text) {
                                out.append(Hit(term: t, first: w, last: last))
                            }
                        }
                    }
                }
            }
        }
        return out
    }

    /// Matches items `item...` of term `t` from word `word`; returns the last word matched.
    private func matchRest(_ t: Int, item: Int, word: Int, lastMatched: Int, in text: WordSequence) -> Int? {
        let term = items[t]
        if item == term.count { return lastMatched }
        switch term[item] {
        case .word(let bytes, let h):
            guard word < text.count, text.hashes[word] == h, text.wordEquals(word, bytes) else { return nil }
            return matchRest(t, item: item + 1, word: word + 1, lastMatched: word, in: text)
        case .prefix(let p):
            guard word < text.count, text.wordHasPrefix(word, p) else { return nil }
            return matchRest(t, item: item + 1, word: word + 1, lastMatched: word, in: text)
        case .anyWord:
            guard word < text.count else { return nil }
            return matchRest(t, item: item + 1, word: word + 1, lastMatched: word, in: text)
        case .gap(let maxWords):
            for skip in 0...maxWords {
                if let last = matchRest(t, item: item + 1, word: word + skip, lastMatched: lastMatched, in: text) {
                    return last
                }
            }
            return nil
        }
    }
}
