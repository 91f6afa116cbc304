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
enum ParallelTexts {
    static let threshold = 0.5
    static let shingleSize = 4

    static func links(messages: [Message], words: [WordSequence]) -> [ReplyLink] {
        struct Bucket: Hashable {
            let sender: String
            let day: Day
        }
        var buckets: [Bucket: [Int]] = [:]
        for (i, m) in messages.enumerated() where m.kind == .message || m.kind == .fragment {
            buckets[Bucket(sender: m.sender, day: m.date.best), default: []].append(i)
        }
        var shingles: [Int: Set<UInt64>] = [:]
        func shingleSet(_ i: Int) -> Set<UInt64> {
            if let s = shingles[i] { return s }
            let w = words[i]
            var s = Set<UInt64>()
            if w.count >= shingleSize {
                for k in 0...(w.count - shingleSize) {
                    var h: UInt64 = 0x9E37_79B9_7F4A_7C15
                    for j in k..<(k + shingleSize) { h = (h ^ w.hashes[j]) &* 0x0000_0100_0000_01b3 }
                    s.insert(h)
                }
            }
            shingles[i] = s
            return s
        }
        var out: [ReplyLink] = []
        for (_, members) in buckets where members.count > 1 {
            for a in 0..<members.count {
                for b in (a + 1)..<members.count {
                    let i = members[a], j = members[b]
                    guard Set(messages[i].recipients) != Set(messages[j].recipients) else { continue }
                    let si = shingleSet(i), sj = shingleSet(j)
                    guard !si.isEmpty, !sj.isEmpty else { continue }
                    let common = si.intersection(sj).count
                    let jaccard = Double(common) / Double(si.count + sj.count - common)
                    guard jaccard >= threshold else { continue }
                    let (first, second) = messages[i].span.startLine <= messages[j].span.startLine ? (i, j) : (j, i)
                    let w = words[second]
                    let opening = w.count > 0 ? w.text(from: 0, through: min(w.count, 8) - 1) : ""
                    let rounded = (jaccard * 100).rounded() / 100
                    out.append(ReplyLink(from: messages[first].id, to: messages[second].id, kind: .parallel,
                                         confidence: rounded,
                                         evidence: LinkEvidence(phrase: opening, line: w.count > 0 ? Int(w.lines[0]) : messages[second].span.startLine,
                                                                rule: "same day, different addressees, word 4-shingle Jaccard similarity \(rounded)")))
                }
            }
        }
        return out
    }
}
