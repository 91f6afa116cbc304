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
    private let byFirstWord: WordHashIndex
    /// Prefix-first terms, by the hash of the prefix; `prefixLengthUsed[n]` says whether some
    /// prefix has n bytes.
    private let byPrefix: WordHashIndex
    private let prefixLengthUsed: [Bool]
    /// The first two letters (case-folded) of every prefix, as a 65,536-bit set: most words
    /// start otherwise and skip the prefix lookups. Nil when a prefix is a single letter.
    private let prefixStarts: [UInt64]?

    /// `compiled[i]` is the compiled form of term `i` (see `LexiconTerm.compiled()`).
    init(compiled: [[LexiconTerm.Item]]) {
        items = compiled
        var firstWords: [(key: UInt64, value: Int)] = []
        var prefixes: [(key: UInt64, value: Int)] = []
        var lengths = Set<Int>()
        for (index, term) in compiled.enumerated() {
            switch term.first {
            case .word(_, let h)?:
                firstWords.append((h, index))
            case .prefix(let p)?:
                prefixes.append((WordSequence.hash(of: p), index))
                lengths.insert(p.count)
            default:
                break
            }
        }
        byFirstWord = WordHashIndex(firstWords)
        byPrefix = WordHashIndex(prefixes)
        var used = Array(repeating: false, count: (lengths.max() ?? 0) + 1)
        for length in lengths { used[length] = true }
        prefixLengthUsed = used
        if lengths.contains(1) {
            prefixStarts = nil
        } else {
            var bits = Array(repeating: UInt64(0), count: 1024)
            for term in compiled {
                if case .prefix(let p)? = term.first {
                    let key = Int(WordSequence.folded(p[0])) << 8 | Int(WordSequence.folded(p[1]))
                    bits[key >> 6] |= 1 << UInt64(key & 63)
                }
            }
            prefixStarts = bits
        }
    }

    /// All hits in word order (then term order). Overlapping hits of different terms are all kept.
    func hits(in text: WordSequence) -> [Hit] {
        var out: [Hit] = []
        let maxPrefix = prefixLengthUsed.count - 1
        let first = byFirstWord, prefix = byPrefix, lengthUsed = prefixLengthUsed
        first.slots.withUnsafeBufferPointer { firstSlots in
        prefix.slots.withUnsafeBufferPointer { prefixSlots in
        text.withKeys { keys in
        text.words.withUnsafeBufferPointer { words in
            for w in 0..<words.count {
                let word = words[w]
                for k in WordHashIndex.range(for: word.hash, in: firstSlots, shift: first.shift) {
                    let t = Int(first.values[k])
                    if let last = matchFirst(t, at: w, in: text, keys: keys) { out.append(Hit(term: t, first: w, last: last)) }
                }
                guard maxPrefix > 0 else { continue }
                let keyRange = text.keyRange(w)
                if let starts = prefixStarts {
                    guard keyRange.count >= 2 else { continue }
                    let s = keyRange.lowerBound
                    let key = Int(WordSequence.folded(keys[s])) << 8 | Int(WordSequence.folded(keys[s + 1]))
                    guard starts[key >> 6] & (1 << UInt64(key & 63)) != 0 else { continue }
                }
                let e = keyRange.upperBound
                var h = WordSequence.fnvOffset
                var length = 0
                var k = keyRange.lowerBound
                while k < e && length < maxPrefix {
                    h = (h ^ UInt64(WordSequence.folded(keys[k]))) &* WordSequence.fnvPrime
                    length += 1
                    k += 1
                    guard lengthUsed[length] else { continue }
                    for v in WordHashIndex.range(for: h, in: prefixSlots, shift: prefix.shift) {
                        let t = Int(prefix.values[v])
                        if let last = matchFirst(t, at: w, in: text, keys: keys, prefixLength: length) {
                            out.append(Hit(term: t, first: w, last: last))
                        }
                    }
                }
            }
        }
        }
        }
        }
        return out
    }

    /// Checks the first item of term `t` at word `w` (its hash already matched), then the rest.
    private func matchFirst(_ t: Int, at w: Int, in text: WordSequence, keys: UnsafeBufferPointer<UInt8>, prefixLength: Int? = nil) -> Int? {
        switch items[t][0] {
        case .word(let bytes, _) where prefixLength == nil:
            guard text.wordEquals(w, bytes, in: keys) else { return nil }
        case .prefix(let p) where p.count == prefixLength:
            guard text.wordHasPrefix(w, p, in: keys) else { return nil }
        default:
            return nil
        }
        return matchRest(t, item: 1, word: w + 1, lastMatched: w, in: text, keys: keys)
    }

    /// Matches items `item...` of term `t` from word `word`; returns the last word matched.
    /// A loop, not a recursion (a term as long as a 100 kB name must not overflow the stack):
    /// each gap keeps a frame with the next number of words it may skip, and a mismatch goes
    /// back to the innermost gap that can still skip more, as the recursion would.
    private func matchRest(_ t: Int, item first: Int, word start: Int, lastMatched: Int, in text: WordSequence,
                           keys: UnsafeBufferPointer<UInt8>) -> Int? {
        let term = items[t]
        var gaps: [(item: Int, word: Int, skip: Int, last: Int)] = []
        var item = first, word = start, last = lastMatched
        while true {
            if item == term.count { return last }
            let matched: Bool
            switch term[item] {
            case .word(let bytes, let h):
                matched = word < text.count && text.words[word].hash == h && text.wordEquals(word, bytes, in: keys)
            case .prefix(let p):
                matched = word < text.count && text.wordHasPrefix(word, p, in: keys)
            case .anyWord:
                matched = word < text.count
            case .gap:
                gaps.append((item, word, 1, last))   // skip none now; one more on the way back
                item += 1
                continue
            }
            if matched {
                last = word
                item += 1
                word += 1
                continue
            }
            var resumed = false
            while let gap = gaps.popLast() {
                guard case .gap(let maxWords) = term[gap.item], gap.skip <= maxWords else { continue }
                gaps.append((gap.item, gap.word, gap.skip + 1, gap.last))
                item = gap.item + 1
                word = gap.word + gap.skip
                last = gap.last
                resumed = true
                break
            }
            if !resumed { return nil }
        }
    }
}
