import Foundation
import Correspondence

/// Proposes candidate topic threads for a corpus with text, for a user who has no lexicon yet
/// (`epistolary topics suggest`). Nothing in it knows any corpus: it only counts words.
///
/// 1. Terms are the words of the bodies (keys without case or diacritics, function words of
///    English, German, French and Italian left out, see `Resources/stopwords.txt`) and the
///    collocations of two adjacent such words.
/// 2. Candidates are terms that are *distinctive* in a period (year, or quarter for a corpus of
///    within two calendar years) against the corpus as a whole (Dunning's log-likelihood G² on message
///    counts, over-represented, G² ≥ 10.83, p < 0.001), and terms that *recur within letters*
///    (messages where they occur twice or more, weighted by inverse document frequency): the two
///    signs that a word carries a subject rather than style.
/// 3. Candidates are grouped when they occur in the same letters, as
///    average-link clusters (Dice coefficient of the messages they share, counted only where
///    they meet at least three times as often as chance; groups merge while ≥ `minDice`). Groups of two
///    or more terms are threads, ranked by the topicality of their leading terms times their
///    cohesion times the square root of the messages holding two or more of their terms.
public struct TopicSuggester: Sendable {
    /// How many threads to return.
    public var maxThreads: Int
    /// How many terms a thread keeps.
    public var maxTermsPerThread: Int
    /// Minimum mean Dice coefficient between a term and a group's leading terms to join it.
    public var minDice: Double

    public init(maxThreads: Int = 10, maxTermsPerThread: Int = 10, minDice: Double = 0.15) {
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
        var examples: [Int32] = []
    }

    /// The candidate threads of `messages` (those with an empty body are ignored), best first.
    /// Throws when no message has text.
    /// - Complexity: O(W + M·c²) for W words in M messages, c ≤ 30 candidates per message, plus
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
        let datedCount = Double(years.count)

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
                if let p = previous, p.index == k - 1, TopicSuggester.adjacent(words, p.index, k) {
                    ids.append(((p.hash &* 0x9E37_79B9_7F4A_7C15) ^ (word.hash >> 7 | word.hash << 57), true, p.index))
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
                    }
                    stats[Int(t)].occurrences += 1
                    if words.isCapitalised(first) { stats[Int(t)].capitalised += 1 }
                    if !isBigram && TopicSuggester.hyphenatedToNext(words, k) { stats[Int(t)].hyphenated += 1 }
                    let n = local[t, default: 0]
                    if n == 0 && stats[Int(t)].examples.count < 3 { stats[Int(t)].examples.append(Int32(word.line)) }
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

        // 2. Candidates: distinctive in a period, or recurring within letters.
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
        var score = [Double](repeating: 0, count: eligible.count)
        var chosen = Set<Int>()
        // Distinctive in a period: Dunning's G² of the period's messages against the rest.
        var datedDF = [Double](repeating: 0, count: eligible.count)
        for e in eligible.indices { for q in 0..<periods { datedDF[e] += Double(periodCounts[e * periods + q]) } }
        if periods > 1 {
            for p in 0..<periods {
                var ranked: [(Double, Int)] = []
                for e in eligible.indices {
                    let a = Double(periodCounts[e * periods + p])
                    let df = datedDF[e]
                    let size = Double(periodSize[p])
                    guard a >= 2, a / size > df / datedCount else { continue }
                    let g2 = TopicSuggester.logLikelihood(a: a, b: df - a, c: size - a, d: datedCount - size - (df - a))
                    guard g2 >= 10.83 else { continue }
                    score[e] = max(score[e], g2)
                    ranked.append((g2, e))
                }
                ranked.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
                for (_, e) in ranked.prefix(15) { chosen.insert(e) }
            }
        }
        // Recurring within letters: residual IDF (Church and Gale), the excess of a term's
        // observed inverse document frequency over what a Poisson spread of its occurrences
        // would give: subject words cluster in few letters, style words spread.
        var bursty: [(Double, Int)] = []
        for e in eligible.indices {
            let s = stats[eligible[e]]
            guard s.repeated >= 2 else { continue }
            let observed = log2(n / Double(s.df))
            let expected = -log2(1 - exp(-Double(s.occurrences) / n))
            let residual = observed - expected
            guard residual >= 0.3 else { continue }
            let value = residual * log2(Double(s.df)) * (s.isBigram ? 1.5 : 1)
            bursty.append((value, e))
        }
        bursty.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
        for (_, e) in bursty.prefix(150) { chosen.insert(e) }
        for (value, e) in bursty { score[e] = score[e] / 10 + value }
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
            if present.count > 30 { present = Array(present.prefix(30)) }
            for a in present { candidateDF[Int(a)] += 1 }
            for x in 0..<present.count {
                for y in (x + 1)..<present.count { pair[Int(present[x]) * k + Int(present[y])] += 1 }
            }
            messageCandidates.append(present)
        }
        func together(_ a: Int, _ b: Int) -> Int32 { a < b ? pair[a * k + b] : pair[b * k + a] }
        let messageCount = Double(texts.count)
        /// Dice coefficient of two candidates, counted only when they meet at least three times as
        /// often as chance would have them (lift ≥ 3): frequent words meet everywhere.
        func dice(_ a: Int, _ b: Int) -> Double {
            // A collocation and one of its own words meet by construction: no evidence of a thread.
            if partOf[candidates[a]]?.contains(candidates[b]) == true || partOf[candidates[b]]?.contains(candidates[a]) == true { return 0 }
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

        // 5. Threads: groups of two or more terms, ranked by support times cohesion.
        var threads: [(rank: Double, thread: SuggestedThread)] = []
        var usedIDs = Set<String>()
        for case let group? in groups where group.count >= 2 {
            // A word is left to a collocation of the same thread that holds most of its letters
            // ("second" to "second front"): the two would match the same words.
            let redundant = Set(group.filter { c in
                group.contains { b in
                    partOf[candidates[b]]?.contains(candidates[c]) == true && 2 * candidateDF[b] > candidateDF[c]
                }
            })
            let members = Array(group.filter { !redundant.contains($0) }.prefix(maxTermsPerThread))
            guard members.count >= 2 else { continue }
            let memberSet = Set(members.map { Int32($0) })
            var support = 0
            var perPeriod = Array(repeating: 0, count: periods)
            var withOther = Array(repeating: 0, count: members.count)
            let position = Dictionary(uniqueKeysWithValues: members.enumerated().map { (Int32($1), $0) })
            for (mi, present) in messageCandidates.enumerated() {
                let inThread = present.filter { memberSet.contains($0) }
                guard inThread.count >= 2 else { continue }
                support += 1
                if messagePeriod[mi] >= 0 { perPeriod[messagePeriod[mi]] += 1 }
                for c in inThread { withOther[position[c]!] += 1 }
            }
            guard support >= max(4, Int(minDF)) else { continue }
            let leading = Array(members.prefix(4))
            var pairs = 0.0, sum = 0.0
            for x in 0..<leading.count { for y in (x + 1)..<leading.count { sum += dice(leading[x], leading[y]); pairs += 1 } }
            let cohesion = pairs > 0 ? sum / pairs : 0
            var terms: [SuggestedThread.Term] = []
            for (i, c) in members.enumerated() {
                let s = stats[eligible[candidates[c]]]
                let share = Double(withOther[i]) / Double(max(1, candidateDF[c]))
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
            let thread = SuggestedThread(id: id, label: terms.prefix(3).map(\.text).joined(separator: ", "), terms: terms,
                                         messages: support, peakPeriod: peak, peakMessages: peakCount,
                                         peakPeriodMessages: peakSize)
            let topicality = members.prefix(5).reduce(0) { $0 + score[candidates[$1]] }
            threads.append((topicality * cohesion * Double(support).squareRoot(), thread))
        }
        threads.sort { $0.rank != $1.rank ? $0.rank > $1.rank : $0.thread.id < $1.thread.id }
        return threads.prefix(maxThreads).map(\.thread)
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
        for i in end..<start where ![0x20, 0x0A, 0x0D, 0x09, 0x2D].contains(words.bytes[i]) { return false }
        return true
    }

    /// Whether word `k` is joined to the next word by a hyphen alone ("Anglo-American").
    private static func hyphenatedToNext(_ words: WordSequence, _ k: Int) -> Bool {
        guard k + 1 < words.count else { return false }
        let end = Int(words.words[k].end)
        return Int(words.words[k + 1].start) == end + 1 && words.bytes[end] == 0x2D
    }

    /// A word that may be a term: at least three letters of key, not only digits.
    private static func isContentWord(_ words: WordSequence, _ k: Int) -> Bool {
        let w = words.words[k]
        guard w.keyEnd - w.keyStart >= 3 else { return false }
        for i in Int(w.keyStart)..<Int(w.keyEnd) where !(words.keys[i] >= 0x30 && words.keys[i] <= 0x39) { return true }
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
