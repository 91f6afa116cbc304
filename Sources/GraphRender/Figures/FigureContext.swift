import Analysis
import Correspondence
import Styling

/// What a figure is drawn from: the analysis (already filtered to what the figure shows), the
/// theme, and the run's category styles, built from the run's full key lists (every person of
/// the person table, every topic of the lexicon) so that a person or topic has the same
/// colour in every figure, whatever the filter.
public struct FigureContext: Sendable {
    public var analysis: CorpusAnalysis
    public var theme: Theme
    public var people: CategoryStyles
    public var topics: CategoryStyles
    /// Use the theme's wide (double-column) page instead of the single column.
    public var wide: Bool
    /// The style spec the theme was loaded from ("paper"), for the caption.
    public var styleSpec: String
    /// The filters applied, in words ("topic poland; from 1943-01-01"), for the caption; "" for none.
    public var filterDescription: String

    public init(analysis: CorpusAnalysis, theme: Theme, wide: Bool = false, styleSpec: String, filterDescription: String = "",
                people: CategoryStyles? = nil, topics: CategoryStyles? = nil) {
        self.analysis = analysis
        self.theme = theme
        self.wide = wide
        self.styleSpec = styleSpec
        self.filterDescription = filterDescription
        self.people = people ?? theme.peopleStyles(Self.runPeople(analysis))
        self.topics = topics ?? theme.topicStyles(analysis.ranking.topics)
    }

    /// Every person id of the run ranked by activity in the whole corpus: the key list for
    /// people's styles (the busiest get colours, the rest are "others").
    public static func runPeople(_ analysis: CorpusAnalysis) -> [String] {
        analysis.ranking.people
    }

    /// How figures name a person where space is short: the surname ("Churchill"), or the
    /// full name when two people of the table share that surname.
    /// Cut past `DisplayText.maxNameLength` characters, as every name a figure shows.
    public func shortName(of id: String) -> String {
        let table = analysis.corpus.people
        guard let person = table[id] else { return DisplayText.bounded(id) }
        let short = Self.shortForm(name: person.name, aliases: person.aliases)
        let clash = table.people.contains { $0.id != id && Self.shortForm(name: $0.name, aliases: $0.aliases) == short }
        return DisplayText.bounded(clash ? person.name : short)
    }

    /// The short form of a name: the first alias that ends the full name ("Clark Kerr" for
    /// "Archibald Clark Kerr", "Churchill" for "Winston Churchill"), so titles such as
    /// "General" are never taken; otherwise the last word of the name.
    static func shortForm(name: String, aliases: [String]) -> String {
        if let alias = aliases.first(where: { !$0.isEmpty && $0 != name && name.hasSuffix(" " + $0) }) { return alias }
        return name.split(separator: " ").last.map(String.init) ?? name
    }

    /// The person at the centre of the correspondence: the one involved in the most messages
    /// of the whole corpus (ties by id). Lanes and counterparts are read relative to them.
    ///
    /// - Complexity: O(n) in messages, at every use: read it once per figure.
    public var hub: String? {
        var involvement: [String: Int] = [:]
        for message in analysis.corpus.messages {
            involvement[message.sender, default: 0] += 1
            for recipient in Set(message.recipients) { involvement[recipient, default: 0] += 1 }
        }
        return involvement.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key
    }
}
