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

    /// One item of a term as plain values, its bytes at `start..<start+length` of `bytes`.
    /// Why not `LexiconTerm.Item`: its arrays (a term's items, a word's bytes) are counted
    /// references that every message's match retains and releases on both cores, and the
    /// reference count shares a cache line with the array's length, which the cores then passed
    /// back and forth: a tenth of the analysis at 500,000 messages went to retains, releases and
    /// the stalls on that line (`perf record`, DESIGN.md "The term matcher holds no references").
    struct FlatItem: Sendable {
        enum Kind: UInt8, Sendable { case word, prefix, anyWord, gap }
        let kind: Kind
        /// The word's hash (`.word`).
        let hash: UInt64
        let start: Int32
        /// Bytes of a word or prefix; the most words a `.gap` skips.
        let length: Int32
    }

    /// Every term's items, one after another: term t's are `items[itemStarts[t]..<itemStarts[t + 1]]`.
    private let items: [FlatItem]
    private let itemStarts: [Int32]
    /// The bytes of every word and prefix item.
    private let itemBytes: [UInt8]
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
        var items: [FlatItem] = [], itemStarts: [Int32] = [0], itemBytes: [UInt8] = []
        for term in compiled {
            for item in term {
                switch item {
                case .word(let bytes, let h):
                    items.append(FlatItem(kind: .word, hash: h, start: Int32(itemBytes.count), length: Int32(bytes.count)))
                    itemBytes += bytes
                case .prefix(let p):
                    items.append(FlatItem(kind: .prefix, hash: 0, start: Int32(itemBytes.count), length: Int32(p.count)))
                    itemBytes += p
                case .anyWord:
                    items.append(FlatItem(kind: .anyWord, hash: 0, start: 0, length: 0))
                case .gap(let maxWords):
                    items.append(FlatItem(kind: .gap, hash: 0, start: 0, length: Int32(clamping: maxWords)))
                }
            }
            itemStarts.append(Int32(items.count))
        }
        self.items = items
        self.itemStarts = itemStarts
        self.itemBytes = itemBytes
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
        withTerms { terms in
        text.withKeys { keys in
        text.words.withUnsafeBufferPointer { words in
            let scan = Scan(terms: terms, text: text, keys: keys, words: words)
            for w in 0..<words.count {
                let word = words[w]
                for k in WordHashIndex.range(for: word.hash, in: firstSlots, shift: first.shift) {
                    let t = Int(first.values[k])
                    if let last = scan.matchFirst(t, at: w) { out.append(Hit(term: t, first: w, last: last)) }
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
                        if let last = scan.matchFirst(t, at: w, prefixLength: length) {
                            out.append(Hit(term: t, first: w, last: last))
                        }
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

    /// The terms' flat arrays, lent for one scan.
    struct Terms {
        let items: UnsafeBufferPointer<FlatItem>
        let starts: UnsafeBufferPointer<Int32>
        let bytes: UnsafeBufferPointer<UInt8>
    }

    private func withTerms<R>(_ body: (Terms) -> R) -> R {
        items.withUnsafeBufferPointer { items in
            itemStarts.withUnsafeBufferPointer { starts in
                itemBytes.withUnsafeBufferPointer { bytes in
                    body(Terms(items: items, starts: starts, bytes: bytes))
                }
            }
        }
    }

    /// One text being scanned, with everything the matching reads lent as buffers.
    struct Scan {
        let terms: Terms
        let text: WordSequence
        let keys: UnsafeBufferPointer<UInt8>
        let words: UnsafeBufferPointer<WordSequence.Word>

        /// Whether word `w`'s key is `item`'s bytes (`prefix`: starts with them), case-folded.
        @inline(__always)
        func word(_ w: Int, matches item: FlatItem, prefix: Bool) -> Bool {
            let start = Int(item.start)
            return text.wordMatches(w, UnsafeBufferPointer(rebasing: terms.bytes[start..<(start + Int(item.length))]), prefix: prefix, in: keys)
        }

        /// Checks the first item of term `t` at word `w` (its hash already matched), then the rest.
        func matchFirst(_ t: Int, at w: Int, prefixLength: Int? = nil) -> Int? {
            let start = Int(terms.starts[t])
            guard start < Int(terms.starts[t + 1]) else { return nil }
            let item = terms.items[start]
            switch item.kind {
            case .word where prefixLength == nil:
                guard word(w, matches: item, prefix: false) else { return nil }
            case .prefix where Int(item.length) == prefixLength:
                guard word(w, matches: item, prefix: true) else { return nil }
            default:
                return nil
            }
            return matchRest(t, item: start + 1, word: w + 1, lastMatched: w)
        }

        /// Matches the items of term `t` from position `first` of `terms.items` against the words
        /// from `start`; returns the last word matched.
        /// A loop, not a recursion (a term as long as a 100 kB name must not overflow the stack):
        /// each gap keeps a frame with the next number of words it may skip, and a mismatch goes
        /// back to the innermost gap that can still skip more, as the recursion would.
        func matchRest(_ t: Int, item first: Int, word start: Int, lastMatched: Int) -> Int? {
            let end = Int(terms.starts[t + 1])
            var gaps: [(item: Int, word: Int, skip: Int, last: Int)] = []
            var item = first, word = start, last = lastMatched
            while true {
                if item == end { return last }
                let matched: Bool
                let current = terms.items[item]
                switch current.kind {
                case .word:
                    matched = word < words.count && words[word].hash == current.hash && self.word(word, matches: current, prefix: false)
                case .prefix:
                    matched = word < words.count && self.word(word, matches: current, prefix: true)
                case .anyWord:
                    matched = word < words.count
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
                    guard terms.items[gap.item].kind == .gap, gap.skip <= Int(terms.items[gap.item].length) else { continue }
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
}
