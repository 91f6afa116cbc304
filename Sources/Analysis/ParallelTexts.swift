import Correspondence

/// Finds the same text sent by one writer to different addressees on the same day.
///
/// Messages are bucketed by (sender, best day), so only messages of one writer and one day are
/// ever compared (no quadratic pass over the corpus). Within a bucket, two messages whose
/// addressee lists differ are parallel when the Jaccard similarity of their sets of word
/// 4-shingles (sequences of four consecutive words, case-folded, punctuation ignored) is at
/// least `threshold` (0.5: a re-addressed text with a changed opening or closing paragraph still
/// passes; two different messages on the same subject share far fewer shingles). Messages with
/// the same addressees are duplicates, not parallels, and are left to the reader's notes.
/// The link runs from the earlier entry of the source to the later; confidence = the similarity.
///
/// For speed, a pair is first compared on a 1-in-8 sample of the shingle hashes (those whose
/// low three bits are zero; the sample's Jaccard estimates the whole's) and measured exactly
/// only when the estimate reaches 0.3 or the sample is too small (under 16) to judge; buckets
/// are compared on all cores.
///
/// A bucket of more than `exhaustiveBucket` messages (a busy writer's day in a large corpus)
/// is not compared pair by pair: only pairs that agree on one of four min-hashes of their
/// shingles are (two texts of similarity J agree on one with probability J, so a pair at the
/// threshold is missed with probability 1/16 at most, and near-copies almost never).
///
/// Work in such a bucket is bounded by rule, not by the bucket's square (a mutated CSV with
/// 5,000 copies of one text on one day made 12.5 million pairs): texts with the same set of
/// shingles are grouped first, and each member of a group is linked to the group's first
/// member only (the rule says "one of N identical texts"); the search then runs on the first
/// members alone; and a min-hash group of more than `exhaustiveBucket` texts is compared as a
/// chain (each text with the group's first and with the one before it), the rule naming the
/// group's size. Buckets of at most `exhaustiveBucket` messages are compared pair by pair as before.
enum ParallelTexts {
    /// Largest bucket compared pair by pair.
    static let exhaustiveBucket = 64
    static let threshold = 0.5
    static let shingleSize = 4

    /// The seeds of the four min-hashes a large bucket is searched by.
    private static let seeds: [UInt64] = [0x9E37_79B9_7F4A_7C15, 0xC2B2_AE3D_27D4_EB4F, 0x1656_67B1_9E37_79F9, 0x85EB_CA77_C2B2_AE63]

    /// What the search needs of one message's shingles, made from the words the analysis makes
    /// anyway for topics and mentions (`sketch(_:)`), so that the texts are not read into words
    /// a second time: at 500,000 messages that second reading was the analysis's longest step.
    /// The whole shingle set is made again from the text only for the pairs that pass the
    /// sample's estimate, and for texts whose sets hash alike (to tell identical ones).
    struct Sketch: Sendable {
        /// Distinct shingles (0: fewer words than a shingle).
        let count: Int
        /// A hash of the sorted distinct shingles: equal sets hash alike.
        let setHash: UInt64
        /// The least mixed shingle under each of `seeds`.
        let minHashes: SIMD4<UInt64>
        /// The sorted distinct shingles whose low three bits are zero.
        let sample: [UInt64]

        static let empty = Sketch(count: 0, setHash: 0, minHashes: .zero, sample: [])
    }

    /// The sketch of a body's words.
    ///
    /// The distinct shingles are counted and hashed through a hash set, not a sort: the set's
    /// hash is a sum over its members (equal sets hash alike, in any order), the min-hashes do
    /// not mind repeats, and only the sample (an eighth) is sorted. Why: sorting every
    /// message's shingles was a ninth of the analysis at 500,000 messages (issue 13); what the
    /// search compares exactly (`compare`) is still the sorted set, made again from the text.
    /// - Complexity: O(w + s log s) for w words and a sample of s distinct shingles.
    static func sketch(_ w: WordSequence) -> Sketch {
        let all = shingles(w)
        guard !all.isEmpty else { return .empty }
        var minHashes = SIMD4<UInt64>(repeating: .max)
        var sample: [UInt64] = []
        var count = 0, setHash: UInt64 = 0
        // Open addressing, at most half full; 0 marks an empty slot (a shingle hashing to 0 is kept apart).
        let capacity = 1 << (Int.bitWidth - (2 * all.count - 1).leadingZeroBitCount)
        let mask = capacity - 1, shift = UInt64(64 - capacity.trailingZeroBitCount)
        var sawZero = false
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: capacity) { slots in
            slots.initialize(repeating: 0)
            for h in all {
                let mixed = mix(h)
                if h == 0 {
                    if sawZero { continue }
                    sawZero = true
                } else {
                    // Fibonacci hashing of the mixed value: its high bits pick the slot.
                    var slot = Int(truncatingIfNeeded: (mixed &* 0x9E37_79B9_7F4A_7C15) >> shift) & mask
                    var known = false
                    while slots[slot] != 0 {
                        if slots[slot] == h { known = true; break }
                        slot = (slot + 1) & mask
                    }
                    if known { continue }
                    slots[slot] = h
                }
                count += 1
                setHash = setHash &+ mixed
                for s in 0..<seeds.count { minHashes[s] = min(minHashes[s], (h ^ seeds[s]) &* 0xFF51_AFD7_ED55_8CCD) }
                if h & 7 == 0 { sample.append(h) }
            }
        }
        sample.withUnsafeMutableBufferPointer { IntegerSort.sort($0) }
        return Sketch(count: count, setHash: setHash ^ UInt64(count), minHashes: minHashes, sample: sample)
    }

    /// A 64-bit finaliser (SplitMix64's): every bit of `h` moves every bit of the result, so
    /// that a sum of mixed members tells sets apart.
    @inline(__always)
    private static func mix(_ h: UInt64) -> UInt64 {
        var z = h &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The (writer, best day) buckets of more than one message, each in message order, buckets
    /// by their first; and whether each message is in one. Only these messages can have a
    /// parallel, and only they need a `Sketch`. Made once, for the sketches and the search both.
    struct Crowds: Sendable {
        let buckets: [[Int]]
        let contains: [Bool]

        /// - Complexity: O(n) in messages (and the sort of the buckets by their first).
        init(_ messages: [Message]) {
            struct Bucket: Hashable {
                let sender: String
                let day: Day
            }
            var byBucket: [Bucket: [Int]] = [:]
            for i in messages.indices {   // by position: only the fields used are read (DESIGN: a pass reads only the fields it uses)
                guard let day = messages[i].date.best else { continue }
                byBucket[Bucket(sender: messages[i].sender, day: day), default: []].append(i)
            }
            buckets = byBucket.values.filter { $0.count > 1 }.sorted { $0[0] < $1[0] }
            var contains = [Bool](repeating: false, count: messages.count)
            for bucket in buckets { for k in bucket { contains[k] = true } }
            self.contains = contains
        }
    }

    /// - Parameter sketches: `sketch(_:)` of every message `crowds` contains (others are not read).
    /// - Complexity: O(n log n) in messages: one pass into buckets, then per bucket either
    ///   all pairs of at most `exhaustiveBucket` messages, or the pairs sharing a min-hash
    ///   (bounded by the links found, not the bucket's square).
    ///   Words are made again only for the messages of pairs that pass the sample's estimate
    ///   (or whose sets hash alike), and only while their bucket is compared.
    static func links(messages: [Message], crowds: Crowds, sketches: [Sketch]) -> [ReplyLink] {
        ConcurrentMap.map(count: crowds.buckets.count) { b in
            compare(crowds.buckets[b], messages: messages, sketches: sketches)
        }.flatMap { $0 }
    }

    /// The links among `messages`, sketching each on the way (tests, and callers without the analysis's words).
    static func links(messages: [Message]) -> [ReplyLink] {
        let crowds = Crowds(messages)
        let sketches = messages.indices.map { crowds.contains[$0] ? sketch(WordSequence(bodyOf: messages[$0])) : .empty }
        return links(messages: messages, crowds: crowds, sketches: sketches)
    }

    /// Every word 4-shingle's hash, in text order (with repeats).
    private static func shingles(_ w: WordSequence) -> [UInt64] {
        guard w.count >= shingleSize else { return [] }
        var all: [UInt64] = []
        all.reserveCapacity(w.count - shingleSize + 1)
        w.words.withUnsafeBufferPointer { words in
            for k in 0...(words.count - shingleSize) {
                var h: UInt64 = 0x9E37_79B9_7F4A_7C15
                for j in k..<(k + shingleSize) { h = (h ^ words[j].hash) &* 0x0000_0100_0000_01b3 }
                all.append(h)
            }
        }
        return all
    }

    private static func jaccard(_ a: [UInt64], _ b: [UInt64]) -> Double {
        var i = 0, j = 0, shared = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { shared += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        let union = a.count + b.count - shared
        return union == 0 ? 0 : Double(shared) / Double(union)
    }

    private static func compare(_ members: [Int], messages: [Message], sketches: [Sketch]) -> [ReplyLink] {
        var exact: [Int: [UInt64]] = [:]
        func exactOf(_ i: Int) -> [UInt64] {
            if let s = exact[i] { return s }
            let s = IntegerSort.sortedUnique(shingles(WordSequence(bodyOf: messages[i])))
            exact[i] = s
            return s
        }
        var out: [ReplyLink] = []
        let addressees = members.map { Set(messages[$0].recipients) }
        for candidate in candidatePairs(members, sketches: sketches, exact: exactOf) {
            do {
                let (a, b) = (candidate.a, candidate.b)
                let i = members[a], j = members[b]
                guard addressees[a] != addressees[b] else { continue }
                let si = sketches[i], sj = sketches[j]
                guard si.count > 0, sj.count > 0 else { continue }
                if si.sample.count >= 16 && sj.sample.count >= 16 && jaccard(si.sample, sj.sample) < 0.3 { continue }
                // Jaccard ≤ smaller / larger: skip pairs that cannot reach the threshold.
                guard Double(min(si.count, sj.count)) >= threshold * Double(max(si.count, sj.count)) else { continue }
                let ei = exactOf(i), ej = exactOf(j)
                let similarity = jaccard(ei, ej)
                guard similarity >= threshold else { continue }
                let (first, second) = messages[i].span.startLine <= messages[j].span.startLine ? (i, j) : (j, i)
                // The opening phrase and its line: the first eight words, not the whole text's.
                let w = WordSequence(bodyOf: messages[second], wordLimit: 8)
                let opening = w.count > 0 ? w.text(from: 0, through: min(w.count, 8) - 1) : ""
                let rounded = (similarity * 100).rounded() / 100
                out.append(ReplyLink(from: messages[first].id, to: messages[second].id, kind: .parallel, confidence: rounded,
                                     evidence: LinkEvidence(phrase: opening,
                                                            line: w.count > 0 ? w.line(0) : messages[second].span.startLine,
                                                            rule: "same day, different addressees, word 4-shingle Jaccard similarity \(rounded)"
                                                                + candidate.bound.note)))
            }
        }
        return out
    }

    /// Why a pair of a large bucket was compared although not every pair was: said in the
    /// link's rule, so that `explain` and the exports show what was grouped.
    private enum Bound: Comparable {
        /// Compared as one of every pair, or as a pair of a small min-hash group.
        case none
        /// One of `count` texts sharing a min-hash, compared as a chain.
        case chain(count: Int)
        /// One of `count` texts with the same shingles, linked to the group's first only.
        case identical(count: Int)

        var note: String {
            switch self {
            case .none: return ""
            case .chain(let count):
                return " (one of \(count) similar texts of this writer's day, each compared with the first and the one before it only)"
            case .identical(let count):
                return " (one of \(count) identical texts of this writer's day, each linked to the first only)"
            }
        }
    }

    private struct Candidate {
        let a: Int
        let b: Int
        let bound: Bound
    }

    /// The pairs (a < b, positions in `members`) worth comparing, in order: every pair of a
    /// small bucket; in a large one, identical texts to their group's first, and the pairs of
    /// the groups' first members agreeing on one of four min-hashes (as a chain when a min-hash
    /// group is larger than `exhaustiveBucket`).
    /// - Complexity: O(m) pairs for a bucket of m > `exhaustiveBucket` messages (at most
    ///   m - 1 identical links, and per seed at most `exhaustiveBucket` pairs per member of a
    ///   small min-hash group or 2 per member of a large one), plus the shingles' sorting.
    private static func candidatePairs(_ members: [Int], sketches: [Sketch],
                                       exact: (Int) -> [UInt64]) -> [Candidate] {
        let n = members.count
        guard n > exhaustiveBucket else {
            return (0..<n).flatMap { a in ((a + 1)..<n).map { Candidate(a: a, b: $0, bound: .none) } }
        }
        // Identical shingle sets first: one representative per group, in order of first member.
        // Sets are told apart by their hash, and by the sets themselves when hashes meet.
        var groupsOfHash: [UInt64: [Int]] = [:]
        var groups: [[Int]] = []
        for a in 0..<n {
            let sketch = sketches[members[a]]
            guard sketch.count > 0 else { continue }
            if let candidates = groupsOfHash[sketch.setHash] {
                let mine = exact(members[a])
                if let g = candidates.first(where: { exact(members[groups[$0][0]]) == mine }) {
                    groups[g].append(a)
                    continue
                }
                groupsOfHash[sketch.setHash, default: []].append(groups.count)
            } else {
                groupsOfHash[sketch.setHash] = [groups.count]
            }
            groups.append([a])
        }
        var pairs: [Int: Bound] = [:]
        func add(_ x: Int, _ y: Int, _ bound: Bound) {
            let key = min(x, y) * n + max(x, y)
            // A pass that compared the pair unbounded wins (`Bound`'s order), else the smaller group.
            pairs[key] = pairs[key].map { Swift.min($0, bound) } ?? bound
        }
        for group in groups where group.count > 1 {
            for member in group.dropFirst() { add(group[0], member, .identical(count: group.count)) }
        }
        let representatives = groups.map { $0[0] }
        for s in seeds.indices {
            var byMinHash: [UInt64: [Int]] = [:]
            for a in representatives {
                byMinHash[sketches[members[a]].minHashes[s], default: []].append(a)
            }
            for group in byMinHash.values where group.count > 1 {
                if group.count <= exhaustiveBucket {
                    for x in 0..<group.count { for y in (x + 1)..<group.count { add(group[x], group[y], .none) } }
                } else {
                    for k in 1..<group.count {
                        add(group[0], group[k], .chain(count: group.count))
                        if k > 1 { add(group[k - 1], group[k], .chain(count: group.count)) }
                    }
                }
            }
        }
        return pairs.keys.sorted().map { Candidate(a: $0 / n, b: $0 % n, bound: pairs[$0]!) }
    }
}
