import Analysis
import Correspondence
import Styling

/// What a figure is drawn from: the analysis (already filtered to what the figure shows, with
/// every unidentified person drawn as one: `CorpusAnalysis.groupingUnidentified`), the
/// theme, and the run's category styles, built from the run's full key lists (every person of
/// the person table, every topic of the lexicon) so that a person or topic has the same
/// colour in every figure, whatever the filter.
public struct FigureContext: Sendable {
    public var analysis: CorpusAnalysis
    /// The theme, with the author's `--width` and `--height` (from `settings`) already set as
    /// its page size and `--no-title` as its `show_title`, so every figure reads one size.
    public var theme: Theme
    public var people: CategoryStyles
    public var topics: CategoryStyles
    /// Use the theme's wide (double-column) page instead of the single column.
    public var wide: Bool
    /// The style spec the theme was loaded from ("paper"), for the caption.
    public var styleSpec: String
    /// The filters applied, in words ("topic poland; from 1943-01-01"), for the caption; "" for none.
    public var filterDescription: String
    /// The author's size, title and labels.
    public var settings: FigureSettings

    /// - Parameter people: the run's people styles; by default `peopleStyles(ranking:theme:)`
    ///   of this analysis. Pass the styles of the whole corpus when `analysis` is a slice, so
    ///   that a person keeps one colour in every figure of the run.
    public init(analysis: CorpusAnalysis, theme: Theme, wide: Bool = false, styleSpec: String, filterDescription: String = "",
                settings: FigureSettings = FigureSettings(), people: CategoryStyles? = nil, topics: CategoryStyles? = nil) {
        let analysis = analysis.groupingUnidentified()
        self.analysis = analysis
        var theme = theme
        if let width = settings.widthMM { theme.page.widthMM = width; theme.page.wideWidthMM = width }
        if let height = settings.heightMM { theme.page.heightMM = height; theme.page.wideHeightMM = height }
        if settings.title == .none { theme.page.showTitle = false }
        if case .custom = settings.title { theme.page.showTitle = true }
        self.theme = theme
        self.wide = wide
        self.styleSpec = styleSpec
        self.filterDescription = filterDescription
        self.settings = settings
        self.people = people ?? theme.peopleStyles(Self.runPeople(analysis))
        self.topics = topics ?? theme.topicStyles(analysis.ranking.topics)
        var shorts: [String: Int] = [:]
        for person in analysis.corpus.people.people { shorts[person.shortLabel, default: 0] += 1 }
        shortLabelCounts = shorts
    }

    /// How many people of the table share each short label: a shared one is not used.
    private var shortLabelCounts: [String: Int]

    /// Every person id of the run in the order they take the palette's looks
    /// (`CorpusAnalysis.paletteOrder`, the one rule shared with the timelines): the key list
    /// for people's styles (the busiest get colours, the rest are "others").
    ///
    /// - Complexity: O(p) in people.
    public static func runPeople(_ analysis: CorpusAnalysis) -> [String] {
        analysis.paletteOrder
    }

    /// The correspondents of `analysis` (writers and addressees of its messages), most
    /// involved first (messages written plus received, inferred ones included; ties by id):
    /// the order in which people get places in budgeted figures (colours follow
    /// `runPeople`, the whole corpus's `CorpusAnalysis.paletteOrder`, in every figure).
    ///
    /// - Complexity: O(m + p log p) for m messages and p people.
    public static func rankedCorrespondents(_ analysis: CorpusAnalysis) -> [String] {
        var involvement: [String: Int] = [:]
        let messages = analysis.messages
        for index in messages.indices {
            // Fields read in place: the message itself is not copied.
            let sender = messages[index].sender
            if !sender.isEmpty { involvement[sender, default: 0] += 1 }
            for recipient in Set(messages[index].recipients) where !recipient.isEmpty { involvement[recipient, default: 0] += 1 }
        }
        for inferred in analysis.inferred {
            involvement[inferred.sender, default: 0] += 1
            involvement[inferred.recipient, default: 0] += 1
        }
        return involvement.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
    }

    /// People's styles for a run ranked by `ranking`: the theme gives the busiest, as many as
    /// its people's palette holds, a colour of their own, and everyone else `other` (grey).
    public static func peopleStyles(ranking: [String], theme: Theme) -> CategoryStyles {
        theme.peopleStyles(ranking)
    }

    /// The title to draw for a figure whose own title is `automatic`: the author's, the
    /// figure's, or nil when the figure carries none (`--no-title`, or `show_title = false`).
    public func title(automatic: String) -> String? {
        guard theme.page.showTitle else { return nil }
        return settings.title(automatic: automatic)
    }

    /// How figures name a person where space is short: the author's label, else the person's
    /// short label (`Person.shortLabel`, the one rule: "Weber" for "Weber, Max"), or their
    /// full name when another person of the table has the same short label ("Max Weber" and
    /// "Alfred Weber"), so two people never share a label. Cut past
    /// `DisplayText.maxNameLength` characters, as every name a figure shows.
    public func shortName(of id: String) -> String {
        if let label = settings.labels[id] { return label }
        guard let person = analysis.corpus.people[id] else { return DisplayText.bounded(id) }
        let short = person.shortLabel
        return DisplayText.bounded((shortLabelCounts[short] ?? 0) > 1 ? person.name : short)
    }

    /// How figures name a person where there is room: the author's label, or the full name.
    public func fullName(of id: String) -> String {
        settings.labels[id] ?? analysis.corpus.people.name(of: id)
    }


    /// The central person of the figure's messages, if the corpus has one (Analysis's one
    /// rule, `Principal`); nil for a corpus without a centre, which then gets no wording
    /// relative to one person.
    public var principal: String? { analysis.principal.id }

    /// How the matrix figure orders its people.
    public var matrixOrder: MatrixOrder = .activity

    /// Parts shared with other figures of the same analysis (`FigureParts`), or nil to make
    /// every part for this figure alone.
    public var parts: FigureParts? = nil

    /// Every letter of the analysis with its people numbered, for the figures that merge
    /// people at several budgets (shared through `parts` when there are parts).
    /// - Complexity: O(m) for m messages, once per gallery with parts.
    var letterNumbers: LetterNumbers {
        let make = { LetterNumbers(messages: analysis.messages, inferred: analysis.inferred) }
        return parts?.letterNumbers(make) ?? make()
    }

    /// `DrawnMessages` of every message of this context's analysis, counted once when `parts`
    /// is shared (a figure trying several layouts counted them at each: at 500,000 messages a
    /// second of the correspondents export's drawing).
    var everyMessageDrawn: DrawnMessages {
        parts?.everyMessage { DrawnMessages(analysis.messages) } ?? DrawnMessages(analysis.messages)
    }

    /// `rankedCorrespondents` of this context's analysis, made once when `parts` is shared.
    var ranking: [String] {
        parts?.rankedCorrespondents { Self.rankedCorrespondents(analysis) } ?? Self.rankedCorrespondents(analysis)
    }
}
