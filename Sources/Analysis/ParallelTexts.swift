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

    private struct Shingles {
        let sample: [UInt64]
        let all: [UInt64]
    }

    /// - Complexity: O(n log n) in messages: one pass into buckets, then per bucket either
    ///   all pairs of at most `exhaustiveBucket` messages, or the pairs sharing a min-hash
    ///   (bounded by the links found, not the bucket's square).
    ///   Words are made only for the messages of buckets with more than one message, and only
    ///   while their bucket is compared.
    static func links(messages: [Message]) -> [ReplyLink] {
        struct Bucket: Hashable {
            let sender: String
            let day: Day
        }
        var buckets: [Bucket: [Int]] = [:]
        for (i, m) in messages.enumerated() {
            guard let day = m.date.best else { continue }
            buckets[Bucket(sender: m.sender, day: day), default: []].append(i)
        }
        let crowded = buckets.values.filter { $0.count > 1 }.sorted { $0[0] < $1[0] }
        return ConcurrentMap.map(count: crowded.count) { b in
            compare(crowded[b], messages: messages)
        }.flatMap { $0 }
    }

    private static func shingles(_ w: WordSequence) -> Shingles {
        guard w.count >= shingleSize else { return Shingles(sample: [], all: []) }
        var all: [UInt64] = []
        all.reserveCapacity(w.count - shingleSize + 1)
        w.words.withUnsafeBufferPointer { words in
            for k in 0...(words.count - shingleSize) {
                var h: UInt64 = 0x9E37_79B9_7F4A_7C15
                for j in k..<(k + shingleSize) { h = (h ^ words[j].hash) &* 0x0000_0100_0000_01b3 }
                all.append(h)
            }
        }
        return Shingles(sample: sortedUnique(all.filter { $0 & 7 == 0 }), all: all)
    }

    private static func sortedUnique(_ values: [UInt64]) -> [UInt64] {
        let sorted = values.sorted()
        var unique: [UInt64] = []
        unique.reserveCapacity(sorted.count)
        for h in sorted where unique.last != h { unique.append(h) }
        return unique
    }

    private static func jaccard(_ a: [UInt64], _ b: [UInt64]) -> Double {
        var i = 0, j = 0, shared = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { shared += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        let union = a.count + b.count - shared
        return union == 0 ? 0 : Double(shared) / Double(union)
    }

    private static func compare(_ members: [Int], messages: [Message]) -> [ReplyLink] {
        var cache: [Int: Shingles] = [:]
        var exact: [Int: [UInt64]] = [:]
        func shinglesOf(_ i: Int) -> Shingles {
            if let s = cache[i] { return s }
            let s = shingles(WordSequence(bodyOf: messages[i]))
            cache[i] = s
            return s
        }
        func exactOf(_ i: Int) -> [UInt64] {
            if let s = exact[i] { return s }
            let s = sortedUnique(shinglesOf(i).all)
            exact[i] = s
            return s
        }
        var out: [ReplyLink] = []
        let addressees = members.map { Set(messages[$0].recipients) }
        for candidate in candidatePairs(members, shingles: shinglesOf, exact: exactOf) {
            do {
                let (a, b) = (candidate.a, candidate.b)
                let i = members[a], j = members[b]
                guard addressees[a] != addressees[b] else { continue }
                let si = shinglesOf(i), sj = shinglesOf(j)
                guard !si.all.isEmpty, !sj.all.isEmpty else { continue }
                if si.sample.count >= 16 && sj.sample.count >= 16 && jaccard(si.sample, sj.sample) < 0.3 { continue }
                let ei = exactOf(i), ej = exactOf(j)
                // Jaccard ≤ smaller / larger: skip pairs that cannot reach the threshold.
                guard Double(min(ei.count, ej.count)) >= threshold * Double(max(ei.count, ej.count)) else { continue }
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
    private static func candidatePairs(_ members: [Int], shingles: (Int) -> Shingles,
                                       exact: (Int) -> [UInt64]) -> [Candidate] {
        let n = members.count
        guard n > exhaustiveBucket else {
            return (0..<n).flatMap { a in ((a + 1)..<n).map { Candidate(a: a, b: $0, bound: .none) } }
        }
        // Identical shingle sets first: one representative per group.
        var groupOf: [[UInt64]: Int] = [:]
        var groups: [[Int]] = []
        for a in 0..<n {
            let key = exact(members[a])
            guard !key.isEmpty else { continue }
            if let g = groupOf[key] { groups[g].append(a) } else { groupOf[key] = groups.count; groups.append([a]) }
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
        let seeds: [UInt64] = [0x9E37_79B9_7F4A_7C15, 0xC2B2_AE3D_27D4_EB4F, 0x1656_67B1_9E37_79F9, 0x85EB_CA77_C2B2_AE63]
        for seed in seeds {
            var byMinHash: [UInt64: [Int]] = [:]
            for a in representatives {
                var low = UInt64.max
                for h in shingles(members[a]).all { low = min(low, (h ^ seed) &* 0xFF51_AFD7_ED55_8CCD) }
                byMinHash[low, default: []].append(a)
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
