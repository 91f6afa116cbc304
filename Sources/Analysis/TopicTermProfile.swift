import Foundation

/// What the counts of one term say about whether it names a subject, for `TopicSuggester`.
/// Three signs, each from text-mining practice and none from any corpus's words:
/// - *burstiness in time*: its letters crowd into some periods against the corpus (Dunning's G²
///   of the best period; a G² test of homogeneity over all periods tells an even spread);
/// - *burstiness within letters*: residual IDF (Church and Gale 1995), the excess of its observed
///   inverse document frequency over a Poisson spread of its occurrences — a subject word recurs
///   in the letters about the subject, a word of the genre ("matter", "regards") turns up once
///   here and once there;
/// - *form*: a word or phrase written with a capital inside sentences (a name), or a collocation
///   whose words are bound to each other (the share of its rarer word's occurrences it holds).
///
/// `specificity` (0...1) is the largest of name, bond and recurrence (at least 0.1), halved for a
/// term spread evenly over the periods of a corpus whose periods are known (a corpus without
/// dates, or with dates that carry no topic, penalises no term); `strength` ranks candidates:
/// specificity × log₂(1 + letters) × (1 + G² of its best period / 25, at most 3).
struct TopicTermProfile: Sendable {
    /// The critical values of χ² at p = 0.01 for 1 to 12 degrees of freedom (13 or more: the
    /// Wilson–Hilferty approximation).
    static func chiSquare01(_ dof: Int) -> Double {
        let table = [6.635, 9.210, 11.345, 13.277, 15.086, 16.812, 18.475, 20.090, 21.666, 23.209, 24.725, 26.217]
        if dof >= 1 && dof <= table.count { return table[dof - 1] }
        let k = Double(dof), z = 2.326
        let c = 1 - 2 / (9 * k) + z * (2 / (9 * k)).squareRoot()
        return k * c * c * c
    }

    /// Residual IDF in bits (0 or more).
    let residualIDF: Double
    /// Share of its in-sentence occurrences written with a capital.
    let name: Double
    /// For a collocation, how firmly its words belong together (0...1); 0 for a word.
    let bond: Double
    /// G² of its best over-represented period (0 when none, or no periods).
    let periodG2: Double
    /// True when its letters spread over the periods as the corpus's do (homogeneity not
    /// rejected at p < 0.01, with enough letters to tell).
    let evenlySpread: Bool
    let specificity: Double
    let strength: Double

    /// - Parameters:
    ///   - messages: letters holding the term; `occurrences`: its occurrences; `corpusMessages`: letters with text.
    ///   - periodCounts: letters holding it in each period; `periodSizes`: letters in each period.
        ///   - bond: for a collocation, its occurrences over those of its rarer word; nil for a word.
    ///   - nameShare: share of its in-sentence occurrences that are capitalised.
    init(messages: Double, occurrences: Double, corpusMessages n: Double, periodCounts: [Double], periodSizes: [Double],
         bond: Double?, nameShare: Double) {
        residualIDF = max(0, log2(n / messages) + log2(1 - exp(-occurrences / n)))
        name = nameShare
        self.bond = bond ?? 0
        let dated = periodCounts.reduce(0, +)
        let datedSize = periodSizes.reduce(0, +)
        var best = 0.0
        var homogeneity = 0.0
        if periodCounts.count > 1 && dated > 0 {
            for p in periodCounts.indices where periodSizes[p] > 0 {
                let a = periodCounts[p], size = periodSizes[p]
                let expected = dated * size / datedSize
                if a > 0 { homogeneity += 2 * a * log(a / expected) }
                let rest = size - a
                let expectedRest = (datedSize - dated) * size / datedSize
                if rest > 0 && expectedRest > 0 { homogeneity += 2 * rest * log(rest / expectedRest) }
                guard a >= 2, a / size > dated / datedSize else { continue }
                best = max(best, TopicSuggester.logLikelihood(a: a, b: dated - a, c: size - a, d: datedSize - size - (dated - a)))
            }
        }
        periodG2 = best
        // Enough letters to tell: at least two expected in each period on average.
        let canTell = periodCounts.count > 1 && dated >= 2 * Double(periodCounts.count)
        evenlySpread = canTell && homogeneity < TopicTermProfile.chiSquare01(periodCounts.count - 1)
        let recurrence = min(1, residualIDF)
        specificity = max(name, self.bond, recurrence, 0.1) * (evenlySpread ? 0.5 : 1)
        strength = specificity * log2(1 + messages) * (1 + min(periodG2, 50) / 25)
    }
}
