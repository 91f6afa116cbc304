/// The graph figures Epistolary draws.
public enum GraphFigureKind: String, CaseIterable, Sendable, Codable {
    /// People, with who wrote to whom.
    case correspondents
    /// Messages in time, in a lane per correspondent, with reply links.
    case replies
    /// Topics against correspondents: who wrote about what.
    case topics
    /// People named together in the message bodies.
    case mentions
    /// People against people, each cell the messages from the row's person to the column's:
    /// the idiom for a network a node-link drawing would turn into a hairball.
    case matrix
}
