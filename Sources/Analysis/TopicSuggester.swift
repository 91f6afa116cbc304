import Foundation
import Correspondence

/// Proposes candidate topic threads for a corpus with text, for a user who has no lexicon yet
/// (`epistolary topics suggest`). Nothing in it knows any corpus or language: it only counts
/// words, and it has no list of words to avoid beyond the function words of English, German,
/// French and Italian (`Resources/stopwords.txt`, general language data).
///
/// 1. Terms are the words of the bodies (keys without case or diacritics) and the collocations
///    of two adjacent words.
/// 2. Each term gets a profile (`TopicTermProfile`): burstiness in time (G² of its best period
///    against the corpus; an even spread over the periods halves its specificity), burstiness
///    within letters (residual IDF), and form (a name written with a capital inside sentences,
///    a collocation whose words are bound to each other). Candidates are the strongest terms by
///    that profile plus every term distinctive of a period (G² ≥ 10.83, p < 0.001).
/// 3. Candidates are grouped when they occur in the same letters: average-link clusters on the
///    Dice coefficient of their letters, counted only where they meet at least three times as
///    often as chance; groups merge while ≥ `minDice`. Terms that share a word, or words that
///    mostly stand as one collocation, meet by construction and are no evidence for each other.
/// 4. A group is a thread when two of its unrelated terms share at least four letters. A term
///    with less than a quarter of its letters in the thread leaves it (a word of the genre drawn
///    in by a few meetings). Terms are ordered by keyness for the thread's letters times their
///    exclusivity and specificity; threads are ranked by `ThreadEvidence` (coherence as G² of
///    co-occurrence of their leading terms, terms found in nearly the same letters counting once
///    — a passage repeated verbatim is not a discussion —, specificity, exclusivity, letters).
///    Near-duplicate threads (half the letters of the smaller are the larger's) are merged.
public struct TopicSuggester: Sendable {
    /// How many threads to return.
    public var maxThreads: Int
    /// How many terms a thread keeps.
    public var maxTermsPerThread: Int
    /// Minimum mean Dice coefficient between a term and a group's leading terms to join it.
    public var minDice: Double

    /// At most this many candidate terms are grouped (the strongest by `TopicTermProfile.strength`).
    static let maxCandidates = 500
    /// A term with less than this share of its letters in a thread leaves it.
    static let minimumShare = 0.25

    public init(maxThreads: Int = 10, maxTermsPerThread: Int = 10, minDice: Double = 0.2) {
        self.maxThreads = maxThreads
        self.maxTermsPerThread = maxTermsPerThread
        self.minDice = minDice
    }

    /// One term of the vocabulary while counting.
    private struct TermStats {
        var surface: String
        var isBigram: Bool
        var df: Int32 = 0
        var repeated: Int32 = 0
        var occurrences: Int32 = 0
        var capitalised: Int32 = 0
        /// Occurrences joined by a hyphen to the next word ("Anglo" in "Anglo-American").
        var hyphenated: Int32 = 0
        /// Occurrences inside a sentence (not its first word), and those of them capitalised:
        /// a word written with a capital where grammar does not ask for one is a name.
        var midSentence: Int32 = 0
        var midCapitalised: Int32 = 0
        /// The hashes of its words: a word's own, or a collocation's two.
        var parts: (UInt64, UInt64) = (0, 0)
        var examples: [Int32] = []
    }

    /// The candidate threads of `messages` (those with an empty body are ignored), best first.
    /// Throws when no message has text.
    /// - Complexity: O(W + M·c²) for W words in M messages, c ≤ 100 candidates per message, plus
    ///   O(V log V) to rank a vocabulary of V terms: near-linear in the corpus.
    public func suggest(_ messages: [Message]) throws -> [SuggestedThread] {
        let stopwords = try TopicSuggester.stopwordHashes()
        // Source order, so that the same letters give the same threads in any order.
        let texts = messages.filter(TopicSuggester.hasText).sorted {
            $0.span.startLine != $1.span.startLine ? $0.span.startLine < $1.span.startLine : $0.id < $1.id
        }
        guard !texts.isEmpty else {
            throw EpistolaryError(.badData, "no message has text: topics are suggested from the words of the letters (a CMIF file of metadata only has none)")
        }
        // Periods: years, or quarters when the corpus lies within two calendar years. Undated
        // letters count for the corpus as a whole, in no period.
        let days: [Day?] = texts.map { $0.date.best }
        let years = days.compactMap { $0?.year }
        let byQuarter = (years.max() ?? 0) - (years.min() ?? 0) < 2
        let periodNames = days.map { day -> String? in
            guard let day else { return nil }
            return byQuarter ? "\(day.year)-Q\((day.month - 1) / 3 + 1)" : "\(day.year)"
        }
        let periodList = Array(Set(periodNames.compactMap { $0 })).sorted()
        let periodIndex = Dictionary(uniqueKeysWithValues: periodList.enumerated().map { ($1, $0) })
        let messagePeriod = periodNames.map { name in name.flatMap { periodIndex[$0] } ?? -1 }
        var periodSize = Array(repeating: 0, count: periodList.count)
        for p in messagePeriod where p >= 0 { periodSize[p] += 1 }

        // 1. Count terms: document frequency, repeats within a message, examples.
        var vocabulary: [UInt64: Int32] = [:]
        var stats: [TermStats] = []
        var messageTerms: [[Int32]] = []
        messageTerms.reserveCapacity(texts.count)
        var local: [Int32: Int32] = [:]
        for (mi, m) in texts.enumerated() {
            let words = WordSequence(m.body, firstLine: m.fieldLines["body"] ?? m.span.startLine)
            local.removeAll(keepingCapacity: true)
            var previous: (index: Int, hash: UInt64)?
            for k in 0..<words.count {
                let word = words.words[k]
                guard TopicSuggester.isContentWord(words, k), !stopwords.contains(word.hash) else {
                    previous = nil
                    continue
                }
                var ids: [(UInt64, Bool, Int)] = [(word.hash, false, k)]
                var parts: (UInt64, UInt64) = (0, 0)
                if let p = previous, p.index == k - 1, TopicSuggester.adjacent(words, p.index, k) {
                    ids.append(((p.hash &* 0x9E37_79B9_7F4A_7C15) ^ (word.hash >> 7 | word.hash << 57), true, p.index))
                    parts = (p.hash, word.hash)
                }
                previous = (k, word.hash)
                for (hash, isBigram, first) in ids {
                    let t: Int32
                    if let known = vocabulary[hash] {
                        t = known
                    } else {
                        t = Int32(stats.count)
                        vocabulary[hash] = t
                        stats.append(TermStats(surface: words.text(from: first, through: k), isBigram: isBigram))
                        stats[Int(t)].parts = isBigram ? parts : (hash, hash)
                    }
                    stats[Int(t)].occurrences += 1
                    if words.isCapitalised(first) { stats[Int(t)].capitalised += 1 }
                    if !isBigram && TopicSuggester.hyphenatedToNext(words, k) { stats[Int(t)].hyphenated += 1 }
                    if !TopicSuggester.startsSentence(words, first) {
                        stats[Int(t)].midSentence += 1
                        if TopicSuggester.startsUpperCase(words, first) { stats[Int(t)].midCapitalised += 1 }
                    }
                    let n = local[t, default: 0]
                    if n == 0 && stats[Int(t)].examples.count < 3 { stats[Int(t)].examples.append(Int32(words.line(k))) }
                    local[t] = n + 1
                }
            }
            var list: [Int32] = []
            list.reserveCapacity(local.count)
            for (t, n) in local {
                stats[Int(t)].df += 1
                if n >= 2 { stats[Int(t)].repeated += 1 }
                list.append(t)
            }
            list.sort()
            _ = mi
            messageTerms.append(list)
        }

        // 2. Term profiles and candidates.
        let n = Double(texts.count)
        let minDF = Int32(max(3, texts.count / 2000))
        let maxDF = Int32(max(Double(minDF), n * 0.5))
        // A word that nearly only stands as the first half of hyphenated compounds ("Anglo",
        // "Franco") is a term only within them.
        let eligible = stats.indices.filter {
            stats[$0].df >= minDF && stats[$0].df <= maxDF && stats[$0].hyphenated * 10 < stats[$0].occurrences * 9
        }
        var eligibleIndex = [Int32](repeating: -1, count: stats.count)
        for (e, t) in eligible.enumerated() { eligibleIndex[t] = Int32(e) }
        let periods = periodList.count
        var periodCounts = [Int32](repeating: 0, count: eligible.count * periods)
        for (mi, list) in messageTerms.enumerated() {
            guard messagePeriod[mi] >= 0 else { continue }
            for t in list where eligibleIndex[Int(t)] >= 0 {
                periodCounts[Int(eligibleIndex[Int(t)]) * periods + messagePeriod[mi]] += 1
            }
        }
        /// How firmly a collocation's words belong together: its occurrences over those of its
        /// rarer word ("Curzon Line" near 1, "situation cannot" near 0).
        func bond(_ s: TermStats) -> Double {
            let a = vocabulary[s.parts.0].map { stats[Int($0)].occurrences } ?? 0
            let b = vocabulary[s.parts.1].map { stats[Int($0)].occurrences } ?? 0
            let rarer = min(a, b)
            return rarer > 0 ? min(1, Double(s.occurrences) / Double(rarer)) : 0
        }
        // Each term's profile: how concentrated in time, how bursty within letters, how much a
        // name; its specificity and its strength as a candidate (see `TopicTermProfile`).
        var profiles: [TopicTermProfile] = []
        profiles.reserveCapacity(eligible.count)
        for e in eligible.indices {
            let s = stats[eligible[e]]
            var counts = [Double](repeating: 0, count: periods)
            for p in 0..<periods { counts[p] = Double(periodCounts[e * periods + p]) }
            profiles.append(TopicTermProfile(messages: Double(s.df), occurrences: Double(s.occurrences), corpusMessages: n,
                                             periodCounts: counts, periodSizes: periodSize.map(Double.init),
                                             bond: s.isBigram ? bond(s) : nil,
                                             nameShare: s.midSentence > 0 ? Double(s.midCapitalised) / Double(s.midSentence) : 0))
        }
        let score = profiles.map(\.strength)
        // Candidates: the strongest terms by specificity, letters and burst in time. A term evenly
        // spread over the corpus, neither a name nor a collocation and not recurring within
        // letters, is vocabulary of the genre and comes last.
        var ranked = Array(eligible.indices)
        ranked.sort { score[$0] != score[$1] ? score[$0] > score[$1] : $0 < $1 }
        var chosen = Set(ranked.prefix(TopicSuggester.maxCandidates))
        // And every term distinctive of a period (G² ≥ 10.83, p < 0.001), whatever its form: the
        // letters it shares with others decide whether it joins a thread.
        let distinctive = ranked.filter { profiles[$0].periodG2 >= 10.83 }
        chosen.formUnion(distinctive.prefix(TopicSuggester.maxCandidates / 2))
        // A word that nearly always stands in one chosen collocation ("Curzon" in "Curzon Line")
        // is left to the collocation.
        var partOf: [Int: Set<Int>] = [:]
        for e in Array(chosen).sorted() where stats[eligible[e]].isBigram {
            let parts = WordSequence(stats[eligible[e]].surface, firstLine: 1).words
            for part in parts {
                guard let t = vocabulary[part.hash], eligibleIndex[Int(t)] >= 0 else { continue }
                let u = Int(eligibleIndex[Int(t)])
                partOf[e, default: []].insert(u)
                if chosen.contains(u), Double(stats[Int(t)].df) <= 1.25 * Double(stats[eligible[e]].df) { chosen.remove(u) }
            }
        }
        let candidates = chosen.sorted { score[$0] != score[$1] ? score[$0] > score[$1] : $0 < $1 }
        guard candidates.count >= 2 else { return [] }

        // Pairs of words of which a collocation holds at least half the letters of the rarer.
        var boundWords = Set<UInt64>()
        for st in stats where st.isBigram && st.df >= minDF {
            let a = vocabulary[st.parts.0].map { stats[Int($0)].df } ?? 0
            let b = vocabulary[st.parts.1].map { stats[Int($0)].df } ?? 0
            if 2 * st.df >= min(a, b) { boundWords.insert(TopicSuggester.pairKey(st.parts.0, st.parts.1)) }
        }

        // 3. Co-occurrence of candidates in the same messages.
        let k = candidates.count
        var candidateOf = [Int32](repeating: -1, count: stats.count)
        for (c, e) in candidates.enumerated() { candidateOf[eligible[e]] = Int32(c) }
        var pair = [Int32](repeating: 0, count: k * k)
        var candidateDF = [Int32](repeating: 0, count: k)
        var messageCandidates: [[Int32]] = []
        messageCandidates.reserveCapacity(texts.count)
        for list in messageTerms {
            var present = list.compactMap { t -> Int32? in candidateOf[Int(t)] >= 0 ? candidateOf[Int(t)] : nil }
            present.sort()
            if present.count > 100 { present = Array(present.prefix(100)) }
            for a in present { candidateDF[Int(a)] += 1 }
            for x in 0..<present.count {
                for y in (x + 1)..<present.count { pair[Int(present[x]) * k + Int(present[y])] += 1 }
            }
            messageCandidates.append(present)
        }
        func together(_ a: Int, _ b: Int) -> Int32 { a < b ? pair[a * k + b] : pair[b * k + a] }
        /// Terms that share a word ("Curzon Line" and "Curzon", "Soviet Naval" and "Naval Command")
        /// meet by construction, one phrase written once: their meetings are no evidence of a thread.
        /// Whether two candidates stand in nearly the same letters (Dice ≥ 0.9).
        func sameLetters(_ a: Int, _ b: Int) -> Bool {
            20 * Int(together(a, b)) >= 9 * Int(candidateDF[a] + candidateDF[b])
        }
        /// So do two words that mostly stand together as one collocation ("Great" and "Britain").
        func related(_ a: Int, _ b: Int) -> Bool {
            let x = stats[eligible[candidates[a]]].parts, y = stats[eligible[candidates[b]]].parts
            if x.0 == y.0 || x.0 == y.1 || x.1 == y.0 || x.1 == y.1 { return true }
            return x.0 == x.1 && y.0 == y.1 && boundWords.contains(TopicSuggester.pairKey(x.0, y.0))
        }
        let messageCount = Double(texts.count)
        /// Dice coefficient of two candidates, counted only when they meet at least three times as
        /// often as chance would have them (lift ≥ 3): frequent words meet everywhere.
        func dice(_ a: Int, _ b: Int) -> Double {
            if related(a, b) { return 0 }
            let c = Double(together(a, b))
            guard c >= 2 else { return 0 }
            let dfa = Double(candidateDF[a]), dfb = Double(candidateDF[b])
            guard c * messageCount >= 3 * dfa * dfb else { return 0 }
            return 2 * c / (dfa + dfb)
        }

        // 4. Groups: average-link agglomeration on the Dice coefficients (Lance-Williams
        // update), merging while the closest two groups are at least `minDice` apart.
        var similarity = [Double](repeating: 0, count: k * k)
        for a in 0..<k { for b in (a + 1)..<k { let d = dice(a, b); similarity[a * k + b] = d; similarity[b * k + a] = d } }
        var groups: [[Int]?] = (0..<k).map { [$0] }
        while true {
            var best = (a: -1, b: -1, value: minDice)
            for a in 0..<k where groups[a] != nil {
                for b in (a + 1)..<k where groups[b] != nil && similarity[a * k + b] >= best.value {
                    if similarity[a * k + b] > best.value || best.a < 0 { best = (a, b, similarity[a * k + b]) }
                }
            }
            guard best.a >= 0 else { break }
            let na = Double(groups[best.a]!.count), nb = Double(groups[best.b]!.count)
            for c in 0..<k where c != best.a && c != best.b && groups[c] != nil {
                let merged = (na * similarity[best.a * k + c] + nb * similarity[best.b * k + c]) / (na + nb)
                similarity[best.a * k + c] = merged
                similarity[c * k + best.a] = merged
            }
            groups[best.a]!.append(contentsOf: groups[best.b]!)
            groups[best.a]!.sort()
            groups[best.b] = nil
        }

        // 5. Threads: groups of two or more terms. A term most of whose letters lie outside the
        // thread does not characterise it (a word of the genre drawn in by a few meetings): it
        // leaves the thread. Terms are ordered by specificity times that share (frequency and
        // exclusivity, as FREX orders topic words), threads ranked by `ThreadEvidence.rank`.
        /// Log-likelihood G² that two candidates share letters more than chance (0 when fewer).
        func association(_ a: Int, _ b: Int) -> Double {
            if related(a, b) { return 0 }
            let both = Double(together(a, b)), dfa = Double(candidateDF[a]), dfb = Double(candidateDF[b])
            guard both * messageCount > dfa * dfb else { return 0 }
            return TopicSuggester.logLikelihood(a: both, b: dfa - both, c: dfb - both, d: messageCount - dfa - dfb + both)
        }
        var drafts: [ThreadDraft] = []
        for case let group? in groups where group.count >= 2 {
            // A word is left to a collocation of the same thread that holds most of its letters
            // ("second" to "second front"): the two would match the same words.
            var members = group.filter { c in
                !group.contains { b in
                    partOf[candidates[b]]?.contains(candidates[c]) == true && 2 * candidateDF[b] > candidateDF[c]
                }
            }
            var draft = ThreadDraft(members: [], support: [], share: [:])
            // Twice: shares are measured on the thread's letters, which change when a term leaves.
            for _ in 0..<2 {
                draft = threadDraft(members)
                let kept = members.filter { draft.share[$0, default: 0] >= TopicSuggester.minimumShare }
                if kept.count == members.count || kept.count < 2 { break }
                members = kept
            }
            guard draft.members.count >= 2, draft.support.count >= max(4, Int(minDF)) else { continue }
            drafts.append(draft)
        }
        func threadDraft(_ members: [Int]) -> ThreadDraft {
            let memberSet = Set(members.map { Int32($0) })
            var support: [Int] = []
            var withOther: [Int: Int] = [:]
            for (mi, present) in messageCandidates.enumerated() {
                let inThread = present.filter { memberSet.contains($0) }
                guard inThread.contains(where: { a in inThread.contains { !related(Int(a), Int($0)) } }) else { continue }
                support.append(mi)
                for c in inThread { withOther[Int(c), default: 0] += 1 }
            }
            var share: [Int: Double] = [:]
            for c in members { share[c] = Double(withOther[c, default: 0]) / Double(max(1, candidateDF[c])) }
            // Keyness of each term for the thread's letters against the rest of the corpus (G²):
            // times the share of its letters that are the thread's (frequency and exclusivity, as
            // FREX orders topic words) and its specificity: names and bound collocations lead.
            var key: [Int: Double] = [:]
            let inside = Double(support.count)
            for a in members {
                let both = Double(withOther[a, default: 0]), df = Double(candidateDF[a])
                let g2 = TopicSuggester.logLikelihood(a: both, b: df - both, c: inside - both, d: messageCount - inside - df + both)
                key[a] = profiles[candidates[a]].specificity * share[a]! * g2
            }
            let order = members.sorted { a, b in
                key[a]! != key[b]! ? key[a]! > key[b]! : (candidateDF[a] != candidateDF[b] ? candidateDF[a] > candidateDF[b] : a < b)
            }
            return ThreadDraft(members: order, support: support, share: share)
        }
        // Near-duplicate threads (most letters of the smaller one are letters of the larger) are
        // one thread cut in two by the clustering: merged, the better one's terms first.
        func rank(_ d: ThreadDraft) -> Double {
            // Terms found in (nearly) the same letters are one piece of evidence (a passage
            // repeated verbatim: a quotation, a copy to a second addressee, a formula): the
            // leading terms are the first four with letters of their own.
            var leading: [Int] = []
            for c in d.members where leading.count < 4 && !leading.contains(where: { sameLetters($0, c) }) { leading.append(c) }
            var pairs = 0.0, sum = 0.0
            for x in 0..<leading.count {
                for y in (x + 1)..<leading.count where !related(leading[x], leading[y]) {
                    sum += association(leading[x], leading[y])
                    pairs += 1
                }
            }
            let top = d.members.prefix(3)
            let specificity = top.reduce(0) { $0 + profiles[candidates[$1]].specificity } / Double(top.count)
            let exclusivity = leading.reduce(0) { $0 + d.share[$1]! } / Double(leading.count)
            return ThreadEvidence.rank(association: pairs > 0 ? sum / pairs : 0, specificity: specificity, exclusivity: exclusivity, letters: d.support.count)
        }
        drafts.sort { rank($0) != rank($1) ? rank($0) > rank($1) : $0.members.min()! < $1.members.min()! }
        var merged: [ThreadDraft] = []
        var firstLetters: [Set<Int>] = []
        for d in drafts {
            let letters = Set(d.support)
            // Compared with the letters each kept thread had before any merge, so that merging
            // does not snowball.
            if let i = firstLetters.firstIndex(where: { 2 * letters.intersection($0).count >= min(letters.count, $0.count) }) {
                let members = merged[i].members + d.members.filter { !merged[i].members.contains($0) }
                let support = Set(merged[i].support).union(letters).sorted()
                var within: [Int: Int] = [:]
                for mi in support { for c in messageCandidates[mi] { within[Int(c), default: 0] += 1 } }
                var share: [Int: Double] = [:]
                for c in members { share[c] = Double(within[c, default: 0]) / Double(max(1, candidateDF[c])) }
                merged[i] = ThreadDraft(members: members, support: support, share: share)
            } else {
                merged.append(d)
                firstLetters.append(letters)
            }
        }

        var threads: [(rank: Double, thread: SuggestedThread)] = []
        var usedIDs = Set<String>()
        for d in merged {
            let members = Array(d.members.prefix(maxTermsPerThread))
            var perPeriod = Array(repeating: 0, count: periods)
            for mi in d.support where messagePeriod[mi] >= 0 { perPeriod[messagePeriod[mi]] += 1 }
            var terms: [SuggestedThread.Term] = []
            for c in members {
                let s = stats[eligible[candidates[c]]]
                let share = d.share[c]!
                let text = s.capitalised * 2 >= s.occurrences ? s.surface : s.surface.lowercased()
                terms.append(SuggestedThread.Term(text: text, messages: Int(s.df), cohesion: share,
                                                  weight: ((1 + 3 * share) * 2).rounded() / 2,
                                                  exampleLines: s.examples.map(Int.init)))
            }
            var peak: String?
            var peakCount = 0, peakSize = 0
            if periods > 1 {
                for p in 0..<periods where perPeriod[p] > 0 {
                    let more = perPeriod[p] > peakCount
                    let denser = perPeriod[p] == peakCount && perPeriod[p] * peakSize > peakCount * periodSize[p]
                    if more || denser { peak = periodList[p]; peakCount = perPeriod[p]; peakSize = periodSize[p] }
                }
            }
            let id = TopicSuggester.uniqueID(for: terms[0].text, used: &usedIDs)
            // The label: the first three terms that repeat no other ("Trieste, Istria", not
            // "Trieste, Istria, Istria-Trieste"; "Trieste", not "Trieste, Trieste area").
            func words(_ c: Int) -> Set<UInt64> { let p = stats[eligible[candidates[c]]].parts; return [p.0, p.1] }
            var shown: [Int] = []
            var shownWords = Set<UInt64>()
            for (i, c) in members.enumerated() where shown.count < 3 {
                let w = words(c)
                guard !w.isSubset(of: shownWords), !shown.contains(where: { words(members[$0]).isSubset(of: w) }) else { continue }
                shown.append(i)
                shownWords.formUnion(w)
            }
            let label = shown.map { terms[$0].text }.joined(separator: ", ")
            let thread = SuggestedThread(id: id, label: label, terms: terms,
                                         messages: d.support.count, peakPeriod: peak, peakMessages: peakCount,
                                         peakPeriodMessages: peakSize)
            threads.append((rank(d), thread))
        }
        threads.sort { $0.rank != $1.rank ? $0.rank > $1.rank : $0.thread.id < $1.thread.id }
        return threads.prefix(maxThreads).map(\.thread)
    }

    /// A thread while it is built: candidate indices (best first), its letters (those holding two
    /// or more of its terms) and the share of each term's letters that are its letters.
    private struct ThreadDraft {
        var members: [Int]
        var support: [Int]
        var share: [Int: Double]
    }

    /// Whether a message has any text to take terms from (a CMIF letter of metadata has none).
    public static func hasText(_ message: Message) -> Bool {
        !message.body.allSatisfy(\.isWhitespace)
    }

    /// Dunning's G² for a 2×2 table of message counts (a: term in period, b: term elsewhere,
    /// c: other messages of the period, d: other messages elsewhere).
    static func logLikelihood(a: Double, b: Double, c: Double, d: Double) -> Double {
        let total = a + b + c + d
        func term(_ o: Double, _ row: Double, _ column: Double) -> Double {
            guard o > 0 else { return 0 }
            return o * log(o * total / (row * column))
        }
        return 2 * (term(a, a + b, a + c) + term(b, a + b, b + d) + term(c, c + d, a + c) + term(d, c + d, b + d))
    }

    /// Two words form a collocation only when nothing but spaces, a line break or a hyphen
    /// stands between them ("second front", "Soviet-German"; not "shipments; Odessa").
    private static func adjacent(_ words: WordSequence, _ a: Int, _ b: Int) -> Bool {
        let end = Int(words.words[a].end), start = Int(words.words[b].start)
        guard start - end <= 3 else { return false }
        for i in end..<start where ![0x20, 0x0A, 0x0D, 0x09, 0x2D].contains(words.byte(i)) { return false }
        return true
    }

    /// One key for an unordered pair of word hashes.
    private static func pairKey(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let (x, y) = a < b ? (a, b) : (b, a)
        return (x &* 0xFF51_AFD7_ED55_8CCD) ^ (y >> 17 | y << 47)
    }

    /// Whether word `k` opens a sentence: the first word of the text, or one after a full stop,
    /// question or exclamation mark, or a paragraph break, where every word has a capital.
    private static func startsSentence(_ words: WordSequence, _ k: Int) -> Bool {
        guard k > 0 else { return true }
        var newlines = 0
        for i in Int(words.words[k - 1].end)..<Int(words.words[k].start) {
            switch words.byte(i) {
            case 0x2E, 0x21, 0x3F: return true
            case 0x0A: newlines += 1; if newlines >= 2 { return true }
            default: continue
            }
        }
        return false
    }

    /// Whether word `k` begins with an upper-case letter, in any script.
    private static func startsUpperCase(_ words: WordSequence, _ k: Int) -> Bool {
        let b = words.byte(Int(words.words[k].start))
        if b < 0x80 { return b >= 0x41 && b <= 0x5A }
        return words.word(k).first?.isUppercase == true
    }

    /// Whether word `k` is joined to the next word by a hyphen alone ("Anglo-American").
    private static func hyphenatedToNext(_ words: WordSequence, _ k: Int) -> Bool {
        guard k + 1 < words.count else { return false }
        let end = Int(words.words[k].end)
        return Int(words.words[k + 1].start) == end + 1 && words.byte(end) == 0x2D
    }

    /// A word that may be a term: at least three letters of key, not only digits.
    private static func isContentWord(_ words: WordSequence, _ k: Int) -> Bool {
        let range = words.keyRange(k)
        guard range.count >= 3 else { return false }
        for i in range where !(words.keyByte(i) >= 0x30 && words.keyByte(i) <= 0x39) { return true }
        return false
    }

    /// A lexicon id from a term: its ASCII letters and digits, lower case, '_' between words.
    static func uniqueID(for text: String, used: inout Set<String>) -> String {
        var words: [String] = []
        for key in WordSequence.words(of: text) {
            var kept: [UInt8] = []
            for b in key {
                let f = WordSequence.folded(b)
                let isLetter = f >= 0x61 && f <= 0x7A
                let isDigit = f >= 0x30 && f <= 0x39
                if isLetter || isDigit { kept.append(f) }
            }
            if !kept.isEmpty { words.append(String(decoding: kept, as: UTF8.self)) }
        }
        var base = words.joined(separator: "_")
        if base.isEmpty { base = "thread" }
        var id = base
        var n = 2
        while used.contains(id) { id = "\(base)_\(n)"; n += 1 }
        used.insert(id)
        return id
    }

    /// The hashes of the bundled function words (`Resources/stopwords.txt`).
    static func stopwordHashes() throws -> Set<UInt64> {
        guard let url = Bundle.module.url(forResource: "stopwords", withExtension: "txt", subdirectory: "Resources"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw EpistolaryError(.environment, "the bundled word list stopwords.txt is missing from the build")
        }
        var out = Set<UInt64>()
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let words = WordSequence(String(line), firstLine: 1)
            for w in words.words { out.insert(w.hash) }
        }
        return out
    }
}
