import Analysis

extension GraphFigure {
    /// The replies figure's default slice: the topic "poland" (the corpus's best-known
    /// thread) when the lexicon has it, otherwise the topic with the most messages.
    public static func defaultRepliesTopic(_ analysis: CorpusAnalysis) -> String? {
        if analysis.lexicon.topic("poland") != nil { return "poland" }
        return analysis.lexicon.topics.max { a, b in
            let x = analysis.threads(topic: a.id).messageIDs.count, y = analysis.threads(topic: b.id).messageIDs.count
            return x != y ? x < y : a.id > b.id
        }?.id
    }
}
