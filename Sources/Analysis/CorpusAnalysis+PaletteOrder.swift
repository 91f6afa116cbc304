import Correspondence

extension CorpusAnalysis {
    /// People in the order they take the people palette's looks (colour, dash, marker shape):
    /// the one rule for every figure of a run, graphs (correspondents, replies, mentions,
    /// matrix), timelines (correspondents, volume, latency) and the drawings exports carry, so
    /// that a person coloured in two figures has the same colour and shape in both, and a
    /// figure that shows fewer people keeps each one's look instead of renumbering.
    ///
    /// The order is `ranking.people`: messages of the whole corpus each person writes or
    /// receives (taken before any filter, so a slice keeps the whole's looks; inferred
    /// messages are not counted), most first; ties broken by the person table's order (the
    /// order in which the reader met them), then by id. The unidentified people, drawn as one
    /// with a look of their own (`CategoryStyles.unidentified`), take no place: they are
    /// replaced by that one key (`UnidentifiedGroup.id`) at the end, so the order is the same
    /// whether or not the analysis is `groupingUnidentified()` already. Pass it to
    /// `Theme.peopleStyles`.
    ///
    /// - Complexity: O(p) in people.
    public var paletteOrder: [String] {
        let table = corpus.people
        var order: [String] = []
        order.reserveCapacity(ranking.people.count)
        var grouped = false
        for id in ranking.people {
            if id == UnidentifiedGroup.id || table[id]?.unidentified == true { grouped = true; continue }
            order.append(id)
        }
        if grouped { order.append(UnidentifiedGroup.id) }
        return order
    }
}
