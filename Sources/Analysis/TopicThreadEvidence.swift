/// How `TopicSuggester` ranks candidate threads against each other. Topic-model practice judges a
/// topic by the coherence of its top words (they occur in the same letters beyond chance: here
/// the mean log-likelihood G² of co-occurrence of its leading terms, cf. Mimno et al. 2011) and
/// their exclusivity (their letters are the topic's, cf. FREX, Roberts et al. 2014); here also by
/// how specific its leading terms are (`TopicTermProfile.specificity`: names, bound
/// collocations, words that recur within letters, against the vocabulary of the genre spread
/// evenly over time) and by the letters that carry it.
enum ThreadEvidence {
    /// √(G² × letters) × specificity × exclusivity. The root of G² is the signed-root statistic
    /// (on the scale of a z-score); letters enter under the same root, so that a thread of thirty
    /// letters outweighs four letters repeating one phrase, without one large thread burying the rest.
    /// - Parameters:
    ///   - association: mean pairwise G² of co-occurrence of its leading terms.
    ///   - specificity: mean specificity of its first three terms (0...1).
    ///   - exclusivity: mean share of its leading terms' letters that are the thread's (0...1).
    ///   - letters: letters holding two or more of its (unrelated) terms.
    static func rank(association: Double, specificity: Double, exclusivity: Double, letters: Int) -> Double {
        (association * Double(letters)).squareRoot() * specificity * exclusivity
    }
}
